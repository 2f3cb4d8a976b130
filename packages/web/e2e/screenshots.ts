import { mkdirSync } from "node:fs";
import type { Page } from "playwright-core";

/** Where the browser tests leave full-page screenshots of the main screens, for people to look at. */
export const SCREENSHOT_FOLDER = process.env.WAYMARK_SCREENSHOTS ?? "/tmp/waymark-screens";

/** Saves a full-page screenshot as <folder>/<name>.png. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_FOLDER, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOT_FOLDER}/${name}.png`, fullPage: true });
}
