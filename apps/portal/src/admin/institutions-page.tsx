import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import * as portalApi from '../api/portal-api';
import * as api from '../api/registry-admin-api';
import {
  INSTITUTION_LEVELS,
  INSTITUTION_TYPES,
  type InstitutionType,
  type RegisteredLevel,
  type RegistryInstitution,
} from '../api/registry-admin-types';
import { useLoad } from '../api/use-load';
import { useSession } from '../auth/session-context';
import { cityDirectory, forgetCityDirectory } from '../dashboard/city-directory';
import { LoadState } from '../layout/load-state';
import { AdminNav } from './admin-nav';
import {
  EMPTY_REGISTRATION,
  type InstitutionDetailsDraft,
  type InstitutionRegistrationDraft,
  registrationRequest,
  updateDraftOf,
  updateRequest,
} from './registry-admin-forms';
import { gridOptions, RegistryInput, RegistrySelect } from './registry-fields';
import { RegistryForm } from './registry-form';
import { RegistryFieldError } from './registry-refusal';
import { useSubmission } from './use-submission';

/**
 * The institutions of the user's scope in the registry: a city operator finds them anywhere and
 * registers new ones; a group's administrator finds its group's and changes their details; an
 * institution's staff read them. The registry checks every change (a group's administrator on
 * another group's institution is refused, and the page says so in the registry's words).
 */
