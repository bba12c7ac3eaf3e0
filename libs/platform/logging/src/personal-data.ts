/**
 * Field names that carry personal data (names, resident ID numbers, phones,
 * addresses). Any log field with one of these names is censored wherever it
 * sits in the logged object, so a careless `logger.info({ request })` cannot
 * leak a patient's identity.
 */
export const PERSONAL_DATA_KEYS = [
  'name',
  'fullName',
  'patientName',
  'residentId',
  'patientResidentId',
  'residentIdNumber',
  'idNumber',
  'idCard',
  'phone',
  'phoneNumber',
  'mobile',
  'address',
  'authorization',
  'password',
] as const;

/** Redaction paths for pino: each key at the top level and up to three levels deep. */
export function personalDataRedactPaths(): string[] {
  return PERSONAL_DATA_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`, `*.*.*.${key}`]);
}

/** Keeps the region code and check character of a resident ID, hides the rest: 110105********123X → "110105********23X". */
export function maskResidentId(id: string): string {
  if (id.length <= 7) return '*'.repeat(id.length);
  return `${id.slice(0, 6)}${'*'.repeat(id.length - 9)}${id.slice(-3)}`;
}
