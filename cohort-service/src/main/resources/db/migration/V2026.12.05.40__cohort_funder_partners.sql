-- Issue 15 (ADR 0020): a cohort's funders name partners by id. cohort-service learns the partners
-- from partnership-service's partner-registered events (filled only by its consumer: services
-- never read each other's tables) and a cohort names only partners known in its country.
create table known_partner (
    id         uuid primary key,
    country    varchar(2) not null check (country in ('FR', 'MA')),
    learned_at timestamptz not null
);

-- Beside the funders' names (what people read), in staff's order; none for existing cohorts.
alter table cohort
    add column funder_partner_ids uuid[] not null default '{}',
    add constraint cohort_funder_partner_ids check (cardinality(funder_partner_ids) <= 20);
