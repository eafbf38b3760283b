/**
 * Static checks of collect/Collect-ExflowInventory.ps1. PowerShell (pwsh) cannot be installed
 * here (Debian's apt has no package, and npm's `pwsh` downloads from GitHub), so these read the
 * script as text: the read-only promise (every command and every command name held in a string is
 * Get-* or a local utility), -ADPropertiesOnly on every vdir and Outlook Anywhere call, the
 * fields it must never read, bounded sampling, UTF-8 output, help for every parameter, and that
 * every field it writes is in the published JSON Schema.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const script = readFileSync(new URL("../../collect/Collect-ExflowInventory.ps1", import.meta.url), "utf8");
const schema = JSON.parse(readFileSync(new URL("../../collect/exflow-inventory.schema.json", import.meta.url), "utf8")) as Record<
  string,
  unknown
>;
const help = /<#([\s\S]*?)#>/.exec(script)?.[1] ?? "";
/** The code: comments and the help block removed. */
const code = script.replace(/<#[\s\S]*?#>/g, "").replace(/(^|\s)#[^\n]*/g, "$1");

const LOCAL = [
  "Collect-ExflowInventory",
  "Where-Object",
  "ForEach-Object",
  "Sort-Object",
  "ConvertTo-Json",
  "New-Object",
  "Join-Path",
  "Write-Progress",
  "Write-Host",
  "Export-Csv",
];

describe("Collect-ExflowInventory.ps1", () => {
  it("calls only Get- cmdlets and local utilities, also through names held in strings", () => {
    const names = [...new Set([...code.matchAll(/\b([A-Z][a-z]+-[A-Z][A-Za-z]+)\b/g)].map((m) => m[1]!))];
    expect(names.length).toBeGreaterThan(25);
    const other = names.filter((n) => !n.startsWith("Get-") && !LOCAL.includes(n));
    expect(other).toEqual([]);
  });

  it("runs its own read-only self-check before anything else", () => {
    expect(code.indexOf("[System.Management.Automation.Language.Parser]::ParseFile")).toBeGreaterThan(0);
    expect(code.indexOf("ParseFile")).toBeLessThan(code.indexOf("Get-ExchangeServer }"));
  });

  it("reads vdirs and Outlook Anywhere from AD only (-ADPropertiesOnly), never the back-end vdirs", () => {
    expect(code).toMatch(/& \$cmd -Server \$s\.Name -ADPropertiesOnly/);
    expect(code).toMatch(/Get-OutlookAnywhere -Server \$s\.Name -ADPropertiesOnly/);
    for (const c of [
      "Get-OwaVirtualDirectory",
      "Get-EcpVirtualDirectory",
      "Get-ActiveSyncVirtualDirectory",
      "Get-WebServicesVirtualDirectory",
      "Get-OabVirtualDirectory",
      "Get-MapiVirtualDirectory",
      "Get-AutodiscoverVirtualDirectory",
    ])
      expect(code).toContain(`'${c}'`);
    expect(code).not.toContain("ShowMailboxVirtualDirectories");
  });

  it("never reads secrets, private keys, addresses or DNs", () => {
    for (const word of [
      "IncludeAlternateServiceAccountCredentialPassword",
      "PrivateKey",
      "RawData",
      "CertificateRequest",
      "AccessRules",
      "PrimarySmtpAddress",
      "EmailAddresses",
      "LegacyExchangeDN",
      "DistinguishedName",
      "ExternalIPAddresses",
      "OrganizationContact",
      "ExchangeVersion",
    ]) {
      expect(code, word).not.toContain(word);
    }
    expect(help).toContain("-IncludeAlternateServiceAccountCredentialPassword");
  });

  it("samples mailboxes per database with a bound, anonymised unless -KeepNames", () => {
    expect(code).toMatch(/Get-Mailbox -Database \$db\.Identity -ResultSize \$PerDatabase/);
    expect(code).toMatch(/\[ValidateRange\(0, 100\)\]\[int\]\$PerDatabase = 3/);
    expect(code).not.toMatch(/Unlimited/i);
    expect(code).toMatch(/\$id = \$\(if \(\$KeepNames\) \{ S \$m\.Name \} else \{ "user\$n" \}\)/);
  });

  it("writes a header and UTF-8 without a BOM, deep enough never to truncate", () => {
    expect(code).toMatch(/schema\s+= 'exflow-inventory\/1'/);
    expect(code).toMatch(/scriptVersion = \$ScriptVersion; psVersion = "\$\(\$PSVersionTable\.PSVersion\)"/);
    expect(code).toMatch(/collectedAt = \(Get-Date\)\.ToUniversalTime\(\)\.ToString\('o'\)/);
    expect(code).toMatch(/ConvertTo-Json -InputObject \$inv -Depth 8/);
    expect(code).toMatch(/New-Object System\.Text\.UTF8Encoding \$false/);
    expect(code).not.toMatch(/Out-File|Set-Content|\s>\s*\$/);
  });

  it("has comment-based help for every parameter, with what it reads and never reads", () => {
    const params = [...(/param\(([\s\S]*?)\n\)/.exec(code)?.[1] ?? "").matchAll(/\$([A-Za-z]+)/g)].map((m) => m[1]!);
    expect(params).toEqual(["Out", "PerDatabase", "RemoteSample", "KeepNames", "NameMap", "SkipServerQueries"]);
    for (const p of params) expect(help, p).toContain(`.PARAMETER ${p}`);
    for (const section of [".SYNOPSIS", ".DESCRIPTION", ".EXAMPLE", "What it reads:", "What it never reads:"])
      expect(help).toContain(section);
  });

  it("balances its braces and parentheses (a crude parse; pwsh is not available here)", () => {
    const stripped = code.replace(/'[^'\n]*'/g, "''").replace(/"(?:`.|[^"`\n])*"/g, '""');
    for (const [open, close] of [
      ["{", "}"],
      ["(", ")"],
      ["[", "]"],
    ] as const) {
      let depth = 0;
      let lowest = 0;
      for (const ch of stripped) {
        if (ch === open) depth++;
        if (ch === close) depth--;
        lowest = Math.min(lowest, depth);
      }
      expect([lowest, depth], `${open}${close}`).toEqual([0, 0]);
    }
  });

  it("writes only fields the published JSON Schema describes", () => {
    const props = schema.properties as Record<string, unknown>;
    const known = new Set<string>();
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === "object")
        for (const [k, x] of Object.entries(v)) {
          if (k === "properties" && x && typeof x === "object") for (const name of Object.keys(x)) known.add(name);
          walk(x);
        }
    };
    walk(schema);
    // Not written to the inventory: the table of vdir cmdlets, and the name map (a separate local CSV).
    const output = code.replace(/\$vd = \[ordered\]@\{[^}]*\}/, "").replace(/\[ordered\]@\{ label = [^}]*\}/, "");
    const written = [...output.matchAll(/\[ordered\]@\{([^}]*(?:\{[^}]*\}[^}]*)*)\}/g)].flatMap((m) =>
      [...m[1]!.matchAll(/(?:^|[;{\s])([a-zA-Z]+)\s*=/g)].map((x) => x[1]!),
    );
    const inv = [...code.matchAll(/\$inv\.([a-zA-Z]+)\s*=/g)].map((m) => m[1]!);
    expect(written.length).toBeGreaterThan(60);
    expect([...written, ...inv].filter((k) => !known.has(k) && !["cmdlet", "message"].includes(k))).toEqual([]);
    for (const k of inv) expect(Object.keys(props), k).toContain(k);
  });
});
