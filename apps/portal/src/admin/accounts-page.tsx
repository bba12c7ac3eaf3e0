import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error';
import * as api from '../api/portal-api';
import { type AdministeredAccount, type NewAccount } from '../api/portal-types';
import { useLoad } from '../api/use-load';
import { useSession } from '../auth/session-context';
import { cityDirectory } from '../dashboard/city-directory';
import { formatShanghaiDateTime } from '../format/shanghai-time';
import { LoadState } from '../layout/load-state';
import { AdminNav } from './admin-nav';
import { FieldViolationText } from './field-violation-text';

const EMPTY: NewAccount = {
  username: '',
  displayName: '',
  role: 'institution-staff',
  groupId: '',
  institutionId: '',
  password: '',
};

/**
 * The city's portal accounts: a city operator creates a group's administrator or an institution's staff member and
 * disables an account. The gateway checks every field (the username free, the institution in the group, the
 * password long enough) and the page shows each refusal under its field.
 */
export function AccountsPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const directory = useLoad(() => cityDirectory(), []);
  const accounts = useLoad(() => api.listAccounts(), []);
  const [draft, setDraft] = useState<NewAccount>(EMPTY);
  const [error, setError] = useState<ApiError | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const groups = directory.data?.groups ?? [];
  const institutions = (directory.data?.institutions ?? []).filter((i) => i.groupId === draft.groupId);
  const institutionName = (id: string | null) => (id ? (directory.data?.institutionName(id) ?? id) : '—');
  const groupName = (id: string | null) =>
    groups.find((g) => g.id === id)?.name ?? (id ? id.slice(0, 8) : '—');
  const asError = (caught: unknown) =>
    caught instanceof ApiError ? caught : new ApiError(0, 'CLIENT', t('common.gatewayUnreachable'));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setCreated(null);
    try {
      const account = await api.createAccount(draft);
      setCreated(account.username);
      setDraft(EMPTY);
      accounts.reload();
    } catch (caught) {
      setError(asError(caught));
    } finally {
      setBusy(false);
    }
  };

  const disable = async (account: AdministeredAccount) => {
    setError(null);
    try {
      await api.disableAccount(account.id);
      accounts.reload();
    } catch (caught) {
      setError(asError(caught));
    }
  };

  if (session?.user.role !== 'city-operator') {
    return (
      <div className="page">
        <AdminNav />
        <p className="muted">{t('accounts.onlyOperators')}</p>
      </div>
    );
  }

  return (
    <div className="page" data-testid="accounts">
      <AdminNav />
      <h1>{t('accounts.title')}</h1>
      <p className="muted">{t('accounts.intro')}</p>
      <form className="panel admin-form" onSubmit={(event) => void submit(event)} data-testid="new-account">
        <h2>{t('accounts.new')}</h2>
        <label>
          {t('accounts.username')}
          <input
            name="username"
            autoComplete="off"
            value={draft.username}
            onChange={(e) => setDraft({ ...draft, username: e.target.value })}
          />
          <FieldViolationText name="username" violation={error?.fieldError('username')} />
        </label>
        <label>
          {t('accounts.displayName')}
          <input
            name="displayName"
            value={draft.displayName}
            onChange={(e) => setDraft({ ...draft, displayName: e.target.value })}
          />
          <FieldViolationText name="displayName" violation={error?.fieldError('displayName')} />
        </label>
        <label>
          {t('accounts.role')}
          <select
            name="role"
            value={draft.role}
            onChange={(e) => setDraft({ ...draft, role: e.target.value as NewAccount['role'] })}
          >
            <option value="institution-staff">{t('roles.institution-staff')}</option>
            <option value="group-admin">{t('roles.group-admin')}</option>
          </select>
          <FieldViolationText name="role" violation={error?.fieldError('role')} />
        </label>
        <label>
          {t('accounts.group')}
          <select
            name="groupId"
            value={draft.groupId}
            onChange={(e) => setDraft({ ...draft, groupId: e.target.value, institutionId: '' })}
          >
            <option value="">{t('accounts.chooseGroup')}</option>
            {groups.map((group) => (
              <option key={group.id} value={group.id}>
                {group.name}
              </option>
            ))}
          </select>
          <FieldViolationText name="groupId" violation={error?.fieldError('groupId')} />
        </label>
        <label>
          {t('accounts.institution')}
          <select
            name="institutionId"
            value={draft.institutionId}
            onChange={(e) => setDraft({ ...draft, institutionId: e.target.value })}
          >
            <option value="">{t('accounts.chooseInstitution')}</option>
            {institutions.map((institution) => (
              <option key={institution.id} value={institution.id}>
                {institution.name}
              </option>
            ))}
          </select>
          <FieldViolationText name="institutionId" violation={error?.fieldError('institutionId')} />
        </label>
        <label>
          {t('accounts.password')}
          <input
            name="password"
            type="password"
            autoComplete="new-password"
            value={draft.password}
            onChange={(e) => setDraft({ ...draft, password: e.target.value })}
          />
          <FieldViolationText name="password" violation={error?.fieldError('password')} />
        </label>
        {error && (
          <p className="error" role="alert" data-testid="form-error">
            {error.message}
          </p>
        )}
        {created && (
          <p className="success" role="status" data-testid="account-created">
            {t('accounts.created', { username: created })}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {t('accounts.create')}
        </button>
      </form>

      <section className="panel">
        <h2>{t('accounts.list')}</h2>
        {!accounts.data && <LoadState {...accounts} />}
        <table className="table" data-testid="account-table">
          <thead>
            <tr>
              <th>{t('accounts.username')}</th>
              <th>{t('accounts.displayName')}</th>
              <th>{t('accounts.role')}</th>
              <th>{t('accounts.group')}</th>
              <th>{t('accounts.institution')}</th>
              <th>{t('accounts.state')}</th>
              <th>{t('accounts.createdAt')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {(accounts.data?.accounts ?? []).map((account) => (
              <tr key={account.id} data-username={account.username}>
                <td>{account.username}</td>
                <td>{account.displayName}</td>
                <td>{t(`roles.${account.role}`)}</td>
                <td>{groupName(account.groupId)}</td>
                <td>{institutionName(account.institutionId)}</td>
                <td>
                  {account.disabled
                    ? t('accounts.disabled')
                    : account.lockedUntil && new Date(account.lockedUntil) > new Date()
                      ? t('accounts.lockedUntil', { at: formatShanghaiDateTime(account.lockedUntil) })
                      : t('accounts.active')}
                </td>
                <td>{formatShanghaiDateTime(account.createdAt)}</td>
                <td>
                  {!account.disabled && account.id !== session.user.id && (
                    <button type="button" className="link-button" onClick={() => void disable(account)}>
                      {t('accounts.disable')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
