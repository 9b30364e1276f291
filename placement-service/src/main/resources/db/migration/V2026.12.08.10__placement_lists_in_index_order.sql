-- Issue 18 (ADR 0032): each main list walks an index in its order within the caller's scope and
-- stops at the page, rather than reading and sorting the whole scope.

-- Placements, latest situation first: a country's (placement_scope serves a site's).
create index placement_country_newest on placement (country, situation_on desc, id);

-- Follow-ups, by due day: a country's and a site's (follow_up_due also has the status first).
create index follow_up_country_due on follow_up (country, due_on, id);
create index follow_up_site_due on follow_up (country, site_code, due_on, id);

-- Job offers and candidacies, newest first: everything, a country's, a site's.
create index job_offer_newest on job_offer (created_at desc, id);
create index job_offer_country_newest on job_offer (country, created_at desc, id);
create index job_offer_site_newest on job_offer (country, site_code, created_at desc, id);
drop index job_offer_scope;
create index candidacy_country_newest on candidacy (country, created_at desc, id);
create index candidacy_site_newest on candidacy (country, site_code, created_at desc, id);
drop index candidacy_scope;
