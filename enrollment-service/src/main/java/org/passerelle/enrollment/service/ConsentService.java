package org.passerelle.enrollment.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.passerelle.commons.events.DomainEvent;
import org.passerelle.commons.idempotency.IdempotencyKeys;
import org.passerelle.commons.outbox.Outbox;
import org.passerelle.commons.problem.ProblemException;
import org.passerelle.commons.security.AccessScope;
import org.passerelle.commons.time.Now;
import org.passerelle.enrollment.Applicant;
import org.passerelle.enrollment.Consent;
import org.passerelle.enrollment.ConsentPurpose;
import org.passerelle.enrollment.api.ConsentGiven;
import org.passerelle.enrollment.api.ConsentView;
import org.passerelle.enrollment.api.ConsentsView;
import org.passerelle.enrollment.config.EnrollmentConfig;
import org.passerelle.enrollment.events.ConsentChanged;
import org.passerelle.enrollment.repository.ConsentRepository;
import org.passerelle.problem.ProblemType;

/**
 * Consent per purpose (GDPR in France, law 09-08 in Morocco): recorded with the regime and text
 * version, only ever appended; the newest record per purpose is the one in force. Over the API, a
 * person's consents are read by the person or staff in scope, and granted or withdrawn by them.
 */
@ApplicationScoped
public class ConsentService {

  /** What an idempotent record request is about, so one key never serves two applicants. */
  record RecordRequest(UUID applicantId, List<ConsentGiven> consents) {}

  private final ConsentRepository consents;
  private final ApplicantAccessService access;
  private final IdempotencyKeys idempotency;
  private final EnrollmentConfig config;
  private final Outbox outbox;
  private final Now now;

  ConsentService(
      ConsentRepository consents,
      ApplicantAccessService access,
      IdempotencyKeys idempotency,
      EnrollmentConfig config,
      Outbox outbox,
      Now now) {
    this.consents = consents;
    this.access = access;
    this.idempotency = idempotency;
    this.config = config;
    this.outbox = outbox;
    this.now = now;
  }

  /** The person's consents, for the person themself or staff in scope. */
  @Transactional
  public ConsentsView get(UUID applicantId, AccessScope scope) {
    return view(allowed(applicantId, scope, false));
  }

  /**
   * Records grants and withdrawals over the API, each purpose at most once per request. Withdrawing
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
          OffsetDateTime at = now.timestamp();
          record(applicant, given, scope.subject(), at);
          // The person's say is activity: retention counts from it.
          applicant.updatedAt = at;
          consents.flush();
          return view(applicant);
        });
  }

  private Applicant allowed(UUID applicantId, AccessScope scope, boolean lock) {
    ApplicantAccessService.Reach reach = access.find(applicantId, scope, lock);
    if (!reach.self() && !ApplicantAccessService.staff(scope)) {
      throw ProblemException.forbidden();
    }
    ApplicantAccessService.requireNotErased(reach.applicant());
    return reach.applicant();
  }

  /** The consents of an applicant already within reach. */
  ConsentsView view(Applicant applicant) {
    List<ConsentView> history =
        consents.list("applicantId = ?1 order by recordedAt desc, id desc", applicant.id).stream()
            .map(consent -> ConsentView.of(consent, applicant.subject))
            .toList();
    List<ConsentView> current =
        current(applicant.id).values().stream()
            .map(consent -> ConsentView.of(consent, applicant.subject))
            .toList();
    return new ConsentsView(applicant.id, current, history);
  }

