import { refusedFields } from '@medgrid/testing';
import { SearchInstitutionsQuery, type SearchInstitutionsInput } from './search-institutions.query';

const any: SearchInstitutionsInput = {
  nameContains: '',
  creditCode: '',
  gridId: '',
  groupId: '',
  level: undefined,
  type: undefined,
  pageSize: 0,
  pageToken: '',
};

const refused = (input: Partial<SearchInstitutionsInput>) =>
  refusedFields(() => SearchInstitutionsQuery.create({ ...any, ...input }));

describe(SearchInstitutionsQuery.name, () => {
  it('asks for everything, 50 a page, when nothing is given', () => {
    const sut = SearchInstitutionsQuery.create(any);

    expect(sut).toEqual({
      nameContains: '',
      creditCode: '',
      gridId: undefined,
      groupId: undefined,
      level: undefined,
      type: undefined,
      page: { size: 50, limit: 51, after: null, problems: [] },
    });
  });

  it('reads ids lower case, the credit code upper case and the name as sent', () => {
    const sut = SearchInstitutionsQuery.create({
      ...any,
      nameContains: ' 社区 ',
      creditCode: ' 12440100ma5a0b1c2x ',
      gridId: '0193A000-0000-7000-8000-000000000001',
      level: 'primary',
      pageSize: 10,
    });

    expect(sut).toMatchObject({
      nameContains: ' 社区 ',
      creditCode: '12440100MA5A0B1C2X',
      gridId: '0193a000-0000-7000-8000-000000000001',
      level: 'primary',
      page: { size: 10, limit: 11 },
    });
  });

  it.each<[Partial<SearchInstitutionsInput>, [string, string][]]>([
    [{ nameContains: 'x'.repeat(101) }, [['nameContains', 'TOO_LONG']]],
    [{ pageSize: 501 }, [['pageSize', 'OUT_OF_RANGE']]],
    [{ pageSize: -1 }, [['pageSize', 'OUT_OF_RANGE']]],
    [{ pageToken: 'not-a-token' }, [['pageToken', 'INVALID_FORMAT']]],
    [
      { gridId: 'grid-1', groupId: 'group-1' },
      [
        ['gridId', 'INVALID_FORMAT'],
        ['groupId', 'INVALID_FORMAT'],
      ],
    ],
  ])('refuses %j', (input, expected) => {
    expect(refused(input)).toEqual(expected);
  });
});
