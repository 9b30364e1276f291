-- The network's sites and programmes; managed by platform admins later on.
insert into site (code, name, city, region, country, time_zone) values
    ('FR-SEVRAN', 'École du numérique de Sevran', 'Sevran', 'Île-de-France', 'FR', 'Europe/Paris'),
    ('FR-CERGY', 'École du numérique de Cergy', 'Cergy', 'Île-de-France', 'FR', 'Europe/Paris'),
    ('MA-FES', 'École du numérique de Fès', 'Fès', 'Fès-Meknès', 'MA', 'Africa/Casablanca'),
    ('MA-CASABLANCA', 'École du numérique de Casablanca', 'Casablanca', 'Casablanca-Settat', 'MA', 'Africa/Casablanca');

-- Certification codes are filled in only where the title is registered; level is the national
-- framework's (RNCP level 5 = Bac+2, level 6 = Bac+3).
insert into programme (code, title_fr, title_en, title_ar, job_track, certification_framework,
                       certification_code, certification_level, duration_weeks) values
    ('WEB-DEV', 'Développeur web et web mobile', 'Web and mobile web developer',
     'مطور الويب والويب المتنقل', 'WEB_MOBILE_DEVELOPMENT', 'RNCP', 'RNCP37674', 5, 28),
    ('DATA-ANALYST', 'Analyste de données', 'Data analyst', 'محلل البيانات', 'DATA', 'RNCP', null, 6, 30),
    ('AI-DEV', 'Développeur en intelligence artificielle', 'AI developer',
     'مطور الذكاء الاصطناعي', 'AI', 'RNCP', null, 6, 36),
    ('DIGITAL-MARKETING', 'Marketing digital', 'Digital marketing', 'التسويق الرقمي',
     'DIGITAL_MARKETING', 'MA-CNC', null, 5, 24);