export function InstitutionsPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const [params, setParams] = useSearchParams();
  const selectedId = params.get('id') ?? '';
  const grids = useLoad(() => portalApi.listGrids(), []);
  const [filters, setFilters] = useState({ nameContains: '', gridId: '' });
  const [applied, setApplied] = useState(filters);
  const list = useLoad(() => api.searchRegistryInstitutions(applied), [applied]);
  const [more, setMore] = useState<{ rows: RegistryInstitution[]; next?: string }>({ rows: [] });
  const directory = useLoad(() => cityDirectory(), []);

  useEffect(() => setMore({ rows: [], next: list.data?.nextPageToken }), [list.data]);

  const role = session?.user.role;
  const rows = [...(list.data?.institutions ?? []), ...more.rows];
  const gridName = (id?: string) =>
    grids.data?.grids?.find((g) => g.id === id)?.name ?? id?.slice(0, 8) ?? '—';
  const groupName = (id?: string) =>
    id ? (directory.data?.groups.find((g) => g.id === id)?.name ?? id.slice(0, 8)) : '—';

  const loadMore = async () => {
    const page = await api.searchRegistryInstitutions({ ...applied, pageToken: more.next });
    setMore({ rows: [...more.rows, ...(page.institutions ?? [])], next: page.nextPageToken });
  };

  /** A change anywhere in the registry's map: the list and the portal's cached directory are read again. */
  const changed = () => {
    forgetCityDirectory();
    list.reload();
    directory.reload();
  };

  const open = (id: string) => setParams(id ? { id } : {});

  return (
    <div className="page" data-testid="registry-institutions">
      <AdminNav />
      <h1>{t('registryAdmin.institutions.title')}</h1>
      <p className="muted">{t('registryAdmin.institutions.intro')}</p>

      <form
        className="filters"
        role="search"
        data-testid="institution-search"
        onSubmit={(event) => {
          event.preventDefault();
          setApplied(filters);
        }}
      >
        <label>
          {t('registryAdmin.institutions.nameContains')}
          <input
            name="nameContains"
            value={filters.nameContains}
            onChange={(e) => setFilters({ ...filters, nameContains: e.target.value })}
          />
        </label>
        <label>
          {t('registryAdmin.grid')}
          <select
            name="gridId"
            value={filters.gridId}
            onChange={(e) => setFilters({ ...filters, gridId: e.target.value })}
          >
            <option value="">{t('common.all')}</option>
            {(grids.data?.grids ?? []).map((grid) => (
              <option key={grid.id} value={grid.id}>
                {grid.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" data-testid="institution-search-submit">
          {t('common.search')}
        </button>
      </form>

      {selectedId && (
        <InstitutionDetails
          key={selectedId}
          id={selectedId}
          editable={role === 'city-operator' || role === 'group-admin'}
          gridName={gridName}
          groupName={groupName}
          onChanged={changed}
          onClose={() => open('')}
        />
      )}

      <section className="panel">
        <h2>{t('registryAdmin.institutions.list')}</h2>
        {!list.data && <LoadState {...list} />}
        <table className="table" data-testid="institution-list">
          <thead>
            <tr>
              <th>{t('registryAdmin.name')}</th>
              <th>{t('registryAdmin.institutions.creditCode')}</th>
              <th>{t('registryAdmin.level')}</th>
              <th>{t('registryAdmin.type')}</th>
              <th>{t('registryAdmin.grid')}</th>
              <th>{t('registryAdmin.group')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((institution) => (
              <tr
                key={institution.id}
                data-institution-id={institution.id}
                className={institution.id === selectedId ? 'row--updated' : undefined}
              >
                <td>{institution.name}</td>
                <td>{institution.creditCode}</td>
                <td>{t(`levels.${institution.level ?? 'INSTITUTION_LEVEL_UNSPECIFIED'}`)}</td>
                <td>{institution.type ? t(`registryAdmin.types.${institution.type}`) : '—'}</td>
                <td>{gridName(institution.gridId)}</td>
                <td>{groupName(institution.groupId)}</td>
                <td>
                  <button
                    type="button"
                    className="link-button"
                    data-testid="open-institution"
                    onClick={() => open(institution.id)}
                  >
                    {t('common.open')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {list.data && rows.length === 0 && <p className="muted">{t('registryAdmin.institutions.none')}</p>}
        {more.next && (
          <button
            type="button"
            className="secondary"
            data-testid="institution-more"
            onClick={() => void loadMore()}
          >
            {t('registryAdmin.more')}
          </button>
        )}
      </section>

      {role === 'city-operator' ? (
        <RegisterInstitution
          grids={grids.data?.grids ?? []}
          onRegistered={(id) => {
            changed();
            open(id);
          }}
        />
      ) : (
        <p className="muted">{t('registryAdmin.institutions.onlyOperatorsRegister')}</p>
      )}
    </div>
  );
}

/** The fields RegisterInstitution and UpdateInstitution share, each with the registry's violation under it. */
function DetailFields({
  draft,
  onChange,
  form,
  submission,
}: {
  draft: InstitutionDetailsDraft;
  onChange: (draft: InstitutionDetailsDraft) => void;
  form: 'register' | 'update';
  submission: ReturnType<typeof useSubmission>;
}) {
  const { t } = useTranslation();
  const error = submission.error;
  return (
    <>
      <RegistryInput
        label={t('registryAdmin.name')}
        name="name"
        value={draft.name}
        onChange={(name) => onChange({ ...draft, name })}
        errorTestId={`${form}-name`}
        error={error}
      />
      <RegistrySelect
        label={t('registryAdmin.level')}
        name="level"
        value={draft.level}
        onChange={(level) => onChange({ ...draft, level: level as RegisteredLevel | '' })}
        options={INSTITUTION_LEVELS.map((level) => ({ value: level, label: t(`levels.${level}`) }))}
        errorTestId={`${form}-level`}
        error={error}
      />
      <RegistrySelect
        label={t('registryAdmin.type')}
        name="type"
        value={draft.type}
        onChange={(type) => onChange({ ...draft, type: type as InstitutionType | '' })}
        options={INSTITUTION_TYPES.map((type) => ({ value: type, label: t(`registryAdmin.types.${type}`) }))}
        errorTestId={`${form}-type`}
        error={error}
      />
      <RegistryInput
        label={t('registryAdmin.institutions.address')}
        name="address"
        value={draft.address}
        onChange={(address) => onChange({ ...draft, address })}
        errorTestId={`${form}-address`}
        error={error}
      />
    </>
  );
}

/** RegisterInstitution: the city operator's form. */
function RegisterInstitution({
  grids,
  onRegistered,
}: {
  grids: { id: string; name: string }[];
  onRegistered: (id: string) => void;
}) {
  const { t } = useTranslation();
  const submission = useSubmission();
  const [draft, setDraft] = useState<InstitutionRegistrationDraft>(EMPTY_REGISTRATION);
  const [registered, setRegistered] = useState<string | null>(null);
  const edit = (next: InstitutionRegistrationDraft) => {
    submission.changed();
    setDraft(next);
  };

  const submit = async () => {
    setRegistered(null);
    const answer = await submission.submit(
      (id) => registrationRequest(draft, id),
      (request) => api.registerInstitution(request),
    );
    if (!answer) return;
    setRegistered(answer.institution.name);
    setDraft(EMPTY_REGISTRATION);
    onRegistered(answer.institution.id);
  };

  return (
    <RegistryForm
      name="register-institution"
      className="panel admin-form"
      submission={submission}
      onSubmit={submit}
      success={registered && t('registryAdmin.institutions.registered', { name: registered })}
      successTestId="institution-registered"
      submitLabel={t('registryAdmin.institutions.registerSubmit')}
    >
      <h2>{t('registryAdmin.institutions.register')}</h2>
      <RegistryInput
        label={t('registryAdmin.institutions.creditCode')}
        name="creditCode"
        autoComplete="off"
        maxLength={18}
        value={draft.creditCode}
        onChange={(creditCode) => edit({ ...draft, creditCode })}
        errorTestId="register-creditCode"
        error={submission.error}
      />
      <RegistrySelect
        label={t('registryAdmin.grid')}
        name="gridId"
        value={draft.gridId}
        onChange={(gridId) => edit({ ...draft, gridId })}
        options={gridOptions(grids)}
        errorTestId="register-gridId"
        error={submission.error}
      />
      <DetailFields
        draft={draft}
        onChange={(details) => edit({ ...draft, ...details })}
        form="register"
        submission={submission}
      />
    </RegistryForm>
  );
}

/** One institution as GetInstitution reads it, and UpdateInstitution against the version read. */
function InstitutionDetails({
  id,
  editable,
  gridName,
  groupName,
  onChanged,
  onClose,
}: {
  id: string;
  editable: boolean;
  gridName: (id?: string) => string;
  groupName: (id?: string) => string;
  onChanged: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const read = useLoad(() => api.getInstitution(id), [id]);
  const submission = useSubmission();
  const [draft, setDraft] = useState<InstitutionDetailsDraft | null>(null);
  const [saved, setSaved] = useState(false);
  const institution = read.data?.institution;

  useEffect(() => {
    if (institution) setDraft(updateDraftOf(institution));
  }, [institution]);

  const submit = async () => {
    if (!draft || !institution) return;
    setSaved(false);
    const answer = await submission.submit(
      (clientRequestId) => updateRequest(draft, institution.version ?? 0, clientRequestId),
      (request) => api.updateInstitution(id, request),
    );
    if (!answer) return;
    setSaved(true);
    read.reload();
    onChanged();
  };

  return (
    <section className="panel" data-testid="institution-details" aria-labelledby="institution-details-title">
      <h2 id="institution-details-title">{institution?.name ?? t('registryAdmin.institutions.details')}</h2>
      {!institution && <LoadState {...read} />}
      {institution && (
        <dl className="facts">
          <dt>{t('registryAdmin.institutions.creditCode')}</dt>
          <dd>{institution.creditCode}</dd>
          <dt>{t('registryAdmin.grid')}</dt>
          <dd>{gridName(institution.gridId)}</dd>
          <dt>{t('registryAdmin.group')}</dt>
          <dd>{groupName(institution.groupId)}</dd>
          <dt>{t('registryAdmin.version')}</dt>
          <dd data-testid="institution-version">{institution.version}</dd>
        </dl>
      )}
      {institution && draft && editable && (
        <RegistryForm
          name="update-institution"
          className="admin-form"
          submission={submission}
          onSubmit={submit}
          success={saved ? t('registryAdmin.institutions.saved') : null}
          successTestId="institution-saved"
          submitLabel={t('common.save')}
          secondary={
            <button type="button" className="secondary" onClick={onClose}>
              {t('registryAdmin.close')}
            </button>
          }
        >
          <DetailFields
            draft={draft}
            onChange={(next) => {
              submission.changed();
              setSaved(false);
              setDraft(next);
            }}
            form="update"
            submission={submission}
          />
          <RegistryFieldError
            testId="update-expectedVersion"
            field="expectedVersion"
            error={submission.error}
          />
        </RegistryForm>
      )}
      {institution && !editable && (
        <>
          <p className="muted">{t('registryAdmin.institutions.readOnly')}</p>
          <button type="button" className="secondary" onClick={onClose}>
            {t('registryAdmin.close')}
          </button>
        </>
      )}
    </section>
  );
}
