// Drives the gateway's Swagger UI in Debian's headless Chromium, as a person would:
// opens the page, reads the domains it lists, signs in with "Authorize" (authorization
// code + PKCE against Keycloak, in the pop-up Swagger UI opens), then runs one operation
// with "Try it out". Prints one JSON object on stdout with what it saw; the Java test
// (SwaggerUiBrowserTest) decides whether that is right. Exits non-zero if a step fails.
//
// Environment: PASSERELLE_GATEWAY_URL (required), PASSERELLE_BROWSER_USER and
// PASSERELLE_BROWSER_PASSWORD (a Keycloak account), PASSERELLE_TRY_PATH (the GET path to
// try, default /api/v1/sites), CHROMIUM (default /usr/bin/chromium), PASSERELLE_SCREENSHOT
// (a file for a screenshot when a step fails).
import { launchChromium, required } from "./chromium.mjs";

const gateway = required("PASSERELLE_GATEWAY_URL").replace(/\/+$/, "");
const user = required("PASSERELLE_BROWSER_USER");
const password = required("PASSERELLE_BROWSER_PASSWORD");
const tryPath = process.env.PASSERELLE_TRY_PATH ?? "/api/v1/sites";
const screenshot = process.env.PASSERELLE_SCREENSHOT;
const STEP_TIMEOUT = 30_000;

const browser = await launchChromium();
const seen = { consoleErrors: [] };
let page;
try {
  const context = await browser.newContext({ locale: "fr-FR" });
  context.setDefaultTimeout(STEP_TIMEOUT);
  page = await context.newPage();
  page.on("console", (message) => {
    if (message.type() === "error") seen.consoleErrors.push(message.text());
  });

  // 1. The page loads and lists the API's tags (one section per tag).
  const response = await page.goto(`${gateway}/q/swagger-ui/`);
  seen.pageStatus = response.status();
  await page.locator(".opblock-tag-section").first().waitFor();
  seen.title = (await page.locator(".information-container .title").first().innerText()).trim();
  seen.tags = await page
    .locator(".opblock-tag-section h3.opblock-tag")
    .evaluateAll((headers) => headers.map((header) => header.getAttribute("data-tag")));

  // 2. "Authorize": the authorization code flow of the public client, with PKCE.
  await page.locator(".auth-wrapper button.authorize").click();
  const codeFlow = page
    .locator(".modal-ux .auth-container")
    .filter({ hasText: "authorizationCode" })
    .first();
  await codeFlow.waitFor();
  seen.flows = await page.locator(".modal-ux .auth-container").count();
  const [popup] = await Promise.all([
    page.waitForEvent("popup"),
    codeFlow.locator("button.authorize").click(),
  ]);
  await popup.waitForLoadState();
  const authorizeUrl = new URL(popup.url());
  seen.authorizeRequest = {
    host: authorizeUrl.host,
    responseType: authorizeUrl.searchParams.get("response_type"),
    clientId: authorizeUrl.searchParams.get("client_id"),
    codeChallengeMethod: authorizeUrl.searchParams.get("code_challenge_method"),
    hasCodeChallenge: Boolean(authorizeUrl.searchParams.get("code_challenge")),
    redirectUri: authorizeUrl.searchParams.get("redirect_uri"),
  };
  await popup.locator("#username").fill(user);
  await popup.locator("#password").fill(password);
  // The pop-up closes itself once oauth2-redirect.html has handed the code back.
  await Promise.all([popup.waitForEvent("close"), popup.locator("#kc-login").click()]);
  // Swagger UI then exchanges the code (with the verifier) at Keycloak's token endpoint.
  await codeFlow.locator("h6", { hasText: "Authorized" }).first().waitFor();
  seen.authorized = true;
  await page.locator(".modal-ux button.close-modal").click();

  // 3. "Try it out" on one GET operation, which now carries the token.
  const operation = page
    .locator(".opblock.opblock-get")
    .filter({ has: page.locator(`.opblock-summary-path[data-path="${tryPath}"]`) })
    .first();
  await operation.locator(".opblock-summary").first().click();
  await operation.locator("button.try-out__btn").click();
  const [apiResponse] = await Promise.all([
    page.waitForResponse(
      (candidate) =>
        new URL(candidate.url()).pathname === tryPath && candidate.request().method() === "GET",
    ),
    operation.locator("button.execute").click(),
  ]);
  const sentHeaders = await apiResponse.request().allHeaders();
  seen.tryItOut = {
    path: tryPath,
    origin: new URL(apiResponse.url()).origin,
    sentBearerToken: /^Bearer \S+$/.test(sentHeaders.authorization ?? ""),
    status: apiResponse.status(),
    body: await apiResponse.json().catch(() => null),
  };
  const shown = operation.locator(".live-responses-table .response .response-col_status");
  await shown.first().waitFor();
  seen.tryItOut.shownStatus = (await shown.first().innerText()).trim();
  console.log(JSON.stringify(seen));
} catch (error) {
  seen.error = String(error?.message ?? error).split("\n")[0];
  seen.dialog = await page?.locator(".modal-ux").innerText({ timeout: 1000 }).catch(() => null);
  if (screenshot && page) await page.screenshot({ path: screenshot, fullPage: false }).catch(() => {});
  console.log(JSON.stringify(seen));
  process.exitCode = 1;
} finally {
  await browser.close();
}
