package org.passerelle.cohort.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.passerelle.cohort.Cohort;

@ApplicationScoped
public class CohortRepository implements PanacheRepositoryBase<Cohort, UUID> {}
