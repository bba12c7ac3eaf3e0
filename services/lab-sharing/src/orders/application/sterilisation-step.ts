import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { ClientRequests, clientRequestOf } from '@medgrid/idempotency';
import { counter } from '@medgrid/telemetry';
import { OrderError, OrderErrorCode } from '../domain/order-error';
import {
  type SterilisationBatch,
  type SterilisationBatchChanged,
  type SterilisationBatchSnapshot,
} from '../domain/sterilisation-batch';
import { SterilisationBatchRepository } from '../domain/sterilisation-batch.repository';
import { SterilisationEventPublisher } from '../domain/sterilisation-event-publisher';
import { SterilisationAccess } from './sterilisation-access.policy';

const batchChanges = counter(
  'medgrid_lab_sharing_sterilisation_changes_total',
  'Sterilisation batch steps taken',
  ['change'],
);

/** Who takes a step on a batch: the centre's host institution, or the site that sent it. */
export type SterilisationParty = 'centre' | 'sender';

/**
 * How every step on a stored batch runs (receive, record a cycle, dispatch, confirm the return): found and
 * locked, the caller checked as the party that takes the step, a retry answered with the batch as it is, the
 * change stored from the version read and announced in the same transaction, counted once committed.
 */
@Injectable()
export class SterilisationStep {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly batches: SterilisationBatchRepository,
    private readonly requests: ClientRequests,
    private readonly events: SterilisationEventPublisher,
  ) {}

  async run(
    identity: Identity,
    operation: string,
    command: { readonly clientRequestId: string; readonly batchId: string },
    party: SterilisationParty,
    action: string,
    apply: (batch: SterilisationBatch, institutionId: string) => void,
  ): Promise<SterilisationBatchSnapshot> {
    const done = await this.uow.run(async () => {
      const batch = await this.batches.findById(command.batchId, true);
      if (!batch) {
        throw new OrderError(OrderErrorCode.NotFound, 'no sterilisation batch with this id', 'batchId');
      }
      const found = batch.snapshot();
      SterilisationAccess.require(
        party === 'centre'
          ? SterilisationAccess.canHandleAtCentre(identity, found)
          : SterilisationAccess.canActForSender(identity, found.sendingInstitutionId),
        action,
      );
      if (await this.requests.isRetry(clientRequestOf(operation, command), found.id)) {
        return { batch: found, events: [] as SterilisationBatchChanged[] };
      }
      apply(batch, identity.institutionId!);
      const events = batch.pullEvents();
      await this.batches.update(batch, found.version);
      await this.events.batchesChanged(events);
      return { batch: batch.snapshot(), events };
    });
    this.count(done.events);
    return done.batch;
  }

  count(events: readonly SterilisationBatchChanged[]): void {
    for (const event of events) batchChanges.inc({ change: event.change });
  }
}
