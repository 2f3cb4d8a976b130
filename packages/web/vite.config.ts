import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: "dist",
    sourcemap: true,
    // Two pages: the web app, and GraphiQL for analysts (served by the API at /graphiql to signed-in users).
    rollupOptions: { input: { main: "index.html", graphiql: "graphiql.html" } },
  },
  server: { proxy: { "/graphql": "http://127.0.0.1:3000" } },
});
