-- Every resource view shows createdAt and updatedAt (issue 20, ADR 0043). An intake written before
-- the column existed takes the oldest time it records: its first application, else its last change.
alter table intake add column created_at timestamptz;
update intake set created_at = least(
    updated_at, (select min(application.submitted_at) from application where application.intake_id = intake.id));
alter table intake alter column created_at set default now(), alter column created_at set not null;
