import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldViolationText } from '../admin/field-violation-text';
import * as api from '../api/catalogue-api';
import { DOSAGE_FORMS, type Drug, DRUG_LEVELS, INSURANCE_CATEGORIES } from '../api/catalogue-types';
import { useLoad } from '../api/use-load';
import { useSession } from '../auth/session-context';
import { cityDirectory } from '../dashboard/city-directory';
import { formatYuan } from '../format/money';
import { formatShanghaiDateTime } from '../format/shanghai-time';
import { LoadState } from '../layout/load-state';
import { CatalogueEditor, type DraftFields } from './catalogue-editor';
import { CheckboxGroup, ChoiceField } from './choice-fields';
import { CataloguesNav } from './catalogues-nav';
import { checkDrug, type DrugDraft, drugDraftOf, drugOf, emptyDrugDraft } from './drug-form';
import { violationAt } from './form-problems';
import { LoadRefusalDetail } from './form-refusal';
import { RowActions } from './row-actions';
import { useCatalogueEdits } from './use-catalogue-edits';

/**
 * A medical group's unified drug catalogue (药品目录) in force now: generic name, form and strength, whether it is
 * a national essential medicine (国家基本药物) or a product of national volume-based procurement (国家集中带量采购),
 * the group's unified price and the insurance category. The group's administrators list, change and withdraw drugs
 * through pharmacy's CatalogueService; its members read it, and so do city operators, choosing the group.
 */
