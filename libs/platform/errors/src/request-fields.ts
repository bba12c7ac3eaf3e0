import { pageRequest, type PageRules } from '@medgrid/kernel';
import { z } from 'zod';
import { ValidationError } from './app-error';
import { isUuid } from './uuid';
import { type FieldViolation } from './field-violation';

/**
 * A request's field rules as one zod schema, refused the way every MedGrid request is refused:
 * INVALID_ARGUMENT with one field violation per broken rule, each naming the field as the request
 * carried it (`members[1].practitionerId`), a reason code and a description. A rule gives its
 * reason and description with `refusal`; the rules below give those every service uses.
 *
 * The violations come in the order of the schema's keys, so a schema lists its fields in the
 * order a caller reads the request.
 */

/** What a broken rule answers: the reason code (REQUIRED, INVALID_FORMAT, ...) and its description. */
export interface Refusal {
  readonly reason: string;
  readonly description: string;
}

/** The options of a zod check that refuses with this reason and description. */
export function refusal(reason: string, description: string, abort = false) {
  return { message: description, params: { reason }, abort };
}

/**
 * The input as `schema` reads it (trimmed, lower-cased, parsed, as its transforms say), or a
 * ValidationError naming every bad field at once.
 */
export function parseFields<S extends z.ZodType>(schema: S, input: z.input<S>): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new ValidationError(fieldViolationsOf(result.error.issues));
}

/** The field violations of zod issues; a rule without a `refusal` gets a reason from its kind. */
export function fieldViolationsOf(issues: readonly z.core.$ZodIssue[]): FieldViolation[] {
  return issues.map((issue) => ({
    field: fieldPath(issue.path),
    reason: reasonOf(issue),
    description: issue.message,
  }));
}

/** `['members', 1, 'role']` as a request names it: `members[1].role`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

function reasonOf(issue: z.core.$ZodIssue): string {
  const reason = (issue as { params?: { reason?: unknown } }).params?.reason;
  if (typeof reason === 'string') return reason;
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined || issue.input === null ? 'REQUIRED' : 'INVALID_TYPE';
    case 'too_big':
      return issue.origin === 'string' ? 'TOO_LONG' : 'OUT_OF_RANGE';
    case 'too_small':
      return issue.origin === 'string' || issue.origin === 'array' ? 'REQUIRED' : 'OUT_OF_RANGE';
    case 'invalid_format':
      return 'INVALID_FORMAT';
    case 'invalid_value':
      return 'INVALID_VALUE';
    default:
      return 'INVALID';
  }
}

const REQUIRED = 'is required';
const notBlank = (value: string) => value.trim() !== '';
/** A string; anything else (a missing field included) is refused before any rule runs. */
const text = () => z.string({ error: (issue) => (issue.input === undefined ? REQUIRED : 'must be text') });

/**
 * The rules of request fields every service has, written once: each one answers the reason and
 * description, so every service refuses the same rule in the same words.
 */
