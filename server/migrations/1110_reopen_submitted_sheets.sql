-- Submitted means submitted (issue 11): a submitted nulmeting sheet
-- (response) or jury score sheet is frozen. Its owner asks to reopen it;
-- whoever decides reopens it or declines; the owner changes it and submits
-- again. While it is reopened the others keep seeing the version submitted
-- before (`snapshot`, JSON); at resubmission what changed is recorded
-- (`changes`, JSON list of rubric::submission::Change: key, before, after).
-- At most one open (requested or reopened) reopening per sheet.

create table response_reopenings (
    id             integer primary key,
    response_id    integer not null references responses (id),
    state          text not null default 'requested' check (state in ('requested', 'declined', 'reopened', 'resubmitted')),
    reason         text not null default '',
    requested_by   integer not null references people (id),
    requested_at   integer not null,
    decided_by     integer references people (id),
    decided_at     integer,
    note           text not null default '',
    snapshot       text,
    changes        text,
    resubmitted_at integer
);
create index response_reopenings_response on response_reopenings (response_id);
create unique index response_reopenings_open on response_reopenings (response_id) where state in ('requested', 'reopened');

create table sheet_reopenings (
    id             integer primary key,
    sheet_id       integer not null references score_sheets (id),
    state          text not null default 'requested' check (state in ('requested', 'declined', 'reopened', 'resubmitted')),
    reason         text not null default '',
    requested_by   integer not null references people (id),
    requested_at   integer not null,
    decided_by     integer references people (id),
    decided_at     integer,
    note           text not null default '',
    snapshot       text,
    changes        text,
    resubmitted_at integer
);
create index sheet_reopenings_sheet on sheet_reopenings (sheet_id);
create unique index sheet_reopenings_open on sheet_reopenings (sheet_id) where state in ('requested', 'reopened');
