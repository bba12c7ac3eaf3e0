import { v7 as uuidv7 } from 'uuid';
import { CommonErrorCode } from '../../common/domain/common-error';
import { type BasisPoints } from '../../common/domain/share';
import { aRule } from '../test/reimbursement-rule.factory';
import { ruleId, type RuleKey } from './reimbursement-rule';
import { ReimbursementTable, retroactiveViolations } from './reimbursement-table';
import { RuleError, RuleErrorCode } from './rule-error';
import { starterReimbursementRules } from './starter/starter-reimbursement-rules';

const now = new Date('2026-12-05T02:00:00Z');
const key: RuleKey = {
  scheme: 'urban-employee',
  level: 'tertiary',
  encounter: 'outpatient',
  referral: 'referred',
  contract: 'contracted',
};

function refusal(act: () => unknown): RuleError {
  try {
    act();
  } catch (error) {
    if (error instanceof RuleError) return error;
    throw error;
  }
  throw new Error('expected a RuleError');
}

describe(ReimbursementTable.name, () => {
  it('answers the row of a key in force on a date: a policy change is a new row from its effective date', () => {
    const sut = ReimbursementTable.empty(uuidv7());
    sut.load(
      [
        aRule({ until: '2027-01-01', rateBp: 5000 as BasisPoints }),
        aRule({ from: '2027-01-01', rateBp: 5500 as BasisPoints }),
      ],
      0,
      now,
    );

    expect(sut.ruleFor(key, '2026-12-31', 'serviceDate').rateBp).toBe(5000);
    expect(sut.ruleFor(key, '2027-01-01', 'serviceDate').rateBp).toBe(5500);
    expect(ruleId(sut.ruleFor(key, '2027-03-01', 'serviceDate'))).toBe(
      'urban-employee/tertiary/outpatient/referred/contracted@2027-01-01',
    );
    expect(sut.version).toBe(1);
  });

  it('refuses a table with two rows of one key in force on the same day, and keeps the table it had', () => {
    const sut = ReimbursementTable.empty(uuidv7());
    sut.load([aRule()], 0, now);

    const error = refusal(() =>
      sut.load([aRule({ until: '2027-01-01' }), aRule({ from: '2026-06-01' })], 1, now),
    );

    expect(error.code).toBe(RuleErrorCode.InvalidRuleTable);
    expect(error.category).toBe('invalid-argument');
    expect(error.violations.map((v) => [v.field, v.reason])).toEqual([
      ['rules[1].from', CommonErrorCode.OverlappingEffectiveDates],
    ]);
    expect(sut.snapshot().rules).toEqual([aRule()]);
    expect(sut.version).toBe(1);
  });

  it('refuses every bad field of every row at once: a rate outside 0-100%, a fraction of a fen, no reason given', () => {
    const error = refusal(() =>
      ReimbursementTable.empty(uuidv7()).load(
        [
          aRule({ rateBp: 10_500 as BasisPoints }),
          aRule({ contract: 'uncontracted', deductible: 199.5 as never, basis: [] }),
          aRule({ level: 'quaternary' as never, until: '2025-01-01' }),
        ],
        0,
        now,
      ),
    );

    expect(error.violations.map((v) => [v.field, v.reason])).toEqual([
      ['rules[0].rateBp', CommonErrorCode.ShareOutOfRange],
      ['rules[1].deductible', CommonErrorCode.FractionOfAFen],
      ['rules[1].basis', RuleErrorCode.InvalidRuleTable],
      ['rules[2].level', RuleErrorCode.InvalidRuleTable],
      ['rules[2].until', CommonErrorCode.EmptyPeriod],
    ]);
  });

  it('refuses a load made from a version it is no longer at', () => {
    const sut = ReimbursementTable.empty(uuidv7());
    sut.load([aRule()], 0, now);

    const error = refusal(() => sut.load([aRule()], 0, now));

    expect(error.code).toBe(RuleErrorCode.StaleTableVersion);
    expect(error.category).toBe('conflict');
  });

  it('answers NO_RULE_IN_FORCE for a key without a row on the date, naming the field', () => {
    const sut = ReimbursementTable.empty(uuidv7());
    sut.load([aRule({ from: '2026-06-01' })], 0, now);

    const error = refusal(() => sut.ruleFor(key, '2026-05-31', 'serviceDate'));

    expect(error.code).toBe(RuleErrorCode.NoRuleInForce);
    expect(error.violations[0]?.field).toBe('serviceDate');
  });

  it('takes a 40-point gap between primary care and the rest, as Guangzhou has in employee outpatient pooling', () => {
    const sut = ReimbursementTable.empty(uuidv7());
    sut.load(
      [aRule({ level: 'primary', rateBp: 9000 as BasisPoints }), aRule({ rateBp: 5000 as BasisPoints })],
      0,
      now,
    );

    expect(
      sut.ruleFor({ ...key, level: 'primary' }, '2026-07-01', 'd').rateBp -
        sut.ruleFor(key, '2026-07-01', 'd').rateBp,
    ).toBe(4000);
  });
});

