import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';

/** The three catalogues, one tab each. */
export function CataloguesNav() {
  const { t } = useTranslation();
  return (
    <nav className="tabs" aria-label={t('catalogues.nav.title')} data-testid="catalogues-nav">
      <NavLink to="/catalogues/criteria">{t('catalogues.nav.criteria')}</NavLink>
      <NavLink to="/catalogues/recognition">{t('catalogues.nav.recognition')}</NavLink>
      <NavLink to="/catalogues/drugs">{t('catalogues.nav.drugs')}</NavLink>
    </nav>
  );
}
