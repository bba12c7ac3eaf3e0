import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldViolationText } from '../admin/field-violation-text';
import * as api from '../api/catalogue-api';
import { CRITERIA_SOURCE_KINDS, type DiseaseCriteria, GREEN_CHANNELS } from '../api/catalogue-types';
import { type FieldViolation } from '../api/portal-types';
import { useLoad } from '../api/use-load';
import { useSession } from '../auth/session-context';
import { formatShanghaiDateTime } from '../format/shanghai-time';
import { LoadState } from '../layout/load-state';
import { CatalogueEditor } from './catalogue-editor';
import { CatalogueFilter } from './catalogue-filter';
import { CataloguesNav } from './catalogues-nav';
import { ChoiceField } from './choice-fields';
import {
  checkCriteria,
  type CriteriaDraft,
  criteriaDraftOf,
  criteriaEntryOf,
  type CriterionDraft,
  emptyCriteriaDraft,
  emptyCriterion,
  emptySource,
} from './criteria-form';
import { violationAt } from './form-problems';
import { LoadRefusalDetail } from './form-refusal';
import { RowActions } from './row-actions';
import { useCatalogueEdits } from './use-catalogue-edits';

/** Whether an entry matches the filter: its names or any covered code contain the text. */
function matches(entry: DiseaseCriteria, filter: string): boolean {
  const text = filter.trim().toLowerCase();
  if (text === '') return true;
  return [entry.nameZh, entry.nameEn, ...(entry.covers ?? [])].some((value) =>
    (value ?? '').toLowerCase().includes(text),
  );
}

/**
 * The referral criteria catalogue (双向转诊标准): which diagnoses go up and on what indications, and when a patient
 * comes back down. Everyone reads it; city operators add, change and remove entries through referral's
 * CriteriaService, which checks each one and whose refusal the form shows under each field.
 */
