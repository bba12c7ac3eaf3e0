import { Injectable } from '@nestjs/common';
import { drugCatalogueEventsV1, DrugChangedEvent } from '@medgrid/contracts';
import { OutboxWriter } from '@medgrid/messaging';
import { drugToProto } from '../../contracts/catalogue.proto-mapper';
import { type DrugChange, type DrugChanged } from '../../domain/drug-catalogue';
import { CatalogueEventPublisher } from '../../domain/catalogue-event-publisher';

const CHANGE: Record<DrugChange, drugCatalogueEventsV1.DrugChange> = {
  listed: drugCatalogueEventsV1.DrugChange.DRUG_CHANGE_LISTED,
  changed: drugCatalogueEventsV1.DrugChange.DRUG_CHANGE_CHANGED,
  withdrawn: drugCatalogueEventsV1.DrugChange.DRUG_CHANGE_WITHDRAWN,
};

/** Writes the catalogue's events to the outbox, in the caller's transaction: one statement however many drugs. */
@Injectable()
export class CatalogueOutboxPublisher extends CatalogueEventPublisher {
  constructor(private readonly outbox: OutboxWriter) {
    super();
  }

  async drugsChanged(changes: readonly DrugChanged[], changedBy: string): Promise<void> {
    await this.outbox.appendMany(
      DrugChangedEvent,
      changes.map((change) => ({
        // Keyed by group, so one group's changes reach a consumer in the order they were made.
        aggregateId: change.groupId,
        aggregateVersion: change.catalogueVersion,
        occurredAt: change.changedAt,
        payload: {
          groupId: change.groupId,
          change: CHANGE[change.change],
          code: change.code,
          drug: change.drug ? drugToProto(change.drug) : undefined,
          effectiveFrom: change.effectiveFrom,
          catalogueVersion: change.catalogueVersion,
          changedAt: change.changedAt,
          changedBy,
        },
      })),
    );
  }
}
