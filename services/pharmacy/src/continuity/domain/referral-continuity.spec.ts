import { DrugCatalogue } from '../../catalogue/domain/drug-catalogue';
import { aDrug, aMetforminDrug, anOriginatorDrug } from '../../catalogue/test/drug.factory';
import { aFormulary } from '../../formulary/test/formulary.factory';
import { DEFAULT_CHRONIC_DISEASES } from '../../prescribing/domain/chronic-disease-list';
import { DEFAULT_SUPPLY_RULES } from '../../prescribing/domain/supply-rules';
import { assessDownwardReferral, type DownwardReferral } from './referral-continuity';

const at = new Date('2027-02-01T09:00:00Z');
const jan = new Date('2027-01-01T00:00:00Z');
const supply = { rules: DEFAULT_SUPPLY_RULES, diseases: DEFAULT_CHRONIC_DISEASES };

function aCatalogue(): DrugCatalogue {
  const catalogue = DrugCatalogue.empty('group-1');
  catalogue.load([aDrug(), anOriginatorDrug(), aMetforminDrug()], jan, 0, jan);
  return catalogue;
}

function aReferral(overrides: Partial<DownwardReferral> = {}): DownwardReferral {
  return {
    referralId: 'referral-1',
    groupId: 'group-1',
    issuingInstitutionId: 'hospital-1',
    patientResidentId: '110101195001011231',
    diagnosisCodes: ['I10'],
    medications: [
      { drugCode: aDrug().code, name: '氨氯地平 5mg', days: 28 },
      { drugCode: anOriginatorDrug().code, name: '络活喜 5mg', days: 84 },
    ],
    ...overrides,
  };
}

describe(assessDownwardReferral.name, () => {
  const sut = assessDownwardReferral;
  const formulary = aFormulary([aDrug()]);

  it("gives a contracted resident with stable hypertension a long prescription's days, each drug assessed", () => {
    const assessment = sut(aReferral(), formulary, aCatalogue(), supply, true, at);

    expect(assessment).toMatchObject({
      referralId: 'referral-1',
      groupId: 'group-1',
      issuingInstitutionId: 'hospital-1',
      receivingInstitutionId: formulary.institutionId,
      continuous: true,
      daysWithinRule: true,
      contractedResident: true,
      assessedAt: at,
    });
    expect(assessment.medications.map((m) => [m.outcome, m.days, m.supply.kind, m.supplyNote])).toEqual([
      ['continue', 28, 'ordinary', null],
      ['substitute', 84, 'long', null],
    ]);
  });

  it('says on the line that a resident without a contract may have the ordinary limit only, and why', () => {
    const assessment = sut(aReferral(), formulary, aCatalogue(), supply, false, at);

    expect(assessment.daysWithinRule).toBe(false);
    expect(assessment.medications[1]).toMatchObject({
      days: 84,
      supply: { kind: 'capped', allowedDays: 30, bars: ['NOT_CONTRACTED'] },
      supplyNote: 'at most 30 days: the patient has no family-doctor contract in force',
    });
    expect(assessment.medications[0]?.supply.kind).toBe('ordinary');
  });

  it('keeps a contracted resident just after an acute myocardial infarction to the ordinary limit', () => {
    const assessment = sut(
      aReferral({ diagnosisCodes: ['I21.0', 'I10'] }),
      formulary,
      aCatalogue(),
      supply,
      true,
      at,
    );

    expect(assessment.medications[1]?.supply).toMatchObject({ kind: 'capped', bars: ['ACUTE_CONDITION'] });
  });

  it('flags days beyond the long maximum for anyone, with the days this patient could have', () => {
    const assessment = sut(
      aReferral({ medications: [{ drugCode: aDrug().code, name: '氨氯地平 5mg', days: 90 }] }),
      formulary,
      aCatalogue(),
      supply,
      true,
      at,
    );

    expect(assessment.medications[0]).toMatchObject({
      supply: { kind: 'over-maximum', allowedDays: 84 },
      supplyNote: '90 days is over the maximum of 84; at most 84 for this patient',
    });
  });

  it('judges the days whatever the drug comes to: a drug the receiving institution lacks is still judged', () => {
    const assessment = sut(
      aReferral({ medications: [{ drugCode: aMetforminDrug().code, name: '二甲双胍', days: 60 }] }),
      formulary,
      aCatalogue(),
      supply,
      false,
      at,
    );

    expect(assessment.continuous).toBe(false);
    expect(assessment.medications[0]).toMatchObject({ outcome: 'action-needed', supply: { kind: 'capped' } });
  });
});
