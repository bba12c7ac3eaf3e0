import { describe, expect, it } from 'vitest';
import { basisPoints, formatRatio, isBelowFloor, pooledShare } from './reserve-ratio';

describe(isBelowFloor.name, () => {
  it('compares fractions exactly: 1/3 is not below a floor of 1/3, 33/100 is', () => {
    expect(isBelowFloor({ numerator: 1, denominator: 3 }, { numerator: 1, denominator: 3 })).toBe(false);
    expect(isBelowFloor({ numerator: 2, denominator: 6 }, { numerator: 1, denominator: 3 })).toBe(false);
    expect(isBelowFloor({ numerator: 33, denominator: 100 }, { numerator: 1, denominator: 3 })).toBe(true);
  });

  it('has nothing to compare with when the floor is unknown', () => {
    expect(isBelowFloor({ numerator: 1, denominator: 10 }, undefined)).toBe(false);
  });
});

describe(basisPoints.name, () => {
  it('rounds the actual share down, as scheduling reports it', () => {
    expect(basisPoints({ numerator: 1, denominator: 3 })).toBe(3333);
    expect(basisPoints({ numerator: 1, denominator: 4 })).toBe(2500);
    expect(basisPoints({ numerator: 1, denominator: 0 })).toBeNull();
    expect(formatRatio({ numerator: 1, denominator: 4 })).toBe('1/4 (25.00%)');
  });
});

describe(pooledShare.name, () => {
  it("gives a group's share of its totals, not the average of its hospitals' shares", () => {
    const sut = pooledShare([
      { part: 10, whole: 30, targetBp: 3334 },
      { part: 90, whole: 270, targetBp: 3334 },
      { part: 0, whole: 0, targetBp: 5000 },
    ]);

    expect(sut).toEqual({ part: 100, whole: 300, actualBp: 3333, targetBp: 3334 });
  });

  it('has no share when nothing was offered, and the strictest target', () => {
    expect(
      pooledShare([
        { part: 0, whole: 0, targetBp: 2500 },
        { part: 0, whole: 0, targetBp: 3334 },
      ]),
    ).toEqual({ part: 0, whole: 0, actualBp: null, targetBp: 3334 });
  });
});
