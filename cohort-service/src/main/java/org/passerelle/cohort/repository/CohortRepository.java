package org.passerelle.cohort.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.ReadOnlyMode;
import org.passerelle.cohort.Cohort;
import org.passerelle.commons.problem.ProblemException;
import org.passerelle.commons.security.AccessScope;

@ApplicationScoped
public class CohortRepository implements PanacheRepositoryBase<Cohort, UUID> {

  /** The cohort, when the caller's scope reaches it; otherwise 404, as if it did not exist. */
  public Cohort inScope(UUID id, AccessScope scope) {
    return reachable(findByIdOptional(id), scope);
  }

  /**
   * The cohort to show, read-only (no copy kept to look for changes), when the caller's scope
   * reaches it; otherwise 404.
   */
  public Cohort readInScope(UUID id, AccessScope scope) {
    return reachable(
        Optional.ofNullable(getEntityManager().find(Cohort.class, id, ReadOnlyMode.READ_ONLY)),
        scope);
  }

  /**
   * The cohort locked for the rest of the transaction, when the caller's scope reaches it
   * (otherwise 404). Every decision about its seats and its roll is taken under this lock.
   */
  public Cohort lockedInScope(UUID id, AccessScope scope) {
    return reachable(locked(id), scope);
  }

  /** The cohort row locked for the rest of the transaction; absent when there is none. */
  public Optional<Cohort> locked(UUID id) {
    return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
  }

  /** A cohort found, if the caller's scope reaches it; otherwise 404. */
  public static Cohort reachable(Optional<Cohort> cohort, AccessScope scope) {
    return cohort
        .filter(found -> scope.covers(found.country, found.siteCode))
        .orElseThrow(() -> ProblemException.notFound("cohort"));
  }
}
