package org.passerelle.placement.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.passerelle.placement.ContractType;
import org.passerelle.placement.FollowUpStatus;
import org.passerelle.placement.Learner;
import org.passerelle.placement.Situation;

/**
 * One learner as the impact indicators count them: where and when they trained, how the training
 * ended, their declared categories and what is known of their situation after it. Pseudonymous id
 * and categories only, never a name or a free text (DESIGN §4); a closed period keeps these facts
 * frozen.
 *
 * @param cohortStartDate the start day of the learner's (latest) cohort; null while
 *     placement-service has not heard of the cohort
 * @param funderPartnerIds the partners funding that cohort
 * @param enrolledOn the day they got their seat
 * @param withdrewBeforeStart they left before the cohort started: not an entrant
 * @param transferredIn they reached this cohort by a transfer (never a dropout of the former one)
 * @param exitKind null while they are still in training
 * @param exitReason the coded reason of a withdrawal (FOUND_JOB, HEALTH...)
 * @param certificationOutcome the jury's outcome (CERTIFIED, PARTIALLY_CERTIFIED, NOT_CERTIFIED);
 *     null when they were not presented
 * @param certificationBlocks codes of the competency blocks obtained
 * @param sessionDays session days recorded for them in the cohort; null when unknown
 * @param attendedDays of those, the days they came (present or late); null when unknown
 * @param gender as declared (FEMALE, MALE, NON_BINARY, NOT_DECLARED); null when unknown
 * @param ageBand UNDER_18, 18_25, 26_34, 35_44, 45_PLUS; null when unknown
 * @param educationLevel NONE, BELOW_BAC, BAC, BAC_PLUS_2, BAC_PLUS_3_OR_MORE, FOREIGN_DIPLOMA; null
 *     when unknown
 * @param jobSeeker registered job seeker; null when unknown
 * @param priorityPublics PRIORITY_NEIGHBOURHOOD (QPV/ZRR), REFUGEE, DISABILITY, NEET_UNDER_26; null
 *     when the categories are unknown, empty when none was declared
 * @param erased the person was erased in enrollment-service since (their categories stay)
 * @param followUps the learner's follow-ups, one per offset
 * @param placements the learner's recorded situations (status RECORDED only)
 */
public record LearnerFacts(
    UUID learnerId,
    String country,
    String siteCode,
    String programmeCode,
    UUID cohortId,
    LocalDate cohortStartDate,
    LocalDate cohortEndDate,
    List<UUID> funderPartnerIds,
    LocalDate enrolledOn,
    boolean withdrewBeforeStart,
    boolean transferredIn,
    Learner.ExitKind exitKind,
    LocalDate exitDate,
    String exitReason,
    String certificationOutcome,
    List<String> certificationBlocks,
    Integer sessionDays,
    Integer attendedDays,
    String gender,
    String ageBand,
    String educationLevel,
    Boolean jobSeeker,
    List<String> priorityPublics,
    boolean erased,
    List<FollowUpFact> followUps,
    List<PlacementFact> placements) {

  /**
   * A follow-up at one offset after the exit: its status and, once DONE, the situation it recorded
   * and whether that was durable employment by the country's rule.
   */
  public record FollowUpFact(
      int offsetMonths,
      LocalDate dueOn,
      FollowUpStatus status,
      Situation situation,
      boolean durableEmployment) {}

  /** A recorded situation (any source): what, from when, under which contract. */
  public record PlacementFact(
      Situation situation,
      LocalDate situationOn,
      LocalDate startDate,
      ContractType contractType,
      Integer durationMonths,
      boolean durableEmployment) {}
}
