import { ratio } from '../../capacity/domain/reserve-ratio';
import { againstTarget } from './daily-report';

describe(againstTarget.name, () => {
  const sut = againstTarget;

  it('meets 1/3 with exactly 10 of 30 even though 3333 bp < 3334 bp', () => {
    expect(sut(10, 30, ratio(1, 3))).toEqual({ ratioBp: 3333, targetBp: 3334, met: true });
  });

  it('misses 1/3 with 9 of 30', () => {
    expect(sut(9, 30, ratio(1, 3)).met).toBe(false);
  });

  it('counts an empty day as met', () => {
    expect(sut(0, 0, ratio(1, 4))).toEqual({ ratioBp: 0, targetBp: 2500, met: true });
  });
});
