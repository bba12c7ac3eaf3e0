import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { type Institution } from '../api/portal-types';
import * as api from '../api/registry-admin-api';
import {
  type FamilyDoctorTeam,
  type Practitioner,
  TEAM_MEMBER_ROLES,
  type TeamMemberRole,
} from '../api/registry-admin-types';
import { useLoad } from '../api/use-load';
import { useSession } from '../auth/session-context';
import { cityDirectory } from '../dashboard/city-directory';
import { LoadState } from '../layout/load-state';
import { AdminNav } from './admin-nav';
import { type TeamMemberDraft, teamMemberRequest, teamRequest } from './registry-admin-forms';
import { RegistryInput, RegistrySelect } from './registry-fields';
import { RegistryForm } from './registry-form';
import { RefusalText, RegistryFieldError } from './registry-refusal';
import { useSubmission } from './use-submission';

/** A practitioner with the institution they work at (their home, 执业机构). */
interface Colleague {
  practitioner: Practitioner;
  institution: Institution;
}

/**
 * The family-doctor teams of a primary institution with their members: those who act for the
 * institution (its staff, its group's administrators, the city's operators) form a team and add
 * or remove members, chosen from the practitioners of the institution's group. The registry
 * decides who fits which role (a general practitioner of the team's own institution, a specialist
 * sent down from a hospital of the group) and keeps a general practitioner in every team.
 */
