import fc from 'fast-check';
import { type Fen } from '../../common/domain/money';
import { settleByPoints } from './point-value';
import { SettlementError } from './settlement-error';

describe(settleByPoints.name, () => {
  const sut = settleByPoints;

  it('pays each institution its points at the point value, budget ÷ total points', () => {
    const result = sut(1_200_000 as Fen, [
      { institutionId: 'b-hospital', weight: 1_000_000n },
      { institutionId: 'a-clinic', weight: 1_200_000n },
      { institutionId: 'b-hospital', weight: 1_800_000n },
    ]);

    expect(result.totalWeight).toBe(4_000_000n);
    expect(result.fenPerPoint).toBe('3000.0000');
    expect(result.payments).toEqual([
      { institutionId: 'a-clinic', weight: 1_200_000n, amount: 360_000 },
      { institutionId: 'b-hospital', weight: 2_800_000n, amount: 840_000 },
    ]);
  });

  it('shares a pot that does not divide evenly to the fen, the point value shown to four decimals', () => {
    const result = sut(100 as Fen, [
      { institutionId: 'a', weight: 10_000n },
      { institutionId: 'b', weight: 10_000n },
      { institutionId: 'c', weight: 10_000n },
    ]);

    expect(result.payments.map((p) => p.amount)).toEqual([34, 33, 33]);
    expect(result.fenPerPoint).toBe('33.3333');
  });

  it('refuses a pot with no points to share it by', () => {
    expect(() => sut(100 as Fen, [])).toThrow(SettlementError);
  });

  it('always pays out the pot to the fen (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 12 }),
        fc.array(
          fc.record({
            institutionId: fc.constantFrom('a', 'b', 'c', 'd'),
            weight: fc.bigInt({ min: 1n, max: 10n ** 9n }),
          }),
          { minLength: 1, maxLength: 40 },
        ),
        (pot, cases) => {
          expect(sut(pot as Fen, cases).payments.reduce((s, p) => s + p.amount, 0)).toBe(pot);
        },
      ),
    );
  });
});
