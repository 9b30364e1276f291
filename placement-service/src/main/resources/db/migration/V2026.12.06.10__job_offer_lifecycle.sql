-- Issue 16: the whole job offer and its life (DRAFT -> PUBLISHED -> CLOSED | FILLED | EXPIRED).
-- Offers written before were published on creation: they stay PUBLISHED.
alter table job_offer alter column published_at drop not null;
alter table job_offer
    add column description      varchar(5000),
    add column skills           varchar(100)[] not null default '{}',
    add column duration_months  integer check (duration_months between 1 and 120),
    add column remote_mode      varchar(20) not null default 'ON_SITE'
        check (remote_mode in ('ON_SITE', 'HYBRID', 'REMOTE')),
    add column programmes       varchar(64)[] not null default '{}',
    add column target_sites     varchar(64)[] not null default '{}',
    add column salary_min       numeric(12, 2) check (salary_min >= 0),
    add column salary_max       numeric(12, 2) check (salary_max >= 0),
    add column salary_currency  varchar(3) check (salary_currency in ('EUR', 'MAD')),
    add column salary_period    varchar(10) check (salary_period in ('HOUR', 'MONTH', 'YEAR')),
    add column closing_date     date,
    add column status           varchar(20) not null default 'PUBLISHED'
        check (status in ('DRAFT', 'PUBLISHED', 'CLOSED', 'FILLED', 'EXPIRED')),
    add column moderation       varchar(20) check (moderation in ('PENDING', 'APPROVED', 'REJECTED')),
    add column moderation_note  varchar(500),
    add column created_at       timestamptz,
    add column changed_at       timestamptz,
    add column closed_at        timestamptz,
    add constraint job_offer_salary_range check (salary_min is null or salary_max is null or salary_min <= salary_max),
    add constraint job_offer_published check (status = 'DRAFT' or published_at is not null);
update job_offer set created_at = published_at, changed_at = published_at;
alter table job_offer alter column created_at set not null, alter column changed_at set not null;
-- The expiry job's search, and the learners' list (published offers of a country).
create index job_offer_status on job_offer (status, country, closing_date);
