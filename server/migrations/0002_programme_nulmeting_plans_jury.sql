-- The shared schema of the programme's steps: learning networks, the
-- nulmeting (measurements, responses, answers, consensus), action plans
-- (goals, actions, submitted versions, comment threads) and the jury.
-- Every row that a person edits carries `version` for optimistic
-- concurrency: a write names the version it was based on, a stale write is
-- refused with 409. Timestamps are Unix seconds; dates are 'YYYY-MM-DD'.

-- Learning networks ----------------------------------------------------------

create table networks (
    id         integer primary key,
    edition_id integer not null references editions (id),
    kind       text not null check (kind in ('team-stem-project', 'professionalisation', 'local-ecosystem')),
    name       text not null default '',
    unique (edition_id, kind)
);

create table network_sessions (
    id         integer primary key,
    network_id integer not null references networks (id),
    date       text not null,
    place      text not null default '',
    topic      text not null default '',
    version    integer not null default 1,
    created_at integer not null
);
create index network_sessions_network on network_sessions (network_id);

-- One row per school or company present at a session.
create table attendance (
    session_id integer not null references network_sessions (id) on delete cascade,
    school_id  integer references schools (id),
    company_id integer references companies (id),
    check ((school_id is null) <> (company_id is null))
);
create unique index attendance_school on attendance (session_id, school_id) where school_id is not null;
create unique index attendance_company on attendance (session_id, company_id) where company_id is not null;

-- Nulmeting / eindmeting -----------------------------------------------------

create table measurements (
    id             integer primary key,
    edition_id     integer not null references editions (id),
    school_id      integer not null references schools (id),
    kind           text not null check (kind in ('baseline', 'final')),
    rubric_version integer not null,
    status         text not null default 'open' check (status in ('open', 'closed')),
    opened_at      integer not null,
    closed_at      integer,
    unique (edition_id, school_id, kind)
);

-- A respondent's sheet in a measurement.
create table responses (
    id             integer primary key,
    measurement_id integer not null references measurements (id),
    person_id      integer not null references people (id),
    submitted_at   integer,
    created_at     integer not null,
    unique (measurement_id, person_id)
);

-- One answer: a level 1-4, or not applicable, or (both empty) not yet answered.
create table answers (
    response_id    integer not null references responses (id),
    indicator_id   text not null,
    level          integer check (level between 1 and 4),
    not_applicable integer not null default 0 check (not_applicable in (0, 1)),
    comment        text not null default '',
    evidence_url   text not null default '',
    version        integer not null default 1,
    updated_at     integer not null,
    primary key (response_id, indicator_id),
    check (not (level is not null and not_applicable = 1))
);

-- The team's agreed level per indicator: the school's result.
create table consensus (
    measurement_id integer not null references measurements (id),
    indicator_id   text not null,
    level          integer check (level between 1 and 4),  -- null = not applicable
    rationale      text not null default '',
    decided_by     integer references people (id),
    decided_at     integer not null,
    version        integer not null default 1,
    primary key (measurement_id, indicator_id)
);

-- Action plans ---------------------------------------------------------------

create table plans (
    id         integer primary key,
    edition_id integer not null references editions (id),
    school_id  integer not null references schools (id),
    version    integer not null default 1,
    created_at integer not null,
    updated_at integer not null,
    unique (edition_id, school_id)
);

create table goals (
    id          integer primary key,
    plan_id     integer not null references plans (id),
    title       text not null,
    description text not null default '',
    position    integer not null default 0,
    version     integer not null default 1,
    created_at  integer not null,
    updated_at  integer not null
);
create index goals_plan on goals (plan_id);

create table goal_targets (
    goal_id       integer not null references goals (id) on delete cascade,
    indicator_id  text not null,
    current_level integer check (current_level between 1 and 4),
    target_level  integer not null check (target_level between 1 and 4),
    primary key (goal_id, indicator_id)
);

