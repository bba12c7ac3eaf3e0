import { DrugCatalogue } from '../../catalogue/domain/drug-catalogue';
import { aDrug, aMetforminDrug, anOriginatorDrug } from '../../catalogue/test/drug.factory';
import { aStableChronicPatient } from '../test/patient.factory';
import { checkPrescription, type PrescriptionLine } from './prescription-check';
import { figuresOf, prescribingStatistics, sumTallies } from './prescribing-statistics';
import { EMPTY_TALLY, recordOfCheck } from './prescription-record';

const at = new Date('2027-02-01T09:00:00Z');
const catalogue = DrugCatalogue.empty('group-1');
catalogue.load([aDrug(), anOriginatorDrug(), aMetforminDrug()], at, 0, at);

const tallyAt = (institutionId: string, ...lines: PrescriptionLine[]) => ({
  institutionId,
  groupId: 'group-1',
  ...recordOfCheck(
    checkPrescription(
      { institutionId, institutionLevel: 'secondary', patient: aStableChronicPatient(), lines },
      catalogue,
      at,
    ),
    {
      id: 'check',
      groupId: 'group-1',
      prescriberSubject: 'his',
      prescriberRole: 'partner-system',
      practitionerId: null,
      patientResidentId: 'R',
    },
  ).tally,
});

describe(figuresOf.name, () => {
  it('gives the essential and volume-based shares by lines and by amount, rounded down, with the long prescriptions', () => {
    const tally = sumTallies([
      tallyAt('hospital-1', { drugCode: aDrug().code, quantity: 3, daysOfSupply: 84 }),
      tallyAt(
        'hospital-1',
        { drugCode: anOriginatorDrug().code, quantity: 1, daysOfSupply: 28 },
        { drugCode: aMetforminDrug().code, quantity: 2, daysOfSupply: 90 },
      ),
    ]);

    expect(figuresOf(tally)).toEqual({
      checks: 2,
      lines: 3,
      essentialLines: 2,
      volumeBasedLines: 2,
      amountFen: 3 * 196 + 2680 + 2 * 250,
      essentialAmountFen: 3 * 196 + 2 * 250,
      volumeBasedAmountFen: 3 * 196 + 2 * 250,
      essentialShareBp: 6666,
      volumeBasedShareBp: 6666,
      essentialAmountShareBp: Math.floor((1088 * 10_000) / 3768),
      volumeBasedAmountShareBp: Math.floor((1088 * 10_000) / 3768),
      longAccepted: 1,
      longCapped: 1,
    });
  });

  it('has no share of nothing, and leaves lines of drugs not in the catalogue out', () => {
    expect(figuresOf(EMPTY_TALLY)).toMatchObject({
      checks: 0,
      essentialShareBp: null,
      volumeBasedAmountShareBp: null,
    });
    expect(
      figuresOf(tallyAt('hospital-1', { drugCode: 'XC08CAA014A001010109999', quantity: 1, daysOfSupply: 7 })),
    ).toMatchObject({
      checks: 1,
      lines: 0,
      amountFen: 0,
      essentialShareBp: null,
      essentialAmountShareBp: null,
    });
  });

  it('never overstates a share: 2 of 3 is 6,666 basis points, 1 of 1 is 10,000', () => {
    expect(figuresOf({ ...EMPTY_TALLY, lines: 3, essentialLines: 2 }).essentialShareBp).toBe(6666);
    expect(figuresOf({ ...EMPTY_TALLY, lines: 1, volumeBasedLines: 1 }).volumeBasedShareBp).toBe(10_000);
  });
});

describe(prescribingStatistics.name, () => {
  it('gives each institution apart in the order of their ids, and the total of their sums (not an average of shares)', () => {
    const stats = prescribingStatistics([
      tallyAt('hospital-2', { drugCode: anOriginatorDrug().code, quantity: 1, daysOfSupply: 28 }),
      tallyAt(
        'hospital-1',
        { drugCode: aDrug().code, quantity: 1, daysOfSupply: 28 },
        { drugCode: aDrug().code, quantity: 1, daysOfSupply: 28 },
        { drugCode: aDrug().code, quantity: 1, daysOfSupply: 28 },
      ),
    ]);

    expect(stats.institutions.map((s) => [s.institutionId, s.checks, s.lines, s.essentialShareBp])).toEqual([
      ['hospital-1', 1, 3, 10_000],
      ['hospital-2', 1, 1, 0],
    ]);
    // 3 of 4 lines, where the mean of the two shares would say 5,000.
    expect(stats.total).toMatchObject({ checks: 2, lines: 4, essentialLines: 3, essentialShareBp: 7500 });
  });

  it('has no institution and an empty total with no checks', () => {
    expect(prescribingStatistics([])).toEqual({ institutions: [], total: figuresOf(EMPTY_TALLY) });
  });
});
