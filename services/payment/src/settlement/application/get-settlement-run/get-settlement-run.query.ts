import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';

const fields = z.object({ runId: requestField.uuid() });

export type GetSettlementRunInput = z.input<typeof fields>;

/** GetSettlementRun: a run with its ledger. */
export class GetSettlementRunQuery {
  private constructor(readonly runId: string) {}

  static create(input: GetSettlementRunInput): GetSettlementRunQuery {
    return new GetSettlementRunQuery(parseFields(fields, input).runId);
  }
}
