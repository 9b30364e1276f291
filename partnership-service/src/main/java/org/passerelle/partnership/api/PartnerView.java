package org.passerelle.partnership.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.passerelle.partnership.Partner;
import org.passerelle.partnership.PartnerKind;
import org.passerelle.partnership.PartnerRole;
import org.passerelle.partnership.PartnerStatus;

/** A partner as the API shows it, without its contacts; its version is the ETag. */
public record PartnerView(
    UUID id,
    String name,
    PartnerKind kind,
    String country,
    String registrationNumber,
    OffsetDateTime createdAt,
    long version,
    Set<PartnerRole> roles,
    PartnerStatus status,
    String sector,
    PartnerAddress address,
    List<String> sites,
    OffsetDateTime updatedAt) {

  /** A site code: its country, then its name (as cohort-service writes them). */
  public static final String SITE_CODE = "[A-Z]{2}-[A-Z0-9]+(-[A-Z0-9]+)*";

  public static PartnerView of(Partner partner) {
    return new PartnerView(
        partner.id,
        partner.name,
        partner.kind,
        partner.country,
        partner.registrationNumber,
        partner.createdAt,
        partner.version,
        partner.roleSet(),
        partner.status,
        partner.sector,
        PartnerAddress.of(partner),
        List.copyOf(partner.sites),
        partner.updatedAt);
  }
}
