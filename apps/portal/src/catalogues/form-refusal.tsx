import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error';
import { type FieldViolation } from '../api/portal-types';
import { type Problem } from './form-problems';

/**
 * What a catalogue form shows after a save: its own check's problems, or the gateway's refusal. Both arrive as an
 * ApiError whose fields are named as the service names them, so each shows under its field the same way.
 */
export function useFormRefusal() {
  const { t } = useTranslation();
  return {
    /** The form's own problems, worded in the user's language, as the service's refusal would be shown. */
    ofProblems: (problems: readonly Problem[]): ApiError =>
      new ApiError(
        400,
        'VALIDATION_FAILED',
        t('catalogues.common.fixFields'),
        problems.map((p): FieldViolation => ({
          field: p.field,
          reason: p.reason,
          description: t(`catalogues.problems.${p.message ?? p.reason}`, { ...p.params }),
        })),
      ),
    /** A failed call as the page shows it; a non-API failure as the gateway being out of reach. */
    ofCaught: (caught: unknown): ApiError =>
      caught instanceof ApiError ? caught : new ApiError(0, 'CLIENT', t('common.gatewayUnreachable')),
  };
}

/**
 * A refusal above a form's buttons: the gateway's message in the user's language and, when the service said why
 * without naming fields (a 403 names the rule: "only city operators edit the criteria catalogue"), the service's
 * own words; named fields show theirs under each field.
 */
export function FormRefusal({ error }: { error: ApiError | null }) {
  if (!error) return null;
  return (
    <p className="error" role="alert" data-testid="form-error">
      {error.message}
      {error.detail && error.fields.length === 0 && (
        <span data-testid="form-error-detail"> ({error.detail})</span>
      )}
    </p>
  );
}

/** Under a list that could not be read: the service's own words when it refused (LoadState shows the message). */
export function LoadRefusalDetail({ error }: { error: ApiError | null }) {
  if (!error?.detail) return null;
  return (
    <p className="muted" data-testid="load-error-detail">
      {error.detail}
    </p>
  );
}
