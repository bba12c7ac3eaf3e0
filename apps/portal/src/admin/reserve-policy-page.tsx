import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error';
import * as api from '../api/portal-api';
import { type Ratio, type ReservePolicyAnswer } from '../api/portal-types';
import { useLoad } from '../api/use-load';
import { cityDirectory } from '../dashboard/city-directory';
import { isHospital } from '../dashboard/scope';
import { formatShanghaiDateTime } from '../format/shanghai-time';
import { formatRatio, isBelowFloor } from '../indicators/reserve-ratio';
import { LoadState } from '../layout/load-state';
import { RatioInput } from './ratio-input';
import { AdminNav } from './admin-nav';
import { FieldViolationText } from './field-violation-text';

interface Draft {
  slotRatio: Ratio;
  bedRatio: Ratio;
  releaseLeadHours: number;
  overrideReason: string;
}

const draftOf = (answer: ReservePolicyAnswer): Draft => ({
  slotRatio: { numerator: 0, denominator: 0, ...answer.policy?.slotRatio },
  bedRatio: { numerator: 0, denominator: 0, ...answer.policy?.bedRatio },
  releaseLeadHours: answer.policy?.releaseLeadHours ?? 0,
  overrideReason: '',
});

/**
 * A hospital's reserve ratios, changed through scheduling's SetReservePolicy. The floor check is
 * the service's: the page warns, but what it shows under a field is the service's own violation.
 */
export function ReservePolicyPage() {
  const { t } = useTranslation();
  const directory = useLoad(() => cityDirectory(), []);
  const [institutionId, setInstitutionId] = useState('');
  const policy = useLoad(
    async () => (institutionId ? api.getReservePolicy(institutionId) : null),
    [institutionId],
  );
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setDraft(policy.data ? draftOf(policy.data) : null);
    setError(null);
  }, [policy.data]);

  const hospitals = (directory.data?.institutions ?? []).filter(isHospital);
  const answer = policy.data;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!draft) return;
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      await api.changeReservePolicy(institutionId, { clientRequestId: crypto.randomUUID(), ...draft });
      setSaved(true);
      policy.reload();
    } catch (caught) {
      setError(
        caught instanceof ApiError ? caught : new ApiError(0, 'CLIENT', t('common.gatewayUnreachable')),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="page" data-testid="reserve-policy">
      <AdminNav />
      <h1>{t('admin.title')}</h1>
      <p className="muted">{t('admin.intro')}</p>
      <LoadState {...directory} />
      <label>
        {t('admin.hospital')}
        <select
          name="institutionId"
          value={institutionId}
          onChange={(event) => {
            setSaved(false);
            setInstitutionId(event.target.value);
          }}
        >
          <option value="">{t('admin.chooseHospital')}</option>
          {hospitals.map((hospital) => (
            <option key={hospital.id} value={hospital.id}>
              {hospital.name}
            </option>
          ))}
        </select>
      </label>
      {institutionId && !answer && <LoadState {...policy} />}
      {answer && draft && (
        <form className="panel admin-form" onSubmit={(event) => void submit(event)}>
          <dl className="facts">
            <dt>{t('admin.current')}</dt>
            <dd>
              {t('admin.slotRatio')} {formatRatio(answer.policy?.slotRatio)} · {t('admin.bedRatio')}{' '}
              {formatRatio(answer.policy?.bedRatio)}
            </dd>
            <dt>{t('admin.floor')}</dt>
            <dd data-testid="city-floor">
              {t('admin.slotRatio')} {formatRatio(answer.slotFloor)} · {t('admin.bedRatio')}{' '}
              {formatRatio(answer.bedFloor)}
            </dd>
            <dt>{t('admin.share')}</dt>
            <dd>
              {t('admin.slotRatio')} {formatRatio(answer.slotShare)} · {t('admin.bedRatio')}{' '}
              {formatRatio(answer.bedShare)}
            </dd>
            {answer.policy?.updatedAt && (
              <>
                <dt />
                <dd className="muted">
                  {t('admin.lastChange', { at: formatShanghaiDateTime(answer.policy.updatedAt) })}
                </dd>
              </>
            )}
            {answer.policy?.overrideReason && (
              <>
                <dt />
                <dd className="muted">
                  {t('admin.overrideBy', {
                    by: answer.policy.overrideBy ?? '',
                    reason: answer.policy.overrideReason,
                  })}
                </dd>
              </>
            )}
          </dl>
          <RatioInput
            name="slotRatio"
            label={t('admin.slotRatio')}
            value={draft.slotRatio}
            onChange={(slotRatio) => setDraft({ ...draft, slotRatio })}
            violation={error?.fieldError('slotRatio')}
            warning={
              isBelowFloor(draft.slotRatio, answer.slotFloor)
                ? t('admin.belowFloor', { floor: formatRatio(answer.slotFloor) })
                : undefined
            }
          />
          <RatioInput
            name="bedRatio"
            label={t('admin.bedRatio')}
            value={draft.bedRatio}
            onChange={(bedRatio) => setDraft({ ...draft, bedRatio })}
            violation={error?.fieldError('bedRatio')}
            warning={
              isBelowFloor(draft.bedRatio, answer.bedFloor)
                ? t('admin.belowFloor', { floor: formatRatio(answer.bedFloor) })
                : undefined
            }
          />
          <label>
            {t('admin.releaseLeadHours')}
            <input
              name="releaseLeadHours"
              inputMode="numeric"
              value={draft.releaseLeadHours}
              onChange={(event) =>
                setDraft({
                  ...draft,
                  releaseLeadHours: /^\d+$/.test(event.target.value) ? Number(event.target.value) : 0,
                })
              }
            />
            <FieldViolationText name="releaseLeadHours" violation={error?.fieldError('releaseLeadHours')} />
          </label>
          <label>
            {t('admin.overrideReason')}
            <textarea
              name="overrideReason"
              value={draft.overrideReason}
              onChange={(event) => setDraft({ ...draft, overrideReason: event.target.value })}
            />
            <FieldViolationText name="overrideReason" violation={error?.fieldError('overrideReason')} />
          </label>
          {error && (
            <p className="error" role="alert" data-testid="form-error">
              {error.message}
            </p>
          )}
          {saved && (
            <p className="success" role="status">
              {t('admin.saved')}
            </p>
          )}
          <button type="submit" disabled={busy}>
            {t('common.save')}
          </button>
        </form>
      )}
    </div>
  );
}
