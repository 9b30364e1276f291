package org.passerelle.partnership.events;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.passerelle.partnership.Convention;

/** Data of {@code convention-expiring.v1}. */
public record ConventionExpiring(
    UUID conventionId,
    UUID partnerId,
    String country,
    List<String> sites,
    LocalDate endsOn,
    int daysLeft) {

  public static final String NAME = "convention-expiring";

  public static ConventionExpiring of(Convention convention, int daysLeft) {
    return new ConventionExpiring(
        convention.id,
        convention.partnerId,
        convention.country,
        convention.sites.stream().sorted().toList(),
        convention.endsOn,
        daysLeft);
  }
}
