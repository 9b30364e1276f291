package org.passerelle.enrollment.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.passerelle.commons.problem.ProblemException;
import org.passerelle.commons.security.AccessScope;
import org.passerelle.enrollment.Applicant;
import org.passerelle.enrollment.Gender;
import org.passerelle.enrollment.PriorityPublic;
import org.passerelle.enrollment.SensitiveDataAccess;
import org.passerelle.enrollment.repository.ApplicantRepository;
import org.passerelle.enrollment.rest.ApplicantDetails;
import org.passerelle.problem.ProblemType;

/**
 * One person, one applicant record: found by their learner account or their email, kept up to date
 * with what they last declared. Changes of sensitive fields are audited.
 */
@ApplicationScoped
public class ApplicantRecords {

  private final ApplicantRepository applicants;
  private final SensitiveData sensitive;

  ApplicantRecords(ApplicantRepository applicants, SensitiveData sensitive) {
    this.applicants = applicants;
    this.sensitive = sensitive;
  }

  public static String normalisedEmail(String email) {
    return email.strip().toLowerCase(Locale.ROOT);
  }

  /**
   * The applicant these details describe, created if new. A learner applying for themself is found
   * by their account; an email already held by someone else's account is refused, so that nobody
   * reaches another person's record by typing their email.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Applicant declare(
      ApplicantDetails details,
      String country,
      boolean learnerForSelf,
      AccessScope scope,
      OffsetDateTime now) {
    String email = normalisedEmail(details.email());
    Applicant byEmail =
        applicants
            .find("email = ?1 and erasedAt is null", email)
            .firstResultOptional()
            .orElse(null);
    Applicant applicant;
    if (learnerForSelf) {
      Applicant byAccount =
          applicants
              .find("subject = ?1 and erasedAt is null", scope.subject())
              .firstResultOptional()
              .orElse(null);
      if (byEmail != null && byEmail != byAccount) {
        throw new ProblemException(ProblemType.CONFLICT, "conflict.email-taken");
      }
      applicant = byAccount;
    } else {
      applicant = byEmail;
    }
    SensitiveData.Snapshot before = SensitiveData.Snapshot.of(applicant);
    if (applicant == null) {
      applicant = new Applicant();
      applicant.id = UUID.randomUUID();
      applicant.learnerId = UUID.randomUUID();
      applicant.subject = learnerForSelf ? scope.subject() : null;
      applicant.createdAt = now;
    }
    apply(applicant, details, country, now);
    applicants.persist(applicant);
    sensitive.record(
        scope,
        SensitiveDataAccess.Action.CHANGE,
        applicant,
        SensitiveData.changed(before, SensitiveData.Snapshot.of(applicant)),
        "submitApplication");
    return applicant;
  }

  private static void apply(
      Applicant applicant, ApplicantDetails details, String country, OffsetDateTime now) {
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
    applicant.refugee = publics.contains(PriorityPublic.REFUGEE);
    applicant.disability = publics.contains(PriorityPublic.DISABILITY);
    applicant.neetUnder26 = publics.contains(PriorityPublic.NEET_UNDER_26);
    applicant.referralSource = details.referral() == null ? null : details.referral().source();
    applicant.referralContact =
        details.referral() == null ? null : blankToNull(details.referral().contact());
    applicant.motivation = blankToNull(details.motivation());
    var constraints = details.constraints();
    applicant.availability = constraints == null ? null : blankToNull(constraints.availability());
    applicant.accommodationNeeds =
        constraints == null ? null : blankToNull(constraints.accommodationNeeds());
    applicant.country = country;
    applicant.updatedAt = now;
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
