import { type Role } from '@medgrid/auth';
import { anIdentity } from '@medgrid/testing';
import { CriteriaError } from '../domain/criteria-error';
import { canEditCatalogue, requireCatalogueEditor } from './criteria-access.policy';

describe(canEditCatalogue.name, () => {
  const sut = canEditCatalogue;

  it.each<[Role, boolean]>([
    ['city-operator', true],
    ['group-admin', false],
    ['hospital-staff', false],
    ['primary-staff', false],
    ['partner-system', false],
  ])('lets a %s edit the catalogue: %s', (role, expected) => {
    expect(sut(anIdentity({ role }))).toBe(expected);
  });
});

describe(requireCatalogueEditor.name, () => {
  const sut = requireCatalogueEditor;

  it('refuses anyone but a city operator with PERMISSION_DENIED', () => {
    let refused: unknown;
    try {
      sut(anIdentity({ role: 'group-admin' }));
    } catch (error) {
      refused = error;
    }

    expect(refused).toBeInstanceOf(CriteriaError);
    expect(refused).toMatchObject({ category: 'permission-denied', code: 'NOT_ALLOWED' });
    expect(() =>
      sut(anIdentity({ role: 'city-operator', institutionId: null, groupId: null })),
    ).not.toThrow();
  });
});
