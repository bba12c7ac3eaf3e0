import { describe, expect, it } from 'vitest';
import { checkLength, checkRequiredText, type Problem, violationAt, wholeNumberOf } from './form-problems';

describe(violationAt.name, () => {
  const violations = [
    { field: 'entry.covers[1]', reason: 'INVALID_FORMAT' },
    { field: 'entry.upwardIndications', reason: 'REQUIRED' },
    { field: 'drug.recognition.scope', reason: 'UNKNOWN_VALUE' },
  ];

  it('finds a field’s own violation or one of its parts, by index or by name', () => {
    expect(violationAt(violations, 'entry.covers')?.reason).toBe('INVALID_FORMAT');
    expect(violationAt(violations, 'drug.recognition')?.reason).toBe('UNKNOWN_VALUE');
    expect(violationAt(violations, 'entry.cover')).toBeUndefined();
  });

  it("finds only a list's own violation when asked exactly, leaving its rows' to each row", () => {
    expect(violationAt(violations, 'entry.upwardIndications', true)?.reason).toBe('REQUIRED');
    expect(violationAt(violations, 'entry.covers', true)).toBeUndefined();
  });
});

describe('form text rules', () => {
  it('refuses an empty or too long text as REQUIRED or TOO_LONG, trimmed first', () => {
    const problems: Problem[] = [];

    checkRequiredText(problems, 'a', '  ', 5);
    checkRequiredText(problems, 'b', ' abcdef ', 5);
    checkRequiredText(problems, 'c', ' abcde ', 5);
    checkLength(problems, 'd', '', 3);

    expect(problems).toEqual([
      { field: 'a', reason: 'REQUIRED' },
      { field: 'b', reason: 'TOO_LONG', params: { max: 5 } },
      { field: 'd', reason: 'INVALID_LENGTH', params: { max: 3 } },
    ]);
  });

  it('reads a whole number, and nothing else, from a field', () => {
    expect(wholeNumberOf(' 28 ')).toBe(28);
    expect(wholeNumberOf('2.5')).toBeNull();
    expect(wholeNumberOf('-1')).toBeNull();
    expect(wholeNumberOf('')).toBeNull();
  });
});
