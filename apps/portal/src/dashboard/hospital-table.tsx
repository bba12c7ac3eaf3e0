import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatBasisPoints, type TargetStatus } from '../indicators/reserve-ratio';

/** proto3 JSON leaves a false `targetMet` out: absent is not met. */
const judgedStatus = (offered: number, met: boolean | undefined): TargetStatus =>
  offered <= 0 ? 'no-data' : met === true ? 'met' : 'below';
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
          // scheduling judges the target exactly (56 of 168 is a third, met, though 3333 bp < 3334 bp).
          const slotStatus = judgedStatus(slots?.offered ?? 0, slots?.targetMet);
          const bedStatus = judgedStatus(beds?.beds ?? 0, beds?.targetMet);
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
