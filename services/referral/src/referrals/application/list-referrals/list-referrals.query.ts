import { isUuid, pageFields, parseFields, refusal, requestField } from '@medgrid/errors';
import { pageRequest, type PageRequest, type PageRules } from '@medgrid/kernel';
import { z } from 'zod';
import { type ReferralDirection } from '../../domain/referral-direction';
import { type ReferralStatus } from '../../domain/referral-status';
import { type ReferralCursor } from '../../domain/referral.repository';
import { optionalIdField, optionalResidentIdField } from '../referral-fields';

/** ListReferrals pages by creation, then id: 50 referrals unless asked, at most 200. */
const REFERRAL_PAGES: PageRules<ReferralCursor> = {
  max: 200,
  default: 50,
  keyLength: 2,
  cursor: ([at, id]) => {
    const createdAt = new Date(String(at));
    if (typeof id !== 'string' || !isUuid(id) || Number.isNaN(createdAt.getTime())) return null;
    return { createdAt, id };
  },
  tokenReason: 'INVALID_VALUE',
};

/** The filters as a list request carries them; the creation window's end is judged against its start. */
function fieldsOf(input: { createdFrom?: Date | undefined }) {
  return z.object({
    institutionId: optionalIdField(),
    patientResidentId: optionalResidentIdField(),
    status: z.custom<ReferralStatus | undefined>(),
    direction: z.custom<ReferralDirection | undefined>(),
    createdFrom: z.date().optional(),
    createdTo: z
      .date()
      .optional()
      .refine(
        (to) => !to || !input.createdFrom || to > input.createdFrom,
        refusal('OUT_OF_RANGE', 'must be after createdFrom'),
      ),
    overdueOnly: z.boolean(),
    ...pageFields(REFERRAL_PAGES),
    'x-purpose': requestField.purpose(),
  });
}

export type ListReferralsInput = z.input<ReturnType<typeof fieldsOf>>;

/** ListReferrals: the referrals the caller may see, filtered, a page at a time, newest first. */
export class ListReferralsQuery {
  private constructor(
    /** Lower case; empty for any. */
    readonly institutionId: string,
    /** Check character upper-cased; empty for any patient. */
    readonly patientResidentId: string,
    readonly status: ReferralStatus | undefined,
    readonly direction: ReferralDirection | undefined,
    readonly createdFrom: Date | undefined,
    readonly createdTo: Date | undefined,
    readonly overdueOnly: boolean,
    readonly page: PageRequest<ReferralCursor>,
    /** Why the caller reads (x-purpose), for the audit trail. */
    readonly purpose: string,
  ) {}

  /** Reports every bad field at once (INVALID_ARGUMENT with a violation per field). */
  static create(input: ListReferralsInput): ListReferralsQuery {
    const q = parseFields(fieldsOf(input), input);
    return new ListReferralsQuery(
      q.institutionId,
      q.patientResidentId,
      q.status,
      q.direction,
      q.createdFrom,
      q.createdTo,
      q.overdueOnly,
      pageRequest(q, REFERRAL_PAGES),
      q['x-purpose'],
    );
  }
}
