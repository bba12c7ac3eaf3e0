import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { type Referral } from '../api/portal-types';
import { formatShanghaiDateTime } from '../format/shanghai-time';
import { isOverdue } from '../indicators/referral-indicators';

/** Referrals as rows: when, which way, where from and to, the state, the 48-hour deadline. */
export function ReferralTable({
  referrals,
  institutionName,
  now,
  highlighted,
}: {
  referrals: readonly Referral[];
  institutionName: (id: string | undefined) => string;
  now: Date;
  highlighted?: ReadonlySet<string>;
}) {
  const { t } = useTranslation();
  return (
    <table className="table" data-testid="referral-table">
      <thead>
        <tr>
          <th>{t('columns.created')}</th>
          <th>{t('columns.direction')}</th>
          <th>{t('columns.referring')}</th>
          <th>{t('columns.receiving')}</th>
          <th>{t('columns.diagnosis')}</th>
          <th>{t('columns.status')}</th>
          <th>{t('columns.due')}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {referrals.map((referral) => (
          <tr key={referral.id} className={highlighted?.has(referral.id) ? 'row--updated' : undefined}>
            <td>{formatShanghaiDateTime(referral.createdAt)}</td>
            <td>{referral.direction ? t(`direction.${referral.direction}`) : ''}</td>
            <td>{institutionName(referral.referringInstitutionId)}</td>
            <td>{institutionName(referral.receivingInstitutionId)}</td>
            <td>{referral.icd10Code}</td>
            <td>{referral.status ? t(`status.${referral.status}`) : ''}</td>
            <td className={isOverdue(referral, now) ? 'overdue' : undefined}>
              {formatShanghaiDateTime(referral.dueAt)}
            </td>
            <td>
              <Link to={`/referrals/${referral.id}`}>{t('common.open')}</Link>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