export function CriteriaPage() {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const canEdit = session?.user.role === 'city-operator';
  const list = useLoad(() => api.listCriteria(), []);
  // Criteria changes carry no version read (a put replaces its key's entry): no refusal is a stale read.
  const edits = useCatalogueEdits<CriteriaDraft>({ reload: list.reload, versioned: false });
  const [filter, setFilter] = useState('');
  const english = i18n.language === 'en';
  const entries = (list.data?.entries ?? []).filter((entry) => matches(entry, filter));
  const editedKey = edits.edited;

  const open = (entry: DiseaseCriteria | null) =>
    edits.open(entry ? criteriaDraftOf(entry) : emptyCriteriaDraft(), entry?.key ?? null);

  const put = async (draft: CriteriaDraft) => {
    const answer = await api.putCriteria(crypto.randomUUID(), criteriaEntryOf(draft));
    return answer.entry.key ?? '';
  };

  return (
    <div className="page" data-testid="criteria-page">
      <CataloguesNav />
      <h1>{t('catalogues.criteria.title')}</h1>
      <p className="muted">{t('catalogues.criteria.intro')}</p>
      {!canEdit && <p className="muted">{t('catalogues.criteria.readOnly')}</p>}
      <CatalogueFilter
        testId="criteria"
        label={t('catalogues.criteria.filter')}
        value={filter}
        onChange={setFilter}
        newLabel={t('catalogues.criteria.new')}
        onNew={canEdit ? () => open(null) : undefined}
      />
      <CatalogueEditor
        testId="criteria"
        edits={edits}
        savedNotice={(key) => t('catalogues.criteria.saved', { key })}
        title={() =>
          editedKey ? t('catalogues.criteria.edit', { key: editedKey }) : t('catalogues.criteria.new')
        }
        onSubmit={(event) => edits.save(event, checkCriteria, put)}
      >
        {(draft, { onChange, violations }) => (
          <>
            <CriteriaFields draft={draft} onChange={onChange} violations={violations} />
            {editedKey && <p className="muted">{t('catalogues.criteria.keyHint')}</p>}
          </>
        )}
      </CatalogueEditor>
      <section className="panel">
        {!list.data && <LoadState {...list} />}
        <LoadRefusalDetail error={list.error} />
        <p className="muted" data-testid="criteria-count">
          {t('catalogues.criteria.count', { count: entries.length })}
        </p>
        <table className="table" data-testid="criteria-table">
          <thead>
            <tr>
              <th>{t('catalogues.criteria.disease')}</th>
              <th>{t('catalogues.criteria.specialty')}</th>
              <th>{t('catalogues.criteria.upward')}</th>
              <th>{t('catalogues.criteria.downward')}</th>
              <th>{t('catalogues.criteria.updatedAt')}</th>
              {canEdit && <th>{t('catalogues.common.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.key} data-testid="criteria-row" data-key={entry.key}>
                <td>
                  <strong>{english ? entry.nameEn : entry.nameZh}</strong>
                  <div className="muted">{(entry.covers ?? []).join(', ')}</div>
                  {entry.greenChannel && entry.greenChannel !== 'GREEN_CHANNEL_UNSPECIFIED' && (
                    <div>{t(`catalogues.criteria.greenChannels.${entry.greenChannel}`)}</div>
                  )}
                  {entry.primaryManageable && (
                    <div className="muted">{t('catalogues.criteria.primaryManageable')}</div>
                  )}
                </td>
                <td>{entry.specialtyCode}</td>
                <td>
                  <CriterionList criteria={entry.upwardIndications} english={english} />
                </td>
                <td>
                  <CriterionList criteria={entry.downwardCriteria} english={english} />
                </td>
                <td>{formatShanghaiDateTime(entry.updatedAt)}</td>
                {canEdit && (
                  <td>
                    <RowActions
                      testId="criteria"
                      confirming={edits.removing === entry.key}
                      onEdit={() => open(entry)}
                      onAsk={() => edits.setRemoving(entry.key ?? null)}
                      onConfirm={() =>
                        edits.remove(() => api.removeCriteria(crypto.randomUUID(), entry.key ?? ''))
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

function CriterionList({ criteria, english }: { criteria?: CriterionDraft[]; english: boolean }) {
  return (
    <ul className="plain-list">
      {(criteria ?? []).map((criterion) => (
        <li key={criterion.code} title={criterion.code}>
          {english ? criterion.en : criterion.zh}
        </li>
      ))}
    </ul>
  );
}

/** The entry's fields, each with the violation of its own name under it. */
function CriteriaFields({
  draft,
  onChange,
  violations,
}: {
  draft: CriteriaDraft;
  onChange: (draft: CriteriaDraft) => void;
  violations: readonly FieldViolation[];
}) {
  const { t } = useTranslation();
  const text = (name: 'covers' | 'nameZh' | 'nameEn' | 'specialtyCode', hint?: string) => (
    <label>
      {t(`catalogues.criteria.fields.${name}`)}
      <input
        name={name}
        value={draft[name]}
        onChange={(event) => onChange({ ...draft, [name]: event.target.value })}
        aria-invalid={violationAt(violations, `entry.${name}`) ? true : undefined}
      />
      {hint && <span className="muted">{hint}</span>}
      <FieldViolationText name={`entry.${name}`} violation={violationAt(violations, `entry.${name}`)} />
    </label>
  );
  return (
    <>
      {text('covers', t('catalogues.criteria.coversHint'))}
      {text('nameZh')}
      {text('nameEn')}
      {text('specialtyCode', t('catalogues.criteria.specialtyHint'))}
      <ChoiceField
        label={t('catalogues.criteria.fields.greenChannel')}
        name="greenChannel"
        value={draft.greenChannel}
        values={GREEN_CHANNELS}
        optionLabel={(channel) => t(`catalogues.criteria.greenChannels.${channel}`)}
        onChange={(greenChannel) => onChange({ ...draft, greenChannel })}
        violation={
          <FieldViolationText
            name="entry.greenChannel"
            violation={violationAt(violations, 'entry.greenChannel')}
          />
        }
      />
      <label className="checkbox">
        <input
          name="primaryManageable"
          type="checkbox"
          checked={draft.primaryManageable}
          onChange={(event) => onChange({ ...draft, primaryManageable: event.target.checked })}
        />
        {t('catalogues.criteria.fields.primaryManageable')}
      </label>
      <FieldViolationText
        name="entry.primaryManageable"
        violation={violationAt(violations, 'entry.primaryManageable')}
      />
      <CriterionRows
        list="upwardIndications"
        rows={draft.upwardIndications}
        onChange={(upwardIndications) => onChange({ ...draft, upwardIndications })}
        violations={violations}
      />
      <CriterionRows
        list="downwardCriteria"
        rows={draft.downwardCriteria}
        onChange={(downwardCriteria) => onChange({ ...draft, downwardCriteria })}
        violations={violations}
      />
      <fieldset data-testid="criteria-sources">
        <legend>{t('catalogues.criteria.fields.sources')}</legend>
        {draft.sources.map((source, i) => {
          const path = `entry.sources[${i}]`;
          const set = (change: Partial<typeof source>) =>
            onChange({ ...draft, sources: draft.sources.map((s, j) => (j === i ? { ...s, ...change } : s)) });
          return (
            <div key={i} className="filters">
              <ChoiceField
                label={t('catalogues.criteria.fields.sourceKind')}
                name={`${path}.kind`}
                value={source.kind}
                values={CRITERIA_SOURCE_KINDS}
                optionLabel={(kind) => t(`catalogues.criteria.sourceKinds.${kind}`)}
                onChange={(kind) => set({ kind })}
                violation={
                  <FieldViolationText
                    name={`${path}.kind`}
                    violation={violationAt(violations, `${path}.kind`)}
                  />
                }
              />
              <label>
                {t('catalogues.criteria.fields.issuer')}
                <input
                  name={`${path}.issuer`}
                  value={source.issuer}
                  onChange={(event) => set({ issuer: event.target.value })}
                />
                <FieldViolationText
                  name={`${path}.issuer`}
                  violation={violationAt(violations, `${path}.issuer`)}
                />
              </label>
              <label>
                {t('catalogues.criteria.fields.sourceTitle')}
                <input
                  name={`${path}.title`}
                  value={source.title}
                  onChange={(event) => set({ title: event.target.value })}
                />
                <FieldViolationText
                  name={`${path}.title`}
                  violation={violationAt(violations, `${path}.title`)}
                />
              </label>
              <button
                type="button"
                className="link-button"
                onClick={() => onChange({ ...draft, sources: draft.sources.filter((_, j) => j !== i) })}
              >
                {t('catalogues.common.removeRow')}
              </button>
            </div>
          );
        })}
        <FieldViolationText name="entry.sources" violation={violationAt(violations, 'entry.sources', true)} />
        <button
          type="button"
          className="secondary"
          onClick={() => onChange({ ...draft, sources: [...draft.sources, emptySource()] })}
          data-testid="criteria-add-source"
        >
          {t('catalogues.criteria.addSource')}
        </button>
      </fieldset>
    </>
  );
}

/** The upward indications or the downward criteria: a row of code, Chinese and English each. */
function CriterionRows({
  list,
  rows,
  onChange,
  violations,
}: {
  list: 'upwardIndications' | 'downwardCriteria';
  rows: CriterionDraft[];
  onChange: (rows: CriterionDraft[]) => void;
  violations: readonly FieldViolation[];
}) {
  const { t } = useTranslation();
  return (
    <fieldset data-testid={`criteria-${list}`}>
      <legend>{t(`catalogues.criteria.fields.${list}`)}</legend>
      {rows.map((row, i) => {
        const path = `entry.${list}[${i}]`;
        const input = (part: keyof CriterionDraft) => (
          <label>
            {t(`catalogues.criteria.fields.criterion.${part}`)}
            <input
              name={`${path}.${part}`}
              value={row[part]}
              onChange={(event) =>
                onChange(rows.map((r, j) => (j === i ? { ...r, [part]: event.target.value } : r)))
              }
            />
            <FieldViolationText
              name={`${path}.${part}`}
              violation={violationAt(violations, `${path}.${part}`)}
            />
          </label>
        );
        return (
          <div key={i} className="filters">
            {input('code')}
            {input('zh')}
            {input('en')}
            <button
              type="button"
              className="link-button"
              onClick={() => onChange(rows.filter((_, j) => j !== i))}
            >
              {t('catalogues.common.removeRow')}
            </button>
          </div>
        );
      })}
      <FieldViolationText name={`entry.${list}`} violation={violationAt(violations, `entry.${list}`, true)} />
      <button
        type="button"
        className="secondary"
        onClick={() => onChange([...rows, emptyCriterion()])}
        data-testid={`criteria-add-${list}`}
      >
        {t('catalogues.criteria.addCriterion')}
      </button>
    </fieldset>
  );
}
