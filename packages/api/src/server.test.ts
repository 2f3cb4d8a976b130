import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWaymarkServer } from "./server.js";

describe("the HTTP server", () => {
  const webRoot = mkdtempSync(join(tmpdir(), "waymark-web-"));
  mkdirSync(join(webRoot, "assets"));
  writeFileSync(join(webRoot, "index.html"), "<!doctype html><title>Waymark</title>");
  writeFileSync(join(webRoot, "assets", "app-1234.js"), "console.log('app')");
  const server = createWaymarkServer({ webRoot });
  let base = "";

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("answers the health check", async () => {
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("serves the app's page for its own routes so a reload keeps working", async () => {
    const response = await fetch(`${base}/caseload`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/html");
    expect(await response.text()).toContain("<title>Waymark</title>");
  });

  it("serves hashed assets as immutable", async () => {
    const response = await fetch(`${base}/assets/app-1234.js`);
    expect(response.headers.get("cache-control")).toContain("immutable");
    expect(response.headers.get("content-type")).toContain("javascript");
  });

  it("never serves a file outside the app's folder", async () => {
    const response = await fetch(`${base}/..%2f..%2fetc%2fpasswd`);
    expect(response.status).toBe(400);
  });
});
