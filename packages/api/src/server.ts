import { createServer, type Server } from "node:http";
import { webAppHandler } from "./webApp.js";

export interface ServerOptions {
  readonly webRoot: string;
}

/** Waymark's HTTP server: health checks and the web app. */
export function createWaymarkServer(options: ServerOptions): Server {
  const serveWebApp = webAppHandler(options.webRoot);
  return createServer((request, response) => {
    if (request.url === "/healthz") {
      response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ status: "ok" }));
      return;
    }
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { allow: "GET, HEAD" }).end();
      return;
    }
    serveWebApp(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
}
