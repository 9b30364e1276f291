package org.passerelle.placement.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.passerelle.commons.locks.AdvisoryLocks;
import org.passerelle.placement.Learner;
import org.passerelle.placement.repository.LearnerRepository;

/**
 * The learner projection (issue 16), written only from enrollment's and cohort's events: where a
 * learner trains, how their training ended, what they consent to and which account speaks for them.
 * Events about one learner come on several topics in no guaranteed order, so each fact is applied
 * only when newer than the one held, and the first event to arrive creates the learner. An exit
 * schedules the follow-ups; an exit for a job leaves a placement to confirm. Since issue 17 it also
 * keeps what the impact indicators count: declared categories, a withdrawal before the start, a
 * transfer in, the certification's blocks and the attendance at the exit.
 */
@ApplicationScoped
public class LearnerService {

  /** Purposes of enrollment's consent events that this service acts on. */
  public static final String FOLLOW_UP_CONTACT = "FOLLOW_UP_CONTACT";

  public static final String CV_SHARING = "CV_SHARING";

  /** The coded withdrawal reason of a learner who left for a job. */
  public static final String FOUND_JOB = "FOUND_JOB";

  private static final String SYSTEM = "system:cohort-service";

  private final LearnerRepository learners;
  private final FollowUpService followUps;
  private final PlacementService placements;
  private final FollowUpCalendar calendar;
  private final AdvisoryLocks locks;

  LearnerService(
      LearnerRepository learners,
      FollowUpService followUps,
      PlacementService placements,
      FollowUpCalendar calendar,
      AdvisoryLocks locks) {
    this.learners = learners;
    this.followUps = followUps;
    this.placements = placements;
    this.calendar = calendar;
    this.locks = locks;
  }

  /**
   * The categories a person declared when applying, as the impact indicators count them: codes
   * only. educationLevel is null when never declared.
   */
  public record Categories(
      String gender,
      String ageBand,
      String educationLevel,
      boolean jobSeeker,
      Set<String> priorityPublics) {}

  /**
   * enrollment's application-enrolled: the seat, the consents given at enrolment and the declared
   * categories (the newest enrolment's).
   */
  @Transactional
  public void applicationEnrolled(
      UUID learnerId,
      String country,
      UUID cohortId,
      String site,
      OffsetDateTime at,
      Set<String> consentedPurposes,
      Categories categories) {
    Learner learner = learner(learnerId, country);
    seat(learner, cohortId, site, null, at, Seat.APPLICATION_ENROLLED);
    if (learner.categoriesAsOf == null || !at.isBefore(learner.categoriesAsOf)) {
      learner.gender = categories.gender();
      learner.ageBand = categories.ageBand();
      learner.educationLevel = categories.educationLevel();
      learner.jobSeeker = categories.jobSeeker();
      learner.priorityPublics = categories.priorityPublics().stream().sorted().toList();
      learner.categoriesAsOf = at;
    }
    if (consents(learner, consentedPurposes, at)) {
      followUps.consentChanged(learner);
    }
  }

  /** cohort's learner-enrolled: the seat, with the programme. */
  @Transactional
  public void enrolled(
      UUID learnerId,
      String country,
      UUID cohortId,
      String site,
      String programme,
      OffsetDateTime at) {
    seat(learner(learnerId, country), cohortId, site, programme, at, Seat.LEARNER_ENROLLED);
  }

  /** cohort's learner-transferred: the seat in the other cohort, from the transfer on. */
  @Transactional
  public void transferred(
      UUID learnerId,
      String country,
      UUID toCohortId,
      String toSite,
      String programme,
      OffsetDateTime at) {
    seat(learner(learnerId, country), toCohortId, toSite, programme, at, Seat.TRANSFER);
  }

  /**
   * A learner's attendance in the cohort they left: the session days recorded for them and the days
   * they came; cohort-service sends it with their exit.
   */
  public record Attendance(int sessionDays, int attendedDays) {}

