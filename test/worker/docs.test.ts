/**
 * The documented API: PNG wherever SVG is offered, bare-topology POSTs with the scenario in the query,
 * `notes` and `label`, and "one strong ETag, one byte sequence" across origins and key orders.
 */
import { execFileSync } from "node:child_process";
import { describe, expect, test } from "vitest";
import { presets } from "../../core/index.ts";
import app from "../../worker/index.ts";
import { get, kroki, ORIGIN, post, REQUEST, SCENARIO } from "./helpers.ts";

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

async function pngSize(res: Response): Promise<[number, number]> {
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe("image/png");
  const b = new Uint8Array(await res.arrayBuffer());
  expect([...b.slice(0, 8)]).toEqual(PNG_MAGIC);
  const v = new DataView(b.buffer, b.byteOffset);
  return [v.getUint32(16), v.getUint32(20)];
}

const svgSize = (svg: string): [number, number] => {
  const m = /<svg [^>]*width="([\d.]+)" height="([\d.]+)"/.exec(svg);
  return [Number(m?.[1]), Number(m?.[2])];
};

/** resvg rounds fractional pixel sizes: within one pixel. */
function sameSize(png: [number, number], svg: [number, number]): void {
  expect(Math.abs(png[0] - svg[0])).toBeLessThan(1);
  expect(Math.abs(png[1] - svg[1])).toBeLessThan(1);
}

/** The topology file exactly as `exflow presets o365info` prints it (comments and all). */
const TOPOLOGY_YAML = execFileSync(process.execPath, ["cli/exflow.ts", "presets", "o365info"], { encoding: "utf8" });

