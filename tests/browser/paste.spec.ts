import { type Page } from '@playwright/test';
import { test, expect } from '../support/desk-test';
import { startHost, type RunningHost } from '../support/host';

// Paste from Word, WPS, web pages and plain text into the zh story editor, through a
// synthetic paste event carrying the clipboard a real paste would (PastePlugin and
// renderer/src/editor/paste/sanitize-html.ts). Each case empties the story first, so what
// the editor holds afterwards is exactly what the paste made.

let host: RunningHost;
test.beforeAll(async () => { host = await startHost(); });
test.afterAll(async () => { await host.stop(); });

const EDITOR = '.story-editor[data-lang="zh"] .editor-content[data-lexical-editor]';

async function openEmptiedStory(page: Page): Promise<string[]> {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  await page.goto(host.url);
  await page.getByRole('tab', { name: '稿件' }).click();
  await page.locator('[data-story-id="story-2026"]').click();
  // The cases share one host, and the story holds whatever the previous case pasted once its
  // autosave landed: wait for the editor to show story-2026, whatever its text, then empty it.
  const editor = page.locator(`.story-editor[data-lang="zh"][data-editor-story="story-2026"] .editor-content[data-lexical-editor]`);
  await expect(editor).toBeVisible();
  await expect(editor).not.toHaveText(/^\s*$/);
  await editor.click();
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Delete');
  await expect(editor).toHaveText(/^\s*$/);
  return problems;
}

async function paste(page: Page, data: Record<string, string>): Promise<void> {
  await page.locator(EDITOR).focus();
  await page.evaluate(([selector, items]) => {
    const dt = new DataTransfer();
    for (const [type, value] of Object.entries(items)) dt.setData(type, value);
    const event = new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true });
    document.querySelector(selector)!.dispatchEvent(event);
  }, [EDITOR, data] as const);
}

/** Text nodes in the editor's state that still carry an inline style. */
async function styledTextNodes(page: Page): Promise<number> {
  return page.evaluate((selector) => {
    type N = { style?: string; children?: N[] };
    const el = document.querySelector(selector) as HTMLElement & { __lexicalEditor?: { getEditorState(): { toJSON(): { root: N } } } };
    const count = (n: N): number => (n.style ? 1 : 0) + (n.children ?? []).reduce((a, c) => a + count(c), 0);
    return count(el.__lexicalEditor!.getEditorState().toJSON().root);
  }, EDITOR);
}

