import { type InstitutionLevel } from '../../../common/institution-level';
import { type DosageForm, type Drug, type InsuranceCategory } from '../../domain/drug';
import { type DrugVersion } from '../../domain/drug-catalogue';
import { type DrugVersionOrmEntity } from './drug-version.orm-entity';

// Every field is spelled out in both directions (no spreads), so a column added to the entity or a field added to
// the domain does not compile until it is mapped.

export function drugVersionToEntity(
  groupId: string,
  code: string,
  version: DrugVersion,
): DrugVersionOrmEntity {
  const drug = version.drug;
  return {
    groupId,
    code,
    effectiveFrom: version.effectiveFrom,
    recordedAt: version.recordedAt,
    withdrawn: drug === null,
    genericName: drug?.genericName ?? null,
    dosageForm: drug?.dosageForm ?? null,
    strength: drug?.strength ?? null,
    packSize: drug?.packSize ?? null,
    unit: drug?.unit ?? null,
    packUnit: drug?.packUnit ?? null,
    manufacturer: drug?.manufacturer ?? null,
    supplier: drug?.supplier ?? null,
    essential: drug?.essential ?? null,
    volumeBased: drug?.volumeBased ?? null,
    bidPriceFen: drug?.bidPriceFen ?? null,
    unifiedPriceFen: drug?.unifiedPriceFen ?? null,
    listPriceFen: drug?.listPriceFen ?? null,
    insuranceCategory: drug?.insuranceCategory ?? null,
    levels: drug ? [...drug.levels] : null,
  };
}

export function drugVersionFromEntity(e: DrugVersionOrmEntity): DrugVersion {
  return {
    effectiveFrom: e.effectiveFrom,
    recordedAt: e.recordedAt,
    drug: e.withdrawn ? null : drugOf(e),
  };
}

function drugOf(e: DrugVersionOrmEntity): Drug {
  return {
    code: e.code,
    genericName: e.genericName ?? '',
    dosageForm: e.dosageForm as DosageForm,
    strength: e.strength ?? '',
    packSize: e.packSize ?? 0,
    unit: e.unit ?? '',
    packUnit: e.packUnit ?? '',
    manufacturer: e.manufacturer ?? '',
    supplier: e.supplier ?? '',
    essential: e.essential ?? false,
    volumeBased: e.volumeBased ?? false,
    bidPriceFen: e.bidPriceFen,
    unifiedPriceFen: e.unifiedPriceFen ?? 0,
    listPriceFen: e.listPriceFen ?? 0,
    insuranceCategory: e.insuranceCategory as InsuranceCategory,
    levels: (e.levels ?? []) as InstitutionLevel[],
  };
}
