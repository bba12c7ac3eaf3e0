import { refusedFields } from '@medgrid/testing';
import { UpdatePractitionerCommand, type UpdatePractitionerInput } from './update-practitioner.command';

const valid: UpdatePractitionerInput = {
  id: '0193A000-0000-7000-8000-0000000000A1',
  expectedVersion: 2,
  name: ' 王医生 ',
  title: 'chief',
  specialtyCode: '03.04',
  homeInstitutionId: '0193A000-0000-7000-8000-000000000001',
  clientRequestId: '0193A000-0000-7000-8000-00000000C001',
};

const refused = (input: Partial<UpdatePractitionerInput>) =>
  refusedFields(() => UpdatePractitionerCommand.create({ ...valid, ...input }));

describe(UpdatePractitionerCommand.name, () => {
  it('reads ids lower case and the name trimmed', () => {
    const sut = UpdatePractitionerCommand.create(valid);

    expect(sut).toEqual({
      id: '0193a000-0000-7000-8000-0000000000a1',
      expectedVersion: 2,
      name: '王医生',
      title: 'chief',
      specialtyCode: '03.04',
      homeInstitutionId: '0193a000-0000-7000-8000-000000000001',
      clientRequestId: '0193a000-0000-7000-8000-00000000c001',
    });
  });

  it.each<[Partial<UpdatePractitionerInput>, [string, string][]]>([
    [{ clientRequestId: '' }, [['clientRequestId', 'REQUIRED']]],
    [{ clientRequestId: 'retry-1' }, [['clientRequestId', 'INVALID_FORMAT']]],
    [
      { expectedVersion: 0, clientRequestId: '' },
      [
        ['expectedVersion', 'REQUIRED'],
        ['clientRequestId', 'REQUIRED'],
      ],
    ],
  ])('refuses %j', (input, expected) => {
    expect(refused(input)).toEqual(expected);
  });
});