export function TeamsPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const [params, setParams] = useSearchParams();
  const user = session?.user;
  const ownInstitution = user?.role === 'institution-staff' ? (user.institutionId ?? '') : '';
  const institutionId = ownInstitution || (params.get('institution') ?? '');
  const directory = useLoad(() => cityDirectory(), []);

  const primary = (directory.data?.institutions ?? []).filter(
    (i) => i.level === 'INSTITUTION_LEVEL_PRIMARY' && i.groupId,
  );
  const chosen = directory.data?.institutions.find((i) => i.id === institutionId);

  return (
    <div className="page" data-testid="registry-teams">
      <AdminNav />
      <h1>{t('registryAdmin.teams.title')}</h1>
      <p className="muted">{t('registryAdmin.teams.intro')}</p>
      <LoadState {...directory} />
      {ownInstitution ? (
        <p>
          {t('registryAdmin.teams.institution')}: <strong>{chosen?.name ?? ownInstitution}</strong>
        </p>
      ) : (
        <label>
          {t('registryAdmin.teams.institution')}
          <select
            name="institutionId"
            data-testid="team-institution-select"
            value={institutionId}
            onChange={(e) => setParams(e.target.value ? { institution: e.target.value } : {})}
          >
            <option value="">{t('registryAdmin.choose')}</option>
            {primary.map((institution) => (
              <option key={institution.id} value={institution.id}>
                {institution.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {institutionId && directory.data && (
        <InstitutionTeams
          key={institutionId}
          institutionId={institutionId}
          colleaguesFrom={
            chosen?.groupId
              ? directory.data.institutions.filter((i) => i.groupId === chosen.groupId)
              : [chosen ?? { id: institutionId, name: institutionId }]
          }
        />
      )}
    </div>
  );
}

/** ListTeams of one institution, the practitioners of its group, and the forms that change its teams. */
function InstitutionTeams({
  institutionId,
  colleaguesFrom,
}: {
  institutionId: string;
  colleaguesFrom: Institution[];
}) {
  const { t } = useTranslation();
  const teams = useLoad(() => api.listTeams(institutionId), [institutionId]);
  const colleagues = useLoad(async (): Promise<Colleague[]> => {
    // A group has a handful of institutions, each tens of practitioners: one page each.
    const pages = await Promise.all(colleaguesFrom.map((i) => api.practitionersAt(i.id)));
    return colleaguesFrom.flatMap((institution, i) =>
      (pages[i]?.practitioners ?? []).map((practitioner) => ({ practitioner, institution })),
    );
  }, [colleaguesFrom.map((i) => i.id).join(',')]);
  const removal = useSubmission();
  const all = colleagues.data ?? [];
  const colleague = (id: string) => all.find((c) => c.practitioner.id === id);
  const own = all.filter((c) => c.institution.id === institutionId);

  const remove = async (team: FamilyDoctorTeam, practitionerId: string) => {
    const answer = await removal.submit(
      (clientRequestId) => ({ request: clientRequestId, violations: [] }),
      (clientRequestId) => api.removeTeamMember(team.id, practitionerId, clientRequestId),
    );
    if (answer) teams.reload();
  };

  const list = teams.data?.teams ?? [];
  return (
    <>
      <section className="panel" aria-labelledby="teams-title">
        <h2 id="teams-title">{t('registryAdmin.teams.list')}</h2>
        {!teams.data && <LoadState {...teams} />}
        {!colleagues.data && <LoadState {...colleagues} />}
        <div data-testid="team-list">
          {list.map((team) => (
            <article key={team.id} data-team-id={team.id} data-testid="team">
              <h3>{team.name}</h3>
              <table className="table" data-testid="team-members">
                <caption className="visually-hidden">
                  {t('registryAdmin.teams.membersOf', { name: team.name })}
                </caption>
                <thead>
                  <tr>
                    <th>{t('registryAdmin.name')}</th>
                    <th>{t('registryAdmin.teams.role')}</th>
                    <th>{t('registryAdmin.teams.home')}</th>
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {(team.members ?? []).map((member) => {
                    const who = colleague(member.practitionerId);
                    const name = who?.practitioner.name ?? member.practitionerId.slice(0, 8);
                    return (
                      <tr key={member.practitionerId} data-practitioner-id={member.practitionerId}>
                        <td>{name}</td>
                        <td>
                          {t(`registryAdmin.teamRoles.${member.role ?? 'TEAM_MEMBER_ROLE_UNSPECIFIED'}`)}
                        </td>
                        <td>{who?.institution.name ?? '—'}</td>
                        <td>
                          <button
                            type="button"
                            className="link-button"
                            data-testid="remove-team-member"
                            disabled={removal.busy}
                            aria-label={t('registryAdmin.teams.removeNamed', { name, team: team.name })}
                            onClick={() => void remove(team, member.practitionerId)}
                          >
                            {t('registryAdmin.remove')}
                          </button>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </article>
          ))}
        </div>
        {teams.data && list.length === 0 && <p className="muted">{t('registryAdmin.teams.none')}</p>}
        <RegistryFieldError testId="remove-practitionerId" field="practitionerId" error={removal.error} />
        <RefusalText error={removal.error} testId="remove-team-member-error" />
      </section>
      <CreateTeam institutionId={institutionId} generalPractitioners={own} onCreated={teams.reload} />
      {list.length > 0 && <AddTeamMember teams={list} colleagues={all} onAdded={teams.reload} />}
    </>
  );
}

/** Practitioners as options, by their institution. */
function ColleagueOptions({ colleagues }: { colleagues: Colleague[] }) {
  const { t } = useTranslation();
  const byInstitution = new Map<string, Colleague[]>();
  for (const c of colleagues)
    byInstitution.set(c.institution.id, [...(byInstitution.get(c.institution.id) ?? []), c]);
  return (
    <>
      <option value="">{t('registryAdmin.choose')}</option>
      {[...byInstitution.values()].map((group) => (
        <optgroup key={group[0]!.institution.id} label={group[0]!.institution.name}>
          {group.map(({ practitioner }) => (
            <option key={practitioner.id} value={practitioner.id}>
              {practitioner.name}
              {practitioner.specialtyCode ? ` · ${practitioner.specialtyCode}` : ''}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  );
}

/** CreateTeam: a name and its first general practitioner, from the institution's own practitioners. */
function CreateTeam({
  institutionId,
  generalPractitioners,
  onCreated,
}: {
  institutionId: string;
  generalPractitioners: Colleague[];
  onCreated: () => void;
}) {
  const { t } = useTranslation();
  const submission = useSubmission();
  const [name, setName] = useState('');
  const [practitionerId, setPractitionerId] = useState('');
  const [created, setCreated] = useState<string | null>(null);
  const changed = () => {
    submission.changed();
    setCreated(null);
  };

  const submit = async () => {
    const members: TeamMemberDraft[] = [{ practitionerId, role: 'TEAM_MEMBER_ROLE_GENERAL_PRACTITIONER' }];
    const answer = await submission.submit(
      (clientRequestId) => teamRequest({ name, members }, institutionId, clientRequestId),
      (request) => api.createTeam(request),
    );
    if (!answer) return;
    setCreated(answer.team.name);
    setName('');
    setPractitionerId('');
    onCreated();
  };

  return (
    <RegistryForm
      name="create-team"
      className="panel admin-form"
      submission={submission}
      onSubmit={submit}
      success={created && t('registryAdmin.teams.created', { name: created })}
      successTestId="team-created"
      submitLabel={t('registryAdmin.teams.createSubmit')}
    >
      <h2>{t('registryAdmin.teams.create')}</h2>
      <RegistryInput
        label={t('registryAdmin.name')}
        name="name"
        value={name}
        onChange={(next) => {
          changed();
          setName(next);
        }}
        errorTestId="create-team-name"
        error={submission.error}
      />
      <label>
        {t('registryAdmin.teams.firstGp')}
        <select
          name="members[0].practitionerId"
          value={practitionerId}
          onChange={(e) => {
            changed();
            setPractitionerId(e.target.value);
          }}
        >
          <ColleagueOptions colleagues={generalPractitioners} />
        </select>
        <RegistryFieldError
          testId="create-team-member-practitionerId"
          field="members[0].practitionerId"
          error={submission.error}
        />
        <RegistryFieldError testId="create-team-members" field="members" error={submission.error} />
      </label>
      <RegistryFieldError testId="create-team-institutionId" field="institutionId" error={submission.error} />
    </RegistryForm>
  );
}

/** AddTeamMember: a practitioner of the group in one of the three roles of a team. */
function AddTeamMember({
  teams,
  colleagues,
  onAdded,
}: {
  teams: FamilyDoctorTeam[];
  colleagues: Colleague[];
  onAdded: () => void;
}) {
  const { t } = useTranslation();
  const submission = useSubmission();
  const [teamId, setTeamId] = useState(teams[0]?.id ?? '');
  const [draft, setDraft] = useState<TeamMemberDraft>({ practitionerId: '', role: '' });
  const [added, setAdded] = useState<string | null>(null);
  const team = teams.find((candidate) => candidate.id === teamId) ?? teams[0];
  const members = new Set((team?.members ?? []).map((m) => m.practitionerId));
  const edit = (next: TeamMemberDraft) => {
    submission.changed();
    setAdded(null);
    setDraft(next);
  };

  const submit = async () => {
    if (!team) return;
    const answer = await submission.submit(
      (clientRequestId) => teamMemberRequest(draft, clientRequestId),
      (request) => api.addTeamMember(team.id, request),
    );
    if (!answer) return;
    setAdded(colleagues.find((c) => c.practitioner.id === draft.practitionerId)?.practitioner.name ?? '');
    setDraft({ practitionerId: '', role: '' });
    onAdded();
  };

  return (
    <RegistryForm
      name="add-team-member"
      className="panel admin-form"
      submission={submission}
      onSubmit={submit}
      success={added !== null ? t('registryAdmin.teams.added', { name: added }) : null}
      successTestId="team-member-added"
      submitLabel={t('registryAdmin.teams.addSubmit')}
    >
      <h2>{t('registryAdmin.teams.add')}</h2>
      <label>
        {t('registryAdmin.teams.team')}
        <select
          name="teamId"
          value={team?.id ?? ''}
          onChange={(e) => {
            submission.changed();
            setAdded(null);
            setTeamId(e.target.value);
          }}
        >
          {teams.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.name}
            </option>
          ))}
        </select>
        <RegistryFieldError testId="add-team-teamId" field="teamId" error={submission.error} />
      </label>
      <label>
        {t('registryAdmin.teams.practitioner')}
        <select
          name="member.practitionerId"
          value={draft.practitionerId}
          onChange={(e) => edit({ ...draft, practitionerId: e.target.value })}
        >
          <ColleagueOptions colleagues={colleagues.filter((c) => !members.has(c.practitioner.id))} />
        </select>
        <RegistryFieldError
          testId="add-team-practitionerId"
          field="member.practitionerId"
          error={submission.error}
        />
      </label>
      <RegistrySelect
        label={t('registryAdmin.teams.role')}
        name="member.role"
        value={draft.role}
        onChange={(role) => edit({ ...draft, role: role as TeamMemberRole | '' })}
        options={TEAM_MEMBER_ROLES.map((role) => ({
          value: role,
          label: t(`registryAdmin.teamRoles.${role}`),
        }))}
        errorTestId="add-team-role"
        error={submission.error}
      />
    </RegistryForm>
  );
}
