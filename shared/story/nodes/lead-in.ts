import { TextNode, type LexicalNode } from 'lexical';

// The bold opening phrase of a body paragraph (传统产业守正延伸。). A text node of its own
// type, not just bold, so exports and the page know it is a lead-in. The data part; the
// renderer's LeadInNode adds its DOM.
export class LeadInData extends TextNode {
  override $config() {
    return this.config('lead-in', { extends: TextNode });
  }
  // Typing after the lead-in's end starts ordinary body text, not more lead-in.
  override canInsertTextAfter(): boolean { return false; }
  override isTextEntity(): boolean { return false; }
}

export function $isLeadInData(node: LexicalNode | null | undefined): node is LeadInData {
  return node instanceof LeadInData;
}
