-- Jury results a chair can sign (issue 12).
-- Audit entries carry their event as JSON (rubric::jury::events::JuryEvent),
-- so the app shows them in the reader's language (`detail` keeps the
-- English sentence), and the edition they are about, so the chair reads
-- only their own jury's log.
alter table audit_log add column data text;
alter table audit_log add column edition_id integer;

-- The chair's acknowledgement of a winner that is not robust: one per
-- category, with the findings the chair saw (JSON) so it lapses when the
-- results change.
create table jury_acknowledgements (
    category_id integer primary key references award_categories (id) on delete cascade,
    person_id   integer not null references people (id),
    findings    text not null,
    reason      text not null,
    at          integer not null
);

-- An automatic conflict's reason is the sponsor company's name; the demo
-- wrote a whole English sentence, which the app showed after its own.
update conflicts set reason = substr(reason, 31)
 where kind = 'automatic' and reason like 'works for the sponsor company %';
