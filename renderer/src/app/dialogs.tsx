import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n';

// Small modal dialogs of our own (not window.prompt/confirm): they speak the UI language,
// have accessible names, take Enter and Escape, and do not block the page's event loop.

interface ModalProps {
  label: string;
  onClose(): void;
  children: ReactNode;
  className?: string;
}

export function Modal({ label, onClose, children, className }: ModalProps) {
  return (
    <div className="dialog-backdrop" onClick={onClose}>
      <div className={`dialog modal ${className ?? ''}`} role="dialog" aria-modal="true" aria-label={label}
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => { e.stopPropagation(); if (e.key === 'Escape') onClose(); }}>
        <h3>{label}</h3>
        {children}
      </div>
    </div>
  );
}

export function PromptDialog({ label, field, initial = '', okLabel, onOk, onClose }: {
  label: string; field: string; initial?: string; okLabel?: string; onOk(value: string): void; onClose(): void;
}) {
  const { t } = useI18n();
  const [value, setValue] = useState(initial);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => { input.current?.select(); }, []);
  const ok = value.trim() !== '';
  return (
    <Modal label={label} onClose={onClose}>
      <form onSubmit={(e) => { e.preventDefault(); if (ok) onOk(value.trim()); }}>
        <label className="field"><span>{field}</span>
          <input ref={input} autoFocus value={value} maxLength={200} onChange={(e) => setValue(e.target.value)} /></label>
        <div className="dialog-actions">
          <button type="submit" className="primary" disabled={!ok}>{okLabel ?? t('dialog.ok')}</button>
          <button type="button" onClick={onClose}>{t('dialog.cancel')}</button>
        </div>
      </form>
    </Modal>
  );
}

export function ConfirmDialog({ label, message, okLabel, onOk, onClose }: {
  label: string; message: string; okLabel: string; onOk(): void; onClose(): void;
}) {
  const { t } = useI18n();
  return (
    <Modal label={label} onClose={onClose}>
      <p className="confirm-message">{message}</p>
      <div className="dialog-actions">
        <button type="button" className="primary" autoFocus onClick={onOk}>{okLabel}</button>
        <button type="button" onClick={onClose}>{t('dialog.cancel')}</button>
      </div>
    </Modal>
  );
}
