package org.passerelle.placement.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.passerelle.placement.IndicatorExportAudit;

@ApplicationScoped
public class IndicatorExportAuditRepository
    implements PanacheRepositoryBase<IndicatorExportAudit, UUID> {}
