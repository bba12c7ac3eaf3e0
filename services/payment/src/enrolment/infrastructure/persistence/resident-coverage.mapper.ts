import { type Scheme } from '../../../common/domain/insurance';
import { type CoverageLoad } from '../../domain/coverage-load';
import { ResidentCoverage } from '../../domain/resident-coverage';
import { type CoverageLoadOrmEntity } from './coverage-load.orm-entity';
import { type CoverageSpellOrmEntity } from './coverage-spell.orm-entity';

// Every field is spelled out in both directions (no spreads), so a column added to an entity
// or a field added to the domain does not compile until it is mapped.

export function coverageToEntities(coverage: ResidentCoverage): CoverageSpellOrmEntity[] {
  const { residentId, spells } = coverage.snapshot();
  return spells.map((spell) => ({
    residentId,
    validFrom: spell.from,
    validUntil: spell.until,
    scheme: spell.scheme,
  }));
}

/** A resident's spells (any order) as their coverage, in date order. */
export function coverageFromEntities(
  residentId: string,
  rows: readonly CoverageSpellOrmEntity[],
): ResidentCoverage {
  return ResidentCoverage.restore({
    residentId,
    spells: [...rows]
      .sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1))
      .map((row) => ({ scheme: row.scheme as Scheme, from: row.validFrom, until: row.validUntil })),
  });
}

export function coverageLoadToEntity(load: CoverageLoad): CoverageLoadOrmEntity {
  return {
    id: load.id,
    residentCount: load.residentCount,
    report: load.report.map((row) => ({
      index: row.index,
      residentId: row.residentId,
      endedSpellFrom: row.endedSpellFrom,
    })),
    loadedBy: load.loadedBy.subject,
    loadedByRole: load.loadedBy.role,
    loadedAt: load.loadedAt,
  };
}

export function coverageLoadFromEntity(e: CoverageLoadOrmEntity): CoverageLoad {
  return {
    id: e.id,
    residentCount: e.residentCount,
    report: e.report.map((row) => ({
      index: row.index,
      residentId: row.residentId,
      endedSpellFrom: row.endedSpellFrom,
    })),
    loadedBy: { subject: e.loadedBy, role: e.loadedByRole },
    loadedAt: e.loadedAt,
  };
}
