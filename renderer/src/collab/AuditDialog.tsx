import { useEffect, useState } from 'react';
import type { AuditEntry } from '../../../shared/contract/collab-schemas';
import type { Edition } from '../../../shared/document/schema';
import { ApiError, call } from '../api/client';
import { Modal } from '../app/dialogs';
import { useI18n } from '../i18n';

// 签发记录: every sign-off and reopen of the edition as the server keeps it (who, when, which
// page, which round), newest first as a duty editor reads a log.
export function AuditDialog({ editionRef, edition, onClose }: { editionRef: string; edition: Edition | null; onClose(): void }) {
  const { t, lang } = useI18n();
  const [list, setList] = useState<AuditEntry[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    call('collab:audit', { edition: editionRef }).then(
      (l) => setList([...l].reverse()),
      (e: unknown) => setProblem(e instanceof ApiError ? e.data.message[lang] : String(e)),
    );
  }, [editionRef, lang]);
  const pageName = (id: string) => {
    const n = edition ? edition.pages.indexOf(id) + 1 : 0;
    return n > 0 ? t('collabui.where.page', { n }) : id;
  };
  return (
    <Modal label={t('collabui.audit')} onClose={onClose} className="audit-dialog">
      {problem && <p className="server-problem" role="alert">{problem}</p>}
      {list && list.length === 0 && <p className="muted">{t('collabui.audit.none')}</p>}
      {list && list.length > 0 && (
        <table className="audit-table">
          <thead><tr>
            <th>{t('collabui.audit.col.time')}</th><th>{t('collabui.audit.col.user')}</th><th>{t('collabui.audit.col.action')}</th>
            <th>{t('collabui.audit.col.page')}</th><th>{t('collabui.audit.col.round')}</th>
          </tr></thead>
          <tbody>
            {list.map((a, i) => (
              <tr key={i} data-audit-action={a.action}>
                <td>{new Date(a.at).toLocaleString(lang)}</td><td>{a.user}</td>
                <td>{t(a.action === 'signoff' ? 'collabui.audit.signoff' : 'collabui.audit.reopen')}</td>
                <td>{pageName(a.pageId)}</td><td>{a.round}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="dialog-actions"><button type="button" onClick={onClose}>{t('collabui.server.close')}</button></div>
    </Modal>
  );
}
