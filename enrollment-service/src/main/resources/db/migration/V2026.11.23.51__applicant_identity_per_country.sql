-- Issue 13 (ADR 0011): an applicant belongs to one country for life. The person is identified by
-- (country, email), case already folded, so a submission in one country never finds, changes or
-- moves another country's record; a learner account is linked to at most one record per country.
drop index applicant_email;
create unique index applicant_country_email on applicant (country, email) where erased_at is null;
drop index applicant_subject_once;
create unique index applicant_country_subject on applicant (country, subject)
    where subject is not null and erased_at is null;
