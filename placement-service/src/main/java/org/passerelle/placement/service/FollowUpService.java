package org.passerelle.placement.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.LongPredicate;
import org.passerelle.commons.events.DomainEvent;
import org.passerelle.commons.outbox.Outbox;
import org.passerelle.commons.problem.ProblemException;
import org.passerelle.commons.rest.Page;
import org.passerelle.commons.rest.Sorting;
import org.passerelle.commons.security.AccessScope;
import org.passerelle.commons.security.Roles;
import org.passerelle.commons.security.ScopeQuery;
import org.passerelle.commons.time.Now;
import org.passerelle.placement.FollowUp;
import org.passerelle.placement.FollowUpStatus;
import org.passerelle.placement.Learner;
import org.passerelle.placement.Placement;
import org.passerelle.placement.Situation;
import org.passerelle.placement.api.FollowUpAttemptRequest;
import org.passerelle.placement.api.FollowUpView;
import org.passerelle.placement.api.SituationReport;
import org.passerelle.placement.config.FollowUpsConfig;
import org.passerelle.placement.events.FollowUpRecorded;
import org.passerelle.placement.repository.FollowUpRepository;
import org.passerelle.placement.repository.LearnerRepository;
import org.passerelle.problem.ProblemType;

/**
 * Follow-ups: scheduled at the country's offsets when a learner's training ends, contacted by staff
 * once due, closed by the situation they record (or the learner's own answer) or as unreachable
 * after the configured number of attempts. A learner who did not consent to be contacted gets them
 * as NO_CONSENT, so that they are counted.
 */
@ApplicationScoped
public class FollowUpService {

  /** Which open follow-ups a list keeps: due (due day reached) or overdue (past the delay). */
  public enum Due {
    DUE,
    OVERDUE
  }

  /** The filters of the follow-up list; null means any. */
  public record Filters(UUID learnerId, String site, FollowUpStatus status, Due due) {}

  /** What the list sorts by (ADR 0040): by due date unless asked otherwise. */
  public static final Sorting SORTING =
      Sorting.of(
          "dueOn",
          "id",
          "dueOn",
          "dueOn",
          "exitDate",
          "exitDate",
          "status",
          "status",
          "site",
          "siteCode",
          "lastAttemptAt",
          "lastAttemptAt",
          "createdAt",
          "createdAt");

  private final FollowUpRepository followUps;
  private final LearnerRepository learners;
  private final PlacementService placements;
  private final FollowUpsConfig config;
  private final FollowUpCalendar calendar;
  private final Outbox outbox;
  private final Now now;

  FollowUpService(
      FollowUpRepository followUps,
      LearnerRepository learners,
      PlacementService placements,
      FollowUpsConfig config,
      FollowUpCalendar calendar,
      Outbox outbox,
      Now now) {
    this.followUps = followUps;
    this.learners = learners;
    this.placements = placements;
    this.config = config;
    this.calendar = calendar;
    this.outbox = outbox;
    this.now = now;
  }

