import { parseFields, refusal, requestField } from '@medgrid/errors';
import { z } from 'zod';
import { ruleField } from '../../../rules/application/rule-fields';
import { type SettlementPolicy } from '../../domain/settlement-policy';
import { type DatedCompositeScheme } from '../../domain/settlement-rules';

export const POLICIES_MAX = 100;

const fields = z.object({
  clientRequestId: requestField.uuid(),
  regionId: requestField.uuid(),
  fromVersion: ruleField.fromVersion(),
  // Each policy is checked by the rules, which name every bad one (policies[0].surplusRetainedBp).
  policies: z
    .array(z.custom<SettlementPolicy>())
    .max(POLICIES_MAX, refusal('TOO_MANY', `at most ${POLICIES_MAX} policies`)),
  // Checked by the rules likewise (schemes[0].perCase[1].price).
  schemes: z
    .array(z.custom<DatedCompositeScheme>())
    .max(POLICIES_MAX, refusal('TOO_MANY', `at most ${POLICIES_MAX} schemes`)),
});

export type PutSettlementPoliciesInput = z.input<typeof fields>;

/** PutSettlementPolicies: every settlement policy of a fund's next version. */
export class PutSettlementPoliciesCommand {
  private constructor(
    readonly clientRequestId: string,
    readonly regionId: string,
    readonly fromVersion: number,
    readonly policies: readonly SettlementPolicy[],
    readonly schemes: readonly DatedCompositeScheme[],
  ) {}

  static create(input: PutSettlementPoliciesInput): PutSettlementPoliciesCommand {
    const f = parseFields(fields, input);
    return new PutSettlementPoliciesCommand(
      f.clientRequestId,
      f.regionId,
      f.fromVersion,
      f.policies,
      f.schemes,
    );
  }
}
