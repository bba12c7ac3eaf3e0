import { status } from '@grpc/grpc-js';
import { AppError, ValidationError } from '@medgrid/errors';
import { decodeErrorDetails, statusForError } from './status-for-error';

describe(statusForError.name, () => {
  it('maps a validation error to INVALID_ARGUMENT with every field violation in BadRequest', () => {
    const error = new ValidationError([
      { field: 'patientResidentId', reason: 'REQUIRED', description: 'is required' },
      { field: 'receivingInstitutionId', reason: 'INVALID_FORMAT', description: 'must be a UUID' },
    ]);

    const sut = statusForError(error);

    expect(sut.code).toBe(status.INVALID_ARGUMENT);
    const details = decodeErrorDetails(sut.metadata);
    expect(details.reason).toBe('VALIDATION_FAILED');
    expect(details.fieldViolations.map((v) => v.field)).toEqual([
      'patientResidentId',
      'receivingInstitutionId',
    ]);
  });

  it('carries a domain error code as the ErrorInfo reason', () => {
    const sut = statusForError(
      new AppError('failed-precondition', 'ILLEGAL_TRANSITION', 'referral is completed'),
    );

    expect(sut.code).toBe(status.FAILED_PRECONDITION);
    expect(decodeErrorDetails(sut.metadata).reason).toBe('ILLEGAL_TRANSITION');
  });

  it('answers UNAVAILABLE, which callers retry, while the database is down or starting, without its text', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const starting = Object.assign(new Error('the database system is starting up'), { code: '57P03' });

    for (const error of [refused, starting]) {
      const sut = statusForError(error);

      expect(sut.code).toBe(status.UNAVAILABLE);
      expect(decodeErrorDetails(sut.metadata).reason).toBe('DEPENDENCY_UNAVAILABLE');
      expect(sut.details).not.toContain('5432');
    }
  });

  it('hides the text of an unexpected error behind INTERNAL', () => {
    const sut = statusForError(new Error('connection string postgres://secret'));

    expect(sut.code).toBe(status.INTERNAL);
    expect(sut.details).toBe('internal error');
  });
});

describe(`${statusForError.name} on a request with very many bad fields`, () => {
  const manyBad = new ValidationError(
    Array.from({ length: 100_000 }, (_, i) => ({
      field: `members[${i}].practitionerId`,
      reason: 'INVALID_FORMAT',
      description: 'must be a UUID',
    })),
  );

  it('keeps the status within what clients take in a trailer, counting the violations it leaves out', () => {
    const sut = statusForError(manyBad);

    const trailer = sut.metadata!.get('grpc-status-details-bin')[0] as Buffer;
    expect(trailer.length).toBeLessThan(8 * 1024);
    expect(Buffer.byteLength(sut.details!)).toBeLessThanOrEqual(512);
    const violations = decodeErrorDetails(sut.metadata).fieldViolations;
    expect(violations[0]).toMatchObject({ field: 'members[0].practitionerId', reason: 'INVALID_FORMAT' });
    expect(violations.at(-1)).toMatchObject({ field: 'request', reason: 'MORE_VIOLATIONS' });
    expect(violations.at(-1)!.description).toContain(`${100_000 - (violations.length - 1)} more`);
  });

  it('clips a violation that echoes a huge value, on a character boundary', () => {
    const sut = statusForError(
      new ValidationError([{ field: 'name', reason: 'TOO_LONG', description: `名${'字'.repeat(100_000)}` }]),
    );

    const [violation] = decodeErrorDetails(sut.metadata).fieldViolations;
    expect(Buffer.byteLength(violation!.description)).toBeLessThanOrEqual(256);
    expect(violation!.description.endsWith('字…')).toBe(true);
  });
});
