create table site (
    code      varchar(64) primary key,
    name      varchar(200) not null,
    city      varchar(100) not null,
    region    varchar(100) not null,
    country   varchar(2) not null check (country in ('FR', 'MA')),
    time_zone varchar(64) not null
);

create table programme (
    code                    varchar(64) primary key,
    title_fr                varchar(200) not null,
    title_en                varchar(200) not null,
    title_ar                varchar(200) not null,
    job_track               varchar(40) not null,
    certification_framework varchar(20) not null,
    certification_code      varchar(40),
    certification_level     integer not null,
    duration_weeks          integer not null check (duration_weeks > 0)
);

create table cohort (
    id                    uuid primary key,
    programme_code        varchar(64) not null references programme (code),
    site_code             varchar(64) not null references site (code),
    country               varchar(2) not null,
    start_date            date not null,
    end_date              date not null,
    capacity              integer not null check (capacity > 0),
    status                varchar(20) not null,
    applications_received integer not null default 0,
    created_at            timestamptz not null,
    version               bigint not null default 0,
    check (end_date > start_date)
);
create index cohort_scope on cohort (country, site_code, status);
