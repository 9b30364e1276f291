-- Issue 18 (ADR 0032): a page of applications reads about as many rows as it shows, however many
-- the scope holds. Lists are newest first (submitted_at desc, id); each scope has an index in that
-- order: everything (platform administrators), a country, a site of a country. The other filters
-- (status, dates) are read along the same index; an intake's applications are few.
create index application_newest on application (submitted_at desc, id);
create index application_country_newest on application (country, submitted_at desc, id);
create index application_site_newest on application (country, site_code, submitted_at desc, id);
-- Served by application_site_newest, which begins with the same columns.
drop index application_scope;

-- Search: q is a substring of "first last", "last first" or the email. pg_trgm's trigram index
-- finds substrings (like '%q%') without reading every applicant. The three texts are indexed as
-- one, separated by a character no search contains (the service checks), so a match never spans
-- two of them; the query calls the same function, which is what lets the index serve it.
create extension if not exists pg_trgm;
create function applicant_search_text(first_name varchar, last_name varchar, email varchar)
    returns text language sql immutable parallel safe
    return lower(first_name || ' ' || last_name) || E'\001'
        || lower(last_name || ' ' || first_name) || E'\001' || email;
-- fastupdate off: each insert updates the index itself, rather than a pending list that some
-- later insert has to merge (a slow submission now and then).
create index applicant_search on applicant
    using gin (applicant_search_text(first_name, last_name, email) gin_trgm_ops)
    with (fastupdate = off);