describe(starterReimbursementRules.name, () => {
  const sut = starterReimbursementRules;
  const rules = sut('2026-01-01');
  const rate = (over: Partial<RuleKey>) =>
    ReimbursementTable.restore({ regionId: 'r', version: 1, rules, loadedAt: now }).ruleFor(
      { ...key, ...over },
      '2026-06-01',
      'd',
    );

  it('loads as a table: one row for every key, none overlapping', () => {
    const table = ReimbursementTable.empty(uuidv7());
    table.load(rules, 0, now);

    expect(rules).toHaveLength(48);
    expect(new Set(rules.map(ruleId)).size).toBe(48);
  });

  it('reimburses primary care 15 to 20 points above tertiary for the same resident and visit', () => {
    for (const scheme of ['urban-employee', 'urban-rural-resident'] as const) {
      for (const encounter of ['outpatient', 'inpatient'] as const) {
        const gap =
          rate({ scheme, encounter, level: 'primary', contract: 'uncontracted' }).rateBp -
          rate({ scheme, encounter, level: 'tertiary' }).rateBp;
        expect(gap).toBeGreaterThanOrEqual(1500);
        expect(gap).toBeLessThanOrEqual(2000);
      }
    }
  });

  it('takes 10 points off a visit straight to a higher level without a referral, and none at primary care', () => {
    expect(rate({ referral: 'referred' }).rateBp - rate({ referral: 'unreferred' }).rateBp).toBe(1000);
    expect(
      rate({ level: 'secondary', referral: 'referred' }).rateBp -
        rate({ level: 'secondary', referral: 'unreferred' }).rateBp,
    ).toBe(1000);
    expect(rate({ level: 'primary', referral: 'unreferred' }).rateBp).toBe(
      rate({ level: 'primary', referral: 'referred' }).rateBp,
    );
    expect(rate({ referral: 'unreferred' }).basis.join(' ')).toContain('without a referral');
  });

  it('waives the consultation fee only for a referred contracted resident at a higher level', () => {
    expect(rate({}).consultationWaived).toBe(true);
    expect(rate({ contract: 'uncontracted' }).consultationWaived).toBe(false);
    expect(rate({ referral: 'unreferred' }).consultationWaived).toBe(false);
    expect(rate({ level: 'primary' }).consultationWaived).toBe(false);
  });

  it('adds 5 points at primary care for a contracted resident', () => {
    expect(
      rate({ level: 'primary' }).rateBp - rate({ level: 'primary', contract: 'uncontracted' }).rateBp,
    ).toBe(500);
  });
});

describe(retroactiveViolations.name, () => {
  const sut = ReimbursementTable;
  const loadedOn = new Date('2026-12-05T02:00:00Z');

  function aTableOf(rules: readonly ReturnType<typeof aRule>[]): ReimbursementTable {
    const table = sut.empty(uuidv7());
    table.load(rules, 0, new Date('2026-01-01T02:00:00Z'));
    return table;
  }

  it('takes a new row from tomorrow with the row in force ended then, and keeps every version of the past', () => {
    const table = aTableOf([aRule()]);

    table.load(
      [aRule({ until: '2026-12-06' }), aRule({ from: '2026-12-06', rateBp: 5500 as BasisPoints })],
      1,
      loadedOn,
    );

    expect(table.version).toBe(2);
    expect(table.ruleFor(key, '2026-12-05', 'd').rateBp).toBe(5000);
    expect(table.ruleFor(key, '2026-12-06', 'd').rateBp).toBe(5500);
  });

  it('refuses a version changing a row in force today or before, naming the row, and keeps the table it had', () => {
    const table = aTableOf([aRule()]);

    const error = refusal(() =>
      table.load(
        [aRule({ until: '2026-12-05' }), aRule({ from: '2026-12-05', rateBp: 5500 as BasisPoints })],
        1,
        loadedOn,
      ),
    );

    expect(error.code).toBe(RuleErrorCode.RetroactiveChange);
    expect(error.category).toBe('invalid-argument');
    expect(error.violations.map((v) => v.field)).toEqual(['rules[0]', 'rules[1]', 'rules']);
    expect(table.version).toBe(1);
  });

  it('refuses a version dropping a row that was in force', () => {
    const table = aTableOf([aRule(), aRule({ level: 'primary', rateBp: 7000 as BasisPoints })]);

    expect(retroactiveViolations(table.snapshot().rules, [aRule()], '2026-12-05')).toEqual([
      expect.objectContaining({ field: 'rules', reason: RuleErrorCode.RetroactiveChange }),
    ]);
  });
});
