import type { TestProject } from "vitest/node";
import { startWaymark, type RunningWaymark } from "./waymarkServer.js";

let running: RunningWaymark | undefined;

/** One Waymark server with the demo provider for all browser tests; its address is provided to them. */
export async function setup(project: TestProject): Promise<void> {
  running = await startWaymark();
  project.provide("waymarkUrl", running.baseUrl);
}

export async function teardown(): Promise<void> {
  await running?.stop();
}

declare module "vitest" {
  export interface ProvidedContext {
    waymarkUrl: string;
  }
}
