/** A city (GB/T 2260 division code) divided into grids. */
export interface City {
  readonly id: string;
  readonly divisionCode: string;
  readonly name: string;
}

/** A grid (网格) of a city; the unit a medical group serves. */
export interface Grid {
  readonly id: string;
  readonly cityId: string;
  readonly code: string;
  readonly name: string;
}

export interface Department {
  readonly id: string;
  readonly institutionId: string;
  readonly specialtyCode: string;
  readonly name: string;
}

/** GB/T 2260 prefecture-level division codes end in "00" (e.g. 440100 广州市). */
export function isCityDivisionCode(code: string): boolean {
  return /^\d{4}00$/.test(code) && !code.startsWith('00');
}

/** 诊疗科目代码: two digits, optionally a dot and two more (e.g. "03", "03.04"). */
export function isSpecialtyCode(code: string): boolean {
  return /^\d{2}(\.\d{2})?$/.test(code);
}
