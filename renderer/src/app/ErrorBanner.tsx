import type { AppErrorData } from '../../../shared/contract/errors';
import { useI18n } from '../i18n';

export function ErrorBanner({ error, onDismiss }: { error: AppErrorData; onDismiss(): void }) {
  const { t, lang } = useI18n();
  return (
    <div className="error-banner" role="alert">
      <strong>{t('app.error.title')}：</strong>
      <span>{error.message[lang]}</span>
      {error.detail && (
        <details>
          <summary>{t('app.error.details')}</summary>
          <code>{error.code}: {error.detail}</code>
        </details>
      )}
      <button onClick={onDismiss}>{t('app.dismiss')}</button>
    </div>
  );
}
