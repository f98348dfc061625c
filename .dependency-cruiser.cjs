/**
 * The layers and which way the arrows point (docs/ARCHITECTURE.md):
 *   app/ → server/ → db/ → Postgres, and domain/ under all of them.
 * `npm run lint:layers` checks every import against these rules; `npm test` runs it.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "domain-is-pure",
      comment:
        "domain/ holds the product's rules: it imports nothing of ours outside domain/ (zod and small pure libraries only).",
      severity: "error",
      from: { path: "^domain/" },
      to: { path: "^(app|server|db|i18n|messages|scripts|tests|e2e|env\\.ts)" },
    },
    {
      name: "domain-no-node",
      comment: "domain/ runs in the browser too: no Node built-ins.",
      severity: "error",
      from: { path: "^domain/", pathNot: "\\.test\\.ts$" },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "db-below-server",
      comment: "db/ is below server/ and app/: queries and schema never reach up.",
      severity: "error",
      from: { path: "^db/" },
      to: { path: "^(app|server)/" },
    },
    {
      name: "app-through-server",
      comment: "app/ reaches data only through server/ (tRPC): no SQL, no database client.",
      severity: "error",
      from: { path: "^app/" },
      to: { path: "^db/" },
    },
    {
      name: "server-below-app",
      comment: "server/ never imports pages or components.",
      severity: "error",
      from: { path: "^server/" },
      to: { path: "^app/" },
    },
    {
      name: "routers-independent",
      comment:
        "A router does not import another router; what two share lives in server/services/ or domain/.",
      severity: "error",
      from: { path: "^server/routers/([^/]+)" },
      to: { path: "^server/routers/", pathNot: "^server/routers/$1" },
    },
    {
      name: "services-below-routers",
      comment: "Services hold multi-step operations the routers call; they never call a router.",
      severity: "error",
      from: { path: "^server/services/" },
      to: { path: "^server/(routers/|root\\.ts|trpc\\.ts)" },
    },
    {
      name: "no-circular",
      severity: "error",
      from: {},
      to: { circular: true, dependencyTypesNot: ["type-only"] },
    },
    {
      name: "not-to-unresolvable",
      severity: "error",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(node_modules|\\.next|\\.data)" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".mts", ".js", ".mjs", ".json"],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
