import { type Identity } from '@medgrid/auth';
import { FieldChecks } from '@medgrid/errors';

/** A validated request to read one referral, with the purpose the audit trail records. */
export class GetReferralQuery {
  private constructor(
    readonly identity: Identity,
    readonly id: string,
    readonly purpose: string,
  ) {}

  static create(identity: Identity, input: { id: string; purpose?: string }): GetReferralQuery {
    new FieldChecks().uuid('id', input.id).maxLength('purpose', input.purpose, 200).throwIfAny();
    return new GetReferralQuery(identity, input.id.toLowerCase(), input.purpose?.trim() || 'treatment');
  }
}