  /**
   * cohort's learner-completed: the training ended on that day (the site's calendar), with this
   * certification outcome and these blocks obtained; the follow-ups are scheduled. Returns how many
   * were added.
   */
  @Transactional
  public int completed(
      UUID learnerId,
      String country,
      UUID cohortId,
      String site,
      String programme,
      OffsetDateTime at,
      String certification,
      List<String> blocks,
      Attendance attendance) {
    Learner learner = learner(learnerId, country);
    LocalDate day = calendar.day(country, at);
    if (!exit(learner, Learner.ExitKind.COMPLETED, day, cohortId, site, programme, attendance)) {
      return 0;
    }
    learner.exitReason = null;
    learner.certification = certification;
    learner.certificationBlocks = blocks == null ? List.of() : blocks.stream().sorted().toList();
    return followUps.schedule(learner);
  }

  /**
   * cohort's learner-withdrew during the training: the follow-ups are scheduled, and a learner who
   * left for a job gets a placement to confirm. A withdrawal before the cohort started is no exit
   * from a training: nothing follows from it, but the learner is no entrant of that cohort.
   */
  @Transactional
  public int withdrew(
      UUID learnerId,
      String country,
      UUID cohortId,
      String site,
      String programme,
      OffsetDateTime at,
      String reason,
      boolean beforeStart,
      Attendance attendance) {
    Learner learner = learner(learnerId, country);
    if (beforeStart) {
      withdrewBeforeStart(learner, cohortId, site, programme, at);
      return 0;
    }
    LocalDate day = calendar.day(country, at);
    if (!exit(learner, Learner.ExitKind.WITHDREW, day, cohortId, site, programme, attendance)) {
      return 0;
    }
    learner.exitReason = reason;
    learner.certification = null;
    learner.certificationBlocks = null;
    int added = followUps.schedule(learner);
    if (FOUND_JOB.equals(reason)) {
      placements.toConfirm(learner, SYSTEM);
    }
    return added;
  }

  /** enrollment's consent-changed: the whole set in force, when newer than the one held. */
  @Transactional
  public boolean consentChanged(
      UUID learnerId, String country, Set<String> consentedPurposes, OffsetDateTime at) {
    Learner learner = learner(learnerId, country);
    if (!consents(learner, consentedPurposes, at)) {
      return false;
    }
    followUps.consentChanged(learner);
    return true;
  }

  /**
   * enrollment's learner-account-linked: the account now speaks for this learner (and for no other
   * one it spoke for before), unless it was linked to another one later than this event says (a
   * late or replayed link changes nothing). An erased learner is linked to no account again.
   */
  @Transactional
  public boolean accountLinked(
      UUID learnerId, String country, String accountSubject, OffsetDateTime linkedAt) {
    locks.holdUntilCommit("learner-account", accountSubject);
    Learner learner = learner(learnerId, country);
    if (learner.erasedAt != null || accountSubject.equals(learner.accountSubject)) {
      return false;
    }
    boolean linkedLater =
        learners.find("accountSubject = ?1 and learnerId <> ?2", accountSubject, learnerId).stream()
            .anyMatch(
                holder ->
                    holder.accountLinkedAt != null && holder.accountLinkedAt.isAfter(linkedAt));
    if (linkedLater) {
      return false;
    }
    learners.update(
        "accountSubject = null where accountSubject = ?1 and learnerId <> ?2",
        accountSubject,
        learnerId);
    learners.flush();
    learner.accountSubject = accountSubject;
    learner.accountLinkedAt = linkedAt;
    return true;
  }

  /**
   * enrollment's applicant-erased: the account link and the free text about the person go; their
   * categories, dates and outcomes stay (ADR 0012), and nobody contacts them any more.
   */
  @Transactional
  public void erased(UUID learnerId, String country, OffsetDateTime at) {
    Learner learner = learner(learnerId, country);
    if (learner.erasedAt == null) {
      learner.erasedAt = at;
    }
    learner.accountSubject = null;
    placements.learnerErased(learnerId);
    followUps.learnerErased(learner);
  }

  private Learner learner(UUID learnerId, String country) {
    // The first event about a learner creates them: two arriving together on two topics wait for
    // each other here instead of both inserting.
    locks.holdUntilCommit("learner", learnerId.toString());
    return learners
        .findByIdOptional(learnerId, LockModeType.PESSIMISTIC_WRITE)
        .orElseGet(
            () -> {
              Learner learner = new Learner();
              learner.learnerId = learnerId;
              learner.country = country;
              learners.persist(learner);
              return learner;
            });
  }

