import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { type Referral, type ReferralHistoryEntry } from '../api/portal-types';
import { formatShanghaiDateTime } from '../format/shanghai-time';

/** The most recent of scheduling's notes on the referral: a hold, a waitlist, or no session at all. */
function lastSchedulingNote(history: readonly ReferralHistoryEntry[]) {
  return history.findLast(
    (entry) =>
      entry.action === 'REFERRAL_ACTION_SCHEDULE' ||
      entry.action === 'REFERRAL_ACTION_WAITLIST' ||
      entry.action === 'REFERRAL_ACTION_NO_SLOT',
  );
}

/**
 * The appointment scheduling holds for the referral: the booking, the session, the pool (the hospital's reserve for
 * primary care or the public one), or the waitlist; when no session matched, that the hospital must arrange the
 * visit. Times are Asia/Shanghai. The slot names its session but not the session's hours, which the gateway does
 * not serve, so the page shows when the slot was held rather than when the visit is.
 */
export function ReferralAppointment({
  referral,
  history,
}: {
  referral: Referral;
  history: readonly ReferralHistoryEntry[];
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const slot = referral.slot;
  const note = lastSchedulingNote(history);
  const noSlot =
    !slot && note?.action === 'REFERRAL_ACTION_NO_SLOT' && referral.status === 'REFERRAL_STATUS_ACCEPTED';
  if (!slot && !noSlot) return null;
  const attempts = history.filter((entry) => entry.action === 'REFERRAL_ACTION_NO_SLOT').length;

  return (
    <section className="panel" data-testid="referral-slot" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('referralDetail.slot.title')}</h2>
      {noSlot ? (
        <p>
          <span className="badge badge--below">{t('referralDetail.slot.none')}</span>{' '}
          {t('referralDetail.slot.noSlot', {
            attempts,
            at: formatShanghaiDateTime(note?.occurredAt),
          })}
        </p>
      ) : (
        <dl className="facts">
          <dt>{t('referralDetail.slot.state')}</dt>
          <dd>
            {slot?.waitlisted ? (
              <span className="badge badge--below">{t('referralDetail.slot.waitlisted')}</span>
            ) : (
              t('referralDetail.slot.held')
            )}
          </dd>
          {slot?.pool && (
            <>
              <dt>{t('referralDetail.slot.pool')}</dt>
              <dd>{t(`referralDetail.slot.pools.${slot.pool}`, { defaultValue: slot.pool })}</dd>
            </>
          )}
          {note?.occurredAt && note.action !== 'REFERRAL_ACTION_NO_SLOT' && (
            <>
              <dt>
                {slot?.waitlisted ? t('referralDetail.slot.waitlistedAt') : t('referralDetail.slot.heldAt')}
              </dt>
              <dd>{formatShanghaiDateTime(note.occurredAt)}</dd>
            </>
          )}
          {slot?.bookingId && (
            <>
              <dt>{t('referralDetail.slot.bookingId')}</dt>
              <dd>
                <code>{slot.bookingId}</code>
              </dd>
            </>
          )}
          {slot?.sessionId && (
            <>
              <dt>{t('referralDetail.slot.sessionId')}</dt>
              <dd>
                <code>{slot.sessionId}</code>
              </dd>
            </>
          )}
          {referral.arrivedAt && referral.direction === 'REFERRAL_DIRECTION_UPWARD' && (
            <>
              <dt>{t('referralDetail.slot.arrivedAt')}</dt>
              <dd>{formatShanghaiDateTime(referral.arrivedAt)}</dd>
            </>
          )}
        </dl>
      )}
    </section>
  );
}
