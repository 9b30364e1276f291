package org.passerelle.enrollment.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.UUID;
import org.passerelle.commons.events.DomainEvent;
import org.passerelle.commons.idempotency.IdempotencyKeys;
import org.passerelle.commons.outbox.Outbox;
import org.passerelle.commons.problem.ProblemException;
import org.passerelle.commons.security.AccessScope;
import org.passerelle.commons.security.Roles;
import org.passerelle.commons.time.Now;
import org.passerelle.enrollment.Applicant;
import org.passerelle.enrollment.Application;
import org.passerelle.enrollment.ApplicationChannel;
import org.passerelle.enrollment.ApplicationStatus;
import org.passerelle.enrollment.Intake;
import org.passerelle.enrollment.api.ApplicationView;
import org.passerelle.enrollment.api.SubmitApplicationRequest;
import org.passerelle.enrollment.config.EnrollmentConfig;
import org.passerelle.enrollment.events.ApplicationSubmitted;
import org.passerelle.enrollment.repository.ApplicationRepository;
import org.passerelle.enrollment.repository.IntakeRepository;
import org.passerelle.problem.ProblemType;
import org.postgresql.util.PSQLException;

/**
 * Submitting applications to an intake: staff within their scope, a regional office's system within
 * its country (one by one, or row by row from an import), a learner for themself. A submission
 * commits with its application-submitted event (outbox).
 */
@ApplicationScoped
public class SubmissionService {

  private final ApplicationService applications;
  private final ApplicationRepository repository;
  private final IntakeRepository intakes;
  private final ApplicantService applicants;
  private final ApplicantRules rules;
  private final ConsentService consents;
  private final EnrollmentConfig config;
  private final Outbox outbox;
  private final IdempotencyKeys idempotency;
  private final ObjectMapper mapper;
  private final Now now;
  private final WebhookService webhooks;

  SubmissionService(
      ApplicationService applications,
      ApplicationRepository repository,
      IntakeRepository intakes,
      ApplicantService applicants,
      ApplicantRules rules,
      ConsentService consents,
      EnrollmentConfig config,
      Outbox outbox,
      IdempotencyKeys idempotency,
      ObjectMapper mapper,
      Now now,
      WebhookService webhooks) {
    this.applications = applications;
    this.repository = repository;
    this.intakes = intakes;
    this.applicants = applicants;
    this.rules = rules;
    this.consents = consents;
    this.config = config;
    this.outbox = outbox;
    this.idempotency = idempotency;
    this.webhooks = webhooks;
    this.mapper = mapper;
    this.now = now;
  }

  /** The result of one submission: the application, and whether this call created it. */
  public record Submitted(ApplicationView view, boolean created) {}

  /** Staff submit for their scope, an office's system for its country, a learner for themself. */
  @Transactional
  public IdempotencyKeys.Outcome<ApplicationView> submit(
      SubmitApplicationRequest request, String idempotencyKey, AccessScope scope) {
    return idempotency.once(
        idempotencyKey,
        scope.subject(),
        "submit-application",
        request,
        ApplicationView.class,
        () -> submitOne(request, scope).view());
  }

