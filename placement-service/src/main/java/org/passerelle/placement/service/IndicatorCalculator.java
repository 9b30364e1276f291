package org.passerelle.placement.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;
import org.passerelle.placement.FollowUpStatus;
import org.passerelle.placement.Learner;
import org.passerelle.placement.Situation;
import org.passerelle.placement.api.ApplicationFacts;
import org.passerelle.placement.api.IndicatorDefinition;
import org.passerelle.placement.api.IndicatorDefinition.Attribution;
import org.passerelle.placement.api.IndicatorDefinition.Breakdown;
import org.passerelle.placement.api.IndicatorDefinition.Formula;
import org.passerelle.placement.api.IndicatorDefinition.Kind;
import org.passerelle.placement.api.IndicatorsView;
import org.passerelle.placement.api.LearnerFacts;

/**
 * The impact indicators' formulas (docs/indicators.md), as pure functions of learners' and
 * applications' facts: no database, no clock, so that a past period recomputed from the same facts
 * gives the same figures. Each formula yields, per category, the ids it counts in its numerator,
 * denominator and unknowns; a figure is their sizes, suppressed when a cell is small enough to
 * single a person out.
 */
public final class IndicatorCalculator {

  /** The category of a withdrawal without a coded reason. */
  public static final String NOT_CODED = "NOT_CODED";

  public static final String SUPPRESSION_RULE =
      "A figure is withheld (no number) when its denominator counts between 1 and minCell - 1"
          + " people, or its numerator is between 1 and minCell - 1.";

  /** The jury's outcome of a full certification, as cohort-service sends it. */
  static final String CERTIFIED = "CERTIFIED";

  private static final int SCALE = 4;

  /** What figures are grouped by (the query parameter's values, in lower case). */
  public enum GroupBy {
    COUNTRY,
    SITE,
    PROGRAMME,
    COHORT,
    FUNDER;

    public String parameter() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * What one figure counts. {@code people} is the number of learners (or applications) behind the
   * denominator: the cell size; it equals the denominator except for attendance, counted in days.
   */
  public record Tally(
      long numerator,
      Long denominator,
      Long unknown,
      long people,
      List<UUID> numeratorIds,
      List<UUID> denominatorIds,
      List<UUID> unknownIds) {}

  /**
   * What the calculator knows beyond the facts counted: the smallest cell shown, the competency
   * blocks of each programme (a programme has a block when any of its learners obtained it) and the
   * funders of each cohort (to place applications, which name only their cohort).
   */
  public record Context(
      int minCell, Map<String, Set<String>> programmeBlocks, Map<UUID, List<UUID>> cohortFunders) {

    /** The context read from every learner loaded, before any scope or filter narrows them. */
    public static Context of(int minCell, Collection<LearnerFacts> learners) {
      Map<String, Set<String>> blocks = new HashMap<>();
      Map<UUID, List<UUID>> funders = new HashMap<>();
      for (LearnerFacts learner : learners) {
        if (learner.programmeCode() != null && learner.certificationBlocks() != null) {
          blocks
              .computeIfAbsent(learner.programmeCode(), code -> new TreeSet<>())
              .addAll(learner.certificationBlocks());
        }
        if (learner.cohortId() != null && learner.funderPartnerIds() != null) {
          funders.putIfAbsent(learner.cohortId(), List.copyOf(learner.funderPartnerIds()));
        }
      }
      return new Context(minCell, blocks, funders);
    }

    public List<UUID> fundersOf(UUID cohortId) {
      return cohortId == null ? List.of() : cohortFunders.getOrDefault(cohortId, List.of());
    }
  }

  private final Context context;

  public IndicatorCalculator(Context context) {
    this.context = context;
  }

  // --- groups

