-- Sites an application can be made to, until intakes are learned from cohort-service events.
create table site (
    code    varchar(64) primary key,
    country varchar(2) not null check (country in ('FR', 'MA'))
);
insert into site (code, country) values
    ('FR-SEVRAN', 'FR'), ('FR-CERGY', 'FR'), ('MA-FES', 'MA'), ('MA-CASABLANCA', 'MA');

-- Personal data lives here and nowhere else; learner_id is the pseudonym other services see.
create table applicant (
    id          uuid primary key,
    learner_id  uuid not null unique,
    subject     varchar(100),
    first_name  varchar(100) not null,
    last_name   varchar(100) not null,
    email       varchar(254) not null,
    birth_date  date not null,
    gender      varchar(20) not null,
    country     varchar(2) not null,
    created_at  timestamptz not null
);
create index applicant_subject on applicant (subject);

create table application (
    id            uuid primary key,
    applicant_id  uuid not null references applicant (id),
    cohort_id     uuid not null,
    site_code     varchar(64) not null references site (code),
    country       varchar(2) not null,
    status        varchar(20) not null,
    submitted_at  timestamptz not null,
    submitted_by  varchar(100),
    version       bigint not null default 0
);
create index application_scope on application (country, site_code, status);
