import { DrugCatalogue } from '../../catalogue/domain/drug-catalogue';
import { starterCatalogue } from '../../catalogue/domain/starter/starter-catalogue';
import { type Drug } from '../../catalogue/domain/drug';
import { aDrug, aMetforminDrug, anOriginatorDrug } from '../../catalogue/test/drug.factory';
import { aFormulary } from '../../formulary/test/formulary.factory';
import { refusal } from '../../test/refusal';
import { assessContinuity, type ReferredMedication } from './continuity-assessment';
import { ContinuityErrorCode } from './continuity-error';

const at = new Date('2027-02-01T09:00:00Z');
const jan = new Date('2027-01-01T00:00:00Z');
const CLINIC = '0190a0a0-0000-7000-8000-000000000101';

/** Clopidogrel kept to hospitals in every product: no primary institution may stock it. */
const clopidogrelForHospitals = aDrug({
  code: 'XB01ACA056A001010100222',
  genericName: '硫酸氢氯吡格雷',
  strength: '75mg',
  levels: ['tertiary', 'secondary'],
});

function aCatalogue(...extra: Drug[]): DrugCatalogue {
  const catalogue = DrugCatalogue.empty('group-1');
  catalogue.load(
    [aDrug(), anOriginatorDrug(), aMetforminDrug(), clopidogrelForHospitals, ...extra],
    jan,
    0,
    jan,
  );
  return catalogue;
}

const medicationOf = (drug: Drug, days = 28): ReferredMedication => ({
  drugCode: drug.code,
  name: `${drug.genericName} ${drug.strength}`,
  days,
});

