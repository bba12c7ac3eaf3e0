import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { type ClientRequest, ClientRequests } from '@medgrid/idempotency';
import { RegistryView } from '@medgrid/registry-view';
import { type CatalogueItem } from '../domain/catalogue-item';
import {
  type RecognitionCatalogue,
  type RecognitionCatalogueSnapshot,
} from '../domain/recognition-catalogue';
import { RecognitionCatalogueRepository } from '../domain/recognition-catalogue.repository';
import { RecognitionError, RecognitionErrorCode } from '../domain/recognition-error';
import { RecognitionEventPublisher } from '../domain/recognition-event-publisher';
import { RecognitionAccess } from './recognition-access.policy';
import { RegionItems } from './region-items';

/** A catalogue as an edit answers it: its version and, for a put, the item as stored. */
export interface CatalogueEdited {
  readonly catalogue: Omit<RecognitionCatalogueSnapshot, 'items'> & { readonly itemCount: number };
  readonly item: CatalogueItem | null;
}

/**
 * What every catalogue edit does the same way: a city operator's request, for a city the registry knows, on the
 * region's catalogue locked, the change made from the version the caller read, stored with its history and
 * announced (CatalogueChanged) in one transaction; a retry is answered with the catalogue as it stands.
 */
@Injectable()
export class CatalogueEdit {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly catalogues: RecognitionCatalogueRepository,
    private readonly events: RecognitionEventPublisher,
    private readonly registry: RegistryView,
    private readonly requests: ClientRequests,
    private readonly regionItems: RegionItems,
  ) {}

  async run(
    identity: Identity,
    request: ClientRequest,
    regionId: string,
    /** The item a put answers with; null for a load or a removal. */
    itemCode: string | null,
    change: (catalogue: RecognitionCatalogue) => void,
  ): Promise<CatalogueEdited> {
    RecognitionAccess.require(RecognitionAccess.canEditCatalogue(identity), "edit a region's catalogue");
    if (!(await this.registry.city(regionId))) {
      throw new RecognitionError(
        RecognitionErrorCode.UnknownRegion,
        'no city with this id is known: a catalogue is kept per city',
        'regionId',
      );
    }
    return this.uow.run(async () => {
      const catalogue = await this.catalogues.load(regionId, true);
      return this.requests.createOnce(request, {
        load: (earlier) =>
          Promise.resolve(earlier.startsWith(`${regionId}:`) ? edited(catalogue, itemCode) : null),
        create: async () => {
          const readVersion = catalogue.version;
          change(catalogue);
          const changes = catalogue.pullEvents();
          await this.catalogues.save(catalogue, changes, readVersion, identity);
          const snapshot = catalogue.snapshot();
          for (const changed of changes) {
            await this.events.catalogueChanged(changed, snapshot, identity.subject);
          }
          this.uow.afterCommit(() => this.regionItems.forget(regionId));
          return { id: `${regionId}:${catalogue.version}`, result: edited(catalogue, itemCode) };
        },
      });
    });
  }
}

function edited(catalogue: RecognitionCatalogue, itemCode: string | null): CatalogueEdited {
  const { items, ...rest } = catalogue.snapshot();
  const item = itemCode === null ? null : (catalogue.item(itemCode) ?? null);
  return { catalogue: { ...rest, itemCount: items.length }, item };
}