create table actions (
    id                       integer primary key,
    goal_id                  integer not null references goals (id),
    description              text not null,
    owner                    text not null default '',
    start_date               text,
    deadline                 text,
    budget_cents             integer not null default 0 check (budget_cents >= 0),
    contribution_kind        text not null default 'none' check (contribution_kind in ('none', 'money', 'in-kind')),
    contribution_cents       integer not null default 0 check (contribution_cents >= 0),
    contribution_description text not null default '',
    success_criterion        text not null default '',
    status                   text not null default 'planned' check (status in ('planned', 'in-progress', 'done', 'dropped')),
    evidence_url             text not null default '',
    position                 integer not null default 0,
    version                  integer not null default 1,
    created_at               integer not null,
    updated_at               integer not null
);
create index actions_goal on actions (goal_id);

-- A submitted, frozen version of a plan: the JSON of rubric::plan::ActionPlan.
create table plan_versions (
    id           integer primary key,
    plan_id      integer not null references plans (id),
    number       integer not null,
    submitted_at integer not null,
    submitted_by integer references people (id),
    snapshot     text not null,
    unique (plan_id, number)
);

create table threads (
    id          integer primary key,
    plan_id     integer not null references plans (id),
    target_kind text not null check (target_kind in ('goal', 'action')),
    target_id   integer not null,
    resolved_at integer,
    resolved_by integer references people (id),
    created_at  integer not null
);
create index threads_plan on threads (plan_id);

create table comments (
    id         integer primary key,
    thread_id  integer not null references threads (id),
    author_id  integer not null references people (id),
    body       text not null,
    created_at integer not null
);
create index comments_thread on comments (thread_id);

-- When a person last read a plan's comments (for unread counts).
create table plan_reads (
    person_id    integer not null references people (id),
    plan_id      integer not null references plans (id),
    last_read_at integer not null,
    primary key (person_id, plan_id)
);

-- Jury ------------------------------------------------------------------------

-- Per edition: the scoring state and the tie-break rule (JSON list of
-- rubric::jury::TieBreakRule), fixed before scoring opens.
create table jury_settings (
    edition_id   integer primary key references editions (id),
    status       text not null default 'setup' check (status in ('setup', 'open', 'closed')),
    tie_break    text not null default '[]',
    chair_id     integer references people (id),
    chair_order  text,                      -- JSON list of finalist ids, the chair's decision
    locked_at    integer,
    published_at integer,
    version      integer not null default 1
);

create table award_categories (
    id         integer primary key,
    edition_id integer not null references editions (id),
    name       text not null,
    position   integer not null default 0
);

-- Criteria with weights summing to 100 and an anchored 1-10 scale: `anchors`
-- is a JSON list of five {nl, en} texts for the bands 1-2, 3-4, 5-6, 7-8, 9-10.
create table criteria (
    id             integer primary key,
    edition_id     integer not null references editions (id),
    name_nl        text not null,
    name_en        text not null,
    description_nl text not null default '',
    description_en text not null default '',
    weight         integer not null check (weight between 0 and 100),
    anchors        text not null default '[]',
    position       integer not null default 0
);

create table finalists (
    id              integer primary key,
    category_id     integer not null references award_categories (id),
    school_id       integer not null references schools (id),
    plan_version_id integer references plan_versions (id),
    unique (category_id, school_id)
);

create table jurors (
    edition_id integer not null references editions (id),
    person_id  integer not null references people (id),
    company_id integer references companies (id),  -- the company the juror works for, if any
    primary key (edition_id, person_id)
);

-- Declared or automatic (juror works for the finalist's sponsor company).
create table conflicts (
    id             integer primary key,
    person_id      integer not null references people (id),
    finalist_id    integer not null references finalists (id),
    kind           text not null check (kind in ('declared', 'automatic')),
    reason         text not null default '',
    dismissed_at   integer,
    dismissed_by   integer references people (id),
    dismiss_reason text not null default '',
    created_at     integer not null,
    unique (person_id, finalist_id, kind)
);

create table score_sheets (
    id           integer primary key,
    person_id    integer not null references people (id),
    finalist_id  integer not null references finalists (id),
    remark       text not null default '',
    submitted_at integer,
    version      integer not null default 1,
    updated_at   integer not null,
    unique (person_id, finalist_id)
);

create table scores (
    sheet_id     integer not null references score_sheets (id) on delete cascade,
    criterion_id integer not null references criteria (id),
    score        integer not null check (score between 1 and 10),
    remark       text not null default '',
    primary key (sheet_id, criterion_id)
);
