import { Injectable } from '@nestjs/common';
import { ClaimAdjudicatedEvent } from '@medgrid/contracts';
import { OutboxWriter } from '@medgrid/messaging';
import { adjudicationToProto, claimChangeToProto } from '../../contracts/claim.proto-mapper';
import { ClaimEventPublisher } from '../../domain/claim-event-publisher';
import { type ClaimChange } from '../../domain/claim-record';
import { type StoredClaim } from '../../domain/claim.repository';

/**
 * Writes ClaimAdjudicated to the outbox (medgrid.payment.claim.v1, keyed by claim id, the version as the aggregate
 * version) in the caller's transaction: what settlement counts, without the claim's lines.
 */
@Injectable()
export class ClaimOutboxPublisher extends ClaimEventPublisher {
  constructor(private readonly outbox: OutboxWriter) {
    super();
  }

  async claimAdjudicated(claim: StoredClaim, change: ClaimChange, at: Date): Promise<void> {
    const current = claim.record.current;
    const submission = current.submission;
    await this.outbox.append(ClaimAdjudicatedEvent, {
      aggregateId: claim.record.id,
      aggregateVersion: current.version,
      occurredAt: at,
      payload: {
        change: claimChangeToProto(change),
        claimId: claim.record.id,
        institutionId: submission.institutionId,
        groupId: claim.placement.groupId ?? '',
        regionId: claim.placement.regionId,
        residentId: submission.residentId,
        serviceDate: submission.serviceDate,
        version: current.version,
        occurredAt: at,
        diseaseGroup: submission.diseaseGroup ?? '',
        inpatientDays: submission.encounter.kind === 'inpatient' ? submission.encounter.days : 0,
        adjudication: adjudicationToProto(claim.adjudications[current.version - 1]!),
      },
    });
  }
}
