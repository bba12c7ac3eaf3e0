import { refusal } from '../../test/refusal';
import { aStableChronicPatient, anAcutePatient } from '../test/patient.factory';
import { checkDaysOfSupply, judgeDaysOfSupply, longPrescriptionEligibility } from './days-of-supply';
import { PrescribingErrorCode } from './prescribing-error';
import { supplyRules } from './supply-rules';

describe(longPrescriptionEligibility.name, () => {
  const sut = longPrescriptionEligibility;

  it('admits a contracted resident with stable hypertension on an unchanged regimen', () => {
    expect(sut(aStableChronicPatient())).toEqual({ eligible: true, diseases: ['hypertension'], bars: [] });
  });

  it.each([
    ['a resident without a contract', { contractedResident: false }, ['NOT_CONTRACTED']],
    ['a disease not on the list', { diagnosisCodes: ['K29.5'] }, ['NO_LISTED_CHRONIC_DISEASE']],
    ['a condition not stated stable', { stable: false }, ['NOT_STABLE']],
    ['a changed regimen', { regimenUnchanged: false }, ['REGIMEN_CHANGED']],
    [
      'an acute myocardial infarction on top of hypertension',
      { diagnosisCodes: ['I10', 'I21.9'] },
      ['ACUTE_CONDITION'],
    ],
    [
      'an acute myocardial infarction alone',
      { diagnosisCodes: ['I21.9'] },
      ['NO_LISTED_CHRONIC_DISEASE', 'ACUTE_CONDITION'],
    ],
  ])('bars %s', (_, overrides, bars) => {
    expect(sut(aStableChronicPatient(overrides)).bars).toEqual(bars);
  });

  it('names every bar at once', () => {
    expect(sut(anAcutePatient()).bars).toEqual([
      'NOT_CONTRACTED',
      'NO_LISTED_CHRONIC_DISEASE',
      'NOT_STABLE',
      'REGIMEN_CHANGED',
    ]);
  });
});

describe(judgeDaysOfSupply.name, () => {
  const sut = judgeDaysOfSupply;

  it.each([1, 7, 30])('gives anyone %s days', (days) => {
    expect(sut(days, anAcutePatient())).toEqual({
      kind: 'ordinary',
      requestedDays: days,
      allowedDays: days,
      bars: [],
    });
  });

  it.each([31, 60, 84])('gives an eligible patient a long prescription of %s days', (days) => {
    expect(sut(days, aStableChronicPatient())).toEqual({
      kind: 'long',
      requestedDays: days,
      allowedDays: days,
      bars: [],
    });
  });

  it('caps anyone else at 30 days, with the reasons', () => {
    expect(sut(84, aStableChronicPatient({ contractedResident: false }))).toEqual({
      kind: 'capped',
      requestedDays: 84,
      allowedDays: 30,
      bars: ['NOT_CONTRACTED'],
    });
  });

  it('says 90 days is over the 12-week maximum, even for an eligible patient, and what they could have', () => {
    expect(sut(90, aStableChronicPatient())).toMatchObject({ kind: 'over-maximum', allowedDays: 84 });
    expect(sut(90, anAcutePatient())).toMatchObject({ kind: 'over-maximum', allowedDays: 30 });
  });

  it.each([0, -3, 2.5, Number.NaN])('calls %s days invalid', (days) => {
    expect(sut(days, aStableChronicPatient()).kind).toBe('invalid');
  });

  it("follows a city's rules", () => {
    const rules = supplyRules(60, 90);

    expect(sut(60, anAcutePatient(), rules).kind).toBe('ordinary');
    expect(sut(90, aStableChronicPatient(), rules).kind).toBe('long');
    expect(sut(61, anAcutePatient(), rules)).toMatchObject({ kind: 'capped', allowedDays: 60 });
  });
});

describe(checkDaysOfSupply.name, () => {
  const sut = checkDaysOfSupply;

  it('answers the verdict for ordinary and eligible long days', () => {
    expect(sut(28, anAcutePatient(), 'treatmentPlan.medications[0].days').kind).toBe('ordinary');
    expect(sut(84, aStableChronicPatient(), 'treatmentPlan.medications[0].days').kind).toBe('long');
  });

  it('refuses 90 days for an acute myocardial infarction, naming the field and the reasons', () => {
    const patient = aStableChronicPatient({ diagnosisCodes: ['I21.9'], stable: false });

    expect(refusal(() => sut(60, patient, 'treatmentPlan.medications[1].days'))).toMatchObject({
      code: PrescribingErrorCode.LongPrescriptionNotAllowed,
      category: 'invalid-argument',
      message:
        "at most 30 days: no diagnosis is a chronic disease on the city's long-prescription list; a diagnosis is an acute or unstable condition; the condition is not stated stable",
      violations: [{ field: 'treatmentPlan.medications[1].days' }],
    });
    expect(refusal(() => sut(90, patient, 'days'))).toMatchObject({
      code: PrescribingErrorCode.DaysOverMaximum,
      message: '90 days is over the maximum of 84; at most 30 for this patient',
    });
  });

  it('refuses days that are not a whole number from 1', () => {
    expect(refusal(() => sut(0, anAcutePatient(), 'days'))).toMatchObject({
      code: PrescribingErrorCode.InvalidDays,
      violations: [{ field: 'days' }],
    });
  });
});
