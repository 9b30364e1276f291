package org.passerelle.commons.events;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An event of another service that this service consumes, declared once: who publishes it (the
 * topic is {@code <producer>.events}), its name and version (the CloudEvents type is {@code
 * org.passerelle.<producer>.<name>.v<version>}), and the record its data binds to. A service lists
 * its declarations in one place, {@code handlers/ConsumedEvents}; a test checks that list against
 * the producer's schema and the event map in {@code docs/events.md}.
 *
 * @param producer the publishing service's short name, e.g. {@code cohort}
 * @param name the past-tense event name, e.g. {@code learner-withdrew}
 * @param version the schema version consumed; a new version is a new declaration
 * @param payload the record the event's data binds to: the fields this service reads, required
 *     unless annotated {@link jakarta.annotation.Nullable}; fields it does not name are ignored,
 *     since schemas grow compatibly
 */
public record ConsumedEvent<T extends Record>(
    String producer, String name, int version, Class<T> payload) {

  private static final Pattern PRODUCER = Pattern.compile("[a-z]+");
  private static final Pattern NAME = Pattern.compile("[a-z]+(-[a-z]+)*");

  public ConsumedEvent {
    Objects.requireNonNull(payload, "payload");
    if (producer == null || !PRODUCER.matcher(producer).matches()) {
      throw new IllegalArgumentException("producer must be a service's short name: " + producer);
    }
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("event name must be kebab-case: " + name);
    }
    if (version < 1) {
      throw new IllegalArgumentException("event versions start at 1");
    }
  }

  public static <T extends Record> ConsumedEvent<T> of(
      String producer, String name, int version, Class<T> payload) {
    return new ConsumedEvent<>(producer, name, version, payload);
  }

  /** The topic the event arrives on, e.g. {@code cohort.events}. */
  public String topic() {
    return producer + ".events";
  }

  /** The full CloudEvents type, e.g. {@code org.passerelle.cohort.learner-withdrew.v1}. */
  public String type() {
    return "org.passerelle." + producer + "." + name + ".v" + version;
  }

  @Override
  public String toString() {
    return topic() + " " + name + " v" + version;
  }
}
