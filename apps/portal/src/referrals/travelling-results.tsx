import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { type Referral } from '../api/portal-types';

/** The existing results the referral carries (lab-sharing's registry), so the receiving side does not repeat them. */
export function TravellingResults({ referral }: { referral: Referral }) {
  const { t } = useTranslation();
  const headingId = useId();
  const results = referral.results ?? [];
  if (results.length === 0) return null;

  return (
    <section className="panel" data-testid="referral-results" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('referralDetail.results.title')}</h2>
      <table className="table">
        <caption>{t('referralDetail.results.caption', { number: results.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('referralDetail.results.kind')}</th>
            <th scope="col">{t('referralDetail.results.summary')}</th>
            <th scope="col">{t('referralDetail.results.resultId')}</th>
          </tr>
        </thead>
        <tbody>
          {results.map((result, index) => (
            <tr key={result.resultId ?? index}>
              <td>
                {t(`referralDetail.results.kinds.${result.kind ?? 'RESULT_KIND_UNSPECIFIED'}`, {
                  defaultValue: result.kind,
                })}
              </td>
              <td>{result.summary}</td>
              <td>
                <code>{result.resultId}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
