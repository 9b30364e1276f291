// The impact page: signs in at Keycloak (passerelle-web, authorization code with PKCE), reads the
// caller's indicators through the gateway and draws them with Chart.js. The page's state (period,
// language) lives in the address so that a link shows the same figures. For the browser test,
// window.passerelleImpact exposes the Chart.js instances and the period read.
import Keycloak from "keycloak-js";
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from "chart.js";
import { funnelStepTitle, indicatorTitle, LANGUAGES, message, pickLanguage } from "./i18n.js";
import {
  COHORT_INDICATORS,
  cohortChart,
  FUNNEL_STEPS,
  funnelChart,
  indicatorsQuery,
  known,
  lastTwelveMonths,
  SHARE_INDICATORS,
  sharesChart,
  SITE_INDICATORS,
  siteChart,
  titleOf,
} from "./indicators.js";

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Legend,
  Tooltip,
);

// A suppressed figure has no bar or point: its category says so in the chart itself, next to the
// axis, in the page's language (the table under the chart says which figure).
const suppressedMarks = {
  id: "suppressedMarks",
  afterDatasetsDraw(chart) {
    const horizontal = chart.options.indexAxis === "y";
    const axis = horizontal ? chart.scales.y : chart.scales.x;
    const { ctx, chartArea } = chart;
    const rtl = LANGUAGES[state.lang].dir === "rtl";
    ctx.save();
    ctx.font = "italic 12px system-ui, sans-serif";
    ctx.fillStyle = "#8a5a00";
    ctx.direction = rtl ? "rtl" : "ltr";
    chart.data.labels.forEach((_, index) => {
      const suppressed = chart.data.datasets.some(
        (dataset) => dataset.refs?.[index]?.state === "suppressed",
      );
      if (!suppressed) return;
      const at = axis.getPixelForValue(index);
      if (horizontal) {
        ctx.textAlign = rtl ? "right" : "left";
        ctx.textBaseline = "middle";
        ctx.fillText(t("suppressed"), rtl ? chartArea.right - 4 : chartArea.left + 4, at);
      } else {
        ctx.textAlign = "center";
        ctx.textBaseline = "bottom";
        ctx.fillText(t("suppressed"), at, chartArea.bottom - 4);
      }
    });
    ctx.restore();
  },
};

const COLOURS = ["#1f5fa8", "#d9822b", "#2e8b57", "#8e44ad", "#c0392b", "#16a085", "#7f8c8d"];
const DARKER = ["#0b2e55", "#7a4510"];
const state = {
  lang: pickLanguage(location.search, navigator.languages),
  period: periodFromAddress(),
  charts: {},
  views: {},
  definitions: null,
  ready: false,
  error: null,
};
window.passerelleImpact = state;

function periodFromAddress() {
  const query = new URLSearchParams(location.search);
  const fallback = lastTwelveMonths(new Date(), Intl.DateTimeFormat().resolvedOptions().timeZone);
  const date = /^\d{4}-\d{2}-\d{2}$/;
  return {
    from: date.test(query.get("from") ?? "") ? query.get("from") : fallback.from,
    to: date.test(query.get("to") ?? "") ? query.get("to") : fallback.to,
  };
}

const t = (key, values) => message(state.lang, key, values);
const $ = (id) => document.getElementById(id);

let keycloak;

async function signIn() {
  const config = await (await fetch("config.json")).json();
  const issuer = new URL(config.issuer.replace(/\/+$/, ""));
  const [, base, realm] = issuer.pathname.match(/^(.*)\/realms\/([^/]+)$/);
  keycloak = new Keycloak({ url: issuer.origin + base, realm, clientId: config.clientId });
  await keycloak.init({
    onLoad: "login-required",
    pkceMethod: "S256",
    checkLoginIframe: false,
    locale: state.lang,
  });
}

async function api(path) {
  await keycloak.updateToken(30);
  const response = await fetch(path, {
    headers: {
      Authorization: `Bearer ${keycloak.token}`,
      Accept: "application/json",
      "Accept-Language": state.lang,
    },
  });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    const error = new Error(problem.detail ?? problem.title ?? `HTTP ${response.status}`);
    error.status = response.status;
    throw error;
  }
  return response.json();
}

function indicators(groupBy, wanted) {
  const ids = known(state.definitions, wanted);
  return api(`/api/v1/indicators?${indicatorsQuery(state.period, groupBy, ids)}`);
}

