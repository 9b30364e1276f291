package org.passerelle.commons.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The system clock in UTC, unless a test or an application supplies another {@link Clock}. */
@Dependent
public class Clocks {

  @Produces
  @DefaultBean
  @Singleton
  Clock systemUtc() {
    return Clock.systemUTC();
  }
}
