import { strToU8, zipSync } from 'fflate';

// Hand-made .docx packages for what the LibreOffice fixtures do not contain: localized
// style ids, w:vertAlign, bold openings, hyperlinks (relationship and field), numbering,
// revisions, hidden text, tables and text boxes, and broken packages.

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PR = 'http://schemas.openxmlformats.org/package/2006/relationships';

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PR}"><Relationship Id="rId1" Type="${R}/officeDocument" Target="word/document.xml"/></Relationships>`;

const DOC_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PR}">
<Relationship Id="rId1" Type="${R}/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="${R}/numbering" Target="numbering.xml"/>
<Relationship Id="rId9" Type="${R}/hyperlink" Target="https://example.org/site" TargetMode="External"/>
<Relationship Id="rId10" Type="${R}/hyperlink" Target="javascript:alert(1)" TargetMode="External"/>
</Relationships>`;

// Style ids as a German Word writes them; the names stay English for built-in styles.
const STYLES = `<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="${W}">
<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="24"/></w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Standard"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Titel"><w:name w:val="Title"/><w:basedOn w:val="Standard"/></w:style>
<w:style w:type="paragraph" w:styleId="berschrift1"><w:name w:val="heading 1"/><w:basedOn w:val="Standard"/></w:style>
<w:style w:type="paragraph" w:styleId="Zitat"><w:name w:val="Quote"/><w:basedOn w:val="Standard"/><w:rPr><w:i/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Meine"><w:name w:val="Meine Überschrift"/><w:basedOn w:val="berschrift1"/></w:style>
<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr></w:style>
</w:styles>`;

const NUMBERING = `<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="${W}">
<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>`;

const p = (inner: string, pPr = '') => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${inner}</w:p>`;
const r = (text: string, rPr = '') => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;
const style = (id: string) => `<w:pStyle w:val="${id}"/>`;
const num = (id: number) => `<w:numPr><w:ilvl w:val="0"/><w:numId w:val="${id}"/></w:numPr>`;

const BODY = [
  p(r('Ein lokalisierter Titel'), style('Titel')),
  p(r('Kapitel eins'), style('berschrift1')),
  p([
    r('Fett am Anfang.', '<w:b/>'), r(' Rest mit E=mc'), r('2', '<w:vertAlign w:val="superscript"/>'), r(', H'),
    r('2', '<w:vertAlign w:val="subscript"/>'), r('O und CO'), r('2', '<w:position w:val="-3"/><w:sz w:val="16"/>'),
    r(' und genug Worte für einen langen Absatz.'), '<w:r><w:br/></w:r>', r('Zeile zwei'),
    '<w:del w:id="1" w:author="x"><w:r><w:delText>gelöscht</w:delText></w:r></w:del>', r('versteckt', '<w:vanish/>'),
    r(' angehoben', '<w:position w:val="4"/>'),
  ].join('')),
  p([
    r('Siehe '), `<w:hyperlink r:id="rId9">${r('die Seite', '<w:rStyle w:val="Hyperlink"/>')}</w:hyperlink>`, r(' oder '),
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK "https://example.org/f" </w:instrText></w:r>',
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r>', r('den Feldlink'), '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
    `<w:hyperlink r:id="rId10">${r(' böse')}</w:hyperlink>`,
  ].join('')),
  p(r('erstens'), num(1)), p(r('zweitens'), num(1)), p(r('Punkt'), num(2)),
  p(r('Ein Zitat'), style('Zitat')),
  `<w:tbl><w:tr><w:tc>${p(r('in einer Tabellenzelle'))}</w:tc></w:tr></w:tbl>`,
  p(r('Gliederungsebene drei'), '<w:outlineLvl w:val="2"/>'),
  p(r('Eigene Überschrift'), style('Meine')),
  p(`<w:r><w:t>vor dem Textfeld</w:t></w:r><w:r><w:drawing><wp:anchor xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><wps:txbx xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><w:txbxContent>${p(r('im Textfeld'))}</w:txbxContent></wps:txbx></wp:anchor></w:drawing></w:r>`),
  p(''), // empty: no block
  '<w:sectPr/>',
].join('\n');

const DOCUMENT = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>${BODY}</w:body></w:document>`;

export function packageOf(parts: Record<string, string>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, strToU8(v)])));
}

/** A .docx with every construct the reader handles. */
export function handMadeDocx(): Uint8Array {
  return packageOf({
    '[Content_Types].xml': CONTENT_TYPES, '_rels/.rels': ROOT_RELS, 'word/_rels/document.xml.rels': DOC_RELS,
    'word/document.xml': DOCUMENT, 'word/styles.xml': STYLES, 'word/numbering.xml': NUMBERING,
  });
}

/** Packages that are zips but not Word documents, each with the reason. */
export function brokenPackages(): Record<string, Uint8Array> {
  const base = { '[Content_Types].xml': CONTENT_TYPES, '_rels/.rels': ROOT_RELS };
  return {
    'no-document.docx': packageOf(base),
    'bad-xml.docx': packageOf({ ...base, 'word/document.xml': `<w:document xmlns:w="${W}"><w:body><w:p></w:body>` }),
    'not-word.docx': packageOf({ ...base, 'word/document.xml': '<html><body>not Word</body></html>' }),
    'bad-styles.docx': packageOf({ ...base, 'word/document.xml': DOCUMENT, 'word/_rels/document.xml.rels': DOC_RELS, 'word/styles.xml': '<w:styles' }),
  };
}

/**
 * Text boxes as Word 2010+ writes them: in a run, mc:AlternateContent with a DrawingML Choice
 * (wps:txbx) and a VML Fallback (v:textbox) holding the same box; then a VML-only box as
 * older Word writes it. Each box's text must come in once, after its anchor paragraph.
 */
export function textBoxDocx(): Uint8Array {
  const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
  const box = (s: string) => `<w:txbxContent>${p(r(s))}</w:txbxContent>`;
  const body = [
    p(r('正文第一段')),
    p(`${r('锚点段落')}<w:r><mc:AlternateContent xmlns:mc="${MC}"><mc:Choice Requires="wps"><w:drawing><wp:anchor xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData><wps:wsp xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:txbx>${box('文本框里的导语')}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox>${box('文本框里的导语')}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`),
    p(`<w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox>${box('旧式文本框')}</v:textbox></v:shape></w:pict></w:r>`),
    p(r('正文末段')),
  ].join('');
  return packageOf({
    '[Content_Types].xml': CONTENT_TYPES, '_rels/.rels': ROOT_RELS, 'word/_rels/document.xml.rels': DOC_RELS,
    'word/document.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>${body}<w:sectPr/></w:body></w:document>`,
    'word/styles.xml': STYLES, 'word/numbering.xml': NUMBERING,
  });
}
