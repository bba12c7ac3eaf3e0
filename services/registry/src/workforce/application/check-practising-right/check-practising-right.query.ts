import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';

const fields = z.object({
  practitionerId: requestField.uuid(),
  institutionId: requestField.uuid(),
});

/** CheckPractisingRight: whether a practitioner may practise at an institution (多点执业). */
export class CheckPractisingRightQuery {
  private constructor(
    /** Lower case, like the institution's id. */
    readonly practitionerId: string,
    readonly institutionId: string,
  ) {}

  static create(input: z.input<typeof fields>): CheckPractisingRightQuery {
    const { practitionerId, institutionId } = parseFields(fields, input);
    return new CheckPractisingRightQuery(practitionerId, institutionId);
  }
}
