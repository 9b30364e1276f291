-- Imports run as background jobs (ADR 0047): the request stores the file with its job and answers
-- 202; a worker applies the rows and records each row's outcome in the row's own transaction, so a
-- restart resumes at the first row without one and no row is applied twice. The file is kept only
-- until the job ends (it holds personal data); the outcomes hold none.
alter table application_import
    add column status         varchar(10) not null default 'SUCCEEDED',
    add column rows_processed integer not null default 0,
    add column updated_at     timestamptz not null default now(),
    add column content_type   varchar(200),
    add column language       varchar(35),
    add column roles          varchar(500),
    add column body           bytea,
    add column failure        varchar(500);
update application_import set rows_processed = total_rows, updated_at = coalesce(finished_at, started_at);
create index application_import_pending on application_import (started_at) where status in ('QUEUED', 'RUNNING');

create table application_import_row (
    import_id  uuid not null references application_import (id) on delete cascade,
    row_number integer not null,
    outcome    varchar(10) not null,
    result     text not null,
    primary key (import_id, row_number)
);
