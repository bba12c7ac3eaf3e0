import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldViolationText } from '../admin/field-violation-text';
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
import { useLoad } from '../api/use-load';
import { useSession } from '../auth/session-context';
import { formatShanghaiDateTime } from '../format/shanghai-time';
import { LoadState } from '../layout/load-state';
import { CatalogueEditor, type DraftFields } from './catalogue-editor';
import { CatalogueFilter } from './catalogue-filter';
import { CheckboxGroup, ChoiceField } from './choice-fields';
import { CataloguesNav } from './catalogues-nav';
import { violationAt } from './form-problems';
import { LoadRefusalDetail } from './form-refusal';
import {
  checkRecognitionItem,
  emptyRecognitionDraft,
  partsOf,
  type RecognitionDraft,
  recognitionDraftOf,
  recognitionItemOf,
} from './recognition-form';
import { RowActions } from './row-actions';
import { useCatalogueEdits } from './use-catalogue-edits';

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
  const canEdit = session?.user.role === 'city-operator';
  const catalogue = useLoad(() => wholeCatalogue(), []);
  const edits = useCatalogueEdits<RecognitionDraft>({ reload: catalogue.reload, versioned: true });
  const [filter, setFilter] = useState('');
  const version = catalogue.data?.head?.version ?? 0;
  const items = (catalogue.data?.items ?? []).filter((item) => matches(item, filter));

  const open = (item: RecognitionItem | null) =>
    edits.open(item ? recognitionDraftOf(item) : emptyRecognitionDraft(), item ? item.code : null);

  const put = async (draft: RecognitionDraft) => {
    const answer = await api.putRecognitionItem(crypto.randomUUID(), version, recognitionItemOf(draft));
    return answer.item.code;
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
      <CatalogueFilter
        testId="recognition"
        label={t('catalogues.recognition.filter')}
        value={filter}
        onChange={setFilter}
        newLabel={t('catalogues.recognition.new')}
        onNew={canEdit ? () => open(null) : undefined}
      />
      <CatalogueEditor
        testId="recognition"
        edits={edits}
        savedNotice={(code) => t('catalogues.recognition.saved', { code })}
        title={(draft, editing) =>
          editing ? t('catalogues.recognition.edit', { code: draft.code }) : t('catalogues.recognition.new')
        }
        onSubmit={(event) => edits.save(event, checkRecognitionItem, put)}
      >
        {(draft, fields) => <RecognitionFields draft={draft} {...fields} />}
      </CatalogueEditor>
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
                    <RowActions
                      testId="recognition"
                      confirming={edits.removing === item.code}
                      onEdit={() => open(item)}
                      onAsk={() => edits.setRemoving(item.code)}
                      onConfirm={() =>
                        edits.remove(() => api.removeRecognitionItem(crypto.randomUUID(), version, item.code))
                      }
                      onCancel={() => edits.setRemoving(null)}
                    />
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
}: { draft: RecognitionDraft } & DraftFields<RecognitionDraft>) {
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
    <ChoiceField
      label={t(`catalogues.recognition.fields.${name}`)}
      name={name}
      value={draft[name]}
      values={values}
      optionLabel={label}
      onChange={(value) => onChange({ ...draft, [name]: value })}
      choose
      violation={error(name)}
    />
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
              <ChoiceField
                label={t('catalogues.recognition.fields.scope')}
                name="scope"
                value={draft.scope}
                values={RECOGNITION_SCOPES}
                optionLabel={(scope) => t(`catalogues.recognition.scopes.${scope}`)}
                onChange={(scope) => onChange({ ...draft, scope })}
                violation={error('recognition.scope')}
              />
              <CheckboxGroup
                legend={t('catalogues.recognition.fields.quality')}
                name="quality"
                values={QUALITY_CONDITIONS}
                checked={draft.quality}
                optionLabel={(condition) => t(`catalogues.recognition.quality.${condition}`)}
                onChange={(quality) => onChange({ ...draft, quality })}
                violation={error('recognition.quality')}
              />
            </>
          )}
          {error('recognition', true)}
        </fieldset>
      )}
    </>
  );
}