describe("PNG", () => {
  test("a preset .png is the .svg's picture, pixel for pixel in size", async () => {
    const svg = await (await get("/v1/presets/o365info/activesync-madrid.svg")).text();
    sameSize(await pngSize(await get("/v1/presets/o365info/activesync-madrid.png")), svgSize(svg));
  });

  test("POST ?format=png, Accept: image/png and the encoded GET, in both views", async () => {
    await pngSize(await post("/v1/flow?format=png", REQUEST));
    await pngSize(await post("/v1/flow", REQUEST, { Accept: "image/png" }));
    const map = await (await post("/v1/flow?format=svg&view=map", REQUEST)).text();
    sameSize(await pngSize(await get(`/v1/flow/png/${kroki(REQUEST)}?view=map`)), svgSize(map));
  });

  test("an <img> (Accept: image/*) still gets SVG", async () => {
    const res = await post("/v1/flow", REQUEST, { Accept: "image/webp,image/*,*/*;q=0.8" });
    expect(res.headers.get("content-type")).toMatch(/^image\/svg\+xml/);
  });

  test("errors for a PNG are a PNG card with the status", async () => {
    const res = await get("/v1/presets/o365info/nobody.png");
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toBe("image/png");
  });

  test("JSON links carry the PNG URL, and it answers", async () => {
    const { links } = (await (await post("/v1/flow?format=json", REQUEST)).json()) as { links: { png: string; map: { png: string } } };
    expect(links.png).toMatch(/^http:\/\/exflow\.test\/v1\/flow\/png\//);
    expect(links.map.png).toMatch(/\/v1\/flow\/png\//);
    await pngSize(await get(links.png.slice(ORIGIN.length)));
  });
});

describe("a bare topology with the scenario in the query", () => {
  test("POST /v1/flow takes the file `exflow presets o365info` writes, as the preset request would", async () => {
    const q = new URLSearchParams({ ...SCENARIO, format: "md" });
    const bare = await post(`/v1/flow?${q}`, TOPOLOGY_YAML, { "Content-Type": "application/yaml" });
    expect(bare.status).toBe(200);
    const viaPreset = await post("/v1/flow?format=md", REQUEST);
    expect(await bare.text()).toBe(await viaPreset.text());
  });

  test("the body's scenario wins over the query; a missing scenario field is a 422 naming it", async () => {
    const body = { topology: presets.o365info!.topology, scenario: { ...SCENARIO, user: "alice" } };
    const json = (await (await post("/v1/flow?user=carmen", body)).json()) as { flow: { scenario: { user: string } } };
    expect(json.flow.scenario.user).toBe("alice");
    const res = await post("/v1/flow?user=carmen&client=external", TOPOLOGY_YAML, { "Content-Type": "application/yaml" });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain("scenario.protocol");
  });

  test("POST /v1/audit takes it too (CSV equal to the preset's)", async () => {
    const bare = await post("/v1/audit?format=csv", TOPOLOGY_YAML, { "Content-Type": "application/yaml" });
    expect(bare.status).toBe(200);
    expect(await bare.text()).toBe(await (await get("/v1/presets/o365info/audit.csv")).text());
  });

  test("JSON links of a bare POST encode the whole request, so they answer", async () => {
    const q = new URLSearchParams({ ...SCENARIO, format: "json" });
    const { links } = (await (await post(`/v1/flow?${q}`, TOPOLOGY_YAML, { "Content-Type": "application/yaml" })).json()) as {
      links: { md: string };
    };
    const res = await get(links.md.slice(ORIGIN.length));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(await (await post("/v1/flow?format=md", REQUEST)).text());
  });
});

describe("notes and label", () => {
  const topology = structuredClone(presets.contoso!.topology);
  for (const s of topology.servers)
    if (s.name === "S3-CAS2010" || s.name === "S2-CAS2010") s.autodiscoverInternalUri = `https://${s.fqdn}/Autodiscover/Autodiscover.xml`;
  const doc = { topology, scenario: { user: "dan", protocol: "autodiscover", client: "internal" } };
  const svgOf = async (q: string): Promise<string> => (await post(`/v1/flow?format=svg&${q}`, doc)).text();

  test("notes=none < brief (default) < full in height; the warnings are in full only in full", async () => {
    const [none, brief, full, byDefault] = await Promise.all([svgOf("notes=none"), svgOf("notes=brief"), svgOf("notes=full"), svgOf("")]);
    expect(byDefault).toBe(brief);
    const h = (s: string): number => svgSize(s)[1];
    expect(h(none)).toBeLessThan(h(brief));
    expect(h(brief)).toBeLessThan(h(full));
    expect(none).not.toContain("DX-11");
    expect(brief).toContain("DX-11");
    expect(full).toContain("Set it to");
    expect(brief).not.toContain("Set it to");
  });

  test("label=role|name|both; the site is not repeated inside its own box", async () => {
    const role = await svgOf("label=role");
    const name = await svgOf("label=name");
    const both = await svgOf("");
    expect(role).toContain(">CAS 2010<");
    expect(role).not.toContain(">S3-CAS2010");
    expect(name).toContain(">S3-CAS2010<");
    expect(both).toContain(">S3-CAS2010, CAS 2010<");
    expect(both).not.toMatch(/CAS 2010, Site3/);
  });

  test("a bad value is a 422 naming the option", async () => {
    const res = await post("/v1/flow?format=svg&notes=some", REQUEST);
    expect(res.status).toBe(422);
  });
});

describe("one strong ETag, one byte sequence", () => {
  const reorder = {
    scenario: { host: SCENARIO.host, client: SCENARIO.client, protocol: SCENARIO.protocol, user: SCENARIO.user },
    preset: "o365info",
  };
  const at = (origin: string, path: string, body: unknown): Promise<Response> =>
    Promise.resolve(
      app.request(`${origin}${path}`, { method: "POST", body: JSON.stringify(body), headers: { "Content-Type": "application/json" } }),
    );

  test.each(["json", "svg", "mmd", "md", "png"])("%s across origins and key orders", async (format) => {
    const answers = await Promise.all(
      ["http://127.0.0.1:8787", "http://localhost:8787", "https://exflow.example"].flatMap((origin) =>
        [REQUEST, reorder].map(async (body) => {
          const res = await at(origin, `/v1/flow?format=${format}`, body);
          return { etag: res.headers.get("etag"), bytes: Buffer.from(await res.arrayBuffer()).toString("base64") };
        }),
      ),
    );
    const byEtag = new Map<string, Set<string>>();
    for (const a of answers) byEtag.set(a.etag ?? "", (byEtag.get(a.etag ?? "") ?? new Set()).add(a.bytes));
    for (const [etag, bodies] of byEtag) expect(bodies.size, `ETag ${etag} names ${bodies.size} different bodies`).toBe(1);
    // Formats without links do not depend on the origin: one ETag for all six.
    if (format !== "json") expect(byEtag.size).toBe(1);
  });
});