export function DrugCataloguePage() {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const user = session?.user;
  const operator = user?.role === 'city-operator';
  const directory = useLoad(async () => (operator ? cityDirectory() : null), [operator]);
  const [chosenGroup, setChosenGroup] = useState('');
  const groupId = operator ? chosenGroup : (user?.groupId ?? '');
  const canEdit = user?.role === 'group-admin' && groupId !== '' && groupId === user.groupId;
  const [pageTokens, setPageTokens] = useState<string[]>(['']);
  const pageToken = pageTokens.at(-1) ?? '';
  const page = useLoad(
    async () => (groupId ? api.getDrugCatalogue(groupId, pageToken || undefined) : null),
    [groupId, pageToken],
  );
  const [searchText, setSearchText] = useState('');
  const [searched, setSearched] = useState('');
  const search = useLoad(
    async () => (groupId && searched ? api.searchDrugs(groupId, searched) : null),
    [groupId, searched],
  );
  const reload = () => {
    page.reload();
    if (searched) search.reload();
  };
  const edits = useCatalogueEdits<DrugDraft>({ reload, versioned: true });
  const version = page.data?.catalogue?.version ?? 0;
  const drugs = (searched ? search.data?.drugs : page.data?.drugs) ?? [];
  const locale = i18n.language === 'en' ? 'en' : 'zh-CN';

  const chooseGroup = (id: string) => {
    setChosenGroup(id);
    setPageTokens(['']);
    setSearched('');
    setSearchText('');
    edits.reset();
  };

  const open = (drug: Drug | null) =>
    edits.open(drug ? drugDraftOf(drug) : emptyDrugDraft(), drug ? drug.code : null);

  const put = async (draft: DrugDraft) => {
    const drug = drugOf(draft);
    await api.putDrug(groupId, crypto.randomUUID(), version, drug);
    return drug.genericName ?? drug.code;
  };

  const loaded = searched ? search : page;
  return (
    <div className="page" data-testid="drug-page">
      <CataloguesNav />
      <h1>{t('catalogues.drugs.title')}</h1>
      <p className="muted">{t('catalogues.drugs.intro')}</p>
      {!canEdit && groupId && <p className="muted">{t('catalogues.drugs.readOnly')}</p>}
      {operator && (
        <>
          {!directory.data && <LoadState {...directory} />}
          <label>
            {t('catalogues.drugs.group')}
            <select
              name="groupId"
              value={chosenGroup}
              onChange={(event) => chooseGroup(event.target.value)}
              data-testid="drug-group"
            >
              <option value="">{t('catalogues.drugs.chooseGroup')}</option>
              {(directory.data?.groups ?? []).map((group) => (
                <option key={group.id} value={group.id}>
                  {group.name}
                </option>
              ))}
            </select>
          </label>
        </>
      )}
      {!operator && !groupId && <p className="muted">{t('catalogues.drugs.noGroup')}</p>}
      {groupId && (
        <>
          {page.data?.catalogue && (
            <p className="muted" data-testid="drug-version">
              {t('catalogues.drugs.version', {
                version,
                count: page.data.catalogue.drugCount ?? 0,
                at: formatShanghaiDateTime(page.data.catalogue.changedAt) || '—',
              })}
            </p>
          )}
          <form
            className="filters"
            onSubmit={(event) => {
              event.preventDefault();
              setSearched(searchText.trim());
            }}
            role="search"
          >
            <label>
              {t('catalogues.drugs.search')}
              <input
                name="search"
                type="search"
                value={searchText}
                onChange={(event) => setSearchText(event.target.value)}
                data-testid="drug-search"
              />
            </label>
            <button type="submit" data-testid="drug-search-submit">
              {t('common.search')}
            </button>
            {searched && (
              <button
                type="button"
                className="secondary"
                onClick={() => {
                  setSearched('');
                  setSearchText('');
                }}
                data-testid="drug-search-reset"
              >
                {t('common.reset')}
              </button>
            )}
            {canEdit && (
              <button type="button" onClick={() => open(null)} data-testid="drug-new">
                {t('catalogues.drugs.new')}
              </button>
            )}
          </form>
          <CatalogueEditor
            testId="drug"
            edits={edits}
            savedNotice={(name) => t('catalogues.drugs.saved', { name })}
            title={(draft, editing) =>
              editing ? t('catalogues.drugs.edit', { name: draft.genericName }) : t('catalogues.drugs.new')
            }
            onSubmit={(event) => edits.save(event, checkDrug, put)}
          >
            {(draft, fields) => <DrugFields draft={draft} {...fields} />}
          </CatalogueEditor>
          <section className="panel">
            {!loaded.data && <LoadState {...loaded} />}
            {loaded.data && loaded.error && <LoadState {...loaded} />}
            <LoadRefusalDetail error={loaded.error} />
            <table className="table" data-testid="drug-table">
              <thead>
                <tr>
                  <th>{t('catalogues.drugs.fields.genericName')}</th>
                  <th>{t('catalogues.drugs.fields.dosageForm')}</th>
                  <th>{t('catalogues.drugs.fields.strength')}</th>
                  <th>{t('catalogues.drugs.essential')}</th>
                  <th>{t('catalogues.drugs.volumeBased')}</th>
                  <th>{t('catalogues.drugs.fields.unifiedPrice')}</th>
                  <th>{t('catalogues.drugs.fields.insuranceCategory')}</th>
                  <th>{t('catalogues.drugs.fields.levels')}</th>
                  {canEdit && <th>{t('catalogues.common.actions')}</th>}
                </tr>
              </thead>
              <tbody>
                {drugs.map((drug) => (
                  <tr key={drug.code} data-testid="drug-row" data-code={drug.code}>
                    <td>
                      {drug.genericName}
                      <div className="muted">{drug.code}</div>
                    </td>
                    <td>{drug.dosageForm && t(`catalogues.drugs.forms.${drug.dosageForm}`)}</td>
                    <td>
                      {drug.strength}
                      <div className="muted">
                        {t('catalogues.drugs.pack', {
                          size: drug.packSize ?? 0,
                          unit: drug.unit ?? '',
                          packUnit: drug.packUnit ?? '',
                        })}
                      </div>
                    </td>
                    <td data-testid="drug-essential">{drug.essential ? t('common.yes') : t('common.no')}</td>
                    <td data-testid="drug-volume-based">
                      {drug.volumeBased ? t('common.yes') : t('common.no')}
                      {drug.volumeBased && drug.bidPriceFen !== undefined && (
                        <div className="muted">
                          {t('catalogues.drugs.bid', { price: formatYuan(drug.bidPriceFen, locale) })}
                        </div>
                      )}
                    </td>
                    <td data-testid="drug-price">{formatYuan(drug.unifiedPriceFen ?? 0, locale)}</td>
                    <td>
                      {drug.insuranceCategory && t(`catalogues.drugs.categories.${drug.insuranceCategory}`)}
                    </td>
                    <td>
                      {(drug.levels ?? []).map((level) => t(`catalogues.drugs.levels.${level}`)).join('、')}
                    </td>
                    {canEdit && (
                      <td>
                        <RowActions
                          testId="drug"
                          removal="withdraw"
                          removeLabel={t('catalogues.drugs.withdraw')}
                          question={t('catalogues.drugs.confirmWithdraw')}
                          confirming={edits.removing === drug.code}
                          onEdit={() => open(drug)}
                          onAsk={() => edits.setRemoving(drug.code)}
                          onConfirm={() =>
                            edits.remove(() =>
                              api.withdrawDrug(groupId, crypto.randomUUID(), version, drug.code),
                            )
                          }
                          onCancel={() => edits.setRemoving(null)}
                        />
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
            {loaded.data && drugs.length === 0 && <p className="muted">{t('common.noData')}</p>}
            {!searched && (
              <div className="filters">
                <button
                  type="button"
                  className="secondary"
                  disabled={pageTokens.length < 2}
                  onClick={() => setPageTokens(pageTokens.slice(0, -1))}
                  data-testid="drug-previous-page"
                >
                  {t('catalogues.common.previousPage')}
                </button>
                <button
                  type="button"
                  className="secondary"
                  disabled={!page.data?.nextPageToken}
                  onClick={() => setPageTokens([...pageTokens, page.data?.nextPageToken ?? ''])}
                  data-testid="drug-next-page"
                >
                  {t('catalogues.common.nextPage')}
                </button>
              </div>
            )}
          </section>
        </>
      )}
    </div>
  );
}

type TextField =
  | 'code'
  | 'genericName'
  | 'strength'
  | 'packSize'
  | 'unit'
  | 'packUnit'
  | 'manufacturer'
  | 'supplier'
  | 'bidPrice'
  | 'unifiedPrice'
  | 'listPrice';

/** Where the service names a form's field: the prices in fen, as the request carries them. */
const REQUEST_FIELD: Record<TextField, string> = {
  code: 'drug.code',
  genericName: 'drug.genericName',
  strength: 'drug.strength',
  packSize: 'drug.packSize',
  unit: 'drug.unit',
  packUnit: 'drug.packUnit',
  manufacturer: 'drug.manufacturer',
  supplier: 'drug.supplier',
  bidPrice: 'drug.bidPriceFen',
  unifiedPrice: 'drug.unifiedPriceFen',
  listPrice: 'drug.listPriceFen',
};

/** The drug's fields, prices in yuan, each with the violation of its field under it. */
function DrugFields({ draft, editing, onChange, violations }: { draft: DrugDraft } & DraftFields<DrugDraft>) {
  const { t } = useTranslation();
  const error = (field: string) => (
    <FieldViolationText name={field} violation={violationAt(violations, field)} />
  );
  const text = (name: TextField, hint?: string) => (
    <label>
      {t(`catalogues.drugs.fields.${name}`)}
      <input
        name={name}
        value={draft[name]}
        disabled={name === 'code' && editing}
        inputMode={name.endsWith('Price') ? 'decimal' : name === 'packSize' ? 'numeric' : undefined}
        onChange={(event) => onChange({ ...draft, [name]: event.target.value })}
      />
      {hint && <span className="muted">{hint}</span>}
      {error(REQUEST_FIELD[name])}
    </label>
  );
  const check = (name: 'essential' | 'volumeBased') => (
    <label className="checkbox">
      <input
        name={name}
        type="checkbox"
        checked={draft[name]}
        onChange={(event) => onChange({ ...draft, [name]: event.target.checked })}
      />
      {t(`catalogues.drugs.fields.${name}`)}
    </label>
  );
  return (
    <>
      {text('code', t('catalogues.drugs.codeHint'))}
      {text('genericName')}
      <ChoiceField
        label={t('catalogues.drugs.fields.dosageForm')}
        name="dosageForm"
        value={draft.dosageForm}
        values={DOSAGE_FORMS}
        optionLabel={(form) => t(`catalogues.drugs.forms.${form}`)}
        onChange={(dosageForm) => onChange({ ...draft, dosageForm })}
        choose
        violation={error('drug.dosageForm')}
      />
      {text('strength')}
      {text('packSize')}
      {text('unit')}
      {text('packUnit')}
      {text('manufacturer')}
      {text('supplier')}
      {check('essential')}
      {check('volumeBased')}
      {draft.volumeBased && text('bidPrice', t('catalogues.drugs.yuanHint'))}
      {text('unifiedPrice', t('catalogues.drugs.yuanHint'))}
      {text('listPrice', t('catalogues.drugs.yuanHint'))}
      <ChoiceField
        label={t('catalogues.drugs.fields.insuranceCategory')}
        name="insuranceCategory"
        value={draft.insuranceCategory}
        values={INSURANCE_CATEGORIES}
        optionLabel={(category) => t(`catalogues.drugs.categories.${category}`)}
        onChange={(insuranceCategory) => onChange({ ...draft, insuranceCategory })}
        violation={error('drug.insuranceCategory')}
      />
      <CheckboxGroup
        legend={t('catalogues.drugs.fields.levels')}
        name="levels"
        values={DRUG_LEVELS}
        checked={draft.levels}
        optionLabel={(level) => t(`catalogues.drugs.levels.${level}`)}
        onChange={(levels) => onChange({ ...draft, levels })}
        violation={error('drug.levels')}
        testId="drug-levels"
      />
    </>
  );
}
