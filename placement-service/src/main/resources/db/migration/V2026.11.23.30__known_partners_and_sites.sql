-- Issue 13 (ADR 0015): the partners and sites a job offer may name, as partnership-service and
-- cohort-service announced them in their events (partner-registered, site-registered). Filled only
-- by this service's event consumer: services never read each other's tables.
create table known_partner (
    id         uuid primary key,
    country    varchar(2) not null check (country in ('FR', 'MA')),
    status     varchar(20) not null check (status in ('ACTIVE', 'INACTIVE')),
    learned_at timestamptz not null
);

-- A site's code and country never change: nothing else is needed to check an offer.
create table known_site (
    code       varchar(64) primary key,
    country    varchar(2) not null check (country in ('FR', 'MA')),
    learned_at timestamptz not null,
    constraint known_site_code_country check (left(code, 3) = country || '-')
);
