-- Foundation: settings, the programme's editions, schools and companies,
-- people with their role and scope, one-time invitation links, sessions and
-- the audit log. Never edit a migration after it has landed; add a new one.

create table settings (
    key   text primary key,
    value text not null
);

create table editions (
    id                        integer primary key,
    name                      text not null,
    school_year               text not null,
    nulmeting_deadline        text,           -- YYYY-MM-DD
    plan_deadline             text,
    final_date                text,
    final_place               text not null default '',
    cofinancing_threshold_pct integer not null default 10,
    active                    integer not null default 0,
    version                   integer not null default 1,
    created_at                integer not null
);
-- At most one active edition.
create unique index editions_one_active on editions (active) where active = 1;

create table schools (
    id            integer primary key,
    edition_id    integer not null references editions (id),
    name          text not null,
    town          text not null default '',
    region        text not null default '',
    tracks        text not null default '',   -- comma list of track keys
    contact_name  text not null default '',
    contact_email text not null default '',
    company_id    integer references companies (id),  -- the sponsor (peterbedrijf)
    archived_at   integer,
    version       integer not null default 1,
    created_at    integer not null
);
create index schools_edition on schools (edition_id);

create table companies (
    id            integer primary key,
    edition_id    integer not null references editions (id),
    name          text not null,
    town          text not null default '',
    sector        text not null default '',
    contact_name  text not null default '',
    contact_email text not null default '',
    archived_at   integer,
    version       integer not null default 1,
    created_at    integer not null
);
create index companies_edition on companies (edition_id);

create table people (
    id              integer primary key,
    name            text not null,
    email           text not null default '',
    role            text not null check (role in ('coordinator', 'school-member', 'company-member', 'juror')),
    school_id       integer references schools (id),
    company_id      integer references companies (id),
    school_function text,
    archived_at     integer,
    created_at      integer not null,
    check (role <> 'school-member' or school_id is not null),
    check (role <> 'company-member' or company_id is not null)
);

-- A sign-in link. Only the SHA-256 of the token is stored.
create table invitations (
    id         integer primary key,
    person_id  integer not null references people (id),
    token_hash text not null unique,
    created_by integer references people (id),
    created_at integer not null,
    used_at    integer,
    revoked_at integer
);
create index invitations_person on invitations (person_id);

create table sessions (
    token_hash text primary key,
    person_id  integer not null references people (id),
    created_at integer not null,
    expires_at integer not null
);

create table audit_log (
    id         integer primary key,
    at         integer not null,
    person_id  integer references people (id),
    action     text not null,
    detail     text not null default ''
);
