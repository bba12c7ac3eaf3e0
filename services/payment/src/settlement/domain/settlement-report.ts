import { LEVELS } from '../../common/domain/insurance';
import { type Fen, yuanText } from '../../common/domain/money';
import { type Figures, type SettlementResult } from './settlement-run';

export const SETTLEMENT_CSV_COLUMNS = [
  'group_id',
  'period_from',
  'period_until',
  'row',
  'key',
  'claims',
  'amount_yuan',
  'fund_yuan',
  'patient_yuan',
  'waived_yuan',
  'by_points_yuan',
] as const;

function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * A settled period as CSV for the insurance bureau (RFC 4180, yuan with two decimals, one header line): the budget
 * and how its balance was shared, then each institution, each level, referred and unreferred claims and the total.
 * Every row names the group and period, so the files of many groups concatenate. Rows come in a fixed order, so the
 * same settlement gives the same file byte for byte.
 */
export function settlementCsv(result: SettlementResult): string {
  const lines: string[][] = [];
  const prefix = [result.groupId, result.period.from, result.period.until];
  const amountRow = (row: string, amount: Fen) =>
    lines.push([...prefix, row, '', '', yuanText(amount), '', '', '', '']);
  const figuresRow = (row: string, key: string, f: Figures, byPoints = '') =>
    lines.push([
      ...prefix,
      row,
      key,
      String(f.claims),
      '',
      yuanText(f.fund),
      yuanText(f.patient),
      yuanText(f.waived),
      byPoints,
    ]);

  amountRow('budget', result.budget);
  const balance = result.balance;
  if (balance.kind === 'surplus') {
    amountRow('surplus', balance.amount);
    amountRow('surplus-retained-by-group', balance.retainedByGroup);
    amountRow('surplus-returned-to-fund', balance.returnedToFund);
  } else if (balance.kind === 'overspend') {
    amountRow('overspend', balance.amount);
    amountRow('overspend-covered-by-fund', balance.coveredByFund);
    amountRow('overspend-covered-by-finance', balance.coveredByFinance);
    amountRow('overspend-borne-by-group', balance.borneByGroup);
  }
  for (const i of result.institutions) figuresRow('institution', i.institutionId, i, yuanText(i.byPoints));
  for (const level of LEVELS) figuresRow('level', level, result.byLevel[level]);
  figuresRow('referral', 'referred', result.referred);
  figuresRow('referral', 'unreferred', result.unreferred);
  figuresRow('total', '', {
    claims: result.institutions.reduce((s, i) => s + i.claims, 0),
    fund: result.fundPaid,
    patient: result.patientPaid,
    waived: result.waived,
  });
  return (
    [SETTLEMENT_CSV_COLUMNS.join(','), ...lines.map((l) => l.map(field).join(','))].join('\r\n') + '\r\n'
  );
}
