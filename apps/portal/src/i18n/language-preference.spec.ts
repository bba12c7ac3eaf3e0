import { describe, expect, it } from 'vitest';
import { LANGUAGE_STORAGE_KEY, preferredLanguage, rememberLanguage } from './language-preference';

const memoryStore = () => {
  const values = new Map<string, string>();
  return {
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => void values.set(key, value),
  };
};

describe(preferredLanguage.name, () => {
  it('starts in Chinese and keeps the language the user chose', () => {
    const store = memoryStore();

    expect(preferredLanguage(store)).toBe('zh-CN');
    rememberLanguage(store, 'en');
    expect(preferredLanguage(store)).toBe('en');
  });

  it('ignores a stored value it does not speak, and storage that refuses', () => {
    const store = memoryStore();
    store.setItem(LANGUAGE_STORAGE_KEY, 'fr');
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };

    expect(preferredLanguage(store)).toBe('zh-CN');
    expect(preferredLanguage(broken)).toBe('zh-CN');
    expect(() => rememberLanguage(broken, 'en')).not.toThrow();
  });
});
