import { v7 as uuidv7 } from 'uuid';
import { type CentreKind } from '../../common/exam-kinds';
import { type CentrePractitioner, SharedCentre } from '../domain/shared-centre';

export interface CentreFixture {
  readonly centre: SharedCentre;
  readonly groupId: string;
  readonly hostInstitutionId: string;
  /** A primary member institution the centre serves. */
  readonly clinicId: string;
}

/** An active centre of `kind` hosted by a lead hospital, serving one primary member institution. */
export function aCentre(kind: CentreKind = 'imaging', now = new Date('2026-12-01T00:00:00Z')): CentreFixture {
  const groupId = uuidv7();
  const hostInstitutionId = uuidv7();
  const clinicId = uuidv7();
  const centre = SharedCentre.register(
    { id: uuidv7(), groupId, kind, name: `${kind} centre` },
    {
      institutionId: hostInstitutionId,
      level: 'tertiary',
      sharedCentreInstitution: false,
      roleInGroup: 'lead',
    },
    [{ institutionId: clinicId, level: 'primary', sharedCentreInstitution: false, roleInGroup: 'member' }],
    now,
  );
  centre.pullEvents();
  return { centre, groupId, hostInstitutionId, clinicId };
}

/** A practitioner registered at the centre's host with a specialty fit for its kind. */
export function aReporterOf(fixture: CentreFixture, specialtyCode?: string): CentrePractitioner {
  const fit: Record<CentreKind, string> = {
    laboratory: '30.03',
    imaging: '12.02',
    ecg: '12.06',
    pathology: '31',
    'remote-consultation': '03.04',
    'sterilisation-supply': '30',
  };
  return {
    id: uuidv7(),
    homeInstitutionId: fixture.hostInstitutionId,
    specialtyCode: specialtyCode ?? fit[fixture.centre.kind],
  };
}
