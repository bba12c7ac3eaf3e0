import { divideRounded } from './rounding';

describe(divideRounded.name, () => {
  const sut = divideRounded;

  it.each([
    [25n, 10n, 2n, 3n, 2n],
    [35n, 10n, 4n, 4n, 3n],
    [26n, 10n, 3n, 3n, 2n],
    [24n, 10n, 2n, 2n, 2n],
    [-25n, 10n, -2n, -3n, -2n],
    [-26n, 10n, -3n, -3n, -2n],
  ])('rounds %p / %p to %p half-even, %p half-up, %p down', (n, d, halfEven, halfUp, down) => {
    expect(sut(n, d, 'half-even')).toBe(halfEven);
    expect(sut(n, d, 'half-up')).toBe(halfUp);
    expect(sut(n, d, 'down')).toBe(down);
  });

  it('stays exact beyond the range of a double (a city budget times a share)', () => {
    expect(sut(10n ** 20n + 5n, 10n, 'half-even')).toBe(10n ** 19n);
    expect(sut(10n ** 20n + 15n, 10n, 'half-even')).toBe(10n ** 19n + 2n);
  });

  it('refuses division by zero', () => {
    expect(() => sut(1n, 0n, 'down')).toThrow(RangeError);
  });
});
