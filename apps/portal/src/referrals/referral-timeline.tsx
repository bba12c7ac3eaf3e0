import { useTranslation } from 'react-i18next';
import { type ReferralHistoryEntry } from '../api/portal-types';
import { formatShanghaiDateTime } from '../format/shanghai-time';

/** The service's own actor when referral acted by itself (a deadline, the saga). */
const SERVICE_ACTOR = 'medgrid-referral';

/** Every transition, oldest first: what happened, from which state to which, who did it and when. */
export function ReferralTimeline({
  history,
  institutionName,
}: {
  history: readonly ReferralHistoryEntry[];
  institutionName: (id: string | undefined) => string;
}) {
  const { t } = useTranslation();
  const statusName = (status: string | undefined) => (status ? t(`status.${status}`) : '—');
  return (
    <ol className="timeline" data-testid="referral-timeline">
      {history.map((entry) => (
        <li key={entry.seq} className="timeline__entry">
          <div className="timeline__when">{formatShanghaiDateTime(entry.occurredAt)}</div>
          <div className="timeline__what">
            <strong>{entry.action ? t(`action.${entry.action}`) : ''}</strong>{' '}
            <span className="muted">
              {t('referral.transition', {
                from: statusName(entry.fromStatus),
                to: statusName(entry.toStatus),
              })}
            </span>
          </div>
          <div className="timeline__who">
            {t('referral.actor')}:{' '}
            {entry.actorSubject === SERVICE_ACTOR || !entry.actorSubject
              ? t('referral.system')
              : `${entry.actorSubject}${entry.actorRole ? ` (${entry.actorRole})` : ''}`}
            {entry.actorInstitutionId && ` · ${institutionName(entry.actorInstitutionId)}`}
          </div>
          {entry.note && (
            <div className="timeline__note">
              {t('referral.note')}: {entry.note}
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}
