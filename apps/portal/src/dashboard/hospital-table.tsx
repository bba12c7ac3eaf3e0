import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatBasisPoints, targetStatus } from '../indicators/reserve-ratio';
import { type HospitalDay } from './load-scope';

/** Each hospital's reserved slots and beds of the day against its target, as scheduling reports them. */
export function HospitalTable({ days }: { days: readonly HospitalDay[] }) {
  const { t } = useTranslation();
  return (
    <table className="table" data-testid="hospital-table">
      <thead>
        <tr>
          <th>{t('columns.name')}</th>
          <th>{t('columns.level')}</th>
          <th>{t('columns.slots')}</th>
          <th>{t('columns.slotShare')}</th>
          <th>{t('columns.beds')}</th>
          <th>{t('columns.bedShare')}</th>
        </tr>
      </thead>
      <tbody>
        {days.map(({ institution, report }) => {
          const slots = report?.slots;
          const beds = report?.beds;
          const slotStatus = targetStatus(
            slots?.reservedRatioBp ?? 0,
            slots?.targetRatioBp ?? null,
            slots?.offered ?? 0,
          );
          const bedStatus = targetStatus(
            beds?.reservedRatioBp ?? 0,
            beds?.targetRatioBp ?? null,
            beds?.beds ?? 0,
          );
          return (
            <tr key={institution.id}>
              <td>
                <Link to={`/institutions/${institution.id}`}>{institution.name}</Link>
              </td>
              <td>{t(`levels.${institution.level ?? 'INSTITUTION_LEVEL_UNSPECIFIED'}`)}</td>
              <td>
                {slots?.reservedOffered ?? 0}/{slots?.offered ?? 0}
              </td>
              <td>
                {formatBasisPoints(slots?.offered ? (slots.reservedRatioBp ?? 0) : null)}{' '}
                <span className={`badge badge--${slotStatus}`}>
                  {t(`dashboard.status.${slotStatus}`)} ·{' '}
                  {t('dashboard.target', { target: formatBasisPoints(slots?.targetRatioBp) })}
                </span>
              </td>
              <td>
                {beds?.reservedBeds ?? 0}/{beds?.beds ?? 0}
              </td>
              <td>
                {formatBasisPoints(beds?.beds ? (beds.reservedRatioBp ?? 0) : null)}{' '}
                <span className={`badge badge--${bedStatus}`}>
                  {t(`dashboard.status.${bedStatus}`)} ·{' '}
                  {t('dashboard.target', { target: formatBasisPoints(beds?.targetRatioBp) })}
                </span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
