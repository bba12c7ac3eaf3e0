import { type FieldViolation, ValidationError } from '@medgrid/errors';

const NUL = '\u0000';

/**
 * PostgreSQL text cannot hold U+0000, so a string carrying it would fail deep
 * in a repository as an INTERNAL error. It is refused at the edge instead, per
 * field, for every service. Bytes fields are left alone: they are not text.
 */
export function rejectNulCharacters(request: unknown): void {
  const violations: FieldViolation[] = [];
  visit(request, '', violations);
  if (violations.length > 0) throw new ValidationError(violations);
}

function visit(value: unknown, path: string, violations: FieldViolation[]): void {
  if (typeof value === 'string') {
    if (value.includes(NUL)) {
      violations.push({
        field: path || 'request',
        reason: 'INVALID_CHARACTER',
        description: 'must not contain the NUL character (U+0000)',
      });
    }
    return;
  }
  if (value === null || typeof value !== 'object' || value instanceof Uint8Array || value instanceof Date)
    return;
  if (Array.isArray(value)) {
    value.forEach((item, i) => visit(item, `${path}[${i}]`, violations));
    return;
  }
  for (const [key, item] of Object.entries(value)) visit(item, path ? `${path}.${key}` : key, violations);
}
