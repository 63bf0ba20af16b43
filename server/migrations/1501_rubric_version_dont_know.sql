-- Issue 15: rubric v2 beside v1.
-- The rubric version an edition measures with: every measurement of the
-- edition is opened on it. Editions created before the choice existed
-- measured with v1.
alter table editions add column rubric_version integer not null default 1;

-- "weet ik niet" (don't know) is stored apart from "n.v.t." (not
-- applicable): a level, n.v.t., don't know, or (all empty) unanswered.
alter table answers add column dont_know integer not null default 0
    check (dont_know in (0, 1) and not (dont_know = 1 and (level is not null or not_applicable = 1)));
