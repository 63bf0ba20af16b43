-- Regions (issue 17): a region is part of an edition and groups schools
-- (of any level), companies and other partners under a regional
-- coordinator, a new role scoped to one region (people.region_id).

create table regions (
    id          integer primary key,
    edition_id  integer not null references editions (id),
    name        text not null,
    version     integer not null default 1,
    created_at  integer not null
);
create index regions_edition on regions (edition_id);

-- The role's check constraint lives in the people table's definition.
-- Rebuilding the table is not possible here: sqlx runs every SQLite
-- migration in a transaction, where foreign keys cannot be switched off,
-- and dropping the old table would count every invitation, session and
-- audit line as a broken reference. So the check is widened in place
-- (SQLite's documented writable_schema edit for a change that does not
-- touch the stored rows: a looser CHECK) and the schema reloaded.
alter table people add column region_id integer references regions (id);
PRAGMA writable_schema = ON;
update sqlite_master
   set sql = replace(sql, '''juror'')', '''juror'', ''regional-coordinator'')')
 where type = 'table' and name = 'people';
PRAGMA writable_schema = RESET;
create index people_region on people (region_id);

-- A school or company is in at most one region; the school's level is
-- the region's view of it (vmbo, mbo, primary, secondary).
create table region_schools (
    school_id  integer primary key references schools (id),
    region_id  integer not null references regions (id),
    level      text not null default 'secondary' check (level in ('secondary', 'vmbo', 'mbo', 'primary'))
);
create index region_schools_region on region_schools (region_id);

create table region_companies (
    company_id integer primary key references companies (id),
    region_id  integer not null references regions (id)
);
create index region_companies_region on region_companies (region_id);

create table region_partners (
    id          integer primary key,
    region_id   integer not null references regions (id),
    name        text not null,
    kind        text not null check (kind in ('rtc', 'municipality', 'other')),
    version     integer not null default 1,
    created_at  integer not null
);
create index region_partners_region on region_partners (region_id);

-- The portrait: pupil numbers (replaced as a whole by each import),
-- progression figures, facilities and networks.
create table region_pupils (
    region_id  integer not null references regions (id),
    school_id  integer not null references schools (id),
    track      text not null,
    year       integer not null,
    pupils     integer not null check (pupils >= 0),
    primary key (region_id, school_id, track, year)
);

create table region_progression (
    id          integer primary key,
    region_id   integer not null references regions (id),
    kind        text not null check (kind in ('vmbo-to-mbo', 'secondary-to-higher')),
    year        integer not null,
    leavers     integer not null check (leavers >= 0),
    continued   integer not null check (continued >= 0 and continued <= leavers)
);
create index region_progression_region on region_progression (region_id);

create table region_facilities (
    id          integer primary key,
    region_id   integer not null references regions (id),
    kind        text not null check (kind in ('facility', 'network')),
    name        text not null,
    note        text not null default ''
);
create index region_facilities_region on region_facilities (region_id);

