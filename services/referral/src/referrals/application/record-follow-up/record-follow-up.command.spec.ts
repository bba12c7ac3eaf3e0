import { ValidationError } from '@medgrid/errors';
import { RecordFollowUpCommand, type RecordFollowUpInput } from './record-follow-up.command';

const valid: RecordFollowUpInput = {
  clientRequestId: '0193A000-0000-7000-8000-00000000C001',
  id: '0193A000-0000-7000-8000-00000000D001',
  findings: ' BP 132/84, no dizziness ',
};

function violations(input: Partial<RecordFollowUpInput>): [string, string][] {
  try {
    RecordFollowUpCommand.create({ ...valid, ...input });
  } catch (error) {
    if (error instanceof ValidationError) return error.violations.map((v) => [v.field, v.reason]);
    throw error;
  }
  return [];
}

describe(RecordFollowUpCommand.name, () => {
  it('takes up to 2000 characters of findings, trimmed, and lower-cases the ids', () => {
    const sut = RecordFollowUpCommand.create(valid);

    expect(sut).toEqual({
      clientRequestId: '0193a000-0000-7000-8000-00000000c001',
      id: '0193a000-0000-7000-8000-00000000d001',
      findings: 'BP 132/84, no dizziness',
    });
    expect(violations({ findings: 'x'.repeat(2000) })).toEqual([]);
  });

  it('names the findings field, where the text came in, when it is too long', () => {
    expect(violations({ findings: 'x'.repeat(2001) })).toEqual([['findings', 'TOO_LONG']]);
  });

  it('reports every bad field of one request together', () => {
    expect(violations({ clientRequestId: '', id: 'referral-1', findings: 'x'.repeat(2001) })).toEqual([
      ['clientRequestId', 'REQUIRED'],
      ['id', 'INVALID_FORMAT'],
      ['findings', 'TOO_LONG'],
    ]);
  });
});
