/**
 * A DICOM unique identifier (PS3.5 section 9.1), such as a StudyInstanceUID: at most 64 characters of digits and
 * dots, in at least two components; no component is empty or has a leading zero (a component of one "0" is
 * fine); and, being an ISO/IEC 8824 object identifier, it starts with arc 0, 1 or 2, and under 0 or 1 the second
 * arc is at most 39. Padding is not part of the value: a partner strips DICOM's trailing NUL before sending it.
 */
export const DICOM_UID_MAX = 64;

export type DicomUidProblem =
  | 'EMPTY'
  | 'TOO_LONG'
  | 'INVALID_CHARACTERS'
  | 'EMPTY_COMPONENT'
  | 'LEADING_ZERO'
  | 'TOO_FEW_COMPONENTS'
  | 'INVALID_ROOT';

export const DICOM_UID_PROBLEM_TEXT: Readonly<Record<DicomUidProblem, string>> = {
  EMPTY: 'a DICOM UID is required',
  TOO_LONG: `a DICOM UID is at most ${DICOM_UID_MAX} characters`,
  INVALID_CHARACTERS: 'a DICOM UID is digits and dots only',
  EMPTY_COMPONENT: 'a DICOM UID has no empty component (no leading, trailing or doubled dot)',
  LEADING_ZERO: 'a component of a DICOM UID has no leading zero',
  TOO_FEW_COMPONENTS: 'a DICOM UID has at least two components',
  INVALID_ROOT: 'a DICOM UID starts with arc 0, 1 or 2, and under 0 or 1 the second arc is at most 39',
};

export function dicomUidProblem(value: string): DicomUidProblem | null {
  if (value.length === 0) return 'EMPTY';
  if (value.length > DICOM_UID_MAX) return 'TOO_LONG';
  if (!/^[0-9.]+$/.test(value)) return 'INVALID_CHARACTERS';
  const components = value.split('.');
  if (components.some((component) => component.length === 0)) return 'EMPTY_COMPONENT';
  if (components.some((component) => component.length > 1 && component.startsWith('0')))
    return 'LEADING_ZERO';
  if (components.length < 2) return 'TOO_FEW_COMPONENTS';
  const [root, second] = components.map(Number) as [number, number];
  if (root > 2 || (root < 2 && second > 39)) return 'INVALID_ROOT';
  return null;
}
