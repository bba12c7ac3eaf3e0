import { parseFields, refusal, requestField } from '@medgrid/errors';
import { z } from 'zod';
import { ruleField } from '../../../rules/application/rule-fields';
import { type SettlementPolicy } from '../../domain/settlement-policy';

export const POLICIES_MAX = 100;

const fields = z.object({
  clientRequestId: requestField.uuid(),
  regionId: requestField.uuid(),
  fromVersion: ruleField.fromVersion(),
  // Each policy is checked by the rules, which name every bad one (policies[0].surplusRetainedBp).
  policies: z
    .array(z.custom<SettlementPolicy>())
    .max(POLICIES_MAX, refusal('TOO_MANY', `at most ${POLICIES_MAX} policies`)),
});

export type PutSettlementPoliciesInput = z.input<typeof fields>;

/** PutSettlementPolicies: every settlement policy of a fund's next version. */
export class PutSettlementPoliciesCommand {
  private constructor(
    readonly clientRequestId: string,
    readonly regionId: string,
    readonly fromVersion: number,
    readonly policies: readonly SettlementPolicy[],
  ) {}

  static create(input: PutSettlementPoliciesInput): PutSettlementPoliciesCommand {
    const f = parseFields(fields, input);
    return new PutSettlementPoliciesCommand(f.clientRequestId, f.regionId, f.fromVersion, f.policies);
  }
}
