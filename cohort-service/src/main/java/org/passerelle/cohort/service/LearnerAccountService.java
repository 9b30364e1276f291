package org.passerelle.cohort.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.passerelle.cohort.LearnerAccount;
import org.passerelle.cohort.repository.LearnerAccountRepository;

/**
 * Which learnerId a learner's account leads to, kept from enrollment's announcements as
 * partnership-service keeps it (ADR 0023): the newest link wins, a replayed or older one changes
 * nothing, and erasure ({@link ErasureService}) forgets it.
 */
@ApplicationScoped
public class LearnerAccountService {

  private final LearnerAccountRepository accounts;

  LearnerAccountService(LearnerAccountRepository accounts) {
    this.accounts = accounts;
  }

  /** Whether the link was recorded or moved; false when what is held is as new or newer. */
  @Transactional
  public boolean linked(
      String accountSubject, UUID learnerId, String country, OffsetDateTime linkedAt) {
    LearnerAccount account = accounts.findById(accountSubject, LockModeType.PESSIMISTIC_WRITE);
    if (account != null && !linkedAt.isAfter(account.linkedAt)) {
      return false;
    }
    boolean known = account != null;
    if (!known) {
      account = new LearnerAccount();
      account.accountSubject = accountSubject;
    }
    account.learnerId = learnerId;
    account.country = country;
    account.linkedAt = linkedAt;
    if (!known) {
      accounts.persist(account);
    }
    return true;
  }
}
