import { Injectable } from '@nestjs/common';
import { formularyEventsV1, FormularyChangedEvent } from '@medgrid/contracts';
import { OutboxWriter } from '@medgrid/messaging';
import {
  FormularyEventPublisher,
  type FormularyItemChange,
  type FormularyItemChanged,
} from '../../domain/formulary-event-publisher';

const CHANGE: Record<FormularyItemChange, formularyEventsV1.FormularyChange> = {
  stocked: formularyEventsV1.FormularyChange.FORMULARY_CHANGE_STOCKED,
  unstocked: formularyEventsV1.FormularyChange.FORMULARY_CHANGE_UNSTOCKED,
  'back-in-stock': formularyEventsV1.FormularyChange.FORMULARY_CHANGE_BACK_IN_STOCK,
  'out-of-stock': formularyEventsV1.FormularyChange.FORMULARY_CHANGE_OUT_OF_STOCK,
};

/** Writes the formulary's events to the outbox, in the caller's transaction: one statement however many items. */
@Injectable()
export class FormularyOutboxPublisher extends FormularyEventPublisher {
  constructor(private readonly outbox: OutboxWriter) {
    super();
  }

  async itemsChanged(changes: readonly FormularyItemChanged[], changedBy: string): Promise<void> {
    if (changes.length === 0) return;
    await this.outbox.appendMany(
      FormularyChangedEvent,
      changes.map((change) => ({
        // Keyed by institution: its changes are made under its formulary's lock, so they reach a consumer in the
        // order they were made. An item has no version of its own; the instant orders one item's announcements.
        aggregateId: change.institutionId,
        aggregateVersion: change.changedAt.getTime(),
        occurredAt: change.changedAt,
        payload: {
          groupId: change.groupId,
          institutionId: change.institutionId,
          drugCode: change.drugCode,
          change: CHANGE[change.change],
          stocked: change.stocked,
          onHand: change.onHand,
          changedAt: change.changedAt,
          changedBy,
        },
      })),
    );
  }
}
