package org.passerelle.placement.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One impact indicator as {@code indicators/definitions.json} defines it: what it counts, over
 * which population and period, where the definition comes from (a label or a survey) and the
 * thresholds countries hold it against. Every figure names its definition's id and version; a
 * changed formula is a new version.
 *
 * @param titles the indicator's name in fr, en and ar
 * @param formula how the calculator counts (its parameters say what with)
 * @param breakdown the categories its figures are also given per (null: none)
 * @param population, numerator, denominator, unknown the definition in words, as docs/indicators.md
 *     shows it
 * @param countries the countries it is computed for
 * @param thresholds per country (ISO code), the label's minimum or maximum
 */
public record IndicatorDefinition(
    String id,
    int version,
    Map<String, String> titles,
    Kind kind,
    Formula formula,
    Attribution attribution,
    Breakdown breakdown,
    String population,
    String numerator,
    String denominator,
    String unknown,
    Parameters parameters,
    List<String> countries,
    Map<String, ThresholdRule> thresholds,
    Source source) {

  /** A count (numerator only), a rate of outcomes, or a share of a population's categories. */
  public enum Kind {
    COUNT,
    RATE,
    SHARE
  }

  /** The day that places a learner (or an application) in a period. */
  public enum Attribution {
    /** The cohort's start day, or the enrolment day when later. */
    COHORT_START,
    /** The cohort's end day (training outcomes). */
    COHORT_END,
    /** The exit day plus the definition's offset (outcomes after the training). */
    MEASUREMENT
  }

  /** The formulas the calculator knows, each described in docs/indicators.md. */
  public enum Formula {
    APPLICATIONS,
    ENTRANTS,
    EXIT_KIND,
    CERTIFICATION_PRESENTED,
    CERTIFICATION_OUTCOME,
    BLOCK_CERTIFICATION,
    ATTENDANCE,
    CATEGORY_SHARE,
    SITUATION_AT,
    JOB_WITHIN
  }

  /** What a figure's category is. */
  public enum Breakdown {
    EXIT_REASON,
    COMPETENCY_BLOCK
  }

  /**
   * A formula's settings; each formula reads only its own.
   *
   * @param acceptedOnly APPLICATIONS: count accepted applications only
   * @param exitKinds EXIT_KIND: the exits counted in the numerator
   * @param outcomes CERTIFICATION_OUTCOME: the jury outcomes counted in the numerator
   * @param field CATEGORY_SHARE: gender, educationLevel, priorityPublics or jobSeeker
   * @param values CATEGORY_SHARE: the field's values counted in the numerator
   * @param unknownValues CATEGORY_SHARE: values counted as unknown, like a missing value
   * @param offsetMonths SITUATION_AT: months after the exit
   * @param withinMonths JOB_WITHIN: the window after the exit
   * @param situations SITUATION_AT, JOB_WITHIN: the situations counted in the numerator
   * @param durableOnly SITUATION_AT: only durable employment counts
   */
  public record Parameters(
      Boolean acceptedOnly,
      List<String> exitKinds,
      List<String> outcomes,
      String field,
      List<String> values,
      List<String> unknownValues,
      Integer offsetMonths,
      Integer withinMonths,
      List<String> situations,
      Boolean durableOnly) {}

  /** A label's minimum or maximum share, with where it is written. */
  public record ThresholdRule(BigDecimal min, BigDecimal max, String source) {}

  /** The label or survey the definition follows; url null when it is the network's own. */
  public record Source(String label, String url) {}
}