  /**
   * The figures of these definitions for [from, to], per group. A learner is counted in every group
   * of their cohort's funders when grouped by funder; a group where no figure counts anyone is left
   * out. Groups are ordered by their key, figures by the definitions' order then category.
   */
  public List<IndicatorsView.Group> groups(
      List<IndicatorDefinition> definitions,
      GroupBy groupBy,
      LocalDate from,
      LocalDate to,
      List<LearnerFacts> learners,
      List<ApplicationFacts> applications) {
    Map<IndicatorsView.Key, List<LearnerFacts>> learnersByKey = new LinkedHashMap<>();
    Map<IndicatorsView.Key, List<ApplicationFacts>> applicationsByKey = new LinkedHashMap<>();
    for (LearnerFacts learner : learners) {
      for (IndicatorsView.Key key : keys(groupBy, learner)) {
        learnersByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(learner);
      }
    }
    for (ApplicationFacts application : applications) {
      for (IndicatorsView.Key key : keys(groupBy, application)) {
        applicationsByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(application);
      }
    }
    Set<IndicatorsView.Key> keys =
        new TreeSet<>(Comparator.comparing(IndicatorCalculator::sortKey));
    keys.addAll(learnersByKey.keySet());
    keys.addAll(applicationsByKey.keySet());
    List<IndicatorsView.Group> groups = new ArrayList<>();
    for (IndicatorsView.Key key : keys) {
      List<LearnerFacts> groupLearners = learnersByKey.getOrDefault(key, List.of());
      List<ApplicationFacts> groupApplications = applicationsByKey.getOrDefault(key, List.of());
      Set<String> countries = new TreeSet<>();
      groupLearners.forEach(learner -> countries.add(learner.country()));
      groupApplications.forEach(application -> countries.add(application.country()));
      String country = countries.size() == 1 ? countries.iterator().next() : null;
      List<IndicatorsView.Figure> figures = new ArrayList<>();
      boolean countsAnyone = false;
      for (IndicatorDefinition definition : definitions) {
        if (definition.countries().stream().noneMatch(countries::contains)) {
          continue;
        }
        for (Map.Entry<String, Tally> tally :
            tally(definition, from, to, groupLearners, groupApplications).entrySet()) {
          countsAnyone |= countsAnyone(tally.getValue());
          figures.add(figure(definition, tally.getKey(), tally.getValue(), country));
        }
      }
      if (countsAnyone) {
        groups.add(new IndicatorsView.Group(key, figures));
      }
    }
    return groups;
  }

  /** How many figures of these groups are suppressed. */
  public static int suppressed(List<IndicatorsView.Group> groups) {
    return (int)
        groups.stream()
            .flatMap(group -> group.figures().stream())
            .filter(IndicatorsView.Figure::suppressed)
            .count();
  }

  private static boolean countsAnyone(Tally tally) {
    return tally.numerator() > 0
        || tally.people() > 0
        || (tally.unknown() != null && tally.unknown() > 0);
  }

  private List<IndicatorsView.Key> keys(GroupBy groupBy, LearnerFacts learner) {
    return keys(
        groupBy,
        learner.country(),
        learner.siteCode(),
        learner.programmeCode(),
        learner.cohortId(),
        learner.funderPartnerIds());
  }

  private List<IndicatorsView.Key> keys(GroupBy groupBy, ApplicationFacts application) {
    return keys(
        groupBy,
        application.country(),
        application.siteCode(),
        application.programmeCode(),
        application.cohortId(),
        context.fundersOf(application.cohortId()));
  }

  private static List<IndicatorsView.Key> keys(
      GroupBy groupBy,
      String country,
      String site,
      String programme,
      UUID cohort,
      List<UUID> funders) {
    IndicatorsView.Key key =
        switch (groupBy) {
          case COUNTRY ->
              country == null ? null : new IndicatorsView.Key(country, null, null, null, null);
          case SITE -> site == null ? null : new IndicatorsView.Key(null, site, null, null, null);
          case PROGRAMME ->
              programme == null ? null : new IndicatorsView.Key(null, null, programme, null, null);
          case COHORT ->
              cohort == null ? null : new IndicatorsView.Key(null, null, null, cohort, null);
          case FUNDER -> null;
        };
    if (groupBy != GroupBy.FUNDER) {
      return key == null ? List.of() : List.of(key);
    }
    if (funders == null) {
      return List.of();
    }
    return funders.stream()
        .distinct()
        .map(funder -> new IndicatorsView.Key(null, null, null, null, funder))
        .toList();
  }

  private static String sortKey(IndicatorsView.Key key) {
    return Objects.toString(key.country(), "")
        + "|"
        + Objects.toString(key.site(), "")
        + "|"
        + Objects.toString(key.programmeCode(), "")
        + "|"
        + Objects.toString(key.cohortId(), "")
        + "|"
        + Objects.toString(key.funderPartnerId(), "");
  }

  // --- figures

