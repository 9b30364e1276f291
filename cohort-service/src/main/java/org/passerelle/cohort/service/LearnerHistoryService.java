package org.passerelle.cohort.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.passerelle.cohort.api.LearnerSeat;
import org.passerelle.cohort.repository.LearnerSeatRepository;
import org.passerelle.commons.problem.ProblemException;
import org.passerelle.commons.rest.Page;
import org.passerelle.commons.security.AccessScope;

/**
 * A learner's history across cohorts for staff and offices' systems: only the seats in cohorts of
 * their scope, so that a learner id never shows a cohort outside it. A learner without a seat there
 * is outside the scope: 404, like an unknown one.
 */
@ApplicationScoped
public class LearnerHistoryService {

  private final LearnerSeatRepository seats;

  LearnerHistoryService(LearnerSeatRepository seats) {
    this.seats = seats;
  }

  @Transactional
  public Page<LearnerSeat> history(UUID learnerId, int page, int size, AccessScope scope) {
    boolean staff = scope.isStaff();
    List<LearnerSeat> all =
        seats.inScope(learnerId, scope).stream()
            .map(found -> LearnerSeat.of(found.cohort(), found.seat(), staff))
            .toList();
    if (all.isEmpty()) {
      throw ProblemException.notFound("learner");
    }
    return Page.slice(all, page, size);
  }
}
