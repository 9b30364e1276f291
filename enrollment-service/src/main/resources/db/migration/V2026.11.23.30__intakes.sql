-- The recruitment side of cohort-service's cohorts, learned from its events only. No reference
-- to site or check on values: cohort-service owns them, and a copy must take what it says.
create table intake (
    id             uuid primary key,  -- the cohort's id
    programme_code varchar(64) not null,
    site_code      varchar(64) not null,
    country        varchar(2) not null,
    start_date     date not null,
    end_date       date not null,
    capacity       integer not null,
    cohort_status  varchar(20) not null,
    cohort_version bigint not null,   -- the cohort's version this copy was made from
    updated_at     timestamptz not null
);
create index intake_scope on intake (country, site_code, cohort_status);
