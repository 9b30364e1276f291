package org.passerelle.placement.testing;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.passerelle.placement.FollowUpStatus;
import org.passerelle.placement.Learner;
import org.passerelle.placement.Situation;
import org.passerelle.placement.api.ApplicationFacts;
import org.passerelle.placement.api.LearnerFacts;

/** Hand-made indicator facts for tests that need no projection behind them. */
public final class SampleFacts {

  private SampleFacts() {}

  /** A woman of this site's cohort [start, end], still in training, funded by {@code funder}. */
  public static LearnerFacts learner(
      String site, UUID cohortId, LocalDate start, LocalDate end, UUID funder) {
    return new LearnerFacts(
        UUID.randomUUID(),
        site.substring(0, 2),
        site,
        "DWWM",
        cohortId,
        start,
        end,
        funder == null ? List.of() : List.of(funder),
        start.minusDays(20),
        false,
        false,
        null,
        null,
        null,
        null,
        List.of(),
        null,
        null,
        "FEMALE",
        "18_25",
        "BAC",
        true,
        List.of("PRIORITY_NEIGHBOURHOOD"),
        false,
        List.of(),
        List.of());
  }

  /**
   * The same learner, who completed on their cohort's last day, certified, employed at 6 months.
   */
  public static LearnerFacts completed(LearnerFacts facts) {
    LocalDate exit = facts.cohortEndDate();
    return new LearnerFacts(
        facts.learnerId(),
        facts.country(),
        facts.siteCode(),
        facts.programmeCode(),
        facts.cohortId(),
        facts.cohortStartDate(),
        facts.cohortEndDate(),
        facts.funderPartnerIds(),
        facts.enrolledOn(),
        false,
        false,
        Learner.ExitKind.COMPLETED,
        exit,
        null,
        "CERTIFIED",
        List.of("RNCP37674BC01"),
        60,
        57,
        facts.gender(),
        facts.ageBand(),
        facts.educationLevel(),
        facts.jobSeeker(),
        facts.priorityPublics(),
        false,
        List.of(
            new LearnerFacts.FollowUpFact(
                6, exit.plusMonths(6), FollowUpStatus.DONE, Situation.EMPLOYED, true)),
        List.of());
  }

  public static ApplicationFacts application(String site, UUID cohortId, LocalDate start) {
    return new ApplicationFacts(
        UUID.randomUUID(),
        cohortId,
        site.substring(0, 2),
        site,
        "DWWM",
        start,
        start.minusMonths(1),
        true);
  }
}
