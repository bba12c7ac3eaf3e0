import { keyOf } from './key-of';

enum Colour {
  UNSPECIFIED = 0,
  RED = 1,
  GREEN = 2,
  BLUE = 3,
}

const COLOURS: Readonly<Record<'red' | 'green', Colour>> = { red: Colour.RED, green: Colour.GREEN };

describe(keyOf.name, () => {
  const sut = keyOf(COLOURS);

  it('answers the key each value stands for', () => {
    expect(sut(Colour.RED)).toBe('red');
    expect(sut(Colour.GREEN)).toBe('green');
  });

  it('answers undefined for a value the table does not hold, unspecified included', () => {
    expect(sut(Colour.UNSPECIFIED)).toBeUndefined();
    expect(sut(Colour.BLUE)).toBeUndefined();
  });
});
