/**
 * Outlook with Hybrid Modern Authentication and an on-premises mailbox: Outlook for iOS/Android,
 * which talks to Exchange Online only (F-4), and Outlook desktop (F-11). Hop lists follow the
 * reference's; where it stops at the client's connection, the flow adds the answer (P2).
 */
import { back, enter, type HCtx } from "./context.ts";
import { EXO_HOSTS } from "./endpoints.ts";
import { onPremDoor } from "./flows-client.ts";
import { clientHost, door } from "../../model/places.ts";
import type { Server } from "../../types.ts";

/** F-4 (HY-33; HY-35 without HMA): Outlook for iOS/Android and an on-premises mailbox: the app talks to Exchange Online only. */
export function outlookMobile(c: HCtx, mbx: Server, host: string | undefined): void {
  const t = c.t;
  const hma = c.h.hma === true;
  const app = "client";
  const detect = t.cloud("autodetect");
  const exoAd = t.cloud("exo-autodiscover");
  t.hop(app, detect, "autodiscover", "HY-33", "Outlook for iOS/Android asks the Microsoft 365 AutoDetect service where the mailbox is.");
  t.hop(detect, exoAd, "autodiscover", "HY-33", "AutoDetect asks Exchange Online's Autodiscover.");
  const adHost = clientHost(c.m, "autodiscover", "external");
  t.hop(
    exoAd,
    detect,
    "redirect",
    "HY-33",
    `Exchange Online does not hold the mailbox and answers 302 to the on-premises autodiscover.json URL${adHost ? ` on ${adHost}` : ""}.`,
    adHost ? { url: `https://${adHost}/autodiscover/autodiscover.json?Protocol=activesync` } : {},
  );
  const dAd = adHost ? door(c.m, adHost, "internet") : undefined;
  if (!dAd) {
    t.breakHere(
      detect,
      t.ad(),
      "autodiscover",
      "HY-33",
      "No on-premises Autodiscover name is published to the Internet: AutoDetect cannot find the mailbox.",
      {
        code: "HX-09",
        severity: "error",
        message: "topology.namespaces: Outlook mobile needs Autodiscover published to the Internet without pre-authentication (HY-33)",
        path: ["topology", "namespaces"],
        breaks: ["F-4"],
      },
    );
    return;
  }
  enter(c, detect, dAd, {
    url: `https://${dAd.host}/autodiscover/autodiscover.json?Protocol=activesync`,
    rule: "HY-33",
    what: "AutoDetect sends the Autodiscover (JSON) request to",
    kind: "autodiscover",
  });
  if (t.failed) return;
  const easHost = host ?? clientHost(c.m, "activesync", "external", mbx);
  const dEas = easHost ? door(c.m, easHost, "internet") : undefined;
  if (!dEas) {
    t.breakHere(detect, t.ad(), "connect", "HY-33", "No ActiveSync name is published to the Internet.", {
      code: "RT-HOST",
      severity: "error",
      message: "scenario.host: Outlook mobile needs ActiveSync published to the Internet (HY-33)",
      path: ["scenario", "host"],
      breaks: ["F-4"],
    });
    return;
  }
  const easUrl = `https://${dEas.host}/Microsoft-Server-ActiveSync`;
  if (hma) {
    const p = enter(c, detect, dEas, {
      url: easUrl,
      rule: "HY-33",
      what: "AutoDetect sends an ActiveSync request with an empty Bearer header to",
    });
    if (t.failed) return;
    const fe = p[p.length - 1] as string;
    t.hop(
      fe,
      detect,
      "respond",
      "HY-33",
      `${fe} answers 401 with WWW-Authenticate: Bearer and the authorization_uri of Microsoft Entra ID.`,
    );
    t.hop(detect, app, "respond", "HY-33", "AutoDetect tells the app to sign in at Microsoft Entra ID for the on-premises resource.");
    t.hop(
      app,
      t.cloud("entra"),
      "token",
      "HY-33",
      `The app signs the user in at ${EXO_HOSTS.entra} and gets an access token (AT1) for the on-premises ActiveSync URL.`,
      { url: `https://${EXO_HOSTS.entra}/`, guard: ["HX-20", "HX-21", "HX-27"] },
    );
    const exo = t.cloud("exo");
    t.hop(app, exo, "connect", "HY-33", `The app provisions the account with Exchange Online (${EXO_HOSTS.exo}) and hands over AT1.`, {
      url: `https://${EXO_HOSTS.exo}/`,
    });
    t.hop(
      exo,
      t.cloud("entra"),
      "token",
      "HY-33",
      "Exchange Online exchanges AT1 for an on-behalf-of token (AT2) for the on-premises resource.",
      { url: `https://${EXO_HOSTS.entra}/` },
    );
    syncFromCloud(c, exo, dEas, easUrl, mbx, "AT2");
  } else {
    const exo = t.cloud("exo");
    t.hop(
      app,
      exo,
      "connect",
      "HY-35",
      `Without HMA the app gives the user's password to Exchange Online (${EXO_HOSTS.exo}), which stores it to sync on the app's behalf.`,
      { url: `https://${EXO_HOSTS.exo}/` },
    );
    syncFromCloud(c, exo, dEas, easUrl, mbx, "the stored credentials (basic authentication)");
    t.note(
      "info",
      "HY-35",
      "Outlook mobile without HMA is still cloud-backed: Exchange Online syncs the on-premises mailbox " +
        "over ActiveSync with stored credentials, and the data is cached outside the organisation.",
    );
  }
}

