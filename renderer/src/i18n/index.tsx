import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { UiLanguage } from '../../../shared/settings/schema';
import { zhCN, type MessageKey } from './zh-CN';
import { en } from './en';

export const CATALOGS: Record<UiLanguage, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

export type T = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function translate(lang: UiLanguage, key: MessageKey, vars?: Record<string, string | number>): string {
  const text = CATALOGS[lang][key];
  return vars ? text.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m)) : text;
}

const I18n = createContext<{ lang: UiLanguage; t: T }>({ lang: 'zh-CN', t: (k, v) => translate('zh-CN', k, v) });

export function I18nProvider({ lang, children }: { lang: UiLanguage; children: ReactNode }) {
  const value = useMemo(() => ({ lang, t: ((k, v) => translate(lang, k, v)) as T }), [lang]);
  return <I18n.Provider value={value}>{children}</I18n.Provider>;
}

export function useI18n() {
  return useContext(I18n);
}
