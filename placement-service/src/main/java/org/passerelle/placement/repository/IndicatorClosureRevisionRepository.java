package org.passerelle.placement.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.passerelle.placement.IndicatorClosureRevision;

@ApplicationScoped
public class IndicatorClosureRevisionRepository
    implements PanacheRepositoryBase<IndicatorClosureRevision, IndicatorClosureRevision.Key> {

  /** The revision a closed period's figures are read from: its newest. */
  public Optional<IndicatorClosureRevision> latest(UUID closureId) {
    return find("closureId", Sort.descending("revision"), closureId).firstResultOptional();
  }

  /**
   * The revisions of these closures, oldest first, without their frozen facts (counts are enough to
   * list them).
   */
  public List<Summary> summaries(Collection<UUID> closureIds) {
    if (closureIds.isEmpty()) {
      return List.of();
    }
    return find("closureId in ?1", Sort.ascending("closureId").and("revision"), closureIds)
        .project(Summary.class)
        .list();
  }

  /** A revision as the closures' list shows it. */
  public record Summary(
      UUID closureId,
      int revision,
      String reason,
      String recordedBy,
      java.time.OffsetDateTime recordedAt,
      int learnerCount,
      int applicationCount) {}
}
