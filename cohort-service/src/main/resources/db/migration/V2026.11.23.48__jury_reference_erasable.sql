-- Issue 5 review: the jury's reference is staff's free text about a learner, so it is blanked when
-- enrollment-service erases the person (applicant-erased), like exit and attendance comments.
-- Recording a result still requires it; an erased one is null.
alter table certification_result alter column jury_reference drop not null;
