import { aCreditCode, refusedFields } from '@medgrid/testing';
import { RegisterInstitutionCommand, type RegisterInstitutionInput } from './register-institution.command';

const valid: RegisterInstitutionInput = {
  clientRequestId: '0193A000-0000-7000-8000-00000000C001',
  gridId: '0193A000-0000-7000-8000-000000000001',
  creditCode: ` ${aCreditCode().toLowerCase()} `,
  name: '  越秀区东山社区卫生服务中心 ',
  level: 'primary',
  type: 'community-health-centre',
  address: ' 东山路 1 号 ',
};

const refused = (input: Partial<RegisterInstitutionInput>) =>
  refusedFields(() => RegisterInstitutionCommand.create({ ...valid, ...input }));

describe(RegisterInstitutionCommand.name, () => {
  it('reads ids lower case, the credit code upper case and the texts trimmed', () => {
    const sut = RegisterInstitutionCommand.create(valid);

    expect(sut).toEqual({
      clientRequestId: '0193a000-0000-7000-8000-00000000c001',
      gridId: '0193a000-0000-7000-8000-000000000001',
      creditCode: valid.creditCode.trim().toUpperCase(),
      name: '越秀区东山社区卫生服务中心',
      level: 'primary',
      type: 'community-health-centre',
      address: '东山路 1 号',
    });
  });

  it.each<[Partial<RegisterInstitutionInput>, [string, string][]]>([
    [{ clientRequestId: '' }, [['clientRequestId', 'REQUIRED']]],
    [{ gridId: 'grid-1' }, [['gridId', 'INVALID_FORMAT']]],
    [{ creditCode: '91350100M000100Y44' }, [['creditCode', 'INVALID_CHECK_CHARACTER']]],
    [{ name: ' ' }, [['name', 'REQUIRED']]],
    [{ name: 'x'.repeat(201) }, [['name', 'TOO_LONG']]],
    [{ level: undefined }, [['level', 'REQUIRED']]],
    [{ type: undefined }, [['type', 'REQUIRED']]],
    [{ address: '' }, [['address', 'REQUIRED']]],
    [{ address: 'x'.repeat(501) }, [['address', 'TOO_LONG']]],
  ])('refuses %j', (input, expected) => {
    expect(refused(input)).toEqual(expected);
  });

  it('reports every bad field of one request together, in the order of the request', () => {
    expect(
      refused({ name: '', level: undefined, gridId: 'grid-1', creditCode: '91350100M000100Y44' }),
    ).toEqual([
      ['gridId', 'INVALID_FORMAT'],
      ['creditCode', 'INVALID_CHECK_CHARACTER'],
      ['name', 'REQUIRED'],
      ['level', 'REQUIRED'],
    ]);
  });
});
