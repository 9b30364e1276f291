// Drives the gateway's impact page (/impact/) in Debian's headless Chromium, as a person would:
// opens it, signs in on Keycloak's login form (the page's authorization code flow with PKCE),
// waits for the charts, reads every chart's data from its Chart.js instance and the table under
// it, then opens the Arabic page and reads how it is laid out. Screenshots of both pages. Prints
// one JSON object on stdout with what it saw and the page's queries to /api/v1/indicators; the Java
// test (ImpactPageBrowserTest) compares it with the API's answers to those queries. Exits non-zero
// if a step fails.
//
// Environment: PASSERELLE_GATEWAY_URL (required), PASSERELLE_BROWSER_USER and
// PASSERELLE_BROWSER_PASSWORD (a Keycloak account), PASSERELLE_SCREENSHOTS (a directory for
// impact-fr.png, impact-ar.png and, if a step fails, impact-failure.png), CHROMIUM (default
// /usr/bin/chromium).
import { launchChromium, required } from "./chromium.mjs";

const gateway = required("PASSERELLE_GATEWAY_URL").replace(/\/+$/, "");
const user = required("PASSERELLE_BROWSER_USER");
const password = required("PASSERELLE_BROWSER_PASSWORD");
const screenshots = required("PASSERELLE_SCREENSHOTS");
const STEP_TIMEOUT = 60_000;
const CHARTS = ["cohorts", "funnel", "shares", "sites"];

const browser = await launchChromium();
const seen = { consoleErrors: [], indicatorQueries: [] };
let page;

/** What the page shows once it has read the indicators: the charts' own data, and the tables. */
async function readPage() {
  await page.waitForFunction(() => window.passerelleImpact?.ready === true);
  return page.evaluate((names) => {
    const state = window.passerelleImpact;
    const charts = {};
    for (const name of names) {
      const chart = state.charts[name];
      if (!chart) continue;
      const rows = [...document.querySelectorAll(`#table-${name} tbody tr`)].map((row) =>
        [...row.querySelectorAll("td")].map((cell) => ({
          state: cell.dataset.state,
          text: cell.textContent,
        })),
      );
      charts[name] = {
        canvas: chart.canvas.id,
        labels: chart.data.labels,
        datasets: chart.data.datasets.map((dataset) => ({
          label: dataset.label,
          type: dataset.type ?? chart.config.type,
          data: dataset.data,
          refs: dataset.refs,
        })),
        legendRtl: chart.options.plugins.legend.rtl === true,
        xReversed: chart.options.scales.x?.reverse === true,
        table: rows,
      };
    }
    const heading = document.querySelector("h1").getBoundingClientRect();
    const account = document.querySelector(".account").getBoundingClientRect();
    return {
      url: location.href,
      error: state.error,
      period: state.period,
      lang: document.documentElement.lang,
      dir: document.documentElement.dir,
      direction: getComputedStyle(document.body).direction,
      viewportWidth: document.documentElement.clientWidth,
      heading: { left: heading.left, right: heading.right, text: document.querySelector("h1").textContent },
      account: { left: account.left, right: account.right },
      suppressedWord: document.querySelector("td[data-state=suppressed]")?.textContent ?? null,
      charts,
    };
  }, CHARTS);
}

try {
  const context = await browser.newContext({
    locale: "fr-FR",
    // A French country admin's browser: its day, the default period's last, is the sites' day.
    timezoneId: "Europe/Paris",
    viewport: { width: 1280, height: 900 },
  });
  context.setDefaultTimeout(STEP_TIMEOUT);
  page = await context.newPage();
  page.on("console", (message) => {
    if (message.type() === "error") seen.consoleErrors.push(message.text());
  });
  // The page's own questions to the API, so the test compares its charts with the answers to them.
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.pathname === "/api/v1/indicators") seen.indicatorQueries.push(url.search);
  });

  // 1. The page sends the person to Keycloak's login form (code flow, PKCE), then back.
  await page.goto(`${gateway}/impact/`);
  await page.locator("#username").waitFor();
  const authorizeUrl = new URL(page.url());
  seen.authorizeRequest = {
    host: authorizeUrl.host,
    responseType: authorizeUrl.searchParams.get("response_type"),
    clientId: authorizeUrl.searchParams.get("client_id"),
    codeChallengeMethod: authorizeUrl.searchParams.get("code_challenge_method"),
    hasCodeChallenge: Boolean(authorizeUrl.searchParams.get("code_challenge")),
    redirectUri: authorizeUrl.searchParams.get("redirect_uri"),
  };
  await page.locator("#username").fill(user);
  await page.locator("#password").fill(password);
  await page.locator("#kc-login").click();
  // Keycloak sends the browser back to the page, which exchanges the code and draws the charts.
  await page.locator("#chart-funnel").waitFor();

  // 2. The French page, by the browser's language, with the default period.
  seen.fr = await readPage();
  await page.screenshot({ path: `${screenshots}/impact-fr.png`, fullPage: true });

  // 3. The Arabic page, opened by its address (Keycloak's session signs the person in again).
  await page.goto(`${gateway}/impact/?lang=ar`);
  await page.locator("#chart-funnel").waitFor();
  seen.ar = await readPage();
  await page.screenshot({ path: `${screenshots}/impact-ar.png`, fullPage: true });
  console.log(JSON.stringify(seen));
} catch (error) {
  seen.error = String(error?.message ?? error).split("\n")[0];
  seen.at = page?.url();
  if (page) {
    await page.screenshot({ path: `${screenshots}/impact-failure.png`, fullPage: true }).catch(() => {});
  }
  console.log(JSON.stringify(seen));
  process.exitCode = 1;
} finally {
  await browser.close();
}
