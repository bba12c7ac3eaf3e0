import { isIcd10Code } from '@medgrid/kernel';

/*
 * How a catalogue entry says which diagnoses it is about. A coverage spec is
 * either one ICD-10 code, standing for itself and every code below it ("E11"
 * covers E11.0–E11.9 and national extensions such as "E11.900"), or a range of
 * sibling codes ("I60-I64", "B18.0-B18.1"). Ranges are expanded to plain
 * prefixes once, so a lookup is a handful of map reads, never a scan.
 */

export type CoverageProblem = 'INVALID_FORMAT' | 'INVALID_RANGE';

export const COVERAGE_PROBLEM_TEXT: Readonly<Record<CoverageProblem, string>> = {
  INVALID_FORMAT: 'must be an ICD-10 code such as I10 or E11.2, or a range such as I60-I64',
  INVALID_RANGE:
    'must be a rising range of sibling codes with the same parent, such as I60-I64 or B18.0-B18.1',
};

const CATEGORY = /^([A-Z])(\d{2})$/;
const SUBCATEGORY = /^([A-Z]\d{2})\.(\d)$/;

/** The prefixes a coverage spec stands for, or why it is not one. */
export function expandCoverage(spec: string): readonly string[] | CoverageProblem {
  const ends = spec.split('-');
  if (ends.length === 1) return isIcd10Code(spec) ? [spec] : 'INVALID_FORMAT';
  if (ends.length !== 2) return 'INVALID_FORMAT';
  const [from, to] = ends as [string, string];
  if (!isIcd10Code(from) || !isIcd10Code(to)) return 'INVALID_FORMAT';
  return categoryRange(from, to) ?? subcategoryRange(from, to) ?? 'INVALID_RANGE';
}

function categoryRange(from: string, to: string): string[] | undefined {
  const a = CATEGORY.exec(from);
  const b = CATEGORY.exec(to);
  if (!a || !b || a[1] !== b[1]) return undefined;
  return numbers(Number(a[2]), Number(b[2]))?.map((n) => `${a[1]}${String(n).padStart(2, '0')}`);
}

function subcategoryRange(from: string, to: string): string[] | undefined {
  const a = SUBCATEGORY.exec(from);
  const b = SUBCATEGORY.exec(to);
  if (!a || !b || a[1] !== b[1]) return undefined;
  return numbers(Number(a[2]), Number(b[2]))?.map((n) => `${a[1]}.${n}`);
}

function numbers(from: number, to: number): number[] | undefined {
  if (from >= to) return undefined;
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/**
 * Every prefix a (valid) code falls under, most specific first:
 * "E11.900" → E11.900, E11.90, E11.9, E11.
 */
export function prefixesOf(code: string): string[] {
  const [category, extension = ''] = code.split('.') as [string, string?];
  const prefixes: string[] = [];
  for (let length = extension.length; length > 0; length--) {
    prefixes.push(`${category}.${extension.slice(0, length)}`);
  }
  prefixes.push(category);
  return prefixes;
}

/** Whether a prefix covers a code: the code is the prefix itself or lies below it. */
export function prefixCovers(prefix: string, code: string): boolean {
  return prefixesOf(code).includes(prefix);
}
