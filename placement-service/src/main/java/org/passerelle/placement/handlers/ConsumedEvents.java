package org.passerelle.placement.handlers;

import java.util.List;
import org.passerelle.commons.events.ConsumedEvent;

/**
 * What placement-service consumes from other services, each applied by the {@code EventConsumer} in
 * this package that names it and listed in docs/events.md; ConsumedEventsTest checks the three
 * agree. They feed the partners and sites job offers may name (ADR 0015).
 */
public final class ConsumedEvents {

  public static final ConsumedEvent<PartnerRegistered> PARTNER_REGISTERED =
      ConsumedEvent.of("partnership", "partner-registered", 1, PartnerRegistered.class);

  public static final ConsumedEvent<PartnerChanged> PARTNER_CHANGED =
      ConsumedEvent.of("partnership", "partner-changed", 1, PartnerChanged.class);

  public static final ConsumedEvent<SiteRegistered> SITE_REGISTERED =
      ConsumedEvent.of("cohort", "site-registered", 1, SiteRegistered.class);

  public static final List<ConsumedEvent<?>> ALL =
      List.of(PARTNER_REGISTERED, PARTNER_CHANGED, SITE_REGISTERED);

  private ConsumedEvents() {}
}
