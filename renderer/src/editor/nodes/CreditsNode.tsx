import type { JSX } from 'react';
import { $applyNodeReplacement, $getState, $setState, createState, DecoratorNode, type DOMExportOutput, type LexicalNode } from 'lexical';
import type { Credit } from '../../../../shared/document/schema';
import { CreditsView } from './CreditsView';

// The credits block (策划 / 统筹 / 文字 / 图片 / 版式) as structured data, so the page can
// set it as a table and the English version can print Planning / Coordination / …
const creditsState = createState('credits', {
  parse: (v: unknown): Credit[] => (Array.isArray(v) ? v : [])
    .filter((c): c is Record<string, unknown> => typeof c === 'object' && c !== null)
    .map((c) => ({
      role: typeof c['role'] === 'string' ? c['role'] : '',
      roleEn: typeof c['roleEn'] === 'string' ? c['roleEn'] : '',
      names: Array.isArray(c['names']) ? c['names'].filter((n): n is string => typeof n === 'string') : [],
    })),
});

export class CreditsNode extends DecoratorNode<JSX.Element> {
  override $config() {
    return this.config('credits', { extends: DecoratorNode, stateConfigs: [{ stateConfig: creditsState, flat: true }] });
  }
  getCredits(): Credit[] { return $getState(this, creditsState); }
  setCredits(list: Credit[]): this { return $setState(this, creditsState, list); }
  override createDOM(): HTMLElement {
    const el = document.createElement('div');
    el.className = 'ed-credits';
    return el;
  }
  override updateDOM(): false { return false; }
  override isInline(): false { return false; }
  override getTextContent(): string { return this.getCredits().map((c) => `${c.role} / ${c.names.join(' ')}`).join('\n'); }
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
