import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error';
import { LanguageSwitch } from '../layout/language-switch';
import { useSession } from './session-context';

/** Username and password; the gateway's refusal is shown as it worded it, in the user's language. */
export function SignInPage() {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(username, password);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : t('common.gatewayUnreachable'));
      setBusy(false);
    }
  };

  return (
    <main className="sign-in">
      <form
        className="sign-in__card"
        onSubmit={(event) => void submit(event)}
        aria-labelledby="sign-in-title"
      >
        <div className="sign-in__language">
          <LanguageSwitch />
        </div>
        <h1 id="sign-in-title">{t('app.title')}</h1>
        <p className="muted">{t('signIn.subtitle')}</p>
        <label>
          {t('signIn.username')}
          <input
            name="username"
            autoComplete="username"
            value={username}
            onChange={(event) => setUsername(event.target.value)}
            required
          />
        </label>
        <label>
          {t('signIn.password')}
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            required
          />
        </label>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {busy ? t('signIn.submitting') : t('signIn.submit')}
        </button>
      </form>
    </main>
  );
}
