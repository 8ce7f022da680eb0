// @vitest-environment happy-dom
// @vitest-environment-options {"settings":{"disableJavaScriptEvaluation":true,"disableJavaScriptFileLoading":true,"disableCSSFileLoading":true,"disableIframePageLoading":true,"navigation":{"disableChildFrameNavigation":true,"disableChildPageNavigation":true,"disableMainFrameNavigation":true}}}
// happy-dom, not jsdom: it is already installed as the DOM of @lexical/headless 0.52.0.
// Unlike Chromium's, happy-dom's DOMParser document is not inert (it would fetch an iframe's
// src), hence the settings above and no iframe here; the hostile case with an iframe runs
// in Chromium through the editor in tests/browser/paste.spec.ts.
import { describe, expect, it } from 'vitest';
import { defuseAttributes, plainTextParagraphs, sanitizeClipboardHtml } from '../../renderer/src/editor/paste/sanitize-html';

const clean = (html: string) => sanitizeClipboardHtml(html).body.innerHTML;

describe('sanitizeClipboardHtml', () => {
  it('keeps no script, handler, frame, image or javascript: link', () => {
    const out = clean('<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script><p onclick="window.__pwned=3">安全文本<a href="javascript:alert(1)">链接</a></p><object data="x"></object><embed src="x">');
    expect(out).toBe('<p>安全文本链接</p>');
    expect((globalThis as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('turns Word markup into the story vocabulary', () => {
    const out = clean(`<body><!--StartFragment--><p class=MsoTitle align=center><span style='font-family:黑体'>谋好篇 布好局<o:p></o:p></span></p>
<p class=MsoSubtitle>以实干作答</p><h2>推动转型升级</h2><h5>小节</h5>
<p class=MsoNormal><b><span lang=ZH-CN>传统产业</span></b><b>守正延伸。</b><span style='color:red;mso-bidi-font-size:12pt'>认准方向，加快推动中峪煤矿
建设。</span></p>
<p class=MsoNormal>PM<span style='vertical-align:sub'>2.5</span>与m<span style='position:relative;top:-3.0pt;mso-text-raise:3.0pt'>2</span></p>
<p class=MsoNormal><o:p>&nbsp;</o:p></p><p class=MsoHeading8>附注</p><!--EndFragment--></body>`);
    expect(out).toBe('<h1>谋好篇 布好局</h1><p class="deck">以实干作答</p><h2>推动转型升级</h2><h4>小节</h4>'
      + '<p><strong class="lead-in">传统产业守正延伸。</strong>认准方向，加快推动中峪煤矿建设。</p>'
      + '<p>PM<sub>2.5</sub>与m<sup>2</sup></p><h4>附注</h4>');
  });

  it('makes Word list paragraphs a list, bullet or numbered, and nests deeper levels', () => {
    const item = (list: string, level: number, marker: string, text: string) =>
      `<p class=MsoListParagraph style='mso-list:${list} level${level} lfo1'><![if !supportLists]><span style='mso-list:Ignore'>${marker}<span>&nbsp;&nbsp;</span></span><![endif]>${text}</p>`;
    const out = clean(item('l0', 1, '·', '甲') + item('l0', 2, 'o', '甲一') + item('l0', 1, '·', '乙') + '<p>正文</p>' + item('l1', 1, '1.', '第一') + item('l1', 1, '2.', '第二'));
    expect(out).toBe('<ul><li>甲<ul><li>甲一</li></ul></li><li>乙</li></ul><p>正文</p><ol><li>第一</li><li>第二</li></ol>');
  });

  it('keeps the number of a numbered heading and drops hidden text and comments', () => {
    const out = clean(`<h2 style='mso-list:l2 level1 lfo3'><![if !supportLists]><span style='mso-list:Ignore'>一、<span>&nbsp;</span></span><![endif]>总体要求</h2>
<p>看得见<span style='display:none;mso-hide:all'>看不见</span><span style='mso-element:comment'>批注</span></p>`);
    expect(out).toBe('<h2>一、总体要求</h2><p>看得见</p>');
  });

  it('unwraps span, font and div; a lone bold paragraph is bold, not a lead-in', () => {
    const out = clean('<div><font face="宋体" color="red"><span>第一段</span></font></div><div>第二段<br>同段</div><p><b>整段加粗</b></p><p><b style="font-weight:normal">不加粗</b>正文</p>');
    expect(out).toBe('<p>第一段</p><p>第二段<br>同段</p><p><strong>整段加粗</strong></p><p>不加粗正文</p>');
  });

  it('keeps full-width spaces, and no space where a line break fell between Han characters', () => {
    expect(clean('<p>　　首行缩进  两格\n\n  空格 English\nwords</p>')).toBe('<p>　　首行缩进 两格空格 English words</p>');
  });

  it('keeps http, https and mailto links only, and nothing but their href', () => {
    const out = clean('<p><a href=" https://a.cn/x " target=_blank title=t>甲</a><a href="/rel">乙</a><a href="data:text/html,x">丙</a><a href="mailto:a@b.cn">丁</a></p>');
    expect(out).toBe('<p><a href="https://a.cn/x">甲</a>乙丙<a href="mailto:a@b.cn">丁</a></p>');
  });

  it('keeps the classes the story imports: kicker, deck, pull-quote, lead-in', () => {
    const out = clean('<p class="kicker x">聚焦</p><p class="deck">副题</p><blockquote class="pull-quote">引语</blockquote><blockquote>普通引文</blockquote><p class="other">正文</p>');
    expect(out).toBe('<p class="kicker">聚焦</p><p class="deck">副题</p><blockquote class="pull-quote">引语</blockquote><p>普通引文</p><p>正文</p>');
  });
});

describe('defuseAttributes', () => {
  it('renames style and handlers inside tags only, and removes style sheets', () => {
    expect(defuseAttributes('<style>p{}</style><p style="a:b" onclick=\'x\' title="style=1">style=2 onclick=3</p>'))
      .toBe('<p data-paste-style="a:b" data-paste-onclick=\'x\' title="style=1">style=2 onclick=3</p>');
  });
});

describe('plainTextParagraphs', () => {
  it('parts paragraphs at blank lines and joins wrapped lines', () => {
    expect(plainTextParagraphs('　　第一段第一行\r\n第一段续行\r\n\r\n第二段\n\n\n\nThe third\nparagraph.\n')).toEqual(['　　第一段第一行第一段续行', '第二段', 'The third paragraph.']);
  });
  it('keeps each line apart when there is no blank line', () => {
    expect(plainTextParagraphs('第一行\n第二行\n')).toEqual(['第一行', '第二行']);
  });
});
