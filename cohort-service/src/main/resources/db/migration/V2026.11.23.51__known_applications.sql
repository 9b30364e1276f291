-- Issue 13: the applications cohort-service learned from enrollment-service's events (submitted,
-- accepted, withdrawn), with the learner they belong to. Staff's bulk enrolment seats only such a
-- pair, so that no seat (and no learner-enrolled) is given to a learner enrollment does not know.
-- No personal data: the learner is enrollment's pseudonymous id, as in cohort_learner.
create table known_application (
    application_id uuid primary key,
    learner_id     uuid not null,
    -- the cohort (intake) the application named last, and its country
    cohort_id      uuid not null,
    country        varchar(2) not null,
    learned_at     timestamptz not null
);

-- Seats given before this table existed came from applications learned the same way.
insert into known_application (application_id, learner_id, cohort_id, country, learned_at)
select distinct on (l.application_id) l.application_id, l.learner_id, l.cohort_id, c.country,
       l.enrolled_at
from cohort_learner l
join cohort c on c.id = l.cohort_id
order by l.application_id, l.enrolled_at;
