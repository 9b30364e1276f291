package org.passerelle.partnership.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.passerelle.commons.time.Now;
import org.passerelle.partnership.Device;
import org.passerelle.partnership.DeviceStatus;
import org.passerelle.partnership.Loan;
import org.passerelle.partnership.LoanOutcome;
import org.passerelle.partnership.RecallReason;
import org.passerelle.partnership.config.DevicesConfig;
import org.passerelle.partnership.repository.DeviceRepository;
import org.passerelle.partnership.repository.LoanRepository;

/**
 * What learners' lives in cohort-service and their erasure in enrollment-service do to their loans:
 * a learner who leaves has the computer recalled, one who completes has it recalled or given as the
 * lending site decided, and an erased person's loans forget who had them. Each is harmless when
 * replayed.
 */
@ApplicationScoped
public class LoanService {

  private final LoanRepository loans;
  private final DeviceRepository devices;
  private final DeviceService deviceService;
  private final DevicesConfig config;
  private final Now now;

  LoanService(
      LoanRepository loans,
      DeviceRepository devices,
      DeviceService deviceService,
      DevicesConfig config,
      Now now) {
    this.loans = loans;
    this.devices = devices;
    this.deviceService = deviceService;
    this.config = config;
    this.now = now;
  }

  /** The learner left: their open loans are flagged for recall (once). How many were flagged. */
  @Transactional
  public int learnerWithdrew(UUID learnerId) {
    int flagged = 0;
    for (Loan loan : loans.openOfLearner(learnerId)) {
      flagged += flag(loan, RecallReason.WITHDREW);
    }
    return flagged;
  }

  /**
   * The learner completed their training: each open loan follows its site's policy, recalled or
   * given to the learner. How many loans changed.
   */
  @Transactional
  public int learnerCompleted(UUID learnerId) {
    int changed = 0;
    // the computer first, then the loan: the order in which staff's moves lock them
    for (Loan open : loans.openOfLearnerUnlocked(learnerId)) {
      Device device = devices.findById(open.deviceId, LockModeType.PESSIMISTIC_WRITE);
      Loan loan = loans.lockFresh(open);
      if (!loan.open()) {
        continue;
      }
      if (config.onCompletion(loan.site) == DevicesConfig.CompletionPolicy.GIFT) {
        if (device.status.canMoveTo(DeviceStatus.GIFTED)) {
          deviceService.end(device, LoanOutcome.GIFTED);
          deviceService.moved(device, DeviceStatus.GIFTED);
          changed++;
        }
      } else {
        changed += flag(loan, RecallReason.COMPLETED);
      }
    }
    return changed;
  }

  private int flag(Loan loan, RecallReason reason) {
    if (loan.recallReason != null) {
      return 0;
    }
    loan.recallReason = reason;
    loan.recallFlaggedAt = now.timestamp();
    return 1;
  }

  /** The person was erased: every loan that named them keeps the facts, not the link. */
  @Transactional
  public int learnerErased(UUID learnerId) {
    int forgotten = 0;
    for (Loan loan : loans.naming(learnerId)) {
      loan.learnerId = null;
      loan.learnerErased = true;
      forgotten++;
    }
    return forgotten;
  }
}
