-- Organisations that make the schools free: employers, funders, public agencies, associations.
create table partner (
    id                  uuid primary key,
    name                varchar(200) not null,
    kind                varchar(30) not null,
    country             varchar(2) not null check (country in ('FR', 'MA')),
    registration_number varchar(40),
    created_at          timestamptz not null,
    version             bigint not null default 0
);
create index partner_country on partner (country, kind);
