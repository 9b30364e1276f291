package org.passerelle.enrollment.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;
import java.util.function.LongPredicate;
import org.passerelle.commons.events.DomainEvent;
import org.passerelle.commons.idempotency.IdempotencyKeys;
import org.passerelle.commons.outbox.Outbox;
import org.passerelle.commons.problem.ProblemException;
import org.passerelle.commons.security.AccessScope;
import org.passerelle.commons.security.Roles;
import org.passerelle.enrollment.Applicant;
import org.passerelle.enrollment.Application;
import org.passerelle.enrollment.ApplicationChannel;
import org.passerelle.enrollment.ApplicationStatus;
import org.passerelle.enrollment.Intake;
import org.passerelle.enrollment.SensitiveDataAccess;
import org.passerelle.enrollment.api.ApplicationView;
import org.passerelle.enrollment.api.DecisionRequest;
import org.passerelle.enrollment.api.ScreeningRequest;
import org.passerelle.enrollment.api.SubmitApplicationRequest;
import org.passerelle.enrollment.config.EnrollmentConfig;
import org.passerelle.enrollment.events.ApplicationFacts;
import org.passerelle.enrollment.events.ApplicationSubmitted;
import org.passerelle.enrollment.repository.ApplicationRepository;
import org.passerelle.enrollment.repository.IntakeRepository;
import org.passerelle.problem.ProblemType;

/**
 * Submitting applications and taking them through selection, within the caller's scope. Every
 * change commits with its event (outbox).
 */
@ApplicationScoped
public class ApplicationService {

  /** Who decides when cohort-service's seat events move an application. */
  public static final String WAITLIST_ACTOR = "system:waitlist";

  private final ApplicationRepository applications;
  private final IntakeRepository intakes;
  private final ApplicantService applicants;
  private final ApplicantRules rules;
  private final ConsentService consents;
  private final SensitiveDataService sensitive;
  private final EnrollmentConfig config;
  private final Outbox outbox;
  private final IdempotencyKeys idempotency;
  private final ObjectMapper mapper;

