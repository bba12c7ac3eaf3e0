/**
 * The shared centres a medical group runs (docs/domain.md, section 5): medical laboratory, medical imaging, ECG
 * diagnosis, pathology, remote consultation and sterilisation supply.
 */
export const CENTRE_KINDS = [
  'laboratory',
  'imaging',
  'ecg',
  'pathology',
  'remote-consultation',
  'sterilisation-supply',
] as const;
export type CentreKind = (typeof CENTRE_KINDS)[number];

/**
 * What a centre reports on: every centre kind but sterilisation supply, whose orders are instruments sent and
 * returned rather than examinations.
 */
export const ITEM_KINDS = ['laboratory', 'imaging', 'ecg', 'pathology', 'remote-consultation'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

/** The centre kind that reports an item kind: one each, named alike. */
export function centreKindOf(kind: ItemKind): CentreKind {
  return kind;
}

export function isReportingKind(kind: CentreKind): kind is ItemKind {
  return (ITEM_KINDS as readonly string[]).includes(kind);
}
