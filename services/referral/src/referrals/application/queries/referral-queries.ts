import { setTimeout as sleep } from 'node:timers/promises';
import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@medgrid/audit';
import { type Identity } from '@medgrid/auth';
import { FieldChecks, isUuid } from '@medgrid/errors';
import { type PageKey, pageOf, pageRequest, type PageRules } from '@medgrid/kernel';
import { type ReferralSnapshot } from '../../domain/referral';
import { type ReferralDirection } from '../../domain/referral-direction';
import { ReferralError, ReferralErrorCode } from '../../domain/referral-error';
import { type ReferralHistoryEntry } from '../../domain/referral-history';
import {
  type ReferralChange,
  type ReferralCursor,
  ReferralRepository,
} from '../../domain/referral.repository';
import { type ReferralStatus } from '../../domain/referral-status';
import { canViewReferral, visibilityOf } from '../referral-access.policy';
import { checkResidentId } from '../referral-content.checks';

const WATCH_BATCH = 100;

export interface ListReferralsInput {
  institutionId: string;
  patientResidentId: string;
  status: ReferralStatus | undefined;
  direction: ReferralDirection | undefined;
  createdFrom: Date | undefined;
  createdTo: Date | undefined;
  overdueOnly: boolean;
  pageSize: number;
  pageToken: string;
  purpose: string | undefined;
}

export interface ReferralPage {
  readonly referrals: ReferralSnapshot[];
  readonly nextPageToken: string;
}

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

const referralKey = (referral: ReferralSnapshot): PageKey => [referral.createdAt.toISOString(), referral.id];

/**
 * The caller's stated purpose (x-purpose, already trimmed; undefined when blank), for the audit
 * trail. It is call metadata, not a request field, so a violation names the metadata key.
 */
function purposeOf(checks: FieldChecks, purpose: string | undefined): string {
  checks.maxLength('x-purpose', purpose, 200);
  return purpose ?? 'treatment';
}

/**
 * Reads of referrals. Each one is filtered by what the caller may see and
 * audited (who, which referral, when, why) before the data leaves.
 */
@Injectable()
export class ReferralQueries {
  constructor(
    private readonly referrals: ReferralRepository,
    private readonly audit: AuditTrail,
  ) {}

  async get(
    identity: Identity,
    id: string,
    purpose: string | undefined,
  ): Promise<{ referral: ReferralSnapshot; history: ReferralHistoryEntry[] }> {
    const checks = new FieldChecks().uuid('id', id);
    const why = purposeOf(checks, purpose);
    checks.throwIfAny();
    const referral = (await this.referrals.findById(id.toLowerCase(), false))?.snapshot();
    if (!referral || !canViewReferral(identity, referral)) {
      throw new ReferralError(ReferralErrorCode.NotFound, `referral ${id} not found`, 'id');
    }
    await this.audit.recordRead(identity, { kind: 'referral', id: referral.id }, why);
    return { referral, history: await this.referrals.history(referral.id) };
  }

  async list(identity: Identity, input: ListReferralsInput, now = new Date()): Promise<ReferralPage> {
    const checks = new FieldChecks();
    const why = purposeOf(checks, input.purpose);
    const institutionId = input.institutionId.trim().toLowerCase();
    if (institutionId !== '') checks.uuid('institutionId', institutionId);
    const patient = input.patientResidentId.trim();
    const patientResidentId = patient === '' ? '' : checkResidentId(checks, 'patientResidentId', patient);
    const page = pageRequest(input, REFERRAL_PAGES);
    checks.addAll(page.problems);
    if (input.createdFrom && input.createdTo) {
      checks.check(
        'createdTo',
        input.createdTo > input.createdFrom,
        'OUT_OF_RANGE',
        'must be after createdFrom',
      );
    }
    checks.throwIfAny();
    const visibility = visibilityOf(identity);
    const rows = await this.referrals.list(
      visibility,
      {
        institutionId,
        patientResidentId: patientResidentId ?? '',
        status: input.status ?? null,
        direction: input.direction ?? null,
        createdFrom: input.createdFrom ?? null,
        createdTo: input.createdTo ?? null,
        overdueAt: input.overdueOnly ? now : null,
      },
      page.after,
      page.limit,
    );
    const { items, nextPageToken } = pageOf(rows, page, referralKey);
    await this.audit.recordReads(
      identity,
      items.map((referral) => ({ kind: 'referral', id: referral.id })),
      why,
    );
    return { referrals: items, nextPageToken };
  }

  /**
   * Changes of the referrals the caller may see, from a history position on,
   * for as long as the caller listens. Positions are handed out in commit
   * order (ReferralWriter), so polling after the last one misses nothing.
   */
  async *watch(
    identity: Identity,
    afterSeq: number,
    purpose: string | undefined,
    signal: AbortSignal,
    pollMs: number,
  ): AsyncGenerator<ReferralChange> {
    const checks = new FieldChecks();
    const why = purposeOf(checks, purpose);
    checks.check(
      'afterSeq',
      Number.isSafeInteger(afterSeq) && afterSeq >= 0,
      'OUT_OF_RANGE',
      'must be 0 or more',
    );
    checks.throwIfAny();
    const visibility = visibilityOf(identity);
    let seq = afterSeq === 0 ? await this.referrals.lastSeq() : afterSeq;
    while (!signal.aborted) {
      const changes = await this.referrals.changesAfter(visibility, seq, WATCH_BATCH);
      if (changes.length > 0) {
        await this.audit.recordReads(
          identity,
          [...new Set(changes.map((change) => change.referral.id))].map((id) => ({ kind: 'referral', id })),
          why,
        );
      }
      for (const change of changes) {
        yield change;
        seq = change.entry.seq;
      }
      if (changes.length < WATCH_BATCH) {
        await sleep(pollMs, undefined, { signal }).catch(() => undefined);
      }
    }
  }
}
