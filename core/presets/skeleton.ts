/**
 * The smallest useful topology: one site, one server and one user, with one namespace so every
 * client location has a name to use. The playground's "Custom topology" starts from it; a test
 * checks that it validates and routes.
 */
import type { Topology } from "../types.ts";

export const SKELETON_TOPOLOGY: Topology = {
  name: "my-organisation",
  domain: "contoso.com",
  sites: [{ name: "HQ" }],
  servers: [
    {
      name: "EX1",
      fqdn: "ex1.contoso.local",
      version: 2019,
      roles: ["mailbox"],
      site: "HQ",
      urls: { owa: { internal: "https://mail.contoso.com/owa", external: "https://mail.contoso.com/owa" } },
    },
  ],
  namespaces: [{ host: "mail.contoso.com", servers: ["EX1"] }],
  users: [{ name: "alice", mailbox: "EX1" }],
};
