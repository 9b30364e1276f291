package org.passerelle.placement.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import org.passerelle.placement.api.ApplicationFacts;
import org.passerelle.placement.api.LearnerFacts;

/**
 * The facts the impact indicators are computed from, read from placement-service's projection of
 * the other services' events and its own follow-ups and placements.
 */
@ApplicationScoped
public class LearnerFactsService {

  /** Every learner of these countries (ISO codes), with their follow-ups and placements. */
  public List<LearnerFacts> learners(Set<String> countries) {
    // filled in by the projection work of issue 17 (h-facts)
    return List.of();
  }

  /** Every application of these countries, for the funnel. */
  public List<ApplicationFacts> applications(Set<String> countries) {
    return List.of();
  }
}
