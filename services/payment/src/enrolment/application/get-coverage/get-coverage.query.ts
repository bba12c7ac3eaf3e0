import { parseFields, requestField } from '@medgrid/errors';
import { RESIDENT_ID_PROBLEM_TEXT, residentIdProblem } from '@medgrid/kernel';
import { z } from 'zod';

const fields = z.object({
  residentId: requestField.parsed<string>((value) => {
    const problem = residentIdProblem(value.trim(), new Date());
    return problem
      ? { refusal: { reason: 'INVALID_RESIDENT_ID', description: RESIDENT_ID_PROBLEM_TEXT[problem] } }
      : { value: value.trim() };
  }),
  at: z.date().optional(),
  // Why the caller reads (x-purpose): audited.
  'x-purpose': requestField.purpose(),
});

export type GetCoverageInput = z.input<typeof fields>;

/** GetCoverage: a resident's coverage at an instant (now when none is given). */
export class GetCoverageQuery {
  private constructor(
    readonly residentId: string,
    readonly at: Date | null,
    readonly purpose: string,
  ) {}

  static create(input: GetCoverageInput): GetCoverageQuery {
    const f = parseFields(fields, input);
    return new GetCoverageQuery(f.residentId, f.at ?? null, f['x-purpose']);
  }
}
