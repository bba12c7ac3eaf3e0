import { ValidationError } from '@medgrid/errors';
import { thrownBy } from '@medgrid/testing';
import { AssessContinuityCommand, type AssessContinuityInput } from './assess-continuity.command';

const valid: AssessContinuityInput = {
  referralId: '0193a000-0000-7000-8000-00000000c001',
  groupId: '0193a000-0000-7000-8000-00000000c002',
  issuingInstitutionId: '0193a000-0000-7000-8000-00000000c003',
  receivingInstitutionId: '0193a000-0000-7000-8000-00000000c004',
  patientResidentId: '11010519491231002X',
  diagnosisCodes: ['I10', ' I10 ', '', 'E11.9'],
  medications: [{ drugCode: ' xc08caa014a001010100535 ', name: '氨氯地平', days: 60 }],
};

describe(AssessContinuityCommand.name, () => {
  const sut = AssessContinuityCommand;

  it('reads the referral as referral announced it: drug codes upper case, the diagnoses once each, the receiving institution apart', () => {
    const command = sut.create(valid);

    expect(command.receivingInstitutionId).toBe(valid.receivingInstitutionId);
    expect(command.referral).toEqual({
      referralId: valid.referralId,
      groupId: valid.groupId,
      issuingInstitutionId: valid.issuingInstitutionId,
      patientResidentId: valid.patientResidentId,
      diagnosisCodes: ['I10', 'E11.9'],
      medications: [{ drugCode: 'XC08CAA014A001010100535', name: '氨氯地平', days: 60 }],
    });
  });

  it('refuses an announcement without its receiving institution, naming it', () => {
    const refused = thrownBy(ValidationError, () => sut.create({ ...valid, receivingInstitutionId: '' }));

    expect(refused.violations.map((v) => v.field)).toEqual(['receivingInstitutionId']);
  });
});
