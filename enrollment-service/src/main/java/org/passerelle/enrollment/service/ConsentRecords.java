package org.passerelle.enrollment.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.passerelle.commons.idempotency.IdempotencyKeys;
import org.passerelle.commons.problem.ProblemException;
import org.passerelle.commons.security.AccessScope;
import org.passerelle.enrollment.Applicant;
import org.passerelle.enrollment.api.ConsentGiven;
import org.passerelle.enrollment.api.ConsentView;
import org.passerelle.enrollment.api.ConsentsView;
import org.passerelle.enrollment.repository.ConsentRepository;

/**
 * A person's consents over the API: read by the person or staff in scope, and granted or withdrawn
 * by them (appended through {@link Consents}; the newest record per purpose holds).
 */
@ApplicationScoped
public class ConsentRecords {

  /** What an idempotent record request is about, so one key never serves two applicants. */
  record RecordRequest(UUID applicantId, List<ConsentGiven> consents) {}

  private final ApplicantAccess access;
  private final Consents consents;
  private final ConsentRepository repository;
  private final IdempotencyKeys idempotency;

  ConsentRecords(
      ApplicantAccess access,
      Consents consents,
      ConsentRepository repository,
      IdempotencyKeys idempotency) {
    this.access = access;
    this.consents = consents;
    this.repository = repository;
    this.idempotency = idempotency;
  }

  @Transactional
  public ConsentsView get(UUID applicantId, AccessScope scope) {
    return view(allowed(applicantId, scope, false));
  }

  /**
   * Records grants and withdrawals, each purpose at most once per request. Withdrawing
   * APPLICATION_PROCESSING is recorded like any other; staff then stop processing.
   */
  @Transactional
  public IdempotencyKeys.Outcome<ConsentsView> record(
      UUID applicantId, List<ConsentGiven> given, String idempotencyKey, AccessScope scope) {
    long distinct = given.stream().map(ConsentGiven::purpose).distinct().count();
    if (distinct != given.size()) {
      throw ProblemException.invalid("consents", "invalid-request.consent-repeated");
    }
    return idempotency.once(
        idempotencyKey,
        scope.subject(),
        "record-consents",
        new RecordRequest(applicantId, given),
        ConsentsView.class,
        () -> {
          Applicant applicant = allowed(applicantId, scope, true);
          OffsetDateTime now = ApplicationService.now();
          consents.record(applicant, given, scope.subject(), now);
          // The person's say is activity: retention counts from it.
          applicant.updatedAt = now;
          repository.flush();
          return view(applicant);
        });
  }

  private Applicant allowed(UUID applicantId, AccessScope scope, boolean lock) {
    ApplicantAccess.Reach reach = access.find(applicantId, scope, lock);
    if (!reach.self() && !ApplicantAccess.staff(scope)) {
      throw ProblemException.forbidden();
    }
    ApplicantAccess.requireNotErased(reach.applicant());
    return reach.applicant();
  }

  /** The consents of an applicant already within reach. */
  ConsentsView view(Applicant applicant) {
    List<ConsentView> history =
        repository.list("applicantId = ?1 order by recordedAt desc, id desc", applicant.id).stream()
            .map(consent -> ConsentView.of(consent, applicant.subject))
            .toList();
    List<ConsentView> current =
        consents.current(applicant.id).values().stream()
            .map(consent -> ConsentView.of(consent, applicant.subject))
            .toList();
    return new ConsentsView(applicant.id, current, history);
  }
}