  ApplicationService(
      ApplicationRepository applications,
      IntakeRepository intakes,
      ApplicantService applicants,
      ApplicantRules rules,
      ConsentService consents,
      SensitiveDataService sensitive,
      EnrollmentConfig config,
      Outbox outbox,
      IdempotencyKeys idempotency,
      ObjectMapper mapper) {
    this.applications = applications;
    this.intakes = intakes;
    this.applicants = applicants;
    this.rules = rules;
    this.consents = consents;
    this.sensitive = sensitive;
    this.config = config;
    this.outbox = outbox;
    this.idempotency = idempotency;
    this.mapper = mapper;
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
    String hash = hash(request);
    if (request.externalRef() != null) {
      Application known =
          applications
              .find("country = ?1 and externalRef = ?2", intake.country, request.externalRef())
              .firstResultOptional()
              .orElse(null);
      if (known != null) {
        if (!visibleTo(known, scope)) {
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
        return new Submitted(view(known, scope, "submitApplication"), false);
      }
    }
    OffsetDateTime now = now();
    LocalDate today = now.toLocalDate();
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
        applicants.declare(request.applicant(), intake.country, learnerForSelf, scope, now);
    Applicant applicant = declared.applicant();
    if (applications.count(
            "intakeId = ?1 and applicant = ?2 and status <> ?3",
            intake.id,
            applicant,
            ApplicationStatus.WITHDRAWN)
        > 0) {
      throw new ProblemException(ProblemType.CONFLICT, "conflict.already-applied");
    }
    Application application = new Application();
    application.id = UUID.randomUUID();
    application.applicant = applicant;
    application.intakeId = intake.id;
    application.siteCode = intake.siteCode;
    application.country = intake.country;
    application.status = ApplicationStatus.SUBMITTED;
    application.channel = channel;
    application.externalRef = request.externalRef();
    application.importHash = request.externalRef() == null ? null : hash;
    application.submittedAt = now;
    application.updatedAt = now;
    application.submittedBy = scope.subject();
    applications.persist(application);
    if (declared.personsOwnConsents()) {
      consents.requireProcessingInForce(applicant);
    } else {
      consents.record(applicant, request.consents(), scope.subject(), now);
    }
    applications.flush();
    outbox.publish(
        DomainEvent.v1(
            ApplicationSubmitted.NAME,
            application.id,
            application.country,
            application.siteCode,
            ApplicationSubmitted.of(application)));
    // Shown what the record holds rather than what the caller wrote: a read like any other.
    return new Submitted(
        view(application, scope, declared.asDeclared() ? null : "submitApplication"), true);
  }

  /** The application if it is within the caller's scope; otherwise it does not exist. */
  @Transactional
  public ApplicationView get(UUID id, AccessScope scope) {
    return view(visible(id, scope, false), scope, true);
  }

  /** SUBMITTED → SCREENING, or new results while screening. */
  @Transactional
  public ApplicationView screen(
      UUID id, ScreeningRequest request, LongPredicate ifMatch, AccessScope scope) {
    Application application = forStaffChange(id, ifMatch, scope);
    OffsetDateTime now = now();
    if (application.status != ApplicationStatus.SCREENING) {
      application.moveTo(ApplicationStatus.SCREENING, now);
    }
    if (request != null && request.testScore() != null) {
      application.testScore = request.testScore();
    }
    if (request != null && request.interviewNotes() != null) {
      application.interviewNotes = request.interviewNotes().strip();
    }
    application.updatedAt = now;
    applications.flush();
    return view(application, scope, false);
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
    OffsetDateTime now = now();
    application.moveTo(decision, now);
    application.decisionReason = reason;
    application.decidedBy = scope.subject();
    application.decidedAt = now;
    applications.flush();
    publish(
        application,
        switch (decision) {
          case ACCEPTED -> ApplicationFacts.ACCEPTED;
          case WAITLISTED -> ApplicationFacts.WAITLISTED;
          case REJECTED -> ApplicationFacts.REJECTED;
          default -> throw new IllegalArgumentException("not a decision: " + decision);
        },
        now);
    return view(application, scope, false);
  }

  /** The person (or staff on their behalf) withdraws an open application. */
  @Transactional
  public ApplicationView withdraw(
      UUID id, DecisionRequest request, LongPredicate ifMatch, AccessScope scope) {
    Application application = visible(id, scope, true);
    boolean own = scope.isLearner(application.applicant.subject);
    if (!own && !decides(scope)) {
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
    OffsetDateTime now = now();
    application.moveTo(ApplicationStatus.WITHDRAWN, now);
    application.withdrawalReason =
        request == null || request.reason() == null ? null : request.reason().strip();
    applications.flush();
    publish(application, ApplicationFacts.WITHDRAWN, now);
    return view(application, scope, false);
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
    Application application = locked(applicationId);
    if (application == null
        || (application.status != ApplicationStatus.ACCEPTED
            && application.status != ApplicationStatus.WAITLISTED
            && application.status != ApplicationStatus.ENROLLED)
        || !application.applicant.learnerId.equals(learnerId)) {
      return false;
    }
    OffsetDateTime now = now();
    if (!application.intakeId.equals(cohortId) && !follow(application, cohortId, now)) {
      return false;
    }
    if (application.status == ApplicationStatus.ENROLLED) {
      return true;
    }
    application.moveTo(ApplicationStatus.ENROLLED, now);
    publish(application, ApplicationFacts.ENROLLED, now);
    return true;
  }

  /** Who ends an enrolled application when staff record in cohort-service that the learner left. */
  public static final String COHORT_ACTOR = "system:cohort-service";

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
    Application application = locked(applicationId);
    if (application == null
        || application.status != ApplicationStatus.ENROLLED
        || !application.applicant.learnerId.equals(learnerId)) {
      return false;
    }
    OffsetDateTime now = now();
    application.moveTo(ApplicationStatus.WITHDRAWN, now);
    application.decidedBy = COHORT_ACTOR;
    application.decidedAt = now;
    // An erased person's record keeps no reasons (ADR 0012); the code may reveal health.
    String reason = application.applicant.erased() ? null : exitReason;
    application.decisionReason = reason;
    application.withdrawalReason = reason;
    publish(application, ApplicationFacts.WITHDRAWN, now);
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
    Application application = locked(applicationId);
    if (application == null
        || application.status == ApplicationStatus.WITHDRAWN
        || application.status == ApplicationStatus.REJECTED
        || !application.applicant.learnerId.equals(learnerId)) {
      return false;
    }
    return follow(application, cohortId, now());
  }

  /**
   * Moves the application to the intake of this cohort, unless it is there already or the person
   * already has another open application there (one open application per person and intake). An
   * intake not known yet fails the event, which is retried, then parked to be re-driven.
   */
  private boolean follow(Application application, UUID cohortId, OffsetDateTime now) {
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
        applications.count(
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
    application.updatedAt = now;
    return true;
  }

  /** cohort-service had no seat: the accepted application joins the waitlist. */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean seatUnavailable(UUID applicationId) {
    Application application = locked(applicationId);
    if (application == null || application.status != ApplicationStatus.ACCEPTED) {
      return false;
    }
    OffsetDateTime now = now();
    application.moveTo(ApplicationStatus.WAITLISTED, now);
    publish(application, ApplicationFacts.WAITLISTED, now);
    return true;
  }

  /** Accepts a waitlisted application the waitlist promotes; cohort-service then seats it. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void promote(Application application) {
    OffsetDateTime now = now();
    application.moveTo(ApplicationStatus.ACCEPTED, now);
    application.decidedBy = WAITLIST_ACTOR;
    application.decidedAt = now;
    publish(application, ApplicationFacts.ACCEPTED, now);
  }

  private void publish(Application application, String event, OffsetDateTime at) {
    outbox.publish(
        DomainEvent.v1(
            event,
            application.id,
            application.country,
            application.siteCode,
            ApplicationFacts.of(application, consents.granted(application.applicant.id), at)));
  }

  private Application locked(UUID applicationId) {
    return applications
        .findByIdOptional(applicationId, LockModeType.PESSIMISTIC_WRITE)
        .orElse(null);
  }

  /** An application staff may change: in scope (404 otherwise), a deciding role, If-Match. */
  private Application forStaffChange(UUID id, LongPredicate ifMatch, AccessScope scope) {
    Application application = visible(id, scope, true);
    if (!decides(scope) || !scope.covers(application.country, application.siteCode)) {
      throw ProblemException.forbidden();
    }
    if (!ifMatch.test(application.version)) {
      throw new ProblemException(ProblemType.PRECONDITION_FAILED, "precondition-failed.detail");
    }
    return application;
  }

  private Application visible(UUID id, AccessScope scope, boolean lock) {
    return (lock
            ? applications.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
            : applications.findByIdOptional(id))
        .filter(found -> visibleTo(found, scope))
        .orElseThrow(() -> ProblemException.notFound("application"));
  }

  static boolean visibleTo(Application application, AccessScope scope) {
    return scope.covers(application.country, application.siteCode)
        || scope.isLearner(application.applicant.subject);
  }

  /**
   * The application as this caller may see it. A read that shows sensitive fields is audited;
   * {@code audited} is false where the caller has just written the values themself.
   */
  private ApplicationView view(Application application, AccessScope scope, boolean audited) {
    return view(application, scope, audited ? "getApplication" : null);
  }

  /** As {@link #view(Application, AccessScope, boolean)}, audited for this purpose if not null. */
  private ApplicationView view(Application application, AccessScope scope, String auditPurpose) {
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

  static ApplicationChannel channel(AccessScope scope) {
    if (decides(scope)) {
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

  static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
  }
}
