import { Injectable } from '@nestjs/common';
import { lockForTransaction, queryNamed, UnitOfWork } from '@medgrid/database';
import { type CatalogueItem } from '../../domain/catalogue-item';
import { type CatalogueChanged, RecognitionCatalogue } from '../../domain/recognition-catalogue';
import {
  type CatalogueEditor,
  RecognitionCatalogueRepository,
} from '../../domain/recognition-catalogue.repository';
import { RecognitionError, RecognitionErrorCode } from '../../domain/recognition-error';
import { catalogueItemFromEntity, catalogueItemToEntity } from './recognition-catalogue.mapper';
import { RecognitionCatalogueChangeOrmEntity } from './recognition-catalogue-change.orm-entity';
import { RecognitionCatalogueItemOrmEntity } from './recognition-catalogue-item.orm-entity';
import { RecognitionCatalogueOrmEntity } from './recognition-catalogue.orm-entity';

/**
 * recognition_catalogue (the version), recognition_catalogue_item (the current items) and
 * recognition_catalogue_change (the history); joins the current UnitOfWork transaction.
 */
@Injectable()
export class RecognitionCatalogueTypeormRepository extends RecognitionCatalogueRepository {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  async load(regionId: string, lock: boolean): Promise<RecognitionCatalogue> {
    // A region with no catalogue yet has no row to lock, so changes queue on an advisory lock.
    if (lock) await lockForTransaction(this.uow.transactionalManager(), `recognition-catalogue:${regionId}`);
    const db = this.uow.manager();
    const head = await db.findOneBy(RecognitionCatalogueOrmEntity, { regionId });
    if (!head) return RecognitionCatalogue.empty(regionId);
    const items = await db.find(RecognitionCatalogueItemOrmEntity, {
      where: { regionId },
      order: { code: 'ASC' },
    });
    return RecognitionCatalogue.restore({
      regionId,
      version: head.version,
      items: items.map(catalogueItemFromEntity),
      changedAt: head.changedAt,
    });
  }

  async findItem(regionId: string, code: string): Promise<CatalogueItem | null> {
    const row = await this.uow.manager().findOneBy(RecognitionCatalogueItemOrmEntity, { regionId, code });
    return row ? catalogueItemFromEntity(row) : null;
  }

  async save(
    catalogue: RecognitionCatalogue,
    changes: readonly CatalogueChanged[],
    readVersion: number,
    editor: CatalogueEditor,
  ): Promise<void> {
    if (changes.length === 0) return;
    const db = this.uow.transactionalManager();
    const state = catalogue.snapshot();
    const last = changes[changes.length - 1]!;
    if (readVersion === 0) {
      const inserted = await queryNamed(
        db,
        `INSERT INTO recognition_catalogue (region_id, version, changed_at)
         VALUES (:regionId, :version, :changedAt)
         ON CONFLICT (region_id) DO NOTHING
         RETURNING region_id`,
        { regionId: state.regionId, version: state.version, changedAt: last.changedAt },
      );
      if (inserted.length === 0) throw stale(state.regionId, readVersion);
    } else {
      const { affected } = await db.update(
        RecognitionCatalogueOrmEntity,
        { regionId: state.regionId, version: readVersion },
        { version: state.version, changedAt: last.changedAt },
      );
      if (affected !== 1) throw stale(state.regionId, readVersion);
    }
    for (const change of changes) {
      const item = change.itemCode === null ? null : catalogue.item(change.itemCode);
      switch (change.change) {
        case 'loaded':
          await db.delete(RecognitionCatalogueItemOrmEntity, { regionId: state.regionId });
          if (state.items.length) {
            await db.insert(
              RecognitionCatalogueItemOrmEntity,
              state.items.map((i) => catalogueItemToEntity(state.regionId, i)),
            );
          }
          break;
        case 'item-put':
          await db.upsert(RecognitionCatalogueItemOrmEntity, catalogueItemToEntity(state.regionId, item!), [
            'regionId',
            'code',
          ]);
          break;
        case 'item-removed':
          await db.delete(RecognitionCatalogueItemOrmEntity, {
            regionId: state.regionId,
            code: change.itemCode!,
          });
          break;
      }
      await db.insert(RecognitionCatalogueChangeOrmEntity, {
        regionId: state.regionId,
        version: change.version,
        change: change.change,
        itemCode: change.itemCode,
        items: change.change === 'loaded' ? [...state.items] : item ? [item] : null,
        changedBy: editor.subject,
        changedByRole: editor.role,
        changedAt: change.changedAt,
      });
    }
  }
}

function stale(regionId: string, readVersion: number): RecognitionError {
  return new RecognitionError(
    RecognitionErrorCode.StaleCatalogueVersion,
    `the catalogue of region ${regionId} is no longer at version ${readVersion}: read it again and redo the change`,
    'fromVersion',
  );
}
