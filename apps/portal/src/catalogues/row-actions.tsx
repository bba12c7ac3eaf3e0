import { useTranslation } from 'react-i18next';

/**
 * An editable row's actions: edit, and a removal the user confirms in the row itself before it is sent, since it
 * changes the catalogue for everyone at once. The question and its two answers stand in a named group, so a screen
 * reader says what the answers are to. `testId` and `removal` name the buttons (<testId>-edit, <testId>-<removal>,
 * -confirm, -cancel), which the browser test finds them by; the words are a removal's unless the page words its own
 * (a drug is withdrawn, not removed).
 */
export function RowActions({
  testId,
  removal = 'remove',
  removeLabel,
  question,
  confirming,
  onEdit,
  onAsk,
  onConfirm,
  onCancel,
}: {
  testId: string;
  removal?: 'remove' | 'withdraw';
  removeLabel?: string;
  question?: string;
  confirming: boolean;
  onEdit: () => void;
  onAsk: () => void;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const label = removeLabel ?? t('catalogues.common.remove');
  const asked = question ?? t('catalogues.common.confirmRemove');
  if (confirming) {
    return (
      <span role="group" aria-label={asked}>
        {asked}{' '}
        <button
          type="button"
          className="link-button"
          onClick={onConfirm}
          data-testid={`${testId}-${removal}-confirm`}
        >
          {label}
        </button>{' '}
        <button
          type="button"
          className="link-button"
          onClick={onCancel}
          data-testid={`${testId}-${removal}-cancel`}
        >
          {t('common.cancel')}
        </button>
      </span>
    );
  }
  return (
    <>
      <button type="button" className="link-button" onClick={onEdit} data-testid={`${testId}-edit`}>
        {t('catalogues.common.edit')}
      </button>{' '}
      <button type="button" className="link-button" onClick={onAsk} data-testid={`${testId}-${removal}`}>
        {label}
      </button>
    </>
  );
}
