/** The languages the portal speaks, Chinese first; the user's choice is kept in the browser. */
export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const LANGUAGE_STORAGE_KEY = 'medgrid.portal.language';

interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export function isLanguage(value: unknown): value is Language {
  return LANGUAGES.includes(value as Language);
}

/** The stored choice, else zh-CN: the portal is for the city's staff, whatever the browser's language. */
export function preferredLanguage(store: KeyValueStore | undefined): Language {
  try {
    const stored = store?.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(stored) ? stored : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

export function rememberLanguage(store: KeyValueStore | undefined, language: Language): void {
  try {
    store?.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Storage may be off (a private window): the choice then lasts as long as the page.
  }
}
