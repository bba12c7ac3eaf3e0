import { ValidationError } from '@medgrid/errors';
import { rejectNulCharacters } from './nul-characters';

describe(rejectNulCharacters.name, () => {
  const sut = rejectNulCharacters;

  it('names every field, nested or in a list, that carries U+0000', () => {
    let caught: unknown;
    try {
      sut({ name: 'ward\u0000', claim: { reason: 'ok', tags: ['a', 'b\u0000c'] } });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ValidationError);
    expect((caught as ValidationError).violations.map((v) => [v.field, v.reason])).toEqual([
      ['name', 'INVALID_CHARACTER'],
      ['claim.tags[1]', 'INVALID_CHARACTER'],
    ]);
  });

  it('lets clean text, numbers, dates, bytes and empty requests through', () => {
    expect(() =>
      sut({
        name: '心内科一病区',
        count: 3,
        at: new Date(),
        payload: Buffer.from([0, 1, 2]),
        nothing: undefined,
        empty: null,
      }),
    ).not.toThrow();
    expect(() => sut({})).not.toThrow();
  });
});
