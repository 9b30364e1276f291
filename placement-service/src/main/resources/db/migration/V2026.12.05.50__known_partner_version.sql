-- Issue 15: placement-service follows partner-changed (a partner made INACTIVE is no longer named on
-- new offers). The version of the partner each copy holds keeps a redelivered or replayed older
-- change from taking it back; partners learned so far came from partner-registered, version 0.
alter table known_partner add column version bigint not null default 0 check (version >= 0);
