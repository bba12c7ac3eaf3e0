import { type CityGroup } from './access-city';
import { type RecordMaker } from './access-records';

const ATTENDING = 2;
const GENERAL_PRACTITIONER = 1;

/**
 * The registry's records, in each group: every institution is its own record and its group's (GetInstitution,
 * GetMedicalGroup, made by the city already), the group's resident is each of its institutions' (UpdateResident,
 * GetResident by number), a practitioner registered at the lead hospital and one at the community centre by the
 * group's administrator (and one more each for the walk to update), a
 * family-doctor team of the centre's general practitioner (a team works from a primary institution only: the lead
 * hospital has none), and a contract the centre's staff sign between the group's resident and that team.
 */
export async function makeRegistryRecords(maker: RecordMaker): Promise<void> {
  const { ours, theirs } = maker.city;
  await Promise.all([ours, theirs].map((group) => groupRecords(maker, group)));
}

async function groupRecords(maker: RecordMaker, group: CityGroup): Promise<void> {
  const institutions = [group.leadId, group.secondaryId, group.centreId];
  for (const institutionId of institutions) maker.records.set('institution', institutionId, institutionId);
  maker.records.set('medical-group', institutions, group.groupId);
  maker.records.set('resident', institutions, group.residentRecordId);
  maker.records.set('resident-number', institutions, group.residentId);
  const admin = maker.as('group-admin', group, group.leadId);
  const practitioner = async (
    institutionId: string,
    specialtyCode: string,
    kind: 'practitioner' | 'practitioner-for-steps' = 'practitioner',
  ) => {
    const id = await maker.make(
      'registry.v1.WorkforceService/RegisterPractitioner',
      admin,
      {
        licenceNumber: String(300000000000000 + Math.floor(Math.random() * 1e12)),
        name: specialtyCode === '02' ? '全科医生' : '检验医师',
        title: ATTENDING,
        specialtyCode,
        homeInstitutionId: institutionId,
      },
      'practitioner.id',
    );
    maker.records.set(kind, institutionId, id);
    return id;
  };
  // Those the walk updates are others: an update would change who reports and who sees patients at the sites.
  const [, gp] = await Promise.all([
    practitioner(group.leadId, '30'),
    practitioner(group.centreId, '02'),
    practitioner(group.leadId, '30', 'practitioner-for-steps'),
    practitioner(group.centreId, '02', 'practitioner-for-steps'),
  ]);
  const team = await maker.make(
    'registry.v1.WorkforceService/CreateTeam',
    admin,
    {
      institutionId: group.centreId,
      name: '家庭医生团队',
      members: [{ practitionerId: gp, role: GENERAL_PRACTITIONER }],
    },
    'team.id',
  );
  maker.records.set('team', group.centreId, team);
  const contract = await maker.make(
    'registry.v1.ResidentService/SignContract',
    maker.as('primary-staff', group, group.centreId),
    { residentId: group.residentRecordId, teamId: team, startDate: '', tags: [] },
    'contract.id',
  );
  maker.records.set('contract', group.centreId, contract);
}
