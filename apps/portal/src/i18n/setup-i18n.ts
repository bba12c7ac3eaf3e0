import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setApiLanguage } from '../api/http-client';
import { en } from './en.messages';
import { type Language, preferredLanguage, rememberLanguage } from './language-preference';
import { zhCN } from './zh-cn.messages';

const storage = typeof window === 'undefined' ? undefined : window.localStorage;

/** i18next with both languages loaded, starting in the stored choice (zh-CN by default). */
export async function setUpI18n(): Promise<typeof i18next> {
  const language = preferredLanguage(storage);
  await i18next.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    lng: language,
    fallbackLng: 'zh-CN',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  followLanguage(language);
  return i18next;
}

/** Switches the language, remembers it, and tells the gateway to answer in it. */
export async function switchLanguage(language: Language): Promise<void> {
  rememberLanguage(storage, language);
  await i18next.changeLanguage(language);
  followLanguage(language);
}

function followLanguage(language: Language): void {
  setApiLanguage(language, i18next.t('common.gatewayUnreachable'));
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}
