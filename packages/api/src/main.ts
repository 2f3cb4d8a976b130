#!/usr/bin/env node
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createWaymarkServer } from "./server.js";

const here = dirname(fileURLToPath(import.meta.url));
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "127.0.0.1";
const webRoot = resolve(process.env.WAYMARK_WEB_ROOT ?? resolve(here, "../../web/dist"));

const server = createWaymarkServer({ webRoot });
server.listen(port, host, () => {
  console.log(`Waymark is running at http://${host === "0.0.0.0" ? "localhost" : host}:${port}/`);
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
