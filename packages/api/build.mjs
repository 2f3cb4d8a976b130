// Bundles the server into dist/server.js and the command that starts it into dist/main.js. Waymark's own
// workspace packages (core, TypeScript source) are bundled in; every npm dependency stays external and is
// loaded from node_modules at run time.
import { build } from "esbuild";

const npmDependenciesExternal = {
  name: "npm-dependencies-external",
  setup(pluginBuild) {
    // Imports made from inside a workspace package (core's own libraries) are bundled with it, since
    // the api's node_modules cannot resolve them at run time.
    pluginBuild.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith("@waymark/") || /[\\/]packages[\\/](?!api[\\/])/.test(args.importer) ? undefined : { path: args.path, external: true },
    );
  },
};

const common = { bundle: true, platform: "node", target: "node20", format: "esm", sourcemap: true, tsconfig: "tsconfig.json" };

// The server itself.
await build({ ...common, entryPoints: ["src/main.ts"], outfile: "dist/server.js", plugins: [npmDependenciesExternal] });

// The command that starts it (src/launch.ts): it must run before the server's modules load, so it loads them itself.
await build({
  ...common,
  entryPoints: ["src/launch.ts"],
  outfile: "dist/main.js",
  banner: { js: "#!/usr/bin/env node" },
  plugins: [
    {
      name: "server-bundle-external",
      setup(pluginBuild) {
        pluginBuild.onResolve({ filter: /^\.\/main\.js$/ }, () => ({ path: "./server.js", external: true }));
      },
    },
  ],
});
