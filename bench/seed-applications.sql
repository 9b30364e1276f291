-- Seeds applicants and their applications straight into the bench enrollment database, numbered
-- :from to :to (psql -v from=1 -v to=10000 -v intake=<uuid>), then ANALYZE. Plausible data: four
-- sites in two countries, one applicant per application, statuses as a recruitment leaves them,
-- submitted over about the last three years; one last name in 32 is Martin (the search measured).
-- The applications to FR-SEVRAN name the bench intake; the other sites' intakes are made-up ids.
\set ON_ERROR_STOP 1
begin;
-- i chooses the site (i % 4); j = i / 4 the rest, so that every site has every name and status.
create temporary table seed on commit drop as
select i, i / 4 as j,
       md5('seed-applicant-' || i)::uuid as applicant_id,
       md5('seed-application-' || i)::uuid as application_id,
       (array['FR-SEVRAN', 'FR-CERGY', 'MA-FES', 'MA-CASABLANCA'])[1 + i % 4] as site,
       case when i % 4 < 2 then 'FR' else 'MA' end as country,
       now() - (i % 1000000) * interval '95 seconds' - (i % 7) * interval '1 second' as at
  from generate_series(:from::bigint, :to::bigint) as i;

insert into applicant (id, learner_id, first_name, last_name, email, birth_date, gender, country,
                       created_at, updated_at, phone, address_line, postal_code, city,
                       address_country, nationality, education_level, priority_neighbourhood,
                       neet_under_26)
select applicant_id,
       md5('seed-learner-' || i)::uuid,
       (array['Inès', 'Yanis', 'Lina', 'Adam', 'Sarah', 'Mohamed', 'Emma', 'Lucas', 'Nour', 'Jade',
              'Karim', 'Chloé', 'Youssef', 'Léa', 'Amine', 'Fatima'])[1 + (j * 7) % 16],
       (array['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand',
              'Leroy', 'Moreau', 'Simon', 'Laurent', 'Lefebvre', 'Michel', 'Garcia', 'David',
              'Bertrand', 'Roux', 'Vincent', 'Fournier', 'Morel', 'Girard', 'Andre', 'Benali',
              'Haddad', 'Alaoui', 'Bennani', 'Tazi', 'El Idrissi', 'Chraibi', 'Diallo',
              'Traoré'])[1 + (j * 13) % 32],
       'seed.' || i || '@example.org',
       date '1980-01-01' + (i % 9000)::int,
       (array['FEMALE', 'MALE', 'NON_BINARY'])[1 + i % 3],
       country, at, at,
       case when country = 'FR' then '+336' || lpad((i % 100000000)::text, 8, '0')
            else '+2126' || lpad((i % 100000000)::text, 8, '0') end,
       (1 + i % 120) || ' rue de la République',
       case when country = 'FR' then '93270' else '30000' end,
       case when site = 'FR-SEVRAN' then 'Sevran' when site = 'FR-CERGY' then 'Cergy'
            when site = 'MA-FES' then 'Fès' else 'Casablanca' end,
       country, country,
       (array['NONE', 'BELOW_BAC', 'BAC', 'FOREIGN_DIPLOMA'])[1 + i % 4],
       i % 5 = 0, i % 9 = 0
  from seed;

insert into application (id, applicant_id, intake_id, site_code, country, status, submitted_at,
                         submitted_by, version, channel, updated_at)
select application_id, applicant_id,
       case when site = 'FR-SEVRAN' then :'intake'::uuid else md5('seed-intake-' || site)::uuid end,
       site, country,
       (array['SUBMITTED', 'SUBMITTED', 'SUBMITTED', 'SUBMITTED', 'SUBMITTED', 'SUBMITTED',
              'SUBMITTED', 'SUBMITTED', 'SUBMITTED', 'SUBMITTED', 'SCREENING', 'SCREENING',
              'SCREENING', 'ACCEPTED', 'ACCEPTED', 'WAITLISTED', 'REJECTED', 'REJECTED',
              'WITHDRAWN', 'ENROLLED'])[1 + (j * 3) % 20],
       at, 'seed', 0, 'STAFF', at
  from seed;
commit;
analyze applicant;
analyze application;
