import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';

const fields = z.object({ groupId: requestField.uuid() });

export type GetGlobalBudgetsInput = z.input<typeof fields>;

/** GetGlobalBudgets: a group's budgets. */
export class GetGlobalBudgetsQuery {
  private constructor(readonly groupId: string) {}

  static create(input: GetGlobalBudgetsInput): GetGlobalBudgetsQuery {
    return new GetGlobalBudgetsQuery(parseFields(fields, input).groupId);
  }
}
