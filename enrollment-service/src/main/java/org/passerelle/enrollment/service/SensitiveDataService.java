package org.passerelle.enrollment.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import org.passerelle.commons.security.AccessScope;
import org.passerelle.commons.time.Now;
import org.passerelle.enrollment.Applicant;
import org.passerelle.enrollment.SensitiveDataAccess;
import org.passerelle.enrollment.config.EnrollmentConfig;
import org.passerelle.enrollment.repository.SensitiveDataAccessRepository;

/**
 * Who reads the sensitive fields (disability, refugee status, accommodation needs), and the audit
 * of every read and change of them. The audit row commits with the read or change it records.
 */
@ApplicationScoped
public class SensitiveDataService {

  public static final String DISABILITY = "disability";
  public static final String REFUGEE = "refugee";
  public static final String ACCOMMODATION_NEEDS = "accommodationNeeds";
  public static final List<String> FIELDS = List.of(DISABILITY, REFUGEE, ACCOMMODATION_NEEDS);

  private final EnrollmentConfig config;
  private final SensitiveDataAccessRepository log;
  private final Now now;

  SensitiveDataService(EnrollmentConfig config, SensitiveDataAccessRepository log, Now now) {
    this.config = config;
    this.log = log;
    this.now = now;
  }

  /**
   * Whether the caller's role needs the sensitive fields (the person themself always reads theirs).
   */
  public boolean readableBy(AccessScope scope, Applicant applicant) {
    return scope.roles().stream().anyMatch(config.sensitiveData().readerRoles()::contains)
        || (applicant != null && scope.isLearner(applicant.subject));
  }

  /** Whether the caller's role may search by the sensitive flags. */
  public boolean searchableBy(AccessScope scope) {
    return readableBy(scope, null);
  }

  /** Sensitive fields that differ between before and after, by name. */
  public static List<String> changed(Snapshot before, Snapshot after) {
    TreeSet<String> fields = new TreeSet<>();
    if (before.disability() != after.disability()) {
      fields.add(DISABILITY);
    }
    if (before.refugee() != after.refugee()) {
      fields.add(REFUGEE);
    }
    if (!java.util.Objects.equals(before.accommodationNeeds(), after.accommodationNeeds())) {
      fields.add(ACCOMMODATION_NEEDS);
    }
    return List.copyOf(fields);
  }

  /** The sensitive values of an applicant, to compare before and after a change. */
  public record Snapshot(boolean disability, boolean refugee, String accommodationNeeds) {
    public static Snapshot of(Applicant applicant) {
      return applicant == null
          ? new Snapshot(false, false, null)
          : new Snapshot(
              Boolean.TRUE.equals(applicant.disability),
              Boolean.TRUE.equals(applicant.refugee),
              applicant.accommodationNeeds);
    }
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void record(
      AccessScope scope,
      SensitiveDataAccess.Action action,
      Applicant applicant,
      Collection<String> fields,
      String purpose) {
    if (fields.isEmpty()) {
      return;
    }
    SensitiveDataAccess access = new SensitiveDataAccess();
    access.id = UUID.randomUUID();
    access.at = now.timestamp();
    access.actor = scope.subject() == null ? "system" : scope.subject();
    access.actorRoles = String.join(",", new TreeSet<>(scope.roles()));
    access.action = action;
    access.applicantId = applicant == null ? null : applicant.id;
    access.country = applicant == null ? scope.country().orElse(null) : applicant.country;
    access.fields = String.join(",", new TreeSet<>(fields));
    access.purpose = purpose;
    log.persist(access);
  }
}
