package org.passerelle.partnership.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.passerelle.partnership.Loan;

@ApplicationScoped
public class LoanRepository implements PanacheRepositoryBase<Loan, UUID> {

  public Optional<Loan> openOf(UUID deviceId) {
    return find("deviceId = ?1 and endedAt is null", deviceId).firstResultOptional();
  }

  /** A learner's open loans, locked: the events about them change them one at a time. */
  public List<Loan> openOfLearner(UUID learnerId) {
    return find("learnerId = ?1 and endedAt is null", learnerId)
        .withLock(LockModeType.PESSIMISTIC_WRITE)
        .list();
  }

  /**
   * A learner's open loans as they are, not locked: for a change that locks the computer first
   * (then the loan, through {@link #lockFresh}), in the order the staff's moves lock them.
   */
  public List<Loan> openOfLearnerUnlocked(UUID learnerId) {
    return list("learnerId = ?1 and endedAt is null", learnerId);
  }

  /** Locks the loan and reads it again, as another transaction may just have ended it. */
  public Loan lockFresh(Loan loan) {
    getEntityManager().refresh(loan, LockModeType.PESSIMISTIC_WRITE);
    return loan;
  }

  /** Every loan, open or ended, that still names the learner. */
  public List<Loan> naming(UUID learnerId) {
    return find("learnerId = ?1", learnerId).withLock(LockModeType.PESSIMISTIC_WRITE).list();
  }
}
