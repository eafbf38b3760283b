/**
 * Debian's Chromium, for the browser tests and the benchmarks: where it lives and the flags it needs
 * on these machines (no sandbox as root; no background networking on a closed network).
 */
export const CHROMIUM = "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
