import { Injectable } from '@nestjs/common';
import {
  CatalogueChangedEvent,
  OrderedAnywayEvent,
  ResultReusedEvent,
  resultEventsV1,
} from '@medgrid/contracts';
import { OutboxWriter } from '@medgrid/messaging';
import { catalogueToProto, lookupToProto } from '../../contracts/recognition.proto-mapper';
import { type CatalogueChanged, type RecognitionCatalogueSnapshot } from '../../domain/recognition-catalogue';
import { RecognitionEventPublisher } from '../../domain/recognition-event-publisher';
import { type LookupChanged } from '../../domain/recognition-lookup';

const CHANGE = {
  loaded: resultEventsV1.CatalogueChange.CATALOGUE_CHANGE_LOADED,
  'item-put': resultEventsV1.CatalogueChange.CATALOGUE_CHANGE_ITEM_PUT,
  'item-removed': resultEventsV1.CatalogueChange.CATALOGUE_CHANGE_ITEM_REMOVED,
} as const;

/** Writes the recognition context's events to the outbox, in the caller's transaction. */
@Injectable()
export class RecognitionOutboxPublisher extends RecognitionEventPublisher {
  constructor(private readonly outbox: OutboxWriter) {
    super();
  }

  async catalogueChanged(
    change: CatalogueChanged,
    catalogue: RecognitionCatalogueSnapshot,
    changedBy: string,
  ): Promise<void> {
    await this.outbox.append(CatalogueChangedEvent, {
      aggregateId: catalogue.regionId,
      aggregateVersion: change.version,
      occurredAt: change.changedAt,
      payload: {
        change: CHANGE[change.change],
        catalogue: catalogueToProto({
          regionId: catalogue.regionId,
          version: change.version,
          changedAt: change.changedAt,
          itemCount: catalogue.items.length,
        }),
        itemCode: change.itemCode ?? '',
        changedBy,
      },
    });
  }

  async lookupDecided({ change, lookup }: LookupChanged): Promise<void> {
    if (change === 'looked-up') return;
    const event = {
      aggregateId: lookup.id,
      aggregateVersion: lookup.version,
      occurredAt: lookup.decidedAt ?? lookup.lookedUpAt,
      payload: { lookup: lookupToProto(lookup, true) },
    };
    if (change === 'result-reused') await this.outbox.append(ResultReusedEvent, event);
    else await this.outbox.append(OrderedAnywayEvent, event);
  }
}
