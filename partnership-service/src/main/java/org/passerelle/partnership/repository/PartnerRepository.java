package org.passerelle.partnership.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.passerelle.partnership.Partner;

@ApplicationScoped
public class PartnerRepository implements PanacheRepositoryBase<Partner, UUID> {}
