import { ValidationError } from '@medgrid/errors';
import { thrownBy } from '@medgrid/testing';
import { aDrug, anOriginatorDrug, rowOf } from '../test/drug.factory';
import { catalogueRowsOf } from './catalogue-csv';

const csvOf = (rows: Record<string, string>[]) => {
  const columns = Object.keys(rows[0]!);
  return Buffer.from(
    [columns.join(','), ...rows.map((row) => columns.map((c) => row[c]).join(','))].join('\n'),
  );
};

function withoutLevels(row: Record<string, string>): Record<string, string> {
  const copy = { ...row };
  delete copy.levels;
  return copy;
}

describe(catalogueRowsOf.name, () => {
  const sut = catalogueRowsOf;

  it('reads each data row with its line, the header being line 1', () => {
    const rows = sut(csvOf([rowOf(aDrug()), rowOf(anOriginatorDrug())]));

    expect(rows).toEqual([
      { line: 2, values: rowOf(aDrug()) },
      { line: 3, values: rowOf(anOriginatorDrug()) },
    ]);
  });

  it.each([
    ['an empty file', Buffer.alloc(0), 'EMPTY'],
    ['a header without the levels column', csvOf([withoutLevels(rowOf(aDrug()))]), 'MISSING_COLUMNS'],
    ['a header with a column of its own', csvOf([{ ...rowOf(aDrug()), colour: 'red' }]), 'UNKNOWN_COLUMNS'],
    ['a file that is not CSV', Buffer.from('code,"generic_name\nX'), 'NOT_CSV'],
  ])('refuses %s on content', (_, content, reason) => {
    expect(thrownBy(ValidationError, () => sut(content)).violations).toEqual([
      expect.objectContaining({ field: 'content', reason }),
    ]);
  });
});