  /**
   * A tally as the API shows it: the value and response rate to four decimals, the threshold of the
   * group's country (when the group has one country), nothing but the definition when the cell is
   * small.
   */
  public IndicatorsView.Figure figure(
      IndicatorDefinition definition, String category, Tally tally, String country) {
    IndicatorDefinition.ThresholdRule rule =
        country == null ? null : definition.thresholds().get(country);
    if (suppressed(definition, tally)) {
      return new IndicatorsView.Figure(
          definition.id(),
          definition.version(),
          category,
          null,
          null,
          null,
          null,
          null,
          true,
          rule == null
              ? null
              : new IndicatorsView.Threshold(rule.min(), rule.max(), null, rule.source()));
    }
    BigDecimal value =
        tally.denominator() == null || tally.denominator() == 0
            ? null
            : ratio(tally.numerator(), tally.denominator());
    BigDecimal responseRate =
        tally.unknown() == null || tally.people() + tally.unknown() == 0
            ? null
            : ratio(tally.people(), tally.people() + tally.unknown());
    IndicatorsView.Threshold threshold = null;
    if (rule != null) {
      Boolean met =
          value == null
              ? null
              : (rule.min() == null || value.compareTo(rule.min()) >= 0)
                  && (rule.max() == null || value.compareTo(rule.max()) <= 0);
      threshold = new IndicatorsView.Threshold(rule.min(), rule.max(), met, rule.source());
    }
    return new IndicatorsView.Figure(
        definition.id(),
        definition.version(),
        category,
        tally.numerator(),
        tally.denominator(),
        value,
        tally.unknown(),
        responseRate,
        false,
        threshold);
  }

  /**
   * Whether the figure could single a person out: between 1 and minCell - 1 people behind its
   * denominator, or in its numerator (attendance's numerator counts days, its people are those of
   * the denominator). Zero is shown: it names nobody.
   */
  boolean suppressed(IndicatorDefinition definition, Tally tally) {
    int min = context.minCell();
    boolean smallNumerator = tally.numerator() > 0 && tally.numerator() < min;
    if (definition.kind() == Kind.COUNT) {
      return smallNumerator;
    }
    boolean smallCell = tally.people() > 0 && tally.people() < min;
    if (definition.formula() == Formula.ATTENDANCE) {
      return smallCell;
    }
    return smallCell || smallNumerator;
  }

  private static BigDecimal ratio(long numerator, long denominator) {
    return BigDecimal.valueOf(numerator)
        .divide(BigDecimal.valueOf(denominator), SCALE, RoundingMode.HALF_UP);
  }

  // --- tallies

  /**
   * What one definition counts among these facts for [from, to]: one tally per category, the
   * overall one (category null) first, then the categories in order. Only learners and applications
   * of the definition's countries are counted.
   */
  public Map<String, Tally> tally(
      IndicatorDefinition definition,
      LocalDate from,
      LocalDate to,
      List<LearnerFacts> learners,
      List<ApplicationFacts> applications) {
    Set<String> countries = Set.copyOf(definition.countries());
    List<LearnerFacts> counted =
        learners.stream().filter(learner -> countries.contains(learner.country())).toList();
    IndicatorDefinition.Parameters parameters = definition.parameters();
    Integer months =
        parameters.offsetMonths() != null ? parameters.offsetMonths() : parameters.withinMonths();
    List<LearnerFacts> population = attributed(counted, definition.attribution(), months, from, to);
    Map<String, Tally> tallies = new LinkedHashMap<>();
    switch (definition.formula()) {
      case APPLICATIONS -> {
        List<UUID> ids =
            applications.stream()
                .filter(application -> countries.contains(application.country()))
                .filter(application -> within(application.cohortStartDate(), from, to))
                .filter(
                    application ->
                        !Boolean.TRUE.equals(parameters.acceptedOnly()) || application.accepted())
                .map(ApplicationFacts::applicationId)
                .toList();
        tallies.put(null, count(ids));
      }
      case ENTRANTS -> {
        List<UUID> ids = population.stream().map(LearnerFacts::learnerId).toList();
        tallies.put(null, count(ids));
      }
      case EXIT_KIND -> exitKind(definition, population, tallies);
      case CERTIFICATION_PRESENTED -> {
        tallies.put(
            null,
            rate(
                population,
                IndicatorCalculator::presented,
                IndicatorCalculator::exited,
                learner -> !exited(learner)));
      }
      case CERTIFICATION_OUTCOME -> {
        Set<String> outcomes = Set.copyOf(parameters.outcomes());
        tallies.put(
            null,
            rate(
                population,
                learner -> outcomes.contains(learner.certificationOutcome()),
                IndicatorCalculator::presented,
                learner -> !exited(learner)));
      }
      case BLOCK_CERTIFICATION -> blocks(population, tallies);
      case ATTENDANCE -> tallies.put(null, attendance(population));
      case CATEGORY_SHARE -> tallies.put(null, share(parameters, population));
      case SITUATION_AT -> {
        int offset = parameters.offsetMonths();
        Set<Situation> situations = situations(parameters.situations());
        boolean durableOnly = Boolean.TRUE.equals(parameters.durableOnly());
        Map<UUID, Optional<Observed>> observed = new HashMap<>();
        population.forEach(
            learner -> observed.put(learner.learnerId(), situationAt(learner, offset)));
        tallies.put(
            null,
            rate(
                population,
                learner ->
                    observed
                        .get(learner.learnerId())
                        .filter(seen -> situations.contains(seen.situation()))
                        .filter(seen -> !durableOnly || seen.durableEmployment())
                        .isPresent(),
                learner -> observed.get(learner.learnerId()).isPresent(),
                learner -> observed.get(learner.learnerId()).isEmpty()));
      }
      case JOB_WITHIN -> {
        int window = parameters.withinMonths();
        Set<Situation> situations = situations(parameters.situations());
        Predicate<LearnerFacts> held = learner -> heldWithin(learner, window, situations);
        Predicate<LearnerFacts> known =
            learner -> held.test(learner) || situationAt(learner, window).isPresent();
        tallies.put(null, rate(population, held, known, known.negate()));
      }
    }
    return tallies;
  }

