import { aResidentId, aResidentIdBornOn, refusedFields } from '@medgrid/testing';
import { RegisterResidentCommand, type RegisterResidentInput } from './register-resident.command';

const residentIdNumber = aResidentId();
const valid: RegisterResidentInput = {
  clientRequestId: '0193a000-0000-7000-8000-00000000c001',
  residentIdNumber: ` ${residentIdNumber.toLowerCase()} `,
  name: ' 陈阿婆 ',
  phone: ' 13900139000 ',
  gridId: '0193A000-0000-7000-8000-000000000001',
};

const refused = (input: Partial<RegisterResidentInput>) =>
  refusedFields(() => RegisterResidentCommand.create({ ...valid, ...input }));

describe(RegisterResidentCommand.name, () => {
  it('reads the ID number (birth date and sex with it), the grid lower case, name and phone trimmed', () => {
    const sut = RegisterResidentCommand.create(valid);

    expect(sut).toMatchObject({
      name: '陈阿婆',
      phone: '13900139000',
      gridId: '0193a000-0000-7000-8000-000000000001',
    });
    expect(sut.residentId.value).toBe(residentIdNumber);
  });

  it.each<[Partial<RegisterResidentInput>, [string, string][]]>([
    [{ residentIdNumber: '' }, [['residentIdNumber', 'INVALID_LENGTH']]],
    [{ residentIdNumber: '110105194912310021' }, [['residentIdNumber', 'INVALID_CHECK_CHARACTER']]],
    [{ residentIdNumber: aResidentIdBornOn('2099-12-31') }, [['residentIdNumber', 'BIRTH_DATE_IN_FUTURE']]],
    [{ phone: '12345' }, [['phone', 'INVALID_FORMAT']]],
    [{ name: '' }, [['name', 'REQUIRED']]],
    [{ gridId: 'grid-1' }, [['gridId', 'INVALID_FORMAT']]],
  ])('refuses %j', (input, expected) => {
    expect(refused(input)).toEqual(expected);
  });
});
