import fc from 'fast-check';
import { ValidationError } from '@medgrid/errors';
import { aDiseaseCriteria } from '../test/disease-criteria.factory';
import { CriteriaCatalogue } from './criteria-catalogue';
import { CriteriaError } from './criteria-error';
import { type DiseaseCriteria } from './disease-criteria';
import { prefixCovers } from './icd10-coverage';

const hypertension = aDiseaseCriteria();
const diabetes = aDiseaseCriteria({
  covers: ['E11'],
  nameZh: '2型糖尿病',
  nameEn: 'Type 2 diabetes',
  specialtyCode: '03.07',
  upwardIndications: [{ code: 'T2DM_NOT_AT_TARGET', zh: '糖化血红蛋白不达标', en: 'HbA1c not at target' }],
  downwardCriteria: [{ code: 'T2DM_REGIMEN_SET', zh: '治疗方案确定', en: 'Treatment set' }],
});
const complications = aDiseaseCriteria({
  covers: ['E11.2-E11.5'],
  nameZh: '2型糖尿病慢性并发症',
  nameEn: 'Chronic complications of type 2 diabetes',
  specialtyCode: '03.07',
  upwardIndications: [{ code: 'DMC_FOOT_ULCER', zh: '新发足溃疡', en: 'New foot ulcer' }],
  downwardCriteria: [{ code: 'DMC_STABLE', zh: '并发症稳定', en: 'Complication stable' }],
});
const acs = aDiseaseCriteria({
  covers: ['I21-I22'],
  nameZh: '急性冠脉综合征',
  nameEn: 'Acute coronary syndrome',
  primaryManageable: false,
  greenChannel: 'chest-pain',
  upwardIndications: [
    { code: 'ACS_ISCHAEMIC_CHEST_PAIN', zh: '缺血性胸痛≥20分钟', en: 'Chest pain ≥20 min' },
  ],
  downwardCriteria: [{ code: 'ACS_ACUTE_PHASE_DONE', zh: '急性期治疗完成', en: 'Acute treatment done' }],
});
const entries = [hypertension, diabetes, complications, acs];
const justification = '患者要求上级医院专家会诊，家属已知情';

/** The error an action throws, for asserting its code and field violations. */
function failure(act: () => unknown): CriteriaError {
  try {
    act();
  } catch (error) {
    if (error instanceof CriteriaError) return error;
    throw error;
  }
  throw new Error('expected a CriteriaError');
}

const fields = (error: CriteriaError) => error.violations.map((v) => v.field);

