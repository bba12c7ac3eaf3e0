import fc from 'fast-check';
import { atLeast, basisPointsOf, parseRatio, ratio, reservedShare, toBasisPoints } from './reserve-ratio';

describe('reserve ratio', () => {
  it('reserves at least a third of 30 slots as 10 and of 31 as 11', () => {
    expect(reservedShare(30, ratio(1, 3))).toBe(10);
    expect(reservedShare(31, ratio(1, 3))).toBe(11);
    expect(reservedShare(0, ratio(1, 3))).toBe(0);
  });

  it('never reserves a share below the ratio, nor a whole unit more than needed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 1, max: 100 }), (total, den) => {
        const share = ratio(Math.floor(den / 3), den);
        const reserved = reservedShare(total, share);
        expect(reserved * share.denominator).toBeGreaterThanOrEqual(total * share.numerator);
        expect((reserved - 1) * share.denominator).toBeLessThan(total * share.numerator);
      }),
    );
  });

  it('compares ratios exactly', () => {
    expect(atLeast(ratio(1, 3), ratio(1, 3))).toBe(true);
    expect(atLeast(ratio(3333, 10_000), ratio(1, 3))).toBe(false);
    expect(atLeast(ratio(1, 5), ratio(1, 4))).toBe(false);
  });

  it('reports targets rounded up and achievements rounded down in basis points', () => {
    expect(toBasisPoints(ratio(1, 3))).toBe(3334);
    expect(basisPointsOf(1, 3)).toBe(3333);
    expect(basisPointsOf(5, 0)).toBe(0);
  });

  it('parses configuration fractions and rejects nonsense', () => {
    expect(parseRatio('1/3')).toEqual(ratio(1, 3));
    expect(parseRatio(' 20 / 100 ')).toEqual(ratio(20, 100));
    expect(parseRatio('0.33')).toBeNull();
    expect(parseRatio('4/3')).toBeNull();
    expect(parseRatio('1/0')).toBeNull();
  });
});
