import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import * as api from '../api/portal-api';
import { type Referral, type ReferralHistoryEntry } from '../api/portal-types';
import { useLoad } from '../api/use-load';
import { cityDirectory } from '../dashboard/city-directory';
import { formatShanghaiDateTime } from '../format/shanghai-time';
import { LoadState } from '../layout/load-state';
import { DeadlineClock } from './deadline-clock';
import { DownwardPlan } from './downward-plan';
import { useReferralChanges } from './live-referrals';
import { MedicationContinuity } from './medication-continuity';
import { ReferralAppointment } from './referral-appointment';
import { ReferralIndications } from './referral-indications';
import { ReferralTimeline } from './referral-timeline';
import { TravellingResults } from './travelling-results';

/**
 * One referral: what it is, where it stands against the 48-hour rule, why it was made, the appointment, the results
 * and (downward) the plan and pharmacy's continuity assessment that travel with it, and every step it took (who,
 * when), kept up to date live.
 */
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
  // Events carry the referral without pharmacy's assessment (GetReferral alone attaches it): keep the one loaded.
  const referral = live.referral
    ? { ...live.referral, continuity: live.referral.continuity ?? answer.referral.continuity }
    : answer.referral;
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
        </dl>
      </section>
      <DeadlineClock referral={referral} history={history} />
      <ReferralIndications referral={referral} />
      <ReferralAppointment referral={referral} history={history} />
      <TravellingResults referral={referral} />
      <DownwardPlan referral={referral} now={now} />
      <MedicationContinuity referral={referral} />
      <section className="panel">
        <h2>{t('referral.timeline')}</h2>
        <ReferralTimeline history={history} institutionName={directory.institutionName} />
      </section>
    </div>
  );
}
