package org.passerelle.commons.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How a service names, publishes and consumes its domain events (DESIGN §4). */
@ConfigMapping(prefix = "passerelle.events")
public interface EventsConfig {

  /** Short service name: {@code enrollment} gives topic {@code enrollment.events}. */
  String service();

  default String topic() {
    return service() + ".events";
  }

  default String source() {
    return "/" + service();
  }

  default String typePrefix() {
    return "org.passerelle." + service() + ".";
  }

  Relay relay();

  Consumer consumer();

  interface Relay {
    /** Off in tests that drive the relay by hand. */
    @WithDefault("true")
    boolean enabled();

    @WithDefault("500")
    int batchSize();

    /** Longest sleep between two polls when nothing woke the relay up. */
    @WithDefault("PT1S")
    Duration idlePoll();

    @WithDefault("PT0.2S")
    Duration initialBackoff();

    @WithDefault("PT10S")
    Duration maxBackoff();

    /**
     * How long sent rows stay in the outbox (for investigation) before they are deleted. Unsent
     * rows are never deleted.
     */
    @WithDefault("P7D")
    Duration retention();

    /** How often sent rows past their retention are deleted. */
    @WithDefault("PT10M")
    Duration cleanupInterval();

    /**
     * How long a batch may wait for the broker's acknowledgements before the relay gives up on it
     * and sends it again. At most two minutes: the Kafka client must never give up first.
     */
    @WithDefault("PT30S")
    Duration acknowledgementWait();
  }

  interface Consumer {
    @WithDefault("true")
    boolean enabled();

    /** Consumer group; defaults to the service name so instances share partitions. */
    java.util.Optional<String> group();

    /** Attempts per event before it is parked in the dead-letter topic. */
    @WithDefault("5")
    int maxAttempts();

    @WithDefault("PT0.2S")
    Duration initialBackoff();

    @WithDefault("PT5S")
    Duration maxBackoff();
  }
}
