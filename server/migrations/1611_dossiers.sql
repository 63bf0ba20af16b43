-- The award dossier a finalist candidate and its sponsor company prepare
-- together (issue 16, `rubric::dossier`): one per school per edition.
-- Each part has its own version (stale writes of its editors); `revision`
-- counts every change of the whole, and a sign-off names the revision it
-- approves. Sign-offs and the withdrawal notice are JSON of
-- `rubric::dossier::{SignOff, Withdrawal}`; `evidence` a JSON array of
-- evidence file ids.
create table dossiers (
    id              integer primary key,
    edition_id      integer not null references editions (id),
    school_id       integer not null references schools (id),
    plan_version    integer,
    school_text     text not null default '',
    summary         text not null default '',
    evidence        text not null default '[]',
    company_text    text not null default '',
    school_version  integer not null default 0,
    company_version integer not null default 0,
    revision        integer not null default 0,
    school_signoff  text,
    company_signoff text,
    withdrawal      text,
    submitted_at    integer,
    updated_at      integer not null,
    unique (edition_id, school_id)
);
