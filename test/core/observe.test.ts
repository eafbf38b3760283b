/**
 * The HttpProxy reader and the comparison with the design (core/observe): every kind of damaged
 * input becomes a skipped entry with file, line and reason; names map to the topology; verdicts
 * say which hop differs. Fixtures: test/fixtures/observe (written from Exchange's field list).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { anonymizeReport, createObserver, observedFlows, observeLogs, presets } from "../../core/index.ts";

const fabrikam = presets.fabrikam!.topology;
const FIXTURES = join(import.meta.dirname, "..", "fixtures", "observe", "HttpProxy");
const fixtureFiles = () =>
  readdirSync(FIXTURES, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".LOG"))
    .sort()
    .map((f) => ({ name: `HttpProxy/${f}`, text: readFileSync(join(FIXTURES, f)) }));

const FIELDS = "DateTime,Protocol,UrlHost,AuthenticatedUser,AnchorMailbox,ClientIpAddress,ServerHostName,HttpStatus,TargetServer";
const head = (fields = FIELDS) => `#Software: Microsoft Exchange Server\n#Log-type: HttpProxy Logs\n#Fields: ${fields}\n`;
const row = (user: string, target: string, status = 200, fe = "HQ-EX2016") =>
  `2026-11-30T09:00:00.000Z,Eas,mail.fabrikam.com,FABRIKAM\\${user},,203.0.113.7,${fe},${status},${target}\n`;

describe("reader", () => {
  it("reads the columns the header names, in any order, with CRLF and a BOM", () => {
    const header = `\uFEFF${head("TargetServer,HttpStatus,ServerHostName,Extra,AuthenticatedUser,Protocol")}`;
    const text = `${header.replace(/\n/g, "\r\n")}hq-ex2013.fabrikam.local,200,hq-ex2016,x,FABRIKAM\\hal,Eas\r\n`;
    const r = observeLogs([{ name: "a.LOG", text }], fabrikam);
    expect(r.skipped).toEqual([]);
    expect(r.paths.map((p) => [p.protocol, p.user, p.frontEnd, p.target, p.verdict])).toEqual([
      ["activesync", "hal", "HQ-EX2016", "HQ-EX2013", "matches"],
    ]);
  });

  it("reads quoted fields with commas and doubled quotes", () => {
    const text =
      head("UserAgent,AuthenticatedUser,ServerHostName,TargetServer,Protocol") +
      `"Mozilla/5.0 (KHTML, like Gecko) ""x""",FABRIKAM\\hal,HQ-EX2016,hq-ex2013.fabrikam.local,Eas\n`;
    const r = observeLogs([{ name: "a.LOG", text }], fabrikam);
    expect(r.requests).toBe(1);
    expect(r.paths[0]?.verdict).toBe("matches");
  });

  it("gives the same report whatever the chunk boundaries, multi-byte characters split included", () => {
    const text = new TextEncoder().encode(
      `\uFEFF${head()}${row("hal", "hq-ex2013.fabrikam.local")}${row("kïm", "hq-ex2013.fabrikam.local")}`,
    );
    const whole = observeLogs([{ name: "a.LOG", text }], fabrikam);
    for (const size of [1, 2, 3, 7, 64]) {
      const o = createObserver();
      const f = o.file("a.LOG");
      for (let i = 0; i < text.length; i += size) f.feed(text.subarray(i, i + size));
      f.end();
      expect(o.report(fabrikam)).toEqual(whole);
    }
    expect(whole.paths.map((p) => p.user).sort()).toEqual(["FABRIKAM\\kïm", "hal"]);
  });

  it("reports each damaged line with file, line and reason, and reads on", () => {
    const text = [
      "2026-11-30,orphan before any header",
      head().trimEnd(),
      row("hal", "hq-ex2013.fabrikam.local").trimEnd(),
      "2026-11-30T09:06:00.000Z,broken line,15",
      `2026-11-30T09:00:00.000Z,Eas,"mail.fabrikam.com,FABRIKAM\\hal,,1.2.3.4,HQ-EX2016,200,hq-ex2013.fabrikam.local`,
      "",
      row("hal", "hq-ex2013.fabrikam.local").trimEnd(),
      row("hal", "hq-ex2013.fabrikam.local").slice(0, 40),
    ].join("\n");
    const r = observeLogs([{ name: "x/HttpProxy_1.LOG", text }], fabrikam);
    expect(r.requests).toBe(2);
    expect(r.skipped.map((s) => [s.line, s.reason.replace(/\(.*/, "").trim()])).toEqual([
      [1, "no #Fields header before this line"],
      [6, "3 fields where the #Fields header of line 4 names 9"],
      [7, "a quoted field is never closed"],
      [10, "cut: the file ends inside this line"],
    ]);
    expect(r.skipped.every((s) => s.file === "x/HttpProxy_1.LOG")).toBe(true);
  });

  it("a second header mid-file (a restart) applies to the lines after it", () => {
    const restart = head("TargetServer,ServerHostName,AuthenticatedUser,Protocol");
    const text = `${head()}${row("hal", "hq-ex2013.fabrikam.local")}${restart}br-ex2016.fabrikam.local,HQ-EX2016,FABRIKAM\\kim,Eas\n`;
    const r = observeLogs([{ name: "a.LOG", text }], fabrikam);
    expect(r.skipped).toEqual([]);
    expect(r.paths.map((p) => `${p.user}:${p.target}:${p.verdict}`).sort()).toEqual(["hal:HQ-EX2013:matches", "kim:BR-EX2016:matches"]);
  });

  it("refuses other Exchange logs and headers without server columns, once per header", () => {
    const ews = "#Log-type: EWS Logs\n#Fields: DateTime,AuthenticatedUser,HttpStatus\n2026,a,200\n2026,b,200\n";
    const bare = "#Log-type: HttpProxy Logs\n#Fields: DateTime,AuthenticatedUser\n2026,a\n";
    const r = observeLogs([
      { name: "ews.LOG", text: ews },
      { name: "bare.LOG", text: bare },
    ]);
    expect(r.requests).toBe(0);
    expect(r.skipped).toEqual([
      { file: "ews.LOG", line: 2, reason: expect.stringMatching(/^a "EWS Logs" log, not an HttpProxy log .*; 2 lines under it not read$/) },
      {
        file: "bare.LOG",
        line: 2,
        reason: expect.stringMatching(/no ServerHostName or TargetServer column.*; 1 lines under it not read$/),
      },
    ]);
  });
});