  /** Which event seated a learner. */
  private enum Seat {
    /** enrollment's echo of a seat: its time is when enrollment-service applied it. */
    APPLICATION_ENROLLED,
    LEARNER_ENROLLED,
    TRANSFER
  }

  /**
   * The seat of a newer enrolment or transfer. A transfer marks the learner as transferred in; an
   * enrolment in another cohort is a new start (the enrolment of the cohort they were transferred
   * to, announced again, changes nothing).
   */
  private static void seat(
      Learner learner, UUID cohortId, String site, String programme, OffsetDateTime at, Seat seat) {
    if (learner.enrolledAt == null || at.isBefore(learner.enrolledAt)) {
      learner.enrolledAt = at;
    }
    if (learner.cohortAsOf != null && at.isBefore(learner.cohortAsOf)) {
      return;
    }
    if (learner.exitDate != null
        && !cohortId.equals(learner.cohortId)
        && learner.exitDate.isBefore(at.toLocalDate())) {
      // seated in another cohort after an exit: a new training, whose exit is still to come. A seat
      // in the cohort they left is an echo (enrollment's application-enrolled comes on another
      // topic, often after the exit, and an exit recorded after the fact is dated before it).
      learner.exitKind = null;
      learner.exitDate = null;
      learner.exitReason = null;
      learner.certification = null;
      learner.certificationBlocks = null;
      learner.sessionDays = null;
      learner.attendedDays = null;
    }
    if (learner.withdrewBeforeStartAt != null
        && learner.withdrewBeforeStartAt.isBefore(at)
        && (seat != Seat.APPLICATION_ENROLLED || !cohortId.equals(learner.cohortId))) {
      // seated again after leaving a cohort that had not started (enrollment's echo of the seat
      // they left, applied late there, is no new seat)
      learner.withdrewBeforeStartAt = null;
    }
    if (seat == Seat.TRANSFER) {
      learner.transferredIn = true;
    } else if (!cohortId.equals(learner.cohortId)) {
      learner.transferredIn = false;
    }
    learner.cohortId = cohortId;
    learner.siteCode = site;
    if (programme != null) {
      learner.programmeCode = programme;
    }
    learner.cohortAsOf = at;
  }

  /**
   * Records the exit unless the one held is this one or a later one; the cohort they left is their
   * latest. False when nothing changed.
   */
  private static boolean exit(
      Learner learner,
      Learner.ExitKind kind,
      LocalDate day,
      UUID cohortId,
      String site,
      String programme,
      Attendance attendance) {
    if (learner.exitDate != null && !day.isAfter(learner.exitDate)) {
      return false;
    }
    learner.exitKind = kind;
    learner.exitDate = day;
    learner.withdrewBeforeStartAt = null;
    learner.sessionDays = attendance == null ? null : attendance.sessionDays();
    learner.attendedDays = attendance == null ? null : attendance.attendedDays();
    learner.cohortId = cohortId;
    learner.siteCode = site;
    if (programme != null) {
      learner.programmeCode = programme;
    }
    return true;
  }

  /**
   * A withdrawal before the cohort started, unless the learner was seated in another cohort since.
   * The cohort they left becomes theirs when the seat held is an older one elsewhere (its transfer
   * may come later on another partition) or none was heard of yet.
   */
  private static void withdrewBeforeStart(
      Learner learner, UUID cohortId, String site, String programme, OffsetDateTime at) {
    boolean elsewhere = learner.cohortId != null && !learner.cohortId.equals(cohortId);
    if (elsewhere && learner.cohortAsOf != null && at.isBefore(learner.cohortAsOf)) {
      return;
    }
    learner.withdrewBeforeStartAt = at;
    if (elsewhere || learner.cohortId == null) {
      learner.cohortId = cohortId;
      learner.siteCode = site;
      if (programme != null) {
        learner.programmeCode = programme;
      }
      learner.cohortAsOf = at;
    }
  }

  private static boolean consents(Learner learner, Set<String> purposes, OffsetDateTime at) {
    if (learner.consentsAsOf != null && !at.isAfter(learner.consentsAsOf)) {
      return false;
    }
    learner.followUpConsent = purposes.contains(FOLLOW_UP_CONTACT);
    learner.cvSharingConsent = purposes.contains(CV_SHARING);
    learner.consentsAsOf = at;
    return true;
  }
}
