package org.passerelle.placement.handlers;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.passerelle.commons.events.EventHandler;
import org.passerelle.commons.events.IncomingEvent;
import org.passerelle.placement.KnownPartner;
import org.passerelle.placement.PartnerStatus;
import org.passerelle.placement.repository.KnownPartnerRepository;

/** Learns a partner partnership-service registered, so that job offers may name it. */
@ApplicationScoped
public class PartnerRegisteredHandler implements EventHandler {

  private static final Logger LOG = Logger.getLogger(PartnerRegisteredHandler.class);

  private final KnownPartnerRepository partners;

  PartnerRegisteredHandler(KnownPartnerRepository partners) {
    this.partners = partners;
  }

  @Override
  public String topic() {
    return "partnership.events";
  }

  @Override
  public String type() {
    return "org.passerelle.partnership.partner-registered.v1";
  }

  @Override
  public void handle(IncomingEvent event) {
    UUID id = UUID.fromString(EventData.required(event.data(), "partnerId", "partner-registered"));
    String country = EventData.required(event.data(), "country", "partner-registered");
    // A partner is registered once and its id and country never change: a copy already here is
    // this partner (a replay under another event id), and anything learned later is newer.
    if (partners.findByIdOptional(id).isPresent()) {
      LOG.debugf("partner-registered %s: partner %s already known", event.id(), id);
      return;
    }
    KnownPartner partner = new KnownPartner();
    partner.id = id;
    partner.country = country;
    partner.status = PartnerStatus.ACTIVE;
    partner.learnedAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    partners.persist(partner);
  }
}
