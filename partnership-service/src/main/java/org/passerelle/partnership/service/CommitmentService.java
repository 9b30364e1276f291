package org.passerelle.partnership.service;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.passerelle.commons.events.DomainEvent;
import org.passerelle.commons.idempotency.IdempotencyKeys;
import org.passerelle.commons.outbox.Outbox;
import org.passerelle.commons.problem.ProblemException;
import org.passerelle.commons.rest.Page;
import org.passerelle.commons.rest.Sorting;
import org.passerelle.commons.security.AccessScope;
import org.passerelle.commons.time.Now;
import org.passerelle.partnership.Commitment;
import org.passerelle.partnership.CommitmentEvidence;
import org.passerelle.partnership.CommitmentKind;
import org.passerelle.partnership.CommitmentStatus;
import org.passerelle.partnership.Convention;
import org.passerelle.partnership.ConventionStatus;
import org.passerelle.partnership.EvidenceSource;
import org.passerelle.partnership.api.CommitmentSummary;
import org.passerelle.partnership.api.CommitmentView;
import org.passerelle.partnership.api.CreateCommitmentRequest;
import org.passerelle.partnership.api.DonationRecorded;
import org.passerelle.partnership.api.EvidenceView;
import org.passerelle.partnership.api.RecordProgressRequest;
import org.passerelle.partnership.events.CommitmentClosed;
import org.passerelle.partnership.events.CommitmentProgressed;
import org.passerelle.partnership.repository.CommitmentEvidenceRepository;
import org.passerelle.partnership.repository.CommitmentRepository;
import org.passerelle.partnership.repository.ConventionRepository;
import org.passerelle.partnership.repository.PartnerRepository;
import org.passerelle.problem.ProblemType;

/**
 * Commitments inside conventions and their progress: from placements recorded by placement-service,
 * donations, prizes, or staff's manual entries with a note. Each fact counts once per commitment;
 * reaching the target fulfils an open commitment.
 */
@ApplicationScoped
public class CommitmentService {

  /** The list's filters, each optional. */
  public record Filters(
      UUID partnerId, UUID conventionId, CommitmentKind kind, Set<CommitmentStatus> statuses) {}

  /** A summary lists at most this many commitments; a partner has a handful per convention. */
  static final int SUMMARY_MAX = 500;

  /** What the list sorts by (ADR 0040): by due date unless asked otherwise. */
  public static final Sorting SORTING =
      Sorting.of(
          "dueOn",
          "m.id",
          "dueOn",
          "m.dueOn",
          "kind",
          "m.kind",
          "status",
          "m.status",
          "createdAt",
          "m.createdAt",
          "closedAt",
          "m.closedAt");

  private final CommitmentRepository commitments;
  private final CommitmentEvidenceRepository evidence;
  private final ConventionRepository conventions;
  private final ConventionService conventionService;
  private final PartnerRepository partners;
  private final IdempotencyKeys idempotency;
  private final Outbox outbox;
  private final Now now;

  CommitmentService(
      CommitmentRepository commitments,
      CommitmentEvidenceRepository evidence,
      ConventionRepository conventions,
      ConventionService conventionService,
      PartnerRepository partners,
      IdempotencyKeys idempotency,
      Outbox outbox,
      Now now) {
    this.commitments = commitments;
    this.evidence = evidence;
    this.conventions = conventions;
    this.conventionService = conventionService;
    this.partners = partners;
    this.idempotency = idempotency;
    this.outbox = outbox;
    this.now = now;
  }

  @Transactional
  public IdempotencyKeys.Outcome<CommitmentView> create(
      CreateCommitmentRequest request, String idempotencyKey, AccessScope scope) {
    return idempotency.once(
        idempotencyKey,
        scope.subject(),
        "create-commitment",
        request,
        CommitmentView.class,
        () -> add(request, scope));
  }

