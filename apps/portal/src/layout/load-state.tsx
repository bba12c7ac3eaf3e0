import { useTranslation } from 'react-i18next';
import { type ApiError } from '../api/api-error';

/** What a page shows while it loads or when the gateway refused: the gateway's message and a retry. */
export function LoadState({
  loading,
  error,
  reload,
}: {
  loading: boolean;
  error: ApiError | null;
  reload: () => void;
}) {
  const { t } = useTranslation();
  if (error) {
    return (
      <div className="error" role="alert">
        {error.message}{' '}
        <button type="button" className="link-button" onClick={reload}>
          {t('common.retry')}
        </button>
      </div>
    );
  }
  if (loading) return <p className="muted">{t('common.loading')}</p>;
  return null;
}
