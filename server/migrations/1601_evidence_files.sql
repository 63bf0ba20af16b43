-- Evidence files (issue 16): files a school attaches to a respondent's
-- answer, the consensus answer of an indicator, or an action of its plan.
-- The bytes live in the data folder under `files/<sha256>` (one copy per
-- content); a row is one attachment of such content to one item. A
-- deleted attachment keeps its row (`deleted_at`) so it can be restored,
-- until it is purged; the bytes are removed once no row names the hash.
create table evidence_files (
    id             integer primary key,
    edition_id     integer not null references editions (id),
    school_id      integer not null references schools (id),
    item_kind      text not null check (item_kind in ('answer', 'consensus', 'action')),
    -- answer and consensus: the measurement and indicator; answer: the respondent.
    measurement_id integer references measurements (id),
    indicator_id   text,
    person_id      integer references people (id),
    -- action: the plan action.
    action_id      integer references actions (id),
    name           text not null,
    size           integer not null check (size > 0),
    kind           text not null,
    sha256         text not null check (length(sha256) = 64),
    uploaded_by    integer references people (id),
    uploaded_at    integer not null,
    deleted_at     integer,
    deleted_by     integer references people (id),
    check (item_kind <> 'answer' or (measurement_id is not null and indicator_id is not null and person_id is not null)),
    check (item_kind <> 'consensus' or (measurement_id is not null and indicator_id is not null)),
    check (item_kind <> 'action' or action_id is not null)
);
create index evidence_files_school on evidence_files (school_id);
create index evidence_files_measurement on evidence_files (measurement_id) where measurement_id is not null;
create index evidence_files_action on evidence_files (action_id) where action_id is not null;
create index evidence_files_hash on evidence_files (sha256);

-- An edition's limits; an edition without a row has the defaults
-- (rubric::evidence::EvidenceLimits::default: 10 MB a file, 200 MB a school).
create table evidence_limits (
    edition_id         integer primary key references editions (id),
    max_file_bytes     integer not null check (max_file_bytes > 0),
    school_quota_bytes integer not null check (school_quota_bytes > 0),
    version            integer not null default 1
);
