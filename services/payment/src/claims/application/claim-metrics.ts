import { type AppError } from '@medgrid/errors';
import { counter } from '@medgrid/telemetry';
import { type Adjudication } from '../domain/adjudication';

// Per claiming institution (hundreds of series at most), never per resident or claim: the claims themselves are read
// with GetClaim and summed by a settlement run; these give the rates as they happen, for the alerts and the dashboard.
const adjudicated = counter(
  'medgrid_payment_claims_adjudicated_total',
  'Claims received and adjudicated (SubmitClaim, each claim of SubmitClaims), per claiming institution, encounter, referral status as adjudicated and whether the check overruled the referral or contract the claim stated',
  ['institution', 'encounter', 'referral', 'overruled'],
);
const refused = counter(
  'medgrid_payment_claims_refused_total',
  'Claims refused (SubmitClaim, each claim of SubmitClaims), per claiming institution and error code (NOT_COVERED, NO_RULE_IN_FORCE, PERIOD_ALREADY_SETTLED, a bad field...)',
  ['institution', 'reason'],
);
const amounts = counter(
  'medgrid_payment_claims_fen_total',
  'What adjudicated claims billed, in fen, per claiming institution and who pays it: the fund, the patient, or nobody (a consultation fee waived)',
  ['institution', 'share'],
);

/** The counters of a claim received and adjudicated, counted once it is stored (ClaimIntake calls it after the commit). */
export function countAdjudicated(institution: string, encounter: string, adjudication: Adjudication): void {
  const overruled = adjudication.reasons.some((reason) => reason.code === 'VERIFIED');
  adjudicated.inc({ institution, encounter, referral: adjudication.referral, overruled: String(overruled) });
  amounts.inc({ institution, share: 'fund' }, adjudication.fund);
  amounts.inc({ institution, share: 'patient' }, adjudication.patient);
  amounts.inc({ institution, share: 'waived' }, adjudication.waived);
}

/** A claim refused by a rule or for a bad field: the answer the caller had, counted by its code. */
export function countRefused(institution: string, error: AppError): void {
  refused.inc({ institution, reason: error.code });
}
