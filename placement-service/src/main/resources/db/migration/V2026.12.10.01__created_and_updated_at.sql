-- Every resource view shows createdAt and updatedAt (issue 20, ADR 0043). A row written before
-- the column existed takes the best time it records: its last dated change, else its creation.
-- A row a script inserts gets now().
alter table follow_up add column updated_at timestamptz;
update follow_up set updated_at = greatest(created_at, last_attempt_at, due_announced_at, closed_at);
alter table follow_up alter column updated_at set default now(), alter column updated_at set not null;

alter table placement add column updated_at timestamptz;
update placement set updated_at = greatest(recorded_at, dismissed_at);
alter table placement alter column updated_at set default now(), alter column updated_at set not null;
