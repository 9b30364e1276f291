package org.passerelle.enrollment.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.function.LongPredicate;
import org.passerelle.commons.problem.ProblemException;
import org.passerelle.commons.security.AccessScope;
import org.passerelle.commons.time.Now;
import org.passerelle.enrollment.Application;
import org.passerelle.enrollment.ApplicationStatus;
import org.passerelle.enrollment.api.ApplicationView;
import org.passerelle.enrollment.api.DecisionRequest;
import org.passerelle.enrollment.api.ScreeningRequest;
import org.passerelle.enrollment.events.ApplicationFacts;
import org.passerelle.enrollment.repository.ApplicationRepository;
import org.passerelle.problem.ProblemType;

/**
 * Taking applications through selection: screening, then staff's decision (accept, waitlist,
 * reject), the person's withdrawal of an open application, and the waitlist's promotions when a
 * seat frees. Each decision commits with its event (outbox), which cohort-service answers for an
 * acceptance with a seat or none ({@link SeatOutcomeService}).
 */
@ApplicationScoped
public class SelectionService {

  /** Who decides when cohort-service's seat events move an application. */
  public static final String WAITLIST_ACTOR = "system:waitlist";

  private final ApplicationService applications;
  private final ApplicationRepository repository;
  private final Now now;

  SelectionService(ApplicationService applications, ApplicationRepository repository, Now now) {
    this.applications = applications;
    this.repository = repository;
    this.now = now;
  }

  /** SUBMITTED → SCREENING, or new results while screening. */
  @Transactional
  public ApplicationView screen(
      UUID id, ScreeningRequest request, LongPredicate ifMatch, AccessScope scope) {
    Application application = forStaffChange(id, ifMatch, scope);
    OffsetDateTime at = now.timestamp();
    if (application.status != ApplicationStatus.SCREENING) {
      application.moveTo(ApplicationStatus.SCREENING, at);
    }
    if (request != null && request.testScore() != null) {
      application.testScore = request.testScore();
    }
    if (request != null && request.interviewNotes() != null) {
      application.interviewNotes = request.interviewNotes().strip();
    }
    application.updatedAt = at;
    repository.flush();
    return applications.view(application, scope, false);
  }

  /** The selection's decision after screening; a rejection needs its reason. */
  @Transactional
  public ApplicationView decide(
      UUID id,
      ApplicationStatus decision,
      DecisionRequest request,
      LongPredicate ifMatch,
      AccessScope scope) {
    String reason = request == null || request.reason() == null ? null : request.reason().strip();
    if (decision == ApplicationStatus.REJECTED && (reason == null || reason.isEmpty())) {
      throw ProblemException.invalid("reason", "invalid-request.reason-required");
    }
    Application application = forStaffChange(id, ifMatch, scope);
    if (application.status != ApplicationStatus.SCREENING) {
      // Decisions come from screening; from the waitlist only acceptance (a manual promotion).
      boolean promotion =
          application.status == ApplicationStatus.WAITLISTED
              && decision == ApplicationStatus.ACCEPTED;
      if (!promotion) {
        throw new ProblemException(
            ProblemType.ILLEGAL_TRANSITION,
            "illegal-transition.detail",
            application.status,
            decision);
      }
    }
    OffsetDateTime at = now.timestamp();
    application.moveTo(decision, at);
    application.decisionReason = reason;
    application.decidedBy = scope.subject();
    application.decidedAt = at;
    repository.flush();
    applications.publish(
        application,
        switch (decision) {
          case ACCEPTED -> ApplicationFacts.ACCEPTED;
          case WAITLISTED -> ApplicationFacts.WAITLISTED;
          case REJECTED -> ApplicationFacts.REJECTED;
          default -> throw new IllegalArgumentException("not a decision: " + decision);
        },
        at);
    return applications.view(application, scope, false);
  }

  /** The person (or staff on their behalf) withdraws an open application. */
  @Transactional
  public ApplicationView withdraw(
      UUID id, DecisionRequest request, LongPredicate ifMatch, AccessScope scope) {
    Application application = applications.visible(id, scope, true);
    boolean own = scope.isLearner(application.applicant.subject);
    if (!own && !ApplicationService.decides(scope)) {
      throw ProblemException.forbidden();
    }
    if (!ifMatch.test(application.version)) {
      throw new ProblemException(ProblemType.PRECONDITION_FAILED, "precondition-failed.detail");
    }
    if (!application.status.isOpen()) {
      // An enrolled application ends only when cohort-service says the learner left.
      throw new ProblemException(
          ProblemType.ILLEGAL_TRANSITION,
          "illegal-transition.detail",
          application.status,
          ApplicationStatus.WITHDRAWN);
    }
    OffsetDateTime at = now.timestamp();
    application.moveTo(ApplicationStatus.WITHDRAWN, at);
    application.withdrawalReason =
        request == null || request.reason() == null ? null : request.reason().strip();
    repository.flush();
    applications.publish(application, ApplicationFacts.WITHDRAWN, at);
    return applications.view(application, scope, false);
  }

  /** Accepts a waitlisted application the waitlist promotes; cohort-service then seats it. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void promote(Application application) {
    OffsetDateTime at = now.timestamp();
    application.moveTo(ApplicationStatus.ACCEPTED, at);
    application.decidedBy = WAITLIST_ACTOR;
    application.decidedAt = at;
    applications.publish(application, ApplicationFacts.ACCEPTED, at);
  }

  /** An application staff may change: in scope (404 otherwise), a deciding role, If-Match. */
  private Application forStaffChange(UUID id, LongPredicate ifMatch, AccessScope scope) {
    Application application = applications.visible(id, scope, true);
    if (!ApplicationService.decides(scope)
        || !scope.covers(application.country, application.siteCode)) {
      throw ProblemException.forbidden();
    }
    if (!ifMatch.test(application.version)) {
      throw new ProblemException(ProblemType.PRECONDITION_FAILED, "precondition-failed.detail");
    }
    return application;
  }
}
