package org.passerelle.placement.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.passerelle.placement.KnownSite;

@ApplicationScoped
public class KnownSiteRepository implements PanacheRepositoryBase<KnownSite, String> {}
