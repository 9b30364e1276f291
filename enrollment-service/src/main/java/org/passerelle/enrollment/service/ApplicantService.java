package org.passerelle.enrollment.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.passerelle.commons.events.DomainEvent;
import org.passerelle.commons.locks.AdvisoryLocks;
import org.passerelle.commons.outbox.Outbox;
import org.passerelle.commons.problem.ProblemException;
import org.passerelle.commons.security.AccessScope;
import org.passerelle.enrollment.Applicant;
import org.passerelle.enrollment.Gender;
import org.passerelle.enrollment.PriorityPublic;
import org.passerelle.enrollment.SensitiveDataAccess;
import org.passerelle.enrollment.api.ApplicantDetails;
import org.passerelle.enrollment.events.LearnerAccountLinked;
import org.passerelle.enrollment.repository.ApplicantRepository;
import org.passerelle.problem.ProblemType;

/**
 * One person, one applicant record per country (ADR 0011): a record belongs to the country it was
 * made in for life, and a submission only ever finds a record of its own country. Staff and offices
 * find the person by email, and change only a record they already reach; a learner is found by
 * their account, or by the email their identity provider verified, never by a typed one. Changes of
 * sensitive fields, and the link of a record to an account, are audited.
 *
 * <p>Submissions about one person run one after the other: each holds the person's keys in its
 * country (email, and a learner's account) until it commits, and reads the record locked, so that
 * none writes back what it read before another committed.
 */
@ApplicationScoped
public class ApplicantService {

  /** Lock kinds of a person's keys; a transaction takes the email's first, then the account's. */
  static final String EMAIL_LOCK = "applicant-email";

  static final String SUBJECT_LOCK = "applicant-subject";

  /** Why an account was linked to a record, in the audit log. */
  public static final String LINK_PURPOSE = "linkAccount";

  private final ApplicantRepository applicants;
  private final ApplicantAccessService access;
  private final SensitiveDataService sensitive;
  private final AdvisoryLocks locks;
  private final Outbox outbox;

  ApplicantService(
      ApplicantRepository applicants,
      ApplicantAccessService access,
      SensitiveDataService sensitive,
      AdvisoryLocks locks,
      Outbox outbox) {
    this.applicants = applicants;
    this.access = access;
    this.sensitive = sensitive;
    this.locks = locks;
    this.outbox = outbox;
  }

  /** How a declaration treats the sensitive fields the record already holds. */
  enum SensitiveFields {
    /** The caller may not read them: kept as they are. */
    KEEP,
    /** The caller reads them (a reader role, the person): they become what was declared. */
    AS_DECLARED,
    /**
     * The person's account is being linked to a record staff made: what they declare is added, what
     * staff recorded and the person, who had not seen it, does not repeat is kept.
     */
    KEEP_UNLESS_DECLARED
  }

  /**
   * The record a submission is filed under.
   *
   * @param asDeclared whether the record now holds everything the caller declared; if not, what the
   *     caller is shown of it is not what they wrote
   * @param personsOwnConsents whether the person answers for their consents in their own account:
   *     the consents sent with the submission are not recorded, the person's stand
   * @param created whether this submission made the record, which then has no consent yet
   */
  public record Declared(
      Applicant applicant, boolean asDeclared, boolean personsOwnConsents, boolean created) {}

  public static String normalisedEmail(String email) {
    return email.strip().toLowerCase(Locale.ROOT);
  }

  /**
   * The email that identifies a learner applying for themself: their token's, once the identity
   * provider verified it (403 otherwise, before anything is looked up).
   */
  public static String accountEmail(AccessScope scope) {
    return scope
        .verifiedEmail()
        .filter(email -> !email.isBlank())
        .map(ApplicantService::normalisedEmail)
        .orElseThrow(
            () ->
                new ProblemException(ProblemType.EMAIL_NOT_VERIFIED, "email-not-verified.detail"));
  }

