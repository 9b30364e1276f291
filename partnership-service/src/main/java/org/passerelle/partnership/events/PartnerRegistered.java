package org.passerelle.partnership.events;

import java.util.UUID;
import org.passerelle.partnership.Partner;
import org.passerelle.partnership.PartnerKind;

/** Data of {@code partner-registered.v1}. */
public record PartnerRegistered(UUID partnerId, String name, PartnerKind kind, String country) {

  public static final String NAME = "partner-registered";

  public static PartnerRegistered of(Partner partner) {
    return new PartnerRegistered(partner.id, partner.name, partner.kind, partner.country);
  }
}
