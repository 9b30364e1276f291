package org.passerelle.cohort.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.passerelle.cohort.Certificate;

@ApplicationScoped
public class CertificateRepository implements PanacheRepositoryBase<Certificate, UUID> {

  public Optional<Certificate> findByPublicId(String publicId) {
    return find("publicId", publicId).firstResultOptional();
  }

  public Optional<Certificate> lockByPublicId(String publicId) {
    return find("publicId", publicId)
        .withLock(LockModeType.PESSIMISTIC_WRITE)
        .firstResultOptional();
  }

  /** The certificates issued for these results. */
  public List<Certificate> ofResults(Collection<UUID> resultIds) {
    return resultIds.isEmpty() ? List.of() : list("resultId in ?1", resultIds);
  }
}