export const requestField = {
  /** Text that must not be blank, at most `max` characters as sent; read trimmed. */
  text(max: number) {
    return text()
      .refine(notBlank, refusal('REQUIRED', REQUIRED, true))
      .max(max, refusal('TOO_LONG', `must be at most ${max} characters`))
      .transform((value) => value.trim());
  },

  /**
   * Text that may be empty, at most `max` characters as sent; read trimmed unless `trim` is
   * false (a search term some lists take as it came).
   */
  optionalText(max: number, { trim = true }: { trim?: boolean } = {}) {
    return text()
      .max(max, refusal('TOO_LONG', `must be at most ${max} characters`))
      .transform((value) => (trim ? value.trim() : value));
  },

  /**
   * The caller's stated purpose of a read (the x-purpose metadata, at most 200 characters), for the
   * audit trail: read trimmed, `otherwise` when the call states none. It is call metadata, not a
   * request field, so a schema names it 'x-purpose' and a violation names the metadata key.
   */
  purpose(otherwise = 'treatment') {
    return text()
      .max(200, refusal('TOO_LONG', 'must be at most 200 characters'))
      .optional()
      .transform((purpose) => purpose?.trim() || otherwise);
  },

  /** A UUID (any version); read lower-cased, as ids are stored. */
  uuid() {
    return text()
      .refine(notBlank, refusal('REQUIRED', REQUIRED, true))
      .refine(isUuid, refusal('INVALID_FORMAT', 'must be a UUID'))
      .transform((value) => value.toLowerCase());
  },

  /** A UUID or nothing (empty): read lower-cased, or undefined when empty. */
  optionalUuid() {
    return text()
      .refine((value) => value === '' || isUuid(value), refusal('INVALID_FORMAT', 'must be a UUID'))
      .transform((value) => (value === '' ? undefined : value.toLowerCase()));
  },

  /** The version an update's caller read, so a stale one is refused: 1 or more. */
  version() {
    return z
      .number()
      .refine((value) => value >= 1, refusal('REQUIRED', 'must be the version you read (1 or more)'));
  },

  /**
   * A value the caller must give, such as an enum the proto mapper read as undefined for
   * UNSPECIFIED: refused with `reason` (REQUIRED unless said) and `description` (which says what
   * it may be).
   */
  present<T>(description: string, reason = 'REQUIRED') {
    return z
      .custom<T | undefined>()
      .refine((value) => value !== undefined, refusal(reason, description))
      .transform((value) => value as T);
  },

  /** A string that must pass `rule` (a code format, a date, ...), refused with `problem`. */
  matching(rule: (value: string) => boolean, problem: Refusal) {
    return text().refine(rule, refusal(problem.reason, problem.description));
  },

  /**
   * A value `schema` reads, refused with every refusal `problems` finds in it (none when it is
   * fine): for rules written elsewhere that answer their problems as refusals.
   */
  checked<S extends z.ZodType>(schema: S, problems: (value: z.output<S>) => readonly Refusal[]) {
    return schema.superRefine((value, ctx) => {
      for (const problem of problems(value)) {
        ctx.addIssue({ code: 'custom', message: problem.description, params: { reason: problem.reason } });
      }
    });
  },

  /**
   * A string read by `read`, which answers the value it stands for or the refusal of the problem
   * it has (a check character, a birth date, ...): for rules whose reason depends on the input.
   */
  parsed<T>(read: (value: string) => { readonly value: T } | { readonly refusal: Refusal }) {
    return text().transform((value, ctx): T => {
      const answer = read(value);
      if ('value' in answer) return answer.value;
      ctx.addIssue({
        code: 'custom',
        message: answer.refusal.description,
        params: { reason: answer.refusal.reason },
      });
      return z.NEVER;
    });
  },
};

/**
 * A list request's page fields (pageSize, pageToken), each refused as pageRequest refuses it, for a
 * list's schema to spread among its fields where its request carries them; once they pass,
 * pageRequest(request, rules) reads the page.
 */
export function pageFields<Cursor>(rules: PageRules<Cursor>) {
  return {
    pageSize: requestField.checked(z.number(), (pageSize) => pageRequest({ pageSize }, rules).problems),
    pageToken: requestField.checked(z.string(), (pageToken) => pageRequest({ pageToken }, rules).problems),
  };
}

/**
 * The rule of a request that names exactly one of two fields (a report by its id or by its order's id), for
 * its object schema's superRefine: refused ONE_OF_REQUIRED on the first field when it names both or neither.
 * The fields read as undefined when absent (optionalUuid).
 */
export function exactlyOneOf<T extends object>(first: keyof T & string, second: keyof T & string) {
  return (request: T, ctx: z.RefinementCtx<T>): void => {
    if ((request[first] === undefined) === (request[second] === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [first],
        message: `name exactly one of ${first} and ${second}`,
        params: { reason: 'ONE_OF_REQUIRED' },
      });
    }
  };
}
