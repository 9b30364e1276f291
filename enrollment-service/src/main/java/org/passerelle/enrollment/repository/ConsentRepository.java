package org.passerelle.enrollment.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.passerelle.enrollment.Consent;

@ApplicationScoped
public class ConsentRepository implements PanacheRepositoryBase<Consent, UUID> {}
