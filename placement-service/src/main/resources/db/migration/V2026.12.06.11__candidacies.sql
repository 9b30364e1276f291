-- Issue 16: a learner's candidacy to a job offer, proposed by staff or applied for by the learner.
-- Pseudonymous ids and codes only: who the learner is stays in enrollment-service.
create table candidacy (
    id                   uuid primary key,
    job_offer_id         uuid not null references job_offer (id),
    learner_id           uuid not null,
    employer_partner_id  uuid,
    country              varchar(2) not null check (country in ('FR', 'MA')),
    site_code            varchar(64),
    offer_site_code      varchar(64) not null,
    origin               varchar(20) not null check (origin in ('PROPOSED', 'APPLIED')),
    status               varchar(20) not null check (status in ('PROPOSED', 'APPLIED', 'INTERVIEWING',
                             'OFFERED', 'HIRED', 'DECLINED', 'WITHDRAWN', 'NOT_RETAINED')),
    start_date           date,
    created_at           timestamptz not null,
    changed_at           timestamptz not null,
    version              bigint not null default 0,
    constraint candidacy_once unique (job_offer_id, learner_id),
    constraint candidacy_hired_start check (status <> 'HIRED' or start_date is not null)
);
create index candidacy_learner on candidacy (learner_id);
create index candidacy_scope on candidacy (country, site_code);
create index candidacy_employer on candidacy (employer_partner_id);
