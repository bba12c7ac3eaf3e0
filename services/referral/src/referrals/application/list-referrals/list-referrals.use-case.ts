import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@medgrid/audit';
import { type Identity } from '@medgrid/auth';
import { type PageKey, pageOf } from '@medgrid/kernel';
import { type ReferralSnapshot } from '../../domain/referral';
import { ReferralRepository } from '../../domain/referral.repository';
import { visibilityOf } from '../referral-access.policy';
import { type ListReferralsQuery } from './list-referrals.query';

export interface ReferralPage {
  readonly referrals: ReferralSnapshot[];
  readonly nextPageToken: string;
}

const referralKey = (referral: ReferralSnapshot): PageKey => [referral.createdAt.toISOString(), referral.id];

/**
 * ListReferrals: a page of the referrals the caller may see, each read audited before the page
 * leaves. "Overdue only" means past the deadline at `now`.
 */
@Injectable()
export class ListReferralsUseCase {
  constructor(
    private readonly referrals: ReferralRepository,
    private readonly audit: AuditTrail,
  ) {}

  async execute(identity: Identity, query: ListReferralsQuery, now = new Date()): Promise<ReferralPage> {
    const rows = await this.referrals.list(
      visibilityOf(identity),
      {
        institutionId: query.institutionId,
        patientResidentId: query.patientResidentId,
        status: query.status ?? null,
        direction: query.direction ?? null,
        createdFrom: query.createdFrom ?? null,
        createdTo: query.createdTo ?? null,
        overdueAt: query.overdueOnly ? now : null,
      },
      query.page.after,
      query.page.limit,
    );
    const { items, nextPageToken } = pageOf(rows, query.page, referralKey);
    await this.audit.recordReads(
      identity,
      items.map((referral) => ({ kind: 'referral', id: referral.id })),
      query.purpose,
    );
    return { referrals: items, nextPageToken };
  }
}
