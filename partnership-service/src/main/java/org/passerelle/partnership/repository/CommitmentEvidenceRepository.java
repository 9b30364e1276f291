package org.passerelle.partnership.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.passerelle.partnership.CommitmentEvidence;
import org.passerelle.partnership.EvidenceSource;

@ApplicationScoped
public class CommitmentEvidenceRepository
    implements PanacheRepositoryBase<CommitmentEvidence, UUID> {

  public List<CommitmentEvidence> of(Collection<UUID> commitmentIds) {
    if (commitmentIds.isEmpty()) {
      return List.of();
    }
    return list(
        "commitmentId in ?1", Sort.by("occurredOn").and("recordedAt").and("id"), commitmentIds);
  }

  public boolean recorded(UUID commitmentId, EvidenceSource source, String reference) {
    return count(
            "commitmentId = ?1 and source = ?2 and reference = ?3", commitmentId, source, reference)
        > 0;
  }
}