function syncFromCloud(c: HCtx, exo: string, d: NonNullable<ReturnType<typeof door>>, url: string, mbx: Server, auth: string): void {
  const t = c.t;
  const p = enter(c, exo, d, {
    url,
    rule: "HY-33",
    what: `Exchange Online (from 52.125.128.0/20 or 52.127.96.0/23) syncs over ActiveSync with ${auth}, connecting to`,
    kind: "proxy",
    guard: [],
  });
  if (t.failed) return;
  const fe = p[p.length - 1] as string;
  const path = [exo, fe];
  if (mbx !== d.fe) {
    t.hop(fe, t.server(mbx), "proxy", "SE-13", `${fe} proxies to ${mbx.name}, which holds the active copy of the mailbox.`);
    path.push(mbx.name);
  }
  back(c, path, "HY-33", mbx);
  t.hop(exo, "client", "respond", "HY-33", "Exchange Online sends the mail to the app; from now on the app talks only to Exchange Online.");
  t.outcome = "proxy";
}

/** F-11 (HY-72): Outlook for Windows, on-premises mailbox, HMA: a 401 Bearer challenge, a token from Entra ID, the request again. */
export function outlookHma(c: HCtx, mbx: Server, host: string | undefined): void {
  const t = c.t;
  const d = onPremDoor(c, host ?? clientHost(c.m, "mapi-http", c.client, mbx));
  if (!d) return;
  const url = `https://${d.host}/mapi/emsmdb/`;
  let p = enter(c, "client", d, { url, rule: "HY-72", what: "Outlook connects without credentials to", lbNumbered: true });
  if (t.failed) return;
  const fe = p[p.length - 1] as string;
  t.hop(
    fe,
    "client",
    "respond",
    "HY-72",
    `${fe} answers 401 with WWW-Authenticate: Bearer (evoSTS is the default authorization endpoint).`,
  );
  t.hop(
    "client",
    t.cloud("entra"),
    "token",
    "HY-72",
    [
      "Outlook signs the user in at",
      `${EXO_HOSTS.entra}${c.h.identityFederation ? " (sent on to AD FS)" : ""} and gets an access`,
      `token whose audience is ${d.host}.`,
    ].join(" "),
    { url: `https://${EXO_HOSTS.entra}/`, guard: ["HX-20", "HX-21", "HX-27"] },
  );
  p = enter(c, "client", d, { url, rule: "HY-72", what: "Outlook sends the request again with the Bearer token to", lbNumbered: true });
  if (t.failed) return;
  const path = [...p];
  if (mbx !== d.fe) {
    t.hop(
      fe,
      t.server(mbx),
      "proxy",
      "SE-13",
      [
        `${fe} proxies to ${mbx.name}, which holds the active copy of the`,
        `mailbox${d.fe.version !== mbx.version ? ` (Exchange ${d.fe.version} to ${mbx.version}: ${rankWord(d.fe, mbx)}, SE-14)` : ""}.`,
      ].join(" "),
    );
    path.push(mbx.name);
  }
  back(c, path, "HY-72", mbx);
  t.outcome = "proxy";
  t.note(
    "assumption",
    "HY-72",
    "The desktop's header exchange is recalled (R); the reference verifies the same pattern for Outlook mobile.",
  );
}

const rankWord = (fe: Server, mbx: Server): string =>
  fe.version === "SE" || (fe.version === 2019 && mbx.version === 2016) ? "down-level proxy" : "up-level proxy";
