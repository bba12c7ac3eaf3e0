import { refusedFields } from '@medgrid/testing';
import { RegisterPractitionerCommand, type RegisterPractitionerInput } from './register-practitioner.command';

const valid: RegisterPractitionerInput = {
  clientRequestId: '0193a000-0000-7000-8000-00000000c001',
  licenceNumber: ' 1104401000ab345 ',
  name: ' 王医生 ',
  title: 'attending',
  specialtyCode: '03.04',
  homeInstitutionId: '0193A000-0000-7000-8000-000000000001',
};

const refused = (input: Partial<RegisterPractitionerInput>) =>
  refusedFields(() => RegisterPractitionerCommand.create({ ...valid, ...input }));

describe(RegisterPractitionerCommand.name, () => {
  it('reads the licence number upper case, ids lower case and the name trimmed', () => {
    const sut = RegisterPractitionerCommand.create(valid);

    expect(sut).toEqual({
      clientRequestId: valid.clientRequestId,
      licenceNumber: '1104401000AB345',
      name: '王医生',
      title: 'attending',
      specialtyCode: '03.04',
      homeInstitutionId: '0193a000-0000-7000-8000-000000000001',
    });
  });

  it.each<[Partial<RegisterPractitionerInput>, [string, string][]]>([
    [{ licenceNumber: 'L-1' }, [['licenceNumber', 'INVALID_FORMAT']]],
    [{ name: 'x'.repeat(51) }, [['name', 'TOO_LONG']]],
    [{ title: undefined }, [['title', 'REQUIRED']]],
    [{ specialtyCode: '3' }, [['specialtyCode', 'INVALID_FORMAT']]],
    [
      { clientRequestId: '', homeInstitutionId: 'home' },
      [
        ['clientRequestId', 'REQUIRED'],
        ['homeInstitutionId', 'INVALID_FORMAT'],
      ],
    ],
  ])('refuses %j', (input, expected) => {
    expect(refused(input)).toEqual(expected);
  });
});
