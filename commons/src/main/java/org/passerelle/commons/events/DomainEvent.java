package org.passerelle.commons.events;

import java.util.Objects;
import java.util.UUID;

/**
 * A fact a service publishes about one aggregate. The envelope fields (id, source, time) are added
 * by the outbox; the name is the past-tense event name, e.g. {@code application-submitted}.
 *
 * @param name past-tense event name, without service prefix or version
 * @param version schema version of {@code data}; a breaking change is a new version
 * @param aggregateId record key and {@code ce_subject}: one aggregate's events stay in order
 * @param country ISO 3166-1 code, the {@code country} extension
 * @param site site code, the {@code site} extension (may be null for country-wide facts)
 * @param data the JSON payload; never personal data outside enrollment-service
 */
public record DomainEvent(
    String name, int version, UUID aggregateId, String country, String site, Object data) {

  public DomainEvent {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(aggregateId, "aggregateId");
    Objects.requireNonNull(data, "data");
    if (version < 1) {
      throw new IllegalArgumentException("event version starts at 1");
    }
  }

  public static DomainEvent v1(
      String name, UUID aggregateId, String country, String site, Object data) {
    return new DomainEvent(name, 1, aggregateId, country, site, data);
  }

  /** The full CloudEvents type, e.g. {@code org.passerelle.enrollment.application-submitted.v1}. */
  public String type(String typePrefix) {
    return typePrefix + name + ".v" + version;
  }
}
