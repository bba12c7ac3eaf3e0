import { DrugCatalogue } from '../../catalogue/domain/drug-catalogue';
import { aDrug, aMetforminDrug, anOriginatorDrug } from '../../catalogue/test/drug.factory';
import { aStableChronicPatient } from '../test/patient.factory';
import { checkPrescription, type PrescriptionLine } from './prescription-check';
import { prescribingStatistics } from './prescribing-statistics';

const at = new Date('2027-02-01T09:00:00Z');
const catalogue = DrugCatalogue.empty('group-1');
catalogue.load([aDrug(), anOriginatorDrug(), aMetforminDrug()], at, 0, at);

const checkAt = (institutionId: string, ...lines: PrescriptionLine[]) =>
  checkPrescription(
    { institutionId, institutionLevel: 'secondary', patient: aStableChronicPatient(), lines },
    catalogue,
    at,
  );
const checkOf = (...lines: PrescriptionLine[]) => checkAt('hospital-1', ...lines);

describe(prescribingStatistics.name, () => {
  const sut = prescribingStatistics;

  it('counts the essential and volume-based shares by lines and by amount, rounded down, and the long prescriptions', () => {
    const checks = [
      checkOf({ drugCode: aDrug().code, quantity: 3, daysOfSupply: 84 }),
      checkOf(
        { drugCode: anOriginatorDrug().code, quantity: 1, daysOfSupply: 28 },
        { drugCode: aMetforminDrug().code, quantity: 2, daysOfSupply: 28 },
      ),
    ];

    expect(sut(checks)).toEqual([
      {
        institutionId: 'hospital-1',
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
        longPrescriptions: 1,
      },
    ]);
  });

  it('counts each institution apart, in the order of their ids', () => {
    const stats = sut([
      checkAt('hospital-2', { drugCode: anOriginatorDrug().code, quantity: 1, daysOfSupply: 28 }),
      checkAt('hospital-1', { drugCode: aDrug().code, quantity: 1, daysOfSupply: 28 }),
      checkAt('hospital-2', { drugCode: aDrug().code, quantity: 1, daysOfSupply: 28 }),
    ]);

    expect(stats.map((s) => [s.institutionId, s.checks, s.essentialShareBp])).toEqual([
      ['hospital-1', 1, 10_000],
      ['hospital-2', 2, 5000],
    ]);
  });

  it('has nothing to say of no checks', () => {
    expect(sut([])).toEqual([]);
  });

  it('leaves lines of drugs not in the catalogue out, and has no share of nothing', () => {
    const [stats] = sut([checkOf({ drugCode: 'XC08CAA014A001010109999', quantity: 1, daysOfSupply: 7 })]);

    expect(stats).toMatchObject({
      checks: 1,
      lines: 0,
      essentialShareBp: null,
      essentialAmountShareBp: null,
    });
  });
});