  /**
   * The applicant these details describe in {@code country}, created if new. A learner's record is
   * theirs to declare; staff and offices change a known person's record only within their reach
   * (409 otherwise, saying nothing about the record), and never the fields they may not read, nor
   * what a person with an account declared themself. The caller holds the person's keys ({@link
   * #lockPerson}) since before it read anything about them.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Declared declare(
      ApplicantDetails details,
      String country,
      boolean learnerForSelf,
      AccessScope scope,
      OffsetDateTime now) {
    return learnerForSelf
        ? declareOwn(details, country, scope, now)
        : declareFor(details, country, scope, now);
  }

  /**
   * Waits for the other submissions about this person in this country to commit, and keeps the next
   * ones waiting until this transaction ends: the person's email there, and for a learner their
   * account too (always in that order), before {@link #declare}.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void lockPerson(
      ApplicantDetails details, String country, boolean learnerForSelf, AccessScope scope) {
    if (learnerForSelf) {
      locks.holdUntilCommit(EMAIL_LOCK, country, accountEmail(scope));
      locks.holdUntilCommit(SUBJECT_LOCK, country, scope.subject());
    } else {
      locks.holdUntilCommit(EMAIL_LOCK, country, normalisedEmail(details.email()));
    }
  }

  /** A learner for themself: their account's record, or the one of their verified email. */
  private Declared declareOwn(
      ApplicantDetails details, String country, AccessScope scope, OffsetDateTime now) {
    String email = accountEmail(scope);
    Applicant applicant =
        locked("country = ?1 and subject = ?2 and erasedAt is null", country, scope.subject());
    boolean linking = false;
    if (applicant == null) {
      applicant = byEmail(country, email);
      if (applicant != null) {
        if (applicant.subject != null) {
          throw new ProblemException(ProblemType.CONFLICT, "conflict.account-email-linked");
        }
        // The identity provider checked that this account owns the email: the record is theirs,
        // and from now on their account reads and changes all it holds. Audited as such.
        applicant.subject = scope.subject();
        linking = true;
        sensitive.record(
            scope,
            SensitiveDataAccess.Action.LINK,
            applicant,
            SensitiveDataService.FIELDS,
            LINK_PURPOSE);
      }
    } else if (!email.equals(applicant.email) && byEmail(country, email) != null) {
      // The account's email changed to one another record holds: the account stays linked to its
      // record, under the email it had; merging the two is for staff.
      email = applicant.email;
    }
    SensitiveDataService.Snapshot before = SensitiveDataService.Snapshot.of(applicant);
    boolean linked = linking;
    if (applicant == null) {
      applicant = created(country, now);
      applicant.subject = scope.subject();
      linked = true;
    }
    apply(
        applicant,
        details,
        linking ? SensitiveFields.KEEP_UNLESS_DECLARED : SensitiveFields.AS_DECLARED,
        now);
    applicant.email = email;
    persist(applicant, before, scope);
    if (linked) {
      announceLink(applicant, now);
    }
    // Once linked, the person is shown what staff recorded of them: a read, audited.
    return new Declared(applicant, !linking, false, linked && !linking);
  }

  /**
   * Tells the other services that this account now leads to the person's learnerId, in the
   * transaction that linked it (ADR 0023). Keyed by the learnerId, like applicant-erased, so that a
   * consumer sees the link before the erasure that drops it.
   */
  private void announceLink(Applicant applicant, OffsetDateTime at) {
    outbox.publish(
        DomainEvent.v1(
            LearnerAccountLinked.NAME,
            applicant.learnerId,
            applicant.country,
            null,
            LearnerAccountLinked.of(applicant, at)));
  }

  /** Staff or a regional office's system, for someone: found by email within the country. */
  private Declared declareFor(
      ApplicantDetails details, String country, AccessScope scope, OffsetDateTime now) {
    Applicant applicant = byEmail(country, normalisedEmail(details.email()));
    if (applicant == null) {
      SensitiveDataService.Snapshot before = SensitiveDataService.Snapshot.of(null);
      applicant = created(country, now);
      apply(applicant, details, SensitiveFields.AS_DECLARED, now);
      persist(applicant, before, scope);
      return new Declared(applicant, true, false, true);
    }
    if (!access.staffReach(applicant, scope)) {
      throw new ProblemException(
          ProblemType.REGISTERED_AT_ANOTHER_SITE, "registered-at-another-site.detail");
    }
    if (applicant.subject != null) {
      // The person declares for themself in their account: the application joins their record.
      return new Declared(applicant, false, true, false);
    }
    boolean sensitiveToo = sensitive.readableBy(scope, applicant);
    SensitiveDataService.Snapshot before = SensitiveDataService.Snapshot.of(applicant);
    apply(
        applicant, details, sensitiveToo ? SensitiveFields.AS_DECLARED : SensitiveFields.KEEP, now);
    persist(applicant, before, scope);
    return new Declared(applicant, sensitiveToo, false, false);
  }

