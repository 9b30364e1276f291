// What the impact page draws, computed from the answers of GET /api/v1/indicators (the shape of
// placement-service's IndicatorsView) and GET /api/v1/indicators/definitions. Pure functions, no
// browser: test/indicators.test.js runs them in Node on a fixture. Every point of every chart
// carries a reference to the figure it shows (group, indicator, category, field), which the
// browser test reads from the Chart.js instances to compare with the API's own numbers.

/** Indicators the page asks for, per chart; ids outside the definitions are left out. */
export const COHORT_INDICATORS = [
  "entrants",
  "completion-rate",
  "certification-rate",
  "employment-6m",
  "employment-9m",
];
export const FUNNEL_STEPS = [
  "applications",
  "accepted-applications",
  "entrants",
  "completion-rate",
  "certification-rate",
  "employment-6m",
  "durable-employment-6m",
  "employment-9m",
];
export const SHARE_INDICATORS = [
  "women-share",
  "neet-under-26-share",
  "bac-or-below-share",
  "priority-neighbourhood-share",
  "refugee-share",
  "disability-share",
  "job-seeker-share",
];
export const SITE_INDICATORS = [
  "completion-rate",
  "certification-rate",
  "women-share",
  "positive-exit-6m",
  "employment-9m",
];

/** The definitions' list, whatever envelope the answer uses (a list, or {items}). */
export function definitionList(answer) {
  if (Array.isArray(answer)) return answer;
  for (const key of ["items", "definitions"]) {
    if (Array.isArray(answer?.[key])) return answer[key];
  }
  return [];
}

/** A definition's title in the language, else in English, else its id. */
export function titleOf(definitions, id, lang) {
  const definition = definitionList(definitions).find((candidate) => candidate.id === id);
  const titles = definition?.titles ?? definition?.title;
  if (titles && typeof titles === "object") return titles[lang] ?? titles.en ?? id;
  if (typeof titles === "string") return titles;
  return id;
}

/** The ids among {@code wanted} that the definitions know, in the order wanted. */
export function known(definitions, wanted) {
  const ids = new Set(definitionList(definitions).map((definition) => definition.id));
  return ids.size === 0 ? wanted : wanted.filter((id) => ids.has(id));
}

/** The number a figure shows: a count's numerator, or a share as a percentage (two decimals). */
export function shown(figure, kind) {
  if (!figure) return { value: null, state: "absent" };
  if (figure.suppressed) return { value: null, state: "suppressed" };
  if (kind === "count") {
    return figure.numerator == null
      ? { value: null, state: "none" }
      : { value: Number(figure.numerator), state: "shown" };
  }
  if (figure.value == null) return { value: null, state: "none" };
  return { value: percent(figure.value), state: "shown" };
}

/** 0.8333 -> 83.33, exactly (the API gives four decimals). */
export function percent(value) {
  return Number((Number(value) * 100).toFixed(2));
}

/** The group's overall figure of the indicator (no category), or of one category. */
export function figureOf(group, indicator, category = null) {
  return group.figures.find(
    (figure) => figure.indicator === indicator && (figure.category ?? null) === category,
  );
}

/** A readable name of a group: its country, site, programme, short cohort id or funder. */
export function groupLabel(key) {
  if (key.site) return key.site;
  if (key.programmeCode) return key.programmeCode;
  if (key.cohortId) return key.cohortId.slice(0, 8);
  if (key.funderPartnerId) return key.funderPartnerId.slice(0, 8);
  return key.country ?? "";
}

function kindOf(indicator) {
  return ["applications", "accepted-applications", "entrants"].includes(indicator)
    ? "count"
    : "rate";
}

function point(group, indicator, kind, field) {
  const figure = figureOf(group, indicator);
  const { value, state } = shown(figure, kind);
  return { value, ref: { key: group.key, indicator, category: null, field, state } };
}

function dataset(label, points, extra) {
  return {
    label,
    data: points.map((each) => each.value),
    refs: points.map((each) => each.ref),
    ...extra,
  };
}

function present(view, indicator) {
  return view.groups.some((group) => figureOf(group, indicator));
}

/**
 * Entrants (bars, counts) and outcomes (lines, percentages) per cohort, from a groupBy=cohort
 * answer. {@code title(id)} names a dataset.
 */
