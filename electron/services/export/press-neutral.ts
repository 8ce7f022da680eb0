import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { overprintState, rewriteContent, type OverprintState } from './press-content';
import { expandBfRanges } from './press-tounicode';
import { runTool } from './press-tools';

// Applies press-content.ts to every page and form of a PDF through qpdf's JSON (qpdf
// reads and writes the PDF; we only edit decoded content streams and add four ExtGStates),
// so no PDF is parsed or serialised by hand.

type Json = Record<string, unknown>;
interface QpdfObject { value?: unknown; stream?: { dict: Json; datafile?: string } }

const isRef = (v: unknown): v is string => typeof v === 'string' && / 0 R$/.test(v);
const key = (ref: string) => `obj:${ref}`;

export interface NeutralReport {
  /** Colour settings made grey, over all content streams. */
  neutrals: number;
  streams: number;
}

/** A page's TrimBox and BleedBox from its MediaBox [x0 y0 x1 y1]. */
export type PageBoxes = (media: number[]) => { trim: number[]; bleed: number[] };

/**
 * Writes `out`: `input` with neutral colours as DeviceGray and 100 K overprinting, and each
 * page's TrimBox/BleedBox (Ghostscript's pdfwrite keeps a page's boxes; a /PAGES pdfmark
 * does not reach the pages of a PDF input in 10.0). `work` is a scratch folder.
 */
export async function neutralsToGray(input: string, out: string, work: string, boxes: PageBoxes): Promise<NeutralReport> {
  const jsonPath = join(work, 'in.json');
  await runTool('qpdf', ['--json-output', '--decode-level=generalized', '--json-stream-data=file', `--json-stream-prefix=${join(work, 's')}`, input, jsonPath]);
  const doc = JSON.parse(await readFile(jsonPath, 'utf8')) as { qpdf: [Json, Record<string, QpdfObject>] };
  const objects = doc.qpdf[1];
  const updates: Record<string, QpdfObject> = {};
  const report: NeutralReport = { neutrals: 0, streams: 0 };

  // An object as it will be written: an earlier update of it wins.
  const current = (ref: string): QpdfObject | undefined => updates[key(ref)] ?? objects[key(ref)];

  const editStream = async (ref: string): Promise<Set<OverprintState> | null> => {
    const o = current(ref);
    if (!o?.stream?.datafile || '/Filter' in o.stream.dict) return null; // not decodable: left as it is
    const text = (await readFile(o.stream.datafile)).toString('latin1');
    const r = rewriteContent(text);
    report.streams++;
    report.neutrals += r.neutrals;
    const file = `${o.stream.datafile}.ed`;
    await writeFile(file, Buffer.from(r.text, 'latin1'));
    updates[key(ref)] = { stream: { dict: o.stream.dict, datafile: file } };
    return r.states;
  };

  // Adds the ExtGStates to a resources dictionary, wherever it lives (inline or referenced).
  const addStates = (holderRef: string, holder: Json, states: Set<OverprintState>, isStream: boolean) => {
    if (states.size === 0) return;
    const put = (res: Json): Json => {
      const ext = res['/ExtGState'];
      const add = (d: Json) => ({ ...d, ...Object.fromEntries([...states].map((s) => [`/${s}`, overprintState(s)])) });
      if (isRef(ext)) {
        const o = current(ext);
        updates[key(ext)] = { value: add((o?.value ?? {}) as Json) };
        return res;
      }
      return { ...res, '/ExtGState': add((ext ?? {}) as Json) };
    };
    const res = holder['/Resources'];
    if (isRef(res)) {
      updates[key(res)] = { value: put(((current(res)?.value) ?? {}) as Json) };
    } else {
      const next = { ...holder, '/Resources': put((res ?? {}) as Json) };
      const o = current(holderRef)!;
      updates[key(holderRef)] = isStream ? { stream: { ...o.stream!, dict: next } } : { value: next };
    }
  };

  // Fonts' ToUnicode maps with ranges written out (press-tounicode.ts: Ghostscript 10.0).
  const toUnicode = new Set<string>();
  for (const o of Object.values(objects)) {
    const t = (o.value as Json | undefined)?.['/ToUnicode'];
    if (isRef(t)) toUnicode.add(t);
  }
  for (const ref of toUnicode) {
    const o = current(ref);
    if (!o?.stream?.datafile || '/Filter' in o.stream.dict) continue;
    const r = expandBfRanges((await readFile(o.stream.datafile)).toString('latin1'));
    if (r.expanded === 0) continue;
    const file = `${o.stream.datafile}.cmap`;
    await writeFile(file, Buffer.from(r.text, 'latin1'));
    updates[key(ref)] = { stream: { dict: o.stream.dict, datafile: file } };
  }

  for (const [k, o] of Object.entries(objects)) {
    if (!k.startsWith('obj:')) continue;
    const ref = k.slice(4);
    const v = o.value as Json | undefined;
    if (v && v['/Type'] === '/Page') {
      const contents = v['/Contents'];
      const refs = Array.isArray(contents) ? contents.filter(isRef) : isRef(contents) ? [contents] : [];
      const states = new Set<OverprintState>();
      for (const c of refs) (await editStream(c))?.forEach((s) => states.add(s));
      addStates(ref, (current(ref)!.value as Json), states, false);
      const media = (v['/MediaBox'] as number[] | undefined) ?? [0, 0, 612, 792];
      const b = boxes(media);
      updates[key(ref)] = { value: { ...(current(ref)!.value as Json), '/TrimBox': b.trim, '/BleedBox': b.bleed } };
    } else if (o.stream && o.stream.dict['/Subtype'] === '/Form') {
      const states = await editStream(ref);
      if (states) addStates(ref, current(ref)!.stream!.dict, states, true);
    }
  }

  const updPath = join(work, 'update.json');
  await writeFile(updPath, JSON.stringify({ qpdf: [doc.qpdf[0], updates] }));
  await runTool('qpdf', [input, out, `--update-from-json=${updPath}`, '--compress-streams=y', '--object-streams=preserve']);
  return report;
}
