package org.passerelle.partnership.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.passerelle.commons.idempotency.IdempotencyKeys;
import org.passerelle.commons.problem.ProblemException;
import org.passerelle.commons.rest.Deprecations;
import org.passerelle.commons.rest.Page;
import org.passerelle.commons.rest.Sorting;
import org.passerelle.commons.security.AccessScope;
import org.passerelle.commons.security.Roles;
import org.passerelle.commons.security.ScopeQuery;
import org.passerelle.commons.time.Now;
import org.passerelle.partnership.Device;
import org.passerelle.partnership.DeviceStatus;
import org.passerelle.partnership.Donation;
import org.passerelle.partnership.Partner;
import org.passerelle.partnership.api.DeclaredValue;
import org.passerelle.partnership.api.DonatedComputers;
import org.passerelle.partnership.api.DonatedDevice;
import org.passerelle.partnership.api.DonatedItem;
import org.passerelle.partnership.api.DonationRecorded;
import org.passerelle.partnership.api.DonationView;
import org.passerelle.partnership.api.DonorSummary;
import org.passerelle.partnership.api.RecordDonationRequest;
import org.passerelle.partnership.repository.DeviceRepository;
import org.passerelle.partnership.repository.DonationRepository;
import org.passerelle.partnership.repository.PartnerRepository;
import org.passerelle.problem.ProblemType;

/**
 * Donations of computers: their intake by the receiving site's staff, what staff and the donor read
 * of them, the donor's yearly summary, and the computers a donor gave over a period (the evidence
 * of a computers commitment).
 */
@ApplicationScoped
public class DonationService {

  /** What the list sorts by (ADR 0040): newest first unless asked otherwise. */
  public static final Sorting SORTING =
      Sorting.of(
          "-donatedOn,-createdAt",
          "id",
          "donatedOn",
          "donatedOn",
          "createdAt",
          "createdAt",
          "site",
          "site",
          "units",
          "units");

  private final DonationRepository donations;
  private final DeviceRepository devices;
  private final PartnerRepository partners;
  private final IdempotencyKeys idempotency;
  private final Now now;
  private final Event<DonationRecorded> recorded;

  DonationService(
      DonationRepository donations,
      DeviceRepository devices,
      PartnerRepository partners,
      IdempotencyKeys idempotency,
      Now now,
      Event<DonationRecorded> recorded) {
    this.donations = donations;
    this.devices = devices;
    this.partners = partners;
    this.idempotency = idempotency;
    this.now = now;
    this.recorded = recorded;
  }

  @Transactional
  public IdempotencyKeys.Outcome<DonationView> record(
      RecordDonationRequest request, String idempotencyKey, AccessScope scope) {
    return idempotency.once(
        idempotencyKey,
        scope.subject(),
        "record-donation",
        request,
        DonationView.class,
        () -> create(request, scope));
  }

  private DonationView create(RecordDonationRequest request, AccessScope scope) {
    String site =
        Deprecations.renamed("siteCode", request.siteCode(), "site", request.site(), true);
    String country = SiteCalendar.countryOf(site);
    if (!scope.isStaff() || !scope.covers(country, site)) {
      throw ProblemException.outOfScope();
    }
    Partner donor = partners.findById(request.donorId());
    if (donor == null || !donor.country.equals(country)) {
      throw new ProblemException(
          ProblemType.UNPROCESSABLE, "unprocessable.donor-not-known", request.donorId(), country);
    }
    if (request.donatedOn().isAfter(SiteCalendar.today(now, country))) {
      throw ProblemException.invalid(
          "donatedOn", "validation-failed.donation-in-future", request.donatedOn());
    }
    Set<String> serials = new HashSet<>();
    for (DonatedItem item : request.items()) {
      String serial = item.serialNumber().strip();
      if (!serials.add(serial) || devices.serialTaken(country, serial)) {
        throw new ProblemException(ProblemType.CONFLICT, "conflict.device-serial-taken", serial);
      }
    }
    Donation donation = new Donation();
    donation.id = UUID.randomUUID();
    donation.donorId = donor.id;
    donation.country = country;
    donation.site = site;
    donation.donatedOn = request.donatedOn();
    donation.declaredAmount = request.declaredValue().amount();
    donation.declaredCurrency = request.declaredValue().currency();
    donation.units = request.items().size();
    donation.recordedBy = scope.subject();
    donation.createdAt = now.timestamp();
    donations.persist(donation);
    for (DonatedItem item : request.items()) {
      Device device = new Device();
      device.id = UUID.randomUUID();
      device.donationId = donation.id;
      device.country = country;
      device.site = donation.site;
      device.serialNumber = item.serialNumber().strip();
      device.model = item.model().strip();
      device.specification = item.specification() == null ? null : item.specification().strip();
      device.status = DeviceStatus.RECEIVED;
      device.updatedAt = donation.createdAt;
      devices.persist(device);
    }
    donations.flush();
    recorded.fire(
        new DonationRecorded(
            donation.id,
            donation.donorId,
            donation.country,
            donation.site,
            donation.donatedOn,
            donation.units));
    return view(donation);
  }

