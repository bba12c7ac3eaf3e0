import { AppError, type FieldViolation, ValidationError } from '@medgrid/errors';

/**
 * A portal request read into a service's request: the query's values and the JSON body, proto3 JSON as the
 * services' generated messages read it. What the wire could not carry is the caller's mistake, refused here as a
 * 400, where the encoder would have thrown it as a 500 on the way to the service.
 */

type Json = Record<string, unknown>;

/** A query's or a body's text; anything else is no text. */
export const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** A query's count (a page size); anything but digits is none, and the service applies its default. */
export const count = (value: unknown) =>
  typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : 0;

/** A body's member that should be an object; anything else is an empty one. */
export const record = (value: unknown): Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};

const notAnInstant = (field: string) =>
  new ValidationError([
    {
      field,
      reason: 'INVALID_FORMAT',
      description: 'must be an instant in ISO 8601, e.g. 2026-11-01T00:00:00Z',
    },
  ]);

/** An ISO 8601 instant of the query or body, undefined when absent, or a 400 naming the field. */
export function optionalInstant(value: unknown, field: string): string | undefined {
  if (text(value) === '') return undefined;
  if (Number.isNaN(new Date(text(value)).getTime())) throw notAnInstant(field);
  return text(value);
}

/** An ISO 8601 instant the query must carry, or a 400 naming the field (absent included). */
export function requiredInstant(value: unknown, field: string): Date {
  const given = optionalInstant(value, field);
  if (given === undefined) throw notAnInstant(field);
  return new Date(given);
}

/** The protobuf integer a number of a request body is sent as. */
export type WholeNumber = 'uint32' | 'int64' | 'fen';

/**
 * Numbers of a body that protobuf could not encode (12.5 as a uint32, a price in yuan as int64 fen) are refused as
 * a 400 naming each field as the request named it (`drug.unifiedPriceFen`), before the request is read.
 */
export function requireWholeNumbers(body: Json, fields: Readonly<Record<string, WholeNumber>>): void {
  const violations: FieldViolation[] = [];
  for (const [path, kind] of Object.entries(fields)) {
    const value = path.split('.').reduce<unknown>((node, key) => record(node)[key], body);
    if (value === undefined || value === null) continue;
    const number = typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
    const min = kind === 'uint32' ? 0 : Number.MIN_SAFE_INTEGER;
    const max = kind === 'uint32' ? 4_294_967_295 : Number.MAX_SAFE_INTEGER;
    if (typeof number === 'number' && Number.isSafeInteger(number) && number >= min && number <= max)
      continue;
    violations.push(
      kind === 'fen'
        ? { field: path, reason: 'NOT_FEN', description: 'a whole number of fen, not yuan (¥12.50 is 1250)' }
        : kind === 'uint32'
          ? { field: path, reason: 'INVALID_TYPE', description: `must be a whole number from 0 to ${max}` }
          : { field: path, reason: 'INVALID_TYPE', description: 'must be a whole number' },
    );
  }
  if (violations.length > 0) throw new ValidationError(violations);
}

/** A generated message's JSON reader and its encoder (which refuses what the wire cannot carry). */
export interface MessageType<T> {
  fromJSON(object: unknown): T;
  encode(message: T): { finish(): Uint8Array };
}

/**
 * The request a body stands for, as proto3 JSON reads it, with what the path (or the gateway) decides in place of
 * the body's own. A body the message cannot hold (a member that is not an object, a number too large for its
 * field) is the caller's mistake: 400, not the encoder's exception as a 500.
 */
export function requestOf<T>(type: MessageType<T>, body: unknown, path: Json = {}): T {
  const json: Json = { ...(typeof body === 'object' && body !== null ? (body as Json) : {}), ...path };
  try {
    const request = type.fromJSON(json);
    type.encode(request).finish();
    return request;
  } catch {
    throw new AppError('invalid-argument', 'MALFORMED_REQUEST', 'the body is not a request of this endpoint');
  }
}
