package org.passerelle.placement.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.passerelle.placement.IndicatorClosure;
import org.passerelle.placement.IndicatorClosureRevision;
import org.passerelle.placement.api.ApplicationFacts;
import org.passerelle.placement.api.IndicatorsView;
import org.passerelle.placement.api.LearnerFacts;
import org.passerelle.placement.repository.IndicatorClosureRepository;
import org.passerelle.placement.repository.IndicatorClosureRevisionRepository;

/**
 * The facts the indicators of a period are computed from, closed periods included: for a country
 * whose period [from, to] was closed, the facts frozen by its latest revision, whatever arrived
 * since; for the others the live facts of {@link LearnerFactsService}. A recomputation from the
 * live facts of a closed period's learners gives its figures as long as no late event changed them.
 */
@ApplicationScoped
public class IndicatorFactsService {

  /**
   * How far back before a period a learner's exit can still count in it: the latest measurement
   * after an exit is 12 months (follow-ups), so two years is more than enough.
   */
  static final int LOOKBACK_MONTHS = 24;

  private static final TypeReference<List<LearnerFacts>> LEARNERS = new TypeReference<>() {};
  private static final TypeReference<List<ApplicationFacts>> APPLICATIONS =
      new TypeReference<>() {};

  /**
   * The facts of some countries' period, and the closed periods that some of them were read from
   * (one per closed country, empty when every country was live).
   */
  public record Facts(
      List<LearnerFacts> learners,
      List<ApplicationFacts> applications,
      List<IndicatorsView.Closure> closures) {

    public Facts {
      learners = List.copyOf(learners);
      applications = List.copyOf(applications);
      closures = List.copyOf(closures);
    }

    /** The revision of the one closed period these facts were read from; null when live. */
    public Integer closureRevision() {
      return closures.size() == 1 ? closures.getFirst().revision() : null;
    }
  }

  private final LearnerFactsService live;
  private final IndicatorClosureRepository closures;
  private final IndicatorClosureRevisionRepository revisions;
  private final ObjectMapper mapper;

  IndicatorFactsService(
      LearnerFactsService live,
      IndicatorClosureRepository closures,
      IndicatorClosureRevisionRepository revisions,
      ObjectMapper mapper) {
    this.live = live;
    this.closures = closures;
    this.revisions = revisions;
    // frozen facts written by an older shape of the records stay readable
    this.mapper = mapper.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  /** The facts of these countries' period [from, to]: frozen where it was closed, else live. */
  @Transactional
  public Facts of(Set<String> countries, LocalDate from, LocalDate to) {
    List<LearnerFacts> learners = new ArrayList<>();
    List<ApplicationFacts> applications = new ArrayList<>();
    List<IndicatorsView.Closure> closed = new ArrayList<>();
    Set<String> open = new TreeSet<>();
    for (String country : new TreeSet<>(countries)) {
      var closure = closures.of(country, from, to);
      var revision = closure.flatMap(found -> revisions.latest(found.id));
      if (revision.isEmpty()) {
        open.add(country);
        continue;
      }
      learners.addAll(learners(revision.get()));
      applications.addAll(applications(revision.get()));
      closed.add(closure(closure.get(), revision.get()));
    }
    if (!open.isEmpty()) {
      learners.addAll(live.learners(open));
      applications.addAll(live.applications(open));
    }
    return new Facts(learners, applications, closed);
  }

  /**
   * The live facts of a country that its period [from, to] may count, as a closure freezes them:
   * every learner and application but those no attribution (cohort start, cohort end, measurement
   * after the exit) can place in it.
   */
  Facts live(String country, LocalDate from, LocalDate to) {
    Set<String> countries = Set.of(country);
    return new Facts(
        live.learners(countries).stream().filter(facts -> concerns(facts, from, to)).toList(),
        live.applications(countries).stream().filter(facts -> concerns(facts, from, to)).toList(),
        List.of());
  }

  /**
   * Whether a learner may count in the period: not when everything known of their training happened
   * after it, nor when their training ended long before it. Unknown dates keep them (they may count
   * as unknowns).
   */
  static boolean concerns(LearnerFacts facts, LocalDate from, LocalDate to) {
    List<LocalDate> known =
        Stream.of(
                facts.cohortStartDate(),
                facts.enrolledOn(),
                facts.cohortEndDate(),
                facts.exitDate())
            .filter(Objects::nonNull)
            .sorted()
            .toList();
    boolean afterward = facts.cohortStartDate() != null && known.getFirst().isAfter(to);
    boolean longBefore =
        facts.cohortEndDate() != null
            && known.getLast().isBefore(from.minusMonths(LOOKBACK_MONTHS));
    return !afterward && !longBefore;
  }

  /** Whether an application may count in the period (by its cohort's start or its submission). */
  static boolean concerns(ApplicationFacts facts, LocalDate from, LocalDate to) {
    return facts.cohortStartDate() == null
        || within(facts.cohortStartDate(), from, to)
        || (facts.submittedOn() != null && within(facts.submittedOn(), from, to));
  }

  private static boolean within(LocalDate day, LocalDate from, LocalDate to) {
    return !day.isBefore(from) && !day.isAfter(to);
  }

  static IndicatorsView.Closure closure(
      IndicatorClosure closure, IndicatorClosureRevision revision) {
    return new IndicatorsView.Closure(
        closure.id, closure.country, revision.revision, closure.closedAt);
  }

  String json(List<?> facts) {
    try {
      return mapper.writeValueAsString(facts);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot freeze the indicator facts", e);
    }
  }

  List<LearnerFacts> learners(IndicatorClosureRevision revision) {
    return read(revision.learners, LEARNERS);
  }

  List<ApplicationFacts> applications(IndicatorClosureRevision revision) {
    return read(revision.applications, APPLICATIONS);
  }

  private <T> List<T> read(String json, TypeReference<List<T>> type) {
    try {
      return mapper.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable frozen indicator facts", e);
    }
  }
}
