-- Issue 17: a region's plan (Sterk Techniekonderwijs). Goals of a region
-- (a learning route names its sending and receiving school), actions under
-- them owned by an organisation of the region (a school, company or
-- partner: `owner_kind` + `owner_id`), each company's contribution to an
-- action in money and in kind (integer euro cents), and links from goals
-- and actions to the schools' own plan goals and actions. Versioned rows
-- for stale-write protection. Regions come from 1701 (i17-portrait).
create table regional_goals (
    id                  integer primary key,
    region_id           integer not null references regions (id) on delete cascade,
    title               text not null,
    description         text not null default '',
    sending_school_id   integer references schools (id),
    receiving_school_id integer references schools (id),
    position            integer not null default 0,
    version             integer not null default 1,
    created_at          integer not null,
    updated_at          integer not null,
    check ((sending_school_id is null) = (receiving_school_id is null))
);
create index regional_goals_region on regional_goals (region_id);

create table regional_goal_links (
    goal_id        integer not null references regional_goals (id) on delete cascade,
    school_goal_id integer not null references goals (id),
    primary key (goal_id, school_goal_id)
);

create table regional_actions (
    id           integer primary key,
    goal_id      integer not null references regional_goals (id) on delete cascade,
    description  text not null,
    owner_kind   text not null check (owner_kind in ('school', 'company', 'partner')),
    owner_id     integer not null,
    budget_cents integer not null check (budget_cents >= 0),
    position     integer not null default 0,
    version      integer not null default 1,
    created_at   integer not null,
    updated_at   integer not null
);
create index regional_actions_goal on regional_actions (goal_id);

create table regional_contributions (
    action_id           integer not null references regional_actions (id) on delete cascade,
    company_id          integer not null references companies (id),
    money_cents         integer not null check (money_cents >= 0),
    in_kind_cents       integer not null check (in_kind_cents >= 0),
    in_kind_description text not null default '',
    primary key (action_id, company_id)
);

create table regional_action_links (
    action_id        integer not null references regional_actions (id) on delete cascade,
    school_action_id integer not null references actions (id),
    primary key (action_id, school_action_id)
);