  private CommitmentView add(CreateCommitmentRequest request, AccessScope scope) {
    Convention convention =
        conventionService.reachable(request.conventionId(), scope, LockModeType.PESSIMISTIC_WRITE);
    ConventionAccess.requireCountryLevel(convention, scope);
    if (convention.status == ConventionStatus.EXPIRED
        || convention.status == ConventionStatus.TERMINATED) {
      throw new ProblemException(
          ProblemType.CONFLICT, "conflict.convention-closed", convention.status);
    }
    if (request.kind().money() != (request.currency() != null)) {
      throw ProblemException.invalid("currency", "invalid-request.commitment-currency");
    }
    if (!request.kind().money() && request.target().stripTrailingZeros().scale() > 0) {
      throw ProblemException.invalid("target", "invalid-request.commitment-units");
    }
    if (request.dueOn().isBefore(convention.startsOn)) {
      throw ProblemException.invalid("dueOn", "invalid-request.commitment-due");
    }
    Commitment commitment = new Commitment();
    commitment.id = UUID.randomUUID();
    commitment.conventionId = convention.id;
    commitment.partnerId = convention.partnerId;
    commitment.country = convention.country;
    commitment.kind = request.kind();
    commitment.target = request.target();
    commitment.currency = request.currency();
    commitment.progress = BigDecimal.ZERO;
    commitment.dueOn = request.dueOn();
    commitment.status = CommitmentStatus.OPEN;
    commitment.createdAt = now.timestamp();
    commitments.persistAndFlush(commitment);
    return CommitmentView.of(commitment, List.of());
  }

  @Transactional
  public CommitmentView get(UUID id, AccessScope scope) {
    Commitment commitment = reachable(id, scope, LockModeType.NONE);
    return view(commitment, scope);
  }

  /** Ordered by due date, then id. */
  @Transactional
  public Page<CommitmentView> list(Filters filters, int page, int size, AccessScope scope) {
    return list(filters, SORTING.parse(null), page, size, scope);
  }

  /** The same, in the order asked for (ADR 0040). */
  @Transactional
  public Page<CommitmentView> list(
      Filters filters, Sorting.Order order, int page, int size, AccessScope scope) {
    Map<String, Object> parameters = new HashMap<>();
    List<String> where = new ArrayList<>();
    where.add(
        "exists (select 1 from Convention c where c.id = m.conventionId and "
            + ConventionAccess.condition(scope, parameters, "c")
            + ")");
    if (filters.partnerId() != null) {
      where.add("m.partnerId = :partnerId");
      parameters.put("partnerId", filters.partnerId());
    }
    if (filters.conventionId() != null) {
      where.add("m.conventionId = :conventionId");
      parameters.put("conventionId", filters.conventionId());
    }
    if (filters.kind() != null) {
      where.add("m.kind = :kind");
      parameters.put("kind", filters.kind());
    }
    if (filters.statuses() != null && !filters.statuses().isEmpty()) {
      where.add("m.status in :statuses");
      parameters.put("statuses", filters.statuses());
    }
    var query =
        commitments.find(
            "from Commitment m where " + String.join(" and ", where), order.sort(), parameters);
    List<Commitment> found = query.page(page, size).list();
    return new Page<>(views(found, scope), page, size, query.count());
  }

  /**
   * Every commitment of a partner the caller may read, with its evidence: the partner users' own
   * (partnerId may then be omitted), or any partner's for staff within their scope.
   */
  @Transactional
  public CommitmentSummary summary(UUID partnerId, AccessScope scope) {
    UUID partner =
        partnerId != null
            ? partnerId
            : ConventionAccess.partnerOf(scope)
                .orElseThrow(
                    () ->
                        ProblemException.invalid("partnerId", "invalid-request.partner-required"));
    // Whom a read of the partner reaches (PartnerService.get): staff of its country, or itself.
    partners
        .findByIdOptional(partner)
        .filter(found -> scope.coversCountry(found.country) || scope.isPartner(found.id.toString()))
        .orElseThrow(() -> ProblemException.notFound("partner"));
    Page<CommitmentView> all =
        list(new Filters(partner, null, null, Set.of()), 0, SUMMARY_MAX, scope);
    Map<CommitmentStatus, Long> counts =
        all.items().stream()
            .collect(Collectors.groupingBy(CommitmentView::status, Collectors.counting()));
    return new CommitmentSummary(
        partner,
        counts.getOrDefault(CommitmentStatus.OPEN, 0L),
        counts.getOrDefault(CommitmentStatus.FULFILLED, 0L),
        counts.getOrDefault(CommitmentStatus.MISSED, 0L),
        all.items());
  }

