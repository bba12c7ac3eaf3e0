import { recognitionRate, recognitionRateOf } from './recognition-rate';

describe(recognitionRate.name, () => {
  const sut = recognitionRate;

  it('counts reused among the decided look-ups that offered something, in basis points rounded down', () => {
    expect(sut(['reused', 'reused', 'ordered-anyway', 'nothing-offered', 'pending'])).toEqual({
      decided: 3,
      reused: 2,
      rateBp: 6666,
    });
  });

  it('has no rate before anything is decided', () => {
    expect(sut(['nothing-offered', 'pending'])).toEqual({ decided: 0, reused: 0, rateBp: null });
  });
});

describe(recognitionRateOf.name, () => {
  const sut = recognitionRateOf;

  it('counts the same rate from counts as from outcomes', () => {
    expect(sut(9, 1)).toEqual(recognitionRate([...Array<'reused'>(9).fill('reused'), 'ordered-anyway']));
    expect(sut(2, 1)).toEqual({ decided: 3, reused: 2, rateBp: 6666 });
    expect(sut(0, 0)).toEqual({ decided: 0, reused: 0, rateBp: null });
  });
});
