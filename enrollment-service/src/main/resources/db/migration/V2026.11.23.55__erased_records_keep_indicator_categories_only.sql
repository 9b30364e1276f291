-- ADR 0012: an erased applicant keeps only categories that cannot single them out in a cohort
-- (for the indicators); special-category data, the selection's evaluation and exact dates go.

-- Refugee status and disability become unknown (null) on erasure, not "no".
alter table applicant
    alter column refugee drop not null,
    alter column disability drop not null,
    add column education_band varchar(20);

-- Records erased before this rule get it now. Education keeps its band (GEN: bac or below); a
-- foreign diploma has no comparable level. A non-binary gender, rare enough to single someone
-- out, is kept as not declared.
update applicant set
    education_band = case
        when education_level in ('NONE', 'BELOW_BAC', 'BAC') then 'BAC_OR_BELOW'
        when education_level in ('BAC_PLUS_2', 'BAC_PLUS_3_OR_MORE') then 'ABOVE_BAC'
    end,
    education_level = null,
    refugee = null,
    disability = null,
    referral_source = null,
    gender = case when gender = 'NON_BINARY' then 'NOT_DECLARED' else gender end,
    created_at = date_trunc('month', created_at, 'UTC'),
    updated_at = date_trunc('month', updated_at, 'UTC')
where erased_at is not null;

update application a set
    test_score = null,
    submitted_at = date_trunc('month', a.submitted_at, 'UTC'),
    decided_at = date_trunc('month', a.decided_at, 'UTC'),
    waitlisted_at = date_trunc('month', a.waitlisted_at, 'UTC'),
    updated_at = date_trunc('month', a.updated_at, 'UTC')
from applicant p
where a.applicant_id = p.id and p.erased_at is not null;

-- A change's field list said which sensitive field a person declared: detached and generalised.
update sensitive_data_access set
    applicant_id = null,
    fields = 'accommodationNeeds,disability,refugee'
where action = 'CHANGE'
  and applicant_id in (select id from applicant where erased_at is not null);

-- Events already sent about erased people's applications carried their categories.
delete from outbox_event o
using application a, applicant p
where o.sent_at is not null and o.aggregate_id = a.id
  and a.applicant_id = p.id and p.erased_at is not null;