  /** Staff record progress of a manual kind (mentoring hours, funding, premises), with a note. */
  @Transactional
  public IdempotencyKeys.Outcome<CommitmentView> recordProgress(
      UUID id, RecordProgressRequest request, String idempotencyKey, AccessScope scope) {
    return idempotency.once(
        idempotencyKey,
        scope.subject(),
        "commitment-progress:" + id,
        request,
        CommitmentView.class,
        () -> manualProgress(id, request, scope));
  }

  private CommitmentView manualProgress(UUID id, RecordProgressRequest request, AccessScope scope) {
    Commitment commitment = reachable(id, scope, LockModeType.PESSIMISTIC_WRITE);
    ConventionAccess.requireCountryLevel(conventions.findById(commitment.conventionId), scope);
    if (!commitment.kind.manual()) {
      throw new ProblemException(
          ProblemType.CONFLICT, "conflict.progress-from-facts", commitment.kind);
    }
    if (commitment.status != CommitmentStatus.OPEN) {
      throw new ProblemException(
          ProblemType.CONFLICT, "conflict.commitment-closed", commitment.status);
    }
    UUID entry = UUID.randomUUID();
    add(
        commitment,
        EvidenceSource.MANUAL,
        entry.toString(),
        request.amount(),
        request.occurredOn(),
        request.note().strip(),
        scope.subject());
    return view(commitment, scope);
  }

  /**
   * A placement placement-service recorded: it counts towards the hiring commitments (hires,
   * internship or apprenticeship places, by its contract) of every signed convention of its
   * employer that covers its site and start date, once each. Returns how many commitments it
   * counted for; 0 for a placement with no partner employer or a contract no commitment counts.
   */
  @Transactional
  public int countPlacement(
      UUID placementId,
      UUID employerPartnerId,
      String contractType,
      String country,
      String site,
      LocalDate startDate) {
    Optional<CommitmentKind> kind = PlacementCounting.kindOf(contractType);
    if (employerPartnerId == null || kind.isEmpty()) {
      return 0;
    }
    return countFact(
        employerPartnerId,
        country,
        site,
        startDate,
        kind.get(),
        EvidenceSource.PLACEMENT,
        placementId.toString());
  }

  /**
   * Computers a donor gave: they count towards the computers commitments of its signed conventions
   * covering the receiving site and date, once per donation.
   */
  @Transactional
  public int countDonation(
      UUID donationId,
      UUID donorPartnerId,
      String country,
      String site,
      LocalDate receivedOn,
      int computers) {
    if (computers <= 0) {
      return 0;
    }
    return countFact(
        donorPartnerId,
        country,
        site,
        receivedOn,
        CommitmentKind.COMPUTERS,
        EvidenceSource.DONATION,
        donationId.toString(),
        BigDecimal.valueOf(computers));
  }

  /**
   * A donation just recorded by this service counts in the intake's own transaction: the computers
   * and the commitment's progress are committed together or not at all.
   */
  void donationRecorded(@Observes DonationRecorded donation) {
    countDonation(
        donation.donationId(),
        donation.donorId(),
        donation.country(),
        donation.site(),
        donation.donatedOn(),
        donation.units());
  }

  /** A prize awarded under a prizes commitment counts one towards it. */
  @Transactional(Transactional.TxType.MANDATORY)
  void countPrize(Commitment commitment, UUID prizeId, LocalDate awardedOn) {
    if (!evidence.recorded(commitment.id, EvidenceSource.PRIZE, prizeId.toString())) {
      add(
          commitment,
          EvidenceSource.PRIZE,
          prizeId.toString(),
          BigDecimal.ONE,
          awardedOn,
          null,
          null);
    }
  }

