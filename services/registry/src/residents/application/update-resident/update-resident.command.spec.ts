import { refusedFields } from '@medgrid/testing';
import { UpdateResidentCommand, type UpdateResidentInput } from './update-resident.command';

const valid: UpdateResidentInput = {
  id: '0193A000-0000-7000-8000-0000000000A1',
  expectedVersion: 1,
  name: ' 陈阿婆 ',
  phone: ' 13900139000 ',
  gridId: '0193A000-0000-7000-8000-000000000001',
  clientRequestId: '0193A000-0000-7000-8000-00000000C001',
};

const refused = (input: Partial<UpdateResidentInput>) =>
  refusedFields(() => UpdateResidentCommand.create({ ...valid, ...input }));

describe(UpdateResidentCommand.name, () => {
  it('reads ids lower case, name and phone trimmed', () => {
    const sut = UpdateResidentCommand.create(valid);

    expect(sut).toEqual({
      id: '0193a000-0000-7000-8000-0000000000a1',
      expectedVersion: 1,
      name: '陈阿婆',
      phone: '13900139000',
      gridId: '0193a000-0000-7000-8000-000000000001',
      clientRequestId: '0193a000-0000-7000-8000-00000000c001',
    });
  });

  it.each<[Partial<UpdateResidentInput>, [string, string][]]>([
    [{ clientRequestId: '' }, [['clientRequestId', 'REQUIRED']]],
    [{ clientRequestId: 'retry-1' }, [['clientRequestId', 'INVALID_FORMAT']]],
    [
      { phone: '12345', clientRequestId: '' },
      [
        ['phone', 'INVALID_FORMAT'],
        ['clientRequestId', 'REQUIRED'],
      ],
    ],
  ])('refuses %j', (input, expected) => {
    expect(refused(input)).toEqual(expected);
  });
});
