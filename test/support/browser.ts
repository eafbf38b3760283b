/**
 * Debian's Chromium for the browser tests (playwright-core and mermaid-cli): where it lives and the
 * flags it needs on these machines (no sandbox as root; no background networking on a closed network).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { CHROMIUM, CHROMIUM_ARGS } from "../../scripts/chromium.ts";

export { CHROMIUM, CHROMIUM_ARGS };

const MMDC = new URL("../../node_modules/.bin/mmdc", import.meta.url).pathname;

/** Draw Mermaid texts with mermaid-cli in one process and one browser; returns one SVG per text. */
export function renderWithMermaidCli(texts: string[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), "exflow-mmdc-"));
  writeFileSync(join(dir, "puppeteer.json"), JSON.stringify({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, "--headless"] }));
  // One Markdown file with every diagram: mmdc writes out-1.svg ... out-N.svg.
  writeFileSync(join(dir, "in.md"), texts.map((t) => `\`\`\`mermaid\n${t}\`\`\`\n`).join("\n"));
  execFileSync(MMDC, ["-q", "-p", join(dir, "puppeteer.json"), "-i", join(dir, "in.md"), "-o", join(dir, "out.md")], { timeout: 120_000 });
  return texts.map((_, i) => readFileSync(join(dir, `out-${i + 1}.svg`), "utf8"));
}
