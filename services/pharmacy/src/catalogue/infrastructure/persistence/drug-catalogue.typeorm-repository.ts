import { Injectable } from '@nestjs/common';
import { lockForTransaction, queryNamed, UnitOfWork } from '@medgrid/database';
import { In, MoreThanOrEqual } from 'typeorm';
import { CatalogueError, CatalogueErrorCode } from '../../domain/catalogue-error';
import { DrugCatalogue, type DrugChanged, type DrugHistory } from '../../domain/drug-catalogue';
import {
  type CatalogueChangeKind,
  type CatalogueEditor,
  type CatalogueHead,
  DrugCatalogueRepository,
} from '../../domain/drug-catalogue.repository';
import { drugVersionFromEntity, drugVersionToEntity } from './drug-catalogue.mapper';
import { DrugCatalogueChangeOrmEntity } from './drug-catalogue-change.orm-entity';
import { DrugCatalogueOrmEntity } from './drug-catalogue.orm-entity';
import { DrugVersionOrmEntity } from './drug-version.orm-entity';

/**
 * drug_catalogue (the version), drug_version (every version of every drug) and drug_catalogue_change (who changed
 * what); joins the current UnitOfWork transaction.
 */
@Injectable()
export class DrugCatalogueTypeormRepository extends DrugCatalogueRepository {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  async load(groupId: string, lock: boolean): Promise<DrugCatalogue> {
    // A group with no catalogue yet has no row to lock, so changes queue on an advisory lock.
    if (lock) await lockForTransaction(this.uow.transactionalManager(), `drug-catalogue:${groupId}`);
    const head = await this.uow.manager().findOneBy(DrugCatalogueOrmEntity, { groupId });
    if (!head) return DrugCatalogue.empty(groupId);
    const rows = await this.uow.manager().find(DrugVersionOrmEntity, {
      where: { groupId },
      order: { code: 'ASC', effectiveFrom: 'ASC' },
    });
    return restore(head, rows);
  }

  async part(
    groupId: string,
    which: { readonly codes?: readonly string[]; readonly genericNameContains?: string },
  ): Promise<DrugCatalogue> {
    const db = this.uow.manager();
    const head = await db.findOneBy(DrugCatalogueOrmEntity, { groupId });
    if (!head) return DrugCatalogue.empty(groupId);
    // The codes asked for, and every code of the same generic and form as any version of theirs, in one statement.
    const codes = await queryNamed<{ code: string }>(
      db,
      `WITH asked AS (
         SELECT DISTINCT generic_name, dosage_form FROM drug_version
          WHERE group_id = :groupId AND NOT withdrawn
            AND (code = ANY(:codes::text[]) OR (:contains::text IS NOT NULL AND generic_name LIKE '%' || :contains || '%'))
       )
       SELECT DISTINCT v.code FROM drug_version v JOIN asked a
           ON v.generic_name = a.generic_name AND v.dosage_form = a.dosage_form
        WHERE v.group_id = :groupId
       UNION
       SELECT code FROM drug_version WHERE group_id = :groupId AND code = ANY(:codes::text[])`,
      {
        groupId,
        codes: [...(which.codes ?? [])],
        contains: which.genericNameContains === undefined ? null : escapeLike(which.genericNameContains),
      },
    );
    const rows = codes.length
      ? await db.find(DrugVersionOrmEntity, {
          where: { groupId, code: In(codes.map((row) => row.code)) },
          order: { code: 'ASC', effectiveFrom: 'ASC' },
        })
      : [];
    return restore(head, rows);
  }

  async head(groupId: string): Promise<CatalogueHead> {
    const db = this.uow.manager();
    const head = await db.findOneBy(DrugCatalogueOrmEntity, { groupId });
    if (!head) return { groupId, version: 0, changedAt: null, drugCount: 0 };
    const [count] = await queryNamed<{ n: number }>(
      db,
      `SELECT count(DISTINCT code)::int AS n FROM drug_version WHERE group_id = :groupId`,
      { groupId },
    );
    return { groupId, version: head.version, changedAt: head.changedAt, drugCount: count?.n ?? 0 };
  }

  async save(
    catalogue: DrugCatalogue,
    changes: readonly DrugChanged[],
    readVersion: number,
    kind: CatalogueChangeKind,
    editor: CatalogueEditor,
  ): Promise<void> {
    if (changes.length === 0) return;
    const db = this.uow.transactionalManager();
    const state = catalogue.snapshot();
    const changedAt = changes[changes.length - 1]!.changedAt;
    if (readVersion === 0) {
      const inserted = await queryNamed(
        db,
        `INSERT INTO drug_catalogue (group_id, version, changed_at)
         VALUES (:groupId, :version, :changedAt)
         ON CONFLICT (group_id) DO NOTHING
         RETURNING group_id`,
        { groupId: state.groupId, version: state.version, changedAt },
      );
      if (inserted.length === 0) throw stale(state.groupId, readVersion);
    } else {
      const { affected } = await db.update(
        DrugCatalogueOrmEntity,
        { groupId: state.groupId, version: readVersion },
        { version: state.version, changedAt },
      );
      if (affected !== 1) throw stale(state.groupId, readVersion);
    }
    // A change supersedes the versions of its drug from its instant on (none of them in force yet).
    for (const change of changes) {
      await db.delete(DrugVersionOrmEntity, {
        groupId: state.groupId,
        code: change.code,
        effectiveFrom: MoreThanOrEqual(change.effectiveFrom),
      });
    }
    const rows = changes.map((change) =>
      drugVersionToEntity(state.groupId, change.code, {
        drug: change.drug,
        effectiveFrom: change.effectiveFrom,
        recordedAt: change.changedAt,
      }),
    );
    // In slices, so a big load stays under PostgreSQL's parameter limit.
    for (let i = 0; i < rows.length; i += 500) await db.insert(DrugVersionOrmEntity, rows.slice(i, i + 500));
    await db.insert(DrugCatalogueChangeOrmEntity, {
      groupId: state.groupId,
      version: state.version,
      change: kind,
      drugCount: changes.length,
      effectiveFrom: changes[0]!.effectiveFrom,
      changedBy: editor.subject,
      changedByRole: editor.role,
      changedAt,
    });
  }
}

function restore(head: DrugCatalogueOrmEntity, rows: readonly DrugVersionOrmEntity[]): DrugCatalogue {
  const histories = new Map<string, DrugHistory['versions'][number][]>();
  for (const row of rows) {
    const versions = histories.get(row.code) ?? [];
    versions.push(drugVersionFromEntity(row));
    histories.set(row.code, versions);
  }
  return DrugCatalogue.restore({
    groupId: head.groupId,
    version: head.version,
    changedAt: head.changedAt,
    drugs: [...histories].map(([code, versions]) => ({ code, versions })),
  });
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function stale(groupId: string, readVersion: number): CatalogueError {
  return new CatalogueError(
    CatalogueErrorCode.StaleCatalogueVersion,
    `the catalogue of group ${groupId} is no longer at version ${readVersion}: read it again and redo the change`,
    'fromVersion',
  );
}
