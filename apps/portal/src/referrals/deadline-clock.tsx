import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Referral, type ReferralHistoryEntry } from '../api/portal-types';
import { formatShanghaiDateTime } from '../format/shanghai-time';
import { hoursAndMinutes, type ReferralClock, referralClock } from './referral-clock';

const MINUTE_MS = 60_000;

/** The current instant, renewed every minute: the clock reads in whole minutes. */
function useMinuteTick(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), MINUTE_MS);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

/**
 * The 48-hour rule on one referral: the time left (or overdue by) while the visit is owed, how long it took once
 * handled, and the breach when referral recorded one. Nothing before the clock started.
 */
export function DeadlineClock({
  referral,
  history,
}: {
  referral: Referral;
  history: readonly ReferralHistoryEntry[];
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const now = useMinuteTick();
  const clock = referralClock(referral, history, now);
  if (!clock) return null;
  const duration = (total: number) => {
    const { hours, minutes } = hoursAndMinutes(total);
    return minutes === 0 && hours > 0
      ? t('referralDetail.durationHours', { hours })
      : t('referralDetail.duration', { hours, minutes });
  };

  return (
    <section className="panel" data-testid="referral-clock" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('referralDetail.clock.title')}</h2>
      <p className="clock" role="timer">
        <ClockReading clock={clock} duration={duration} />
      </p>
      <dl className="facts">
        <dt>{t('referral.dueAt')}</dt>
        <dd>{formatShanghaiDateTime(clock.dueAt)}</dd>
        {clock.kind === 'handled' && clock.handledAt && (
          <>
            <dt>{t('referralDetail.clock.handledAt')}</dt>
            <dd>{formatShanghaiDateTime(clock.handledAt)}</dd>
          </>
        )}
        {clock.breachedAt && (
          <>
            <dt>{t('referral.breachedAt')}</dt>
            <dd className="overdue">{formatShanghaiDateTime(clock.breachedAt)}</dd>
          </>
        )}
      </dl>
    </section>
  );
}

function ClockReading({ clock, duration }: { clock: ReferralClock; duration: (minutes: number) => string }) {
  const { t } = useTranslation();
  switch (clock.kind) {
    case 'running':
      return clock.overdue ? (
        <>
          <strong className="overdue">
            {t('referralDetail.clock.overdueBy', { time: duration(clock.minutes) })}
          </strong>{' '}
          <span className="badge badge--below">{t('referral.overdue')}</span>
        </>
      ) : (
        <>
          <strong>{t('referralDetail.clock.left', { time: duration(clock.minutes) })}</strong>{' '}
          <span className="badge">{t('referralDetail.clock.running')}</span>
        </>
      );
    case 'handled':
      return (
        <>
          <strong className={clock.inTime ? undefined : 'overdue'}>
            {clock.minutesTaken === undefined
              ? t('referralDetail.clock.handled')
              : t('referralDetail.clock.took', {
                  time: duration(clock.minutesTaken),
                  limit: duration(clock.limitMinutes),
                })}
          </strong>{' '}
          <span className={clock.inTime ? 'badge badge--met' : 'badge badge--below'}>
            {clock.inTime ? t('referralDetail.clock.inTime') : t('referralDetail.clock.late')}
          </span>
        </>
      );
    case 'stopped':
      return (
        <span className="muted">
          {t('referralDetail.clock.stopped', { status: t(`status.${clock.status}`) })}
        </span>
      );
  }
}
