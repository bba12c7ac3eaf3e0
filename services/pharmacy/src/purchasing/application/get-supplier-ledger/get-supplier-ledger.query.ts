import { parseFields } from '@medgrid/errors';
import { z } from 'zod';
import { purchasingField } from '../purchasing-fields';

const fields = z.object({ supplier: purchasingField.supplier() });

export type GetSupplierLedgerInput = z.input<typeof fields>;

/** GetSupplierLedger: a supplier's entries on the group's ledger. */
export class GetSupplierLedgerQuery {
  private constructor(readonly supplier: string) {}

  static create(input: GetSupplierLedgerInput): GetSupplierLedgerQuery {
    return new GetSupplierLedgerQuery(parseFields(fields, input).supplier);
  }
}