  private int countFact(
      UUID partnerId,
      String country,
      String site,
      LocalDate day,
      CommitmentKind kind,
      EvidenceSource source,
      String reference) {
    return countFact(partnerId, country, site, day, kind, source, reference, BigDecimal.ONE);
  }

  private int countFact(
      UUID partnerId,
      String country,
      String site,
      LocalDate day,
      CommitmentKind kind,
      EvidenceSource source,
      String reference,
      BigDecimal amount) {
    List<UUID> covering =
        conventions
            .list(
                "partnerId = ?1 and array_contains(countries, ?2) and status in ?3",
                partnerId,
                country,
                List.of(ConventionStatus.SIGNED, ConventionStatus.ACTIVE, ConventionStatus.EXPIRED))
            .stream()
            .filter(convention -> convention.covers(day, site))
            .map(convention -> convention.id)
            .toList();
    if (covering.isEmpty()) {
      return 0;
    }
    int counted = 0;
    for (Commitment commitment :
        commitments
            .find("conventionId in ?1 and kind = ?2", Sort.by("id"), covering, kind)
            .withLock(LockModeType.PESSIMISTIC_WRITE)
            .list()) {
      if (day.isAfter(commitment.dueOn) || evidence.recorded(commitment.id, source, reference)) {
        continue;
      }
      add(commitment, source, reference, amount, day, null, null);
      counted++;
    }
    return counted;
  }

  private void add(
      Commitment commitment,
      EvidenceSource source,
      String reference,
      BigDecimal amount,
      LocalDate occurredOn,
      String note,
      String author) {
    CommitmentEvidence entry = new CommitmentEvidence();
    entry.id = UUID.randomUUID();
    entry.commitmentId = commitment.id;
    entry.source = source;
    entry.reference = reference;
    entry.amount = amount;
    entry.occurredOn = occurredOn;
    entry.note = note;
    entry.author = author;
    entry.recordedAt = now.timestamp();
    evidence.persist(entry);
    commitment.progress = commitment.progress.add(amount);
    outbox.publish(
        DomainEvent.v1(
            CommitmentProgressed.NAME,
            commitment.id,
            commitment.country,
            null,
            CommitmentProgressed.of(commitment, entry)));
    if (commitment.status == CommitmentStatus.OPEN
        && commitment.progress.compareTo(commitment.target) >= 0) {
      commitment.status = CommitmentStatus.FULFILLED;
      commitment.closedAt = now.timestamp();
      outbox.publish(
          DomainEvent.v1(
              CommitmentClosed.FULFILLED,
              commitment.id,
              commitment.country,
              null,
              CommitmentClosed.of(commitment)));
    }
    commitments.flush();
  }

  /** A commitment whose convention the caller reaches, or 404. */
  Commitment reachable(UUID id, AccessScope scope, LockModeType lock) {
    Commitment commitment = commitments.findById(id, lock);
    if (commitment == null) {
      throw ProblemException.notFound("commitment");
    }
    Convention convention = conventions.findById(commitment.conventionId);
    if (!ConventionAccess.reaches(scope, convention)) {
      throw ProblemException.notFound("commitment");
    }
    return commitment;
  }

  private CommitmentView view(Commitment commitment, AccessScope scope) {
    return views(List.of(commitment), scope).getFirst();
  }

  private List<CommitmentView> views(List<Commitment> found, AccessScope scope) {
    Map<UUID, List<EvidenceView>> byCommitment = new HashMap<>();
    for (CommitmentEvidence entry : evidence.of(found.stream().map(c -> c.id).toList())) {
      byCommitment
          .computeIfAbsent(entry.commitmentId, key -> new ArrayList<>())
          .add(EvidenceView.of(entry, scope.isStaff()));
    }
    return found.stream()
        .map(c -> CommitmentView.of(c, byCommitment.getOrDefault(c.id, List.of())))
        .toList();
  }
}