describe(CriteriaCatalogue.name, () => {
  describe('building', () => {
    it('holds every entry it was built from', () => {
      const sut = CriteriaCatalogue.of(entries);

      expect(sut.size).toBe(4);
      expect(sut.entries).toEqual(entries);
    });

    it('refuses two entries covering the same code, naming the later one', () => {
      const again = aDiseaseCriteria({ covers: ['I10-I13'], nameZh: '高血压病' });

      const error = failure(() => CriteriaCatalogue.of([hypertension, diabetes, again]));

      expect(error).toMatchObject({ code: 'OVERLAPPING_COVERAGE', category: 'already-exists' });
      expect(fields(error)).toEqual(['entries[2].covers']);
      expect(error.message).toContain('I10 is already covered by 高血压 (I10)');
    });

    it('refuses a range that reaches into another entry', () => {
      const stroke = aDiseaseCriteria({ covers: ['I60-I64'], nameZh: '急性脑卒中' });
      const infarct = aDiseaseCriteria({ covers: ['I63'], nameZh: '脑梗死' });

      expect(() => CriteriaCatalogue.of([stroke, infarct])).toThrow(/I63 is already covered by 急性脑卒中/);
    });

    it('accepts an entry refining a broader one', () => {
      expect(() => CriteriaCatalogue.of([diabetes, complications])).not.toThrow();
    });

    it.each([0, -1, 2.5, Number.NaN])('refuses a minimum justification length of %s', (length) => {
      expect(() => CriteriaCatalogue.of(entries, { minJustificationLength: length })).toThrow(
        ValidationError,
      );
    });
  });

  describe('lookup', () => {
    const sut = CriteriaCatalogue.of(entries);

    it.each([
      ['E11', diabetes],
      ['E11.9', diabetes],
      ['E11.900', diabetes],
      ['E11.2', complications],
      ['E11.501', complications],
      ['E11.6', diabetes],
      ['I10.x00', hypertension],
      [' I21.0 ', acs],
    ])('finds the most specific entry covering %j', (code, expected) => {
      expect(sut.lookup(code)).toBe(expected);
    });

    it('finds nothing for a code no entry covers', () => {
      expect(sut.lookup('J18.9')).toBeUndefined();
      expect(sut.lookup('E10.9')).toBeUndefined();
    });

    it('refuses a malformed code, naming icd10Code', () => {
      const error = failure(() => sut.lookup('diabetes'));

      expect(error).toMatchObject({ code: 'INVALID_ICD10_CODE', category: 'invalid-argument' });
      expect(fields(error)).toEqual(['icd10Code']);
    });

    it('says primary care can manage a disease only when its entry says so', () => {
      expect(sut.primaryManageable('I10')).toBe(true);
      expect(sut.primaryManageable('I21.9')).toBe(false);
      expect(sut.primaryManageable('J18.9')).toBe(false);
    });

    it('always agrees with a search through every entry for the longest covering prefix', () => {
      const letter = fc.constantFrom('E', 'I', 'J');
      const category = fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(2, '0'));
      const extension = fc.option(fc.stringMatching(/^[0-9x]{1,3}$/), { nil: undefined });
      const code = fc
        .tuple(letter, category, extension)
        .map(([l, c, e]) => (e === undefined ? `${l}${c}` : `${l}${c}.${e}`));

      fc.assert(
        fc.property(code, (icd10Code) => {
          let best: { entry: DiseaseCriteria; length: number } | undefined;
          for (const entry of entries) {
            for (const prefix of entry.prefixes) {
              if (prefixCovers(prefix, icd10Code) && prefix.length > (best?.length ?? 0)) {
                best = { entry, length: prefix.length };
              }
            }
          }

          expect(sut.lookup(icd10Code)).toBe(best?.entry);
        }),
        { numRuns: 500 },
      );
    });
  });

  describe('evaluateUpward', () => {
    const sut = CriteriaCatalogue.of(entries);

    it('matches the claimed indications of the disease', () => {
      const result = sut.evaluateUpward('I10', [' HTN_SEVERE', 'HTN_SECONDARY_SUSPECTED', 'HTN_SEVERE']);

      expect(result).toEqual({
        entry: hypertension,
        matchedIndications: hypertension.upwardIndications,
        unknownIndications: [],
        greenChannel: 'none',
        withoutIndication: false,
      });
    });

    it('reports the green channel of the disease', () => {
      expect(sut.evaluateUpward('I21.0', ['ACS_ISCHAEMIC_CHEST_PAIN']).greenChannel).toBe('chest-pain');
    });

    it('refuses every claimed code that is not an indication of the disease, naming each', () => {
      const error = failure(() =>
        sut.evaluateUpward('I10', ['HTN_SEVERE', 'T2DM_NOT_AT_TARGET', 'HTN_BP_AT_TARGET', '']),
      );

      expect(error).toMatchObject({ code: 'UNKNOWN_INDICATION', category: 'invalid-argument' });
      expect(fields(error)).toEqual(['indicationCodes[1]', 'indicationCodes[2]', 'indicationCodes[3]']);
      expect(error.message).toContain('"T2DM_NOT_AT_TARGET" is not an upward indication of 高血压 (I10)');
    });

    it('refuses an unknown indication even when a justification is written', () => {
      expect(() => sut.evaluateUpward('I10', ['HTN_WHATEVER'], justification)).toThrow(
        /indicationCodes\[0\]/,
      );
    });

    it('refuses a referral with no indication and no justification, naming both fields', () => {
      const error = failure(() => sut.evaluateUpward('I10', []));

      expect(error).toMatchObject({ code: 'JUSTIFICATION_REQUIRED', category: 'invalid-argument' });
      expect(fields(error)).toEqual(['indicationCodes', 'justification']);
      expect(error.message).toContain('no upward indication of 高血压 (I10) is claimed');
    });

    it.each(['', '   ', '太短了', 'too short'])('refuses the justification %j as too thin', (text) => {
      expect(() => sut.evaluateUpward('I10', [], text)).toThrow(/at least 10 characters/);
    });

    it('accepts a referral with no indication on a written justification, flagging it', () => {
      const result = sut.evaluateUpward('I10', [], justification);

      expect(result).toMatchObject({ entry: hypertension, matchedIndications: [], withoutIndication: true });
    });

    it('counts Chinese characters, not bytes, towards the minimum length', () => {
      expect(() => sut.evaluateUpward('I10', [], '血压控制差需上级调整')).not.toThrow();
      expect(() => sut.evaluateUpward('I10', [], '血压控制差需上级')).toThrow(CriteriaError);
    });

    it('applies a group’s own minimum justification length', () => {
      const strict = CriteriaCatalogue.of(entries, { minJustificationLength: 30 });

      expect(() => strict.evaluateUpward('I10', [], justification)).toThrow(/at least 30 characters/);
    });

    it('accepts a disease outside the catalogue only on a justification, keeping the unchecked codes', () => {
      expect(fields(failure(() => sut.evaluateUpward('J18.9', ['CAP_SEVERE'])))).toEqual(['justification']);

      expect(sut.evaluateUpward('J18.9', ['CAP_SEVERE', ' ', 'CAP_SEVERE'], justification)).toEqual({
        matchedIndications: [],
        unknownIndications: ['CAP_SEVERE'],
        greenChannel: 'none',
        withoutIndication: true,
      });
    });

    it('matches exactly the claimed subset of indications and never asks for a justification then', () => {
      const codes = hypertension.upwardIndications.map((i) => i.code);
      fc.assert(
        fc.property(fc.subarray(codes, { minLength: 1 }), (claimed) => {
          const result = sut.evaluateUpward('I10.x00', claimed);

          expect(result.matchedIndications.map((i) => i.code).sort()).toEqual([...claimed].sort());
          expect(result.withoutIndication).toBe(false);
        }),
      );
    });

    it('names the position of any unknown code slipped into a claim', () => {
      const known = fc.constantFrom(...hypertension.upwardIndications.map((i) => i.code));
      fc.assert(
        fc.property(fc.array(known, { maxLength: 4 }), fc.nat(), (claimed, at) => {
          const position = at % (claimed.length + 1);
          const withUnknown = [
            ...claimed.slice(0, position),
            'NOT_AN_INDICATION',
            ...claimed.slice(position),
          ];

          expect(fields(failure(() => sut.evaluateUpward('I10', withUnknown, justification)))).toEqual([
            `indicationCodes[${position}]`,
          ]);
        }),
      );
    });
  });

  describe('evaluateDownward', () => {
    const sut = CriteriaCatalogue.of(entries);
    const allCodes = hypertension.downwardCriteria.map((c) => c.code);

    it('accepts a patient meeting every stability criterion', () => {
      expect(sut.evaluateDownward('I10', [...allCodes].reverse())).toEqual({
        entry: hypertension,
        metCriteria: hypertension.downwardCriteria,
        unmetCriteria: [],
        unknownCriteria: [],
        primaryManageable: true,
        withoutCriteria: false,
      });
    });

    it('refuses a patient not confirmed stable without a justification, naming what is missing', () => {
      const error = failure(() => sut.evaluateDownward('I10', ['HTN_BP_AT_TARGET']));

      expect(error).toMatchObject({ code: 'JUSTIFICATION_REQUIRED' });
      expect(fields(error)).toEqual(['metCriteriaCodes', 'justification']);
      expect(error.message).toContain('HTN_NO_ACUTE_COMPLICATION');
    });

    it('accepts a partly stable patient on a justification, listing the unmet criteria', () => {
      const result = sut.evaluateDownward('I10', ['HTN_BP_AT_TARGET'], justification);

      expect(result.metCriteria.map((c) => c.code)).toEqual(['HTN_BP_AT_TARGET']);
      expect(result.unmetCriteria.map((c) => c.code)).toEqual(['HTN_NO_ACUTE_COMPLICATION']);
      expect(result.withoutCriteria).toBe(true);
    });

    it('refuses a confirmed code that is not a stability criterion of the disease', () => {
      const error = failure(() =>
        sut.evaluateDownward('I10', ['HTN_BP_AT_TARGET', 'HTN_SEVERE'], justification),
      );

      expect(error).toMatchObject({ code: 'UNKNOWN_STABILITY_CRITERION', category: 'invalid-argument' });
      expect(fields(error)).toEqual(['metCriteriaCodes[1]']);
    });

    it('accepts a disease outside the catalogue only on a justification', () => {
      expect(() => sut.evaluateDownward('J18.9', [])).toThrow(/not in the referral criteria catalogue/);
      expect(sut.evaluateDownward('J18.9', ['CAP_CLINICALLY_STABLE'], justification)).toEqual({
        metCriteria: [],
        unmetCriteria: [],
        unknownCriteria: ['CAP_CLINICALLY_STABLE'],
        primaryManageable: false,
        withoutCriteria: true,
      });
    });

    it('reports whether primary care can take the patient', () => {
      expect(sut.evaluateDownward('I21.0', ['ACS_ACUTE_PHASE_DONE']).primaryManageable).toBe(false);
    });
  });
});
