import { CommonError, CommonErrorCode } from './common-error';
import { addFen, fen, fenFromYuan, sumFen, timesCount, yuanText } from './money';

function refusal(act: () => unknown): CommonError {
  try {
    act();
  } catch (error) {
    if (error instanceof CommonError) return error;
    throw error;
  }
  throw new Error('expected a CommonError');
}

describe(fen.name, () => {
  const sut = fen;

  it('takes a whole number of fen', () => {
    expect(sut(750000)).toBe(750000);
    expect(sut(0)).toBe(0);
  });

  it('refuses a fraction of a fen, naming the field', () => {
    const error = refusal(() => sut(12.5, 'lines[0].amount'));

    expect(error.code).toBe(CommonErrorCode.FractionOfAFen);
    expect(error.category).toBe('invalid-argument');
    expect(error.violations[0]?.field).toBe('lines[0].amount');
  });

  it('refuses what is not a number, an amount too large to count exactly and a negative amount unless allowed', () => {
    expect(refusal(() => sut(Number.NaN)).code).toBe(CommonErrorCode.FractionOfAFen);
    expect(refusal(() => sut(2 ** 53)).code).toBe(CommonErrorCode.AmountTooLarge);
    expect(refusal(() => sut(-1)).code).toBe(CommonErrorCode.NegativeAmount);
    expect(sut(-1, 'overspend', true)).toBe(-1);
  });
});

describe(fenFromYuan.name, () => {
  const sut = fenFromYuan;

  it('reads yuan with up to two decimals exactly (no binary fractions on the way)', () => {
    expect(sut('7500')).toBe(750000);
    expect(sut('0.07')).toBe(7);
    expect(sut('1.1')).toBe(110);
    expect(sut('19.99')).toBe(1999);
    expect(sut('-3.5', 'x')).toBe(-350);
  });

  it('refuses a third decimal, which would be a fraction of a fen', () => {
    const error = refusal(() => sut('12.345', 'unitPrice'));

    expect(error.code).toBe(CommonErrorCode.FractionOfAFen);
    expect(error.violations[0]?.field).toBe('unitPrice');
    expect(refusal(() => sut('abc')).code).toBe(CommonErrorCode.FractionOfAFen);
  });
});

describe(yuanText.name, () => {
  it('writes fen as yuan with two decimals', () => {
    expect(yuanText(fen(750000))).toBe('7500.00');
    expect(yuanText(fen(7))).toBe('0.07');
    expect(yuanText(fen(-150, 'x', true))).toBe('-1.50');
  });
});

describe(sumFen.name, () => {
  it('adds amounts and refuses a sum beyond exact counting', () => {
    expect(sumFen([fen(1), fen(2), fen(3)])).toBe(6);
    expect(sumFen([])).toBe(0);
    expect(refusal(() => addFen(fen(Number.MAX_SAFE_INTEGER), fen(1))).code).toBe(
      CommonErrorCode.AmountTooLarge,
    );
  });
});

describe(timesCount.name, () => {
  it('multiplies a price by a whole count: the Tianjin capitation for 1,000 patients is ¥7.5 million', () => {
    expect(timesCount(fenFromYuan('7500'), 1000)).toBe(750_000_000);
    expect(refusal(() => timesCount(fen(100), 1.5)).code).toBe(CommonErrorCode.FractionOfAFen);
  });
});
