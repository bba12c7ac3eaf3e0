import { starterCatalogue } from '../../criteria/domain/starter-catalogue';
import { type NewUpwardReferral } from './referral';
import { type SubmissionFacts } from './submission-assessment';
import { assessSubmission } from './submission-assessment';

const LEAD = 'a0000000-0000-7000-8000-000000000001';
const CLINIC = 'a0000000-0000-7000-8000-000000000003';
const catalogue = starterCatalogue();
const facts: SubmissionFacts = {
  group: {
    groupId: 'g',
    leadInstitutionId: LEAD,
    members: new Map([
      [LEAD, 'lead'],
      [CLINIC, 'member'],
    ]),
  },
  departments: [
    { id: 'd-cardio', institutionId: LEAD, specialtyCode: '03.04' },
    { id: 'd-neuro', institutionId: LEAD, specialtyCode: '03.03' },
  ],
  contractedInstitutionIds: [CLINIC],
};
const referral: NewUpwardReferral = {
  id: 'r',
  groupId: 'g',
  clientRequestId: 'c',
  patientResidentId: '11010519491231002X',
  referringInstitutionId: CLINIC,
  receivingInstitutionId: '',
  receivingDepartmentId: '',
  specialtyCode: '',
  icd10Code: 'I10',
  reason: 'BP 190/120 despite three drugs',
  indicationCodes: [],
  justification: '',
  results: [],
};
const htn = catalogue.lookup('I10')!;

describe(assessSubmission.name, () => {
  const sut = assessSubmission;

  it("records the matched indication, routes by the disease's specialty and flags the contracted resident", () => {
    const indication = htn.upwardIndications[0]!.code;
    const result = sut({ ...referral, indicationCodes: [indication] }, catalogue, facts);

    expect(result).toMatchObject({
      receivingInstitutionId: LEAD,
      receivingDepartmentId: 'd-cardio',
      specialtyCode: htn.specialtyCode,
      matchedIndicationCodes: [indication],
      withoutIndication: false,
      contractedPriority: true,
      greenChannel: 'none',
    });
  });

  it('allows a referral without an indication only on a written justification, and marks it', () => {
    expect(() => sut(referral, catalogue, facts)).toThrow(
      expect.objectContaining({ code: 'JUSTIFICATION_REQUIRED' }) as Error,
    );
    const justified = sut(
      { ...referral, justification: '患者强烈要求上级医院复查，家属陪同' },
      catalogue,
      facts,
    );
    expect(justified.withoutIndication).toBe(true);
  });

  it('refuses an indication the disease does not have', () => {
    expect(() => sut({ ...referral, indicationCodes: ['NOT_A_CODE'] }, catalogue, facts)).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_INDICATION', category: 'invalid-argument' }) as Error,
    );
  });

  it('puts a suspected acute coronary syndrome on the green channel, with the centre department', () => {
    const acs = catalogue.lookup('I21.9')!;
    const result = sut(
      { ...referral, icd10Code: 'I21.9', indicationCodes: [acs.upwardIndications[0]!.code] },
      catalogue,
      facts,
    );

    expect(result).toMatchObject({ greenChannel: 'chest-pain', centreDepartmentId: 'd-cardio' });
  });

  it('gives no priority to a resident contracted elsewhere', () => {
    const result = sut({ ...referral, justification: '患者强烈要求上级医院复查，家属陪同' }, catalogue, {
      ...facts,
      contractedInstitutionIds: ['another-clinic'],
    });

    expect(result.contractedPriority).toBe(false);
  });
});
