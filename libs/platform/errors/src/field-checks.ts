import { ValidationError } from './app-error';
import { type FieldViolation } from './field-violation';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/**
 * Collects field violations so a request reports all of its problems at once,
 * then throws a single ValidationError.
 */
export class FieldChecks {
  private readonly violations: FieldViolation[] = [];

  required(field: string, value: string | undefined | null): this {
    if (value === undefined || value === null || value.trim() === '') {
      this.add(field, 'REQUIRED', 'is required');
    }
    return this;
  }

  uuid(field: string, value: string | undefined | null): this {
    if (this.required(field, value).has(field)) return this;
    if (!UUID.test(value!)) this.add(field, 'INVALID_FORMAT', 'must be a UUID');
    return this;
  }

  maxLength(field: string, value: string | undefined | null, max: number): this {
    if (value && value.length > max) this.add(field, 'TOO_LONG', `must be at most ${max} characters`);
    return this;
  }

  check(field: string, ok: boolean, reason: string, description: string): this {
    if (!ok) this.add(field, reason, description);
    return this;
  }

  add(field: string, reason: string, description: string): this {
    this.violations.push({ field, reason, description });
    return this;
  }

  /** Adds violations found elsewhere (such as a list request's page fields). */
  addAll(violations: readonly FieldViolation[]): this {
    this.violations.push(...violations);
    return this;
  }

  has(field: string): boolean {
    return this.violations.some((v) => v.field === field);
  }

  throwIfAny(): void {
    if (this.violations.length > 0) throw new ValidationError(this.violations);
  }
}

export const isUuid = (value: string): boolean => UUID.test(value);
