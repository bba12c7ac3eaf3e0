import { DrugCatalogue } from '../../catalogue/domain/drug-catalogue';
import { aDrug, aMetforminDrug, anOriginatorDrug } from '../../catalogue/test/drug.factory';
import { type Drug } from '../../catalogue/domain/drug';
import { aFormulary } from '../../formulary/test/formulary.factory';
import { Requisition, type RequisitionLine } from '../domain/requisition';

export const JAN = new Date('2027-01-01T00:00:00Z');
export const CLINIC_1 = '0190a0a0-0000-7000-8000-000000000101';
export const CLINIC_2 = '0190a0a0-0000-7000-8000-000000000102';

/** Atorvastatin 20 mg, a volume-based winner bought from the second supplier. */
export const atorvastatin: Drug = aDrug({
  code: 'XC10AAA047A001010100101',
  genericName: '阿托伐他汀钙',
  strength: '20mg',
  packSize: 7,
  supplier: '配送企业乙',
  bidPriceFen: 186,
  unifiedPriceFen: 186,
  listPriceFen: 4420,
});

/** Another maker's atorvastatin 20 mg: a substitute the supplier may deliver. */
export const atorvastatinOtherMaker: Drug = {
  ...atorvastatin,
  code: 'XC10AAA047A001010100102',
  manufacturer: '示例制药二厂',
};

/** Amlodipine (supplier 甲), its originator, metformin (supplier 甲) and atorvastatin (supplier 乙), from January. */
export function aPurchasingCatalogue(): DrugCatalogue {
  const catalogue = DrugCatalogue.empty('group-1');
  catalogue.load(
    [aDrug(), anOriginatorDrug(), aMetforminDrug(), atorvastatin, atorvastatinOtherMaker],
    JAN,
    0,
    JAN,
  );
  return catalogue;
}

/** An open requisition of a primary institution stocking amlodipine, metformin and atorvastatin. */
export function aRequisition(
  id: string,
  lines: readonly RequisitionLine[],
  institutionId = CLINIC_1,
  at = new Date('2027-02-01T08:00:00Z'),
): Requisition {
  return Requisition.raise(
    { id, lines },
    aFormulary([aDrug(), aMetforminDrug(), atorvastatin], 'primary', institutionId),
    aPurchasingCatalogue(),
    at,
  );
}
