package org.passerelle.enrollment.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.passerelle.enrollment.WebhookSubscription;

@ApplicationScoped
public class WebhookSubscriptionRepository
    implements PanacheRepositoryBase<WebhookSubscription, UUID> {}
