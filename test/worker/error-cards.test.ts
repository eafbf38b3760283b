/**
 * Errors in the format asked for: a PNG request's error is a PNG card (so a file saved as .png is
 * one), an SVG request's an SVG card; Mermaid text posted the way Kroki users post it gets a
 * 415 (Mermaid content type) or 422 (plain text) that says what exflow takes and where to read it.
 */
import { describe, expect, test } from "vitest";
import { get, post } from "./helpers.ts";

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

describe("error cards and Mermaid bodies", () => {
  test("a PNG URL that fails answers a PNG card with the error's status", async () => {
    for (const path of ["/v1/presets/nope/x.png", "/v1/presets/o365info/nope.png", "/v1/flow?format=png"]) {
      const res = path.startsWith("/v1/flow") ? await post(path, { preset: "o365info" }) : await get(path);
      expect(res.status, path).toBeGreaterThanOrEqual(400);
      expect(res.headers.get("content-type"), path).toBe("image/png");
      expect([...new Uint8Array(await res.arrayBuffer()).slice(0, 8)], path).toEqual(PNG_MAGIC);
    }
  });

  test("an SVG URL that fails still answers an SVG card", async () => {
    const res = await get("/v1/presets/nope/x.svg");
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/^image\/svg\+xml/);
  });

  test("Mermaid text is refused with a pointer to the request format", async () => {
    const mermaid = "%% a comment\nsequenceDiagram\n  Alice->>Bob: hi\n";
    const plain = await post("/v1/flow", mermaid, { "Content-Type": "text/plain" });
    expect(plain.status).toBe(422);
    const typed = await post("/v1/flow", "graph TD\n A-->B\n", { "Content-Type": "text/vnd.mermaid" });
    expect(typed.status).toBe(415);
    for (const res of [plain, typed]) {
      const body = (await res.json()) as { detail: string; type: string };
      expect(body.type).toBe("urn:exflow:problem:mermaid-body");
      expect(body.detail).toContain("exflow draws Exchange topologies");
      expect(body.detail).toContain("/openapi.json");
    }
  });

  test("a YAML topology that merely mentions a diagram word is still read", async () => {
    const res = await post("/v1/flow?format=json", "preset: o365info\nscenario: {user: carmen, protocol: owa, client: external}\n", {
      "Content-Type": "text/plain",
    });
    expect(res.status).toBe(200);
  });
});
