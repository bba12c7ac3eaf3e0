/**
 * Money is integer fen everywhere in MedGrid; the portal turns it into yuan only for display,
 * with integer arithmetic, so ¥0.10 + ¥0.20 never shows as ¥0.30000000000000004.
 */
export function formatYuan(fen: number | bigint | string, locale = 'zh-CN'): string {
  const amount = toFen(fen);
  const negative = amount < 0n;
  const whole = (negative ? -amount : amount) / 100n;
  const cents = (negative ? -amount : amount) % 100n;
  const grouped = new Intl.NumberFormat(locale, { useGrouping: true }).format(whole);
  return `${negative ? '-' : ''}¥${grouped}.${cents.toString().padStart(2, '0')}`;
}

function toFen(fen: number | bigint | string): bigint {
  if (typeof fen === 'bigint') return fen;
  if (typeof fen === 'number') {
    if (!Number.isSafeInteger(fen)) throw new RangeError(`${fen} is not a whole number of fen`);
    return BigInt(fen);
  }
  // proto3 JSON sends 64-bit integers as strings.
  if (!/^-?\d+$/.test(fen)) throw new RangeError(`"${fen}" is not a whole number of fen`);
  return BigInt(fen);
}