async function load() {
  state.ready = false;
  state.error = null;
  $("status").textContent = t("loading");
  try {
    state.definitions ??= await api("/api/v1/indicators/definitions");
    const [cohort, country, site] = await Promise.all([
      indicators("cohort", COHORT_INDICATORS),
      indicators("country", [...new Set([...FUNNEL_STEPS, ...SHARE_INDICATORS])]),
      indicators("site", SITE_INDICATORS),
    ]);
    state.views = { cohort, country, site };
    $("status").textContent = "";
    render();
  } catch (error) {
    state.error = error.message;
    $("status").textContent =
      error.status === 403 ? t("forbidden") : t("error", { detail: error.message });
    // Never leave another period's figures on screen under this one's dates.
    for (const name of Object.keys(state.charts)) {
      state.charts[name].destroy();
      delete state.charts[name];
      $(`table-${name}`).replaceChildren();
    }
    state.views = {};
  }
  state.ready = true;
}

function title(id) {
  const fromDefinitions = titleOf(state.definitions, id, state.lang);
  return fromDefinitions === id ? indicatorTitle(state.lang, id) : fromDefinitions;
}

function formatNumber(value, percentage) {
  const locale = LANGUAGES[state.lang].locale;
  return percentage
    ? new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 2 }).format(
        value / 100,
      )
    : new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}

function baseOptions(horizontal) {
  const rtl = LANGUAGES[state.lang].dir === "rtl";
  const along = horizontal ? "y" : "x";
  const across = horizontal ? "x" : "y";
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    locale: LANGUAGES[state.lang].locale,
    indexAxis: along,
    plugins: {
      legend: { rtl, position: "bottom", textDirection: rtl ? "rtl" : "ltr" },
      tooltip: {
        rtl,
        textDirection: rtl ? "rtl" : "ltr",
        callbacks: { label: tooltipLabel },
      },
    },
    scales: {
      // Right to left: categories run from the right, values grow leftwards on a horizontal chart.
      [along]: { reverse: rtl && !horizontal, position: horizontal && rtl ? "right" : undefined },
      [across]: {
        beginAtZero: true,
        reverse: rtl && horizontal,
        position: !horizontal && rtl ? "right" : undefined,
      },
    },
  };
}

function tooltipLabel(context) {
  const dataset = context.dataset;
  const ref = dataset.refs?.[context.dataIndex];
  const percentage = ref?.field !== "numerator";
  return `${dataset.label}: ${formatNumber(context.parsed[context.chart.options.indexAxis === "y" ? "x" : "y"], percentage)}`;
}

function colour(index, dataset) {
  const base = COLOURS[index % COLOURS.length];
  return { ...dataset, backgroundColor: base, borderColor: base };
}

function draw(name, config) {
  state.charts[name]?.destroy();
  const canvas = $(`chart-${name}`);
  state.charts[name] = new Chart(canvas, { ...config, plugins: [suppressedMarks] });
  canvas.setAttribute("aria-label", $(`title-${name}`).textContent);
  canvas.setAttribute("role", "img");
}

