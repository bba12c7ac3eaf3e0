import { DrugCatalogue } from '../../catalogue/domain/drug-catalogue';
import { aDrug, anOriginatorDrug } from '../../catalogue/test/drug.factory';
import { aStableChronicPatient } from '../test/patient.factory';
import { checkPrescription } from './prescription-check';
import { recordOfCheck } from './prescription-record';

const at = new Date('2027-02-01T09:00:00Z');
const catalogue = DrugCatalogue.empty('group-1');
catalogue.load([aDrug(), anOriginatorDrug()], at, 0, at);
const context = {
  id: 'check-1',
  groupId: 'group-1',
  prescriberSubject: 'his-1',
  prescriberRole: 'partner-system',
  practitionerId: null,
  patientResidentId: 'R',
};

describe(recordOfCheck.name, () => {
  it('keeps each line: the drug, essential and volume-based, the days, the long prescription accepted or capped, the findings', () => {
    const eligible = checkPrescription(
      {
        institutionId: 'centre-1',
        institutionLevel: 'primary',
        patient: aStableChronicPatient(),
        lines: [
          { drugCode: aDrug().code, quantity: 2, daysOfSupply: 60 },
          { drugCode: anOriginatorDrug().code, quantity: 1, daysOfSupply: 100 },
          { drugCode: 'XC08CAA014A001010109999', quantity: 1, daysOfSupply: 7 },
        ],
      },
      catalogue,
      at,
    );

    const record = recordOfCheck(eligible, context);

    expect(record).toMatchObject({
      id: 'check-1',
      institutionId: 'centre-1',
      checkedAt: at,
      outcome: 'refused',
    });
    expect(record.lines).toEqual([
      {
        drugCode: aDrug().code,
        catalogued: true,
        essential: true,
        volumeBased: true,
        daysOfSupply: 60,
        longPrescription: 'accepted',
        amountFen: 392,
        findings: ['LONG_PRESCRIPTION'],
      },
      expect.objectContaining({
        drugCode: anOriginatorDrug().code,
        essential: false,
        volumeBased: false,
        longPrescription: 'capped',
      }),
      expect.objectContaining({ catalogued: false, longPrescription: null, findings: ['NOT_IN_CATALOGUE'] }),
    ]);
    expect(record.lines[1]?.findings).toEqual([
      'NOT_ALLOWED_AT_LEVEL',
      'ESSENTIAL_ALTERNATIVE',
      'DAYS_OF_SUPPLY_OVER_MAXIMUM',
    ]);
    expect(record.tally).toEqual({
      checks: 1,
      lines: 2,
      essentialLines: 1,
      volumeBasedLines: 1,
      amountFen: 392 + 2680,
      essentialAmountFen: 392,
      volumeBasedAmountFen: 392,
      longAccepted: 1,
      longCapped: 1,
    });
  });

  it('counts days beyond the ordinary limit for a patient who may not have them as capped', () => {
    const check = checkPrescription(
      {
        institutionId: 'centre-1',
        institutionLevel: 'primary',
        patient: { ...aStableChronicPatient(), contractedResident: false },
        lines: [{ drugCode: aDrug().code, quantity: 1, daysOfSupply: 60 }],
      },
      catalogue,
      at,
    );

    expect(recordOfCheck(check, context).tally).toMatchObject({ longAccepted: 0, longCapped: 1 });
  });
});
