import { type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { type FieldViolation } from '../api/portal-types';
import { FormRefusal } from './form-refusal';
import { type CatalogueEdits } from './use-catalogue-edits';

/** What a catalogue's fields are given beside the draft. */
export interface DraftFields<D> {
  /** Whether the draft is of an entry on record: its key can no longer change. */
  editing: boolean;
  onChange: (draft: D) => void;
  /** The page's own check's or the service's violations, each shown under its field. */
  violations: readonly FieldViolation[];
}

/**
 * A catalogue page's editing area: the notice of the last save, the refusal of a removal while no form is open,
 * and the open form with its fields, the refusal above its buttons, save (held while a save is on its way) and
 * cancel. `noValidate`: the page's own check shows its problems under each field, as the service's refusal would.
 * `testId` names the page's elements (<testId>-saved, -form, -save, -cancel), which the browser test finds them by.
 */
export function CatalogueEditor<D>({
  testId,
  edits,
  savedNotice,
  title,
  onSubmit,
  children,
}: {
  testId: string;
  edits: CatalogueEdits<D>;
  savedNotice: (saved: string) => string;
  title: (draft: D, editing: boolean) => string;
  onSubmit: (event: FormEvent) => void;
  children: (draft: D, fields: DraftFields<D>) => ReactNode;
}) {
  const { t } = useTranslation();
  const { draft, error, saved } = edits;
  const editing = edits.edited !== null;
  return (
    <>
      {saved !== null && (
        <p className="success" role="status" data-testid={`${testId}-saved`}>
          {savedNotice(saved)}
        </p>
      )}
      {!draft && <FormRefusal error={error} />}
      {draft && (
        <form className="panel admin-form" onSubmit={onSubmit} data-testid={`${testId}-form`} noValidate>
          <h2>{title(draft, editing)}</h2>
          {children(draft, { editing, onChange: edits.setDraft, violations: error?.fields ?? [] })}
          <FormRefusal error={error} />
          <button type="submit" disabled={edits.busy} data-testid={`${testId}-save`}>
            {t('common.save')}
          </button>{' '}
          <button
            type="button"
            className="secondary"
            onClick={() => edits.setDraft(null)}
            data-testid={`${testId}-cancel`}
          >
            {t('common.cancel')}
          </button>
        </form>
      )}
    </>
  );
}
