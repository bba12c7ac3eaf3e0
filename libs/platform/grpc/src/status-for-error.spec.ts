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

  it('hides the text of an unexpected error behind INTERNAL', () => {
    const sut = statusForError(new Error('connection string postgres://secret'));

    expect(sut.code).toBe(status.INTERNAL);
    expect(sut.details).toBe('internal error');
  });
});
