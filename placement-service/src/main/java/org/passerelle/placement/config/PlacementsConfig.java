package org.passerelle.placement.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;
import java.util.Set;
import org.passerelle.placement.ContractType;

/**
 * Each country's rule of durable employment, kept as configuration (DESIGN §3), e.g. France's:
 * {@code passerelle.placements.durable-employment.FR.permanent=CDI}, {@code ...FR.fixed-term=CDD,
 * TEMPORARY}, {@code ...FR.min-months=6}.
 */
@ConfigMapping(prefix = "passerelle.placements")
public interface PlacementsConfig {

  /** The rule of each country (ISO code). A country without one counts no job as durable. */
  Map<String, DurableRule> durableEmployment();

  /** A job is durable under a contract of these kinds, or of the fixed-term ones long enough. */
  interface DurableRule {

    /** Contracts durable whatever their length (France: CDI). */
    Set<ContractType> permanent();

    /** Fixed-term contracts durable from {@link #minMonths()} months on. */
    @WithDefault("")
    Set<ContractType> fixedTerm();

    @WithDefault("6")
    int minMonths();
  }
}
