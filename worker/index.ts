/**
 * exflow worker: the HTTP edge. Routes, negotiation, caching and errors live here;
 * routing decisions live in core/, drawing in diagrams/.
 */
import { Hono } from "hono";
import pkg from "../package.json" with { type: "json" };

const app = new Hono();

app.get("/healthz", (c) => c.json({ name: pkg.name, version: pkg.version }));

export default app;