  private void exitKind(
      IndicatorDefinition definition, List<LearnerFacts> population, Map<String, Tally> tallies) {
    Set<String> kinds = Set.copyOf(definition.parameters().exitKinds());
    Predicate<LearnerFacts> counted =
        learner -> exited(learner) && kinds.contains(learner.exitKind().name());
    tallies.put(
        null, rate(population, counted, IndicatorCalculator::exited, learner -> !exited(learner)));
    if (definition.breakdown() == Breakdown.EXIT_REASON) {
      Set<String> reasons = new TreeSet<>();
      population.stream().filter(counted).forEach(learner -> reasons.add(reason(learner)));
      for (String reason : reasons) {
        tallies.put(
            reason,
            rate(
                population,
                counted.and(learner -> reason.equals(reason(learner))),
                IndicatorCalculator::exited,
                learner -> !exited(learner)));
      }
    }
  }

  private static String reason(LearnerFacts learner) {
    return learner.exitReason() == null || learner.exitReason().isBlank()
        ? NOT_CODED
        : learner.exitReason();
  }

  private void blocks(List<LearnerFacts> population, Map<String, Tally> tallies) {
    Set<String> blocks = new TreeSet<>();
    population.forEach(learner -> blocks.addAll(blocksOf(learner.programmeCode())));
    for (String block : blocks) {
      Predicate<LearnerFacts> hasBlock =
          learner -> blocksOf(learner.programmeCode()).contains(block);
      Predicate<LearnerFacts> obtained =
          learner ->
              presented(learner)
                  && (CERTIFIED.equals(learner.certificationOutcome())
                      || (learner.certificationBlocks() != null
                          && learner.certificationBlocks().contains(block)));
      tallies.put(
          block,
          rate(
              population.stream().filter(hasBlock).toList(),
              obtained,
              IndicatorCalculator::presented,
              learner -> !exited(learner)));
    }
  }

  private Set<String> blocksOf(String programme) {
    return programme == null
        ? Set.of()
        : context.programmeBlocks().getOrDefault(programme, Set.of());
  }

  private static Tally attendance(List<LearnerFacts> population) {
    long attended = 0;
    long sessions = 0;
    List<UUID> known = new ArrayList<>();
    List<UUID> unknown = new ArrayList<>();
    for (LearnerFacts learner : population) {
      if (learner.sessionDays() != null
          && learner.attendedDays() != null
          && learner.sessionDays() > 0) {
        attended += learner.attendedDays();
        sessions += learner.sessionDays();
        known.add(learner.learnerId());
      } else {
        unknown.add(learner.learnerId());
      }
    }
    return new Tally(
        attended,
        sessions,
        (long) unknown.size(),
        known.size(),
        sorted(known),
        sorted(known),
        sorted(unknown));
  }

