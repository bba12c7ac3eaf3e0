import { refusedFields } from '@medgrid/testing';
import { RegisterWardCommand, type RegisterWardInput } from './register-ward.command';

const input = (patch: Partial<RegisterWardInput> = {}): RegisterWardInput => ({
  clientRequestId: '0193a5c0-0000-7000-8000-000000000001',
  institutionId: '0193A5C0-0000-7000-8000-0000000000A1',
  departmentId: '0193a5c0-0000-7000-8000-0000000000d1',
  specialtyCode: '',
  name: ' 心内科一病区 ',
  bedCount: 30,
  ...patch,
});

describe(RegisterWardCommand.name, () => {
  const sut = RegisterWardCommand;

  it('reads the ward: ids lower case, the name trimmed', () => {
    expect(sut.create(input())).toMatchObject({
      institutionId: '0193a5c0-0000-7000-8000-0000000000a1',
      name: '心内科一病区',
      bedCount: 30,
    });
  });

  it.each([0, -1, 501, 2.5, Number.NaN])('refuses %p beds, naming bedCount', (bedCount) => {
    expect(refusedFields(() => sut.create(input({ bedCount })))).toEqual([['bedCount', 'OUT_OF_RANGE']]);
  });

  it('refuses a ward without a name', () => {
    expect(refusedFields(() => sut.create(input({ name: '  ' })))).toEqual([['name', 'REQUIRED']]);
  });

  it('reports bad ids with the ward’s own fields, all at once', () => {
    expect(refusedFields(() => sut.create(input({ departmentId: 'x', name: '', bedCount: 0 })))).toEqual([
      ['departmentId', 'INVALID_FORMAT'],
      ['name', 'REQUIRED'],
      ['bedCount', 'OUT_OF_RANGE'],
    ]);
  });
});
