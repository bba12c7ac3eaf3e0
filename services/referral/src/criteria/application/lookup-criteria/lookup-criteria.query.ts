import { parseFields } from '@medgrid/errors';
import { z } from 'zod';

/**
 * The code is judged by the catalogue, as every referral's diagnosis is: a text that is no
 * ICD-10 code is refused there with INVALID_ICD10_CODE naming icd10Code.
 */
const fields = z.object({ icd10Code: z.string() });

export type LookupCriteriaInput = z.input<typeof fields>;

/** LookupCriteria: the catalogue entry that covers a diagnosis. */
export class LookupCriteriaQuery {
  private constructor(readonly icd10Code: string) {}

  static create(input: LookupCriteriaInput): LookupCriteriaQuery {
    const { icd10Code } = parseFields(fields, input);
    return new LookupCriteriaQuery(icd10Code);
  }
}
