-- Partners' profiles (issue 15): several roles, the legal identifier unique in its country, an
-- address, a sector, the sites served and a status; and their contacts, the only personal data
-- partnership-service holds.
alter table partner
    add column roles       varchar(40)[] not null default '{}',
    add column status      varchar(10) not null default 'ACTIVE' check (status in ('ACTIVE', 'INACTIVE')),
    add column sector      varchar(100),
    add column street      varchar(200),
    add column postal_code varchar(20),
    add column city        varchar(100),
    add column sites       varchar(64)[] not null default '{}',
    add column updated_at  timestamptz,
    add constraint partner_roles check (cardinality(roles) <= 11),
    add constraint partner_sites check (cardinality(sites) <= 100);

-- Partners registered before roles existed have the role of their kind.
update partner set roles = array[case kind when 'PUBLIC_AGENCY' then 'PUBLIC_EMPLOYMENT_SERVICE' else kind end];

-- The legal identifier was free text: spaces go, and when two partners of a country share one, the
-- first registered keeps it (the others show none until staff correct them).
update partner set registration_number = replace(registration_number, ' ', '');
update partner p set registration_number = null
 where exists (select 1 from partner o
                where o.country = p.country and o.registration_number = p.registration_number
                  and (o.created_at, o.id) < (p.created_at, p.id));
create unique index partner_legal_identifier on partner (country, registration_number);
create index partner_roles_index on partner using gin (roles);
create index partner_sites_index on partner using gin (sites);

create table partner_contact (
    id          uuid primary key,
    partner_id  uuid not null references partner (id),
    name        varchar(200),
    job_title   varchar(100),
    email       varchar(254),
    phone       varchar(30),
    created_at  timestamptz not null,
    created_by  varchar(255),
    erased_at   timestamptz,
    version     bigint not null default 0,
    check (erased_at is not null or name is not null)
);
create index partner_contact_partner on partner_contact (partner_id);
