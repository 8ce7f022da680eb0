import { proofDocumentRules, proofSegment, sortFindings } from './engine';
import type { Finding, ProofDocument, ProofOptions, SegmentKind } from './types';

// The editor's proofreading run after a typing pause, in proportion to the edit (issue 15):
// a segment's findings are kept while its text, kind and language and the next segment's
// text (the only other thing a segment rule reads) are unchanged, so a pause after typing
// in one paragraph re-reads that paragraph and the one before it. The document-wide rules
// (number consistency) run over the whole story each time: one pass of a few regexes.
// The result equals proofDocument's (tests/unit/proof-incremental.test.ts).

interface Entry { text: string; kind: SegmentKind; lang: string; next: string | undefined; findings: Finding[] }

export class IncrementalProof {
  private docId: string | null = null;
  private options: ProofOptions | null = null;
  private cache = new Map<string, Entry>();

  run(doc: ProofDocument, options: ProofOptions): Finding[] {
    // New options (a term list, a typo level) or another document: start over.
    if (options !== this.options || doc.id !== this.docId) {
      this.cache.clear();
      this.options = options;
      this.docId = doc.id;
    }
    const fresh = new Map<string, Entry>();
    const out: Finding[] = [];
    doc.segments.forEach((seg, i) => {
      const next = doc.segments[i + 1]?.text;
      const old = this.cache.get(seg.id);
      const entry = old && old.text === seg.text && old.kind === seg.kind && old.lang === seg.lang && old.next === next
        ? old
        : { text: seg.text, kind: seg.kind, lang: seg.lang, next, findings: proofSegment(doc, i, options) };
      fresh.set(seg.id, entry);
      for (const f of entry.findings) out.push(f);
    });
    this.cache = fresh;
    for (const f of proofDocumentRules(doc, options)) out.push(f);
    return sortFindings(out, doc);
  }
}
