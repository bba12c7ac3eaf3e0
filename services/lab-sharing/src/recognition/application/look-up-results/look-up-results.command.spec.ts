import { refusedFields } from '@medgrid/testing';
import { LookUpResultsCommand, type LookUpResultsInput } from './look-up-results.command';

const now = new Date('2026-12-04T02:00:00Z');
const input = (overrides: Partial<LookUpResultsInput> = {}): LookUpResultsInput => ({
  clientRequestId: '0193A5C0-0000-7000-8000-000000000001',
  patientResidentId: ' 11010519491231002x ',
  itemCode: 'ct-chest',
  'x-purpose': undefined,
  ...overrides,
});

describe(LookUpResultsCommand.name, () => {
  const sut = LookUpResultsCommand;

  it('reads the request, for treatment unless the call says why', () => {
    expect(sut.create(input(), now)).toEqual({
      clientRequestId: '0193a5c0-0000-7000-8000-000000000001',
      patientResidentId: '11010519491231002X',
      itemCode: 'CT-CHEST',
      purpose: 'treatment',
    });
    expect(sut.create(input({ 'x-purpose': 'referral' }), now).purpose).toBe('referral');
  });

  it('refuses every bad field at once, in the order of the request', () => {
    expect(
      refusedFields(() =>
        sut.create(
          input({ clientRequestId: '', patientResidentId: '110105194912310021', itemCode: 'CT CHEST' }),
          now,
        ),
      ),
    ).toEqual([
      ['clientRequestId', 'REQUIRED'],
      ['patientResidentId', 'INVALID_CHECK_CHARACTER'],
      ['itemCode', 'INVALID_FORMAT'],
    ]);
  });
});
