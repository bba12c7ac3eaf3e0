import { refusal, requestField } from '@medgrid/errors';
import { z } from 'zod';

/** The request field rules the purchasing operations share, beside requestField and catalogueField. */
export const purchasingField = {
  /** Packs: the domain names a fraction, zero or a negative number (INVALID_QUANTITY on the line's quantity). */
  quantity() {
    return z.number();
  },

  /** A supplier as the catalogue names it. */
  supplier() {
    return requestField.text(200);
  },

  /** A reference the caller gives (a delivery note's number, a payment's reference). */
  reference() {
    return requestField.text(64);
  },

  /** An instant, required. */
  instant() {
    return z
      .date()
      .optional()
      .refine(
        (value): value is Date => value !== undefined && !Number.isNaN(value.getTime()),
        refusal('REQUIRED', 'must be an instant'),
      );
  },
};