  private static Tally share(
      IndicatorDefinition.Parameters parameters, List<LearnerFacts> population) {
    Set<String> values = Set.copyOf(parameters.values());
    Set<String> unknownValues =
        parameters.unknownValues() == null ? Set.of() : Set.copyOf(parameters.unknownValues());
    Predicate<LearnerFacts> known;
    Predicate<LearnerFacts> counted;
    switch (parameters.field()) {
      case "gender" -> {
        known = learner -> learner.gender() != null && !unknownValues.contains(learner.gender());
        counted = learner -> values.contains(learner.gender());
      }
      case "educationLevel" -> {
        known =
            learner ->
                learner.educationLevel() != null
                    && !unknownValues.contains(learner.educationLevel());
        counted = learner -> values.contains(learner.educationLevel());
      }
      case "priorityPublics" -> {
        known = learner -> learner.priorityPublics() != null;
        counted = learner -> learner.priorityPublics().stream().anyMatch(values::contains);
      }
      case "jobSeeker" -> {
        known = learner -> learner.jobSeeker() != null;
        counted = learner -> values.contains(learner.jobSeeker().toString());
      }
      default -> throw new IllegalArgumentException("unknown category field " + parameters.field());
    }
    return rate(population, known.and(counted), known, known.negate());
  }

  /** A count: the ids in its numerator, no denominator nor unknown. */
  private static Tally count(List<UUID> ids) {
    return new Tally(ids.size(), null, null, 0, sorted(ids), List.of(), List.of());
  }

  /**
   * A rate over a population: numerator among the denominator (a numerator outside the denominator
   * is not counted), unknowns apart.
   */
  private static Tally rate(
      List<LearnerFacts> population,
      Predicate<LearnerFacts> numerator,
      Predicate<LearnerFacts> denominator,
      Predicate<LearnerFacts> unknown) {
    List<UUID> numeratorIds = new ArrayList<>();
    List<UUID> denominatorIds = new ArrayList<>();
    List<UUID> unknownIds = new ArrayList<>();
    for (LearnerFacts learner : population) {
      if (denominator.test(learner)) {
        denominatorIds.add(learner.learnerId());
        if (numerator.test(learner)) {
          numeratorIds.add(learner.learnerId());
        }
      } else if (unknown.test(learner)) {
        unknownIds.add(learner.learnerId());
      }
    }
    return new Tally(
        numeratorIds.size(),
        (long) denominatorIds.size(),
        (long) unknownIds.size(),
        denominatorIds.size(),
        sorted(numeratorIds),
        sorted(denominatorIds),
        sorted(unknownIds));
  }

  private static List<UUID> sorted(List<UUID> ids) {
    return ids.stream().sorted().toList();
  }

  // --- who is counted when

  /**
   * The learners a definition places in [from, to]: entrants whose cohort started (or who enrolled,
   * when later) in it, entrants whose cohort ended in it, or leavers whose exit plus {@code
   * offsetMonths} falls in it.
   */
  static List<LearnerFacts> attributed(
      List<LearnerFacts> learners,
      Attribution attribution,
      Integer offsetMonths,
      LocalDate from,
      LocalDate to) {
    return learners.stream()
        .filter(IndicatorCalculator::entrant)
        .filter(
            learner ->
                switch (attribution) {
                  case COHORT_START -> within(startDay(learner), from, to);
                  case COHORT_END -> within(learner.cohortEndDate(), from, to);
                  case MEASUREMENT ->
                      exited(learner)
                          && within(learner.exitDate().plusMonths(offsetMonths), from, to);
                })
        .toList();
  }

  /**
   * The day a learner entered: the cohort's start, or the day they got their seat when later and
   * the cohort was still running. A seat recorded after the cohort's end (a history entered after
   * the fact) enters them on the start: the recording day must not move them to another period.
   */
  static LocalDate startDay(LearnerFacts learner) {
    if (learner.cohortStartDate() == null) {
      return null;
    }
    LocalDate seat = learner.enrolledOn();
    if (seat == null || !seat.isAfter(learner.cohortStartDate())) {
      return learner.cohortStartDate();
    }
    boolean whileRunning =
        learner.cohortEndDate() == null || !seat.isAfter(learner.cohortEndDate());
    return whileRunning ? seat : learner.cohortStartDate();
  }

