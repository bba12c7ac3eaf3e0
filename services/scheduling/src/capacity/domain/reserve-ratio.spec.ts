import fc from 'fast-check';
import { atLeast, basisPointsOf, parseRatio, ratio, reservedShare, toBasisPoints } from './reserve-ratio';

describe(reservedShare.name, () => {
  const sut = reservedShare;

  it('reserves at least a third of 30 slots as 10 and of 31 as 11', () => {
    expect(sut(30, ratio(1, 3))).toBe(10);
    expect(sut(31, ratio(1, 3))).toBe(11);
    expect(sut(0, ratio(1, 3))).toBe(0);
  });

  it('never reserves a share below the ratio, nor a whole unit more than needed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 1, max: 100 }), (total, den) => {
        const share = ratio(Math.floor(den / 3), den);
        const reserved = sut(total, share);
        expect(reserved * share.denominator).toBeGreaterThanOrEqual(total * share.numerator);
        expect((reserved - 1) * share.denominator).toBeLessThan(total * share.numerator);
      }),
    );
  });
});

describe(atLeast.name, () => {
  const sut = atLeast;

  it('compares ratios exactly', () => {
    expect(sut(ratio(1, 3), ratio(1, 3))).toBe(true);
    expect(sut(ratio(3333, 10_000), ratio(1, 3))).toBe(false);
    expect(sut(ratio(1, 5), ratio(1, 4))).toBe(false);
  });
});

describe(toBasisPoints.name, () => {
  const sut = toBasisPoints;

  it('reports a target rounded up', () => {
    expect(sut(ratio(1, 3))).toBe(3334);
  });
});

describe(basisPointsOf.name, () => {
  const sut = basisPointsOf;

  it('reports an achievement rounded down, and nothing of nothing', () => {
    expect(sut(1, 3)).toBe(3333);
    expect(sut(5, 0)).toBe(0);
  });
});

describe(parseRatio.name, () => {
  const sut = parseRatio;

  it('parses configuration fractions and rejects nonsense', () => {
    expect(sut('1/3')).toEqual(ratio(1, 3));
    expect(sut(' 20 / 100 ')).toEqual(ratio(20, 100));
    expect(sut('0.33')).toBeNull();
    expect(sut('4/3')).toBeNull();
    expect(sut('1/0')).toBeNull();
  });
});
