import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldViolationText } from '../admin/field-violation-text';
import { type ApiError } from '../api/api-error';
import * as api from '../api/catalogue-api';
import {
  DATA_CLASSES,
  ITEM_KINDS,
  MODALITIES,
  QUALITY_CONDITIONS,
  RECOGNITION_SCOPES,
  type RecognitionCatalogueHead,
  type RecognitionItem,
  SPECIMENS,
} from '../api/catalogue-types';
import { type FieldViolation } from '../api/portal-types';
import { useLoad } from '../api/use-load';
import { useSession } from '../auth/session-context';
import { formatShanghaiDateTime } from '../format/shanghai-time';
import { LoadState } from '../layout/load-state';
import { CataloguesNav } from './catalogues-nav';
import { violationAt } from './form-problems';
import { FormRefusal, LoadRefusalDetail, useFormRefusal } from './form-refusal';
import {
  checkRecognitionItem,
  emptyRecognitionDraft,
  partsOf,
  type RecognitionDraft,
  recognitionDraftOf,
  recognitionItemOf,
} from './recognition-form';

/** Every item of the city's catalogue: a city's catalogue has hundreds of items, read a page of 200 at a time. */
async function wholeCatalogue(): Promise<{
  head: RecognitionCatalogueHead | undefined;
  items: RecognitionItem[];
}> {
  const items: RecognitionItem[] = [];
  let head: RecognitionCatalogueHead | undefined;
  let pageToken: string | undefined;
  // The page cap only guards against a loop: the service holds at most 2,000 items.
  for (let page = 0; page < 20; page += 1) {
    const answer = await api.getRecognitionCatalogue(pageToken);
    head ??= answer.catalogue;
    items.push(...(answer.items ?? []));
    pageToken = answer.nextPageToken;
    if (!pageToken) break;
  }
  return { head, items };
}

function matches(item: RecognitionItem, filter: string): boolean {
  const text = filter.trim().toLowerCase();
  return (
    text === '' || [item.code, item.name, item.loinc].some((v) => (v ?? '').toLowerCase().includes(text))
  );
}

/**
 * The city's mutual-recognition catalogue (检查检验结果互认目录): the items a centre can be ordered for and, for those
 * mutually recognised, how long a result stays valid and where it counts. City operators keep it through
 * lab-sharing's RecognitionService, each change from the catalogue version read.
 */
