import { type ReactNode } from 'react';
import { type ApiError } from '../api/api-error';
import { RefusalText } from './registry-refusal';
import { type Submission } from './use-submission';

/**
 * What a registry change came to, under its form or list: the registry's refusal, or the notice of what it did
 * (`success`, null or empty while there is none to give).
 */
export function SubmissionOutcome({
  error,
  refusalTestId,
  success,
  successTestId,
}: {
  error: ApiError | null;
  refusalTestId: string;
  success: string | null;
  successTestId: string;
}) {
  return (
    <>
      <RefusalText error={error} testId={refusalTestId} />
      {success && (
        <p className="success" role="status" data-testid={successTestId}>
          {success}
        </p>
      )}
    </>
  );
}

/**
 * A form that sends one registry request: its fields, then what the last submission came to, and the submit button,
 * held while the request is on its way. `noValidate`: the page's checks refuse as the registry does, under each
 * field. `name` names the form's elements (<name>-form, <name>-error, <name>-submit), which the browser test finds
 * them by; `secondary` is a button beside the submit button (a close).
 */
export function RegistryForm({
  name,
  className,
  submission,
  onSubmit,
  success,
  successTestId,
  submitLabel,
  secondary,
  children,
}: {
  name: string;
  className: string;
  submission: Submission;
  onSubmit: () => Promise<void>;
  success: string | null;
  successTestId: string;
  submitLabel: string;
  secondary?: ReactNode;
  children: ReactNode;
}) {
  return (
    <form
      className={className}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void onSubmit();
      }}
      data-testid={`${name}-form`}
    >
      {children}
      <SubmissionOutcome
        error={submission.error}
        refusalTestId={`${name}-error`}
        success={success}
        successTestId={successTestId}
      />
      <button type="submit" disabled={submission.busy} data-testid={`${name}-submit`}>
        {submitLabel}
      </button>
      {secondary && <> {secondary}</>}
    </form>
  );
}