  /**
   * One submission in the caller's transaction (imports run one per row). A request naming an
   * external reference already used with the same content is unchanged; with other content, 409.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Submitted submitOne(SubmitApplicationRequest request, AccessScope scope) {
    ApplicationChannel channel = channel(scope);
    boolean learnerForSelf = channel == ApplicationChannel.LEARNER;
    if (learnerForSelf) {
      if (request.externalRef() != null) {
        throw ProblemException.invalid("externalRef", "invalid-request.parameter", "externalRef");
      }
      rules.checkAccountEmail(
          request.applicant(), ApplicantService.accountEmail(scope), "applicant.");
    }
    ConsentService.requireApplicationProcessing(request.consents());
    Intake intake =
        intakes
            .findByIdOptional(request.intakeId())
            .orElseThrow(
                () ->
                    new ProblemException(
                        ProblemType.UNPROCESSABLE,
                        "unprocessable.unknown-intake",
                        request.intakeId()));
    if (!learnerForSelf && !scope.covers(intake.country, intake.siteCode)) {
      throw ProblemException.outOfScope();
    }
    if (request.siteCode() != null && !request.siteCode().equals(intake.siteCode)) {
      throw new ProblemException(
          ProblemType.UNPROCESSABLE,
          "unprocessable.intake-site",
          intake.siteCode,
          request.siteCode());
    }
    rules.check(request.applicant(), intake.country, "applicant.");
    // From here until commit, no other submission about this person runs: a resend of this one
    // finds what it made, and two about one new person make one record.
    applicants.lockPerson(request.applicant(), intake.country, learnerForSelf, scope);
    // Only an office's reference needs the request's hash: serialised for it alone.
    String hash = request.externalRef() == null ? null : hash(request);
    if (request.externalRef() != null) {
      Application known =
          repository
              .find("country = ?1 and externalRef = ?2", intake.country, request.externalRef())
              .firstResultOptional()
              .orElse(null);
      if (known != null) {
        if (!ApplicationService.visibleTo(known, scope)) {
          // Another site's application, or one moved away since: what and whose it is, and even
          // whether it holds the same data, stay untold. That the reference is taken is all the
          // answer says, as any answer but 201 would.
          throw new ProblemException(
              ProblemType.CONFLICT, "conflict.external-ref-taken", request.externalRef());
        }
        if (!hash.equals(known.importHash)) {
          throw new ProblemException(
              ProblemType.CONFLICT, "conflict.external-ref", request.externalRef());
        }
        // The stored application, not what was sent: a read like any other.
        return new Submitted(applications.view(known, scope, "submitApplication"), false);
      }
    }
    OffsetDateTime at = now.timestamp();
    LocalDate today = at.toLocalDate();
    if (!intake.openOn(today)) {
      throw new ProblemException(
          ProblemType.UNPROCESSABLE,
          "unprocessable.intake-closed",
          intake.recruitmentOpensOn == null ? "-" : intake.recruitmentOpensOn.toString(),
          (intake.recruitmentClosesOn == null
                  ? intake.startDate.minusDays(1)
                  : intake.recruitmentClosesOn)
              .toString());
    }
    int minimumAge =
        intake.minimumAge != null
            ? intake.minimumAge
            : config.rules(intake.country).orElseThrow().defaultMinimumAge();
    if (Applicant.ageOn(request.applicant().birthDate(), intake.startDate) < minimumAge) {
      throw new ProblemException(
          ProblemType.UNPROCESSABLE, "unprocessable.too-young", minimumAge, intake.startDate);
    }
    ApplicantService.Declared declared =
        applicants.declare(request.applicant(), intake.country, learnerForSelf, scope, at);
    Applicant applicant = declared.applicant();
    Application application = new Application();
    application.id = UUID.randomUUID();
    application.applicant = applicant;
    application.intakeId = intake.id;
    application.siteCode = intake.siteCode;
    application.country = intake.country;
    application.status = ApplicationStatus.SUBMITTED;
    application.channel = channel;
    application.externalRef = request.externalRef();
    application.importHash = hash;
    application.submittedAt = at;
    application.updatedAt = at;
    application.submittedBy = scope.subject();
    insertOncePerIntake(application);
    if (declared.personsOwnConsents()) {
      consents.requireProcessingInForce(applicant);
    } else {
      consents.record(applicant, request.consents(), scope.subject(), declared.created(), at);
    }
    repository.flush();
    outbox.publish(
        DomainEvent.v1(
            ApplicationSubmitted.NAME,
            application.id,
            application.country,
            application.siteCode,
            ApplicationSubmitted.of(application)));
    webhooks.tell(application, ApplicationSubmitted.NAME, at);
    // Shown what the record holds rather than what the caller wrote: a read like any other.
    return new Submitted(
        applications.view(application, scope, declared.asDeclared() ? null : "submitApplication"),
        true);
  }

  /**
   * Inserts the application now, before anything else is checked or written, so that a person who
   * already has an open application to the intake gets 409 as before any other refusal. The unique
   * index {@code application_once_per_intake} decides, rather than a count before the insert: the
   * person's advisory lock already orders submissions about them, and the index is the rule. Its
   * refusal aborts the database transaction; the problem thrown rolls all of it back, so nothing
   * this submission wrote stays.
   */
  private void insertOncePerIntake(Application application) {
    repository.persist(application);
    try {
      repository.flush();
    } catch (RuntimeException e) {
      if (refusedBy(e, ONCE_PER_INTAKE)) {
        throw new ProblemException(ProblemType.CONFLICT, "conflict.already-applied");
      }
      throw e;
    }
  }

  /** The unique index that allows one open application per person and intake. */
  static final String ONCE_PER_INTAKE = "application_once_per_intake";

  /** Whether PostgreSQL refused a row because of this unique index. */
  static boolean refusedBy(RuntimeException e, String index) {
    PSQLException refused = ImportRowProblems.cause(e, PSQLException.class);
    if (refused != null
        && refused.getServerErrorMessage() != null
        && index.equals(refused.getServerErrorMessage().getConstraint())) {
      return true;
    }
    org.hibernate.exception.ConstraintViolationException violation =
        ImportRowProblems.cause(e, org.hibernate.exception.ConstraintViolationException.class);
    return violation != null && index.equals(violation.getConstraintName());
  }

  static ApplicationChannel channel(AccessScope scope) {
    if (ApplicationService.decides(scope)) {
      return ApplicationChannel.STAFF;
    }
    if (scope.has(Roles.INTEGRATION)) {
      return ApplicationChannel.INTEGRATION;
    }
    if (scope.has(Roles.LEARNER)) {
      return ApplicationChannel.LEARNER;
    }
    throw ProblemException.forbidden();
  }

  private String hash(SubmitApplicationRequest request) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of()
          .formatHex(
              digest.digest(mapper.writeValueAsString(request).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | JsonProcessingException e) {
      throw new IllegalStateException("cannot hash the request", e);
    }
  }
}
