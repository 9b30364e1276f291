-- Every resource view shows createdAt and updatedAt (issue 20, ADR 0043). A row written before
-- the columns existed takes the best time it records: a cohort its last dated change, a programme
-- or a site its first cohort, else this migration's time. A row a script inserts gets now().
alter table cohort add column updated_at timestamptz;
update cohort set updated_at = greatest(created_at, started_at, completed_at, cancelled_at);
alter table cohort alter column updated_at set default now(), alter column updated_at set not null;

alter table programme add column created_at timestamptz, add column updated_at timestamptz;
update programme set created_at = coalesce(
    (select min(cohort.created_at) from cohort where cohort.programme_code = programme.code), now());
update programme set updated_at = created_at;
alter table programme alter column created_at set default now(), alter column created_at set not null,
    alter column updated_at set default now(), alter column updated_at set not null;

alter table site add column created_at timestamptz, add column updated_at timestamptz;
update site set created_at = coalesce(
    (select min(cohort.created_at) from cohort where cohort.site_code = site.code), now());
update site set updated_at = created_at;
alter table site alter column created_at set default now(), alter column created_at set not null,
    alter column updated_at set default now(), alter column updated_at set not null;
