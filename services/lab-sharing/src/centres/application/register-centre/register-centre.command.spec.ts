import { refusedFields } from '@medgrid/testing';
import { RegisterCentreCommand, type RegisterCentreInput } from './register-centre.command';

const input = (patch: Partial<RegisterCentreInput> = {}): RegisterCentreInput => ({
  clientRequestId: '0193a5c0-0000-7000-8000-000000000001',
  groupId: '',
  kind: 'imaging',
  name: ' 区域医学影像中心 ',
  hostInstitutionId: '0193A5C0-0000-7000-8000-0000000000A1',
  servedInstitutionIds: ['0193a5c0-0000-7000-8000-0000000000b1'],
  ...patch,
});

describe(RegisterCentreCommand.name, () => {
  const sut = RegisterCentreCommand;

  it("reads the centre: ids lower case, the name trimmed, no group for the caller's", () => {
    expect(sut.create(input())).toEqual({
      clientRequestId: '0193a5c0-0000-7000-8000-000000000001',
      groupId: undefined,
      kind: 'imaging',
      name: '区域医学影像中心',
      hostInstitutionId: '0193a5c0-0000-7000-8000-0000000000a1',
      servedInstitutionIds: ['0193a5c0-0000-7000-8000-0000000000b1'],
    });
  });

  it('refuses a kind the contract does not name', () => {
    expect(refusedFields(() => sut.create(input({ kind: undefined })))).toEqual([['kind', 'REQUIRED']]);
  });

  it('reports every bad field at once, a served institution by its place in the list', () => {
    expect(
      refusedFields(() =>
        sut.create(
          input({
            clientRequestId: 'retry-1',
            groupId: 'group',
            name: ' ',
            hostInstitutionId: '',
            servedInstitutionIds: ['0193a5c0-0000-7000-8000-0000000000b1', 'not-a-uuid'],
          }),
        ),
      ),
    ).toEqual([
      ['clientRequestId', 'INVALID_FORMAT'],
      ['groupId', 'INVALID_FORMAT'],
      ['name', 'REQUIRED'],
      ['hostInstitutionId', 'REQUIRED'],
      ['servedInstitutionIds[1]', 'INVALID_FORMAT'],
    ]);
  });

  it('refuses a name longer than 100 characters', () => {
    expect(refusedFields(() => sut.create(input({ name: '中'.repeat(101) })))).toEqual([
      ['name', 'TOO_LONG'],
    ]);
  });
});
