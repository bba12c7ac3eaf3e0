import { type PeriodCapitation } from '../../budgets/domain/capitation';
import { type GlobalBudget } from '../../budgets/domain/global-budget';
import { type Fen, minFen, subtractFen, sumFen, ZERO_FEN } from '../../common/domain/money';
import { type PaymentMethod } from './payment-method';

/** What a group's period is settled against, and how it was made up. */
export interface PeriodBudget {
  readonly amount: Fen;
  readonly basis: readonly string[];
}

/**
 * A group's budget for a period: its global budget for exactly the period (总额预付, for the residents under its
 * integration agreement) and the period's capitation (按人头: overall for its contracted residents, per disease for
 * those managed for it), together, each line with its basis. Either may be missing; a period with neither has a
 * budget of 0 and everything it spent is overspend.
 */
export function periodBudget(global: GlobalBudget | null, capitation: PeriodCapitation | null): PeriodBudget {
  const basis: string[] = [];
  const parts: Fen[] = [];
  if (global) {
    parts.push(global.amount);
    basis.push(`global budget ${global.amount} fen for ${global.residents} residents (${global.basis})`);
  }
  if (capitation && capitation.lines.length > 0) {
    parts.push(capitation.amount);
    basis.push(...capitation.basis);
  }
  return { amount: sumFen(parts), basis };
}

/**
 * The part of the budget shared among point-settled cases by the point value: what the budget leaves once every
 * other claim is paid its fixed or adjudicated amount, never below 0; 0 when no claim of the period settles by
 * points (so the whole budget is weighed against the fund's payments). Claims or their summed figures alike.
 */
export function pointsPotOf(
  budget: Fen,
  claims: readonly { readonly method: PaymentMethod; readonly fund: Fen }[],
): Fen {
  if (!claims.some((c) => c.method === 'points')) return ZERO_FEN;
  const fixed = sumFen(claims.filter((c) => c.method !== 'points').map((c) => c.fund));
  return subtractFen(budget, minFen(fixed, budget));
}