  /** The person's record in this country, locked until the transaction ends. */
  private Applicant byEmail(String country, String email) {
    return locked("country = ?1 and email = ?2 and erasedAt is null", country, email);
  }

  private Applicant locked(String query, Object... parameters) {
    return applicants
        .find(query, parameters)
        .withLock(LockModeType.PESSIMISTIC_WRITE)
        .firstResultOptional()
        .orElse(null);
  }

  private static Applicant created(String country, OffsetDateTime now) {
    Applicant applicant = new Applicant();
    applicant.id = UUID.randomUUID();
    applicant.learnerId = UUID.randomUUID();
    applicant.country = country;
    applicant.createdAt = now;
    return applicant;
  }

  private void persist(
      Applicant applicant, SensitiveDataService.Snapshot before, AccessScope scope) {
    applicants.persist(applicant);
    sensitive.record(
        scope,
        SensitiveDataAccess.Action.CHANGE,
        applicant,
        SensitiveDataService.changed(before, SensitiveDataService.Snapshot.of(applicant)),
        "submitApplication");
  }

  /**
   * Writes what was declared, and the sensitive fields as {@code sensitiveFields} says: a caller
   * who may not read them keeps them as they are, rather than blanking what they cannot see. The
   * country is the record's own and never changes here.
   */
  private static void apply(
      Applicant applicant,
      ApplicantDetails details,
      SensitiveFields sensitiveFields,
      OffsetDateTime now) {
    applicant.firstName = details.firstName().strip();
    applicant.lastName = details.lastName().strip();
    applicant.email = normalisedEmail(details.email());
    applicant.phone = details.phone().strip();
    applicant.birthDate = details.birthDate();
    applicant.addressLine = details.address().line().strip();
    applicant.postalCode = details.address().postalCode().strip();
    applicant.city = details.address().city().strip();
    applicant.addressCountry = details.address().country();
    applicant.nationality = details.nationality();
    applicant.gender = details.gender() == null ? Gender.NOT_DECLARED : details.gender();
    applicant.educationLevel = details.educationLevel();
    var employment = details.employment();
    applicant.jobSeekerAgency = employment == null ? null : employment.jobSeekerAgency();
    applicant.jobSeekerId =
        employment == null || employment.jobSeekerId() == null
            ? null
            : employment.jobSeekerId().strip();
    Set<PriorityPublic> publics =
        details.priorityPublics() == null ? Set.of() : details.priorityPublics();
    applicant.priorityNeighbourhood = publics.contains(PriorityPublic.PRIORITY_NEIGHBOURHOOD);
    applicant.neetUnder26 = publics.contains(PriorityPublic.NEET_UNDER_26);
    applicant.referralSource = details.referral() == null ? null : details.referral().source();
    applicant.referralContact =
        details.referral() == null ? null : blankToNull(details.referral().contact());
    applicant.motivation = blankToNull(details.motivation());
    var constraints = details.constraints();
    applicant.availability = constraints == null ? null : blankToNull(constraints.availability());
    String needs = constraints == null ? null : blankToNull(constraints.accommodationNeeds());
    switch (sensitiveFields) {
      case KEEP -> {}
      case AS_DECLARED -> {
        applicant.refugee = publics.contains(PriorityPublic.REFUGEE);
        applicant.disability = publics.contains(PriorityPublic.DISABILITY);
        applicant.accommodationNeeds = needs;
      }
      case KEEP_UNLESS_DECLARED -> {
        applicant.refugee =
            Boolean.TRUE.equals(applicant.refugee) || publics.contains(PriorityPublic.REFUGEE);
        applicant.disability =
            Boolean.TRUE.equals(applicant.disability)
                || publics.contains(PriorityPublic.DISABILITY);
        applicant.accommodationNeeds = needs != null ? needs : applicant.accommodationNeeds;
      }
    }
    applicant.updatedAt = now;
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
