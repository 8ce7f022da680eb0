import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getNodeByKey } from 'lexical';
import { useEffect, useState } from 'react';
import type { Credit } from '../../../../shared/document/schema';
import { CREDIT_ROLES_EN } from '../../../../shared/story/credit-lines';
import { useI18n } from '../../i18n';
import { $isCreditsNode } from './CreditsNode';

export function CreditsView({ nodeKey, credits }: { nodeKey: string; credits: Credit[] }) {
  const [editor] = useLexicalComposerContext();
  const { t } = useI18n();
  const [rows, setRows] = useState(credits);
  useEffect(() => setRows(credits), [credits]);
  const commit = (next: Credit[]) => editor.update(() => {
    const node = $getNodeByKey(nodeKey);
    if ($isCreditsNode(node)) node.setCredits(next);
  });
  const set = (i: number, patch: Partial<Credit>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <div className="credits-view" contentEditable={false}>
      {rows.map((r, i) => (
        <div key={i} className="credit-row">
          <input name={`credit-role-${i}`} value={r.role} onChange={(e) => set(i, { role: e.target.value, roleEn: CREDIT_ROLES_EN[e.target.value] ?? r.roleEn ?? '' })} onBlur={() => commit(rows)} />
          <span>/</span>
          <input name={`credit-names-${i}`} value={r.names.join(' ')} onChange={(e) => set(i, { names: e.target.value.split(/\s+/).filter(Boolean) })} onBlur={() => commit(rows)} />
        </div>
      ))}
      <button type="button" onClick={() => { const next = [...rows, { role: '', roleEn: '', names: [] }]; setRows(next); commit(next); }}>{t('credits.add')}</button>
    </div>
  );
}