test('hostile HTML: no script runs, no handler, image, frame or javascript: link survives', async ({ page }) => {
  const problems = await openEmptiedStory(page);
  await paste(page, {
    'text/html': '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script><p onclick="window.__pwned=3">安全文本<a href="javascript:alert(1)">链接</a></p><iframe src="https://example.com"></iframe>',
    'text/plain': '安全文本链接',
  });
  const editor = page.locator(EDITOR);
  await expect(editor).toContainText('安全文本链接');
  await page.waitForTimeout(300); // time for an image error or a frame to fire, were there one
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(editor.locator('img, script, iframe, [onclick], [onerror]')).toHaveCount(0);
  await expect(editor.locator('a[href^="javascript"]')).toHaveCount(0);
  await expect(page.locator('iframe')).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('Word HTML keeps title, heads, lead-in, subscript and lists, and drops fonts and styles', async ({ page }) => {
  const problems = await openEmptiedStory(page);
  const word = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
<head><meta name=Generator content="Microsoft Word 15"><style>p.MsoNormal{font-family:宋体}</style>
<!--[if gte mso 9]><xml><w:WordDocument><w:View>Normal</w:View></w:WordDocument></xml><![endif]--></head>
<body lang=ZH-CN><!--StartFragment-->
<p class=MsoTitle align=center style='text-align:center'><span style='font-family:黑体;mso-ascii-font-family:"Times New Roman"'>谋好篇 布好局 履职尽责为人民<o:p></o:p></span></p>
<h2><span style='font-family:黑体'>推动转型升级 在锻造硬核竞争力上重实干</span></h2>
<p class=MsoNormal style='text-indent:21.0pt'><b><span style='font-family:宋体'>传统产业</span></b><b><span style='font-family:宋体'>守正延伸。</span></b><span style='font-family:宋体;color:red;mso-bidi-font-size:12pt'>认准“依托煤、延伸煤、超越煤”的前进方向，加快推动中峪、贾郭煤矿
建设。<o:p></o:p></span></p>
<p class=MsoNormal><span lang=EN-US>PM<span style='vertical-align:sub'>2.5</span></span><span style='font-family:宋体'>平均浓度下降，<font color=blue face=楷体>优良天数</font>比例提高。</span></p>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<ul><li><span style='font-family:宋体'>中峪煤矿</span></li><li>贾郭煤矿</li></ul>
<!--EndFragment--></body></html>`;
  await paste(page, { 'text/html': word, 'text/plain': '谋好篇 布好局 履职尽责为人民' });
  const editor = page.locator(EDITOR);
  await expect(editor.locator('h1.ed-headline')).toHaveText('谋好篇 布好局 履职尽责为人民');
  await expect(editor.locator('h2.ed-section')).toHaveText('推动转型升级 在锻造硬核竞争力上重实干');
  await expect(editor.locator('.ed-lead-in')).toHaveText('传统产业守正延伸。');
  await expect(editor.locator('p').filter({ hasText: '认准' })).toHaveText('传统产业守正延伸。认准“依托煤、延伸煤、超越煤”的前进方向，加快推动中峪、贾郭煤矿建设。');
  await expect(editor.locator('sub')).toHaveText('2.5');
  await expect(editor.locator('p').filter({ hasText: 'PM' })).toHaveText('PM2.5平均浓度下降，优良天数比例提高。');
  await expect(editor.locator('li')).toHaveText(['中峪煤矿', '贾郭煤矿']);
  await expect(editor.locator('font, [style]')).toHaveCount(0);
  expect(await styledTextNodes(page)).toBe(0);
  expect(await editor.locator('p').evaluateAll((ps) => ps.filter((p) => !p.textContent?.trim()).length)).toBe(0);
  expect(problems).toEqual([]);
});

test('WPS HTML: subtitle as deck, outline level as head, list paragraphs as a list, raised text as superscript', async ({ page }) => {
  const problems = await openEmptiedStory(page);
  const wps = `<html><head><meta name="Generator" content="WPS Office"><style>.MsoNormal{mso-style-name:正文}</style></head><body>
<!--StartFragment--><p class="MsoSubtitle"><span style="font-family:楷体;font-size:16.0000pt;"><font face="楷体">以实干作答，以实绩交卷</font></span></p>
<p class="MsoNormal" style="mso-outline-level:2;"><b><span style="font-family:黑体;font-size:16.0000pt;"><font face="黑体">拓展内需空间</font></span></b></p>
<p class="MsoNormal" style="text-indent:32.0000pt;mso-char-indent-count:2.0000;"><span style="mso-spacerun:'yes';font-family:仿宋_GB2312;font-size:16.0000pt;"><font face="仿宋_GB2312">\u3000\u3000推动经开区储能电站
建成投运，新增绿地</font></span><span style="font-family:仿宋_GB2312;position:relative;top:-4.0000pt;mso-text-raise:4.0000pt;">2</span><span style="font-family:仿宋_GB2312;">万平方米。</span><span><o:p></o:p></span></p>
<p class="MsoListParagraph" style="margin-left:21.0000pt;text-indent:-21.0000pt;mso-list:l0 level1 lfo1;"><![if !supportLists]><span style="font-family:Wingdings;mso-list:Ignore;">l<span>&nbsp;</span></span><![endif]><span style="font-family:仿宋_GB2312;">煤层气勘探</span></p>
<p class="MsoListParagraph" style="margin-left:21.0000pt;text-indent:-21.0000pt;mso-list:l0 level1 lfo1;"><![if !supportLists]><span style="font-family:Wingdings;mso-list:Ignore;">l<span>&nbsp;</span></span><![endif]><span style="font-family:仿宋_GB2312;">地方铁路</span></p>
<p class="MsoListParagraph" style="mso-list:l1 level1 lfo2;"><![if !supportLists]><span style="mso-list:Ignore;">1.<span>&nbsp;&nbsp;</span></span><![endif]><span>第一项</span></p>
<p class="MsoListParagraph" style="mso-list:l1 level1 lfo2;"><![if !supportLists]><span style="mso-list:Ignore;">2.<span>&nbsp;&nbsp;</span></span><![endif]><span>第二项</span></p>
<!--EndFragment--></body></html>`;
  await paste(page, { 'text/html': wps, 'text/plain': '以实干作答' });
  const editor = page.locator(EDITOR);
  await expect(editor.locator('.ed-deck')).toHaveText('以实干作答，以实绩交卷');
  await expect(editor.locator('h2.ed-section')).toHaveText('拓展内需空间');
  // Full-width indent kept; the source's line break between two Han characters is no space.
  await expect(editor.locator('p').filter({ hasText: '储能' })).toHaveText('　　推动经开区储能电站建成投运，新增绿地2万平方米。');
  await expect(editor.locator('sup')).toHaveText('2');
  await expect(editor.locator('ul > li')).toHaveText(['煤层气勘探', '地方铁路']);
  await expect(editor.locator('ol > li')).toHaveText(['第一项', '第二项']);
  await expect(editor.locator('font, [style]')).toHaveCount(0);
  expect(await styledTextNodes(page)).toBe(0);
  expect(problems).toEqual([]);
});

test('plain text: blank lines part paragraphs, single line ends join', async ({ page }) => {
  const problems = await openEmptiedStory(page);
  await paste(page, { 'text/plain': '　　第一段第一行\r\n第一段续行\r\n\r\n第二段\n\n\n\nThe third paragraph\nwraps here.\n' });
  await expect(page.locator(`${EDITOR} p`)).toHaveText(['　　第一段第一行第一段续行', '第二段', 'The third paragraph wraps here.']);
  expect(problems).toEqual([]);
});

test('web page HTML: divs become paragraphs, only absolute http(s) and mailto links stay', async ({ page }) => {
  const problems = await openEmptiedStory(page);
  // As Chromium copies from a news site, wrapped the way Google Docs wraps a whole copy.
  const web = `<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1"><div class="article" style="font-size:16px">
<h3 style="color:#333">民生实事</h3><div>新建<span style="font-weight:700">幼儿园</span>三所<br>改造老旧小区</div><div>详见<a href="https://www.qinyuan.gov.cn/zwgk/" target="_blank" rel="noopener" style="color:blue">政府网站</a>、<a href="/local/page">本站</a>与<a href="mailto:desk@example.com">编辑部</a>。</div>
<blockquote><p>一段引文</p></blockquote><table><tr><td>表格一</td><td>表格二</td></tr></table></div></b>`;
  await paste(page, { 'text/html': web, 'text/plain': '民生实事' });
  const editor = page.locator(EDITOR);
  await expect(editor.locator('h3.ed-section')).toHaveText('民生实事');
  await expect(editor.locator(':scope > p')).toHaveText(['新建幼儿园三所改造老旧小区', '详见政府网站、本站与编辑部。', '一段引文', '表格一', '表格二']);
  await expect(editor.locator(':scope > p').first().locator('br')).toHaveCount(1);
  await expect(editor.locator('.ed-bold')).toHaveText('幼儿园');
  await expect(editor.locator('a')).toHaveCount(2);
  expect(await editor.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(['https://www.qinyuan.gov.cn/zwgk/', 'mailto:desk@example.com']);
  await expect(editor.locator('[target], [rel], blockquote, table')).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('a paste inside a paragraph joins it, and its bold opening stays bold, not a lead-in', async ({ page }) => {
  const problems = await openEmptiedStory(page);
  await page.keyboard.insertText('前文');
  await paste(page, { 'text/html': '<p><b>加粗</b>后文</p>', 'text/plain': '加粗后文' });
  const editor = page.locator(EDITOR);
  await expect(editor.locator('p')).toHaveText(['前文加粗后文']);
  await expect(editor.locator('.ed-lead-in')).toHaveCount(0);
  await expect(editor.locator('.ed-bold')).toHaveText('加粗');
  expect(problems).toEqual([]);
});
