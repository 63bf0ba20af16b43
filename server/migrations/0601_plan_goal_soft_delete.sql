-- Deleting a goal from an action plan is undoable: the row is kept with
-- `deleted_at` set, hidden from the plan, and restored by clearing it.
-- (Actions are not deleted but dropped: status 'dropped'.)
alter table goals add column deleted_at integer;
