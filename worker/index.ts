/**
 * exflow worker: the HTTP edge. Middleware (request id, security headers, CORS, URL limit, 405s),
 * the route groups, and the single error handler. Routing decisions live in core/, drawing in
 * diagrams/; both only ever receive plain data from here. Only the app is exported: workerd
 * rejects any other export of the entry module.
 */
import { Hono } from "hono/tiny";
import { cors } from "hono/cors";
import { methodNotAllowed as allowOnly } from "hono/method-not-allowed";
import type { AppEnv } from "./app-env.ts";
import { methodNotAllowed, onError, onNotFound, problemResponse, urlTooLong } from "./errors.ts";
import { standardHeaders } from "./headers.ts";
import { MAX_URL_CHARS } from "./limits.ts";
import { unknownQuery } from "./query-check.ts";
import { auditRoutes } from "./routes/audit.ts";
import { flowRoutes } from "./routes/flow.ts";
import { importRoutes } from "./routes/import.ts";
import { metaRoutes } from "./routes/meta.ts";
import { presetRoutes } from "./routes/presets.ts";
import { savedRoutes } from "./routes/saved.ts";
import { topologyRoutes } from "./routes/topologies.ts";

const app = new Hono<AppEnv>();

app.use(standardHeaders);

app.use(
  cors({
    origin: "*",
    allowMethods: ["GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS"],
    exposeHeaders: ["ETag", "X-Request-Id"],
    maxAge: 86400,
  }),
);

app.use(async (c, next) => {
  if (c.req.url.length > MAX_URL_CHARS) throw urlTooLong();
  await next();
});

app.use(allowOnly({ app, onMethodNotAllowed: (c, methods) => problemResponse(c, methodNotAllowed(methods).problem) }));

// After the 405s: a method the path does not take is a 405 whatever its query.
app.use(unknownQuery);

app.route("/", metaRoutes);
app.route("/", flowRoutes);
app.route("/", presetRoutes);
app.route("/", auditRoutes);
app.route("/", importRoutes);
app.route("/", topologyRoutes);
app.route("/", savedRoutes);

app.notFound(onNotFound);
app.onError(onError);

export default app;
