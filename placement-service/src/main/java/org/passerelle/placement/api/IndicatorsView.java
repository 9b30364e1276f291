package org.passerelle.placement.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.commons.rest.Deprecations;

/**
 * The impact indicators of a period for the caller's scope, grouped as asked: each figure with its
 * numerator, denominator, unknowns, the definition (id and version) it follows and, where a label
 * sets one, the threshold it is held against. Cells small enough to single a person out are
 * suppressed, and the answer says by which rule.
 */
public record IndicatorsView(
    Period period,
    String groupBy,
    Suppression suppression,
    OffsetDateTime computedAt,
    List<Group> groups) {

  /**
   * The period asked for and, per country whose period is closed, the frozen revision it was read
   * from (empty when every figure is live).
   */
  public record Period(LocalDate from, LocalDate to, List<Closure> closures) {}

  /** A closed period a country's figures were read from. */
  public record Closure(UUID id, String country, int revision, OffsetDateTime closedAt) {}

  /**
   * @param minCell a figure whose denominator is below it, or whose numerator is between 1 and it
   *     (exclusive), is suppressed
   * @param suppressedFigures how many figures of this answer were suppressed
   */
  public record Suppression(int minCell, String rule, int suppressedFigures) {}

  /** The figures of one group; the key names only the dimension grouped by (others are null). */
  public record Group(Key key, List<Figure> figures) {}

  /** What a group is: a country, a site, a programme, a cohort or a funder (a partner). */
  public record Key(
      String country,
      @Schema(deprecated = true, description = Deprecations.REMOVED_AFTER + "siteCode") String site,
      String programmeCode,
      UUID cohortId,
      UUID funderPartnerId,
      @Schema(description = "The site's code, e.g. FR-SEVRAN, when grouped by site")
          String siteCode) {

    /** siteCode repeats site while site is kept (ADR 0043). */
    public Key(
        String country, String site, String programmeCode, UUID cohortId, UUID funderPartnerId) {
      this(country, site, programmeCode, cohortId, funderPartnerId, site);
    }
  }

  /**
   * One figure. {@code value} is numerator over denominator to four decimals (null for a count or a
   * zero denominator); {@code responseRate} is the known part of the population (denominator over
   * denominator plus unknown). Suppressed figures carry no number.
   *
   * @param category a breakdown's category (an exit reason, a competency block), else null
   */
  public record Figure(
      String indicator,
      int definitionVersion,
      String category,
      Long numerator,
      Long denominator,
      BigDecimal value,
      Long unknown,
      BigDecimal responseRate,
      boolean suppressed,
      Threshold threshold) {}

  /** A label's minimum (or maximum) share for this indicator in the group's country. */
  public record Threshold(BigDecimal min, BigDecimal max, Boolean met, String source) {}
}
