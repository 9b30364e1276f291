-- Donated computers (issue 15): a donor partner's donation received at a site, each computer's
-- life from reception to its loan to a learner, and the loans. Learners appear by learnerId only,
-- and a loan forgets even that once the person is erased.
create table donation (
    id                uuid primary key,
    donor_id          uuid not null references partner (id),
    country           varchar(2) not null check (country in ('FR', 'MA')),
    site              varchar(64) not null,
    donated_on        date not null,
    declared_amount   numeric(12, 2) not null check (declared_amount >= 0),
    declared_currency varchar(3) not null check (declared_currency in ('EUR', 'MAD')),
    units             integer not null check (units > 0),
    recorded_by       varchar(255) not null,
    created_at        timestamptz not null,
    version           bigint not null default 0
);
create index donation_donor on donation (donor_id, donated_on);
create index donation_site on donation (country, site);

create table device (
    id                   uuid primary key,
    donation_id          uuid not null references donation (id),
    country              varchar(2) not null check (country in ('FR', 'MA')),
    site                 varchar(64) not null,
    serial_number        varchar(100) not null,
    model                varchar(200) not null,
    specification        varchar(500),
    status               varchar(20) not null
        check (status in ('RECEIVED', 'WIPED', 'READY', 'LOANED', 'RETURNED', 'RETIRED', 'GIFTED')),
    wipe_certificate     varchar(100),
    wiped_by             varchar(200),
    wiped_at             timestamptz,
    retirement_reason    varchar(20),
    updated_at           timestamptz not null,
    version              bigint not null default 0
);
-- A serial number names one computer in the country's stock.
create unique index device_serial on device (country, serial_number);
create index device_site on device (country, site, status);
create index device_donation on device (donation_id);

create table loan (
    id                  uuid primary key,
    device_id           uuid not null references device (id),
    country             varchar(2) not null check (country in ('FR', 'MA')),
    site                varchar(64) not null,
    -- null once the person was erased (applicant-erased): the loan keeps no link to them
    learner_id          uuid,
    learner_erased      boolean not null default false,
    lent_at             timestamptz not null,
    expected_return     date not null,
    accepted_on         date not null,
    acceptance_ref      varchar(100) not null,
    lent_by             varchar(255) not null,
    recall_reason       varchar(20) check (recall_reason in ('WITHDREW', 'COMPLETED')),
    recall_flagged_at   timestamptz,
    ended_at            timestamptz,
    outcome             varchar(20) check (outcome in ('RETURNED', 'GIFTED')),
    version             bigint not null default 0
);
-- At most one open loan per computer.
create unique index loan_open_device on loan (device_id) where ended_at is null;
create index loan_learner on loan (learner_id) where learner_id is not null;
create index loan_site_open on loan (country, site) where ended_at is null;
