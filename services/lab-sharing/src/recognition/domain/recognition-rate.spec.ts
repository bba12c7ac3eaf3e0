import { recognitionRate } from './recognition-rate';

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
