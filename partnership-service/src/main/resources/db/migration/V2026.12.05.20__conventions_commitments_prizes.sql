-- Conventions signed with partners, the commitments each holds with the evidence of their progress,
-- and the prizes partners award (issue 15). Learners appear by learnerId only.
create table convention (
    id                  uuid primary key,
    partner_id          uuid not null references partner (id),
    country             varchar(2) not null check (country in ('FR', 'MA')),
    programmes          text[] not null default '{}',
    signatories         text[] not null default '{}',
    document_reference  varchar(100),
    starts_on           date not null,
    ends_on             date not null,
    signed_on           date,
    status              varchar(20) not null,
    termination_reason  varchar(500),
    predecessor_id      uuid references convention (id),
    expiring_notice_at  timestamptz,
    created_at          timestamptz not null,
    changed_at          timestamptz not null,
    version             bigint not null default 0,
    constraint convention_dates check (ends_on >= starts_on),
    constraint convention_programmes check (cardinality(programmes) <= 20),
    constraint convention_signatories check (cardinality(signatories) <= 10)
);
create index convention_partner on convention (partner_id);
create index convention_country_status on convention (country, status, ends_on);
-- One successor per convention: renewing twice is a conflict, not a fork.
create unique index convention_one_successor on convention (predecessor_id);

create table convention_site (
    convention_id uuid not null references convention (id),
    site          varchar(64) not null,
    primary key (convention_id, site)
);
create index convention_site_site on convention_site (site);

create table commitment (
    id             uuid primary key,
    convention_id  uuid not null references convention (id),
    partner_id     uuid not null references partner (id),
    country        varchar(2) not null check (country in ('FR', 'MA')),
    kind           varchar(30) not null,
    target         numeric(14, 2) not null check (target > 0),
    currency       varchar(3),
    progress       numeric(14, 2) not null default 0,
    due_on         date not null,
    status         varchar(20) not null,
    closed_at      timestamptz,
    created_at     timestamptz not null,
    version        bigint not null default 0
);
create index commitment_convention on commitment (convention_id);
create index commitment_partner on commitment (partner_id, status);
create index commitment_due on commitment (status, due_on);

-- What a commitment's progress is made of: a placement, a donation, a prize or a manual entry.
-- A fact counts once per commitment, however often its event arrives.
create table commitment_evidence (
    id             uuid primary key,
    commitment_id  uuid not null references commitment (id),
    source         varchar(20) not null,
    reference      varchar(100) not null,
    amount         numeric(14, 2) not null check (amount > 0),
    occurred_on    date not null,
    note           varchar(500),
    author         varchar(255),
    recorded_at    timestamptz not null,
    constraint commitment_evidence_once unique (commitment_id, source, reference)
);

create table prize (
    id              uuid primary key,
    partner_id      uuid not null references partner (id),
    convention_id   uuid references convention (id),
    commitment_id   uuid references commitment (id),
    country         varchar(2) not null check (country in ('FR', 'MA')),
    site            varchar(64) not null,
    title           varchar(200) not null,
    reason          varchar(500),
    recipient_kind  varchar(20) not null,
    learner_ids     uuid[] not null default '{}',
    educators       text[] not null default '{}',
    awarded_on      date not null,
    created_at      timestamptz not null,
    version         bigint not null default 0,
    constraint prize_learners check (cardinality(learner_ids) <= 50),
    constraint prize_educators check (cardinality(educators) <= 20)
);
create index prize_partner on prize (partner_id);
create index prize_country_site on prize (country, site);
create index prize_learners_gin on prize using gin (learner_ids);
