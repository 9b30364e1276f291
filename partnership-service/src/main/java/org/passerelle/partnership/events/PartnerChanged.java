package org.passerelle.partnership.events;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.passerelle.partnership.Partner;
import org.passerelle.partnership.PartnerKind;
import org.passerelle.partnership.PartnerStatus;

/**
 * Data of {@code partner-changed.v1}: the whole partner after a change, with its version so that a
 * consumer keeps the newest; never its contacts.
 */
public record PartnerChanged(
    UUID partnerId,
    String name,
    PartnerKind kind,
    List<String> roles,
    String country,
    String registrationNumber,
    PartnerStatus status,
    String sector,
    Address address,
    List<String> sites,
    long version,
    OffsetDateTime changedAt) {

  public static final String NAME = "partner-changed";

  /** The organisation's postal address. */
  public record Address(String street, String postalCode, String city) {}

  public static PartnerChanged of(Partner partner) {
    return new PartnerChanged(
        partner.id,
        partner.name,
        partner.kind,
        List.copyOf(partner.roles),
        partner.country,
        partner.registrationNumber,
        partner.status,
        partner.sector,
        partner.street == null
            ? null
            : new Address(partner.street, partner.postalCode, partner.city),
        List.copyOf(partner.sites),
        partner.version,
        partner.updatedAt);
  }
}
