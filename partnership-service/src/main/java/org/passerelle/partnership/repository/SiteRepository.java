package org.passerelle.partnership.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.passerelle.partnership.Site;

@ApplicationScoped
public class SiteRepository implements PanacheRepositoryBase<Site, String> {}