export function cohortChart(view, title) {
  const groups = view.groups;
  const datasets = [];
  for (const indicator of COHORT_INDICATORS) {
    if (!present(view, indicator)) continue;
    const kind = kindOf(indicator);
    const field = kind === "count" ? "numerator" : "value";
    const points = groups.map((group) => point(group, indicator, kind, field));
    datasets.push(
      dataset(
        title(indicator),
        points,
        kind === "count"
          ? { type: "bar", yAxisID: "count", order: 2 }
          : { type: "line", yAxisID: "rate", order: 1, spanGaps: false },
      ),
    );
  }
  return { labels: groups.map((group) => groupLabel(group.key)), datasets };
}

/**
 * The funnel from application to (durable) job, one dataset per country of a groupBy=country
 * answer: each step is the count of people (the numerator of a rate), over its own attribution.
 */
export function funnelChart(view) {
  const steps = FUNNEL_STEPS.filter((step) => present(view, step));
  if (steps.length === 0) return { steps, datasets: [] };
  const datasets = view.groups.map((group) =>
    dataset(
      group.key.country ?? "",
      steps.map((step) => point(group, step, "count", "numerator")),
      { type: "bar" },
    ),
  );
  return { steps, datasets };
}

/**
 * Shares per country (bars, percentages) and, per country, the label's minimum as a threshold
 * mark, from a groupBy=country answer.
 */
export function sharesChart(view) {
  const indicators = SHARE_INDICATORS.filter((indicator) => present(view, indicator));
  const datasets = [];
  if (indicators.length === 0) return { indicators, datasets };
  for (const group of view.groups) {
    const country = group.key.country ?? "";
    datasets.push(
      dataset(
        country,
        indicators.map((indicator) => point(group, indicator, "rate", "value")),
        { type: "bar", order: 2 },
      ),
    );
    const thresholds = indicators.map((indicator) => {
      const figure = figureOf(group, indicator);
      const min = figure?.threshold?.min;
      return {
        value: min == null ? null : percent(min),
        ref: {
          key: group.key,
          indicator,
          category: null,
          field: "threshold.min",
          state: min == null ? "none" : "shown",
        },
      };
    });
    if (thresholds.some((each) => each.value != null)) {
      datasets.push(
        dataset(`${country} threshold`, thresholds, {
          type: "line",
          order: 1,
          showLine: false,
          pointStyle: "line",
          pointRadius: 18,
          pointHoverRadius: 18,
          borderWidth: 3,
          threshold: true,
        }),
      );
    }
  }
  return { indicators, datasets };
}

/** Outcome rates and shares side by side per site, from a groupBy=site answer. */
export function siteChart(view, title) {
  const datasets = SITE_INDICATORS.filter((indicator) => present(view, indicator)).map(
    (indicator) =>
      dataset(
        title(indicator),
        view.groups.map((group) => point(group, indicator, "rate", "value")),
        { type: "bar" },
      ),
  );
  return { labels: view.groups.map((group) => groupLabel(group.key)), datasets };
}

/**
 * The default period: the last 12 months, ending today in the viewer's time zone (inclusive days,
 * ISO dates), as the platform dates a cohort's start and a seat by their site's day.
 */
export function lastTwelveMonths(now, timeZone = "UTC") {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en", { timeZone, year: "numeric", month: "numeric", day: "numeric" })
      .formatToParts(now)
      .map((part) => [part.type, Number(part.value)]),
  );
  const to = new Date(Date.UTC(parts.year, parts.month - 1, parts.day));
  // The day after today, a year back: twelve whole months, whatever February does.
  const from = new Date(to);
  from.setUTCDate(from.getUTCDate() + 1);
  from.setUTCFullYear(from.getUTCFullYear() - 1);
  return { from: iso(from), to: iso(to) };
}

function iso(date) {
  return date.toISOString().slice(0, 10);
}

/** The query of GET /api/v1/indicators. */
export function indicatorsQuery(period, groupBy, indicators) {
  const query = new URLSearchParams({ from: period.from, to: period.to, groupBy });
  for (const indicator of indicators) query.append("indicator", indicator);
  return query.toString();
}
