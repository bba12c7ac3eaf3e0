import { parseFields, requestField } from '@medgrid/errors';
import { z } from 'zod';
import { OPEN_REFERRAL_STATUSES } from '../../domain/referral-pass';

const fields = z.object({
  referralId: requestField.uuid(),
  groupId: requestField.uuid(),
  patientResidentId: requestField.text(18).transform((id) => id.toUpperCase()),
  referringInstitutionId: requestField.uuid(),
  // Empty while an upward referral is a draft: it is routed to its receiving hospital when submitted.
  receivingInstitutionId: requestField.optionalUuid(),
  status: z.string(),
  version: z.number().int().min(1),
});

export type KeepReferralPassInput = z.input<typeof fields>;

/** KeepReferralPass: a referral's latest state, from the referral topic. */
export class KeepReferralPassCommand {
  private constructor(
    readonly referralId: string,
    readonly groupId: string,
    readonly patientResidentId: string,
    readonly referringInstitutionId: string,
    /** Undefined until the referral is routed: a referral not routed yet lets nobody read anything. */
    readonly receivingInstitutionId: string | undefined,
    readonly open: boolean,
    readonly version: number,
  ) {}

  static create(input: KeepReferralPassInput): KeepReferralPassCommand {
    const f = parseFields(fields, input);
    return new KeepReferralPassCommand(
      f.referralId,
      f.groupId,
      f.patientResidentId,
      f.referringInstitutionId,
      f.receivingInstitutionId,
      OPEN_REFERRAL_STATUSES.includes(f.status),
      f.version,
    );
  }
}
