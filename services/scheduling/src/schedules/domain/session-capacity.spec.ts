import fc from 'fast-check';
import { ratio } from '../../capacity/domain/reserve-ratio';
import { initialSplit, resizedSplit } from './session-capacity';

const third = ratio(1, 3);

describe('session capacity', () => {
  it('splits 30 slots into 10 reserved and 20 public at 1/3', () => {
    expect(initialSplit(30, third)).toEqual({ reserved: 10, public: 20 });
  });

  it('grows both pools and keeps the reserved share', () => {
    const current = { reserved: 10, public: 20, takenReserved: 2, takenPublic: 5 };
    expect(resizedSplit(current, 45, third, false)).toEqual({ reserved: 15, public: 30 });
  });

  it('refuses a capacity below what is taken, naming the figure', () => {
    const current = { reserved: 10, public: 20, takenReserved: 4, takenPublic: 8 };
    expect(() => resizedSplit(current, 11, third, false)).toThrow(/at least the 12 slots already taken/);
    expect(() => resizedSplit(current, -1, third, false)).toThrow(
      expect.objectContaining({ code: 'CAPACITY_BELOW_TAKEN' }) as Error,
    );
  });

  it('keeps no new reserve once the reserve was released', () => {
    const current = { reserved: 3, public: 27, takenReserved: 3, takenPublic: 10 };
    expect(resizedSplit(current, 40, third, true)).toEqual({ reserved: 3, public: 37 });
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
            expect(() => resizedSplit(current, next, third, released)).toThrow();
            return;
          }
          const after = resizedSplit(current, next, third, released);
          expect(after.reserved + after.public).toBe(next);
          expect(after.reserved).toBeGreaterThanOrEqual(takenReserved);
          expect(after.public).toBeGreaterThanOrEqual(takenPublic);
        },
      ),
    );
  });
});
