import { refusedFields } from '@medgrid/testing';
import { ImportCsvCommand } from './import-csv.command';

const csv = (...lines: string[]) => Buffer.from(lines.join('\n'), 'utf8');
const clientRequestId = '0193a000-0000-7000-8000-00000000c001';

describe(ImportCsvCommand.name, () => {
  it('reads the rows of a file of its kind, each with its line, and the request id lower case', () => {
    const sut = ImportCsvCommand.create({
      kind: 'departments',
      content: csv('institution_id,specialty_code,name', 'i-1,03,内科', 'i-1,04,外科'),
      clientRequestId: clientRequestId.toUpperCase(),
    });

    expect(sut.kind).toBe('departments');
    expect(sut.rows).toEqual([
      { line: 2, values: { institution_id: 'i-1', specialty_code: '03', name: '内科' } },
      { line: 3, values: { institution_id: 'i-1', specialty_code: '04', name: '外科' } },
    ]);
    expect(sut.clientRequestId).toBe(clientRequestId);
  });

  it('refuses a request that does not say what the file holds or carries no request id, before reading it', () => {
    expect(
      refusedFields(() =>
        ImportCsvCommand.create({ kind: undefined, content: Buffer.alloc(0), clientRequestId: '' }),
      ),
    ).toEqual([
      ['kind', 'REQUIRED'],
      ['clientRequestId', 'REQUIRED'],
    ]);
  });

  it.each<[string, Buffer, string]>([
    ['an empty file', Buffer.alloc(0), 'EMPTY'],
    [
      'a header without a column of the kind',
      csv('resident_id_number,name,phone', 'x,y,z'),
      'MISSING_COLUMNS',
    ],
    ['a column the kind does not have', csv('resident_id_number,team_id,colour', 'x,y,z'), 'UNKNOWN_COLUMNS'],
  ])('refuses %s on content', (_, content, reason) => {
    expect(
      refusedFields(() =>
        ImportCsvCommand.create({
          kind: content.includes('team_id') ? 'contracts' : 'residents',
          content,
          clientRequestId,
        }),
      ),
    ).toEqual([['content', reason]]);
  });
});
