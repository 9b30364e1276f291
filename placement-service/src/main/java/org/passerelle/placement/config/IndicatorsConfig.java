package org.passerelle.placement.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;

/** Impact indicators' settings kept as configuration. */
@ConfigMapping(prefix = "passerelle.indicators")
public interface IndicatorsConfig {

  /**
   * Smallest cell shown: a figure counting between 1 and this minus one people (denominator) or
   * between 1 and this minus one in its numerator is suppressed, so that no figure singles a person
   * out.
   */
  @WithDefault("5")
  @Min(1)
  int minCell();
}
