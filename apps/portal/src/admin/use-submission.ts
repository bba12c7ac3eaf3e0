import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error';
import { useSession } from '../auth/session-context';
import { type Checked } from './registry-admin-forms';

export interface Submission {
  error: ApiError | null;
  busy: boolean;
  /** Sends the form's request once it passes the form's checks; the answer, or null when refused. */
  submit: <R, A>(
    check: (clientRequestId: string) => Checked<R>,
    send: (request: R) => Promise<A>,
  ) => Promise<A | null>;
  /** The form changed: its next submission is another request, with another request id. */
  changed: () => void;
  clear: () => void;
}

/**
 * One registry form's submission. Its clientRequestId is kept while the gateway could not be
 * reached, so sending the same form again is a retry the registry answers as the first time (no
 * second institution or team); it is renewed once the registry answered or the form changed,
 * since the registry refuses an id reused for another request. The page's checks refuse like the
 * registry, so their violations show the same way under each field.
 */
export function useSubmission(): Submission {
  const { t } = useTranslation();
  const { sessionEnded } = useSession();
  const requestId = useRef(crypto.randomUUID());
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const changed = useCallback(() => {
    requestId.current = crypto.randomUUID();
  }, []);

  const submit = useCallback(
    async <R, A>(check: (clientRequestId: string) => Checked<R>, send: (request: R) => Promise<A>) => {
      setError(null);
      const checked = check(requestId.current);
      if (checked.request === null) {
        setError(new ApiError(400, 'VALIDATION_FAILED', t('registryAdmin.checkFields'), checked.violations));
        return null;
      }
      setBusy(true);
      try {
        const answer = await send(checked.request);
        requestId.current = crypto.randomUUID();
        return answer;
      } catch (caught) {
        if (caught instanceof ApiError && caught.status === 401) {
          sessionEnded();
          return null;
        }
        const refusal =
          caught instanceof ApiError ? caught : new ApiError(0, 'CLIENT', t('common.gatewayUnreachable'));
        if (refusal.status !== 0) requestId.current = crypto.randomUUID();
        setError(refusal);
        return null;
      } finally {
        setBusy(false);
      }
    },
    [t, sessionEnded],
  );

  return { error, busy, submit, changed, clear: () => setError(null) };
}
