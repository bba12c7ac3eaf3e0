import { ValidationError } from '@medgrid/errors';
import { IssueDownwardCommand, type IssueDownwardInput } from './issue-downward.command';

const valid: IssueDownwardInput = {
  clientRequestId: '0193A000-0000-7000-8000-00000000C001',
  patientResidentId: '11010519491231002x',
  referringInstitutionId: '0193a000-0000-7000-8000-000000000002',
  receivingInstitutionId: '',
  icd10Code: 'I10',
  reason: ' BP at target for four weeks ',
  metCriteriaCodes: [' HTN_BP_AT_TARGET ', 'HTN_BP_AT_TARGET'],
  justification: '',
  treatmentPlan: {
    diagnosisCodes: [' I10 '],
    medications: [
      { name: ' 氨氯地平 ', drugCode: ' xc08caa014a001010100535 ', dose: '5 mg', frequency: 'qd', days: 90 },
    ],
    followUps: [{ dueDate: '2026-12-31', item: ' 复测血压 ' }],
    warningSigns: [' 胸痛 ', ' '],
    notes: '',
  },
  results: [],
  upwardReferralId: '',
};

function violations(input: Partial<IssueDownwardInput>): [string, string][] {
  try {
    IssueDownwardCommand.create({ ...valid, ...input });
  } catch (error) {
    if (error instanceof ValidationError) return error.violations.map((v) => [v.field, v.reason]);
    throw error;
  }
  return [];
}

describe(IssueDownwardCommand.name, () => {
  it('normalises ids, codes and the treatment plan’s texts', () => {
    const sut = IssueDownwardCommand.create(valid);

    expect(sut).toMatchObject({
      clientRequestId: '0193a000-0000-7000-8000-00000000c001',
      patientResidentId: '11010519491231002X',
      receivingInstitutionId: '',
      reason: 'BP at target for four weeks',
      metCriteriaCodes: ['HTN_BP_AT_TARGET'],
      treatmentPlan: {
        diagnosisCodes: ['I10'],
        medications: [
          { name: '氨氯地平', drugCode: 'XC08CAA014A001010100535', dose: '5 mg', frequency: 'qd', days: 90 },
        ],
        followUps: [{ dueDate: '2026-12-31', item: '复测血压' }],
        warningSigns: ['胸痛'],
      },
      upwardReferralId: '',
    });
  });

  it("leaves a line's days to pharmacy's days-of-supply rule: any whole number of days from 1 is the field's shape", () => {
    expect(violations({})).toEqual([]);
    expect(IssueDownwardCommand.create(valid).treatmentPlan.medications[0]?.days).toBe(90);
  });

  it('refuses a referral without a treatment plan', () => {
    expect(violations({ treatmentPlan: undefined })).toEqual([['treatmentPlan', 'REQUIRED']]);
  });

  it('names every bad field of the treatment plan by its path in the request', () => {
    expect(
      violations({
        treatmentPlan: {
          diagnosisCodes: [],
          medications: [
            { name: ' ', drugCode: '', dose: '', frequency: '', days: 0 },
            { name: '氨氯地平', drugCode: 'X-C08', dose: '', frequency: '', days: 7.5 },
          ],
          followUps: [{ dueDate: '31/12/2026', item: 'BP' }],
          warningSigns: [],
          notes: '',
        },
        upwardReferralId: 'referral-1',
      }),
    ).toEqual([
      ['treatmentPlan.diagnosisCodes', 'REQUIRED'],
      ['treatmentPlan.medications[0].name', 'REQUIRED'],
      ['treatmentPlan.medications[0].days', 'OUT_OF_RANGE'],
      ['treatmentPlan.medications[1].drugCode', 'INVALID_FORMAT'],
      ['treatmentPlan.medications[1].days', 'OUT_OF_RANGE'],
      ['treatmentPlan.followUps[0].dueDate', 'INVALID_FORMAT'],
      ['upwardReferralId', 'INVALID_FORMAT'],
    ]);
  });
});
