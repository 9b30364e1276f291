package org.passerelle.cohort.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.passerelle.cohort.Site;

@ApplicationScoped
public class SiteRepository implements PanacheRepositoryBase<Site, String> {}
