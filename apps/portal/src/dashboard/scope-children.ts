import { type Referral } from '../api/portal-types';
import { type CityDirectory } from './city-directory';
import { referralInScope, type Scope, type ScopeFacts } from './scope';

export interface ScopeChild {
  scope: Scope;
  name: string;
  path: string;
}

/** One level down: the city's grids, a grid's group, a group's institutions; an institution has none. */
export function childrenOf(scope: Scope, directory: CityDirectory): ScopeChild[] {
  switch (scope.kind) {
    case 'city':
      return directory.grids.map((grid) => ({
        scope: { kind: 'grid', id: grid.id },
        name: grid.name,
        path: `/grids/${grid.id}`,
      }));
    case 'grid':
      return directory.groups
        .filter((group) => group.gridId === scope.id)
        .map((group) => ({
          scope: { kind: 'group', id: group.id },
          name: group.name,
          path: `/groups/${group.id}`,
        }));
    case 'group':
      return directory.institutions
        .filter((institution) => institution.groupId === scope.id)
        .map((institution) => ({
          scope: { kind: 'institution', id: institution.id },
          name: institution.name,
          path: `/institutions/${institution.id}`,
        }));
    case 'institution':
      return [];
  }
}

/** The trail from the city down to a scope, each step with its name and path. */
export function trailTo(scope: Scope, directory: CityDirectory): ScopeChild[] {
  const city: ScopeChild = { scope: { kind: 'city' }, name: '', path: '/' };
  const gridStep = (gridId: string | undefined): ScopeChild[] => {
    const grid = directory.grids.find((g) => g.id === gridId);
    return grid ? [{ scope: { kind: 'grid', id: grid.id }, name: grid.name, path: `/grids/${grid.id}` }] : [];
  };
  const groupStep = (groupId: string | undefined): ScopeChild[] => {
    const group = directory.groups.find((g) => g.id === groupId);
    return group
      ? [
          ...gridStep(group.gridId),
          { scope: { kind: 'group', id: group.id }, name: group.name, path: `/groups/${group.id}` },
        ]
      : [];
  };
  switch (scope.kind) {
    case 'city':
      return [city];
    case 'grid':
      return [city, ...gridStep(scope.id)];
    case 'group':
      return [city, ...groupStep(scope.id)];
    case 'institution': {
      const institution = directory.institutions.find((i) => i.id === scope.id);
      const self: ScopeChild[] = institution
        ? [{ scope, name: institution.name, path: `/institutions/${institution.id}` }]
        : [];
      return [
        city,
        ...(institution?.groupId ? groupStep(institution.groupId) : gridStep(institution?.gridId)),
        ...self,
      ];
    }
  }
}

/** Referrals up and down of each child. */
export function referralsByChild(
  children: readonly ScopeChild[],
  referrals: readonly Referral[],
  facts: ScopeFacts,
) {
  return children.map((child) => {
    const own = referrals.filter((referral) => referralInScope(referral, child.scope, facts));
    return {
      child,
      upward: own.filter((r) => r.direction === 'REFERRAL_DIRECTION_UPWARD').length,
      downward: own.filter((r) => r.direction === 'REFERRAL_DIRECTION_DOWNWARD').length,
    };
  });
}
