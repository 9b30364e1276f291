package org.passerelle.placement.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An indicators report as JSON: one row per group, each with exactly the columns of the report's
 * dictionary, in its order.
 *
 * @param closures the closed period the figures were read from; empty when they are live
 */
public record IndicatorExport(
    String report,
    String country,
    LocalDate from,
    LocalDate to,
    UUID funderPartnerId,
    OffsetDateTime generatedAt,
    List<IndicatorsView.Closure> closures,
    IndicatorsView.Suppression suppression,
    List<Map<String, Object>> rows) {}
