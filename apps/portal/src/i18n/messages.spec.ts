import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { REFERRAL_STATUSES } from '../api/portal-types';
import { en } from './en.messages';
import { messageAt, messageKeys } from './messages';
import { zhCN } from './zh-cn.messages';

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

/** Every `t('…')` key written in the portal's source. */
function keysUsedInSource(dir = fileURLToPath(new URL('..', import.meta.url))): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return keysUsedInSource(path);
    if (!/\.tsx?$/.test(name) || name.endsWith('.spec.ts')) return [];
    return [...readFileSync(path, 'utf8').matchAll(/\bt\('([\w.-]+)'/g)].map((m) => m[1]!);
  });
}

describe('messages', () => {
  it('has the same keys in Chinese and English', () => {
    expect(messageKeys(en).sort()).toEqual(messageKeys(zhCN).sort());
  });

  it('has no empty message and the same placeholders in both languages', () => {
    for (const key of messageKeys(zhCN)) {
      const chinese = messageAt(zhCN, key)!;
      const english = messageAt(en, key)!;
      expect(chinese.trim(), key).not.toBe('');
      expect(english.trim(), key).not.toBe('');
      expect(placeholders(english), key).toEqual(placeholders(chinese));
    }
  });

  it('names every referral status in both languages', () => {
    for (const status of REFERRAL_STATUSES) {
      expect(messageAt(zhCN, `status.${status}`), status).toBeDefined();
      expect(messageAt(en, `status.${status}`), status).toBeDefined();
    }
  });

  it('has every key the source asks for', () => {
    const used = [...new Set(keysUsedInSource())];
    expect(used.length).toBeGreaterThan(20);
    expect(used.filter((key) => messageAt(zhCN, key) === undefined)).toEqual([]);
  });
});
