import { type FormEvent, useEffect, useState } from 'react';
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
import { RefusalText, RegistryFieldError } from './registry-refusal';
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

function LevelOptions() {
  const { t } = useTranslation();
  return (
    <>
      <option value="">{t('registryAdmin.choose')}</option>
      {INSTITUTION_LEVELS.map((level) => (
        <option key={level} value={level}>
          {t(`levels.${level}`)}
        </option>
      ))}
    </>
  );
}

function TypeOptions() {
  const { t } = useTranslation();
  return (
    <>
      <option value="">{t('registryAdmin.choose')}</option>
      {INSTITUTION_TYPES.map((type) => (
        <option key={type} value={type}>
          {t(`registryAdmin.types.${type}`)}
        </option>
      ))}
    </>
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
      <label>
        {t('registryAdmin.name')}
        <input
          name="name"
          value={draft.name}
          onChange={(e) => onChange({ ...draft, name: e.target.value })}
        />
        <RegistryFieldError testId={`${form}-name`} field="name" error={error} />
      </label>
      <label>
        {t('registryAdmin.level')}
        <select
          name="level"
          value={draft.level}
          onChange={(e) => onChange({ ...draft, level: e.target.value as RegisteredLevel | '' })}
        >
          <LevelOptions />
        </select>
        <RegistryFieldError testId={`${form}-level`} field="level" error={error} />
      </label>
      <label>
        {t('registryAdmin.type')}
        <select
          name="type"
          value={draft.type}
          onChange={(e) => onChange({ ...draft, type: e.target.value as InstitutionType | '' })}
        >
          <TypeOptions />
        </select>
        <RegistryFieldError testId={`${form}-type`} field="type" error={error} />
      </label>
      <label>
        {t('registryAdmin.institutions.address')}
        <input
          name="address"
          value={draft.address}
          onChange={(e) => onChange({ ...draft, address: e.target.value })}
        />
        <RegistryFieldError testId={`${form}-address`} field="address" error={error} />
      </label>
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

  const submit = async (event: FormEvent) => {
    event.preventDefault();
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
    <form
      className="panel admin-form"
      noValidate
      onSubmit={(event) => void submit(event)}
      data-testid="register-institution-form"
    >
      <h2>{t('registryAdmin.institutions.register')}</h2>
      <label>
        {t('registryAdmin.institutions.creditCode')}
        <input
          name="creditCode"
          autoComplete="off"
          maxLength={18}
          value={draft.creditCode}
          onChange={(e) => edit({ ...draft, creditCode: e.target.value })}
        />
        <RegistryFieldError testId="register-creditCode" field="creditCode" error={submission.error} />
      </label>
      <label>
        {t('registryAdmin.grid')}
        <select
          name="gridId"
          value={draft.gridId}
          onChange={(e) => edit({ ...draft, gridId: e.target.value })}
        >
          <option value="">{t('registryAdmin.choose')}</option>
          {grids.map((grid) => (
            <option key={grid.id} value={grid.id}>
              {grid.name}
            </option>
          ))}
        </select>
        <RegistryFieldError testId="register-gridId" field="gridId" error={submission.error} />
      </label>
      <DetailFields
        draft={draft}
        onChange={(details) => edit({ ...draft, ...details })}
        form="register"
        submission={submission}
      />
      <RefusalText error={submission.error} testId="register-institution-error" />
      {registered && (
        <p className="success" role="status" data-testid="institution-registered">
          {t('registryAdmin.institutions.registered', { name: registered })}
        </p>
      )}
      <button type="submit" disabled={submission.busy} data-testid="register-institution-submit">
        {t('registryAdmin.institutions.registerSubmit')}
      </button>
    </form>
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

  const submit = async (event: FormEvent) => {
    event.preventDefault();
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
        <form
          className="admin-form"
          noValidate
          onSubmit={(event) => void submit(event)}
          data-testid="update-institution-form"
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
          <RefusalText error={submission.error} testId="update-institution-error" />
          {saved && (
            <p className="success" role="status" data-testid="institution-saved">
              {t('registryAdmin.institutions.saved')}
            </p>
          )}
          <button type="submit" disabled={submission.busy} data-testid="update-institution-submit">
            {t('common.save')}
          </button>{' '}
          <button type="button" className="secondary" onClick={onClose}>
            {t('registryAdmin.close')}
          </button>
        </form>
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
