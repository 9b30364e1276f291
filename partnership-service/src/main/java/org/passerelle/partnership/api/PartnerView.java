package org.passerelle.partnership.api;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.passerelle.partnership.Partner;
import org.passerelle.partnership.PartnerKind;

/** A partner as the API shows it; its version is the ETag. */
public record PartnerView(
    UUID id,
    String name,
    PartnerKind kind,
    String country,
    String registrationNumber,
    OffsetDateTime createdAt,
    long version) {

  public static PartnerView of(Partner partner) {
    return new PartnerView(
        partner.id,
        partner.name,
        partner.kind,
        partner.country,
        partner.registrationNumber,
        partner.createdAt,
        partner.version);
  }
}
