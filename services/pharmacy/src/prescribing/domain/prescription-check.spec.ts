import { DrugCatalogue } from '../../catalogue/domain/drug-catalogue';
import { aDrug, aMetforminDrug, anOriginatorDrug } from '../../catalogue/test/drug.factory';
import { aStableChronicPatient, anAcutePatient } from '../test/patient.factory';
import { checkPrescription, essentialAlternative, type PrescriptionToCheck } from './prescription-check';

const at = new Date('2027-02-01T09:00:00Z');
const UNKNOWN = 'XC08CAA014A001010109999';

/** Amlodipine (essential winner, every level), its originator (hospitals) and metformin, from January. */
function aCatalogue(): DrugCatalogue {
  const catalogue = DrugCatalogue.empty('group-1');
  const jan = new Date('2027-01-01T00:00:00Z');
  catalogue.load([aDrug(), anOriginatorDrug(), aMetforminDrug()], jan, 0, jan);
  return catalogue;
}

function aPrescription(overrides: Partial<PrescriptionToCheck> = {}): PrescriptionToCheck {
  return {
    institutionId: 'hospital-1',
    institutionLevel: 'secondary',
    patient: aStableChronicPatient(),
    lines: [{ drugCode: aDrug().code, quantity: 1, daysOfSupply: 28 }],
    ...overrides,
  };
}

const findingsOf = (check: ReturnType<typeof checkPrescription>) =>
  check.lines.flatMap((line) => line.findings.map((f) => [f.field, f.code, f.severity]));

