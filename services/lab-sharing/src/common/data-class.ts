/**
 * How sensitive a result is (数据分级分类): infectious-disease serology (HIV, hepatitis, syphilis) and psychiatric
 * findings are masked unless the reader's role and purpose allow them (docs/domain.md, section 5); everything else
 * is `general`.
 */
export const DATA_CLASSES = ['general', 'infectious-disease', 'psychiatric'] as const;
export type DataClass = (typeof DATA_CLASSES)[number];

export function isSensitive(dataClass: DataClass): boolean {
  return dataClass !== 'general';
}

/** The more guarded of two classes (psychiatric findings are open to fewer purposes than infectious disease). */
export function moreSensitive(a: DataClass, b: DataClass): DataClass {
  const rank = (c: DataClass) => DATA_CLASSES.indexOf(c);
  return rank(a) >= rank(b) ? a : b;
}
