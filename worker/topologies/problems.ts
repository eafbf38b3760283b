/**
 * The saved-topology problems, as ProblemErrors for worker/errors.ts to send. A 404 says the same
 * thing for an id that never existed, a deleted one and a malformed one, and lists nothing.
 */
import { ProblemError } from "../errors.ts";
import { MAX_VERSIONS, MAX_WRITES_PER_WINDOW, WRITE_WINDOW_MS } from "./limits.ts";

export const noSuchTopology = (): ProblemError =>
  new ProblemError({
    status: 404,
    slug: "not-found",
    title: "Not found",
    detail: "no saved topology with this id (it may have been deleted); ids are given out only by POST /v1/topologies",
  });

export const noSuchVersion = (version: number, latest: number): ProblemError =>
  new ProblemError({
    status: 404,
    slug: "not-found",
    title: "Not found",
    detail: `this topology has no version ${version}; its versions are 1 to ${latest}`,
  });

const BEARER = { "WWW-Authenticate": 'Bearer realm="exflow topologies"' };

export const tokenMissing = (): ProblemError =>
  new ProblemError({
    status: 401,
    slug: "token-required",
    title: "Write token required",
    detail:
      "changing a saved topology needs its write token: send Authorization: Bearer <token> (the token POST /v1/topologies returned once)",
    headers: BEARER,
  });

export const tokenWrong = (): ProblemError =>
  new ProblemError({
    status: 403,
    slug: "token-rejected",
    title: "Write token rejected",
    detail: "this is not the write token of this topology; nothing was changed",
    headers: BEARER,
  });

export const tooManyVersions = (): ProblemError =>
  new ProblemError({
    status: 409,
    slug: "version-limit",
    title: "Too many versions",
    detail: [
      `this topology already has ${MAX_VERSIONS} versions, the limit; save the current one as a new`,
      "topology (POST /v1/topologies) and delete this one",
    ].join(" "),
  });

export const tooManyWrites = (retryAfterS: number): ProblemError =>
  new ProblemError({
    status: 429,
    slug: "write-rate-limit",
    title: "Too many writes",
    detail: `at most ${MAX_WRITES_PER_WINDOW} versions per topology per ${WRITE_WINDOW_MS / 1000} seconds; try again in ${retryAfterS} s`,
    headers: { "Retry-After": String(retryAfterS) },
  });

export const storageUnavailable = (requestId: string): ProblemError =>
  new ProblemError({
    status: 503,
    slug: "storage-unavailable",
    title: "Storage unavailable",
    detail: `the topology store did not answer; nothing was changed. Try again shortly (request id ${requestId})`,
    headers: { "Retry-After": "5" },
  });

export const badDiffQuery = (detail: string): ProblemError =>
  new ProblemError({ status: 400, slug: "bad-query", title: "Bad query", detail });
