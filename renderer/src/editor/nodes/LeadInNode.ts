import { $applyNodeReplacement, TextNode, type DOMExportOutput, type EditorConfig, type LexicalEditor, type LexicalNode } from 'lexical';

// The bold opening phrase of a body paragraph (传统产业守正延伸。). A text node of its own
// type, not just bold, so exports and the page know it is a lead-in and style it as one.
export class LeadInNode extends TextNode {
  override $config() {
    return this.config('lead-in', {
      extends: TextNode,
      importDOM: {
        strong: (el: HTMLElement) => (el.classList.contains('lead-in') ? { conversion: () => ({ node: $createLeadInNode(el.textContent ?? '') }), priority: 2 } : null),
      },
    });
  }
  override createDOM(config: EditorConfig): HTMLElement {
    const el = super.createDOM(config);
    el.classList.add('ed-lead-in');
    return el;
  }
  override exportDOM(editor: LexicalEditor): DOMExportOutput {
    const el = document.createElement('strong');
    el.className = 'lead-in';
    el.textContent = this.getTextContent();
    void editor;
    return { element: el };
  }
  // Typing after the lead-in's end starts ordinary body text, not more lead-in.
  override canInsertTextAfter(): boolean { return false; }
  override isTextEntity(): boolean { return false; }
}

export function $createLeadInNode(text = ''): LeadInNode {
  return $applyNodeReplacement(new LeadInNode(text)).setFormat('bold');
}

export function $isLeadInNode(node: LexicalNode | null | undefined): node is LeadInNode {
  return node instanceof LeadInNode;
}
