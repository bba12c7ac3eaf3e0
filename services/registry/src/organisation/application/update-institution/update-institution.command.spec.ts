import { refusedFields } from '@medgrid/testing';
import { UpdateInstitutionCommand, type UpdateInstitutionInput } from './update-institution.command';

const valid: UpdateInstitutionInput = {
  id: '0193A000-0000-7000-8000-0000000000A1',
  expectedVersion: 3,
  name: ' 黄埔区第二人民医院 ',
  level: 'secondary',
  type: 'general-hospital',
  address: ' 大沙东路 1 号 ',
  clientRequestId: '0193A000-0000-7000-8000-00000000C001',
};

const refused = (input: Partial<UpdateInstitutionInput>) =>
  refusedFields(() => UpdateInstitutionCommand.create({ ...valid, ...input }));

describe(UpdateInstitutionCommand.name, () => {
  it('reads ids lower case and the texts trimmed', () => {
    const sut = UpdateInstitutionCommand.create(valid);

    expect(sut).toEqual({
      id: '0193a000-0000-7000-8000-0000000000a1',
      expectedVersion: 3,
      name: '黄埔区第二人民医院',
      level: 'secondary',
      type: 'general-hospital',
      address: '大沙东路 1 号',
      clientRequestId: '0193a000-0000-7000-8000-00000000c001',
    });
  });

  it.each<[Partial<UpdateInstitutionInput>, [string, string][]]>([
    [{ clientRequestId: '' }, [['clientRequestId', 'REQUIRED']]],
    [{ clientRequestId: 'retry-1' }, [['clientRequestId', 'INVALID_FORMAT']]],
    [{ expectedVersion: 0 }, [['expectedVersion', 'REQUIRED']]],
    [{ level: undefined }, [['level', 'REQUIRED']]],
  ])('refuses %j', (input, expected) => {
    expect(refused(input)).toEqual(expected);
  });

  it('reports every bad field of one request together, in the order of the request', () => {
    expect(refused({ clientRequestId: '', name: '', id: 'x' })).toEqual([
      ['id', 'INVALID_FORMAT'],
      ['name', 'REQUIRED'],
      ['clientRequestId', 'REQUIRED'],
    ]);
  });
});
