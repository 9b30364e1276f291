-- Issue 4: when a cohort recruits, from what age, and why it was cancelled.

-- The recruitment window and the minimum age (reached on the start date). Cohorts scheduled
-- before get the defaults a new cohort gets: open from the day it was scheduled (or the day the
-- window closes, if that came first), closing the day before the start, from 18.
alter table cohort
    add column recruitment_opens_on  date,
    add column recruitment_closes_on date,
    add column minimum_age           integer not null default 18,
    add column cancelled_at          timestamptz,
    add column cancellation_reason   varchar(500);
update cohort
   set recruitment_closes_on = start_date - 1,
       recruitment_opens_on  = least((created_at at time zone 'UTC')::date, start_date - 1);
alter table cohort
    alter column recruitment_opens_on set not null,
    alter column recruitment_closes_on set not null,
    add constraint cohort_recruitment_window
        check (recruitment_closes_on >= recruitment_opens_on and recruitment_closes_on < start_date),
    add constraint cohort_minimum_age check (minimum_age between 16 and 99);
