import { readFileSync } from 'node:fs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

// An empty but valid .docx (issue 17): the LibreOffice-made fixture with every paragraph
// of its body taken out and its section properties kept, so the package, the styles and
// the settings are Word's as LibreOffice wrote them and only the text is gone.
export function emptyDocxFrom(fixture: string): Uint8Array {
  const parts = unzipSync(readFileSync(fixture));
  const doc = strFromU8(parts['word/document.xml']!);
  const body = /<w:body>([\s\S]*)<\/w:body>/.exec(doc);
  if (!body) throw new Error('no w:body in the fixture');
  const sect = /<w:sectPr[\s\S]*<\/w:sectPr>/.exec(body[1]!)?.[0] ?? '';
  parts['word/document.xml'] = strToU8(doc.replace(body[0], `<w:body><w:p/>${sect}</w:body>`));
  return zipSync(parts);
}
