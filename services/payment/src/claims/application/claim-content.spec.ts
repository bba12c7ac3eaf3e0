import { ValidationError } from '@medgrid/errors';
import { ClaimError, ClaimErrorCode } from '../domain/claim-error';
import { asCarried } from './claim-content';

describe(asCarried.name, () => {
  const sut = asCarried;

  it('names a refused field as the request carried it: under the claim, the encounter as the request has it', async () => {
    const refused = sut('claims[2]', () =>
      Promise.reject(
        ClaimError.invalid([
          { field: 'encounter.days', reason: 'INVALID_CLAIM', description: 'at least 1' },
          { field: 'lines[0].amount', reason: ClaimErrorCode.AmountMismatch, description: 'does not add up' },
        ]),
      ),
    );

    await expect(refused).rejects.toMatchObject({
      code: ClaimErrorCode.InvalidClaim,
      violations: [
        expect.objectContaining({ field: 'claims[2].inpatientDays' }),
        expect.objectContaining({ field: 'claims[2].lines[0].amount' }),
      ],
    });
  });

  it('keeps the fields named at the root where they are, and a field check stays a ValidationError', async () => {
    const error = await sut(
      'claim',
      () =>
        Promise.reject(new ValidationError([{ field: 'reason', reason: 'REQUIRED', description: 'why' }])),
      ['reason'],
    ).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).violations[0]?.field).toBe('reason');
  });
});
