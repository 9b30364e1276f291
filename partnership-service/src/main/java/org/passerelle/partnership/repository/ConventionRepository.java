package org.passerelle.partnership.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.passerelle.partnership.Convention;

@ApplicationScoped
public class ConventionRepository implements PanacheRepositoryBase<Convention, UUID> {}
