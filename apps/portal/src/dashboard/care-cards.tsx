import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  ESSENTIAL_SHARE_TARGET_BP,
  FIRST_CONTACT_TARGET_BP,
  firstContactsIn,
  prescribingIn,
  RECOGNITION_TARGET_BP,
  recognitionIn,
  spendAgainstBudget,
} from '../indicators/care-indicators';
import { formatBasisPoints } from '../indicators/reserve-ratio';
import { formatYuan } from '../format/money';
import { IndicatorCard } from './indicator-card';
import { type CareData } from './load-care';

/**
 * The indicators payment, pharmacy and lab-sharing count (first contacts, recognition, essential medicines, spend
 * against budget), each against its target; a service that did not answer shows as unavailable, not as zero.
 */
export function CareCards({ care }: { care: CareData }) {
  const { t, i18n } = useTranslation();
  const unavailable = t('care.unavailable');
  const target = (bp: number) => t('dashboard.target', { target: formatBasisPoints(bp) });
  const firstContacts = care.firstContacts && firstContactsIn(care.firstContacts, care.inScope);
  const recognition = care.recognition && recognitionIn(care.recognition, care.inScope);
  const prescribing = care.prescribing && prescribingIn(care.prescribing, care.inScope);
  const settled = care.settlements.flatMap((s) => (s.run ? [s.run] : []));
  const spend = spendAgainstBudget(settled);
  const yuan = (fen: bigint) => formatYuan(fen, i18n.language);

  return (
    <>
      <p className="muted">{t('care.window', { from: care.from, until: care.until })}</p>
      <div className="cards">
        <IndicatorCard
          testId="indicator-first-contact"
          label={t('care.firstContact')}
          value={firstContacts ? formatBasisPoints(firstContacts.shareBp) : unavailable}
          detail={
            firstContacts &&
            t('care.firstContactDetail', {
              primary: firstContacts.primary,
              all: firstContacts.firstContacts,
              referred: firstContacts.referredVisits,
            })
          }
          status={firstContacts?.status ?? 'no-data'}
          statusLabel={`${t(`care.status.${firstContacts?.status ?? 'no-data'}`)} · ${target(FIRST_CONTACT_TARGET_BP)}`}
        />
        <IndicatorCard
          testId="indicator-recognition"
          label={t('care.recognition')}
          value={recognition ? formatBasisPoints(recognition.rateBp) : unavailable}
          detail={
            recognition &&
            t('care.recognitionDetail', {
              lookups: recognition.lookups,
              reused: recognition.reused,
              ordered: recognition.orderedAnyway,
            })
          }
          status={recognition?.status ?? 'no-data'}
          statusLabel={`${t(`care.status.${recognition?.status ?? 'no-data'}`)} · ${target(RECOGNITION_TARGET_BP)}`}
        />
        <IndicatorCard
          testId="indicator-essential"
          label={t('care.essential')}
          value={prescribing ? formatBasisPoints(prescribing.essentialShareBp) : unavailable}
          detail={
            prescribing &&
            t('care.essentialDetail', {
              lines: prescribing.lines,
              volume: formatBasisPoints(prescribing.volumeBasedShareBp),
              long: prescribing.longAccepted,
            })
          }
          status={prescribing?.status ?? 'no-data'}
          statusLabel={`${t(`care.status.${prescribing?.status ?? 'no-data'}`)} · ${target(ESSENTIAL_SHARE_TARGET_BP)}`}
        />
        <IndicatorCard
          testId="indicator-spend"
          label={t('care.spend', { month: care.month })}
          value={spend.consumedBp === null ? t('care.notSettled') : formatBasisPoints(spend.consumedBp)}
          detail={
            spend.groups > 0 &&
            t('care.spendDetail', {
              spent: yuan(spend.spent),
              budget: yuan(spend.budget),
              settled: spend.groups,
              groups: care.settlements.length,
            })
          }
          status={spend.status}
          statusLabel={
            spend.groups === 0
              ? t('care.status.no-data')
              : spend.overspentGroups === 0
                ? t('care.allWithinBudget')
                : t('care.overspentGroups', { count: spend.overspentGroups })
          }
        />
      </div>
      {care.settlements.length > 0 && (
        <section className="panel">
          <h2>{t('care.settlementsOf', { month: care.month })}</h2>
          <table className="table" data-testid="settlement-table">
            <thead>
              <tr>
                <th>{t('settlements.group')}</th>
                <th>{t('settlements.budget')}</th>
                <th>{t('settlements.fundPaid')}</th>
                <th>{t('settlements.balance')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {care.settlements.map(({ group, run }) => (
                <tr key={group.id}>
                  <td>{group.name}</td>
                  <td>{run ? formatYuan(run.budget ?? '0', i18n.language) : '—'}</td>
                  <td>{run ? formatYuan(run.fundPaid ?? '0', i18n.language) : '—'}</td>
                  <td>
                    {run
                      ? `${t(`settlements.kind.${run.balance?.kind ?? 'EVEN'}`)} ${formatYuan(run.balance?.amount ?? '0', i18n.language)}`
                      : t('care.notSettled')}
                  </td>
                  <td>
                    <Link to={`/settlements?group=${group.id}&month=${care.month}`}>{t('common.open')}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </>
  );
}
