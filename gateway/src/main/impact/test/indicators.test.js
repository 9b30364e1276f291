// The charts' data from a fixture of the API's answer (placement-service's IndicatorsView): counts
// and percentages exactly as the API gives them, suppressed figures as no number (never 0),
// thresholds as marks, and each point's reference to its figure.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import {
  cohortChart,
  funnelChart,
  indicatorsQuery,
  known,
  lastTwelveMonths,
  sharesChart,
  siteChart,
  titleOf,
} from "../src/indicators.js";
import { message, pickLanguage } from "../src/i18n.js";

const fixture = (name) =>
  JSON.parse(readFileSync(new URL(`fixtures/${name}.json`, import.meta.url), "utf8"));
const country = fixture("indicators-country");
const definitions = fixture("definitions");
const asId = (id) => id;

test("the funnel counts people at each step, per country, and says which step is suppressed", () => {
  const funnel = funnelChart(country);
  assert.deepEqual(funnel.steps, [
    "applications",
    "accepted-applications",
    "entrants",
    "completion-rate",
    "certification-rate",
    "employment-6m",
    "durable-employment-6m",
    "employment-9m",
  ]);
  const [fr, ma] = funnel.datasets;
  assert.equal(fr.label, "FR");
  assert.deepEqual(fr.data, [40, 26, 24, 18, 15, 12, null, null]);
  assert.equal(fr.refs[6].state, "suppressed");
  assert.equal(fr.refs[7].state, "absent");
  assert.deepEqual(ma.data, [30, null, 0, null, null, null, null, 7]);
  assert.equal(ma.refs[2].state, "shown", "a count of zero is a number");
  assert.deepEqual(fr.refs[3], {
    key: country.groups[0].key,
    indicator: "completion-rate",
    category: null,
    field: "numerator",
    state: "shown",
  });
});

test("shares are percentages of the API's four-decimal values, with the label's minimum", () => {
  const shares = sharesChart(country);
  assert.deepEqual(shares.indicators, ["women-share", "neet-under-26-share", "refugee-share"]);
  const [fr, frThreshold, ma] = shares.datasets;
  assert.deepEqual(fr.data, [41.67, 45, null]);
  assert.equal(fr.refs[2].state, "suppressed");
  assert.equal(frThreshold.threshold, true);
  assert.deepEqual(frThreshold.data, [30, 50, null]);
  assert.equal(frThreshold.refs[0].field, "threshold.min");
  assert.deepEqual(ma.data, [null, null, null]);
  assert.equal(ma.refs[0].state, "none", "a zero denominator has no value, and is not suppressed");
  assert.equal(shares.datasets.length, 3, "no threshold marks for a country without thresholds");
});

test("an answer without any of a chart's indicators draws nothing, not empty datasets", () => {
  const view = { ...country, groups: [{ key: { country: "FR" }, figures: [] }] };
  assert.deepEqual(funnelChart(view), { steps: [], datasets: [] });
  assert.deepEqual(sharesChart(view), { indicators: [], datasets: [] });
  assert.deepEqual(cohortChart(view, asId).datasets, []);
  assert.deepEqual(siteChart(view, asId).datasets, []);
});

test("per cohort: entrants as bars and rates as lines, labelled by a short cohort id", () => {
  const cohortId = "6f1c2f0e-8b9a-4c1d-9e2f-0a1b2c3d4e5f";
  const view = {
    ...country,
    groupBy: "cohort",
    groups: [{ key: { cohortId }, figures: country.groups[0].figures }],
  };
  const chart = cohortChart(view, asId);
  assert.deepEqual(chart.labels, ["6f1c2f0e"]);
  assert.deepEqual(
    chart.datasets.map((dataset) => [dataset.label, dataset.type, dataset.data[0]]),
    [
      ["entrants", "bar", 24],
      ["completion-rate", "line", 81.82],
      ["certification-rate", "line", 83.33],
      ["employment-6m", "line", 75],
    ],
  );
});

test("per site: one dataset per indicator present, sites as labels", () => {
  const view = {
    ...country,
    groupBy: "site",
    groups: [
      { key: { site: "FR-SEVRAN" }, figures: country.groups[0].figures },
      { key: { site: "FR-CERGY" }, figures: [] },
    ],
  };
  const chart = siteChart(view, asId);
  assert.deepEqual(chart.labels, ["FR-SEVRAN", "FR-CERGY"]);
  assert.deepEqual(
    chart.datasets.map((dataset) => [dataset.label, dataset.data]),
    [
      ["completion-rate", [81.82, null]],
      ["certification-rate", [83.33, null]],
      ["women-share", [41.67, null]],
    ],
  );
});

test("the default period is the last twelve months, ending today where the viewer is", () => {
  assert.deepEqual(lastTwelveMonths(new Date("2026-12-05T23:30:00Z")), {
    from: "2025-12-06",
    to: "2026-12-05",
  });
  // Half past midnight in Paris: the French sites' day, by which their cohorts start, is the 6th.
  assert.deepEqual(lastTwelveMonths(new Date("2026-12-05T23:30:00Z"), "Europe/Paris"), {
    from: "2025-12-07",
    to: "2026-12-06",
  });
  assert.deepEqual(lastTwelveMonths(new Date("2026-12-05T23:30:00Z"), "Africa/Casablanca"), {
    from: "2025-12-07",
    to: "2026-12-06",
  });
  assert.deepEqual(lastTwelveMonths(new Date("2028-02-29T08:00:00Z")), {
    from: "2027-03-01",
    to: "2028-02-29",
  });
});

test("asks only for indicators the definitions know, with repeated indicator parameters", () => {
  assert.deepEqual(known(definitions, ["entrants", "no-such-indicator", "women-share"]), [
    "entrants",
    "women-share",
  ]);
  assert.deepEqual(known({ items: [] }, ["entrants"]), ["entrants"]);
  assert.equal(
    indicatorsQuery({ from: "2026-01-01", to: "2026-12-31" }, "site", ["entrants", "women-share"]),
    "from=2026-01-01&to=2026-12-31&groupBy=site&indicator=entrants&indicator=women-share",
  );
});

test("titles come from the definitions in the page's language", () => {
  assert.equal(titleOf(definitions, "women-share", "ar"), "نسبة النساء");
  assert.equal(titleOf({ items: definitions }, "women-share", "fr"), "Part des femmes");
  assert.equal(titleOf(definitions, "completion-rate", "fr"), "completion-rate");
});

test("the language comes from the address, else the browser, else French", () => {
  assert.equal(pickLanguage("?lang=ar", ["en-GB"]), "ar");
  assert.equal(pickLanguage("?lang=xx", ["en-GB", "fr"]), "en");
  assert.equal(pickLanguage("", ["de-DE"]), "fr");
  assert.equal(message("fr", "suppressedHelp", { minCell: 5 }).includes("5"), true);
});
