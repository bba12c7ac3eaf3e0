import { type DataClass } from '../../../common/data-class';
import { type ItemKind } from '../../../common/exam-kinds';
import {
  type CatalogueItem,
  type Modality,
  type QualityCondition,
  type RecognitionScope,
  type Specimen,
} from '../../domain/catalogue-item';
import { type RecognitionCatalogueItemOrmEntity } from './recognition-catalogue-item.orm-entity';

// Every field is spelled out in both directions (no spreads), so a column added to an entity
// or a field added to the domain does not compile until it is mapped.

export function catalogueItemToEntity(
  regionId: string,
  item: CatalogueItem,
): RecognitionCatalogueItemOrmEntity {
  return {
    regionId,
    code: item.code,
    nationalCode: item.nationalCode,
    loinc: item.loinc,
    name: item.name,
    kind: item.kind,
    modality: item.modality,
    bodyPart: item.bodyPart,
    specimen: item.specimen,
    dataClass: item.dataClass,
    validityDays: item.recognition?.validityDays ?? null,
    scope: item.recognition?.scope ?? null,
    quality: item.recognition ? [...item.recognition.quality] : null,
  };
}

export function catalogueItemFromEntity(e: RecognitionCatalogueItemOrmEntity): CatalogueItem {
  return {
    code: e.code,
    nationalCode: e.nationalCode,
    loinc: e.loinc,
    name: e.name,
    kind: e.kind as ItemKind,
    modality: e.modality as Modality | null,
    bodyPart: e.bodyPart,
    specimen: e.specimen as Specimen | null,
    dataClass: e.dataClass as DataClass,
    recognition:
      e.validityDays === null || e.scope === null
        ? null
        : {
            validityDays: e.validityDays,
            scope: e.scope as RecognitionScope,
            quality: (e.quality ?? []) as QualityCondition[],
          },
  };
}