  /**
   * The follow-ups of the learner's exit, at their country's offsets from the exit day: SCHEDULED
   * with their consent to be contacted, NO_CONSENT without it. A replayed exit adds none.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public int schedule(Learner learner) {
    int added = 0;
    for (int offset : config.offsetsMonths().getOrDefault(learner.country, List.of())) {
      long exists =
          followUps.count(
              "learnerId = ?1 and exitDate = ?2 and offsetMonths = ?3",
              learner.learnerId,
              learner.exitDate,
              offset);
      if (exists > 0) {
        continue;
      }
      FollowUp followUp = new FollowUp();
      followUp.id = UUID.randomUUID();
      followUp.learnerId = learner.learnerId;
      followUp.country = learner.country;
      followUp.siteCode = learner.siteCode;
      followUp.cohortId = learner.cohortId;
      followUp.exitKind = learner.exitKind;
      followUp.exitDate = learner.exitDate;
      followUp.offsetMonths = offset;
      followUp.dueOn = learner.exitDate.plusMonths(offset);
      followUp.status = contactable(learner) ? FollowUpStatus.SCHEDULED : FollowUpStatus.NO_CONSENT;
      followUp.createdAt = now.timestamp();
      followUps.persist(followUp);
      added++;
    }
    return added;
  }

  /**
   * The learner's consent changed: their open follow-ups are scheduled again or fall back to
   * NO_CONSENT accordingly.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public int consentChanged(Learner learner) {
    FollowUpStatus from =
        contactable(learner) ? FollowUpStatus.NO_CONSENT : FollowUpStatus.SCHEDULED;
    FollowUpStatus to = contactable(learner) ? FollowUpStatus.SCHEDULED : FollowUpStatus.NO_CONSENT;
    int changed = 0;
    for (FollowUp followUp :
        followUps.list("learnerId = ?1 and status = ?2", learner.learnerId, from)) {
      if (followUp.status.canMoveTo(to)) {
        followUp.status = to;
        changed++;
      }
    }
    return changed;
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public int learnerErased(Learner learner) {
    int blanked = followUps.eraseFreeText(learner.learnerId);
    consentChanged(learner);
    return blanked;
  }

  private static boolean contactable(Learner learner) {
    return learner.followUpConsent && learner.erasedAt == null;
  }

  /**
   * Staff tried to reach the learner and could not: after the configured number of attempts the
   * follow-up closes as UNREACHABLE (follow-up-recorded).
   */
  @Transactional
  public FollowUpView attempt(
      UUID id, FollowUpAttemptRequest request, LongPredicate ifMatch, AccessScope scope) {
    FollowUp followUp = staffFollowUp(id, scope);
    checkOpen(followUp, ifMatch, FollowUpStatus.UNREACHABLE);
    followUp.attempts++;
    followUp.lastAttemptAt = now.timestamp();
    String note = request == null || request.note() == null ? "" : request.note().strip();
    if (!note.isEmpty()) {
      String notes = followUp.notes == null ? note : followUp.notes + "\n" + note;
      followUp.notes = notes.length() > 1000 ? notes.substring(notes.length() - 1000) : notes;
    }
    if (followUp.attempts >= config.maxAttempts()) {
      followUp.status = FollowUpStatus.UNREACHABLE;
      followUp.closedAt = now.timestamp();
      announce(followUp, null);
    }
    followUps.flush();
    return view(followUp, true);
  }

  /**
   * The learner's situation at this follow-up, reported by staff (who reached them) or by the
   * learner answering their own: recorded as a placement (placement-recorded) and the follow-up
   * closed (follow-up-recorded).
   */
  @Transactional
  public FollowUpView answer(
      UUID id, SituationReport report, LongPredicate ifMatch, AccessScope scope) {
    FollowUp followUp =
        followUps
            .findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
            .orElseThrow(() -> ProblemException.notFound("follow-up"));
    FollowUp.AnsweredBy by;
    if (scope.covers(followUp.country, followUp.siteCode)) {
      if (!scope.isStaff()) {
        throw ProblemException.forbidden();
      }
      by = FollowUp.AnsweredBy.STAFF;
    } else if (ownedBy(followUp, scope)) {
      by = FollowUp.AnsweredBy.LEARNER;
    } else {
      throw ProblemException.notFound("follow-up");
    }
    checkOpen(followUp, ifMatch, FollowUpStatus.DONE);
    Learner learner = learners.findById(followUp.learnerId);
    SituationReport dated =
        report.situationOn() != null
            ? report
            : withSituationOn(report, calendar.today(followUp.country));
    Placement placement = placements.fromFollowUp(learner, followUp.id, dated, scope.subject());
    followUp.status = FollowUpStatus.DONE;
    followUp.placementId = placement.id;
    followUp.answeredBy = by;
    followUp.closedAt = now.timestamp();
    announce(followUp, placement.situation);
    followUps.flush();
    return view(followUp, by == FollowUp.AnsweredBy.STAFF);
  }

  private static SituationReport withSituationOn(SituationReport report, LocalDate on) {
    return new SituationReport(
        report.situation(),
        on,
        report.startDate(),
        report.employerPartnerId(),
        report.employerName(),
        report.contractType(),
        report.durationMonths(),
        report.workingTime(),
        report.salaryBand(),
        report.matchesTraining(),
        report.evidenceKind(),
        report.evidenceNote());
  }

  /** An open follow-up whose due day came, at the version the caller read. */
  private void checkOpen(FollowUp followUp, LongPredicate ifMatch, FollowUpStatus target) {
    if (!ifMatch.test(followUp.version)) {
      throw new ProblemException(ProblemType.PRECONDITION_FAILED, "precondition-failed.detail");
    }
    if (followUp.status != FollowUpStatus.SCHEDULED || !followUp.status.canMoveTo(target)) {
      throw new ProblemException(
          ProblemType.ILLEGAL_TRANSITION, "illegal-transition.detail", followUp.status, target);
    }
    LocalDate today = calendar.today(followUp.country);
    if (followUp.dueOn.isAfter(today)) {
      throw new ProblemException(
          ProblemType.CONFLICT, "conflict.follow-up-not-due", followUp.dueOn);
    }
  }

