import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join, normalize, sep } from "node:path";

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json",
  ".woff2": "font/woff2",
};

/**
 * Serves the built single-page app from `root`. Unknown paths fall back to index.html so the app's own
 * routes survive a reload; paths that climb out of `root` are refused.
 */
export function webAppHandler(root: string) {
  const rootWithSep = root.endsWith(sep) ? root : root + sep;
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const pathname = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    const requested = normalize(join(root, pathname));
    if (!requested.startsWith(rootWithSep) && requested !== root) {
      response.writeHead(400).end();
      return;
    }
    const file = (await isFile(requested)) ? requested : join(root, "index.html");
    if (!(await isFile(file))) {
      response.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("The web app has not been built.");
      return;
    }
    // Hashed assets never change; index.html must be re-read so a new release is picked up.
    const immutable = file.includes(`${sep}assets${sep}`);
    response.writeHead(200, {
      "content-type": CONTENT_TYPES[extname(file)] ?? "application/octet-stream",
      "cache-control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
      "x-content-type-options": "nosniff",
    });
    createReadStream(file).pipe(response);
  };
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
