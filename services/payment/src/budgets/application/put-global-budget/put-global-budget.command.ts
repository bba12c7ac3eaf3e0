import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';
import { type Fen } from '../../../common/domain/money';

const fields = z.object({
  clientRequestId: requestField.uuid(),
  // Named as the request carries them (budget.month); the amount, residents and basis are checked by the budget
  // book, which names each bad one (budget.amount).
  budget: z.object({
    groupId: requestField.uuid(),
    month: requestField.matching((value) => /^\d{4}-(0[1-9]|1[0-2])$/.test(value), {
      reason: 'INVALID_PERIOD',
      description: 'must be a calendar month, YYYY-MM',
    }),
    amount: z.number(),
    residents: z.number(),
    basis: z.string(),
  }),
});

export type PutGlobalBudgetInput = z.input<typeof fields>;

/** PutGlobalBudget: a group's global budget for a month. */
export class PutGlobalBudgetCommand {
  private constructor(
    readonly clientRequestId: string,
    readonly groupId: string,
    readonly month: string,
    readonly amount: Fen,
    readonly residents: number,
    readonly basis: string,
  ) {}

  static create(input: PutGlobalBudgetInput): PutGlobalBudgetCommand {
    const { clientRequestId, budget: b } = parseFields(fields, input);
    return new PutGlobalBudgetCommand(
      clientRequestId,
      b.groupId,
      b.month,
      b.amount as Fen,
      b.residents,
      b.basis,
    );
  }
}
