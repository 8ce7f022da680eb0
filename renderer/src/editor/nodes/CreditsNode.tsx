import type { JSX } from 'react';
import { $applyNodeReplacement, type DOMExportOutput, type LexicalNode } from 'lexical';
import type { Credit } from '../../../../shared/document/schema';
import { CreditsData } from '../../../../shared/story/nodes/credits';
import { CreditsView } from './CreditsView';

// The credits block: the shared data part (shared/story/nodes/credits.ts) with its DOM and
// React view here.
export class CreditsNode extends CreditsData<JSX.Element> {
  override $config() {
    return this.config('credits', { extends: CreditsData });
  }
  override createDOM(): HTMLElement {
    const el = document.createElement('div');
    el.className = 'ed-credits';
    return el;
  }
  override updateDOM(): false { return false; }
  override exportDOM(): DOMExportOutput {
    const dl = document.createElement('dl');
    dl.className = 'credits';
    for (const c of this.getCredits()) {
      const dt = document.createElement('dt');
      dt.textContent = c.role;
      const dd = document.createElement('dd');
      dd.textContent = c.names.join(' ');
      dl.append(dt, dd);
    }
    return { element: dl };
  }
  override decorate(): JSX.Element {
    return <CreditsView nodeKey={this.getKey()} credits={this.getCredits()} />;
  }
}

export function $createCreditsNode(list: Credit[]): CreditsNode {
  return $applyNodeReplacement(new CreditsNode()).setCredits(list);
}

export function $isCreditsNode(node: LexicalNode | null | undefined): node is CreditsNode {
  return node instanceof CreditsNode;
}
