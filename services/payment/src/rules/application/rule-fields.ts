import { z } from 'zod';
import { refusal } from '@medgrid/errors';

/** The request fields the rules context's writes share. */
export const ruleField = {
  /** The version the caller read: 0 before the region's first table. */
  fromVersion() {
    return z
      .number()
      .refine(
        (value) => Number.isInteger(value) && value >= 0,
        refusal('REQUIRED', 'must be the version you read (0 before the first load)'),
      );
  },
};
