import * as api from '../api/portal-api';
import { type Grid, type Institution, type MedicalGroup } from '../api/portal-types';

/** The city's grids, groups and institutions as the registry has them, read once a session. */
export interface CityDirectory {
  grids: Grid[];
  groups: MedicalGroup[];
  institutions: Institution[];
  institutionName: (id: string | undefined) => string;
}

let cached: Promise<CityDirectory> | null = null;

export function cityDirectory(): Promise<CityDirectory> {
  cached ??= loadDirectory().catch((error: unknown) => {
    cached = null;
    throw error;
  });
  return cached;
}

/** After sign-out another user may see another scope. */
export function forgetCityDirectory(): void {
  cached = null;
}

async function loadDirectory(): Promise<CityDirectory> {
  const [{ grids = [] }, { groups = [] }, institutions] = await Promise.all([
    api.listGrids(),
    api.listGroups(),
    allInstitutions(),
  ]);
  const names = new Map(institutions.map((i) => [i.id, i.name]));
  return {
    grids,
    groups: groups.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
    institutions,
    institutionName: (id) => (id ? (names.get(id) ?? id.slice(0, 8)) : ''),
  };
}

async function allInstitutions(): Promise<Institution[]> {
  const found: Institution[] = [];
  let pageToken: string | undefined;
  // A city has tens to a few hundred institutions; the page cap only guards against a loop.
  for (let page = 0; page < 20; page += 1) {
    const answer = await api.searchInstitutions({ pageToken });
    found.push(...(answer.institutions ?? []));
    pageToken = answer.nextPageToken;
    if (!pageToken) break;
  }
  return found;
}
