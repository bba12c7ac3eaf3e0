import { type ruleServiceV1 } from '@medgrid/contracts';
import { type DiseaseGroupPoints, type DiseaseGroupTable } from '../domain/disease-group-points';

export function diseaseGroupFromProto(g: ruleServiceV1.DiseaseGroupPoints): DiseaseGroupPoints {
  return {
    code: g.code.trim(),
    name: g.name.trim(),
    points: g.points,
    primaryLevel: g.primaryLevel,
    from: g.from,
    until: g.until.trim() || null,
  };
}

/** A table as answered: every group of a write, or those in force on `on` for a read. */
export function diseaseGroupTableToProto(table: DiseaseGroupTable, on = ''): ruleServiceV1.DiseaseGroupTable {
  const s = table.snapshot();
  return {
    regionId: s.fundId,
    version: s.version,
    groups: s.groups.map((g) => ({
      code: g.code,
      name: g.name,
      points: g.points,
      primaryLevel: g.primaryLevel,
      from: g.from,
      until: g.until ?? '',
    })),
    levelFactors: {
      primaryBp: s.levelFactorBp.primary,
      secondaryBp: s.levelFactorBp.secondary,
      tertiaryBp: s.levelFactorBp.tertiary,
    },
    on,
  };
}
