import { Brackets, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';

/**
 * Keyset paging over (name, id): the next page starts after the last row
 * served, so deep pages cost the same as the first and rows inserted
 * meanwhile do not shift the pages.
 */
export function orderByNameAfter<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  alias: string,
  after: { name: string; id: string } | undefined,
  limit: number,
): SelectQueryBuilder<T> {
  if (after) {
    query.andWhere(
      new Brackets((q) =>
        q
          .where(`${alias}.name > :afterName`, { afterName: after.name })
          .orWhere(`(${alias}.name = :afterName AND ${alias}.id > :afterId)`, { afterId: after.id }),
      ),
    );
  }
  return query.orderBy(`${alias}.name`, 'ASC').addOrderBy(`${alias}.id`, 'ASC').limit(limit);
}

/** Escapes LIKE wildcards in user text. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
