-- Issue 5: a certification is made of competency blocks ("blocs de compétences"), which a jury
-- can validate one by one (partial certification).
create table competency_block (
    programme_code varchar(64) not null references programme (code),
    code           varchar(40) not null,
    position       integer not null check (position > 0),
    title_fr       varchar(300) not null,
    title_en       varchar(300) not null,
    title_ar       varchar(300) not null,
    primary key (programme_code, code),
    unique (programme_code, position)
);

insert into competency_block (programme_code, code, position, title_fr, title_en, title_ar) values
    ('WEB-DEV', 'BC01', 1,
     'Développer la partie front-end d''une application web ou web mobile sécurisée',
     'Develop the front end of a secure web or mobile web application',
     'تطوير الواجهة الأمامية لتطبيق ويب أو ويب متنقل آمن'),
    ('WEB-DEV', 'BC02', 2,
     'Développer la partie back-end d''une application web ou web mobile sécurisée',
     'Develop the back end of a secure web or mobile web application',
     'تطوير الواجهة الخلفية لتطبيق ويب أو ويب متنقل آمن'),
    ('DATA-ANALYST', 'BC01', 1, 'Collecter et préparer les données',
     'Collect and prepare data', 'جمع البيانات وإعدادها'),
    ('DATA-ANALYST', 'BC02', 2, 'Analyser les données et restituer les résultats',
     'Analyse data and present the results', 'تحليل البيانات وعرض النتائج'),
    ('AI-DEV', 'BC01', 1, 'Concevoir et entraîner des modèles d''apprentissage automatique',
     'Design and train machine learning models', 'تصميم نماذج التعلم الآلي وتدريبها'),
    ('AI-DEV', 'BC02', 2, 'Intégrer et déployer un service d''intelligence artificielle',
     'Integrate and deploy an artificial intelligence service', 'دمج خدمة ذكاء اصطناعي ونشرها'),
    ('DIGITAL-MARKETING', 'BC01', 1, 'Élaborer une stratégie de communication digitale',
     'Design a digital communication strategy', 'إعداد استراتيجية تواصل رقمي'),
    ('DIGITAL-MARKETING', 'BC02', 2, 'Piloter des campagnes et mesurer leurs résultats',
     'Run campaigns and measure their results', 'إدارة الحملات وقياس نتائجها');
