import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import * as api from '../api/portal-api';
import { type Referral, REFERRAL_STATUSES } from '../api/portal-types';
import { useLoad } from '../api/use-load';
import { cityDirectory } from '../dashboard/city-directory';
import { LoadState } from '../layout/load-state';
import { useReferralChanges } from './live-referrals';
import { ReferralTable } from './referral-table';

interface Filters {
  direction: string;
  status: string;
  institutionId: string;
  patientResidentId: string;
  overdueOnly: boolean;
}

const NO_FILTERS: Filters = {
  direction: '',
  status: '',
  institutionId: '',
  patientResidentId: '',
  overdueOnly: false,
};

/** Referrals the user may see, newest first, filtered as referral's ListReferrals can; rows change live. */
export function ReferralListPage() {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Filters>(NO_FILTERS);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [extra, setExtra] = useState<{ referrals: Referral[]; nextPageToken?: string } | null>(null);
  const [live, setLive] = useState<Map<string, Referral>>(new Map());
  // Referrals made since the list was read; shown on top only when nothing filters the list.
  const [added, setAdded] = useState<Referral[]>([]);

  const loaded = useLoad(async () => {
    setExtra(null);
    setLive(new Map());
    setAdded([]);
    const [directory, page] = await Promise.all([
      cityDirectory(),
      api.listReferrals({ ...filters, pageSize: 50 }),
    ]);
    return { directory, page };
  }, [filters]);

  const directory = loaded.data?.directory;
  const listed = [...(loaded.data?.page.referrals ?? []), ...(extra?.referrals ?? [])];
  const rows = [...added, ...listed].map((referral) => live.get(referral.id) ?? referral);

  const connected = useReferralChanges((change) => {
    const referral = change.referral;
    if (!referral) return;
    setLive((before) => new Map(before).set(referral.id, referral));
    const unfiltered = JSON.stringify(filters) === JSON.stringify(NO_FILTERS);
    if (unfiltered && !listed.some((r) => r.id === referral.id)) {
      setAdded((before) => [referral, ...before.filter((r) => r.id !== referral.id)]);
    }
  });

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilters(draft);
  };

  const loadMore = async (pageToken: string) => {
    const page = await api.listReferrals({ ...filters, pageSize: 50, pageToken });
    setExtra((before) => ({
      referrals: [...(before?.referrals ?? []), ...(page.referrals ?? [])],
      nextPageToken: page.nextPageToken,
    }));
  };

  const nextPageToken = extra ? extra.nextPageToken : loaded.data?.page.nextPageToken;

  return (
    <div className="page" data-testid="referral-list">
      <h1>{t('referrals.title')}</h1>
      <form className="filters" onSubmit={apply} aria-label={t('referrals.filters')}>
        <label>
          {t('columns.direction')}
          <select
            name="direction"
            value={draft.direction}
            onChange={(event) => setDraft({ ...draft, direction: event.target.value })}
          >
            <option value="">{t('common.all')}</option>
            <option value="REFERRAL_DIRECTION_UPWARD">{t('direction.REFERRAL_DIRECTION_UPWARD')}</option>
            <option value="REFERRAL_DIRECTION_DOWNWARD">{t('direction.REFERRAL_DIRECTION_DOWNWARD')}</option>
          </select>
        </label>
        <label>
          {t('columns.status')}
          <select
            name="status"
            value={draft.status}
            onChange={(event) => setDraft({ ...draft, status: event.target.value })}
          >
            <option value="">{t('common.all')}</option>
            {REFERRAL_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`status.${status}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('referrals.institution')}
          <select
            name="institutionId"
            value={draft.institutionId}
            onChange={(event) => setDraft({ ...draft, institutionId: event.target.value })}
          >
            <option value="">{t('referrals.anyInstitution')}</option>
            {directory?.institutions.map((institution) => (
              <option key={institution.id} value={institution.id}>
                {institution.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('referrals.patient')}
          <input
            name="patientResidentId"
            value={draft.patientResidentId}
            maxLength={18}
            onChange={(event) => setDraft({ ...draft, patientResidentId: event.target.value.trim() })}
          />
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            name="overdueOnly"
            checked={draft.overdueOnly}
            onChange={(event) => setDraft({ ...draft, overdueOnly: event.target.checked })}
          />
          {t('referrals.overdueOnly')}
        </label>
        <button type="submit">{t('common.search')}</button>
        <button
          type="button"
          className="secondary"
          onClick={() => {
            setDraft(NO_FILTERS);
            setFilters(NO_FILTERS);
          }}
        >
          {t('common.reset')}
        </button>
      </form>
      <p className="muted" data-testid="live-state">
        <span className={connected ? 'live-dot live-dot--on' : 'live-dot'} aria-hidden />{' '}
        {connected ? t('referrals.live') : t('referrals.liveOff')}
      </p>
      <LoadState {...loaded} />
      {loaded.data && rows.length === 0 && <p className="muted">{t('referrals.empty')}</p>}
      {loaded.data && rows.length > 0 && directory && (
        <ReferralTable
          referrals={rows}
          institutionName={directory.institutionName}
          now={new Date()}
          highlighted={new Set(live.keys())}
        />
      )}
      {nextPageToken && (
        <button type="button" className="secondary" onClick={() => void loadMore(nextPageToken)}>
          {t('referrals.loadMore')}
        </button>
      )}
    </div>
  );
}
