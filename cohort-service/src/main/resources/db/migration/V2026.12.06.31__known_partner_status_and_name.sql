-- Issue 15 (ADR 0020): cohort-service follows partner-changed as well as partner-registered, so that
-- an inactive partner is refused as a new funder and the partner's name stays current. The version
-- of the partner each copy holds keeps a redelivered or replayed older change from taking it back;
-- partners learned so far came from partner-registered: ACTIVE, version 0, name not kept then.
alter table known_partner
    add column name    varchar(200),
    add column status  varchar(20) not null default 'ACTIVE'
        check (status in ('ACTIVE', 'INACTIVE')),
    add column version bigint not null default 0 check (version >= 0);
