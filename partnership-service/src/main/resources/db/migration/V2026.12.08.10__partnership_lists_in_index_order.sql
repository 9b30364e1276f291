-- Issue 18 (ADR 0032): each main list walks an index in its order within the caller's scope and
-- stops at the page, rather than reading and sorting the whole scope.

-- Partners, by name then id: everything (platform administrators) and a country's.
create index partner_name on partner (name, id);
create index partner_country_name on partner (country, name, id);

-- Donations, newest first: a country's, a site's (which serves what donation_site did).
create index donation_country_newest on donation (country, donated_on desc, created_at desc, id);
create index donation_site_newest
    on donation (country, site, donated_on desc, created_at desc, id);
drop index donation_site;

-- Devices, by site then serial number, within a country or a site.
create index device_site_serial on device (country, site, serial_number);

-- Prizes, newest award first: a country's, a site's (which serves what prize_country_site did).
create index prize_country_newest on prize (country, awarded_on desc, id);
create index prize_site_newest on prize (country, site, awarded_on desc, id);
drop index prize_country_site;
