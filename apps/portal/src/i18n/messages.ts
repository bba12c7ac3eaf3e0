import type { zhCN } from './zh-cn.messages';

type Words<T> = { [K in keyof T]: T[K] extends string ? string : Words<T[K]> };

/** The shape every language's messages have: Chinese's keys, any words. */
export type Messages = Words<typeof zhCN>;

/** "a.b.c" for every message, for comparing two languages' keys. */
export function messageKeys(messages: object, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : messageKeys(value as object, `${prefix}${key}.`),
  );
}

/** A message by its key, or undefined. */
export function messageAt(messages: object, key: string): string | undefined {
  let node: unknown = messages;
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  return typeof node === 'string' ? node : undefined;
}
