-- Issue 18 (ADR 0034): reading a cohort counted its learners for the seats taken on every GET. The
-- cohort now carries the figure, kept by the database in the same transaction as every change to a
-- learner's row (seat given, withdrawn, transferred, completed; by the service or anyone else), so a
-- read is one row. Seat decisions still lock the cohort row first (ADR 0008); the trigger's update
-- of that row then waits for no one, and two changes to one cohort's learners at the same time each
-- add their own step to the figure the other left.
alter table cohort
    add column seats_taken integer not null default 0 check (seats_taken >= 0);

create function cohort_seats_follow_learners() returns trigger
    language plpgsql as
$$
declare
    held_before boolean := false;
    held_after  boolean := false;
begin
    if tg_op in ('UPDATE', 'DELETE') then
        held_before := old.status in ('ENROLLED', 'ACTIVE');
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        held_after := new.status in ('ENROLLED', 'ACTIVE');
    end if;
    if tg_op = 'UPDATE' and held_before = held_after and old.cohort_id = new.cohort_id then
        return null;
    end if;
    if held_before then
        update cohort set seats_taken = seats_taken - 1 where id = old.cohort_id;
    end if;
    if held_after then
        update cohort set seats_taken = seats_taken + 1 where id = new.cohort_id;
    end if;
    return null;
end;
$$;

-- The trigger first: creating it locks cohort_learner against writes until this migration commits,
-- so the count below sees every committed seat and none changes before the trigger follows them.
create trigger cohort_learner_seats
    after insert or update of status, cohort_id or delete on cohort_learner
    for each row execute function cohort_seats_follow_learners();

update cohort c
set seats_taken = (select count(*)
                   from cohort_learner l
                   where l.cohort_id = c.id
                     and l.status in ('ENROLLED', 'ACTIVE'));
