package org.passerelle.partnership.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.LongPredicate;
import org.passerelle.commons.problem.ProblemException;
import org.passerelle.commons.rest.Deprecations;
import org.passerelle.commons.rest.Page;
import org.passerelle.commons.rest.Sorting;
import org.passerelle.commons.security.AccessScope;
import org.passerelle.commons.security.ScopeQuery;
import org.passerelle.commons.time.Now;
import org.passerelle.partnership.Device;
import org.passerelle.partnership.DeviceStatus;
import org.passerelle.partnership.Loan;
import org.passerelle.partnership.LoanOutcome;
import org.passerelle.partnership.api.DeviceView;
import org.passerelle.partnership.api.LendDeviceRequest;
import org.passerelle.partnership.api.LoanView;
import org.passerelle.partnership.api.RetireDeviceRequest;
import org.passerelle.partnership.api.SiteInventory;
import org.passerelle.partnership.api.WipeDeviceRequest;
import org.passerelle.partnership.repository.DeviceRepository;
import org.passerelle.partnership.repository.LoanRepository;
import org.passerelle.problem.ProblemType;

/**
 * Donated computers in the sites' hands: their life from reception to a learner and back, each move
 * checked against {@link DeviceStatus}, and each site's inventory. Staff of the computer's site
 * (and above) only: partners see their donations, never the loans.
 */
@ApplicationScoped
public class DeviceService {

  /** What the list sorts by (ADR 0040): by site and serial number unless asked otherwise. */
  public static final Sorting SORTING =
      Sorting.of(
          "site,serialNumber",
          "d.id",
          "site",
          "d.site",
          "serialNumber",
          "d.serialNumber",
          "model",
          "d.model",
          "status",
          "d.status",
          "updatedAt",
          "d.updatedAt");

  private final DeviceRepository devices;
  private final LoanRepository loans;
  private final Now now;

  DeviceService(DeviceRepository devices, LoanRepository loans, Now now) {
    this.devices = devices;
    this.loans = loans;
    this.now = now;
  }

  @Transactional
  public DeviceView get(UUID id, AccessScope scope) {
    return devices
        .findByIdOptional(id)
        .filter(device -> reaches(device, scope))
        .map(this::view)
        .orElseThrow(() -> ProblemException.notFound("device"));
  }

  /** Filters of the list; each null (or empty) when not asked for. */
  public record Filters(
      String site, Set<DeviceStatus> statuses, UUID donation, Boolean overdue, Boolean toRecall) {}

  @Transactional
  public Page<DeviceView> list(Filters filters, int page, int size, AccessScope scope) {
    return list(filters, SORTING.parse(null), page, size, scope);
  }

  /** The same, in the order asked for (ADR 0040). */
  @Transactional
  public Page<DeviceView> list(
      Filters filters, Sorting.Order order, int page, int size, AccessScope scope) {
    Map<String, Object> parameters = new HashMap<>();
    List<String> where = new ArrayList<>();
    where.add(
        scope.isStaff() ? ScopeQuery.staff(scope, parameters, "d.country", "d.site") : "1 = 0");
    if (filters.site() != null) {
      where.add("d.site = :site");
      parameters.put("site", filters.site());
    }
    if (!filters.statuses().isEmpty()) {
      where.add("d.status in :statuses");
      parameters.put("statuses", filters.statuses());
    }
    if (filters.donation() != null) {
      where.add("d.donationId = :donation");
      parameters.put("donation", filters.donation());
    }
    if (filters.toRecall() != null) {
      where.add(
          (filters.toRecall() ? "" : "not ")
              + "exists (select l.id from Loan l where l.deviceId = d.id and l.endedAt is null"
              + " and l.recallReason is not null)");
    }
    if (filters.overdue() != null) {
      where.add(
          (filters.overdue() ? "" : "not ")
              + "exists (select l.id from Loan l where l.deviceId = d.id and l.endedAt is null"
              + " and ((l.country = 'FR' and l.expectedReturn < :todayFR)"
              + " or (l.country = 'MA' and l.expectedReturn < :todayMA)))");
      parameters.put("todayFR", SiteCalendar.today(now, "FR"));
      parameters.put("todayMA", SiteCalendar.today(now, "MA"));
    }
    return Page.of(
        devices.find(
            "from Device d where " + String.join(" and ", where) + " order by " + order.clause(),
            parameters),
        page,
        size,
        this::view);
  }

  /** Each site's computers in the caller's scope, by where they are; one site when asked. */
  @Transactional
  public List<SiteInventory> inventory(String site, AccessScope scope) {
    Map<String, Object> parameters = new HashMap<>();
    String reach =
        scope.isStaff() ? ScopeQuery.staff(scope, parameters, "country", "site") : "1 = 0";
    if (site != null) {
      reach += " and site = :site";
      parameters.put("site", site);
    }
    Map<String, long[]> counts = new TreeMap<>();
    for (Device device : devices.list(reach, parameters)) {
      long[] row = counts.computeIfAbsent(device.site, key -> new long[7]);
      switch (device.status) {
        case RECEIVED -> row[0]++;
        case WIPED -> row[1]++;
        case READY -> row[2]++;
        case LOANED -> row[3]++;
        case RETURNED -> row[6]++;
        case RETIRED, GIFTED -> {}
      }
    }
    for (Loan loan : loans.list("endedAt is null and " + reach, parameters)) {
      long[] row = counts.computeIfAbsent(loan.site, key -> new long[7]);
      if (loan.expectedReturn.isBefore(SiteCalendar.today(now, loan.country))) {
        row[4]++;
      }
      if (loan.recallReason != null) {
        row[5]++;
      }
    }
    return counts.entrySet().stream()
        .map(
            entry -> {
              long[] row = entry.getValue();
              String code = entry.getKey();
              return new SiteInventory(
                  code,
                  SiteCalendar.countryOf(code),
                  row[0],
                  row[1],
                  row[2],
                  row[3],
                  row[4],
                  row[5],
                  row[6],
                  code);
            })
        .toList();
  }

