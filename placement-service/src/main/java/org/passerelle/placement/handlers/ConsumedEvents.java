package org.passerelle.placement.handlers;

import java.util.List;
import org.passerelle.commons.events.ConsumedEvent;

/**
 * What placement-service consumes from other services, each applied by the {@code EventConsumer} in
 * this package that names it and listed in docs/events.md; ConsumedEventsTest checks the three
 * agree. They feed the partners and sites job offers may name (ADR 0015), the learner projection
 * that placements and follow-ups start from (issue 16), and the cohorts, categories and
 * applications the impact indicators count (issue 17).
 */
public final class ConsumedEvents {

  public static final ConsumedEvent<PartnerRegistered> PARTNER_REGISTERED =
      ConsumedEvent.of("partnership", "partner-registered", 1, PartnerRegistered.class);

  public static final ConsumedEvent<PartnerChanged> PARTNER_CHANGED =
      ConsumedEvent.of("partnership", "partner-changed", 1, PartnerChanged.class);

  public static final ConsumedEvent<SiteRegistered> SITE_REGISTERED =
      ConsumedEvent.of("cohort", "site-registered", 1, SiteRegistered.class);

  // learners (issue 16, pl-outcomes): enrolment, exits, consents, account link and erasure
  public static final ConsumedEvent<ApplicationEnrolled> APPLICATION_ENROLLED =
      ConsumedEvent.of("enrollment", "application-enrolled", 1, ApplicationEnrolled.class);

  public static final ConsumedEvent<LearnerEnrolled> LEARNER_ENROLLED =
      ConsumedEvent.of("cohort", "learner-enrolled", 1, LearnerEnrolled.class);

  public static final ConsumedEvent<LearnerTransferred> LEARNER_TRANSFERRED =
      ConsumedEvent.of("cohort", "learner-transferred", 1, LearnerTransferred.class);

  public static final ConsumedEvent<LearnerCompleted> LEARNER_COMPLETED =
      ConsumedEvent.of("cohort", "learner-completed", 1, LearnerCompleted.class);

  public static final ConsumedEvent<LearnerWithdrew> LEARNER_WITHDREW =
      ConsumedEvent.of("cohort", "learner-withdrew", 1, LearnerWithdrew.class);

  public static final ConsumedEvent<ConsentChanged> CONSENT_CHANGED =
      ConsumedEvent.of("enrollment", "consent-changed", 1, ConsentChanged.class);

  public static final ConsumedEvent<LearnerAccountLinked> LEARNER_ACCOUNT_LINKED =
      ConsumedEvent.of("enrollment", "learner-account-linked", 1, LearnerAccountLinked.class);

  public static final ConsumedEvent<ApplicantErased> APPLICANT_ERASED =
      ConsumedEvent.of("enrollment", "applicant-erased", 1, ApplicantErased.class);

  // impact indicators (issue 17): cohorts' dates, status and funders; applications for the funnel
  public static final ConsumedEvent<CohortScheduled> COHORT_SCHEDULED =
      ConsumedEvent.of("cohort", "cohort-scheduled", 1, CohortScheduled.class);

  public static final ConsumedEvent<CohortSnapshot> COHORT_CHANGED =
      ConsumedEvent.of("cohort", "cohort-changed", 1, CohortSnapshot.class);

  public static final ConsumedEvent<CohortSnapshot> COHORT_STARTED =
      ConsumedEvent.of("cohort", "cohort-started", 1, CohortSnapshot.class);

  public static final ConsumedEvent<CohortSnapshot> COHORT_COMPLETED =
      ConsumedEvent.of("cohort", "cohort-completed", 1, CohortSnapshot.class);

  public static final ConsumedEvent<CohortCancelled> COHORT_CANCELLED =
      ConsumedEvent.of("cohort", "cohort-cancelled", 1, CohortCancelled.class);

  public static final ConsumedEvent<ApplicationSubmitted> APPLICATION_SUBMITTED =
      ConsumedEvent.of("enrollment", "application-submitted", 1, ApplicationSubmitted.class);

  public static final ConsumedEvent<ApplicationAccepted> APPLICATION_ACCEPTED =
      ConsumedEvent.of("enrollment", "application-accepted", 1, ApplicationAccepted.class);

  public static final List<ConsumedEvent<?>> ALL =
      List.of(
          PARTNER_REGISTERED,
          PARTNER_CHANGED,
          SITE_REGISTERED,
          APPLICATION_ENROLLED,
          LEARNER_ENROLLED,
          LEARNER_TRANSFERRED,
          LEARNER_COMPLETED,
          LEARNER_WITHDREW,
          CONSENT_CHANGED,
          LEARNER_ACCOUNT_LINKED,
          APPLICANT_ERASED,
          COHORT_SCHEDULED,
          COHORT_CHANGED,
          COHORT_STARTED,
          COHORT_COMPLETED,
          COHORT_CANCELLED,
          APPLICATION_SUBMITTED,
          APPLICATION_ACCEPTED);

  private ConsumedEvents() {}
}
