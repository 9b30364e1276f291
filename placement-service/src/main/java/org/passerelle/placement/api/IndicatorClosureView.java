package org.passerelle.placement.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.commons.api.Actor;

/**
 * A country's closed indicator period and its revisions: figures of exactly this period are read
 * from the facts of the latest revision.
 *
 * @param revision the revision in force (the latest)
 */
public record IndicatorClosureView(
    UUID id,
    String country,
    LocalDate from,
    LocalDate to,
    @Schema(
            deprecated = true,
            description =
                "Token subject of the admin who closed the period. Deprecated, removed after 2027-06-30; use closedByActor")
        String closedBy,
    OffsetDateTime closedAt,
    int revision,
    List<Revision> revisions,
    long version,
    @Schema(
            description =
                "The admin who closed the period (PERSON; displayName null: names are not kept"
                    + " here)")
        Actor closedByActor,
    @Schema(description = "When it was created: when the period was closed")
        OffsetDateTime createdAt,
    @Schema(description = "When it last changed: its latest revision") OffsetDateTime updatedAt) {

  /**
   * One freezing of the period's facts: the closure (revision 1, no reason) or a correction.
   *
   * @param learners how many learners' facts were frozen
   * @param applications how many applications' facts were frozen
   */
  public record Revision(
      int revision,
      String reason,
      @Schema(
              deprecated = true,
              description =
                  "Token subject of the admin who froze this revision. Deprecated, removed after"
                      + " 2027-06-30; use recordedByActor")
          String recordedBy,
      OffsetDateTime recordedAt,
      int learners,
      int applications,
      @Schema(
              description =
                  "The admin who froze this revision (PERSON; displayName null: names are not"
                      + " kept here)")
          Actor recordedByActor) {}
}
