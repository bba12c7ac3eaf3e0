import { ValidationError } from '@medgrid/errors';
import { aResidentId } from '@medgrid/testing';
import { CreateReferralCommand, type CreateReferralInput } from './create-referral.command';

const valid: CreateReferralInput = {
  clientRequestId: '0193A000-0000-7000-8000-00000000C001',
  patientResidentId: '11010519491231002x',
  referringInstitutionId: '0193a000-0000-7000-8000-000000000001',
  receivingInstitutionId: '0193a000-0000-7000-8000-000000000002',
  direction: 'upward',
  icd10Code: ' E11.9 ',
  reason: '  worsening glycaemic control ',
};

function violations(input: Partial<CreateReferralInput>): [string, string][] {
  try {
    CreateReferralCommand.create({ ...valid, ...input });
  } catch (error) {
    if (error instanceof ValidationError) return error.violations.map((v) => [v.field, v.reason]);
    throw error;
  }
  return [];
}

describe(CreateReferralCommand.name, () => {
  it('normalises ids, the check character and free text', () => {
    const sut = CreateReferralCommand.create(valid);

    expect(sut).toMatchObject({
      clientRequestId: '0193a000-0000-7000-8000-00000000c001',
      patientResidentId: '11010519491231002X',
      icd10Code: 'E11.9',
      reason: 'worsening glycaemic control',
    });
  });

  it.each<[Partial<CreateReferralInput>, [string, string][]]>([
    [{ patientResidentId: '' }, [['patientResidentId', 'REQUIRED']]],
    [{ patientResidentId: '110105194912310021' }, [['patientResidentId', 'INVALID_CHECK_CHARACTER']]],
    [{ patientResidentId: '11010519491331002X' }, [['patientResidentId', 'INVALID_BIRTH_DATE']]],
    [{ receivingInstitutionId: 'hospital-42' }, [['receivingInstitutionId', 'INVALID_FORMAT']]],
    [{ clientRequestId: '' }, [['clientRequestId', 'REQUIRED']]],
    [{ direction: undefined }, [['direction', 'REQUIRED']]],
    [{ icd10Code: 'hypertension' }, [['icd10Code', 'INVALID_FORMAT']]],
    [{ reason: ' ' }, [['reason', 'REQUIRED']]],
    [{ reason: 'x'.repeat(2001) }, [['reason', 'TOO_LONG']]],
  ])('refuses %j', (input, expected) => {
    expect(violations(input)).toEqual(expected);
  });

  it('reports every bad field of one request together', () => {
    expect(
      violations({ patientResidentId: '', referringInstitutionId: 'x', icd10Code: '' }).map(([f]) => f),
    ).toEqual(['patientResidentId', 'referringInstitutionId', 'icd10Code']);
  });

  it('accepts any valid resident ID', () => {
    for (let seed = 1; seed < 200; seed++) {
      expect(violations({ patientResidentId: aResidentId(seed) })).toEqual([]);
    }
  });
});