export function RecognitionCataloguePage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const refusal = useFormRefusal();
  const canEdit = session?.user.role === 'city-operator';
  const catalogue = useLoad(() => wholeCatalogue(), []);
  const [filter, setFilter] = useState('');
  const [draft, setDraft] = useState<RecognitionDraft | null>(null);
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [removing, setRemoving] = useState<string | null>(null);
  const version = catalogue.data?.head?.version ?? 0;
  const items = (catalogue.data?.items ?? []).filter((item) => matches(item, filter));
  const violations = error?.fields ?? [];

  const open = (item: RecognitionItem | null) => {
    setDraft(item ? recognitionDraftOf(item) : emptyRecognitionDraft());
    setEditing(item !== null);
    setError(null);
    setSaved(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!draft) return;
    setSaved(null);
    const problems = checkRecognitionItem(draft);
    if (problems.length > 0) return setError(refusal.ofProblems(problems));
    setBusy(true);
    setError(null);
    try {
      const answer = await api.putRecognitionItem(crypto.randomUUID(), version, recognitionItemOf(draft));
      setSaved(answer.item.code);
      setDraft(null);
      catalogue.reload();
    } catch (caught) {
      const refused = refusal.ofCaught(caught);
      setError(refused);
      // A stale version (another change came first): read the catalogue again, so a second save is made from it.
      if (refused.status === 409) catalogue.reload();
    } finally {
      setBusy(false);
    }
  };

  const remove = async (code: string) => {
    setError(null);
    setSaved(null);
    try {
      await api.removeRecognitionItem(crypto.randomUUID(), version, code);
      setRemoving(null);
      catalogue.reload();
    } catch (caught) {
      setRemoving(null);
      const refused = refusal.ofCaught(caught);
      setError(refused);
      if (refused.status === 409) catalogue.reload();
    }
  };

  return (
    <div className="page" data-testid="recognition-page">
      <CataloguesNav />
      <h1>{t('catalogues.recognition.title')}</h1>
      <p className="muted">{t('catalogues.recognition.intro')}</p>
      {!canEdit && <p className="muted">{t('catalogues.recognition.readOnly')}</p>}
      {catalogue.data?.head && (
        <p className="muted" data-testid="recognition-version">
          {t('catalogues.recognition.version', {
            version,
            count: catalogue.data.head.itemCount ?? 0,
            at: formatShanghaiDateTime(catalogue.data.head.changedAt) || '—',
          })}
        </p>
      )}
      <div className="filters">
        <label>
          {t('catalogues.recognition.filter')}
          <input
            name="filter"
            type="search"
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
            data-testid="recognition-filter"
          />
        </label>
        {canEdit && (
          <button type="button" onClick={() => open(null)} data-testid="recognition-new">
            {t('catalogues.recognition.new')}
          </button>
        )}
      </div>
      {saved !== null && (
        <p className="success" role="status" data-testid="recognition-saved">
          {t('catalogues.recognition.saved', { code: saved })}
        </p>
      )}
      {!draft && <FormRefusal error={error} />}
      {draft && (
        <form
          className="panel admin-form"
          onSubmit={(event) => void submit(event)}
          data-testid="recognition-form"
          noValidate
        >
          <h2>
            {editing
              ? t('catalogues.recognition.edit', { code: draft.code })
              : t('catalogues.recognition.new')}
          </h2>
          <RecognitionFields draft={draft} editing={editing} onChange={setDraft} violations={violations} />
          <FormRefusal error={error} />
          <button type="submit" disabled={busy} data-testid="recognition-save">
            {t('common.save')}
          </button>{' '}
          <button
            type="button"
            className="secondary"
            onClick={() => setDraft(null)}
            data-testid="recognition-cancel"
          >
            {t('common.cancel')}
          </button>
        </form>
      )}
      <section className="panel">
        {!catalogue.data && <LoadState {...catalogue} />}
        <LoadRefusalDetail error={catalogue.error} />
        <table className="table" data-testid="recognition-table">
          <thead>
            <tr>
              <th>{t('catalogues.recognition.fields.code')}</th>
              <th>{t('catalogues.recognition.fields.name')}</th>
              <th>{t('catalogues.recognition.fields.kind')}</th>
              <th>{t('catalogues.recognition.detail')}</th>
              <th>{t('catalogues.recognition.validity')}</th>
              {canEdit && <th>{t('catalogues.common.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.code} data-testid="recognition-row" data-code={item.code}>
                <td>{item.code}</td>
                <td>
                  {item.name}
                  {item.loinc && <div className="muted">LOINC {item.loinc}</div>}
                </td>
                <td>{t(`catalogues.recognition.kinds.${item.kind ?? 'laboratory'}`)}</td>
                <td>
                  {[
                    item.modality,
                    item.bodyPart,
                    item.specimen && t(`catalogues.recognition.specimens.${item.specimen}`),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </td>
                <td data-testid="recognition-validity">
                  {item.recognition ? (
                    <>
                      {t('catalogues.recognition.validDays', { days: item.recognition.validityDays ?? 0 })}
                      <div className="muted">
                        {t(
                          `catalogues.recognition.scopes.${item.recognition.scope ?? 'RECOGNITION_SCOPE_REGION'}`,
                        )}
                      </div>
                    </>
                  ) : (
                    <span className="muted">{t('catalogues.recognition.notRecognised')}</span>
                  )}
                </td>
                {canEdit && (
                  <td>
                    {removing === item.code ? (
                      <span role="group" aria-label={t('catalogues.common.confirmRemove')}>
                        {t('catalogues.common.confirmRemove')}{' '}
                        <button
                          type="button"
                          className="link-button"
                          onClick={() => void remove(item.code)}
                          data-testid="recognition-remove-confirm"
                        >
                          {t('catalogues.common.remove')}
                        </button>{' '}
                        <button
                          type="button"
                          className="link-button"
                          onClick={() => setRemoving(null)}
                          data-testid="recognition-remove-cancel"
                        >
                          {t('common.cancel')}
                        </button>
                      </span>
                    ) : (
                      <>
                        <button
                          type="button"
                          className="link-button"
                          onClick={() => open(item)}
                          data-testid="recognition-edit"
                        >
                          {t('catalogues.common.edit')}
                        </button>{' '}
                        <button
                          type="button"
                          className="link-button"
                          onClick={() => setRemoving(item.code)}
                          data-testid="recognition-remove"
                        >
                          {t('catalogues.common.remove')}
                        </button>
                      </>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}

/** The item's fields; those its kind does not use are not shown. */
function RecognitionFields({
  draft,
  editing,
  onChange,
  violations,
}: {
  draft: RecognitionDraft;
  editing: boolean;
  onChange: (draft: RecognitionDraft) => void;
  violations: readonly FieldViolation[];
}) {
  const { t } = useTranslation();
  const parts = partsOf(draft.kind);
  const error = (field: string, exact = false) => (
    <FieldViolationText name={`item.${field}`} violation={violationAt(violations, `item.${field}`, exact)} />
  );
  const text = (name: 'code' | 'nationalCode' | 'loinc' | 'name' | 'bodyPart', hint?: string) => (
    <label>
      {t(`catalogues.recognition.fields.${name}`)}
      <input
        name={name}
        value={draft[name]}
        disabled={name === 'code' && editing}
        onChange={(event) => onChange({ ...draft, [name]: event.target.value })}
      />
      {hint && <span className="muted">{hint}</span>}
      {error(name)}
    </label>
  );
  const select = (
    name: 'kind' | 'modality' | 'specimen' | 'dataClass',
    values: readonly string[],
    label: (value: string) => string,
  ) => (
    <label>
      {t(`catalogues.recognition.fields.${name}`)}
      <select
        name={name}
        value={draft[name]}
        onChange={(event) => onChange({ ...draft, [name]: event.target.value })}
      >
        {!values.includes(draft[name]) && (
          <option value={draft[name]}>{t('catalogues.common.choose')}</option>
        )}
        {values.map((value) => (
          <option key={value} value={value}>
            {label(value)}
          </option>
        ))}
      </select>
      {error(name)}
    </label>
  );
  return (
    <>
      {text('code', t('catalogues.recognition.codeHint'))}
      {text('name')}
      {select('kind', ITEM_KINDS, (kind) => t(`catalogues.recognition.kinds.${kind}`))}
      {parts.modality &&
        draft.kind !== 'ecg' &&
        select(
          'modality',
          MODALITIES.filter((m) => m !== 'ECG'),
          (modality) => modality,
        )}
      {parts.bodyPart && text('bodyPart', t('catalogues.recognition.bodyPartHint'))}
      {parts.specimen &&
        select('specimen', SPECIMENS, (specimen) => t(`catalogues.recognition.specimens.${specimen}`))}
      {text('nationalCode')}
      {text('loinc', t('catalogues.recognition.loincHint'))}
      {select('dataClass', DATA_CLASSES, (dataClass) => t(`catalogues.recognition.dataClasses.${dataClass}`))}
      {draft.kind !== 'remote-consultation' && (
        <fieldset data-testid="recognition-rule">
          <legend>{t('catalogues.recognition.rule')}</legend>
          <label className="checkbox">
            <input
              name="recognised"
              type="checkbox"
              checked={draft.recognised}
              onChange={(event) => onChange({ ...draft, recognised: event.target.checked })}
            />
            {t('catalogues.recognition.fields.recognised')}
          </label>
          {draft.recognised && (
            <>
              <label>
                {t('catalogues.recognition.fields.validityDays')}
                <input
                  name="validityDays"
                  inputMode="numeric"
                  value={draft.validityDays}
                  onChange={(event) => onChange({ ...draft, validityDays: event.target.value })}
                />
                {error('recognition.validityDays')}
              </label>
              <label>
                {t('catalogues.recognition.fields.scope')}
                <select
                  name="scope"
                  value={draft.scope}
                  onChange={(event) =>
                    onChange({ ...draft, scope: event.target.value as RecognitionDraft['scope'] })
                  }
                >
                  {RECOGNITION_SCOPES.map((scope) => (
                    <option key={scope} value={scope}>
                      {t(`catalogues.recognition.scopes.${scope}`)}
                    </option>
                  ))}
                </select>
                {error('recognition.scope')}
              </label>
              <fieldset>
                <legend>{t('catalogues.recognition.fields.quality')}</legend>
                {QUALITY_CONDITIONS.map((condition) => (
                  <label key={condition} className="checkbox">
                    <input
                      name={`quality.${condition}`}
                      type="checkbox"
                      checked={draft.quality.includes(condition)}
                      onChange={(event) =>
                        onChange({
                          ...draft,
                          quality: event.target.checked
                            ? [...draft.quality, condition]
                            : draft.quality.filter((q) => q !== condition),
                        })
                      }
                    />
                    {t(`catalogues.recognition.quality.${condition}`)}
                  </label>
                ))}
                {error('recognition.quality')}
              </fieldset>
            </>
          )}
          {error('recognition', true)}
        </fieldset>
      )}
    </>
  );
}
