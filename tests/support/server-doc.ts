import * as Y from 'yjs';
import { openSqlite } from '../../electron/services/deskserver/sqlite';

// What the desk server itself holds for a story, read from its docs.db (a second SQLite
// connection; WAL lets it read while the server runs): the referee for "final documents
// identical on both desks and the server". Text only, in the shape @lexical/yjs gives a
// story: the root Y.XmlText embeds one Y.XmlText per block, whose string inserts are the
// text runs (the embedded Y.Maps beside them are node properties).

export function storyTextOnServer(dataDir: string, storyId: string, lang: 'zh' | 'en' = 'zh'): string {
  const db = openSqlite(`${dataDir}/docs.db`);
  try {
    const rows = db.prepare("SELECT name, data FROM doc_updates WHERE name LIKE 'story/%/' || ? || '/' || ? ORDER BY seq").all(storyId, lang) as { name: string; data: Buffer }[];
    const names = new Set(rows.map((r) => r.name));
    if (names.size !== 1) throw new Error(`server-doc: ${names.size} documents for story ${storyId}/${lang}`);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.mergeUpdates(rows.map((r) => new Uint8Array(r.data))));
    return blockTexts(doc.get('root', Y.XmlText)).join('\n');
  } finally {
    db.close();
  }
}

function blockTexts(x: Y.XmlText): string[] {
  const out: string[] = [];
  let run = '';
  for (const op of x.toDelta() as { insert: unknown }[]) {
    if (typeof op.insert === 'string') run += op.insert;
    else if (op.insert instanceof Y.XmlText) {
      if (run) out.push(run);
      run = '';
      out.push(...blockTexts(op.insert));
    }
  }
  if (run) out.push(run);
  return out;
}
