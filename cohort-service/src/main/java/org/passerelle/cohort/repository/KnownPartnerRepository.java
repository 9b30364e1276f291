package org.passerelle.cohort.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.passerelle.cohort.KnownPartner;

@ApplicationScoped
public class KnownPartnerRepository implements PanacheRepositoryBase<KnownPartner, UUID> {}
