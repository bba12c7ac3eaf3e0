import { type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { type SessionView } from '../../domain/session';
import { ClinicSessionOrmEntity } from './clinic-session.orm-entity';
import { SeatOrmEntity } from './seat.orm-entity';
import { sessionViewFromEntity } from './session.mapper';

// A session view is a session's row and its free seats per pool: the select that reads both, and the
// mapping of its answer (alone, or as part of a larger statement such as a claim's context).

/** The raw columns a session view adds to its session (count(*) arrives as text). */
interface FreeSeatColumns {
  free_reserved: string;
  free_public: string;
}

/** The free seats of a pool of the session on alias `s`, as a scalar subquery. */
function freeSeats(pool: 'reserved' | 'public') {
  return (query: SelectQueryBuilder<ClinicSessionOrmEntity>) =>
    query
      .subQuery()
      .select('count(*)')
      .from(SeatOrmEntity, 'f')
      // The outer alias is named by its column: a subquery does not know the outer entity.
      .where(`f.sessionId = s.id AND f.pool = '${pool}' AND f.bookingId IS NULL`);
}

/** Sessions on alias `s` with their free seats per pool; add the filters, then read with readSessionViews. */
export function sessionViewQuery(manager: EntityManager): SelectQueryBuilder<ClinicSessionOrmEntity> {
  return manager
    .createQueryBuilder(ClinicSessionOrmEntity, 's')
    .addSelect(freeSeats('reserved'), 'free_reserved')
    .addSelect(freeSeats('public'), 'free_public');
}

/** A sessionViewQuery's answer, each session with its own counts (no joins, so one raw row per session). */
export async function readSessionViews(
  query: SelectQueryBuilder<ClinicSessionOrmEntity>,
): Promise<SessionView[]> {
  const { entities, raw } = await query.getRawAndEntities<FreeSeatColumns>();
  return entities.map((session, i) => sessionViewFromColumns(session, raw[i]!));
}

/**
 * A session view from a raw row of a sessionViewQuery's SQL run inside a larger statement (its
 * columns are `s_<column>`, converted here as TypeORM converts an entity it reads).
 */
export function sessionViewFromRaw(manager: EntityManager, row: Record<string, unknown>): SessionView {
  const metadata = manager.connection.getMetadata(ClinicSessionOrmEntity);
  const session = metadata.create() as ClinicSessionOrmEntity;
  for (const column of metadata.columns) {
    const value = row[`s_${column.databaseName}`];
    column.setEntityValue(session, manager.connection.driver.prepareHydratedValue(value, column));
  }
  return sessionViewFromColumns(session, row as unknown as FreeSeatColumns);
}

function sessionViewFromColumns(session: ClinicSessionOrmEntity, counts: FreeSeatColumns): SessionView {
  return sessionViewFromEntity(session, {
    reserved: Number(counts.free_reserved),
    public: Number(counts.free_public),
  });
}
