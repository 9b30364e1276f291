package org.passerelle.placement.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.passerelle.placement.ContractType;
import org.passerelle.placement.Situation;
import org.passerelle.placement.config.PlacementsConfig;

/**
 * Whether a situation counts as durable employment, by the rule of the learner's country kept in
 * configuration ({@code passerelle.placements.durable-employment.<country>}): a job under a
 * permanent contract, or under a fixed-term one of at least the country's minimum length.
 */
@ApplicationScoped
public class DurableEmployment {

  private final PlacementsConfig config;

  DurableEmployment(PlacementsConfig config) {
    this.config = config;
  }

  public boolean test(
      String country, Situation situation, ContractType contract, Integer durationMonths) {
    PlacementsConfig.DurableRule rule = config.durableEmployment().get(country);
    if (rule == null || situation != Situation.EMPLOYED || contract == null) {
      return false;
    }
    if (rule.permanent().contains(contract)) {
      return true;
    }
    return rule.fixedTerm().contains(contract)
        && durationMonths != null
        && durationMonths >= rule.minMonths();
  }
}
