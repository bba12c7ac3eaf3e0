import { parseFields, refusal, requestField } from '@medgrid/errors';
import { z } from 'zod';
import { type DiseaseGroupPoints } from '../../domain/disease-group-points';
import { levelFactorsField } from '../level-factor-fields';
import { ruleField } from '../rule-fields';

export const DISEASE_GROUPS_MAX = 5000;

const fields = z.object({
  clientRequestId: requestField.uuid(),
  regionId: requestField.uuid(),
  fromVersion: ruleField.fromVersion(),
  // Each group is checked by the table, which names every bad one (groups[3].points).
  groups: z
    .array(z.custom<DiseaseGroupPoints>())
    .max(DISEASE_GROUPS_MAX, refusal('TOO_MANY', `at most ${DISEASE_GROUPS_MAX} groups`)),
  levelFactors: levelFactorsField,
});

export type PutDiseaseGroupTableInput = z.input<typeof fields>;

/** PutDiseaseGroupTable: every group of a fund's next disease-group table version, and its level factors. */
export class PutDiseaseGroupTableCommand {
  private constructor(
    readonly clientRequestId: string,
    readonly regionId: string,
    readonly fromVersion: number,
    readonly groups: readonly DiseaseGroupPoints[],
    readonly levelFactors: z.output<typeof levelFactorsField>,
  ) {}

  static create(input: PutDiseaseGroupTableInput): PutDiseaseGroupTableCommand {
    const f = parseFields(fields, input);
    return new PutDiseaseGroupTableCommand(
      f.clientRequestId,
      f.regionId,
      f.fromVersion,
      f.groups,
      f.levelFactors,
    );
  }
}
