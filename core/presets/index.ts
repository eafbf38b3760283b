/** The built-in topologies, by id: the article's, a Microsoft-style 2013/2010/2007 one, and a 2016 one. */
import { contoso } from "./contoso.ts";
import { contosoHybrid, contosoModernHybrid } from "./contoso-hybrid.ts";
import { fabrikam } from "./fabrikam.ts";
import { o365info } from "./o365info.ts";
import type { Preset } from "./types.ts";

export type { Preset, PresetScenario } from "./types.ts";

export const presets: Record<string, Preset> = {
  [o365info.id]: o365info,
  [contoso.id]: contoso,
  [fabrikam.id]: fabrikam,
  [contosoHybrid.id]: contosoHybrid,
  [contosoModernHybrid.id]: contosoModernHybrid,
};
