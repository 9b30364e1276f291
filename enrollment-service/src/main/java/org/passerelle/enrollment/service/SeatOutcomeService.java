package org.passerelle.enrollment.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.passerelle.commons.time.Now;
import org.passerelle.enrollment.Application;
import org.passerelle.enrollment.ApplicationStatus;
import org.passerelle.enrollment.Intake;
import org.passerelle.enrollment.events.ApplicationFacts;
import org.passerelle.enrollment.repository.ApplicationRepository;
import org.passerelle.enrollment.repository.IntakeRepository;

/**
 * What cohort-service's seat events do to applications: a seat confirmed enrols the application, a
 * seat unavailable puts it on the waitlist, a transfer moves it to the other cohort's intake, and a
 * learner who left withdraws it. Each runs in the transaction that records the event in the inbox,
 * and changes nothing for a replay or an event that does not fit the application.
 */
@ApplicationScoped
public class SeatOutcomeService {

  /** Who ends an enrolled application when staff record in cohort-service that the learner left. */
  public static final String COHORT_ACTOR = "system:cohort-service";

  private final ApplicationService applications;
  private final ApplicationRepository repository;
  private final IntakeRepository intakes;
  private final Now now;

  SeatOutcomeService(
      ApplicationService applications,
      ApplicationRepository repository,
      IntakeRepository intakes,
      Now now) {
    this.applications = applications;
    this.repository = repository;
    this.intakes = intakes;
    this.now = now;
  }

  /**
   * cohort-service confirmed a seat: the accepted application is enrolled, and so is a waitlisted
   * one that staff seated straight from the waitlist (cohort-service's bulk enrolment). A seat in
   * another cohort than the application's intake moves the application there first, and an already
   * enrolled application follows its seat there (the learner-enrolled a transfer sends under the
   * target cohort). Nothing changes, and false is returned, when the seat's learner is not the
   * application's applicant (staff typed a wrong pair), when the application cannot follow (another
   * country, or the person already applied to that intake), or for a replay or an application
   * withdrawn or rejected meanwhile.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean seatConfirmed(UUID applicationId, UUID learnerId, UUID cohortId) {
    Application application = applications.locked(applicationId);
    if (application == null
        || (application.status != ApplicationStatus.ACCEPTED
            && application.status != ApplicationStatus.WAITLISTED
            && application.status != ApplicationStatus.ENROLLED)
        || !application.applicant.learnerId.equals(learnerId)) {
      return false;
    }
    OffsetDateTime at = now.timestamp();
    if (!application.intakeId.equals(cohortId) && !follow(application, cohortId, at)) {
      return false;
    }
    if (application.status == ApplicationStatus.ENROLLED) {
      return true;
    }
    application.moveTo(ApplicationStatus.ENROLLED, at);
    applications.publish(application, ApplicationFacts.ENROLLED, at);
    return true;
  }

  /**
   * cohort-service's staff recorded that the learner left the school (learner-withdrew): the
   * enrolled application is withdrawn, so that the person may apply again. Recorded like a
   * decision: by cohort-service, for the coded exit reason (never staff's comment). The seat's
   * cohort is not compared with the intake, which follows a transfer only once enrollment hears of
   * it. Anything else (a redelivery, another learner's application, one not enrolled) changes
   * nothing and returns false.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean seatLeft(UUID applicationId, UUID learnerId, String exitReason) {
    Application application = applications.locked(applicationId);
    if (application == null
        || application.status != ApplicationStatus.ENROLLED
        || !application.applicant.learnerId.equals(learnerId)) {
      return false;
    }
    OffsetDateTime at = now.timestamp();
    application.moveTo(ApplicationStatus.WITHDRAWN, at);
    application.decidedBy = COHORT_ACTOR;
    application.decidedAt = at;
    // An erased person's record keeps no reasons (ADR 0012); the code may reveal health.
    String reason = application.applicant.erased() ? null : exitReason;
    application.decisionReason = reason;
    application.withdrawalReason = reason;
    applications.publish(application, ApplicationFacts.WITHDRAWN, at);
    return true;
  }

  /**
   * cohort-service moved the learner to another cohort of the same programme (learner-transferred):
   * the application, still open or enrolled, now belongs to that cohort's intake, so that its later
   * events (a withdrawal) name the cohort that holds the seat. Returns whether it moved; never for
   * another learner's application. learner-enrolled under the target may have moved it already.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean seatMoved(UUID applicationId, UUID learnerId, UUID cohortId) {
    Application application = applications.locked(applicationId);
    if (application == null
        || application.status == ApplicationStatus.WITHDRAWN
        || application.status == ApplicationStatus.REJECTED
        || !application.applicant.learnerId.equals(learnerId)) {
      return false;
    }
    return follow(application, cohortId, now.timestamp());
  }

  /**
   * Moves the application to the intake of this cohort, unless it is there already or the person
   * already has another open application there (one open application per person and intake). An
   * intake not known yet fails the event, which is retried, then parked to be re-driven.
   */
  private boolean follow(Application application, UUID cohortId, OffsetDateTime at) {
    if (application.intakeId.equals(cohortId)) {
      return false;
    }
    Intake intake =
        intakes
            .findByIdOptional(cohortId)
            .orElseThrow(() -> new IllegalStateException("no intake yet for cohort " + cohortId));
    if (!intake.country.equals(application.country)) {
      return false;
    }
    long others =
        repository.count(
            "intakeId = ?1 and applicant = ?2 and status <> ?3 and id <> ?4",
            intake.id,
            application.applicant,
            ApplicationStatus.WITHDRAWN,
            application.id);
    if (others > 0) {
      return false;
    }
    application.intakeId = intake.id;
    application.siteCode = intake.siteCode;
    application.updatedAt = at;
    return true;
  }

  /** cohort-service had no seat: the accepted application joins the waitlist. */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean seatUnavailable(UUID applicationId) {
    Application application = applications.locked(applicationId);
    if (application == null || application.status != ApplicationStatus.ACCEPTED) {
      return false;
    }
    OffsetDateTime at = now.timestamp();
    application.moveTo(ApplicationStatus.WAITLISTED, at);
    applications.publish(application, ApplicationFacts.WAITLISTED, at);
    return true;
  }
}
