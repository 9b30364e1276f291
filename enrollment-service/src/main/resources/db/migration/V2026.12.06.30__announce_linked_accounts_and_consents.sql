-- Issue 16 (ADR 0023): enrollment-service publishes learner-account-linked and consent-changed when
-- an account is linked or consents change. The records linked before these events existed, and the
-- consents in force then, are announced once, here, in the migration's transaction (Flyway holds its
-- lock, so one instance does it once): each gets one outbox row the relay sends like any other,
-- keyed by the learnerId as the service keys them. Erased records are announced to nobody.

-- When the account was linked: the audited link to a record staff made, else the record's creation
-- by the learner themself.
insert into outbox_event (id, topic, aggregate_id, type, source, country, site, data)
select gen_random_uuid(),
       'enrollment.events',
       a.learner_id,
       'org.passerelle.enrollment.learner-account-linked.v1',
       '/enrollment',
       a.country,
       null,
       json_build_object('learnerId', a.learner_id, 'accountSubject', a.subject,
                         'country', a.country,
                         'linkedAt', coalesce(l.linked_at, a.created_at))
from applicant a
left join lateral (select min(s.at) as linked_at
                   from sensitive_data_access s
                   where s.applicant_id = a.id and s.action = 'LINK') l on true
where a.subject is not null and a.erased_at is null
order by a.created_at, a.id;

-- The purposes other services act on, for every person who was ever asked about one: the newest
-- record per purpose holds, as ConsentService reads it.
insert into outbox_event (id, topic, aggregate_id, type, source, country, site, data)
select gen_random_uuid(),
       'enrollment.events',
       a.learner_id,
       'org.passerelle.enrollment.consent-changed.v1',
       '/enrollment',
       a.country,
       null,
       json_build_object('learnerId', a.learner_id, 'country', a.country,
                         'consentedPurposes', c.purposes, 'occurredAt', c.occurred_at)
from applicant a
join lateral (
    select coalesce(json_agg(n.purpose order by n.purpose = 'CV_SHARING')
                        filter (where n.granted), '[]'::json) as purposes,
           max(n.recorded_at) as occurred_at
    from (select distinct on (k.purpose) k.purpose, k.granted, k.recorded_at
          from consent k
          where k.applicant_id = a.id and k.purpose in ('FOLLOW_UP_CONTACT', 'CV_SHARING')
          order by k.purpose, k.recorded_at desc, k.id desc) n
    having count(*) > 0) c on true
where a.erased_at is null
order by a.created_at, a.id;
