import { $applyNodeReplacement, type DOMExportOutput, type EditorConfig, type LexicalEditor, type LexicalNode } from 'lexical';
import { LeadInData } from '../../../../shared/story/nodes/lead-in';

// The lead-in (传统产业守正延伸。): the shared data part (shared/story/nodes/lead-in.ts) with its DOM here.
export class LeadInNode extends LeadInData {
  override $config() {
    return this.config('lead-in', {
      extends: LeadInData,
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
}

export function $createLeadInNode(text = ''): LeadInNode {
  return $applyNodeReplacement(new LeadInNode(text)).setFormat('bold');
}

export function $isLeadInNode(node: LexicalNode | null | undefined): node is LeadInNode {
  return node instanceof LeadInNode;
}
