import { type Page } from '@playwright/test';
import { test, expect } from '../support/desk-test';
import { join } from 'node:path';
import { rm } from 'node:fs/promises';
import { startHost, tempDataDir, REPO, type RunningHost } from '../support/host';
import { ensureWorkspace } from '../../electron/services/bootstrap';
import { writeStory } from '../../electron/services/edition-store';
import { SAMPLE_EDITION_REF } from '../../electron/services/sample';
import { paragraph, rootState, textNode } from '../../shared/document/lexical-state';
import { withPairId } from '../../shared/story/node-types';
import { Story } from '../../shared/document/schema';

// Issue 15: the editor's text blocks are laid out only near the screen (content-visibility:
// auto, renderer/src/editor/blocks-at-size.css). A long 对照 story must still behave as one
// laid out in full: rows lined up wherever the desk is scrolled (heights become real as
// blocks come into view), a finding far down scrolled to and selected, typing there counted.

const BLOCKS = 400;
const ZH = ['县里今年新建幼儿园三所，改造老旧小区十二个，农村清洁取暖再覆盖五千户。', '坚持项目为王，全年谋划项目三百四十一个，总投资五百三十六亿元。', '文旅康养提质增效，太行一号旅游公路沁源段完成升级改造。'];
const EN = ['Short.', 'The county will plan 341 projects this year with a total investment of 53.68 billion yuan, and break ground on a local railway.', 'Livelihood projects come first: new kindergartens, renovated residential compounds, clean heating in villages, and a county hospital that can treat more illnesses without patients having to travel to the city, as promised in last year\'s report.'];
const STORY_ID = 'story-at-size';

let host: RunningHost;
let dataDir: string;
test.beforeAll(async () => {
  dataDir = tempDataDir();
  const { workspace } = await ensureWorkspace(dataDir, join(REPO, 'resources'));
  // Paragraphs of one to several lines, so the two columns' heights differ from row to row.
  const zh = Array.from({ length: BLOCKS }, (_, i) => withPairId(paragraph([textNode(ZH[i % 3]!.repeat(1 + (i % 4)))]), `b${i}`));
  const en = Array.from({ length: BLOCKS }, (_, i) => withPairId(paragraph([textNode(EN[i % 3]!)]), `b${i}`));
  // One finding near the end only: a half-width comma between Chinese characters.
  zh[BLOCKS - 10] = withPairId(paragraph([textNode('全县新增就业岗位,超过三千个。')]), `b${BLOCKS - 10}`);
  await writeStory(workspace.pathFor(SAMPLE_EDITION_REF), Story.parse({ id: STORY_ID, title: '长稿对照 At size', zh: rootState(zh), en: rootState(en), updatedAt: new Date().toISOString() }));
  host = await startHost(dataDir);
});
test.afterAll(async () => { await host?.stop(); await rm(dataDir, { recursive: true, force: true }); });

const col = (page: Page, lang: 'zh' | 'en') => page.locator(`.story-editor[data-lang="${lang}"] .editor-content`);

/** The largest misalignment over every row, and how many rows there are. */
const rowsOff = (page: Page) => page.evaluate(() => {
  const [a, b] = [...document.querySelectorAll<HTMLElement>('.story-columns .editor-content')];
  const tops = (root: HTMLElement) => new Map([...root.querySelectorAll<HTMLElement>(':scope > [data-pair-row]')].map((e) => [e.dataset['pairRow'], e.getBoundingClientRect().top]));
  const ta = tops(a!), tb = tops(b!);
  const off = [...ta].map(([k, v]) => Math.abs(v - (tb.get(k) ?? Infinity)));
  return off.length >= 400 ? Math.max(...off) : Infinity;
});

test('a long 对照 story: rows stay lined up as blocks come into view, a far finding is scrolled to, typing there counts', async ({ page }) => {
  await page.goto(host.url);
  await page.getByRole('tab', { name: '稿件' }).click();
  await page.locator(`[data-story-id="${STORY_ID}"]`).click();
  await page.locator('button[name="view-pair"]').click();
  await expect(col(page, 'en').locator(':scope > p')).toHaveCount(BLOCKS, { timeout: 20_000 });
  // The blocks off screen are not laid out: the feature this spec is about is on (the first and last blocks always are).
  expect(await col(page, 'zh').locator(':scope > p').nth(1).evaluate((el) => getComputedStyle(el).contentVisibility)).toBe('auto');
  await expect.poll(() => rowsOff(page), { timeout: 15_000 }).toBeLessThan(1);

  // Scrolled through: the blocks drawn get their real heights, and the rows follow.
  const pane = page.locator('.story-pane');
  for (const at of [0.3, 0.6, 1]) {
    await pane.evaluate((el, f) => { el.scrollTop = f * (el.scrollHeight - el.clientHeight); }, at);
    await expect.poll(() => rowsOff(page), { timeout: 10_000 }).toBeLessThan(1);
  }
  await page.screenshot({ path: join(REPO, 'docs/screenshots/pair-at-size.png') });

  // Back to the top; the finding near the end is listed and its jump brings it into view.
  await pane.evaluate((el) => { el.scrollTop = 0; });
  const item = page.locator('.story-editor[data-lang="zh"] .proof-item[data-rule="punct.half-width"]');
  await expect(item).toHaveCount(1, { timeout: 20_000 });
  await item.locator('.proof-jump').click();
  const target = col(page, 'zh').locator(':scope > p').nth(BLOCKS - 10);
  await expect.poll(async () => {
    const [b, p] = [await target.boundingBox(), await pane.boundingBox()];
    return !!b && !!p && b.y >= p.y && b.y + b.height <= p.y + p.height;
  }, { timeout: 10_000 }).toBe(true);
  await expect.poll(() => page.evaluate(() => globalThis.getSelection()?.toString()), { timeout: 10_000 }).toBe(',');

  // Typing there: the character lands in that block, the count follows, the rows stay lined up.
  const count = page.locator('.story-editor[data-lang="zh"] .char-count');
  const before = Number(await count.getAttribute('data-count-han'));
  await page.keyboard.type('增');
  await expect(target).toContainText('增超过');
  await expect(count).toHaveAttribute('data-count-han', String(before + 1), { timeout: 10_000 });
  await expect.poll(() => rowsOff(page), { timeout: 10_000 }).toBeLessThan(1);
});
