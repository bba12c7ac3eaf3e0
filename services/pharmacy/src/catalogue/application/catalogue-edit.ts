import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { type ClientRequest, ClientRequests } from '@medgrid/idempotency';
import { CatalogueEventPublisher } from '../domain/catalogue-event-publisher';
import { type DrugCatalogue, type DrugVersion } from '../domain/drug-catalogue';
import {
  type CatalogueChangeKind,
  type CatalogueHead,
  DrugCatalogueRepository,
} from '../domain/drug-catalogue.repository';
import { CatalogueAccess } from './catalogue-access.policy';

/** A catalogue as an edit answers it: its head and, for a put, the drug's version as recorded. */
export interface CatalogueEdited {
  readonly catalogue: CatalogueHead;
  readonly version: DrugVersion | null;
}

/**
 * What every catalogue edit does the same way: a group administrator's request, on the group's catalogue locked,
 * the change made from the version the caller read, stored with every version it records and announced (a
 * DrugChanged per drug) in one transaction; a retry is answered with the catalogue as it stands.
 */
@Injectable()
export class CatalogueEdit {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly catalogues: DrugCatalogueRepository,
    private readonly events: CatalogueEventPublisher,
    private readonly requests: ClientRequests,
  ) {}

  async run(
    identity: Identity,
    request: ClientRequest,
    kind: CatalogueChangeKind,
    /** The drug and instant a put answers with; null for a load. */
    put: { readonly code: string; readonly effectiveFrom: Date } | null,
    change: (catalogue: DrugCatalogue) => void,
  ): Promise<CatalogueEdited> {
    const groupId = CatalogueAccess.require(
      identity,
      CatalogueAccess.canEdit(identity),
      "change a group's drug catalogue",
    );
    return this.uow.run(async () => {
      const catalogue = await this.catalogues.load(groupId, true);
      return this.requests.createOnce(request, {
        load: (earlier) => Promise.resolve(earlier.startsWith(`${groupId}:`) ? edited(catalogue, put) : null),
        create: async () => {
          const readVersion = catalogue.version;
          change(catalogue);
          const changes = catalogue.pullEvents();
          await this.catalogues.save(catalogue, changes, readVersion, kind, identity);
          await this.events.drugsChanged(changes, identity.subject);
          return { id: `${groupId}:${catalogue.version}`, result: edited(catalogue, put) };
        },
      });
    });
  }
}

/** The head of a catalogue in hand (every drug of it loaded). */
export function headOf(catalogue: DrugCatalogue): CatalogueHead {
  const { drugs, groupId, version, changedAt } = catalogue.snapshot();
  return { groupId, version, changedAt, drugCount: drugs.length };
}

function edited(
  catalogue: DrugCatalogue,
  put: { readonly code: string; readonly effectiveFrom: Date } | null,
): CatalogueEdited {
  const versions = put
    ? (catalogue.snapshot().drugs.find((history) => history.code === put.code)?.versions ?? [])
    : [];
  const version =
    versions.find((v) => v.effectiveFrom.getTime() === put?.effectiveFrom.getTime()) ??
    versions.at(-1) ??
    null;
  return { catalogue: headOf(catalogue), version };
}
