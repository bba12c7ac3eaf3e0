import { useTranslation } from 'react-i18next';
import { type ApiError } from '../api/api-error';
import { type FieldViolation } from '../api/portal-types';
import { FieldViolationText } from './field-violation-text';

/**
 * A registry field's violation under its field: in the user's language where the portal knows the
 * reason (REQUIRED, LEVEL_DOES_NOT_FIT_TYPE, ...), otherwise in the registry's own words.
 * `testId` names the element (error-<testId>) so two forms of a page that share a field name
 * stay apart.
 */
export function RegistryFieldError({
  testId,
  field,
  error,
}: {
  testId: string;
  field: string;
  error: ApiError | null;
}) {
  const { t, i18n } = useTranslation();
  const violation = fieldViolation(error, field);
  if (!violation) return null;
  const key = `registryAdmin.reasons.${violation.reason ?? ''}`;
  const description = violation.reason && i18n.exists(key) ? t(key) : violation.description;
  return <FieldViolationText name={testId} violation={{ ...violation, description }} />;
}

/**
 * The violation of exactly this field: `members` is the list, `members[0].practitionerId` one of
 * its members (ApiError.fieldError matches `member` with `member.role` too, which is what a field
 * made of parts wants; a list and its items are shown apart).
 */
function fieldViolation(error: ApiError | null, field: string): FieldViolation | undefined {
  return error?.fields.find((violation) => violation.field === field) ?? error?.fieldError(field);
}

/**
 * A form's refusal: the gateway's message in the user's language and, when the registry refused
 * (403 and the other refusals that carry it), the registry's own words of what was refused.
 */
export function RefusalText({ error, testId }: { error: ApiError | null; testId: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <div className="error" role="alert" data-testid={testId} data-status={error.status}>
      <p>{error.message}</p>
      {error.detail && (
        <p className="muted" data-testid={`${testId}-detail`}>
          {t('registryAdmin.serviceSaid', { detail: error.detail })}
        </p>
      )}
    </div>
  );
}
