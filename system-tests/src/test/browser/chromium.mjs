// What the browser tests share: their required settings and Debian's headless Chromium, launched
// for this machine (see launchChromium).
import { chromium } from "playwright-core";

/** The environment variable's value; exits with status 2 when it is not set. */
export function required(name) {
  const value = process.env[name];
  if (!value) {
    console.error(`${name} is not set`);
    process.exit(2);
  }
  return value;
}

/**
 * Debian's Chromium (CHROMIUM, default /usr/bin/chromium), headless. This machine's network is
 * closed: without these flags Chromium keeps trying to reach Google's hosts. --no-sandbox because
 * CI runs as root. Playwright gives it a new, empty profile each time.
 */
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
