import { useI18n } from '../../i18n';
import type { TypoCheck } from '../../../../shared/document/house-style';

// The edition's 错别字 check (issue 14), one of its house-style choices: off, normal (clear
// cases as errors) or strict (likely ones as warnings too). Editors opened afterwards use it;
// main's whole-edition check and the CLI read it from edition.json.

const LEVELS: readonly TypoCheck[] = ['normal', 'strict', 'off'];

export function TypoCheckField({ value, onChange }: { value: TypoCheck; onChange(level: TypoCheck): void }) {
  const { t } = useI18n();
  return (
    <label className="typo-check">
      {t('csc.level')}
      <select name="typoCheck" aria-label={t('csc.level')} value={value} onChange={(e) => onChange(e.target.value as TypoCheck)}>
        {LEVELS.map((l) => <option key={l} value={l}>{t(`csc.level.${l}`)}</option>)}
      </select>
    </label>
  );
}
