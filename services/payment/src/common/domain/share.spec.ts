import fc from 'fast-check';
import { CommonError, CommonErrorCode } from './common-error';
import { type Fen, fen } from './money';
import { allocate, allocateByShares, basisPoints, type BasisPoints, shareOf } from './share';

function refusal(act: () => unknown): CommonError {
  try {
    act();
  } catch (error) {
    if (error instanceof CommonError) return error;
    throw error;
  }
  throw new Error('expected a CommonError');
}

const anAmount = fc.integer({ min: -1_000_000_000_000, max: 1_000_000_000_000 }).map((n) => n as Fen);

describe(basisPoints.name, () => {
  const sut = basisPoints;

  it('takes a share from 0 to 100%', () => {
    expect(sut(0)).toBe(0);
    expect(sut(6000)).toBe(6000);
    expect(sut(10_000)).toBe(10_000);
  });

  it('refuses a share outside 0-100% or not a whole basis point, naming the field', () => {
    for (const bad of [-1, 10_001, 12.5]) {
      const error = refusal(() => sut(bad, 'surplus.retainedBp'));
      expect(error.code).toBe(CommonErrorCode.ShareOutOfRange);
      expect(error.violations[0]?.field).toBe('surplus.retainedBp');
    }
  });
});

describe(shareOf.name, () => {
  const sut = shareOf;

  it('takes a share rounded as asked: 70% of 1.05 yuan is 73.5 fen', () => {
    expect(sut(fen(105), basisPoints(7000), 'half-even')).toBe(74);
    expect(sut(fen(115), basisPoints(7000), 'half-even')).toBe(80);
    expect(sut(fen(105), basisPoints(7000), 'half-up')).toBe(74);
    expect(sut(fen(105), basisPoints(7000), 'down')).toBe(73);
  });
});

describe(allocate.name, () => {
  const sut = allocate;

  it('splits by weights and gives the fen left over to the largest remainders', () => {
    expect(sut(fen(100), [1n, 1n, 1n])).toEqual([34, 33, 33]);
    expect(sut(fen(10), [1n, 2n])).toEqual([3, 7]);
    expect(sut(fen(-100, 'x', true), [1n, 1n, 1n])).toEqual([-34, -33, -33]);
  });

  it('gives a party with no weight nothing, and refuses weights that are all zero or negative', () => {
    expect(sut(fen(5), [0n, 3n])).toEqual([0, 5]);
    expect(refusal(() => sut(fen(5), [0n, 0n])).code).toBe(CommonErrorCode.NothingToAllocate);
    expect(refusal(() => sut(fen(5), [-1n, 2n])).code).toBe(CommonErrorCode.NothingToAllocate);
  });

  it('always sums to the total to the fen, each part within a fen of its exact share (property)', () => {
    fc.assert(
      fc.property(
        anAmount,
        fc.array(fc.bigInt({ min: 0n, max: 10n ** 12n }), { minLength: 1, maxLength: 30 }),
        (total, weights) => {
          fc.pre(weights.some((w) => w > 0n));
          const parts = sut(total, weights);
          const weightSum = weights.reduce((s, w) => s + w, 0n);
          expect(parts.reduce((s, p) => s + p, 0)).toBe(total);
          parts.forEach((part, i) => {
            const exactTimesSum = BigInt(total) * weights[i]!;
            const gap = BigInt(part) * weightSum - exactTimesSum;
            expect(gap < 0n ? -gap : gap).toBeLessThan(weightSum);
          });
        },
      ),
    );
  });
});

describe(allocateByShares.name, () => {
  const sut = allocateByShares;

  it('splits an overspend 6:4 between the fund and public finance', () => {
    expect(sut(fen(100_001), [basisPoints(6000), basisPoints(4000)])).toEqual([60_001, 40_000]);
  });

  it('refuses shares that do not make the whole', () => {
    expect(refusal(() => sut(fen(1), [basisPoints(6000), basisPoints(5000)])).code).toBe(
      CommonErrorCode.SharesExceedWhole,
    );
  });

  it('always sums to the total to the fen for any shares making the whole (property)', () => {
    fc.assert(
      fc.property(
        anAmount,
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        (total, a, b) => {
          const [first, second] = [Math.min(a, b), Math.max(a, b)];
          const shares = [first, second - first, 10_000 - second] as BasisPoints[];
          const parts = sut(total, shares);
          expect(parts.reduce((s, p) => s + p, 0)).toBe(total);
        },
      ),
    );
  });
});
