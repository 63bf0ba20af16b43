-- Jury results frozen when the coordinator locks them: the JSON list of
-- rubric::jury::views::CategoryResults, served unchanged once published.
alter table jury_settings add column locked_results text;
