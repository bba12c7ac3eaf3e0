import { recognitionServiceV1 as pb } from '@medgrid/contracts';
import { keyOf } from '@medgrid/kernel';
import { type DataClass } from '../../common/data-class';
import { type ItemKind } from '../../common/exam-kinds';
import { type RecognisedResult, type RecognitionMark } from '../domain/already-done';
import {
  type CatalogueItem,
  type Modality,
  type QualityCondition,
  type RecognitionScope,
  type Specimen,
} from '../domain/catalogue-item';
import { type RecognitionCatalogueSnapshot } from '../domain/recognition-catalogue';
import { type LookupOutcome, type RecognitionLookupSnapshot } from '../domain/recognition-lookup';
import { type RecognitionFigures } from '../application/recognition-figures';

const SCOPE_TO: Record<RecognitionScope, pb.RecognitionScope> = {
  region: pb.RecognitionScope.RECOGNITION_SCOPE_REGION,
  group: pb.RecognitionScope.RECOGNITION_SCOPE_GROUP,
};
const scopeFromProto = keyOf(SCOPE_TO);
const MARK_TO: Record<RecognitionMark, pb.RecognitionMark> = {
  'regional-recognition': pb.RecognitionMark.RECOGNITION_MARK_REGIONAL_RECOGNITION,
  'group-recognition': pb.RecognitionMark.RECOGNITION_MARK_GROUP_RECOGNITION,
};
const OUTCOME_TO: Record<LookupOutcome, pb.LookupOutcome> = {
  'nothing-offered': pb.LookupOutcome.LOOKUP_OUTCOME_NOTHING_OFFERED,
  pending: pb.LookupOutcome.LOOKUP_OUTCOME_PENDING,
  reused: pb.LookupOutcome.LOOKUP_OUTCOME_REUSED,
  'ordered-anyway': pb.LookupOutcome.LOOKUP_OUTCOME_ORDERED_ANYWAY,
};

const orNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());

/**
 * An item as the request carries it: empty strings are absent values, an unspecified scope is refused by the
 * catalogue's check (UNKNOWN_VALUE naming recognition.scope), and so are unknown kinds, classes and modalities.
 */
export function catalogueItemFromProto(item: pb.CatalogueItem): CatalogueItem {
  return {
    code: item.code.trim().toUpperCase(),
    nationalCode: orNull(item.nationalCode),
    loinc: orNull(item.loinc),
    name: item.name.trim(),
    kind: item.kind.trim() as ItemKind,
    modality: orNull(item.modality) as Modality | null,
    bodyPart: orNull(item.bodyPart),
    specimen: orNull(item.specimen) as Specimen | null,
    dataClass: (item.dataClass.trim() || 'general') as DataClass,
    recognition: item.recognition
      ? {
          validityDays: item.recognition.validityDays,
          scope: scopeFromProto(item.recognition.scope) ?? ('' as RecognitionScope),
          quality: item.recognition.quality.map((q) => q.trim() as QualityCondition),
        }
      : null,
  };
}

export function catalogueItemToProto(item: CatalogueItem): pb.CatalogueItem {
  return {
    code: item.code,
    nationalCode: item.nationalCode ?? '',
    loinc: item.loinc ?? '',
    name: item.name,
    kind: item.kind,
    modality: item.modality ?? '',
    bodyPart: item.bodyPart ?? '',
    specimen: item.specimen ?? '',
    dataClass: item.dataClass,
    recognition: item.recognition
      ? {
          validityDays: item.recognition.validityDays,
          scope: SCOPE_TO[item.recognition.scope],
          quality: [...item.recognition.quality],
        }
      : undefined,
  };
}

export function catalogueToProto(
  catalogue: Omit<RecognitionCatalogueSnapshot, 'items'> & { readonly itemCount: number },
): pb.Catalogue {
  return {
    regionId: catalogue.regionId,
    version: catalogue.version,
    changedAt: catalogue.changedAt ?? undefined,
    itemCount: catalogue.itemCount,
  };
}

function recognisedToProto(result: RecognisedResult): pb.RecognisedResult {
  return {
    resultId: result.resultId,
    performedAt: result.performedAt,
    performingInstitutionId: result.performingInstitutionId,
    mark: MARK_TO[result.mark],
    validUntil: result.validUntil,
  };
}

export function lookupToProto(lookup: RecognitionLookupSnapshot, itemRecognised: boolean): pb.Lookup {
  return {
    id: lookup.id,
    patientResidentId: lookup.patientResidentId,
    itemCode: lookup.itemCode,
    orderingInstitutionId: lookup.orderingInstitutionId,
    lookedUpAt: lookup.lookedUpAt,
    itemRecognised,
    offered: lookup.offered.map(recognisedToProto),
    outcome: OUTCOME_TO[lookup.outcome],
    reusedResultId: lookup.reusedResultId ?? '',
    reason: lookup.reason ?? '',
    decidedAt: lookup.decidedAt ?? undefined,
    version: lookup.version,
  };
}

export function figuresToProto(f: RecognitionFigures): pb.RecognitionFigures {
  return {
    institutionId: f.institutionId,
    itemCode: f.itemCode,
    lookups: f.lookups,
    offered: f.offered,
    reused: f.reused,
    orderedAnyway: f.orderedAnyway,
    recognitionRateBp: f.rateBp ?? undefined,
  };
}
