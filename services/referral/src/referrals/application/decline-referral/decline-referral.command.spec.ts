import { ValidationError } from '@medgrid/errors';
import { DeclineReferralCommand } from './decline-referral.command';

describe(DeclineReferralCommand.name, () => {
  const request = {
    clientRequestId: '0193a000-0000-7000-8000-00000000c001',
    id: '0193a000-0000-7000-8000-00000000d001',
  };

  it('carries the reason trimmed, for the referrer to read', () => {
    const sut = DeclineReferralCommand.create({ ...request, reason: ' 本周已满 ' });

    expect(sut.reason).toBe('本周已满');
  });

  it('names the reason field, where the text came in, when it is too long', () => {
    let error: unknown;
    try {
      DeclineReferralCommand.create({ ...request, reason: 'x'.repeat(2001) });
    } catch (e) {
      error = e;
    }

    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).violations).toEqual([
      { field: 'reason', reason: 'TOO_LONG', description: 'must be at most 2000 characters' },
    ]);
  });
});
