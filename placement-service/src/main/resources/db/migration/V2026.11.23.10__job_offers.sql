create table job_offer (
    id            uuid primary key,
    partner_id    uuid,
    employer_name varchar(200) not null,
    title         varchar(200) not null,
    contract_type varchar(30) not null,
    site_code     varchar(64) not null,
    country       varchar(2) not null check (country in ('FR', 'MA')),
    city          varchar(100) not null,
    openings      integer not null check (openings > 0),
    published_at  timestamptz not null,
    version       bigint not null default 0
);
create index job_offer_scope on job_offer (country, site_code);
create index job_offer_partner on job_offer (partner_id);
