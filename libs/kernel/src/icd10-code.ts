/**
 * Shape of an ICD-10 code as used in Chinese clinical coding (GB/T 14396):
 * a letter, two digits, optionally a dot and one to four more characters
 * (national extensions, e.g. "I10.x00", "E11.900"). Whether the code exists in
 * a catalogue is the owning service's question; this only checks its form.
 */
const ICD10 = /^[A-TV-Z]\d{2}(\.[0-9A-Zx]{1,4})?$/;

export function isIcd10Code(value: string): boolean {
  return ICD10.test(value);
}
