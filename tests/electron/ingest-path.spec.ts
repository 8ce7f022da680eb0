import { _electron as electron, expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cameraFiles } from '../support/camera-jpeg';
import { MAIN, REPO, childEnv, electronOrSkip } from './electron-binary';

// Picked files in the desktop app are read by main from their paths (issue 15:
// library:ingest-file-shown, ingest-camera-file.ts): the preload gives the page a picked
// file's path and nothing else, and camera JPEGs land on the sheet from their embedded
// previews. Where no Electron binary exists (this machine) it says so and skips; the
// channel itself is tested in tests/unit/ingest-shown.test.ts.

test('camera JPEGs picked in the window are read by main from their paths and land on the sheet', async () => {
  const executablePath = electronOrSkip();
  if (executablePath === null) return;
  const home = mkdtempSync(join(tmpdir(), 'edition-desk-electron-ingest-'));
  const files = await cameraFiles(home, 2, { first: 3000, width: 3000, height: 2000 });
  const app = await electron.launch({ executablePath, args: [MAIN], cwd: REPO, env: childEnv(home) });
  try {
    const page = await app.firstWindow();
    await page.getByRole('tab', { name: '图片' }).click();
    const input = page.locator('input[name="import-files"]');
    await input.setInputFiles(files);
    // The bridge knows where the picked file lives; a File the page makes has no path.
    expect(await input.evaluate((el: HTMLInputElement) => {
      const bridge = (globalThis as unknown as { editionDesk: { pathForFile: (f: unknown) => string } }).editionDesk;
      return [bridge.pathForFile(el.files![0]), bridge.pathForFile(new File(['x'], 'made.jpg'))];
    })).toEqual([files[0], '']);
    const bar = page.locator('.ingest-bar');
    await expect(bar).toHaveAttribute('data-ingest-state', 'done', { timeout: 60_000 });
    await expect(bar.locator('.ingest-count')).toContainText('2 / 2');
    for (let i = 0; i < 2; i++) await expect(page.locator('.cell', { hasText: `IMG_${3000 + i}.JPG` }).locator('img')).toBeVisible();
  } finally {
    await app.close();
    rmSync(home, { recursive: true, force: true });
  }
});
