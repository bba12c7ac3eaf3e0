import { ValidationError } from '@medgrid/errors';
import { aDiseaseCriteriaInput } from '../../test/disease-criteria.factory';
import { PutCriteriaCommand, type PutCriteriaInput } from './put-criteria.command';

const clientRequestId = '0193A000-0000-7000-8000-00000000C001';

function violations(input: PutCriteriaInput): [string, string, string][] {
  try {
    PutCriteriaCommand.create(input);
  } catch (error) {
    if (error instanceof ValidationError)
      return error.violations.map((v) => [v.field, v.reason, v.description]);
    throw error;
  }
  return [];
}

describe(PutCriteriaCommand.name, () => {
  it('carries the entry with its texts trimmed, and the request id lower-cased', () => {
    const sut = PutCriteriaCommand.create({
      entry: aDiseaseCriteriaInput({ nameEn: ' Hypertension ' }),
      clientRequestId,
    });

    expect(sut.entry).toMatchObject({ covers: ['I10'], nameEn: 'Hypertension' });
    expect(sut.clientRequestId).toBe(clientRequestId.toLowerCase());
  });

  it('refuses a request without an entry', () => {
    expect(violations({ entry: undefined, clientRequestId })).toEqual([
      ['entry', 'REQUIRED', 'the entry to store is required'],
    ]);
  });

  it('names every bad field of the entry as the request carried it, inside entry, with the others', () => {
    expect(
      violations({
        entry: aDiseaseCriteriaInput({ covers: ['I10', 'hypertension'], sources: [] }),
        clientRequestId: 'x',
      }).map(([field, reason]) => [field, reason]),
    ).toEqual([
      ['entry.covers[1]', 'INVALID_FORMAT'],
      ['entry.sources', 'REQUIRED'],
      ['clientRequestId', 'INVALID_FORMAT'],
    ]);
  });
});
