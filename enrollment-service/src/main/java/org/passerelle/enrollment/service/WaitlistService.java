package org.passerelle.enrollment.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.passerelle.commons.problem.ProblemException;
import org.passerelle.commons.security.AccessScope;
import org.passerelle.commons.time.Now;
import org.passerelle.enrollment.Application;
import org.passerelle.enrollment.ApplicationStatus;
import org.passerelle.enrollment.Intake;
import org.passerelle.enrollment.api.WaitlistEntry;
import org.passerelle.enrollment.config.EnrollmentConfig;
import org.passerelle.enrollment.repository.ApplicationRepository;
import org.passerelle.enrollment.repository.IntakeRepository;

/**
 * An intake's waitlist, in the order the school configured (e.g. priority publics first, then the
 * test score, then the date), and the promotion of its head when a seat frees before the start.
 */
@ApplicationScoped
public class WaitlistService {

  private static final Logger LOG = Logger.getLogger(WaitlistService.class);

  /** The rules an order is made of, in {@code passerelle.enrollment.waitlist.order}. */
  public enum Rule {
    PRIORITY_PUBLIC(
        Comparator.comparing(
            (Application application) -> application.applicant.priorityPublics().isEmpty())),
    TEST_SCORE(
        Comparator.comparing(
            (Application application) -> application.testScore,
            Comparator.nullsLast(Comparator.<Integer>reverseOrder()))),
    WAITLISTED_AT(
        Comparator.comparing(
            (Application application) -> application.waitlistedAt,
            Comparator.nullsLast(Comparator.naturalOrder()))),
    SUBMITTED_AT(Comparator.comparing((Application application) -> application.submittedAt));

    private final Comparator<Application> comparator;

    Rule(Comparator<Application> comparator) {
      this.comparator = comparator;
    }
  }

  private final ApplicationRepository applications;
  private final IntakeRepository intakes;
  private final SelectionService selection;
  private final Comparator<Application> order;
  private final Now now;

  WaitlistService(
      ApplicationRepository applications,
      IntakeRepository intakes,
      SelectionService selection,
      EnrollmentConfig config,
      Now now) {
    this.applications = applications;
    this.intakes = intakes;
    this.selection = selection;
    this.order = order(config.waitlist().order());
    this.now = now;
  }

  /** The comparator for these rule names; an unknown name stops the service at start. */
  public static Comparator<Application> order(List<String> rules) {
    Comparator<Application> order = (a, b) -> 0;
    for (String rule : rules) {
      order = order.thenComparing(Rule.valueOf(rule.strip()).comparator);
    }
    // The same inputs always give the same order.
    return order
        .thenComparing(application -> application.submittedAt)
        .thenComparing(application -> application.id);
  }

  /** The waitlist of an intake staff reach, in order. */
  @Transactional
  public List<WaitlistEntry> of(UUID intakeId, AccessScope scope) {
    Intake intake =
        intakes
            .findByIdOptional(intakeId)
            .filter(found -> scope.covers(found.country, found.siteCode))
            .orElseThrow(() -> ProblemException.notFound("intake"));
    List<Application> waiting = waiting(intake.id);
    return java.util.stream.IntStream.range(0, waiting.size())
        .mapToObj(position -> WaitlistEntry.of(position + 1, waiting.get(position)))
        .toList();
  }

  /**
   * A seat of this intake's cohort freed: before the start, the head of the waitlist is accepted
   * (cohort-service then seats it). Returns the promoted application, if any.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<Application> seatFreed(UUID intakeId) {
    Intake intake = intakes.findByIdOptional(intakeId, LockModeType.PESSIMISTIC_WRITE).orElse(null);
    LocalDate today = now.today(ZoneOffset.UTC);
    if (intake == null || !intake.recruiting() || !today.isBefore(intake.startDate)) {
      LOG.debugf("seat freed in intake %s: not before its start, nobody promoted", intakeId);
      return Optional.empty();
    }
    Optional<Application> head = waiting(intakeId).stream().findFirst();
    head.ifPresent(selection::promote);
    return head;
  }

  private List<Application> waiting(UUID intakeId) {
    return applications
        .list("intakeId = ?1 and status = ?2", intakeId, ApplicationStatus.WAITLISTED)
        .stream()
        .sorted(order)
        .toList();
  }
}
