import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';
import { catalogueField } from '../catalogue-fields';

const fields = z.object({
  code: catalogueField.drugCode(),
  at: catalogueField.instant(),
  groupId: requestField.optionalUuid(),
});

export type GetDrugInput = z.input<typeof fields>;

/** GetDrug: one drug of a group's catalogue, in force at an instant and with every version. */
export class GetDrugQuery {
  private constructor(
    /** Upper case. */
    readonly code: string,
    /** Undefined: now. */
    readonly at: Date | undefined,
    /** The group asked for; null: the caller's. */
    readonly groupId: string | null,
  ) {}

  static create(input: GetDrugInput): GetDrugQuery {
    const f = parseFields(fields, input);
    return new GetDrugQuery(f.code, f.at, f.groupId ?? null);
  }
}