describe(assessContinuity.name, () => {
  const sut = assessContinuity;

  it('continues a drug the receiving institution stocks', () => {
    const assessment = sut(
      { referralId: 'referral-1', medications: [medicationOf(aDrug())] },
      aFormulary([aDrug()]),
      aCatalogue(),
      at,
    );

    expect(assessment).toEqual({
      referralId: 'referral-1',
      receivingInstitutionId: CLINIC,
      medications: [
        {
          drugCode: aDrug().code,
          name: '苯磺酸氨氯地平 5mg',
          outcome: 'continue',
          suggestedCode: null,
          reason: null,
          obtainableCode: null,
          note: null,
        },
      ],
      continuous: true,
      assessedAt: at,
    });
  });

  it("substitutes the hospital's originator with the stocked drug of the same generic and form", () => {
    const assessment = sut(
      { referralId: 'referral-1', medications: [medicationOf(anOriginatorDrug())] },
      aFormulary([aDrug()]),
      aCatalogue(),
      at,
    );

    expect(assessment.medications[0]).toMatchObject({ outcome: 'substitute', suggestedCode: aDrug().code });
    expect(assessment.continuous).toBe(true);
  });

  it('suggests the same strength before another, then an essential medicine, then the cheaper', () => {
    const tenMg = aDrug({
      code: 'XC08CAA014A001010200535',
      strength: '10mg',
      unifiedPriceFen: 1,
      bidPriceFen: 1,
    });
    const otherFiveMg = aDrug({
      code: 'XC08CAA014A001010100888',
      essential: false,
      unifiedPriceFen: 2,
      bidPriceFen: 2,
    });
    const formulary = aFormulary([tenMg, otherFiveMg, aDrug()]);

    const assessment = sut(
      { referralId: 'referral-1', medications: [medicationOf(anOriginatorDrug())] },
      formulary,
      aCatalogue(tenMg, otherFiveMg),
      at,
    );

    expect(assessment.medications[0]?.suggestedCode).toBe(aDrug().code);
  });

  it('needs the primary institution to obtain a drug its level may stock but it does not', () => {
    const assessment = sut(
      { referralId: 'referral-1', medications: [medicationOf(aMetforminDrug())] },
      aFormulary([aDrug()]),
      aCatalogue(),
      at,
    );

    expect(assessment.medications[0]).toMatchObject({
      outcome: 'action-needed',
      reason: 'NOT_STOCKED',
      obtainableCode: aMetforminDrug().code,
    });
    expect(assessment.continuous).toBe(false);
  });

  it('offers the winner of the same generic and form to obtain when the originator prescribed is kept to hospitals', () => {
    const assessment = sut(
      { referralId: 'referral-1', medications: [medicationOf(anOriginatorDrug())] },
      aFormulary([aMetforminDrug()]),
      aCatalogue(),
      at,
    );

    expect(assessment.medications[0]).toMatchObject({
      outcome: 'action-needed',
      reason: 'NOT_STOCKED',
      obtainableCode: aDrug().code,
    });
  });

  it('needs the hospital to reconsider a drug not allowed at the level in any product', () => {
    const assessment = sut(
      { referralId: 'referral-1', medications: [medicationOf(clopidogrelForHospitals)] },
      aFormulary([aDrug()]),
      aCatalogue(),
      at,
    );

    expect(assessment.medications[0]).toMatchObject({
      outcome: 'action-needed',
      reason: 'NOT_ALLOWED_AT_LEVEL',
      obtainableCode: null,
      suggestedCode: null,
      note: "no drug of this generic and form is allowed at the receiving institution's level: the hospital should reconsider, or the patient obtain it elsewhere",
    });
  });

  it('continues at a secondary receiving institution what its level may stock and it stocks', () => {
    const assessment = sut(
      { referralId: 'referral-1', medications: [medicationOf(clopidogrelForHospitals)] },
      aFormulary([clopidogrelForHospitals], 'secondary'),
      aCatalogue(),
      at,
    );

    expect(assessment.medications[0]?.outcome).toBe('continue');
  });

  it('needs action on a drug not in the catalogue, or withdrawn by the time of the assessment', () => {
    const catalogue = aCatalogue();
    catalogue.withdraw(aMetforminDrug().code, at, 1, at);

    const assessment = sut(
      {
        referralId: 'referral-1',
        medications: [
          { drugCode: 'XC08CAA014A001010109999', name: '某药', days: 7 },
          medicationOf(aMetforminDrug()),
        ],
      },
      aFormulary([aDrug(), aMetforminDrug()]),
      catalogue,
      at,
    );

    expect(assessment.medications.map((m) => [m.outcome, m.reason])).toEqual([
      ['action-needed', 'NOT_IN_CATALOGUE'],
      ['action-needed', 'NOT_IN_CATALOGUE'],
    ]);
  });

  it('assesses each drug of a list on its own, in order', () => {
    const assessment = sut(
      {
        referralId: 'referral-1',
        medications: [
          medicationOf(aDrug()),
          medicationOf(anOriginatorDrug()),
          medicationOf(clopidogrelForHospitals),
        ],
      },
      aFormulary([aDrug()]),
      aCatalogue(),
      at,
    );

    expect(assessment.medications.map((m) => m.outcome)).toEqual(['continue', 'substitute', 'action-needed']);
    expect(assessment.continuous).toBe(false);
  });

  it('refuses a list without medications, naming it', () => {
    expect(
      refusal(() => sut({ referralId: 'referral-1', medications: [] }, aFormulary([]), aCatalogue(), at)),
    ).toMatchObject({ code: ContinuityErrorCode.NoMedications, violations: [{ field: 'medications' }] });
  });
});

describe(`${assessContinuity.name} on the starter catalogue`, () => {
  const sut = assessContinuity;
  const drugs = starterCatalogue();
  const catalogue = DrugCatalogue.empty('group-1');
  catalogue.load(drugs, jan, 0, jan);

  it('substitutes the winner for every originator a hospital prescribes at a primary institution stocking all its level may, but for the drugs kept to hospitals', () => {
    const formulary = aFormulary(drugs.filter((drug) => drug.levels.includes('primary')));
    const originators = drugs.filter((drug) => drug.manufacturer === '原研企业（示例）');

    const assessment = sut(
      { referralId: 'referral-1', medications: originators.map((drug) => medicationOf(drug)) },
      formulary,
      catalogue,
      at,
    );

    const notContinued = assessment.medications
      .filter((m) => m.outcome !== 'substitute')
      .map((m) => [m.name, m.outcome, m.reason]);
    expect(notContinued).toEqual([
      ['左乙拉西坦 0.5g', 'action-needed', 'NOT_ALLOWED_AT_LEVEL'],
      ['奥氮平 5mg', 'action-needed', 'NOT_ALLOWED_AT_LEVEL'],
      ['利培酮 1mg', 'action-needed', 'NOT_ALLOWED_AT_LEVEL'],
    ]);
    expect(assessment.medications.filter((m) => m.outcome === 'substitute').length).toBeGreaterThan(60);
  });
});
