import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import * as portalApi from '../api/portal-api';
import { type Grid } from '../api/portal-types';
import * as api from '../api/registry-admin-api';
import { MEMBERSHIP_ROLES, type MembershipRole } from '../api/registry-admin-types';
import { useLoad } from '../api/use-load';
import { useSession } from '../auth/session-context';
import { type CityDirectory, cityDirectory, forgetCityDirectory } from '../dashboard/city-directory';
import { formatShanghaiDateTime } from '../format/shanghai-time';
import { LoadState } from '../layout/load-state';
import { AdminNav } from './admin-nav';
import {
  groupRequest,
  type GroupDraft,
  membershipRequest,
  type MembershipDraft,
} from './registry-admin-forms';
import { gridOptions, RegistryInput, RegistrySelect } from './registry-fields';
import { RegistryForm, SubmissionOutcome } from './registry-form';
import { RegistryFieldError } from './registry-refusal';
import { useSubmission } from './use-submission';

/**
 * A medical group and its members with their roles: the group's administrators and the city's
 * operators add and remove members; a city operator creates the group of a grid. The groups offered
 * are the city's (a group-bound user's own), and one opened by its id in the address.
 */
export function GroupsPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const [params, setParams] = useSearchParams();
  const user = session?.user;
  const groupId = params.get('id') ?? (user?.role === 'city-operator' ? '' : (user?.groupId ?? ''));
  const [directoryRound, setDirectoryRound] = useState(0);
  const directory = useLoad(() => cityDirectory(), [directoryRound]);
  const grids = useLoad(() => portalApi.listGrids(), []);
  const [created, setCreated] = useState<{ id: string; name: string }[]>([]);

  const known = [...(directory.data?.groups ?? []), ...created].filter(
    (group, i, all) => all.findIndex((g) => g.id === group.id) === i,
  );
  const open = (id: string) => setParams(id ? { id } : {});
  const changed = () => {
    forgetCityDirectory();
    setDirectoryRound((n) => n + 1);
  };

  return (
    <div className="page" data-testid="registry-groups">
      <AdminNav />
      <h1>{t('registryAdmin.groups.title')}</h1>
      <p className="muted">{t('registryAdmin.groups.intro')}</p>
      {user?.role === 'city-operator' && (
        <label>
          {t('registryAdmin.group')}
          <select
            name="groupId"
            data-testid="group-select"
            value={groupId}
            onChange={(e) => open(e.target.value)}
          >
            <option value="">{t('registryAdmin.choose')}</option>
            {known.map((group) => (
              <option key={group.id} value={group.id}>
                {group.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {groupId && (
        <GroupView
          key={groupId}
          groupId={groupId}
          directory={directory.data}
          grids={grids.data?.grids ?? []}
          onChanged={changed}
        />
      )}
      {user?.role === 'city-operator' && (
        <CreateGroup
          grids={grids.data?.grids ?? []}
          onCreated={(group) => {
            setCreated([...created, group]);
            open(group.id);
          }}
        />
      )}
    </div>
  );
}

/** GetMedicalGroup with AddMembership and RemoveMembership. */
function GroupView({
  groupId,
  directory,
  grids,
  onChanged,
}: {
  groupId: string;
  directory: CityDirectory | undefined;
  grids: Grid[];
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const group = useLoad(() => api.getMedicalGroup(groupId), [groupId]);
  const removal = useSubmission();
  const [removed, setRemoved] = useState<string | null>(null);
  const data = group.data?.group;
  const memberships = data?.memberships ?? [];
  const institution = (id: string) => directory?.institutions.find((i) => i.id === id);
  const name = (id?: string) => (id ? (directory?.institutionName(id) ?? id.slice(0, 8)) : '—');

  const remove = async (institutionId: string) => {
    setRemoved(null);
    const answer = await removal.submit(
      (clientRequestId) => ({ request: clientRequestId, violations: [] }),
      (clientRequestId) => api.removeMembership(groupId, institutionId, clientRequestId),
    );
    if (!answer) return;
    setRemoved(name(institutionId));
    group.reload();
    onChanged();
  };

  return (
    <section className="panel" data-testid="group-view" aria-labelledby="group-title">
      <h2 id="group-title">{data?.name ?? t('registryAdmin.group')}</h2>
      {!data && <LoadState {...group} />}
      {data && (
        <>
          <dl className="facts">
            <dt>{t('registryAdmin.grid')}</dt>
            <dd>{grids.find((g) => g.id === data.gridId)?.name ?? data.gridId}</dd>
            <dt>{t('registryAdmin.groups.lead')}</dt>
            <dd data-testid="group-lead">{name(data.leadInstitutionId)}</dd>
            <dt>{t('registryAdmin.groups.complete')}</dt>
            <dd data-testid="group-complete">
              {data.complete ? t('common.yes') : t('registryAdmin.groups.incomplete')}
            </dd>
            <dt>{t('registryAdmin.version')}</dt>
            <dd>{data.version}</dd>
          </dl>
          <table className="table" data-testid="group-members">
            <caption className="visually-hidden">{t('registryAdmin.groups.members')}</caption>
            <thead>
              <tr>
                <th>{t('registryAdmin.groups.institution')}</th>
                <th>{t('registryAdmin.level')}</th>
                <th>{t('registryAdmin.groups.role')}</th>
                <th>{t('registryAdmin.groups.joinedAt')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {memberships.map((membership) => (
                <tr key={membership.institutionId} data-institution-id={membership.institutionId}>
                  <td>{name(membership.institutionId)}</td>
                  <td>
                    {t(
                      `levels.${institution(membership.institutionId)?.level ?? 'INSTITUTION_LEVEL_UNSPECIFIED'}`,
                    )}
                  </td>
                  <td data-testid="member-role">
                    {t(`registryAdmin.membershipRoles.${membership.role ?? 'MEMBERSHIP_ROLE_UNSPECIFIED'}`)}
                  </td>
                  <td>{formatShanghaiDateTime(membership.joinedAt)}</td>
                  <td>
                    <button
                      type="button"
                      className="link-button"
                      data-testid="remove-member"
                      disabled={removal.busy}
                      aria-label={t('registryAdmin.groups.removeNamed', {
                        name: name(membership.institutionId),
                      })}
                      onClick={() => void remove(membership.institutionId)}
                    >
                      {t('registryAdmin.remove')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {memberships.length === 0 && <p className="muted">{t('registryAdmin.groups.noMembers')}</p>}
          <RegistryFieldError testId="remove-institutionId" field="institutionId" error={removal.error} />
          <SubmissionOutcome
            error={removal.error}
            refusalTestId="remove-member-error"
            success={removed && t('registryAdmin.groups.removed', { name: removed })}
            successTestId="member-removed"
          />
          <AddMember
            groupId={groupId}
            gridId={data.gridId}
            members={memberships.map((m) => m.institutionId)}
            directory={directory}
            onAdded={() => {
              group.reload();
              onChanged();
            }}
          />
        </>
      )}
    </section>
  );
}

/**
 * AddMembership. The choice is of the institutions the user can see that are not in the group yet,
 * the group's own grid first (a group's members stand in its grid; a collaborating hospital may
 * stand elsewhere).
 */
function AddMember({
  groupId,
  gridId,
  members,
  directory,
  onAdded,
}: {
  groupId: string;
  gridId?: string;
  members: string[];
  directory: CityDirectory | undefined;
  onAdded: () => void;
}) {
  const { t } = useTranslation();
  const submission = useSubmission();
  const empty: MembershipDraft = { institutionId: '', role: '' };
  const [draft, setDraft] = useState<MembershipDraft>(empty);
  const [added, setAdded] = useState<string | null>(null);
  const candidates = (directory?.institutions ?? [])
    .filter((i) => !members.includes(i.id))
    .sort(
      (a, b) =>
        Number(b.gridId === gridId) - Number(a.gridId === gridId) || a.name.localeCompare(b.name, 'zh-CN'),
    );
  const edit = (next: MembershipDraft) => {
    submission.changed();
    setAdded(null);
    setDraft(next);
  };

  const submit = async () => {
    const chosen = candidates.find((i) => i.id === draft.institutionId);
    const answer = await submission.submit(
      (clientRequestId) => membershipRequest(draft, clientRequestId, chosen),
      (request) => api.addMembership(groupId, request),
    );
    if (!answer) return;
    setAdded(chosen?.name ?? draft.institutionId);
    setDraft(empty);
    onAdded();
  };

  return (
    <RegistryForm
      name="add-member"
      className="admin-form"
      submission={submission}
      onSubmit={submit}
      success={added && t('registryAdmin.groups.added', { name: added })}
      successTestId="member-added"
      submitLabel={t('registryAdmin.groups.addSubmit')}
    >
      <h3>{t('registryAdmin.groups.add')}</h3>
      <RegistrySelect
        label={t('registryAdmin.groups.institution')}
        name="institutionId"
        value={draft.institutionId}
        onChange={(institutionId) => edit({ ...draft, institutionId })}
        options={candidates.map((institution) => ({
          value: institution.id,
          label:
            institution.gridId === gridId
              ? institution.name
              : `${institution.name} (${t('registryAdmin.groups.otherGrid')})`,
        }))}
        errorTestId="add-institutionId"
        error={submission.error}
      />
      <RegistrySelect
        label={t('registryAdmin.groups.role')}
        name="role"
        value={draft.role}
        onChange={(role) => edit({ ...draft, role: role as MembershipRole | '' })}
        options={MEMBERSHIP_ROLES.map((role) => ({
          value: role,
          label: t(`registryAdmin.membershipRoles.${role}`),
        }))}
        errorTestId="add-role"
        error={submission.error}
      />
    </RegistryForm>
  );
}

/** CreateMedicalGroup: the one group of a grid (city operators). */
function CreateGroup({
  grids,
  onCreated,
}: {
  grids: Grid[];
  onCreated: (group: { id: string; name: string }) => void;
}) {
  const { t } = useTranslation();
  const submission = useSubmission();
  const empty: GroupDraft = { gridId: '', name: '' };
  const [draft, setDraft] = useState<GroupDraft>(empty);
  const [created, setCreated] = useState<string | null>(null);
  const edit = (next: GroupDraft) => {
    submission.changed();
    setCreated(null);
    setDraft(next);
  };

  const submit = async () => {
    const answer = await submission.submit(
      (clientRequestId) => groupRequest(draft, clientRequestId),
      (request) => api.createMedicalGroup(request),
    );
    if (!answer) return;
    setCreated(answer.group.name);
    setDraft(empty);
    onCreated({ id: answer.group.id, name: answer.group.name });
  };

  return (
    <RegistryForm
      name="create-group"
      className="panel admin-form"
      submission={submission}
      onSubmit={submit}
      success={created && t('registryAdmin.groups.created', { name: created })}
      successTestId="group-created"
      submitLabel={t('registryAdmin.groups.createSubmit')}
    >
      <h2>{t('registryAdmin.groups.create')}</h2>
      <p className="muted">{t('registryAdmin.groups.createIntro')}</p>
      <RegistrySelect
        label={t('registryAdmin.grid')}
        name="gridId"
        value={draft.gridId}
        onChange={(gridId) => edit({ ...draft, gridId })}
        options={gridOptions(grids)}
        errorTestId="create-gridId"
        error={submission.error}
      />
      <RegistryInput
        label={t('registryAdmin.name')}
        name="name"
        value={draft.name}
        onChange={(name) => edit({ ...draft, name })}
        errorTestId="create-name"
        error={submission.error}
      />
    </RegistryForm>
  );
}
