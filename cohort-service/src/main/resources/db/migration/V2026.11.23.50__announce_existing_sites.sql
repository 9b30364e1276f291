-- Issue 13: sites are announced with site-registered (ADR 0015). The sites that exist before the
-- event did (the seeded ones, and any a platform admin added) are announced once, here, in the
-- migration's transaction: each gets one outbox row the relay sends like any other.
-- The aggregate id is the name-based UUID (version 3, MD5) of 'site:<code>', as Site.eventKey
-- computes it, so that every event about a site has the same record key.
insert into outbox_event (id, topic, aggregate_id, type, source, country, site, data)
select gen_random_uuid(),
       'cohort.events',
       (substr(h.md5, 1, 12) || '3' || substr(h.md5, 14, 3)
           || substr('89ab', (('x' || substr(h.md5, 17, 1))::bit(4)::int & 3) + 1, 1)
           || substr(h.md5, 18))::uuid,
       'org.passerelle.cohort.site-registered.v1',
       '/cohort',
       s.country,
       s.code,
       json_build_object('site', s.code, 'name', s.name, 'city', s.city, 'region', s.region,
                         'country', s.country, 'timeZone', s.time_zone, 'version', s.version)
from site s
cross join lateral (select md5('site:' || s.code) as md5) h
order by s.code;
