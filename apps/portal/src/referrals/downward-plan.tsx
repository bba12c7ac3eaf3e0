import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { type Referral } from '../api/portal-types';
import { hasPlan, pastDueFollowUps } from './referral-sections';

/**
 * The plan that goes down with the patient: the diagnoses, the medication to continue, the follow-ups with their
 * due dates (the past-due ones marked), the warning signs that call for an upward referral again, the hospital's
 * notes, and how many follow-ups the primary institution has recorded.
 */
export function DownwardPlan({ referral, now }: { referral: Referral; now: Date }) {
  const { t } = useTranslation();
  const headingId = useId();
  if (!hasPlan(referral)) return null;
  const plan = referral.treatmentPlan ?? {};
  const medications = plan.medications ?? [];
  const followUps = plan.followUps ?? [];
  const warningSigns = plan.warningSigns ?? [];
  const recorded = referral.followUpCount ?? 0;
  const pastDue = pastDueFollowUps(followUps, recorded, referral.status, now);

  return (
    <section className="panel" data-testid="referral-plan" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('referralDetail.plan.title')}</h2>
      <dl className="facts">
        {(plan.diagnosisCodes?.length ?? 0) > 0 && (
          <>
            <dt>{t('referralDetail.plan.diagnoses')}</dt>
            <dd>
              <ul className="code-list">
                {plan.diagnosisCodes?.map((code) => (
                  <li key={code}>
                    <code>{code}</code>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
        <dt>{t('referralDetail.plan.followUpCount')}</dt>
        <dd data-testid="referral-follow-up-count">
          {t('referralDetail.plan.followUpsRecorded', { recorded, planned: followUps.length })}
        </dd>
      </dl>

      {medications.length > 0 && (
        <table className="table">
          <caption>{t('referralDetail.plan.medications')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('referralDetail.plan.drug')}</th>
              <th scope="col">{t('referralDetail.plan.drugCode')}</th>
              <th scope="col">{t('referralDetail.plan.dose')}</th>
              <th scope="col">{t('referralDetail.plan.frequency')}</th>
              <th scope="col">{t('referralDetail.plan.days')}</th>
            </tr>
          </thead>
          <tbody>
            {medications.map((medication, index) => (
              <tr key={index}>
                <td>{medication.name}</td>
                <td>
                  {medication.drugCode ? (
                    <code>{medication.drugCode}</code>
                  ) : (
                    <span className="muted">{t('referralDetail.plan.noDrugCode')}</span>
                  )}
                </td>
                <td>{medication.dose}</td>
                <td>{medication.frequency}</td>
                <td>
                  {medication.days ? t('referralDetail.plan.daysValue', { days: medication.days }) : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {followUps.length > 0 && (
        <table className="table">
          <caption>{t('referralDetail.plan.followUps')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('referralDetail.plan.dueDate')}</th>
              <th scope="col">{t('referralDetail.plan.item')}</th>
            </tr>
          </thead>
          <tbody>
            {followUps.map((followUp, index) => (
              <tr key={index}>
                <td className={pastDue[index] ? 'overdue' : undefined}>
                  {followUp.dueDate}{' '}
                  {pastDue[index] && (
                    <span className="badge badge--below">{t('referralDetail.plan.pastDue')}</span>
                  )}
                </td>
                <td>{followUp.item}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {warningSigns.length > 0 && (
        <>
          <h3>{t('referralDetail.plan.warningSigns')}</h3>
          <ul className="plain-list">
            {warningSigns.map((sign, index) => (
              <li key={index}>{sign}</li>
            ))}
          </ul>
        </>
      )}

      {plan.notes && (
        <>
          <h3>{t('referralDetail.plan.notes')}</h3>
          <p className="pre-line">{plan.notes}</p>
        </>
      )}
    </section>
  );
}
