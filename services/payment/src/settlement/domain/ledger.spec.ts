import { type Fen } from '../../common/domain/money';
import { balances, credit, debit, ledgerLines } from './ledger';
import { SettlementError, SettlementErrorCode } from './settlement-error';

describe(ledgerLines.name, () => {
  const sut = ledgerLines;

  it('numbers the postings of balanced transactions and leaves out postings of zero', () => {
    const lines = sut('run', [
      { kind: 'budget', memo: 'b', postings: [debit('fund', 100 as Fen), credit('budget:g', 100 as Fen)] },
      {
        kind: 'claims',
        memo: 'c',
        postings: [debit('budget:g', 0 as Fen), credit('institution:i', 0 as Fen)],
      },
      {
        kind: 'claims',
        memo: 'd',
        postings: [debit('budget:g', 60 as Fen), credit('institution:i', 60 as Fen)],
      },
    ]);

    expect(lines.map((l) => [l.line, l.account, l.debit, l.credit])).toEqual([
      [1, 'fund', 100, 0],
      [2, 'budget:g', 0, 100],
      [3, 'budget:g', 60, 0],
      [4, 'institution:i', 0, 60],
    ]);
    expect(balances(lines).get('budget:g')).toBe(-40);
  });

  it('refuses a transaction whose debits and credits differ', () => {
    try {
      sut('run', [
        { kind: 'budget', memo: 'b', postings: [debit('fund', 100 as Fen), credit('budget:g', 99 as Fen)] },
      ]);
      throw new Error('expected a refusal');
    } catch (error) {
      expect(error).toBeInstanceOf(SettlementError);
      expect((error as SettlementError).code).toBe(SettlementErrorCode.UnbalancedTransaction);
    }
  });
});
