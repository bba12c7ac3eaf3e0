import { useTranslation } from 'react-i18next';
import { settlementCsvUrl } from '../api/portal-api';
import { type FenText, type SettlementFigures, type SettlementRun } from '../api/portal-types';
import { formatYuan } from '../format/money';
import { formatShanghaiDateTime } from '../format/shanghai-time';

/** One settled month of a group: its totals, how the balance was shared, each institution, and the CSV. */
export function SettlementRunView({
  run,
  month,
  institutionName,
}: {
  run: SettlementRun;
  month: string;
  institutionName: (id: string) => string;
}) {
  const { t, i18n } = useTranslation();
  const yuan = (fen: FenText | undefined) => formatYuan(fen ?? 0, i18n.language);
  const balance = run.balance;
  const shares =
    balance?.kind === 'SURPLUS'
      ? (['retainedByGroup', 'returnedToFund'] as const)
      : balance?.kind === 'OVERSPEND'
        ? (['coveredByFund', 'coveredByFinance', 'borneByGroup'] as const)
        : [];
  const figures = (label: string, f: SettlementFigures | undefined) => (
    <tr>
      <td>{label}</td>
      <td>{f?.claims ?? 0}</td>
      <td>{yuan(f?.fund)}</td>
      <td>{yuan(f?.patient)}</td>
      <td>{yuan(f?.waived)}</td>
    </tr>
  );

  return (
    <section className="panel" data-testid="settlement-run">
      <dl className="facts">
        <dt>{t('settlements.settledAt')}</dt>
        <dd>{formatShanghaiDateTime(run.settledAt)}</dd>
        <dt>{t('settlements.budget')}</dt>
        <dd data-testid="settlement-budget">{yuan(run.budget)}</dd>
        <dt>{t('settlements.fundPaid')}</dt>
        <dd data-testid="settlement-fund-paid">{yuan(run.fundPaid)}</dd>
        <dt>{t('settlements.patientPaid')}</dt>
        <dd>{yuan(run.patientPaid)}</dd>
        <dt>{t('settlements.waived')}</dt>
        <dd>{yuan(run.waived)}</dd>
        <dt>{t('settlements.balance')}</dt>
        <dd data-testid="settlement-balance">
          {t(`settlements.kind.${balance?.kind ?? 'EVEN'}`)} {yuan(balance?.amount)}
          {shares.map((share) => (
            <span key={share} className="muted">
              {' '}
              · {t(`settlements.${share}`)} {yuan(balance?.[share])}
            </span>
          ))}
        </dd>
        <dt>{t('settlements.budgetBasis')}</dt>
        <dd>
          <ul className="plain-list">
            {(run.budgetBasis ?? []).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </dd>
      </dl>
      <p>
        <a href={settlementCsvUrl(run.groupId, month)} download data-testid="settlement-csv">
          {t('settlements.csv')}
        </a>
      </p>
      <table className="table">
        <thead>
          <tr>
            <th />
            <th>{t('settlements.claims')}</th>
            <th>{t('settlements.fundPaid')}</th>
            <th>{t('settlements.patientPaid')}</th>
            <th>{t('settlements.waived')}</th>
          </tr>
        </thead>
        <tbody>
          {figures(t('settlements.referred'), run.referred)}
          {figures(t('settlements.unreferred'), run.unreferred)}
        </tbody>
      </table>
      <h2>{t('settlements.institutions')}</h2>
      <table className="table" data-testid="settlement-institutions">
        <thead>
          <tr>
            <th>{t('settlements.institution')}</th>
            <th>{t('settlements.level')}</th>
            <th>{t('settlements.claims')}</th>
            <th>{t('settlements.fundPaid')}</th>
            <th>{t('settlements.byPoints')}</th>
            <th>{t('settlements.patientPaid')}</th>
          </tr>
        </thead>
        <tbody>
          {(run.institutions ?? []).map((line) => (
            <tr key={line.institutionId}>
              <td>{institutionName(line.institutionId)}</td>
              <td>{t(`levels.${line.level ?? 'INSTITUTION_LEVEL_UNSPECIFIED'}`)}</td>
              <td>{line.figures?.claims ?? 0}</td>
              <td>{yuan(line.figures?.fund)}</td>
              <td>{yuan(line.byPoints)}</td>
              <td>{yuan(line.figures?.patient)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
