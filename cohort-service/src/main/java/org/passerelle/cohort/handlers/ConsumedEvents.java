package org.passerelle.cohort.handlers;

import java.util.List;
import org.passerelle.commons.events.ConsumedEvent;

/**
 * Every event cohort-service consumes, declared once: its consumers name these, and a test checks
 * the list against the running consumers, the producers' schemas and the event map in
 * docs/events.md.
 */
public final class ConsumedEvents {

  public static final ConsumedEvent<ApplicationEvent> APPLICATION_SUBMITTED =
      ConsumedEvent.of("enrollment", "application-submitted", 1, ApplicationEvent.class);

  public static final ConsumedEvent<ApplicationEvent> APPLICATION_ACCEPTED =
      ConsumedEvent.of("enrollment", "application-accepted", 1, ApplicationEvent.class);

  public static final ConsumedEvent<ApplicationEvent> APPLICATION_WITHDRAWN =
      ConsumedEvent.of("enrollment", "application-withdrawn", 1, ApplicationEvent.class);

  public static final ConsumedEvent<ApplicantErased> APPLICANT_ERASED =
      ConsumedEvent.of("enrollment", "applicant-erased", 1, ApplicantErased.class);

  // learners read their own enrolments: their account leads to their learnerId (ADR 0039)
  public static final ConsumedEvent<LearnerAccountLinked> LEARNER_ACCOUNT_LINKED =
      ConsumedEvent.of("enrollment", "learner-account-linked", 1, LearnerAccountLinked.class);

  public static final ConsumedEvent<PartnerRegistered> PARTNER_REGISTERED =
      ConsumedEvent.of("partnership", "partner-registered", 1, PartnerRegistered.class);

  public static final ConsumedEvent<PartnerChanged> PARTNER_CHANGED =
      ConsumedEvent.of("partnership", "partner-changed", 1, PartnerChanged.class);

  public static final List<ConsumedEvent<?>> ALL =
      List.of(
          APPLICATION_SUBMITTED,
          APPLICATION_ACCEPTED,
          APPLICATION_WITHDRAWN,
          APPLICANT_ERASED,
          LEARNER_ACCOUNT_LINKED,
          PARTNER_REGISTERED,
          PARTNER_CHANGED);

  private ConsumedEvents() {}
}
