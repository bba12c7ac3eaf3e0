import { isUuid } from '@medgrid/errors';

/** Opaque page token: the (name, id) of the last row served, base64url JSON. */
export function decodeNamePageToken(token: string): { name: string; id: string } | undefined {
  try {
    const value = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(value) &&
      typeof value[0] === 'string' &&
      typeof value[1] === 'string' &&
      isUuid(value[1])
    ) {
      return { name: value[0], id: value[1] };
    }
  } catch {
    // not a token we issued: the caller reports it as a bad field
  }
  return undefined;
}

export function encodeNamePageToken(last: { name: string; id: string }): string {
  return Buffer.from(JSON.stringify([last.name, last.id]), 'utf8').toString('base64url');
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;
