import { apiErrorFrom } from './api-error';

/**
 * Calls to the gateway from the page it served (same origin: the session cookie goes along by
 * itself). Every state-changing call carries the session's CSRF token in X-CSRF-Token; every call
 * says the user's language, so the gateway's messages come back in it.
 */
let csrfToken: string | null = null;
let language = 'zh-CN';
let unreachableMessage = 'The gateway did not answer.';

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function setApiLanguage(tag: string, gatewayUnreachable: string): void {
  language = tag;
  unreachableMessage = gatewayUnreachable;
}

export function apiLanguage(): string {
  return language;
}

export async function apiGet<T>(
  path: string,
  query: Record<string, string | number | boolean | undefined> = {},
) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '' && value !== false) params.set(key, String(value));
  }
  const search = params.size > 0 ? `?${params.toString()}` : '';
  return send<T>('GET', `${path}${search}`);
}

export async function apiSend<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown) {
  return send<T>(method, path, body);
}

async function send<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': language };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw apiErrorFrom(0, null, unreachableMessage);
  }
  const text = await response.text();
  const parsed: unknown = text === '' ? null : safeJson(text);
  if (!response.ok) throw apiErrorFrom(response.status, parsed, unreachableMessage);
  return parsed as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
