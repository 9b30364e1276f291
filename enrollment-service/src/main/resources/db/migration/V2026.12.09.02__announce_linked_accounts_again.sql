-- Issue 20 (ADR 0039): cohort-service now consumes learner-account-linked, but its consumer read
-- enrollment.events past the links announced so far (V2026.12.06.30 and every link since) without
-- keeping them. Every linked, not erased record is announced once more, as then: partnership-service
-- and placement-service already hold each link at that date, so the repeat changes nothing there.
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
