import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { type MedicationContinuity as Line, type Referral } from '../api/portal-types';
import { formatShanghaiDateTime } from '../format/shanghai-time';
import { continuityState } from './referral-sections';

const OUTCOME_BADGE: Record<string, string> = {
  CONTINUITY_OUTCOME_CONTINUE: 'badge badge--met',
  CONTINUITY_OUTCOME_SUBSTITUTE: 'badge',
  CONTINUITY_OUTCOME_ACTION_NEEDED: 'badge badge--below',
};

const WITHIN_RULE = new Set(['SUPPLY_VERDICT_ORDINARY', 'SUPPLY_VERDICT_LONG']);

/**
 * pharmacy's continuity assessment of a downward medication list, as pharmacy states it: for each line, whether the
 * receiving primary institution stocks the drug, the substitute it dispenses instead, or why action is needed (and
 * the drug it may requisition), then the days written against the days-of-supply rule; above it, the overall
 * verdict. Until pharmacy has announced it, a downward referral with medication says it is not assessed yet.
 */
export function MedicationContinuity({ referral }: { referral: Referral }) {
  const { t } = useTranslation();
  const headingId = useId();
  const state = continuityState(referral);
  if (!state) return null;
  const assessment = referral.continuity;

  return (
    <section className="panel" data-testid="referral-continuity" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('referralDetail.continuity.title')}</h2>
      {state === 'pending' || !assessment ? (
        <p className="muted">{t('referralDetail.continuity.notAssessed')}</p>
      ) : (
        <>
          <dl className="facts">
            <dt>{t('referralDetail.continuity.verdict')}</dt>
            <dd className={assessment.continuous ? 'success' : 'error'}>
              {assessment.continuous
                ? t('referralDetail.continuity.continuous')
                : t('referralDetail.continuity.notContinuous')}
            </dd>
            <dt>{t('referralDetail.continuity.daysOfSupply')}</dt>
            <dd className={assessment.daysWithinRule ? 'success' : 'error'}>
              {assessment.daysWithinRule
                ? t('referralDetail.continuity.daysWithinRule')
                : t('referralDetail.continuity.daysBeyondRule')}
            </dd>
            <dt>{t('referralDetail.continuity.contractedResident')}</dt>
            <dd>{assessment.contractedResident ? t('common.yes') : t('common.no')}</dd>
            <dt>{t('referralDetail.continuity.assessedAt')}</dt>
            <dd>{formatShanghaiDateTime(assessment.assessedAt)}</dd>
          </dl>
          {(assessment.medications?.length ?? 0) > 0 && (
            <table className="table">
              <caption>{t('referralDetail.continuity.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('referralDetail.continuity.drug')}</th>
                  <th scope="col">{t('referralDetail.continuity.atReceiving')}</th>
                  <th scope="col">{t('referralDetail.continuity.daysWritten')}</th>
                  <th scope="col">{t('referralDetail.continuity.daysAllowed')}</th>
                  <th scope="col">{t('referralDetail.continuity.supplyRule')}</th>
                </tr>
              </thead>
              <tbody>
                {assessment.medications?.map((line, index) => (
                  <ContinuityLine key={index} line={line} />
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}

function ContinuityLine({ line }: { line: Line }) {
  const { t } = useTranslation();
  const outcome = line.outcome ?? 'CONTINUITY_OUTCOME_UNSPECIFIED';
  const verdict = line.supplyVerdict ?? 'SUPPLY_VERDICT_UNSPECIFIED';
  const bars = line.supplyBars ?? [];
  return (
    <tr>
      <td>
        {line.name}
        <br />
        {line.drugCode ? (
          <code className="muted">{line.drugCode}</code>
        ) : (
          <span className="muted">{t('referralDetail.plan.noDrugCode')}</span>
        )}
      </td>
      <td>
        <span className={OUTCOME_BADGE[outcome] ?? 'badge'}>
          {t(`referralDetail.continuity.outcomes.${outcome}`, { defaultValue: outcome })}
        </span>
        {line.suggestedCode && (
          <div>
            {t('referralDetail.continuity.substitute')}: <code>{line.suggestedCode}</code>
          </div>
        )}
        {line.actionReason && line.actionReason !== 'CONTINUITY_ACTION_REASON_UNSPECIFIED' && (
          <div>
            {t(`referralDetail.continuity.actionReasons.${line.actionReason}`, {
              defaultValue: line.actionReason,
            })}
          </div>
        )}
        {line.obtainableCode && (
          <div>
            {t('referralDetail.continuity.obtainable')}: <code>{line.obtainableCode}</code>
          </div>
        )}
        {line.note && <div className="muted">{line.note}</div>}
      </td>
      <td>{line.days ?? ''}</td>
      <td
        className={
          line.allowedDays !== undefined && line.allowedDays < (line.days ?? 0) ? 'overdue' : undefined
        }
      >
        {line.allowedDays ?? ''}
      </td>
      <td>
        <span className={WITHIN_RULE.has(verdict) ? 'badge badge--met' : 'badge badge--below'}>
          {t(`referralDetail.continuity.supplyVerdicts.${verdict}`, { defaultValue: verdict })}
        </span>
        {bars.length > 0 && (
          <ul className="plain-list">
            {bars.map((bar) => (
              <li key={bar}>{t(`referralDetail.continuity.supplyBars.${bar}`, { defaultValue: bar })}</li>
            ))}
          </ul>
        )}
        {line.supplyNote && <div className="muted">{line.supplyNote}</div>}
      </td>
    </tr>
  );
}
