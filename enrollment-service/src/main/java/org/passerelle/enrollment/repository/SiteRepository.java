package org.passerelle.enrollment.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.passerelle.enrollment.Site;

@ApplicationScoped
public class SiteRepository implements PanacheRepositoryBase<Site, String> {}
