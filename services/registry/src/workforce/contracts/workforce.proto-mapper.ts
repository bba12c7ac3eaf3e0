import { peopleV1 } from '@medgrid/contracts';
import { type FamilyDoctorTeamSnapshot, type TeamMemberRole } from '../domain/family-doctor-team';
import { type PractitionerSnapshot, type PractitionerTitle } from '../domain/practitioner';

const { PractitionerTitle: Title, TeamMemberRole: Role } = peopleV1;

const TITLES: [PractitionerTitle, peopleV1.PractitionerTitle][] = [
  ['resident', Title.PRACTITIONER_TITLE_RESIDENT],
  ['attending', Title.PRACTITIONER_TITLE_ATTENDING],
  ['associate-chief', Title.PRACTITIONER_TITLE_ASSOCIATE_CHIEF],
  ['chief', Title.PRACTITIONER_TITLE_CHIEF],
  ['nurse', Title.PRACTITIONER_TITLE_NURSE],
  ['public-health', Title.PRACTITIONER_TITLE_PUBLIC_HEALTH],
];

const ROLES: [TeamMemberRole, peopleV1.TeamMemberRole][] = [
  ['general-practitioner', Role.TEAM_MEMBER_ROLE_GENERAL_PRACTITIONER],
  ['specialist', Role.TEAM_MEMBER_ROLE_SPECIALIST],
  ['health-manager', Role.TEAM_MEMBER_ROLE_HEALTH_MANAGER],
];

export const titleFromProto = (value: peopleV1.PractitionerTitle) => TITLES.find(([, p]) => p === value)?.[0];
export const teamRoleFromProto = (value: peopleV1.TeamMemberRole) => ROLES.find(([, p]) => p === value)?.[0];

export function practitionerToProto(practitioner: PractitionerSnapshot): peopleV1.Practitioner {
  return { ...practitioner, title: TITLES.find(([d]) => d === practitioner.title)![1] };
}

export function teamToProto(team: FamilyDoctorTeamSnapshot): peopleV1.FamilyDoctorTeam {
  return {
    ...team,
    members: team.members.map((m) => ({
      practitionerId: m.practitionerId,
      role: ROLES.find(([d]) => d === m.role)![1],
    })),
  };
}
