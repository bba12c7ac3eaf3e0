import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { type Referral } from '../api/portal-types';
import { hasIndications } from './referral-sections';

/**
 * Why the referral was made: the indications claimed and which of them the catalogue matched, a referral sent on
 * its written justification alone, the green channel, the contracted resident's priority, and for a downward
 * referral the stability criteria the hospital confirmed.
 */
export function ReferralIndications({ referral }: { referral: Referral }) {
  const { t } = useTranslation();
  const headingId = useId();
  if (!hasIndications(referral)) return null;
  const downward = referral.direction === 'REFERRAL_DIRECTION_DOWNWARD';
  const claimed = referral.indicationCodes ?? [];
  const matched = new Set(referral.matchedIndicationCodes ?? []);
  // Matching happens on submission: a draft's claims are neither confirmed nor refused yet.
  const judged = Boolean(referral.submittedAt);
  const matchedUnclaimed = [...matched].filter((code) => !claimed.includes(code));
  const channel = referral.greenChannelKind ?? 'GREEN_CHANNEL_UNSPECIFIED';
  const green = Boolean(referral.greenChannel) || channel !== 'GREEN_CHANNEL_UNSPECIFIED';

  return (
    <section className="panel" data-testid="referral-indications" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('referralDetail.indications.title')}</h2>
      <dl className="facts">
        {(claimed.length > 0 || matchedUnclaimed.length > 0) && (
          <>
            <dt>{t('referralDetail.indications.claimed')}</dt>
            <dd>
              <ul className="code-list">
                {claimed.map((code) => (
                  <li key={code}>
                    <code>{code}</code>{' '}
                    {judged &&
                      (matched.has(code) ? (
                        <span className="badge badge--met">{t('referralDetail.indications.matched')}</span>
                      ) : (
                        <span className="badge badge--below">
                          {t('referralDetail.indications.notMatched')}
                        </span>
                      ))}
                  </li>
                ))}
                {matchedUnclaimed.map((code) => (
                  <li key={code}>
                    <code>{code}</code>{' '}
                    <span className="badge badge--met">{t('referralDetail.indications.matched')}</span>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
        {(referral.metCriteriaCodes?.length ?? 0) > 0 && (
          <>
            <dt>{t('referralDetail.indications.metCriteria')}</dt>
            <dd>
              <ul className="code-list">
                {referral.metCriteriaCodes?.map((code) => (
                  <li key={code}>
                    <code>{code}</code>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
        {referral.withoutIndication && (
          <>
            <dt>{t('referralDetail.indications.withoutIndication')}</dt>
            <dd>
              {downward
                ? t('referralDetail.indications.withoutCriteriaDownward')
                : t('referralDetail.indications.withoutIndicationUpward')}
            </dd>
          </>
        )}
        {referral.justification && (
          <>
            <dt>{t('referralDetail.indications.justification')}</dt>
            <dd>{referral.justification}</dd>
          </>
        )}
        {(!downward || green) && (
          <>
            <dt>{t('referral.greenChannel')}</dt>
            <dd>{green ? t(`referralDetail.greenChannels.${channel}`) : t('common.no')}</dd>
          </>
        )}
        {(!downward || referral.contractedResidentPriority) && (
          <>
            <dt>{t('referral.contractedPriority')}</dt>
            <dd>{referral.contractedResidentPriority ? t('common.yes') : t('common.no')}</dd>
          </>
        )}
      </dl>
    </section>
  );
}
