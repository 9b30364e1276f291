package org.passerelle.cohort.repository;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.passerelle.cohort.CertificateAudit;

@ApplicationScoped
public class CertificateAuditRepository implements PanacheRepositoryBase<CertificateAudit, UUID> {

  /** A certificate's audit trail, oldest first. */
  public PanacheQuery<CertificateAudit> ofCertificate(UUID certificateId) {
    return find("certificateId", Sort.by("seq"), certificateId);
  }
}
