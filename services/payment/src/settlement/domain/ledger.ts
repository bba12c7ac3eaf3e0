import { type Fen, sumFen } from '../../common/domain/money';
import { SettlementError, SettlementErrorCode } from './settlement-error';

/**
 * The accounts a settlement writes to: the insurance fund, public finance, a group's budget for the period (opened
 * by the budget, drawn by the claims, closed to zero by the balance), what the group retains or bears, what each
 * institution is paid, and what patients paid at the counter.
 */
export type Account =
  | 'fund'
  | 'public-finance'
  | 'patients'
  | `budget:${string}`
  | `group:${string}:retained`
  | `group:${string}:overspend-borne`
  | `institution:${string}`;

export interface Posting {
  readonly account: Account;
  readonly debit: Fen;
  readonly credit: Fen;
}

/** One balanced transaction of a run: its debits equal its credits. */
export interface LedgerTransaction {
  readonly kind: 'budget' | 'claims' | 'patient-share' | 'surplus' | 'overspend';
  readonly memo: string;
  readonly postings: readonly Posting[];
}

/** A ledger line as stored: append-only, numbered within its run. */
export interface LedgerEntry extends Posting {
  readonly runKey: string;
  readonly line: number;
  readonly kind: LedgerTransaction['kind'];
  readonly memo: string;
}

export function debit(account: Account, amount: Fen): Posting {
  return { account, debit: amount, credit: 0 as Fen };
}

export function credit(account: Account, amount: Fen): Posting {
  return { account, debit: 0 as Fen, credit: amount };
}

/**
 * Numbers the transactions of a run into ledger lines, refusing one whose debits and credits differ (nothing of the
 * run is written then) and leaving out postings of zero.
 */
export function ledgerLines(runKey: string, transactions: readonly LedgerTransaction[]): LedgerEntry[] {
  const entries: LedgerEntry[] = [];
  for (const tx of transactions) {
    const debits = sumFen(tx.postings.map((p) => p.debit));
    const credits = sumFen(tx.postings.map((p) => p.credit));
    if (debits !== credits) {
      throw new SettlementError(
        SettlementErrorCode.UnbalancedTransaction,
        `${tx.kind} (${tx.memo}) debits ${debits} fen and credits ${credits} fen`,
      );
    }
    for (const posting of tx.postings) {
      if (posting.debit === 0 && posting.credit === 0) continue;
      entries.push({ runKey, line: entries.length + 1, kind: tx.kind, memo: tx.memo, ...posting });
    }
  }
  return entries;
}

/** Each account's balance (debits less credits) over the entries. */
export function balances(entries: readonly LedgerEntry[]): Map<Account, number> {
  const result = new Map<Account, number>();
  for (const e of entries) result.set(e.account, (result.get(e.account) ?? 0) + e.debit - e.credit);
  return result;
}