  /**
   * Records what the person said, purpose by purpose, under their country's regime. When that
   * changes the purposes other services act on (follow-up contact, CV sharing), consent-changed
   * tells them the whole set now in force, in the same transaction; a request that repeats what is
   * in force tells nobody.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public List<Consent> record(
      Applicant applicant, Collection<ConsentGiven> given, String recordedBy, OffsetDateTime at) {
    return record(applicant, given, recordedBy, false, at);
  }

  /**
   * As {@link #record(Applicant, Collection, String, OffsetDateTime)}; {@code newApplicant} says
   * that the record was made in this transaction, so that no consent of theirs is looked for.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public List<Consent> record(
      Applicant applicant,
      Collection<ConsentGiven> given,
      String recordedBy,
      boolean newApplicant,
      OffsetDateTime at) {
    EnrollmentConfig.CountryRules rules =
        config
            .rules(applicant.country)
            .orElseThrow(() -> new IllegalStateException("no rules for " + applicant.country));
    Map<ConsentPurpose, Boolean> inForce = new EnumMap<>(ConsentPurpose.class);
    if (!newApplicant) {
      current(applicant.id).forEach((purpose, consent) -> inForce.put(purpose, consent.granted));
    }
    Set<ConsentPurpose> before = shared(inForce);
    List<Consent> recorded = new ArrayList<>();
    for (ConsentGiven consent : given) {
      Consent row = new Consent();
      row.id = UUID.randomUUID();
      row.applicantId = applicant.id;
      row.purpose = consent.purpose();
      row.granted = consent.granted();
      row.regime = rules.regime();
      row.textVersion =
          consent.textVersion() == null ? rules.consentTextVersion() : consent.textVersion();
      row.recordedAt = at;
      row.recordedBy = recordedBy;
      consents.persist(row);
      recorded.add(row);
      inForce.put(row.purpose, row.granted);
    }
    Set<ConsentPurpose> after = shared(inForce);
    if (!after.equals(before)) {
      outbox.publish(
          DomainEvent.v1(
              ConsentChanged.NAME,
              applicant.learnerId,
              applicant.country,
              null,
              new ConsentChanged(applicant.learnerId, applicant.country, List.copyOf(after), at)));
    }
    return recorded;
  }

  /** The purposes other services hear of that are granted, in their declared order. */
  private static Set<ConsentPurpose> shared(Map<ConsentPurpose, Boolean> inForce) {
    Set<ConsentPurpose> granted = EnumSet.noneOf(ConsentPurpose.class);
    for (ConsentPurpose purpose : ConsentChanged.PURPOSES) {
      if (Boolean.TRUE.equals(inForce.get(purpose))) {
        granted.add(purpose);
      }
    }
    return granted;
  }

  /** The consent in force per purpose (absent: never asked, which is not consent). */
  public Map<ConsentPurpose, Consent> current(UUID applicantId) {
    Map<ConsentPurpose, Consent> current = new EnumMap<>(ConsentPurpose.class);
    for (Consent consent : consents.list("applicantId = ?1 order by recordedAt, id", applicantId)) {
      current.put(consent.purpose, consent);
    }
    return current;
  }

  /** Purposes the person consents to now. */
  public List<ConsentPurpose> granted(UUID applicantId) {
    return current(applicantId).values().stream()
        .filter(consent -> consent.granted)
        .map(consent -> consent.purpose)
        .sorted()
        .toList();
  }

  /**
   * For a person who answers for their consents in their own account: theirs, in force, must allow
   * processing the application (422 otherwise, nothing written).
   */
  public void requireProcessingInForce(Applicant applicant) {
    if (!granted(applicant.id).contains(ConsentPurpose.APPLICATION_PROCESSING)) {
      throw new ProblemException(ProblemType.UNPROCESSABLE, "unprocessable.consent-required-own");
    }
  }

  /** Refuses to process an application without that consent (422, nothing written). */
  public static void requireApplicationProcessing(Collection<ConsentGiven> given) {
    boolean granted =
        given.stream()
            .anyMatch(
                consent ->
                    consent.purpose() == ConsentPurpose.APPLICATION_PROCESSING
                        && Boolean.TRUE.equals(consent.granted()));
    if (!granted) {
      throw new ProblemException(ProblemType.UNPROCESSABLE, "unprocessable.consent-required");
    }
    long distinct = given.stream().map(ConsentGiven::purpose).distinct().count();
    if (distinct != given.size()) {
      throw ProblemException.invalid("consents", "invalid-request.consent-repeated");
    }
  }
}
