#!/usr/bin/env node
// Launcher for `exflow` (package.json "bin"): plain JavaScript, so any Node can read it and say
// what is needed, instead of ERR_UNKNOWN_FILE_EXTENSION on the TypeScript entry (cli/exflow.ts).
const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(
    `exflow needs Node.js 22.12 or later (it runs its TypeScript sources directly); this is Node ${process.versions.node}.\n` +
      "In the exflow checkout, `npm install` puts Node 22 in node_modules/.bin and `npx exflow ...` uses it;\n" +
      "elsewhere, run it with Node 22: `/path/to/exflow/node_modules/.bin/node /path/to/exflow/cli/exflow.ts ...`.\n",
  );
  process.exit(2);
}
await import("./exflow.ts");
