import * as api from '../api/portal-api';
import {
  type FirstContactFigures,
  type MedicalGroup,
  type PrescribingFigures,
  type RecognitionFigures,
  type SettlementRun,
} from '../api/portal-types';
import { shanghaiDate } from '../format/shanghai-time';
import { type CityDirectory } from './city-directory';
import { institutionsIn, type Scope } from './scope';

/** The window the care indicators are counted over: the last 30 local days, today included. */
export const CARE_WINDOW_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface CareData {
  /** Local days counted, YYYY-MM-DD. */
  from: string;
  until: string;
  /** Each is null when its service did not answer (down, or refused the user); the page says so. */
  firstContacts: FirstContactFigures[] | null;
  recognition: RecognitionFigures[] | null;
  prescribing: PrescribingFigures[] | null;
  /** The month settled runs are shown for (last month), and each group's run, null while it is not settled. */
  month: string;
  settlements: { group: MedicalGroup; run: SettlementRun | null }[];
  inScope: (institutionId: string) => boolean;
}

/** The month before the one `now` falls in, YYYY-MM, as the city's calendar has it. */
export function previousMonth(now: Date): string {
  const [year, month] = shanghaiDate(now).split('-').map(Number) as [number, number];
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

function groupsInScope(scope: Scope, directory: CityDirectory): MedicalGroup[] {
  switch (scope.kind) {
    case 'city':
      return directory.groups;
    case 'grid':
      return directory.groups.filter((group) => group.gridId === scope.id);
    case 'group':
      return directory.groups.filter((group) => group.id === scope.id);
    case 'institution': {
      const groupId = directory.institutions.find((i) => i.id === scope.id)?.groupId;
      return directory.groups.filter((group) => group.id === groupId);
    }
  }
}

/** The indicators payment, pharmacy and lab-sharing count, for one scope of the dashboard. */
export async function loadCare(scope: Scope, directory: CityDirectory, now: Date): Promise<CareData> {
  const from = shanghaiDate(new Date(now.getTime() - (CARE_WINDOW_DAYS - 1) * DAY_MS));
  const until = shanghaiDate(now);
  const month = previousMonth(now);
  const groupId = scope.kind === 'group' ? scope.id : undefined;
  const [firstContacts, recognition, prescribing, settlements] = await Promise.all([
    api
      .getFirstContactStatistics(from, until, groupId)
      .then((answer) => answer.figures ?? [])
      .catch(() => null),
    api
      .getRecognitionStatistics(new Date(now.getTime() - CARE_WINDOW_DAYS * DAY_MS), groupId)
      .then((answer) => answer.figures ?? [])
      .catch(() => null),
    api
      .getPrescribingStatistics(from, until, groupId)
      .then((answer) => answer.figures ?? [])
      .catch(() => null),
    Promise.all(
      groupsInScope(scope, directory).map(async (group) => ({
        group,
        run: await api
          .getSettlementReport(group.id, month)
          .then((report) => report.run ?? null)
          .catch(() => null),
      })),
    ),
  ]);
  return {
    from,
    until,
    firstContacts,
    recognition,
    prescribing,
    month,
    settlements,
    inScope: institutionsIn(scope, directory.institutions),
  };
}
