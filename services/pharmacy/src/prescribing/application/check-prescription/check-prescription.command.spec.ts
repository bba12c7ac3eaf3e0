import { ValidationError } from '@medgrid/errors';
import { aResidentId, thrownBy } from '@medgrid/testing';
import { aDrug } from '../../../catalogue/test/drug.factory';
import { CheckPrescriptionCommand, type CheckPrescriptionInput } from './check-prescription.command';

const now = new Date('2027-02-01T09:00:00Z');

function anInput(overrides: Partial<CheckPrescriptionInput> = {}): CheckPrescriptionInput {
  return {
    patientResidentId: aResidentId(),
    diagnosisCodes: ['i10'],
    stable: true,
    regimenUnchanged: true,
    lines: [{ drugCode: ` ${aDrug().code.toLowerCase()} `, quantity: 3, daysOfSupply: 84 }],
    'x-purpose': undefined,
    ...overrides,
  };
}

describe(CheckPrescriptionCommand.name, () => {
  const sut = CheckPrescriptionCommand;

  it('reads codes upper case and trimmed, and the purpose as treatment when the call states none', () => {
    const command = sut.create(anInput(), now);

    expect(command).toMatchObject({
      diagnosisCodes: ['I10'],
      lines: [{ drugCode: aDrug().code, quantity: 3, daysOfSupply: 84 }],
      purpose: 'treatment',
    });
  });

  it('refuses every bad field at once, each named as the request carried it', () => {
    const refused = thrownBy(ValidationError, () =>
      sut.create(
        anInput({
          patientResidentId: '110101199003070000',
          diagnosisCodes: ['hypertension'],
          lines: [
            { drugCode: aDrug().code, quantity: 1, daysOfSupply: 28 },
            { drugCode: 'XC08CA', quantity: 0, daysOfSupply: 0 },
          ],
        }),
        now,
      ),
    );

    expect(refused.violations.map((v) => [v.field, v.reason])).toEqual([
      ['patientResidentId', expect.any(String)],
      ['diagnosisCodes[0]', 'INVALID_FORMAT'],
      ['lines[1].drugCode', 'INVALID_LENGTH'],
      ['lines[1].quantity', 'REQUIRED'],
      ['lines[1].daysOfSupply', 'REQUIRED'],
    ]);
  });

  it('refuses a prescription without lines or diagnoses', () => {
    const refused = thrownBy(ValidationError, () =>
      sut.create(anInput({ diagnosisCodes: [], lines: [] }), now),
    );

    expect(refused.violations.map((v) => [v.field, v.reason])).toEqual([
      ['diagnosisCodes', 'REQUIRED'],
      ['lines', 'REQUIRED'],
    ]);
  });
});
