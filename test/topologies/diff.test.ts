/** core/audit/diff.ts and its Markdown: which flows change outcome or path between two topologies. */
import { describe, expect, it } from "vitest";
import { diffTopologies } from "../../core/audit/diff.ts";
import { presets } from "../../core/index.ts";
import { CLIENTS, PROTOCOLS, type Topology } from "../../core/types.ts";
import { renderDiffMarkdown } from "../../diagrams/diff.ts";

const O365 = presets.o365info?.topology as Topology;
const renamed = JSON.parse(JSON.stringify(O365).replaceAll("europe.mail.o365info.com", "eu.mail.o365info.com")) as Topology;
const labels = { subject: "t", from: "version 1", to: "version 2" };

describe("diffTopologies", () => {
  it("finds nothing between a topology and itself", () => {
    const d = diffTopologies(O365, O365);
    expect(d.changes).toEqual([]);
    expect(d.summary.flows).toBe(O365.users.length * PROTOCOLS.length * CLIENTS.length);
    expect(d.summary.unchanged).toBe(d.summary.flows);
    expect(renderDiffMarkdown(d, labels)).toContain("No flow changed outcome or path.");
  });

  it("reports a renamed namespace as path changes of the users behind it, with the old and new host", () => {
    const d = diffTopologies(O365, renamed);
    expect(d.changes.length).toBeGreaterThan(0);
    expect(new Set(d.changes.map((c) => c.change))).toEqual(new Set(["path"]));
    const eas = d.changes.find((c) => c.user === "carmen" && c.protocol === "activesync" && c.client === "external");
    expect(eas?.before?.host).toBe("europe.mail.o365info.com");
    expect(eas?.after?.host).toBe("eu.mail.o365info.com");
    const md = renderDiffMarkdown(d, labels);
    expect(md).toContain("| carmen | activesync | external | path |");
    expect(md).toContain("before: client → MAD-CAS2007: connect https://europe.mail.o365info.com/Microsoft-Server-ActiveSync");
  });

  it("reports users that appear or disappear, every protocol and location of them", () => {
    const fewer: Topology = { ...O365, users: O365.users.slice(1) };
    const gone = O365.users[0]?.name;
    const d = diffTopologies(O365, fewer);
    expect(d.changes.every((c) => c.change === "removed" && c.user === gone && c.after === null)).toBe(true);
    expect(d.summary.byChange.removed).toBe(d.changes.length);
    expect(diffTopologies(fewer, O365).summary.byChange.added).toBe(d.changes.length);
  });

  it("routes both versions under the asked profile, else the newer version's own, else the default", () => {
    const { profile: _, ...unprofiled } = O365;
    expect(O365.profile).toBe("o365info");
    expect(diffTopologies(unprofiled, O365).profile).toBe("o365info");
    expect(diffTopologies(O365, unprofiled).profile).toBe("microsoft");
    expect(diffTopologies(O365, O365, "microsoft").profile).toBe("microsoft");
    // One profile for both sides: dropping the topology's own profile is not a flow change by itself.
    expect(diffTopologies(O365, unprofiled).changes).toEqual([]);
  });

  it("reports an outcome change when a user's mailbox moves to another version", () => {
    const carmen = O365.users.find((u) => u.name === "carmen");
    const other = O365.users.find((u) => u.mailbox !== carmen?.mailbox);
    const moved: Topology = {
      ...O365,
      users: O365.users.map((u) => (u.name === "carmen" ? { ...u, mailbox: other?.mailbox ?? u.mailbox } : u)),
    };
    const d = diffTopologies(O365, moved);
    expect(d.changes.some((c) => c.user === "carmen" && c.change === "outcome")).toBe(true);
    expect(d.changes.every((c) => c.user === "carmen")).toBe(true);
  });
});
