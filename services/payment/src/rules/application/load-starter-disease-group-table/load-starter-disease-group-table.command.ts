import { parseFields, requestField } from '@medgrid/errors';
import { isLocalDate } from '@medgrid/kernel';
import { z } from 'zod';
import { levelFactorsField } from '../level-factor-fields';
import { ruleField } from '../rule-fields';

const fields = z.object({
  clientRequestId: requestField.uuid(),
  regionId: requestField.uuid(),
  fromVersion: ruleField.fromVersion(),
  effectiveFrom: requestField.matching(isLocalDate, {
    reason: 'INVALID_DATE',
    description: 'must be a date (YYYY-MM-DD)',
  }),
  levelFactors: levelFactorsField,
});

export type LoadStarterDiseaseGroupTableInput = z.input<typeof fields>;

/** LoadStarterDiseaseGroupTable: the platform's starter disease groups as a fund's next version, from a date. */
export class LoadStarterDiseaseGroupTableCommand {
  private constructor(
    readonly clientRequestId: string,
    readonly regionId: string,
    readonly fromVersion: number,
    readonly effectiveFrom: string,
    readonly levelFactors: z.output<typeof levelFactorsField>,
  ) {}

  static create(input: LoadStarterDiseaseGroupTableInput): LoadStarterDiseaseGroupTableCommand {
    const f = parseFields(fields, input);
    return new LoadStarterDiseaseGroupTableCommand(
      f.clientRequestId,
      f.regionId,
      f.fromVersion,
      f.effectiveFrom,
      f.levelFactors,
    );
  }
}