  private void announce(FollowUp followUp, Situation situation) {
    outbox.publish(
        DomainEvent.v1(
            FollowUpRecorded.NAME,
            followUp.id,
            followUp.country,
            followUp.siteCode,
            FollowUpRecorded.of(followUp, situation)));
  }

  @Transactional
  public Page<FollowUpView> list(Filters filters, int page, int size, AccessScope scope) {
    return list(filters, SORTING.parse(null), page, size, scope);
  }

  /** The same, in the order asked for (ADR 0040). */
  @Transactional
  public Page<FollowUpView> list(
      Filters filters, Sorting.Order order, int page, int size, AccessScope scope) {
    Map<String, Object> parameters = new HashMap<>();
    List<String> where = new ArrayList<>();
    boolean staff = scope.isStaff();
    if (staff || scope.has(Roles.INTEGRATION)) {
      where.add(ScopeQuery.staff(scope, parameters, "country", "siteCode"));
    } else {
      UUID own = LearnerAccess.own(learners, scope).map(learner -> learner.learnerId).orElse(null);
      if (own == null) {
        return new Page<>(List.of(), page, size, 0);
      }
      where.add("learnerId = :own and status <> :noConsent");
      parameters.put("own", own);
      parameters.put("noConsent", FollowUpStatus.NO_CONSENT);
    }
    if (filters.learnerId() != null) {
      where.add("learnerId = :learnerId");
      parameters.put("learnerId", filters.learnerId());
    }
    if (filters.site() != null) {
      where.add("siteCode = :site");
      parameters.put("site", filters.site());
    }
    if (filters.status() != null) {
      where.add("status = :status");
      parameters.put("status", filters.status());
    }
    if (filters.due() != null) {
      where.add(dueCondition(filters.due(), parameters));
    }
    var query = followUps.find(String.join(" and ", where), order.sort(), parameters);
    return Page.of(query, page, size, followUp -> view(followUp, staff));
  }

  /**
   * Open follow-ups whose due day came (or passed the overdue delay) in their country's calendar.
   */
  private String dueCondition(Due due, Map<String, Object> parameters) {
    parameters.put("scheduled", FollowUpStatus.SCHEDULED);
    List<String> byCountry = new ArrayList<>();
    int i = 0;
    for (String country : new TreeSet<>(config.timeZones().keySet())) {
      LocalDate limit = calendar.today(country);
      if (due == Due.OVERDUE) {
        limit = limit.minusDays(config.overdueAfterDays() + 1L);
      }
      byCountry.add("(country = :dueCountry" + i + " and dueOn <= :dueLimit" + i + ")");
      parameters.put("dueCountry" + i, country);
      parameters.put("dueLimit" + i, limit);
      i++;
    }
    return byCountry.isEmpty()
        ? ScopeQuery.NOTHING
        : "status = :scheduled and (" + String.join(" or ", byCountry) + ")";
  }

  @Transactional
  public FollowUpView get(UUID id, AccessScope scope) {
    FollowUp followUp =
        followUps.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("follow-up"));
    if (scope.covers(followUp.country, followUp.siteCode)) {
      return view(followUp, scope.isStaff());
    }
    if (!ownedBy(followUp, scope) || followUp.status == FollowUpStatus.NO_CONSENT) {
      throw ProblemException.notFound("follow-up");
    }
    return view(followUp, false);
  }

  private FollowUp staffFollowUp(UUID id, AccessScope scope) {
    FollowUp followUp =
        followUps
            .findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
            .filter(found -> scope.covers(found.country, found.siteCode))
            .orElseThrow(() -> ProblemException.notFound("follow-up"));
    if (!scope.isStaff()) {
      throw ProblemException.forbidden();
    }
    return followUp;
  }

  private boolean ownedBy(FollowUp followUp, AccessScope scope) {
    return followUp.status != FollowUpStatus.NO_CONSENT
        && LearnerAccess.own(learners, scope)
            .filter(learner -> learner.learnerId.equals(followUp.learnerId))
            .isPresent();
  }

  private FollowUpView view(FollowUp followUp, boolean staff) {
    return FollowUpView.of(
        followUp, calendar.today(followUp.country), config.overdueAfterDays(), staff);
  }
}
