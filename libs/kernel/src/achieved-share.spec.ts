import { shareBp } from './achieved-share';

describe(shareBp.name, () => {
  it('rounds an achieved share down to the basis point', () => {
    expect(shareBp(2, 3)).toBe(6666);
    expect(shareBp(6_999, 10_000)).toBe(6_999);
    expect(shareBp(5, 5)).toBe(10_000);
  });

  it('has no share of nothing', () => {
    expect(shareBp(0, 0)).toBeNull();
  });
});
