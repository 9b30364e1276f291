package org.passerelle.commons.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Who acted, as views show it (issue 20, ADR 0044): a person's account or one of the platform's own
 * systems, so that a client never parses a token subject or a {@code system:…} string. Services
 * store who acted as that string; this reads it.
 *
 * @param type whether a person or a system acted
 * @param id the person's account (token subject), or the system's name
 * @param displayName what to show for the actor: the system's name; for a person, a name the
 *     service stored when they acted, else null (no service stores one today, and only
 *     enrollment-service may hold personal data)
 */
@Schema(
    name = "Actor",
    description =
        "Who acted: a person's account (type PERSON, id the token subject) or one of the"
            + " platform's systems (type SYSTEM, id and displayName its name, e.g. waitlist)")
public record Actor(
    Type type,
    @Schema(description = "The person's account (token subject), or the system's name") String id,
    @Schema(
            description =
                "What to show for the actor: the system's name; for a person null unless the"
                    + " service recorded their name when they acted")
        String displayName) {

  /** How services store a system actor: {@code system:<name>}. */
  public static final String SYSTEM_PREFIX = "system:";

  /** What services store when no account acted and no system named itself. */
  public static final String UNNAMED_SYSTEM = "system";

  @Schema(name = "ActorType")
  public enum Type {
    /** A person's account (staff, a learner, a partner, an office's system client). */
    PERSON,
    /** One of the platform's own systems: a job, a service reacting to an event. */
    SYSTEM
  }

  /**
   * Only whether a person or a system acted, for a reader who may know that but not who (e.g. an
   * application's decision as the learner reads it).
   */
  public Actor typeOnly() {
    return new Actor(type, null, null);
  }

  /** The actor a stored string names, without a display name for a person; null for null. */
  public static Actor of(String stored) {
    return of(stored, null);
  }

  /**
   * The actor a stored string names: {@code system:<name>} (or {@code system} alone) is a system,
   * anything else a person's account, shown as {@code personName} (null when not known); null for
   * null.
   */
  public static Actor of(String stored, String personName) {
    if (stored == null) {
      return null;
    }
    if (stored.startsWith(SYSTEM_PREFIX)) {
      String name = stored.substring(SYSTEM_PREFIX.length());
      return new Actor(Type.SYSTEM, name, name);
    }
    if (stored.equals(UNNAMED_SYSTEM)) {
      return new Actor(Type.SYSTEM, stored, stored);
    }
    return new Actor(Type.PERSON, stored, personName);
  }
}
