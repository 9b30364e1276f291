-- The order in which a consumer applied events, so that per-aggregate order can be checked
-- (fault tests, operators), and an index for deleting sent outbox rows after their retention.
alter table inbox_event add column seq bigint generated always as identity;
create index outbox_event_sent on outbox_event (sent_at) where sent_at is not null;
