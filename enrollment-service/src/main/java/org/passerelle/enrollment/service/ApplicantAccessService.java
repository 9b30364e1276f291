package org.passerelle.enrollment.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.passerelle.commons.problem.ProblemException;
import org.passerelle.commons.security.AccessScope;
import org.passerelle.commons.security.Roles;
import org.passerelle.enrollment.Applicant;
import org.passerelle.enrollment.Application;
import org.passerelle.enrollment.repository.ApplicantRepository;
import org.passerelle.enrollment.repository.ApplicationRepository;
import org.passerelle.problem.ProblemType;

/**
 * Who reaches an applicant record for the personal-data duties (consents, access, erasure): the
 * person themself (learner whose token subject is linked to it), and staff whose scope covers the
 * applicant's country or one of their applications. Anything else does not exist for the caller
 * (404); which role may do what is then checked by each duty (403).
 */
@ApplicationScoped
public class ApplicantAccessService {

  /** An applicant within reach, and whether the caller is the person themself. */
  public record Reach(Applicant applicant, boolean self) {}

  private final ApplicantRepository applicants;
  private final ApplicationRepository applications;

  ApplicantAccessService(ApplicantRepository applicants, ApplicationRepository applications) {
    this.applicants = applicants;
    this.applications = applications;
  }

  /** The applicant if the caller reaches it; 404 otherwise. {@code lock} locks its row. */
  @Transactional(Transactional.TxType.MANDATORY)
  public Reach find(UUID id, AccessScope scope, boolean lock) {
    Applicant applicant =
        (lock
                ? applicants.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                : applicants.findByIdOptional(id))
            .orElseThrow(() -> ProblemException.notFound("applicant"));
    if (scope.isLearner(applicant.subject)) {
      return new Reach(applicant, true);
    }
    if (staffReach(applicant, scope)) {
      return new Reach(applicant, false);
    }
    throw ProblemException.notFound("applicant");
  }

  /** Staff-level reach: the applicant's country, or the country and site of an application. */
  boolean staffReach(Applicant applicant, AccessScope scope) {
    if (scope.covers(applicant.country, null)) {
      return true;
    }
    if (!scope.has(Roles.SITE_STAFF)) {
      return false;
    }
    return applications.list("applicant = ?1", applicant).stream()
        .anyMatch(
            (Application application) -> scope.covers(application.country, application.siteCode));
  }

  /** 409 once the person's data is erased: nothing is left to read, record or erase. */
  static void requireNotErased(Applicant applicant) {
    if (applicant.erased()) {
      throw new ProblemException(ProblemType.CONFLICT, "conflict.applicant-erased");
    }
  }

  /** Staff who take selection decisions: platform admins, country admins, site staff. */
  static boolean staff(AccessScope scope) {
    return ApplicationService.decides(scope);
  }
}
