import { useEffect } from 'react';
import { translate, useI18n } from '../i18n';
import { Modal } from '../app/dialogs';
import { shortcutsOf, type HelpDesk } from './shortcuts';

// The help sheet (issue 17): every shortcut of the desk the user is on, in the UI
// language, with the Photo Mechanic or InDesign key the user already knows.

export function HelpSheet({ desk, onClose }: { desk: HelpDesk; onClose(): void }) {
  const { t, lang } = useI18n();
  const other = lang === 'en' ? 'zh-CN' : 'en';
  const rows = shortcutsOf(desk);
  return (
    <Modal label={t('help.title', { desk: t(`help.desk.${desk}`) })} onClose={onClose} className="help-sheet">
      <div className="dialog-actions"><button type="button" autoFocus onClick={onClose}>{t('app.dismiss')}</button></div>
      <table>
        <thead>
          <tr><th scope="col">{t('help.col.keys')}</th><th scope="col">{t('help.col.action')}</th><th scope="col">{t(desk === 'photos' ? 'help.col.pm' : 'help.col.indesign')}</th></tr>
        </thead>
        <tbody>
          {rows.map((s) => (
            <tr key={s.id} data-shortcut={s.id}>
              <td><kbd>{s.keys}</kbd></td>
              {/* Both languages: a Chinese desk and an English-speaking colleague read one sheet. */}
              <td>{t(key(desk, s.id))}<span className="help-other" lang={other}>{translate(other, key(desk, s.id))}</span></td>
              <td>{s.other ? <kbd>{s.other}</kbd> : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Modal>
  );
}

const key = (desk: HelpDesk, id: string) => `help.${id === 'help' ? 'all' : desk}.${id}` as Parameters<typeof translate>[1];

/** True when a key press is typing (an input, a text area, an editor), where ? is a character, not a command. */
function typing(e: KeyboardEvent): boolean {
  const el = e.target as HTMLElement | null;
  return !!el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
}

/** F1 anywhere, ? where it is not typed, open the sheet. F1 is taken from the browser's own help. */
export function useHelpKey(open: () => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'F1' || (e.key === '?' && !e.ctrlKey && !e.metaKey && !e.altKey && !typing(e))) {
        e.preventDefault();
        open();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);
}
