/**
 * Writes a large HttpProxy log for the observe benchmark: the fabrikam preset's users and servers,
 * every protocol folder's traffic mix, realistic line lengths (~900 bytes, the full 2016 field
 * list with its GenericInfo), a header every 100,000 lines as after a restart, CRLF line ends.
 * Seeded, so every run writes the same bytes. Run: node bench/observe-gen.ts <file> [megabytes]
 */
import { createWriteStream } from "node:fs";
import { prng } from "./prng.ts";

const FIELDS = [
  "DateTime,RequestId,MajorVersion,MinorVersion,BuildVersion,RevisionVersion,ClientRequestId,Protocol,UrlHost,UrlStem,ProtocolAction",
  "AuthenticationType,IsAuthenticated,AuthenticatedUser,Organization,AnchorMailbox,UserAgent,ClientIpAddress,ServerHostName,HttpStatus",
  "BackEndStatus,ErrorCode,Method,ProxyAction,TargetServer,TargetServerVersion,RoutingType,RoutingHint,BackEndCookie,ServerLocatorHost",
  "ServerLocatorLatency,RequestBytes,ResponseBytes,TargetOutstandingRequests,AuthModulePerfContext,HttpPipelineLatency",
  "CalculateTargetBackEndLatency,GlsLatencyBreakup,TotalGlsLatency,AccountForestLatencyBreakup,TotalAccountForestLatency",
  "ResourceForestLatencyBreakup,TotalResourceForestLatency,ADLatency,SharedCacheLatencyBreakup,TotalSharedCacheLatency",
  "ActivityContextLifeTime,ModuleToHandlerSwitchingLatency,ClientReqStreamLatency,BackendReqInitLatency,BackendReqStreamLatency",
  "BackendProcessingLatency,BackendRespInitLatency,BackendRespStreamLatency,ClientRespStreamLatency,KerberosAuthHeaderLatency",
  "HandlerCompletionLatency,RequestHandlerLatency,HandlerToModuleSwitchingLatency,ProxyTime,CoreLatency,RoutingLatency",
  "HttpProxyOverhead,TotalRequestTime,RouteRefresherLatency,UrlQuery,BackEndGenericInfo,GenericInfo,GenericErrors,EdgeTraceId",
  "DatabaseGuid,UserADObjectGuid,PartitionEndpointLookupLatency,RoutingStatus",
].join(",");

const HEADER = [
  "#Software: Microsoft Exchange Server",
  "#Version: 15.01.2507.006",
  "#Log-type: HttpProxy Logs",
  "#Date: 2026-11-30T09:00:00.000Z",
  `#Fields: ${FIELDS}`,
].join("\r\n");

const USERS: [string, string][] = [
  ["gus", "hq-ex2016.fabrikam.local"],
  ["hal", "hq-ex2013.fabrikam.local"],
  ["ida", "hq-cas2010.fabrikam.local"],
  ["jon", "br-cas2010.fabrikam.local"],
  ["kim", "br-ex2016.fabrikam.local"],
];
const PROTOCOLS: [string, string, string][] = [
  ["Eas", "/Microsoft-Server-ActiveSync/default.eas", "Apple-iPhone16C2/2201.154"],
  ["Ews", "/EWS/Exchange.asmx", "Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17928; Pro)"],
  ["Mapi", "/mapi/emsmdb/", "MapiHttpClient"],
  ["Owa", "/owa/service.svc", '"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0"'],
  ["Autodiscover", "/autodiscover/autodiscover.xml", "Microsoft Office/16.0"],
  ["Oab", "/OAB/3b2f1e4a-5c6d-4e7f-8a9b-0c1d2e3f4a5b/oab.xml", "Microsoft Office/16.0"],
  ["RpcHttp", "/rpc/rpcproxy.dll", "MSRPC"],
];
const STATUSES = ["200", "200", "200", "200", "200", "200", "200", "401", "403", "451", "500", "302"];

export async function generate(file: string, megabytes: number): Promise<number> {
  const random = prng(26);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const out = createWriteStream(file);
  const limit = megabytes * 1024 * 1024;
  let bytes = 0;
  let lines = 0;
  const write = (s: string) =>
    new Promise<void>((done) => {
      bytes += Buffer.byteLength(s);
      if (out.write(s)) done();
      else out.once("drain", () => done());
    });
  await write(`\uFEFF${HEADER}\r\n`);
  let batch = "";
  while (bytes + batch.length < limit) {
    if (lines > 0 && lines % 100_000 === 0) batch += `${HEADER}\r\n`;
    const [user, target] = pick(USERS);
    const [protocol, stem, agent] = pick(PROTOCOLS);
    const status = pick(STATUSES);
    const id = Math.floor(random() * 0xffffffff)
      .toString(16)
      .padStart(8, "0");
    const t = `2026-11-30T${String(9 + (lines % 10)).padStart(2, "0")}:00:00.000Z`;
    const ip = `198.51.100.${Math.floor(random() * 250)}`;
    const info = [
      "BeginRequest=2026-11-30T09:00:00.116Z;CorrelationID=<empty>;ProxyState-Run=None;FEAuth=BEVersion-1942063431",
      `RoutingEntry=DatabaseGuid:fb7adba2-51f4-47e3-b170-fd39f85aaf35 Server:${target}`,
      "BeginGetResponse=2026-11-30T09:00:00.118Z;OnResponseReady=2026-11-30T09:00:00.129Z;EndGetResponse=2026-11-30T09:00:00.129Z",
      "ProxyState-Complete=ProxyResponseData;SharedCacheGuard=0;EndRequest=2026-11-30T09:00:00.130Z;",
    ].join(";");
    batch += [
      `${t},${id}-0c4e-4d3a-9b7e-00000000${id.slice(0, 4)},15,1,2507,6,,${protocol},mail.fabrikam.com,${stem},,Basic,true`,
      `FABRIKAM\\${user},,Smtp~${user}@fabrikam.com,${agent},${ip},HQ-EX2016,${status},${status},,POST,Proxy,${target}`,
      "15.01.2507.000,IntraForest,DatabaseGuid,Database~fb7adba2-51f4-47e3-b170-fd39f85aaf35~~2026-12-30T09:00:00,,,336,327,,,0,0,,0,,0",
      `,,0,0,,0,13,0,1,0,0,11,0,0,0,0,0,13,0,11,1,1,1,13,,,${info},,,|RoutingDB:fb7adba2,,,CafeV1\r\n`,
    ].join(",");
    lines++;
    if (batch.length > 1 << 20) {
      await write(batch);
      batch = "";
    }
  }
  if (batch) await write(batch);
  await new Promise<void>((done) => out.end(done));
  return lines;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [file, mb = "100"] = process.argv.slice(2);
  if (!file) throw new Error("usage: node bench/observe-gen.ts <file> [megabytes]");
  const lines = await generate(file, Number(mb));
  console.log(`${file}: ${lines} lines`);
}
