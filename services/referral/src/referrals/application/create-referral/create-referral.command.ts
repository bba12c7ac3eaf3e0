import { parseFields, refusal, requestField } from '@medgrid/errors';
import { z } from 'zod';
import { type ResultReference } from '../../domain/referral-content';
import { type ReferralDirection } from '../../domain/referral-direction';
import { ReferralCreation, type ReferralCreationFields } from '../referral-creation';
import {
  codesField,
  justificationField,
  optionalIdField,
  referralGroundFields,
  referralPartyFields,
  resultsField,
} from '../referral-fields';

const fields = z.object({
  ...referralPartyFields,
  direction: requestField
    .present<ReferralDirection>('must be UPWARD')
    .refine(
      (direction) => direction !== 'downward',
      refusal(
        'USE_ISSUE_DOWNWARD',
        'downward referrals are issued with IssueDownwardReferral, with their treatment plan',
      ),
    ),
  ...referralGroundFields,
  draft: z.boolean().default(false),
  indicationCodes: codesField().default([]),
  justification: justificationField().default(''),
  results: resultsField().default([]),
  receivingDepartmentId: optionalIdField().default(''),
  specialtyCode: requestField.optionalText(20).default(''),
});

export type CreateReferralInput = z.input<typeof fields>;

/** CreateReferral: an upward referral to create and submit, or to keep as a draft. */
export class CreateReferralCommand extends ReferralCreation {
  private constructor(
    fields: ReferralCreationFields,
    readonly draft: boolean,
    /** Without blanks or repeats. */
    readonly indicationCodes: readonly string[],
    readonly justification: string,
    readonly results: readonly ResultReference[],
    /** Empty to let routing choose. */
    readonly receivingDepartmentId: string,
    readonly specialtyCode: string,
  ) {
    super(fields);
  }

  /** Reports every bad field at once (INVALID_ARGUMENT with a violation per field). */
  static create(input: CreateReferralInput): CreateReferralCommand {
    const c = parseFields(fields, input);
    return new CreateReferralCommand(
      c,
      c.draft,
      c.indicationCodes,
      c.justification,
      c.results,
      c.receivingDepartmentId,
      c.specialtyCode,
    );
  }
}
