package org.passerelle.enrollment.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.passerelle.commons.events.DomainEvent;
import org.passerelle.commons.outbox.Outbox;
import org.passerelle.commons.problem.ProblemException;
import org.passerelle.commons.security.AccessScope;
import org.passerelle.enrollment.Applicant;
import org.passerelle.enrollment.Application;
import org.passerelle.enrollment.SensitiveDataAccess;
import org.passerelle.enrollment.api.ApplicationView;
import org.passerelle.enrollment.events.ApplicationFacts;
import org.passerelle.enrollment.repository.ApplicationRepository;

/**
 * One application as each caller may see it: found within the caller's scope (or as the person's
 * own), shown with what that reader may read (a read of sensitive fields is audited), and its facts
 * published (and told to webhooks) with every change of status. {@link SubmissionService}, {@link
 * SelectionService} and {@link SeatOutcomeService} change applications through it.
 */
@ApplicationScoped
public class ApplicationService {

  private final ApplicationRepository applications;
  private final ConsentService consents;
  private final SensitiveDataService sensitive;
  private final Outbox outbox;
  private final WebhookService webhooks;

  ApplicationService(
      ApplicationRepository applications,
      ConsentService consents,
      SensitiveDataService sensitive,
      Outbox outbox,
      WebhookService webhooks) {
    this.applications = applications;
    this.consents = consents;
    this.sensitive = sensitive;
    this.outbox = outbox;
    this.webhooks = webhooks;
  }

  /** The application if it is within the caller's scope; otherwise it does not exist. */
  @Transactional
  public ApplicationView get(UUID id, AccessScope scope) {
    return view(visible(id, scope, false), scope, true);
  }

  /**
   * Publishes the application's facts as this event, with the purposes the person consents to, and
   * tells the webhooks of its country that asked for it.
   */
  void publish(Application application, String event, OffsetDateTime at) {
    outbox.publish(
        DomainEvent.v1(
            event,
            application.id,
            application.country,
            application.siteCode,
            ApplicationFacts.of(application, consents.granted(application.applicant.id), at)));
    webhooks.tell(application, event, at);
  }

  /** The application with its row locked, or null: events name it, so no caller's scope applies. */
  Application locked(UUID applicationId) {
    return applications
        .findByIdOptional(applicationId, LockModeType.PESSIMISTIC_WRITE)
        .orElse(null);
  }

  /** The application if the caller reaches it (404 otherwise); {@code lock} locks its row. */
  Application visible(UUID id, AccessScope scope, boolean lock) {
    return (lock
            ? applications.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
            : applications.findByIdOptional(id))
        .filter(found -> visibleTo(found, scope))
        .orElseThrow(() -> ProblemException.notFound("application"));
  }

  /** Staff whose scope covers it, and the person themself. */
  static boolean visibleTo(Application application, AccessScope scope) {
    return scope.covers(application.country, application.siteCode)
        || scope.isLearner(application.applicant.subject);
  }

  /**
   * The application as this caller may see it. A read that shows sensitive fields is audited;
   * {@code audited} is false where the caller has just written the values themself.
   */
  ApplicationView view(Application application, AccessScope scope, boolean audited) {
    return view(application, scope, audited ? "getApplication" : null);
  }

  /** As {@link #view(Application, AccessScope, boolean)}, audited for this purpose if not null. */
  ApplicationView view(Application application, AccessScope scope, String auditPurpose) {
    Applicant applicant = application.applicant;
    boolean withSensitive = sensitive.readableBy(scope, applicant);
    if (withSensitive && auditPurpose != null) {
      sensitive.record(
          scope,
          SensitiveDataAccess.Action.READ,
          applicant,
          SensitiveDataService.FIELDS,
          auditPurpose);
    }
    return ApplicationView.of(application, withSensitive, reader(application, scope));
  }

  /**
   * Who reads: staff in scope, the person themself, or else the only other caller who reaches an
   * application, a regional office's system in its country (which gets the least).
   */
  static ApplicationView.Reader reader(Application application, AccessScope scope) {
    if (scope.isStaff() && scope.covers(application.country, application.siteCode)) {
      return ApplicationView.Reader.STAFF;
    }
    if (scope.isLearner(application.applicant.subject)) {
      return ApplicationView.Reader.LEARNER;
    }
    return ApplicationView.Reader.INTEGRATION;
  }

  /** Roles that take selection decisions (an office's system submits, it does not select). */
  static boolean decides(AccessScope scope) {
    return scope.isStaff();
  }
}
