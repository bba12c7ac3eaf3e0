import { Injectable } from '@nestjs/common';
import { type AtomicInserts, queryNamed, UnitOfWork } from '@medgrid/database';
import { type NewLookups } from '../../application/new-lookups';
import { type LookupOutcome, RecognitionLookup } from '../../domain/recognition-lookup';
import { type LookupTally, RecognitionLookupRepository } from '../../domain/recognition-lookup.repository';
import { RecognitionError, RecognitionErrorCode } from '../../domain/recognition-error';
import { lookupFromEntity, lookupToEntity } from './recognition-lookup.mapper';
import { RecognitionLookupOrmEntity } from './recognition-lookup.orm-entity';

/** recognition_lookup; joins the current UnitOfWork transaction, or stages a new look-up's row (NewLookups). */
@Injectable()
export class RecognitionLookupTypeormRepository extends RecognitionLookupRepository implements NewLookups {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  stage(inserts: AtomicInserts, lookup: RecognitionLookup): void {
    inserts.add(RecognitionLookupOrmEntity, lookupToEntity(lookup.snapshot()));
  }

  async find(id: string, lock: boolean): Promise<RecognitionLookup | null> {
    const row = await (lock ? this.uow.transactionalManager() : this.uow.manager())
      .getRepository(RecognitionLookupOrmEntity)
      .findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    return row ? RecognitionLookup.restore(lookupFromEntity(row)) : null;
  }

  async update(lookup: RecognitionLookup, readVersion: number): Promise<void> {
    const row = lookupToEntity(lookup.snapshot());
    const { affected } = await this.uow
      .transactionalManager()
      .update(RecognitionLookupOrmEntity, { id: row.id, version: readVersion }, row);
    if (affected !== 1) {
      throw new RecognitionError(
        RecognitionErrorCode.AlreadyDecided,
        `the look-up changed since it was read (version ${readVersion}): read it again`,
      );
    }
  }

  async latestFor(
    orderingInstitutionId: string,
    patientResidentId: string,
    itemCode: string,
    since: Date,
  ): Promise<RecognitionLookup | null> {
    const row = await this.uow.manager().findOne(RecognitionLookupOrmEntity, {
      where: { orderingInstitutionId, patientResidentId, itemCode },
      order: { lookedUpAt: 'DESC' },
    });
    if (!row || row.lookedUpAt.getTime() < since.getTime()) return null;
    return RecognitionLookup.restore(lookupFromEntity(row));
  }

  async wasOffered(orderingInstitutionId: string, resultId: string): Promise<boolean> {
    const rows = await queryNamed(
      this.uow.manager(),
      `SELECT 1 FROM recognition_lookup
        WHERE ordering_institution_id = :orderingInstitutionId
          AND offered @> jsonb_build_array(jsonb_build_object('resultId', :resultId::text))
        LIMIT 1`,
      { orderingInstitutionId, resultId },
    );
    return rows.length > 0;
  }

  async tally(groupId: string | null, since: Date): Promise<LookupTally[]> {
    const rows = await queryNamed<{
      institution_id: string;
      item_code: string;
      outcome: LookupOutcome;
      n: string;
    }>(
      this.uow.manager(),
      `SELECT ordering_institution_id AS institution_id, item_code, outcome, count(*) AS n
         FROM recognition_lookup
        WHERE looked_up_at >= :since AND (:groupId::uuid IS NULL OR group_id = :groupId::uuid)
        GROUP BY ordering_institution_id, item_code, outcome
        ORDER BY ordering_institution_id, item_code`,
      { since, groupId },
    );
    const tallies = new Map<string, LookupTally & { outcomes: Record<LookupOutcome, number> }>();
    for (const row of rows) {
      const key = `${row.institution_id}|${row.item_code}`;
      let tally = tallies.get(key);
      if (!tally) {
        tally = {
          institutionId: row.institution_id,
          itemCode: row.item_code,
          outcomes: { 'nothing-offered': 0, pending: 0, reused: 0, 'ordered-anyway': 0 },
        };
        tallies.set(key, tally);
      }
      tally.outcomes[row.outcome] = Number(row.n);
    }
    return [...tallies.values()];
  }
}
