import { type CatalogueItem, type QualityCondition, type RecognitionRule } from './catalogue-item';

const DAY_MS = 86_400_000;

/** What the performing institution had shown when it performed the examination. */
export interface PerformerQuality {
  /** Its laboratory was accredited (ISO 15189). */
  readonly accredited: boolean;
  /** It had passed the current external quality assessment or image quality control. */
  readonly qualityControlPassed: boolean;
}

/** A result of the patient from the result registry, as the recognition rule needs it. */
export interface RecognitionCandidate {
  readonly resultId: string;
  readonly itemCode: string;
  readonly performedAt: Date;
  readonly performingInstitutionId: string;
  /** The performing institution's group and city, when it has them. */
  readonly performingGroupId: string | null;
  readonly performingRegionId: string | null;
  readonly quality: PerformerQuality;
  /** A result entered in error is never reused. */
  readonly enteredInError: boolean;
}

/** The site about to order. */
export interface OrderingSite {
  readonly institutionId: string;
  readonly groupId: string;
  readonly regionId: string;
}

/** The mark a recognised result carries: 区域互认 across the region, 集团内互认 inside the group. */
export type RecognitionMark = 'regional-recognition' | 'group-recognition';

export type NotRecognisedReason =
  | 'other-item'
  | 'entered-in-error'
  | 'performed-after-now'
  | 'expired'
  | 'outside-region'
  | 'outside-group'
  | 'quality-not-shown';

export type Recognition =
  | { readonly recognised: true; readonly mark: RecognitionMark; readonly validUntil: Date }
  | { readonly recognised: false; readonly reason: NotRecognisedReason };

export interface RecognisedResult {
  readonly resultId: string;
  readonly performedAt: Date;
  readonly performingInstitutionId: string;
  readonly mark: RecognitionMark;
  readonly validUntil: Date;
}

export interface AlreadyDoneAnswer {
  /** False when the item carries no recognition rule: nothing is reused, the order goes ahead. */
  readonly itemRecognised: boolean;
  /** Newest first. */
  readonly recognised: readonly RecognisedResult[];
  readonly notRecognised: readonly { readonly resultId: string; readonly reason: NotRecognisedReason }[];
}

/** The instant a result performed at `performedAt` stops being recognised: `validityDays` later, exclusive. */
export function validUntil(performedAt: Date, rule: RecognitionRule): Date {
  return new Date(performedAt.getTime() + rule.validityDays * DAY_MS);
}

function qualityShown(conditions: readonly QualityCondition[], quality: PerformerQuality): boolean {
  if (conditions.length === 0) return true;
  return conditions.some((condition) => {
    switch (condition) {
      case 'accreditation':
        return quality.accredited;
      case 'quality-control':
        return quality.qualityControlPassed;
    }
  });
}

/**
 * Whether one result is recognised for an order of `item` at `site` at `now`: the same item, not entered in
 * error, performed before now and less than the item's validity ago, by an institution of the site's region
 * (region-wide items) or of its group (group-wide items), which had shown one of the item's quality conditions.
 */
export function recognitionOf(
  item: CatalogueItem,
  rule: RecognitionRule,
  site: OrderingSite,
  candidate: RecognitionCandidate,
  now: Date,
): Recognition {
  const no = (reason: NotRecognisedReason): Recognition => ({ recognised: false, reason });
  if (candidate.itemCode !== item.code) return no('other-item');
  if (candidate.enteredInError) return no('entered-in-error');
  if (candidate.performedAt.getTime() > now.getTime()) return no('performed-after-now');
  const until = validUntil(candidate.performedAt, rule);
  if (now.getTime() >= until.getTime()) return no('expired');
  if (rule.scope === 'region' && candidate.performingRegionId !== site.regionId) return no('outside-region');
  if (rule.scope === 'group' && candidate.performingGroupId !== site.groupId) return no('outside-group');
  if (!qualityShown(rule.quality, candidate.quality)) return no('quality-not-shown');
  return {
    recognised: true,
    mark: rule.scope === 'region' ? 'regional-recognition' : 'group-recognition',
    validUntil: until,
  };
}

/**
 * "Already done?" (检查检验结果互认): the patient's results of the item that the site may reuse instead of ordering
 * again, newest first, each with its mark and the instant its validity ends; and why each other result is not.
 */
export function alreadyDone(
  item: CatalogueItem,
  site: OrderingSite,
  candidates: readonly RecognitionCandidate[],
  now: Date,
): AlreadyDoneAnswer {
  const rule = item.recognition;
  if (rule === null) return { itemRecognised: false, recognised: [], notRecognised: [] };
  const recognised: RecognisedResult[] = [];
  const notRecognised: { resultId: string; reason: NotRecognisedReason }[] = [];
  for (const candidate of candidates) {
    const recognition = recognitionOf(item, rule, site, candidate, now);
    if (recognition.recognised) {
      recognised.push({
        resultId: candidate.resultId,
        performedAt: candidate.performedAt,
        performingInstitutionId: candidate.performingInstitutionId,
        mark: recognition.mark,
        validUntil: recognition.validUntil,
      });
    } else {
      notRecognised.push({ resultId: candidate.resultId, reason: recognition.reason });
    }
  }
  recognised.sort(
    (a, b) => b.performedAt.getTime() - a.performedAt.getTime() || a.resultId.localeCompare(b.resultId),
  );
  return { itemRecognised: true, recognised, notRecognised };
}