describe("names and verdicts", () => {
  it("maps users from DOMAIN\\name, UPN and SMTP anchors, servers by name, FQDN or short name, any case", () => {
    const text = [
      head().trimEnd(),
      "t,Eas,mail.fabrikam.com,hal@fabrikam.com,,1.1.1.1,hq-ex2016.FABRIKAM.local,200,HQ-EX2013",
      "t,Eas,mail.fabrikam.com,,Smtp~Hal@fabrikam.com,1.1.1.1,HQ-EX2016,200,hq-ex2013",
      "t,Eas,mail.fabrikam.com,,SMTP:hal@fabrikam.com,1.1.1.1,HQ-EX2016,200,HQ-EX2013.fabrikam.local",
      "t,Eas,mail.fabrikam.com,,Sid~S-1-5-21-1,1.1.1.1,HQ-EX2016,200,hq-ex2013.fabrikam.local",
    ].join("\r\n");
    const r = observeLogs([{ name: "a.LOG", text }], fabrikam);
    expect(r.paths.map((p) => [p.user, p.frontEnd, p.target, p.count])).toEqual([
      ["Sid~S-1-5-21-1", "HQ-EX2016", "HQ-EX2013", 1],
      ["hal", "HQ-EX2016", "HQ-EX2013", 3],
    ]);
  });

  it("judges the fixtures: one differing path (kim's back end), known services matched, others unknown with a reason", () => {
    const r = observeLogs(fixtureFiles(), fabrikam);
    expect(r.requests).toBe(19);
    expect(r.skippedTotal).toBe(2);
    const differs = r.paths.filter((p) => p.verdict === "differs");
    expect(differs).toMatchObject([
      { protocol: "activesync", user: "kim", frontEnd: "HQ-EX2016", target: "HQ-EX2013", hop: "target", expected: { target: "BR-EX2016" } },
    ]);
    expect(r.paths[0]).toBe(differs[0]);
    const protocols = new Set(r.paths.filter((p) => p.verdict === "matches").map((p) => p.protocol));
    expect([...protocols].sort()).toEqual(["activesync", "autodiscover", "ecp", "ews", "mapi-http", "oab", "outlook-anywhere", "owa"]);
    expect(r.unsupported).toEqual([{ protocol: "PowerShell", requests: 1 }]);
    const probe = r.paths.find((p) => p.user.includes("HealthMailbox"));
    expect(probe?.reason).toMatch(/health mailbox/);
    const ida = r.paths.find((p) => p.user === "ida" && p.protocol === "activesync");
    expect(ida?.statuses).toEqual({ "451": 1 });
    const mapi = r.paths.find((p) => p.protocol === "mapi-http");
    expect(mapi?.versionMismatch).toMatch(/BR-EX2016 runs 15\.02\.1544\.004; the topology says Exchange 2016/);
    // The Exchange 2013 header has no UrlHost: the client location falls back to internal.
    expect(r.paths.find((p) => p.protocol === "outlook-anywhere")).toMatchObject({ client: "internal", host: null, verdict: "matches" });
  });

  it("a front end the design does not connect to differs on the front end", () => {
    const r = observeLogs([{ name: "a.LOG", text: head() + row("hal", "hq-ex2013.fabrikam.local", 200, "BR-EX2016") }], fabrikam);
    expect(r.paths[0]).toMatchObject({ verdict: "differs", hop: "frontEnd", expected: { frontEnd: "HQ-EX2016" } });
  });

  it("without a topology every path is unknown and names stay as written", () => {
    const r = observeLogs([{ name: "a.LOG", text: head() + row("hal", "hq-ex2013.fabrikam.local") }]);
    expect(r.paths[0]).toMatchObject({
      user: "FABRIKAM\\hal",
      frontEnd: "HQ-EX2016",
      target: "hq-ex2013.fabrikam.local",
      verdict: "unknown",
    });
  });

  it("anonymizes users and client addresses with stable pseudonyms", () => {
    const r = observeLogs(fixtureFiles(), fabrikam);
    const a = anonymizeReport(r);
    const text = JSON.stringify(a);
    for (const name of ["hal", "kim", "ida", "203.0.113.7", "HealthMailbox"]) expect(text).not.toContain(name);
    expect(anonymizeReport(observeLogs(fixtureFiles(), fabrikam))).toEqual(a);
    expect(a.paths[0]?.user).toBe("user-1");
  });

  it("overlays the observed counts on the designed flow", () => {
    const r = observeLogs(fixtureFiles(), fabrikam);
    const kim = observedFlows(fabrikam, r.paths).find((f) => f.flow.scenario.user === "kim" && f.flow.scenario.protocol === "activesync");
    expect(kim?.differs).toBe(true);
    const proxy = kim!.flow.steps.findIndex((s) => s.kind === "proxy");
    expect(kim!.overlay.steps[proxy]).toEqual({ count: 0, instead: "HQ-EX2013 x1" });
    expect(kim!.overlay.steps[0]).toEqual({ count: 1 });
  });
});
