package org.passerelle.enrollment.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.passerelle.commons.events.DomainEvent;
import org.passerelle.commons.idempotency.IdempotencyKeys;
import org.passerelle.commons.outbox.Outbox;
import org.passerelle.commons.problem.ProblemException;
import org.passerelle.commons.problem.ProblemType;
import org.passerelle.commons.security.AccessScope;
import org.passerelle.commons.security.Roles;
import org.passerelle.enrollment.Applicant;
import org.passerelle.enrollment.Application;
import org.passerelle.enrollment.ApplicationStatus;
import org.passerelle.enrollment.Gender;
import org.passerelle.enrollment.Site;
import org.passerelle.enrollment.events.ApplicationSubmitted;
import org.passerelle.enrollment.repository.ApplicantRepository;
import org.passerelle.enrollment.repository.ApplicationRepository;
import org.passerelle.enrollment.repository.SiteRepository;
import org.passerelle.enrollment.rest.ApplicationView;
import org.passerelle.enrollment.rest.SubmitApplicationRequest;

/** Submitting and reading applications, within the caller's scope. */
@ApplicationScoped
public class ApplicationService {

  private final ApplicationRepository applications;
  private final ApplicantRepository applicants;
  private final SiteRepository sites;
  private final Outbox outbox;
  private final IdempotencyKeys idempotency;

  ApplicationService(
      ApplicationRepository applications,
      ApplicantRepository applicants,
      SiteRepository sites,
      Outbox outbox,
      IdempotencyKeys idempotency) {
    this.applications = applications;
    this.applicants = applicants;
    this.sites = sites;
    this.outbox = outbox;
    this.idempotency = idempotency;
  }

  /** Staff submit for their scope, a learner for themself; the event goes out with the row. */
  @Transactional
  public IdempotencyKeys.Outcome<ApplicationView> submit(
      SubmitApplicationRequest request, String idempotencyKey, AccessScope scope) {
    return idempotency.once(
        idempotencyKey,
        scope.subject(),
        "submit-application",
        request,
        ApplicationView.class,
        () -> create(request, scope));
  }

  private ApplicationView create(SubmitApplicationRequest request, AccessScope scope) {
    Site site =
        sites
            .findByIdOptional(request.siteCode())
            .orElseThrow(
                () ->
                    new ProblemException(
                        ProblemType.UNPROCESSABLE,
                        "unprocessable.unknown-site",
                        request.siteCode()));
    boolean learnerForSelf = scope.has(Roles.LEARNER) && !staff(scope);
    if (!learnerForSelf && !scope.covers(site.country, site.code)) {
      throw ProblemException.outOfScope();
    }
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    var details = request.applicant();
    // A learner applying again is the same person: same applicant, same pseudonymous learnerId.
    Applicant applicant =
        learnerForSelf
            ? applicants.find("subject", scope.subject()).firstResultOptional().orElse(null)
            : null;
    if (applicant == null) {
      applicant = new Applicant();
      applicant.id = UUID.randomUUID();
      applicant.learnerId = UUID.randomUUID();
      applicant.subject = learnerForSelf ? scope.subject() : null;
      applicant.createdAt = now;
    }
    applicant.firstName = details.firstName().strip();
    applicant.lastName = details.lastName().strip();
    applicant.email = details.email().strip().toLowerCase(java.util.Locale.ROOT);
    applicant.birthDate = details.birthDate();
    applicant.gender = details.gender() == null ? Gender.NOT_DECLARED : details.gender();
    applicant.country = site.country;
    applicants.persist(applicant);

    Application application = new Application();
    application.id = UUID.randomUUID();
    application.applicant = applicant;
    application.cohortId = request.cohortId();
    application.siteCode = site.code;
    application.country = site.country;
    application.status = ApplicationStatus.SUBMITTED;
    application.submittedAt = now;
    application.submittedBy = scope.subject();
    applications.persist(application);
    applications.flush();

    outbox.publish(
        DomainEvent.v1(
            ApplicationSubmitted.NAME,
            application.id,
            application.country,
            application.siteCode,
            ApplicationSubmitted.of(application)));
    return ApplicationView.of(application);
  }

  /** The application if it is within the caller's scope; otherwise it does not exist. */
  @Transactional
  public ApplicationView get(UUID id, AccessScope scope) {
    Application application =
        applications
            .findByIdOptional(id)
            .filter(found -> visible(found, scope))
            .orElseThrow(() -> ProblemException.notFound("application"));
    return ApplicationView.of(application);
  }

  private static boolean visible(Application application, AccessScope scope) {
    return scope.covers(application.country, application.siteCode)
        || scope.isLearner(application.applicant.subject);
  }

  private static boolean staff(AccessScope scope) {
    return scope.isPlatformAdmin()
        || scope.has(Roles.COUNTRY_ADMIN)
        || scope.has(Roles.SITE_STAFF)
        || scope.has(Roles.INTEGRATION);
  }
}
