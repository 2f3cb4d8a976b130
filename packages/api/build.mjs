// Bundles the server into dist/main.js. Waymark's own workspace packages (core, TypeScript source) are
// bundled in; every npm dependency stays external and is loaded from node_modules at run time.
import { build } from "esbuild";

await build({
  entryPoints: ["src/main.ts"],
  outfile: "dist/main.js",
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  sourcemap: true,
  tsconfig: "tsconfig.json",
  banner: { js: "#!/usr/bin/env node" },
  plugins: [
    {
      name: "npm-dependencies-external",
      setup(pluginBuild) {
        // Imports made from inside a workspace package (core's own libraries) are bundled with it, since
        // the api's node_modules cannot resolve them at run time.
        pluginBuild.onResolve({ filter: /^[^./]/ }, (args) =>
          args.path.startsWith("@waymark/") || /[\\/]packages[\\/](?!api[\\/])/.test(args.importer) ? undefined : { path: args.path, external: true },
        );
      },
    },
  ],
});
