import { encodePageToken } from './page-token';
import { pageOf, pageRequest, type PageRules } from './paging';

interface Row {
  name: string;
  id: string;
}

const byName: PageRules<Row> = {
  max: 500,
  default: 50,
  keyLength: 2,
  cursor: ([name, id]) => (typeof name === 'string' && typeof id === 'string' ? { name, id } : null),
};

describe(pageRequest.name, () => {
  const sut = pageRequest;

  it('serves the default page when no size is asked for, reading one row more', () => {
    expect(sut({}, byName)).toEqual({ size: 50, limit: 51, after: null, problems: [] });
    expect(sut({ pageSize: 0, pageToken: '' }, byName)).toMatchObject({ size: 50, limit: 51 });
  });

  it('serves the size asked for up to the maximum', () => {
    expect(sut({ pageSize: 500 }, byName)).toMatchObject({ size: 500, limit: 501, problems: [] });
  });

  it.each([-1, 501, 2.5])('refuses a page size of %s as OUT_OF_RANGE naming the maximum', (pageSize) => {
    expect(sut({ pageSize }, byName).problems).toEqual([
      { field: 'pageSize', reason: 'OUT_OF_RANGE', description: 'must be 1 to 500 (0 for 50)' },
    ]);
  });

  it('starts after the row of a token the list issued', () => {
    const token = encodePageToken(['张三', '0193a1b2-0000-7000-8000-000000000001']);

    expect(sut({ pageToken: token }, byName)).toMatchObject({
      after: { name: '张三', id: '0193a1b2-0000-7000-8000-000000000001' },
      problems: [],
    });
  });

  it.each([
    ['not a token at all', 'bm90LWEtdG9rZW4'],
    ['a key of another length', encodePageToken(['张三'])],
    ['a key the list would not issue', encodePageToken([1, 2])],
  ])('refuses %s with the list’s reason, INVALID_FORMAT unless said', (_, pageToken) => {
    expect(sut({ pageToken }, byName).problems).toEqual([
      { field: 'pageToken', reason: 'INVALID_FORMAT', description: 'is not a token of this list' },
    ]);
    expect(sut({ pageToken }, { ...byName, tokenReason: 'INVALID_VALUE' }).problems).toEqual([
      expect.objectContaining({ field: 'pageToken', reason: 'INVALID_VALUE' }),
    ]);
  });

  it('reports both fields at once', () => {
    expect(sut({ pageSize: 900, pageToken: 'x' }, byName).problems.map((p) => p.field)).toEqual([
      'pageSize',
      'pageToken',
    ]);
  });
});

describe(pageOf.name, () => {
  const sut = pageOf;

  const rows = ['a', 'b', 'c'].map((name, i) => ({ name, id: `id-${i}` }));
  const keyOf = (row: Row) => [row.name, row.id];

  it('serves the page and a token that starts the next one after its last row', () => {
    const page = sut(rows, { size: 2 }, keyOf);

    expect(page.items).toEqual(rows.slice(0, 2));
    expect(pageRequest({ pageToken: page.nextPageToken }, byName).after).toEqual(rows[1]);
  });

  it('gives no token on the last page', () => {
    expect(sut(rows, { size: 3 }, keyOf)).toEqual({ items: rows, nextPageToken: '' });
    expect(sut([], { size: 3 }, keyOf)).toEqual({ items: [], nextPageToken: '' });
  });
});
