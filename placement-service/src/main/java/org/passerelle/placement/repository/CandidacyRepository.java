package org.passerelle.placement.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.passerelle.placement.Candidacy;
import org.passerelle.placement.CandidacyStatus;

@ApplicationScoped
public class CandidacyRepository implements PanacheRepositoryBase<Candidacy, UUID> {

  /** How many learners an offer hired through its candidacies. */
  public long hiredFor(UUID jobOfferId) {
    return count("jobOfferId = ?1 and status = ?2", jobOfferId, CandidacyStatus.HIRED);
  }
}
