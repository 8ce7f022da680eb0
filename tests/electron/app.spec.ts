import { _electron as electron, expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAIN, REPO, childEnv, electronOrSkip } from './electron-binary';

test('opens the sample edition in a sandboxed window', async () => {
  const executablePath = electronOrSkip();
  if (executablePath === null) return;

  const home = mkdtempSync(join(tmpdir(), 'edition-desk-electron-'));
  const app = await electron.launch({ executablePath, args: [MAIN], cwd: REPO, env: childEnv(home) });
  try {
    // The user-data folder (settings, workspace, single-instance lock) follows EDITION_DESK_HOME.
    expect(await app.evaluate(({ app: a }) => a.getPath('userData'))).toBe(home);

    const page = await app.firstWindow();
    await expect(page).toHaveTitle(/特刊编辑台/);
    // The Pages workspace opens the sample edition's 2026 page by default.
    await expect(page.getByText('谋好篇 布好局 履职尽责为人民').first()).toBeVisible();

    // contextIsolation + sandbox: no Node in the page, only the bridge from the preload.
    const globals = await page.evaluate(() => {
      const g = globalThis as unknown as Record<string, unknown>;
      return { require: typeof g['require'], process: typeof g['process'], bridge: typeof g['editionDesk'] };
    });
    expect(globals).toEqual({ require: 'undefined', process: 'undefined', bridge: 'object' });
  } finally {
    await app.close();
    rmSync(home, { recursive: true, force: true });
  }
});
