/**
 * HttpProxy's protocol names (the `Protocol` column, which is also the name of the log folder
 * under Logging\HttpProxy) and exflow's. Exchange names a few services exflow does not route
 * (PowerShell, the REST and push services); those are counted and named in the report, never
 * dropped. When the column is empty or absent, the URL path or the folder the file came from
 * says which service answered.
 */
import type { Protocol } from "../types.ts";

/** Lower-cased HttpProxy name -> exflow protocol; null: a service exflow has no flow for. */
const BY_LOG_NAME: Record<string, Protocol | null> = {
  autodiscover: "autodiscover",
  eas: "activesync",
  ews: "ews",
  mapi: "mapi-http",
  oab: "oab",
  owa: "owa",
  // Published calendars (/owa/calendar) are OWA's virtual directory.
  owacalendar: "owa",
  ecp: "ecp",
  rpchttp: "outlook-anywhere",
  powershell: null,
  pushnotifications: null,
  reportingwebservice: null,
  psws: null,
  restapi: null,
  outlookservice: null,
  o365suiteservice: null,
  e4e: null,
  xrop: null,
  snackyservice: null,
  microservice: null,
};

/** First path segment of UrlStem -> the HttpProxy name, for logs whose Protocol column is empty. */
const BY_PATH: Record<string, string> = {
  autodiscover: "Autodiscover",
  "microsoft-server-activesync": "Eas",
  ews: "Ews",
  mapi: "Mapi",
  oab: "Oab",
  owa: "Owa",
  ecp: "Ecp",
  rpc: "RpcHttp",
  powershell: "PowerShell",
  api: "RestApi",
};

export interface ProtocolName {
  /** As the log names it (`Eas`), or as the URL path or folder implies it. */
  log: string;
  /** exflow's name, or null when exflow has no flow for this service. */
  exflow: Protocol | null;
}

const cache = new Map<string, ProtocolName>();

/** The protocol of one request: the Protocol column, else the URL path, else the log's folder. */
export function protocolOf(column: string, urlStem: string, folder: string): ProtocolName {
  const key = `${column}\u001f${column ? "" : urlStem}\u001f${column ? "" : folder}`;
  let hit = cache.get(key);
  if (!hit) {
    const log = JSON.parse(JSON.stringify(column || fromPath(urlStem) || folder || "(none)")) as string;
    const exflow = BY_LOG_NAME[log.toLowerCase()];
    hit = { log, exflow: exflow === undefined ? null : exflow };
    if (cache.size < 10_000) cache.set(JSON.parse(JSON.stringify(key)) as string, hit);
  }
  return hit;
}

function fromPath(urlStem: string): string {
  const seg = urlStem.replace(/^\/+/, "").split("/")[0]?.toLowerCase() ?? "";
  return BY_PATH[seg] ?? "";
}

/** The HttpProxy folder a log file sits in (`.../HttpProxy/Eas/HttpProxy_2026113009-1.LOG` -> `Eas`); "" for any other folder. */
export function folderOf(file: string): string {
  const parts = file.split(/[\\/]/);
  const folder = parts.length >= 2 ? (parts[parts.length - 2] ?? "") : "";
  return Object.hasOwn(BY_LOG_NAME, folder.toLowerCase()) ? folder : "";
}
