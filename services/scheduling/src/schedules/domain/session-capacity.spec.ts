import fc from 'fast-check';
import { ratio, reservedShare } from '../../capacity/domain/reserve-ratio';
import { initialSplit, reservedOfferedAfterResize, resizedSplit } from './session-capacity';

const third = ratio(1, 3);

describe(initialSplit.name, () => {
  const sut = initialSplit;

  it('splits 30 slots into 10 reserved and 20 public at 1/3', () => {
    expect(sut(30, third)).toEqual({ reserved: 10, public: 20 });
  });
});

describe(resizedSplit.name, () => {
  const sut = resizedSplit;

  it('grows both pools and keeps the reserved share', () => {
    const current = { reserved: 10, public: 20, takenReserved: 2, takenPublic: 5 };
    expect(sut(current, 45, third, false)).toEqual({ reserved: 15, public: 30 });
  });

  it('refuses a capacity below what is taken, naming the figure', () => {
    const current = { reserved: 10, public: 20, takenReserved: 4, takenPublic: 8 };
    expect(() => sut(current, 11, third, false)).toThrow(/at least the 12 slots already taken/);
    expect(() => sut(current, -1, third, false)).toThrow(
      expect.objectContaining({ code: 'CAPACITY_BELOW_TAKEN' }) as Error,
    );
  });

  it('shrinks both pools and keeps the reserved share', () => {
    const current = { reserved: 10, public: 20, takenReserved: 2, takenPublic: 5 };
    expect(sut(current, 12, third, false)).toEqual({ reserved: 4, public: 8 });
  });

  it('keeps every taken reserved slot even above the share', () => {
    const current = { reserved: 10, public: 20, takenReserved: 9, takenPublic: 0 };
    expect(sut(current, 12, third, false)).toEqual({ reserved: 9, public: 3 });
  });

  it('refuses a shrink that would leave the reserve below the share beside the public slots taken, naming the smallest capacity that keeps it', () => {
    const current = { reserved: 4, public: 8, takenReserved: 0, takenPublic: 8 };
    // 11 slots with 8 public taken leave 3 reserved: fewer than the 4 a third of 11 needs.
    expect(() => sut(current, 11, third, false)).toThrow(
      expect.objectContaining({
        code: 'RESERVE_BELOW_RATIO',
        message: 'must keep 1/3 of the slots reserved beside the 8 public slots taken: at least 12',
      }) as Error,
    );
    expect(sut(current, 12, third, false)).toEqual({ reserved: 4, public: 8 });
  });

  it('refuses a grow that cannot reach the share of a hospital whose ratio rose since the bookings', () => {
    const current = { reserved: 2, public: 4, takenReserved: 0, takenPublic: 4 };
    expect(() => sut(current, 7, ratio(1, 2), false)).toThrow(/at least 8$/);
    expect(() => sut(current, 7, ratio(1, 1), false)).toThrow(/no capacity can$/);
  });

  it('keeps no new reserve once the reserve was released', () => {
    const current = { reserved: 3, public: 27, takenReserved: 3, takenPublic: 10 };
    expect(sut(current, 40, third, true)).toEqual({ reserved: 3, public: 37 });
  });

  it('never drops a taken slot and never exceeds the capacity (random resizes)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        fc.boolean(),
        (capacity, next, pctR, pctP, released) => {
          const split = initialSplit(capacity, third);
          const takenReserved = Math.floor((split.reserved * pctR) / 100);
          const takenPublic = Math.floor((split.public * pctP) / 100);
          const current = { ...split, takenReserved, takenPublic };
          if (next < takenReserved + takenPublic) {
            expect(() => sut(current, next, third, released)).toThrow(
              expect.objectContaining({ code: 'CAPACITY_BELOW_TAKEN' }) as Error,
            );
            return;
          }
          if (!released && next - Math.max(reservedShare(next, third), takenReserved) < takenPublic) {
            expect(() => sut(current, next, third, released)).toThrow(
              expect.objectContaining({ code: 'RESERVE_BELOW_RATIO' }) as Error,
            );
            return;
          }
          const after = sut(current, next, third, released);
          expect(after.reserved + after.public).toBe(next);
          expect(after.reserved).toBeGreaterThanOrEqual(takenReserved);
          expect(after.public).toBeGreaterThanOrEqual(takenPublic);
          if (!released) expect(after.reserved).toBeGreaterThanOrEqual(reservedShare(next, third));
        },
      ),
    );
  });
});

describe(reservedOfferedAfterResize.name, () => {
  const sut = reservedOfferedAfterResize;

  it('counts the new reserved pool as offered, or what was offered before the release', () => {
    expect(sut(10, { reserved: 4, public: 8 }, false)).toBe(4);
    expect(sut(4, { reserved: 10, public: 20 }, false)).toBe(10);
    expect(sut(10, { reserved: 2, public: 28 }, true)).toBe(10);
    expect(sut(10, { reserved: 2, public: 4 }, true)).toBe(6);
  });
});