  /** Staff of the receiving site (and above), or the donor itself. */
  @Transactional
  public DonationView get(UUID id, AccessScope scope) {
    return donations
        .findByIdOptional(id)
        .filter(donation -> visible(donation, scope))
        .map(this::view)
        .orElseThrow(() -> ProblemException.notFound("donation"));
  }

  private static boolean visible(Donation donation, AccessScope scope) {
    return (scope.isStaff() && scope.covers(donation.country, donation.site))
        || scope.isPartner(donation.donorId.toString());
  }

  /** Filters of the list; each null when not asked for. */
  public record Filters(UUID donor, String site, Integer year) {}

  /** Newest first. */
  @Transactional
  public Page<DonationView> list(Filters filters, int page, int size, AccessScope scope) {
    return list(filters, SORTING.parse(null), page, size, scope);
  }

  /** The same, in the order asked for (ADR 0040). */
  @Transactional
  public Page<DonationView> list(
      Filters filters, Sorting.Order order, int page, int size, AccessScope scope) {
    Map<String, Object> parameters = new HashMap<>();
    List<String> where = new ArrayList<>();
    if (scope.isStaff()) {
      where.add(ScopeQuery.staff(scope, parameters, "country", "site"));
    } else {
      Optional<UUID> partner = partnerOf(scope);
      where.add(partner.isPresent() ? "donorId = :scopePartner" : ScopeQuery.NOTHING);
      partner.ifPresent(id -> parameters.put("scopePartner", id));
    }
    if (filters.donor() != null) {
      where.add("donorId = :donor");
      parameters.put("donor", filters.donor());
    }
    if (filters.site() != null) {
      where.add("site = :site");
      parameters.put("site", filters.site());
    }
    if (filters.year() != null) {
      where.add("donatedOn >= :from and donatedOn <= :to");
      parameters.put("from", LocalDate.of(filters.year(), 1, 1));
      parameters.put("to", LocalDate.of(filters.year(), 12, 31));
    }
    return Page.of(
        donations.find(String.join(" and ", where) + " order by " + order.clause(), parameters),
        page,
        size,
        this::view);
  }

  private static Optional<UUID> partnerOf(AccessScope scope) {
    if (!scope.has(Roles.PARTNER)) {
      return Optional.empty();
    }
    try {
      return scope.partnerId().map(UUID::fromString);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * A donor's year: admins of its country and the donor itself. A donor the caller cannot see
   * answers 404, as a read of it would.
   */
  @Transactional
  public DonorSummary summary(UUID donorId, int year, AccessScope scope) {
    Partner donor =
        partners
            .findByIdOptional(donorId)
            .filter(
                partner ->
                    scope.isPartner(partner.id.toString())
                        || ((scope.isPlatformAdmin() || scope.has(Roles.COUNTRY_ADMIN))
                            && scope.coversCountry(partner.country)))
            .orElseThrow(() -> ProblemException.notFound("partner"));
    List<DonorSummary.Line> lines = new ArrayList<>();
    Map<String, BigDecimal> totals = new TreeMap<>();
    int units = 0;
    for (Donation donation :
        donations.ofDonorBetween(donorId, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))) {
      lines.add(
          new DonorSummary.Line(
              donation.id,
              donation.donatedOn,
              donation.site,
              donation.units,
              new DeclaredValue(donation.declaredAmount, donation.declaredCurrency),
              donation.site));
      units += donation.units;
      totals.merge(donation.declaredCurrency, donation.declaredAmount, BigDecimal::add);
    }
    List<DeclaredValue> declared =
        totals.entrySet().stream()
            .map(total -> new DeclaredValue(total.getValue(), total.getKey()))
            .toList();
    return new DonorSummary(donor.id, donor.name, year, lines.size(), units, declared, lines);
  }

  /**
   * The computers a donor gave between two days, both included, one row per donation: what a
   * computers commitment counts as done, and its evidence. No scope: for the service's own rules
   * (commitments' progress), not for callers.
   */
  @Transactional
  public List<DonatedComputers> computersDonated(UUID donorId, LocalDate from, LocalDate to) {
    return donations.ofDonorBetween(donorId, from, to).stream()
        .map(
            donation ->
                new DonatedComputers(
                    donation.id, donation.donatedOn, donation.site, donation.units))
        .toList();
  }

  private DonationView view(Donation donation) {
    return DonationView.of(
        donation, devices.ofDonation(donation.id).stream().map(DonatedDevice::of).toList());
  }
}
