import { call } from '../api/client';
import { useI18n } from '../i18n';
import type { Edition } from '../../../shared/document/schema';
import { houseStyleOf, type HouseStyle } from '../../../shared/document/house-style';
import { TypoCheckField } from '../editor/proof/TypoCheckField';

// The edition's house style (issue 17) under the page setup: the composer redraws at once
// (the sheet's classes), the print route reads the same edition.json, so the PDF matches.

export function HouseStyleFields({ editionRef, edition, onEdition, onError }: { editionRef: string; edition: Edition; onEdition(e: Edition): void; onError(e: unknown): void }) {
  const { t } = useI18n();
  const hs = houseStyleOf(edition);
  const set = async (patch: Partial<HouseStyle>) => {
    const houseStyle = { ...hs, ...patch };
    const before = edition;
    onEdition({ ...edition, houseStyle });
    try { await call('edition:house-style', { edition: editionRef, houseStyle }); } catch (e) { onEdition(before); onError(e); }
  };
  return (
    <fieldset className="inspector house-style">
      <legend>{t('house.title')}</legend>
      <label><input type="checkbox" name="autospaceBody" checked={hs.autospaceBody} onChange={(e) => void set({ autospaceBody: e.target.checked })} />{t('house.autospaceBody')}</label>
      <label><input type="checkbox" name="autospaceLatin" checked={hs.autospaceLatin} onChange={(e) => void set({ autospaceLatin: e.target.checked })} />{t('house.autospaceLatin')}</label>
      <label><input type="checkbox" name="flagStackedMarks" checked={hs.flagStackedMarks !== false} onChange={(e) => void set({ flagStackedMarks: e.target.checked })} />{t('house.flagStackedMarks')}</label>
      <TypoCheckField value={hs.typoCheck ?? 'normal'} onChange={(typoCheck) => void set({ typoCheck })} />
      <p className="hint">{t('house.hint')}</p>
    </fieldset>
  );
}
