-- Staff dismiss a placement to confirm whose job fell through or never was one (issue 16): a third
-- status, with its coded reason and an optional note, which erasure blanks like the evidence note.
alter table placement drop constraint placement_status_check;
alter table placement add constraint placement_status_check
    check (status in ('TO_CONFIRM', 'RECORDED', 'DISMISSED'));

alter table placement
    add column dismissal_reason varchar(30)
        check (dismissal_reason in ('JOB_FELL_THROUGH', 'NOT_A_JOB', 'DUPLICATE', 'OTHER')),
    add column dismissal_note   varchar(500),
    add column dismissed_by     varchar(255),
    add column dismissed_at     timestamptz;

-- a dismissal has its reason, author and date, and only a dismissed placement has them
alter table placement add constraint placement_dismissal_complete
    check ((status = 'DISMISSED') = (dismissal_reason is not null
                                     and dismissed_by is not null
                                     and dismissed_at is not null));
