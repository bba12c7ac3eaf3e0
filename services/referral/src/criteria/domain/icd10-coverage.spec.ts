import fc from 'fast-check';
import { isIcd10Code } from '@medgrid/kernel';
import { expandCoverage, prefixCovers, prefixesOf } from './icd10-coverage';

describe(expandCoverage.name, () => {
  const sut = expandCoverage;

  it('keeps a single code as its own prefix', () => {
    expect(sut('I10')).toEqual(['I10']);
    expect(sut('E11.2')).toEqual(['E11.2']);
    expect(sut('I10.x00')).toEqual(['I10.x00']);
  });

  it('expands a category range to every category in it', () => {
    expect(sut('I60-I64')).toEqual(['I60', 'I61', 'I62', 'I63', 'I64']);
    expect(sut('J00-J06')).toEqual(['J00', 'J01', 'J02', 'J03', 'J04', 'J05', 'J06']);
  });

  it('expands a subcategory range within one category', () => {
    expect(sut('B18.0-B18.1')).toEqual(['B18.0', 'B18.1']);
    expect(sut('E11.2-E11.5')).toEqual(['E11.2', 'E11.3', 'E11.4', 'E11.5']);
  });

  it.each(['', 'hypertension', 'i10', 'I10-', '-I10', 'I60-I62-I64', 'I60-i64'])(
    'refuses %j as not a code or range',
    (spec) => expect(sut(spec)).toBe('INVALID_FORMAT'),
  );

  it.each(['I64-I60', 'I60-I60', 'I60-J10', 'E11-E11.5', 'E11.2-E12.3', 'I10.x00-I10.x09'])(
    'refuses %j as not a rising range of siblings',
    (spec) => expect(sut(spec)).toBe('INVALID_RANGE'),
  );

  it('expands any rising category range to exactly the valid codes between its ends', () => {
    const letter = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTVWXYZ');
    const bounds = fc
      .tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }))
      .filter(([a, b]) => a !== b)
      .map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const);
    fc.assert(
      fc.property(letter, bounds, (l, [from, to]) => {
        const code = (n: number) => `${l}${String(n).padStart(2, '0')}`;
        const expanded = sut(`${code(from)}-${code(to)}`);

        expect(expanded).toHaveLength(to - from + 1);
        expect(expanded).toContain(code(from));
        expect(expanded).toContain(code(to));
        expect((expanded as string[]).every(isIcd10Code)).toBe(true);
      }),
    );
  });
});

describe(prefixesOf.name, () => {
  const sut = prefixesOf;

  it('lists a code and every prefix above it, most specific first', () => {
    expect(sut('E11.900')).toEqual(['E11.900', 'E11.90', 'E11.9', 'E11']);
    expect(sut('I10.x00')).toEqual(['I10.x00', 'I10.x0', 'I10.x', 'I10']);
    expect(sut('I10')).toEqual(['I10']);
  });
});

describe(prefixCovers.name, () => {
  const sut = prefixCovers;

  it.each([
    ['E11', 'E11', true],
    ['E11', 'E11.9', true],
    ['E11', 'E11.900', true],
    ['E11.2', 'E11.21', true],
    ['E11.2', 'E11.9', false],
    ['E11', 'E12.0', false],
    ['E11.2', 'E11', false],
  ])('%s covers %s: %s', (prefix, code, expected) => {
    expect(sut(prefix, code)).toBe(expected);
  });
});
