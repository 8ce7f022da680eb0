import { expect, type Locator, type Page } from '@playwright/test';

/** Waits until an <img> on the sheet has decoded its picture (a broken one never does). */
export async function expectImageLoaded(img: Locator, timeout = 30_000): Promise<void> {
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0), { timeout }).toBe(true);
}

/**
 * Holds back every `library:ingest-committed` answer in the browser (the host's work is not
 * touched), so the shown-but-not-committed state of the sheet can be looked at; the returned
 * function lets them through.
 */
export async function holdCommits(page: Page): Promise<() => void> {
  let release!: () => void;
  const gate = new Promise<void>((r) => { release = r; });
  await page.route('**/api/library:ingest-committed', async (route) => { await gate; await route.continue(); });
  return release;
}
