import { type drugCatalogueServiceV1 as pb } from '@medgrid/contracts';
import { type InstitutionLevel } from '../../common/institution-level';
import { type DosageForm, type Drug, type InsuranceCategory } from '../domain/drug';
import { type DrugVersion } from '../domain/drug-catalogue';
import { type CatalogueHead } from '../domain/drug-catalogue.repository';
import { type RowProblem } from '../domain/catalogue-rows';

/**
 * A drug as the request carries it, trimmed (the code upper case); an unknown form, category or level stays as
 * sent, for the catalogue's check to refuse by name (drug.dosageForm UNKNOWN_VALUE).
 */
export function drugFromProto(drug: pb.Drug): Drug {
  return {
    code: drug.code.trim().toUpperCase(),
    genericName: drug.genericName.trim(),
    dosageForm: drug.dosageForm.trim() as DosageForm,
    strength: drug.strength.trim(),
    packSize: drug.packSize,
    unit: drug.unit.trim(),
    packUnit: drug.packUnit.trim(),
    manufacturer: drug.manufacturer.trim(),
    supplier: drug.supplier.trim(),
    essential: drug.essential,
    volumeBased: drug.volumeBased,
    bidPriceFen: drug.bidPriceFen ?? null,
    unifiedPriceFen: drug.unifiedPriceFen,
    listPriceFen: drug.listPriceFen,
    insuranceCategory: drug.insuranceCategory.trim().toUpperCase() as InsuranceCategory,
    levels: drug.levels.map((level) => level.trim() as InstitutionLevel),
  };
}

export function drugToProto(drug: Drug): pb.Drug {
  return {
    code: drug.code,
    genericName: drug.genericName,
    dosageForm: drug.dosageForm,
    strength: drug.strength,
    packSize: drug.packSize,
    unit: drug.unit,
    packUnit: drug.packUnit,
    manufacturer: drug.manufacturer,
    supplier: drug.supplier,
    essential: drug.essential,
    volumeBased: drug.volumeBased,
    bidPriceFen: drug.bidPriceFen ?? undefined,
    unifiedPriceFen: drug.unifiedPriceFen,
    listPriceFen: drug.listPriceFen,
    insuranceCategory: drug.insuranceCategory,
    levels: [...drug.levels],
  };
}

export function drugVersionToProto(version: DrugVersion): pb.DrugVersion {
  return {
    drug: version.drug ? drugToProto(version.drug) : undefined,
    effectiveFrom: version.effectiveFrom,
    recordedAt: version.recordedAt,
  };
}

export function catalogueToProto(head: CatalogueHead): pb.Catalogue {
  return {
    groupId: head.groupId,
    version: head.version,
    changedAt: head.changedAt ?? undefined,
    drugCount: head.drugCount,
  };
}

export function rejectedRowToProto(problem: RowProblem): pb.RejectedRow {
  return {
    line: problem.line,
    field: problem.field,
    reason: problem.reason,
    description: problem.description,
  };
}
