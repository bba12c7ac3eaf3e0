import { describe, expect, it } from 'vitest';
import { formatYuan } from './money';

describe(formatYuan.name, () => {
  it('shows integer fen as yuan with two decimals and thousands grouped', () => {
    expect(formatYuan(123456789)).toBe('¥1,234,567.89');
    expect(formatYuan(5)).toBe('¥0.05');
    expect(formatYuan(0)).toBe('¥0.00');
  });

  it('keeps the sign of a refund or an overspend', () => {
    expect(formatYuan(-2680)).toBe('-¥26.80');
  });

  it('takes the string and bigint forms 64-bit amounts arrive in, beyond the float range', () => {
    expect(formatYuan('900719925474099312')).toBe('¥9,007,199,254,740,993.12');
    expect(formatYuan(10n)).toBe('¥0.10');
  });

  it('refuses what is not a whole number of fen rather than rounding it', () => {
    expect(() => formatYuan(26.8)).toThrow(RangeError);
    expect(() => formatYuan('26.80')).toThrow(RangeError);
  });
});
