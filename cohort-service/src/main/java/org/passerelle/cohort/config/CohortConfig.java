package org.passerelle.cohort.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** cohort-service's rules kept as configuration (DESIGN §3). */
@ConfigMapping(prefix = "passerelle.cohort")
public interface CohortConfig {

  Attendance attendance();

  interface Attendance {
    /**
     * How many consecutive unexcused absences (over the recorded session days) raise the early
     * warning: attendance-alert, and the learner listed as at risk.
     */
    @WithDefault("3")
    @Min(1)
    @Max(100)
    int alertAfter();
  }
}