function render() {
  const { cohort, country, site } = state.views;
  const minCell = country.suppression?.minCell ?? cohort.suppression?.minCell ?? 5;
  $("suppressed-help").textContent = t("suppressedHelp", { minCell });
  const closures = country.period?.closures ?? [];
  $("closed").textContent = closures.length
    ? t("closed", { countries: closures.map((closure) => closure.country).join(", ") })
    : "";
  $("computed").textContent = country.computedAt
    ? t("computedAt", {
        at: new Intl.DateTimeFormat(LANGUAGES[state.lang].locale, {
          dateStyle: "medium",
          timeStyle: "short",
        }).format(new Date(country.computedAt)),
      })
    : "";

  const cohorts = cohortChart(cohort, title);
  const cohortOptions = baseOptions(false);
  cohortOptions.scales = {
    x: cohortOptions.scales.x,
    count: { type: "linear", beginAtZero: true, position: state.lang === "ar" ? "right" : "left" },
    rate: {
      type: "linear",
      beginAtZero: true,
      max: 100,
      position: state.lang === "ar" ? "left" : "right",
      grid: { drawOnChartArea: false },
    },
  };
  draw("cohorts", {
    data: { labels: cohorts.labels, datasets: cohorts.datasets.map((each, i) => colour(i, each)) },
    options: cohortOptions,
  });
  table("cohorts", cohorts.labels, cohorts.datasets);

  const funnel = funnelChart(country);
  const funnelLabels = funnel.steps.map((step) => funnelStepTitle(state.lang, step));
  draw("funnel", {
    type: "bar",
    data: { labels: funnelLabels, datasets: funnel.datasets.map((each, i) => colour(i, each)) },
    options: baseOptions(true),
  });
  table("funnel", funnelLabels, funnel.datasets);

  const shares = sharesChart(country);
  const shareLabels = shares.indicators.map(title);
  const shareOptions = baseOptions(false);
  shareOptions.scales.y.max = 100;
  let countryIndex = -1;
  const shareDatasets = shares.datasets.map((each) => {
    if (!each.threshold) countryIndex += 1;
    const coloured = colour(countryIndex, each);
    // A country's threshold marks are drawn darker than its bars.
    return each.threshold
      ? {
          ...coloured,
          label: `${each.label.split(" ")[0]} ${t("threshold")}`,
          backgroundColor: "#111",
          borderColor: DARKER[countryIndex % DARKER.length],
        }
      : coloured;
  });
  draw("shares", { data: { labels: shareLabels, datasets: shareDatasets }, options: shareOptions });
  table("shares", shareLabels, shareDatasets);

  const sites = siteChart(site, title);
  const siteOptions = baseOptions(false);
  siteOptions.scales.y.max = 100;
  draw("sites", {
    type: "bar",
    data: { labels: sites.labels, datasets: sites.datasets.map((each, i) => colour(i, each)) },
    options: siteOptions,
  });
  table("sites", sites.labels, sites.datasets);
}

/** The chart's figures as a table under it: the numbers, and the suppressed ones said so. */
function table(name, labels, datasets) {
  const holder = $(`table-${name}`);
  holder.replaceChildren();
  if (labels.length === 0 || datasets.length === 0) {
    holder.textContent = t("noData");
    return;
  }
  const tableElement = document.createElement("table");
  const head = tableElement.createTHead().insertRow();
  head.appendChild(cell("th", t("group")));
  for (const dataset of datasets) head.appendChild(cell("th", dataset.label));
  const body = tableElement.createTBody();
  labels.forEach((label, index) => {
    const row = body.insertRow();
    row.appendChild(cell("th", label));
    for (const dataset of datasets) {
      const ref = dataset.refs[index];
      const value = dataset.data[index];
      const text =
        ref.state === "suppressed"
          ? t("suppressed")
          : value == null
            ? t("notApplicable")
            : formatNumber(value, ref.field !== "numerator");
      const td = cell("td", text);
      td.dataset.state = ref.state;
      row.appendChild(td);
    }
  });
  holder.appendChild(tableElement);
}

function cell(tag, text) {
  const element = document.createElement(tag);
  element.textContent = text;
  return element;
}

function applyLanguage() {
  const language = LANGUAGES[state.lang];
  document.documentElement.lang = state.lang;
  document.documentElement.dir = language.dir;
  document.title = t("title");
  for (const element of document.querySelectorAll("[data-message]")) {
    element.textContent = t(element.dataset.message);
  }
  $("language").value = state.lang;
}

function remember() {
  const query = new URLSearchParams({ lang: state.lang, ...state.period });
  history.replaceState(null, "", `${location.pathname}?${query}`);
}

function controls() {
  const select = $("language");
  for (const [code, language] of Object.entries(LANGUAGES)) {
    const option = document.createElement("option");
    option.value = code;
    option.textContent = language.name;
    option.lang = code;
    select.appendChild(option);
  }
  select.addEventListener("change", () => {
    state.lang = select.value;
    applyLanguage();
    remember();
    if (state.views.country) render();
  });
  $("from").value = state.period.from;
  $("to").value = state.period.to;
  $("period").addEventListener("submit", (event) => {
    event.preventDefault();
    state.period = { from: $("from").value, to: $("to").value };
    remember();
    load();
  });
  $("sign-out").addEventListener("click", () =>
    keycloak.logout({ redirectUri: location.href }),
  );
}

async function main() {
  controls();
  applyLanguage();
  try {
    await signIn();
  } catch (error) {
    state.error = String(error?.message ?? error);
    $("status").textContent = t("error", { detail: state.error });
    state.ready = true;
    return;
  }
  remember();
  $("user").textContent = t("signedInAs", {
    user: keycloak.tokenParsed?.preferred_username ?? "",
  });
  await load();
}

main();
