package org.passerelle.partnership.handlers;

import java.util.List;
import org.passerelle.commons.events.ConsumedEvent;

/**
 * What partnership-service consumes from other services, each applied by the {@code EventConsumer}
 * in this package that names it and listed in docs/events.md; ConsumedEventsTest checks the three
 * agree.
 */
public final class ConsumedEvents {

  // conventions: placements count towards hiring commitments
  public static final ConsumedEvent<PlacementRecorded> PLACEMENT_RECORDED =
      ConsumedEvent.of("placement", "placement-recorded", 1, PlacementRecorded.class);

  // devices: learners' exits, completions and erasure act on the computers lent to them
  public static final ConsumedEvent<LearnerWithdrew> LEARNER_WITHDREW =
      ConsumedEvent.of("cohort", "learner-withdrew", 1, LearnerWithdrew.class);

  public static final ConsumedEvent<LearnerCompleted> LEARNER_COMPLETED =
      ConsumedEvent.of("cohort", "learner-completed", 1, LearnerCompleted.class);

  public static final ConsumedEvent<ApplicantErased> APPLICANT_ERASED =
      ConsumedEvent.of("enrollment", "applicant-erased", 1, ApplicantErased.class);

  // prizes: a learner's account leads to their learnerId, so they read their own
  public static final ConsumedEvent<LearnerAccountLinked> LEARNER_ACCOUNT_LINKED =
      ConsumedEvent.of("enrollment", "learner-account-linked", 1, LearnerAccountLinked.class);

  // conventions: the job follows each site's own time zone
  public static final ConsumedEvent<SiteRegistered> SITE_REGISTERED =
      ConsumedEvent.of("cohort", "site-registered", 1, SiteRegistered.class);

  public static final ConsumedEvent<SiteChanged> SITE_CHANGED =
      ConsumedEvent.of("cohort", "site-changed", 1, SiteChanged.class);

  public static final List<ConsumedEvent<?>> ALL =
      List.of(
          PLACEMENT_RECORDED,
          LEARNER_WITHDREW,
          LEARNER_COMPLETED,
          APPLICANT_ERASED,
          LEARNER_ACCOUNT_LINKED,
          SITE_REGISTERED,
          SITE_CHANGED);

  private ConsumedEvents() {}
}
