package org.passerelle.partnership.service;

import java.util.Optional;
import org.passerelle.partnership.CommitmentKind;

/**
 * Which hiring commitment a placement's contract counts towards: employment contracts are hires,
 * apprenticeship and professionalisation contracts apprenticeship places, internships internship
 * places; freelance work and situations without a contract count towards none.
 */
public final class PlacementCounting {

  private PlacementCounting() {}

  public static Optional<CommitmentKind> kindOf(String contractType) {
    if (contractType == null) {
      return Optional.empty();
    }
    return switch (contractType) {
      case "CDI", "CDD", "TEMPORARY" -> Optional.of(CommitmentKind.HIRES);
      case "APPRENTICESHIP", "PROFESSIONALISATION" ->
          Optional.of(CommitmentKind.APPRENTICESHIP_PLACES);
      case "INTERNSHIP" -> Optional.of(CommitmentKind.INTERNSHIP_PLACES);
      default -> Optional.empty();
    };
  }
}
