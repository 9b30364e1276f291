-- Who read or changed which partner's contacts, when and for what operation (issue 15): the
-- contacts' access log, kept like enrollment's sensitive-data log; it names fields, never values.
-- contact_id is null for a list of a partner's contacts.
create table partner_contact_access (
    id           uuid primary key,
    at           timestamptz not null,
    actor        varchar(255) not null,
    actor_roles  varchar(200) not null,
    action       varchar(20) not null,
    partner_id   uuid not null references partner (id),
    contact_id   uuid references partner_contact (id),
    country      varchar(2) not null,
    purpose      varchar(100) not null
);
create index partner_contact_access_partner on partner_contact_access (partner_id, at);
create index partner_contact_access_contact on partner_contact_access (contact_id);

-- A learner's own account leads to their learnerId (enrollment's learner-account-linked), so that
-- learners read their own prizes. Dropped when the person is erased.
create table learner_account (
    account_subject  varchar(255) primary key,
    learner_id       uuid not null,
    country          varchar(2) not null,
    linked_at        timestamptz not null
);
create index learner_account_learner on learner_account (learner_id);

-- A convention may cover several countries (a regional foundation funding schools in France and
-- Morocco): countries lists them all, the drafting country (the partner's) first among equals.
alter table convention add column countries varchar(2)[] not null default '{}';
update convention set countries = array[country];
alter table convention add constraint convention_countries
    check (country = any (countries) and countries <@ array['FR', 'MA']::varchar(2)[]);
create index convention_countries on convention using gin (countries);

-- The sites cohort-service announces (site-registered, site-changed), for their time zones: the
-- convention job follows each site's own day. The newest site version wins.
create table site (
    code       varchar(64) primary key,
    country    varchar(2) not null,
    time_zone  varchar(64) not null,
    version    bigint not null
);
