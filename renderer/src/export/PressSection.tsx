import { useEffect, useState } from 'react';
import type { PressFormat, PressSettings, PressSettingsView, SeparationsResult } from '../../../shared/contract/press-schemas';
import { call } from '../api/client';
import { useI18n } from '../i18n';
import './press.css';

// The press PDF in the export dialog (付印 PDF, issue 13): the edition's press settings
// (kept in its press.json, so the next export and the CLI start from them), the printer's
// profile, and the separations preview of the page, as Acrobat's output preview shows it.

interface Props {
  editionRef: string;
  pageId: string;
  lang: 'zh' | 'en';
  /** The press format to export, or null when the press PDF is not ticked. */
  onChange(format: PressFormat | null): void;
  onError(e: unknown): void;
}

const toFormat = (s: PressSettings): PressFormat => ({ pdfx: s.pdfx, inkLimit: s.inkLimit, bleedMm: s.bleedMm, maxPpi: Math.round(s.screenLpi * 1.5) });

export function PressSection({ editionRef, pageId, lang, onChange, onError }: Props) {
  const { t } = useI18n();
  const [on, setOn] = useState(false);
  const [view, setView] = useState<PressSettingsView | null>(null);
  const [sep, setSep] = useState<SeparationsResult | null>(null);
  const [separating, setSeparating] = useState(false);

  useEffect(() => { call('press:settings', { edition: editionRef }).then(setView, onError); }, [editionRef]);
  useEffect(() => { onChange(on && view ? toFormat(view.settings) : null); }, [on, view]);

  const save = (input: { settings?: Partial<PressSettings>; profile?: { fileName: string; base64: string } | null }) => {
    setSep(null);
    call('press:settings-set', { edition: editionRef, ...input }).then(setView, onError);
  };
  const pickProfile = async (file: File | undefined) => {
    if (!file) return;
    const bytes = new Uint8Array(await file.arrayBuffer());
    let bin = '';
    for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    save({ profile: { fileName: file.name, base64: btoa(bin) } });
  };
  const separate = async () => {
    setSeparating(true);
    setSep(null);
    try { setSep(await call('press:separations', { edition: editionRef, pageId, lang })); } catch (e) { onError(e); } finally { setSeparating(false); }
  };
  const s = view?.settings;
  const num = (v: string, fallback: number) => (Number.isFinite(Number(v)) && v !== '' ? Number(v) : fallback);

  return (
    <fieldset className="press-section" data-press={on ? 'on' : 'off'}>
      <label><input type="checkbox" name="press" checked={on} onChange={(e) => setOn(e.target.checked)} />{t('press.pdf')}</label>
      <p className="press-hint">{t('press.hint')}</p>
      {on && s && view && (
        <>
          <div className="press-row">
            <label>{t('press.pdfx')} <select name="pdfx" value={s.pdfx} onChange={(e) => save({ settings: { pdfx: e.target.value as '4' | '1a' } })}>
              <option value="4">{t('press.pdfx.4')}</option>
              <option value="1a">{t('press.pdfx.1a')}</option>
            </select></label>
            <label>{t('press.inkLimit')} <input type="number" name="inkLimit" min={160} max={400} step={5} defaultValue={s.inkLimit} key={`ink-${s.inkLimit}`}
              onBlur={(e) => { const v = Math.min(400, Math.max(160, Math.round(num(e.target.value, s.inkLimit)))); if (v !== s.inkLimit) save({ settings: { inkLimit: v } }); }} /></label>
            <label>{t('press.bleed')} <input type="number" name="pressBleed" min={0} max={20} defaultValue={s.bleedMm} key={`bleed-${s.bleedMm}`}
              onBlur={(e) => { const v = Math.min(20, Math.max(0, num(e.target.value, s.bleedMm))); if (v !== s.bleedMm) save({ settings: { bleedMm: v } }); }} /></label>
            <label>{t('press.lpi')} <input type="number" name="lpi" min={50} max={300} defaultValue={s.screenLpi} key={`lpi-${s.screenLpi}`}
              onBlur={(e) => { const v = Math.min(300, Math.max(50, Math.round(num(e.target.value, s.screenLpi)))); if (v !== s.screenLpi) save({ settings: { screenLpi: v } }); }} /></label>
          </div>
          <p className="press-note">{t('press.ppi', { ppi: Math.round(s.screenLpi * 1.5) })}</p>
          <div className="press-row">
            <span>{t('press.profile')}：<strong data-press-profile={view.profile.isDefault ? 'default' : 'edition'}>
              {view.profile.isDefault ? t('press.profile.default', { name: view.profile.name }) : view.profile.name}</strong></span>
            <label className="button-like">{t('press.profile.choose')}
              <input type="file" accept=".icc,.icm" name="profile" aria-label={t('press.profile.choose')} style={{ display: 'none' }} onChange={(e) => void pickProfile(e.target.files?.[0])} />
            </label>
            {!view.profile.isDefault && <button type="button" onClick={() => save({ profile: null })}>{t('press.profile.reset')}</button>}
          </div>
          <p className="press-note">{t('press.profile.note')}</p>
          <div className="press-row">
            <button type="button" onClick={() => void separate()} disabled={separating} data-action="separations">{separating ? t('press.separations.running') : t('press.separations')}</button>
          </div>
          {sep && (
            <section aria-label={t('press.separations.region')} data-max-coverage={sep.maxCoverage}>
              <p className="press-max" data-over={sep.maxCoverage > sep.inkLimit + 3}>
                {t('press.separations.max', { max: Math.round(sep.maxCoverage), limit: sep.inkLimit })}
                {sep.maxCoverage > sep.inkLimit + 3 ? ` · ${t('press.separations.over')}` : ''}
              </p>
              <div className="press-plates">
                {sep.plates.map((p) => (
                  <figure key={p.ink} data-ink={p.ink}>
                    <img src={p.png} alt={t(`press.ink.${p.ink}`)} width={sep.width} height={sep.height} />
                    <figcaption>{t(`press.ink.${p.ink}`)} · {t('press.ink.coverage', { pct: p.coverage })}</figcaption>
                  </figure>
                ))}
              </div>
            </section>
          )}
        </>
      )}
    </fieldset>
  );
}
