import { parseFields } from '@medgrid/errors';
import { z } from 'zod';
import { type ResultReference, type TreatmentPlan } from '../../domain/referral-content';
import { ReferralCreation, type ReferralCreationFields } from '../referral-creation';
import {
  codesField,
  justificationField,
  optionalIdField,
  referralGroundFields,
  referralPartyFields,
  resultsField,
  treatmentPlanField,
} from '../referral-fields';

const fields = z.object({
  ...referralPartyFields,
  ...referralGroundFields,
  metCriteriaCodes: codesField(),
  justification: justificationField(),
  treatmentPlan: treatmentPlanField(),
  results: resultsField(),
  upwardReferralId: optionalIdField(),
});

export type IssueDownwardInput = z.input<typeof fields>;

/** IssueDownwardReferral: a stable patient sent back to primary care with a treatment plan. */
export class IssueDownwardCommand extends ReferralCreation {
  private constructor(
    fields: ReferralCreationFields,
    /** Without blanks or repeats. */
    readonly metCriteriaCodes: readonly string[],
    readonly justification: string,
    readonly treatmentPlan: TreatmentPlan,
    readonly results: readonly ResultReference[],
    /** Empty when the patient came without one. */
    readonly upwardReferralId: string,
  ) {
    super(fields);
  }

  /** Reports every bad field at once (INVALID_ARGUMENT with a violation per field). */
  static create(input: IssueDownwardInput): IssueDownwardCommand {
    const c = parseFields(fields, input);
    return new IssueDownwardCommand(
      c,
      c.metCriteriaCodes,
      c.justification,
      c.treatmentPlan,
      c.results,
      c.upwardReferralId,
    );
  }
}