  @Transactional
  public DeviceView wipe(
      UUID id, WipeDeviceRequest request, LongPredicate ifMatch, AccessScope scope) {
    Device device = moving(id, DeviceStatus.WIPED, ifMatch, scope);
    device.wipeCertificate = request.certificateReference().strip();
    device.wipedBy = request.wipedBy().strip();
    device.wipedAt = now.timestamp();
    return moved(device, DeviceStatus.WIPED);
  }

  @Transactional
  public DeviceView ready(UUID id, LongPredicate ifMatch, AccessScope scope) {
    return moved(moving(id, DeviceStatus.READY, ifMatch, scope), DeviceStatus.READY);
  }

  @Transactional
  public DeviceView lend(
      UUID id, LendDeviceRequest request, LongPredicate ifMatch, AccessScope scope) {
    Device device = moving(id, DeviceStatus.LOANED, ifMatch, scope);
    String given =
        Deprecations.renamed("siteCode", request.siteCode(), "site", request.site(), false);
    String site = given == null ? device.site : given;
    if (!site.equals(device.site)) {
      // handed over by another site: the computer moves there, which the caller must reach too
      if (!SiteCalendar.countryOf(site).equals(device.country)) {
        throw ProblemException.invalid("siteCode", "validation-failed.loan-site-country", site);
      }
      if (!scope.covers(device.country, site)) {
        throw ProblemException.outOfScope();
      }
    }
    LocalDate today = SiteCalendar.today(now, device.country);
    if (request.acceptedOn().isAfter(today)) {
      throw ProblemException.invalid(
          "acceptedOn", "validation-failed.loan-accepted-in-future", request.acceptedOn());
    }
    if (request.expectedReturn().isBefore(today)) {
      throw ProblemException.invalid(
          "expectedReturn", "validation-failed.loan-return-past", request.expectedReturn());
    }
    if (!loans.openOfLearner(request.learnerId()).isEmpty()) {
      throw new ProblemException(
          ProblemType.CONFLICT, "conflict.learner-has-computer", request.learnerId());
    }
    Loan loan = new Loan();
    loan.id = UUID.randomUUID();
    loan.deviceId = device.id;
    loan.country = device.country;
    loan.site = site;
    loan.learnerId = request.learnerId();
    loan.lentAt = now.timestamp();
    loan.expectedReturn = request.expectedReturn();
    loan.acceptedOn = request.acceptedOn();
    loan.acceptanceReference = request.acceptanceReference().strip();
    loan.lentBy = scope.subject();
    loans.persist(loan);
    device.site = site;
    return moved(device, DeviceStatus.LOANED);
  }

  @Transactional
  public DeviceView giveBack(UUID id, LongPredicate ifMatch, AccessScope scope) {
    Device device = moving(id, DeviceStatus.RETURNED, ifMatch, scope);
    end(device, LoanOutcome.RETURNED);
    return moved(device, DeviceStatus.RETURNED);
  }

  @Transactional
  public DeviceView gift(UUID id, LongPredicate ifMatch, AccessScope scope) {
    Device device = moving(id, DeviceStatus.GIFTED, ifMatch, scope);
    end(device, LoanOutcome.GIFTED);
    return moved(device, DeviceStatus.GIFTED);
  }

  @Transactional
  public DeviceView retire(
      UUID id, RetireDeviceRequest request, LongPredicate ifMatch, AccessScope scope) {
    Device device = moving(id, DeviceStatus.RETIRED, ifMatch, scope);
    device.retirementReason = request.reason();
    return moved(device, DeviceStatus.RETIRED);
  }

  /**
   * The computer's loan ends as the learner gives it back or keeps it; used by the staff's moves
   * and by the site's policy when a learner completes.
   */
  void end(Device device, LoanOutcome outcome) {
    loans
        .openOf(device.id)
        .ifPresent(
            loan -> {
              loan.endedAt = now.timestamp();
              loan.outcome = outcome;
            });
  }

  private Device moving(UUID id, DeviceStatus target, LongPredicate ifMatch, AccessScope scope) {
    Device device =
        devices
            .findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
            .filter(found -> reaches(found, scope))
            .orElseThrow(() -> ProblemException.notFound("device"));
    if (!ifMatch.test(device.version)) {
      throw new ProblemException(ProblemType.PRECONDITION_FAILED, "precondition-failed.detail");
    }
    if (!device.status.canMoveTo(target)) {
      throw new ProblemException(
          ProblemType.ILLEGAL_TRANSITION, "illegal-transition.detail", device.status, target);
    }
    return device;
  }

  DeviceView moved(Device device, DeviceStatus target) {
    device.status = target;
    device.updatedAt = now.timestamp();
    devices.flush(); // the new version, for the ETag
    return view(device);
  }

  private static boolean reaches(Device device, AccessScope scope) {
    return scope.isStaff() && scope.covers(device.country, device.site);
  }

  private DeviceView view(Device device) {
    LoanView loan =
        loans
            .openOf(device.id)
            .map(open -> LoanView.of(open, SiteCalendar.today(now, open.country)))
            .orElse(null);
    return DeviceView.of(device, loan);
  }
}
