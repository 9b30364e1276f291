-- When enrollment linked a learner's account: a late or replayed learner-account-linked older than
-- the link in force moves nothing.
alter table learner add column account_linked_at timestamptz;
