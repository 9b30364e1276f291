-- Issue 18 (ADR 0032): the cohorts list (by start date, then id) walks an index of its scope and
-- stops at the page: cohort_start serves platform administrators; these serve a country's staff
-- (and the country filter) and a site's (and the site filter). Status filters along them.
create index cohort_country_start on cohort (country, start_date, id);
create index cohort_site_start on cohort (country, site_code, start_date, id);
