import { ValidationError } from '@medgrid/errors';
import { anIdentity } from '@medgrid/testing';
import { type ReferralStep, ReferralStepCommand } from './referral-step.command';

const identity = anIdentity();

function violations(step: ReferralStep, note: string): [string, string][] {
  try {
    ReferralStepCommand.create(identity, step, {
      clientRequestId: '0193a000-0000-7000-8000-00000000c001',
      id: '0193a000-0000-7000-8000-00000000d001',
      note,
    });
  } catch (error) {
    if (error instanceof ValidationError) return error.violations.map((v) => [v.field, v.reason]);
    throw error;
  }
  return [];
}

describe(ReferralStepCommand.name, () => {
  // Each step's text travels in the request field its RPC declares; a violation must name that field.
  it.each<[ReferralStep, string]>([
    ['submit', 'note'],
    ['accept', 'note'],
    ['decline', 'reason'],
    ['cancel', 'reason'],
    ['arrive', 'note'],
    ['complete', 'note'],
    ['receive', 'note'],
    ['record-follow-up', 'findings'],
    ['close', 'note'],
  ])('reports a too-long text of %s under the request field %s', (step, field) => {
    expect(violations(step, 'x'.repeat(2001))).toEqual([[field, 'TOO_LONG']]);
  });

  it('takes up to 2000 characters, trimmed, and lower-cases the ids', () => {
    expect(violations('record-follow-up', 'x'.repeat(2000))).toEqual([]);
    const sut = ReferralStepCommand.create(identity, 'record-follow-up', {
      clientRequestId: '0193A000-0000-7000-8000-00000000C001',
      id: '0193A000-0000-7000-8000-00000000D001',
      note: ' BP 132/84, no dizziness ',
    });

    expect(sut).toMatchObject({
      clientRequestId: '0193a000-0000-7000-8000-00000000c001',
      id: '0193a000-0000-7000-8000-00000000d001',
      note: 'BP 132/84, no dizziness',
    });
  });
});