describe(checkPrescription.name, () => {
  const sut = checkPrescription;

  it('passes an essential drug in the catalogue, allowed at the level, for 28 days', () => {
    const check = sut(aPrescription(), aCatalogue(), at);

    expect(check).toMatchObject({
      institutionId: 'hospital-1',
      outcome: 'passed',
      longPrescription: false,
      checkedAt: at,
    });
    expect(check.lines).toEqual([
      {
        drugCode: aDrug().code,
        drug: aDrug(),
        days: { kind: 'ordinary', requestedDays: 28, allowedDays: 28, bars: [] },
        findings: [],
        amountFen: 196,
      },
    ]);
  });

  it('refuses a drug not in the catalogue, naming the line', () => {
    const check = sut(
      aPrescription({
        lines: [
          { drugCode: aDrug().code, quantity: 1, daysOfSupply: 28 },
          { drugCode: UNKNOWN, quantity: 1, daysOfSupply: 28 },
        ],
      }),
      aCatalogue(),
      at,
    );

    expect(check.outcome).toBe('refused');
    expect(findingsOf(check)).toEqual([['lines[1].drugCode', 'NOT_IN_CATALOGUE', 'refusal']]);
    expect(check.lines[1]?.amountFen).toBe(0);
  });

  it('refuses a drug not yet in force at the instant of the check', () => {
    const check = sut(aPrescription(), aCatalogue(), new Date('2026-12-31T23:59:59Z'));

    expect(findingsOf(check)).toEqual([['lines[0].drugCode', 'NOT_IN_CATALOGUE', 'refusal']]);
  });

  it('refuses at a primary institution a drug kept to hospitals, and suggests the essential one', () => {
    const check = sut(
      aPrescription({
        institutionLevel: 'primary',
        lines: [{ drugCode: anOriginatorDrug().code, quantity: 2, daysOfSupply: 28 }],
      }),
      aCatalogue(),
      at,
    );

    expect(check.outcome).toBe('refused');
    expect(check.lines[0]?.findings).toEqual([
      expect.objectContaining({
        code: 'NOT_ALLOWED_AT_LEVEL',
        field: 'lines[0].drugCode',
        severity: 'refusal',
      }),
      expect.objectContaining({
        code: 'ESSENTIAL_ALTERNATIVE',
        alternativeCode: aDrug().code,
        severity: 'warning',
      }),
    ]);
  });

  it('warns of a non-essential drug when an essential one of the same generic and form exists, with the alternative', () => {
    const check = sut(
      aPrescription({ lines: [{ drugCode: anOriginatorDrug().code, quantity: 2, daysOfSupply: 28 }] }),
      aCatalogue(),
      at,
    );

    expect(check.outcome).toBe('warned');
    expect(check.lines[0]?.findings).toEqual([
      {
        code: 'ESSENTIAL_ALTERNATIVE',
        severity: 'warning',
        field: 'lines[0].drugCode',
        message: `an essential medicine of the same generic and form is in the catalogue: ${aDrug().code} (5mg, 示例制药甲)`,
        alternativeCode: aDrug().code,
      },
    ]);
    expect(check.lines[0]?.amountFen).toBe(2 * 2680);
  });

  it('does not flag a non-essential drug with no essential one of its generic and form', () => {
    const catalogue = aCatalogue();
    const capsule = anOriginatorDrug({ code: 'XC08CAA014A002010100001', dosageForm: 'capsule' });
    catalogue.put(capsule, at, 1, at);

    const check = sut(
      aPrescription({ lines: [{ drugCode: capsule.code, quantity: 1, daysOfSupply: 28 }] }),
      catalogue,
      at,
    );

    expect(check.outcome).toBe('passed');
  });

  it('notes a long prescription for an eligible patient, and counts it', () => {
    const check = sut(
      aPrescription({ lines: [{ drugCode: aDrug().code, quantity: 3, daysOfSupply: 84 }] }),
      aCatalogue(),
      at,
    );

    expect(check).toMatchObject({ outcome: 'passed', longPrescription: true });
    expect(findingsOf(check)).toEqual([['lines[0].daysOfSupply', 'LONG_PRESCRIPTION', 'note']]);
  });

  it('caps anyone else at the ordinary limit, with the reason', () => {
    const check = sut(
      aPrescription({
        patient: anAcutePatient(),
        lines: [{ drugCode: aDrug().code, quantity: 3, daysOfSupply: 60 }],
      }),
      aCatalogue(),
      at,
    );

    expect(check).toMatchObject({ outcome: 'refused', longPrescription: false });
    expect(check.lines[0]?.findings).toEqual([
      expect.objectContaining({
        code: 'DAYS_OF_SUPPLY_CAPPED',
        field: 'lines[0].daysOfSupply',
        allowedDays: 30,
        message: expect.stringContaining('the patient has no family-doctor contract in force') as string,
      }),
    ]);
  });

  it('refuses days over the maximum and days that are not whole', () => {
    const check = sut(
      aPrescription({
        lines: [
          { drugCode: aDrug().code, quantity: 4, daysOfSupply: 90 },
          { drugCode: aMetforminDrug().code, quantity: 1, daysOfSupply: 0 },
        ],
      }),
      aCatalogue(),
      at,
    );

    expect(findingsOf(check)).toEqual([
      ['lines[0].daysOfSupply', 'DAYS_OF_SUPPLY_OVER_MAXIMUM', 'refusal'],
      ['lines[1].daysOfSupply', 'INVALID_DAYS_OF_SUPPLY', 'refusal'],
    ]);
  });

  it('checks every line on its own, in order', () => {
    const check = sut(
      aPrescription({
        lines: [
          { drugCode: aMetforminDrug().code, quantity: 2, daysOfSupply: 30 },
          { drugCode: UNKNOWN, quantity: 1, daysOfSupply: 7 },
          { drugCode: anOriginatorDrug().code, quantity: 1, daysOfSupply: 28 },
        ],
      }),
      aCatalogue(),
      at,
    );

    expect(check.lines.map((line) => line.drugCode)).toEqual([
      aMetforminDrug().code,
      UNKNOWN,
      anOriginatorDrug().code,
    ]);
    expect(findingsOf(check)).toEqual([
      ['lines[1].drugCode', 'NOT_IN_CATALOGUE', 'refusal'],
      ['lines[2].drugCode', 'ESSENTIAL_ALTERNATIVE', 'warning'],
    ]);
  });
});

describe(essentialAlternative.name, () => {
  const sut = essentialAlternative;

  it('prefers the same strength, then a volume-based winner, then the lowest price', () => {
    const catalogue = aCatalogue();
    const tenMg = aDrug({
      code: 'XC08CAA014A001010200535',
      strength: '10mg',
      unifiedPriceFen: 100,
      bidPriceFen: 100,
    });
    const cheaperNotWinner = aDrug({
      code: 'XC08CAA014A001010100777',
      volumeBased: false,
      bidPriceFen: null,
      unifiedPriceFen: 150,
    });
    catalogue.load([tenMg, cheaperNotWinner], at, 1, at);

    expect(sut(anOriginatorDrug(), 'primary', catalogue, at)?.code).toBe(aDrug().code);
    expect(sut(anOriginatorDrug({ strength: '10mg' }), 'primary', catalogue, at)?.code).toBe(tenMg.code);
  });

  it('suggests nothing the level may not stock', () => {
    const catalogue = aCatalogue();
    catalogue.put(aDrug({ levels: ['tertiary'] }), at, 1, at);

    expect(sut(anOriginatorDrug(), 'secondary', catalogue, at)).toBeUndefined();
  });
});
