import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import * as api from '../api/portal-api';
import { type Referral, type ReferralHistoryEntry } from '../api/portal-types';
import { useLoad } from '../api/use-load';
import { cityDirectory } from '../dashboard/city-directory';
import { formatShanghaiDateTime } from '../format/shanghai-time';
import { isOverdue } from '../indicators/referral-indicators';
import { LoadState } from '../layout/load-state';
import { useReferralChanges } from './live-referrals';
import { ReferralTimeline } from './referral-timeline';

/** One referral: what it is, where it stands, and every step it took (who, when), kept up to date live. */
export function ReferralDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const [live, setLive] = useState<{ referral?: Referral; entries: ReferralHistoryEntry[] }>({ entries: [] });
  const loaded = useLoad(async () => {
    setLive({ entries: [] });
    const [directory, answer] = await Promise.all([cityDirectory(), api.getReferral(id)]);
    return { directory, answer };
  }, [id]);

  const connected = useReferralChanges((change) => {
    if (change.referral?.id !== id || !change.change) return;
    const entry = change.change;
    setLive((before) => ({ referral: change.referral, entries: [...before.entries, entry] }));
  });

  if (!loaded.data) return <LoadState {...loaded} />;
  const { directory, answer } = loaded.data;
  const referral = live.referral ?? answer.referral;
  const seen = new Set((answer.history ?? []).map((entry) => entry.seq));
  const history = [...(answer.history ?? []), ...live.entries.filter((entry) => !seen.has(entry.seq))];
  const now = new Date();

  return (
    <div className="page" data-testid="referral-detail">
      <Link to="/referrals">← {t('referral.back')}</Link>
      <h1>
        {t('referral.title')} · {referral.direction ? t(`direction.${referral.direction}`) : ''} ·{' '}
        <span data-testid="referral-status">{referral.status ? t(`status.${referral.status}`) : ''}</span>
      </h1>
      <p className="muted" data-testid="live-state">
        <span className={connected ? 'live-dot live-dot--on' : 'live-dot'} aria-hidden />{' '}
        {connected ? t('referrals.live') : t('referrals.liveOff')}
      </p>
      <section className="panel">
        <h2>{t('referral.summary')}</h2>
        <dl className="facts">
          <dt>{t('columns.referring')}</dt>
          <dd>{directory.institutionName(referral.referringInstitutionId)}</dd>
          <dt>{t('columns.receiving')}</dt>
          <dd>{directory.institutionName(referral.receivingInstitutionId)}</dd>
          <dt>{t('columns.patient')}</dt>
          <dd>{referral.patientResidentId}</dd>
          <dt>{t('columns.diagnosis')}</dt>
          <dd>{referral.icd10Code}</dd>
          <dt>{t('referral.reason')}</dt>
          <dd>{referral.reason}</dd>
          <dt>{t('columns.created')}</dt>
          <dd>{formatShanghaiDateTime(referral.createdAt)}</dd>
          <dt>{t('referral.submittedAt')}</dt>
          <dd>{formatShanghaiDateTime(referral.submittedAt)}</dd>
          <dt>{t('referral.dueAt')}</dt>
          <dd className={isOverdue(referral, now) ? 'overdue' : undefined}>
            {formatShanghaiDateTime(referral.dueAt)}{' '}
            {isOverdue(referral, now) && `(${t('referral.overdue')})`}
          </dd>
          {referral.deadlineBreachedAt && (
            <>
              <dt>{t('referral.breachedAt')}</dt>
              <dd>{formatShanghaiDateTime(referral.deadlineBreachedAt)}</dd>
            </>
          )}
          {referral.closedAt && (
            <>
              <dt>{t('referral.closedAt')}</dt>
              <dd>{formatShanghaiDateTime(referral.closedAt)}</dd>
            </>
          )}
          {referral.outcomeReason && (
            <>
              <dt>{t('referral.outcomeReason')}</dt>
              <dd>{referral.outcomeReason}</dd>
            </>
          )}
          <dt>{t('referral.greenChannel')}</dt>
          <dd>{referral.greenChannel ? t('common.yes') : t('common.no')}</dd>
          <dt>{t('referral.contractedPriority')}</dt>
          <dd>{referral.contractedResidentPriority ? t('common.yes') : t('common.no')}</dd>
        </dl>
      </section>
      <section className="panel">
        <h2>{t('referral.timeline')}</h2>
        <ReferralTimeline history={history} institutionName={directory.institutionName} />
      </section>
    </div>
  );
}
