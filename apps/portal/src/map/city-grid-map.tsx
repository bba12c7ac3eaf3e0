import { useTranslation } from 'react-i18next';
import { type Referral } from '../api/portal-types';
import { type CityDirectory } from '../dashboard/city-directory';
import { type CareData } from '../dashboard/load-care';
import { referralInScope, type ScopeFacts } from '../dashboard/scope';
import { FIRST_CONTACT_TARGET_BP, firstContactsIn } from '../indicators/care-indicators';
import { GridMap, OUTLINE_CODES } from './grid-map';
import { gridsOnMap } from './grid-shares';

/** The city dashboard's map: each grid by its primary first-contact share, with its referrals. */
export function CityGridMap({
  directory,
  care,
  referrals,
  facts,
}: {
  directory: CityDirectory;
  care: CareData;
  referrals: readonly Referral[];
  facts: ScopeFacts;
}) {
  const { t } = useTranslation();
  const grids = gridsOnMap(directory.grids, OUTLINE_CODES).map((grid) => {
    const inGrid = new Set(directory.institutions.filter((i) => i.gridId === grid.id).map((i) => i.id));
    return {
      gridId: grid.id,
      code: grid.code,
      name: grid.name,
      shareBp: care.firstContacts
        ? firstContactsIn(care.firstContacts, (id) => inGrid.has(id)).shareBp
        : null,
      referrals: referrals.filter((r) => referralInScope(r, { kind: 'grid', id: grid.id }, facts)).length,
    };
  });
  if (grids.length === 0) return null;
  return (
    <section className="panel">
      <h2>{t('map.title')}</h2>
      <GridMap grids={grids} targetBp={FIRST_CONTACT_TARGET_BP} label={t('care.firstContact')} />
      <p className="muted">{t('map.note')}</p>
    </section>
  );
}
