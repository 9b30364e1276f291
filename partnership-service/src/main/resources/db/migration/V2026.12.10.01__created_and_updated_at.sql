-- Every resource view shows createdAt and updatedAt (issue 20, ADR 0043). A row written before
-- the column existed takes the best time it records: its last dated change, else its creation.
-- A row a script inserts gets now().
alter table commitment add column updated_at timestamptz;
update commitment set updated_at = greatest(created_at, closed_at);
alter table commitment alter column updated_at set default now(), alter column updated_at set not null;

alter table partner_contact add column updated_at timestamptz;
update partner_contact set updated_at = greatest(created_at, erased_at);
alter table partner_contact alter column updated_at set default now(), alter column updated_at set not null;

alter table donation add column updated_at timestamptz;
update donation set updated_at = created_at;
alter table donation alter column updated_at set default now(), alter column updated_at set not null;

alter table prize add column updated_at timestamptz;
update prize set updated_at = created_at;
alter table prize alter column updated_at set default now(), alter column updated_at set not null;

alter table loan add column updated_at timestamptz;
update loan set updated_at = greatest(lent_at, recall_flagged_at, ended_at);
alter table loan alter column updated_at set default now(), alter column updated_at set not null;

-- A computer was created with its donation.
alter table device add column created_at timestamptz;
update device set created_at = coalesce(
    (select donation.created_at from donation where donation.id = device.donation_id), updated_at);
alter table device alter column created_at set default now(), alter column created_at set not null;
