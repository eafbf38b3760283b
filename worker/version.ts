/** Package name and version: /healthz reports them and every ETag includes the version. */
import pkg from "../package.json" with { type: "json" };

export const NAME: string = pkg.name;
export const VERSION: string = pkg.version;