  /**
   * An entrant: enrolled and did not withdraw before the cohort started (flagged, or a withdrawal
   * dated before the start). A transfer keeps a learner an entrant, in their latest cohort.
   */
  static boolean entrant(LearnerFacts learner) {
    if (learner.withdrewBeforeStart()) {
      return false;
    }
    return !(learner.exitKind() == Learner.ExitKind.WITHDREW
        && learner.exitDate() != null
        && learner.cohortStartDate() != null
        && learner.exitDate().isBefore(learner.cohortStartDate()));
  }

  private static boolean exited(LearnerFacts learner) {
    return learner.exitKind() != null && learner.exitDate() != null;
  }

  private static boolean presented(LearnerFacts learner) {
    return exited(learner) && learner.certificationOutcome() != null;
  }

  private static boolean within(LocalDate day, LocalDate from, LocalDate to) {
    return day != null && !day.isBefore(from) && !day.isAfter(to);
  }

  // --- situations after the exit

  /** A situation known at a day, and whether it was durable employment by the country's rule. */
  record Observed(Situation situation, boolean durableEmployment) {}

  /**
   * The learner's situation at exit + {@code months}: the DONE follow-up at that offset, else the
   * recorded situation covering that day (the latest started), else unknown. A situation recorded
   * as UNKNOWN is unknown.
   */
  static Optional<Observed> situationAt(LearnerFacts learner, int months) {
    if (!exited(learner)) {
      return Optional.empty();
    }
    if (learner.followUps() != null) {
      for (LearnerFacts.FollowUpFact followUp : learner.followUps()) {
        if (followUp.offsetMonths() == months
            && followUp.status() == FollowUpStatus.DONE
            && followUp.situation() != null
            && followUp.situation() != Situation.UNKNOWN) {
          return Optional.of(new Observed(followUp.situation(), followUp.durableEmployment()));
        }
      }
    }
    LocalDate day = learner.exitDate().plusMonths(months);
    return placements(learner).stream()
        .filter(placement -> covers(placement, day, day))
        .max(
            Comparator.comparing(IndicatorCalculator::start)
                .thenComparing(
                    placement ->
                        placement.situationOn() == null ? LocalDate.MIN : placement.situationOn()))
        .filter(placement -> placement.situation() != Situation.UNKNOWN)
        .map(placement -> new Observed(placement.situation(), placement.durableEmployment()));
  }

  /**
   * Whether the learner held one of these situations at any time between the exit and exit + {@code
   * months}: a DONE follow-up at an offset up to it, or a recorded situation overlapping the
   * window.
   */
  static boolean heldWithin(LearnerFacts learner, int months, Set<Situation> situations) {
    if (!exited(learner)) {
      return false;
    }
    if (learner.followUps() != null
        && learner.followUps().stream()
            .anyMatch(
                followUp ->
                    followUp.offsetMonths() <= months
                        && followUp.status() == FollowUpStatus.DONE
                        && situations.contains(followUp.situation()))) {
      return true;
    }
    LocalDate exit = learner.exitDate();
    LocalDate end = exit.plusMonths(months);
    return placements(learner).stream()
        .anyMatch(
            placement ->
                situations.contains(placement.situation()) && covers(placement, exit, end));
  }

  private static List<LearnerFacts.PlacementFact> placements(LearnerFacts learner) {
    if (learner.placements() == null) {
      return List.of();
    }
    return learner.placements().stream().filter(placement -> start(placement) != null).toList();
  }

  private static LocalDate start(LearnerFacts.PlacementFact placement) {
    return placement.startDate() != null ? placement.startDate() : placement.situationOn();
  }

  /**
   * Whether the placement overlaps [from, to]: started by {@code to}, not ended before {@code
   * from}.
   */
  private static boolean covers(
      LearnerFacts.PlacementFact placement, LocalDate from, LocalDate to) {
    LocalDate start = start(placement);
    return !start.isAfter(to)
        && (placement.durationMonths() == null
            || !start.plusMonths(placement.durationMonths()).isBefore(from));
  }

  private static Set<Situation> situations(List<String> names) {
    Set<Situation> situations = new LinkedHashSet<>();
    names.forEach(name -> situations.add(Situation.valueOf(name)));
    return situations;
  }
}
