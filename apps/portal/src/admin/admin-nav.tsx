import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';

/** The administration pages, one tab each. */
export function AdminNav() {
  const { t } = useTranslation();
  return (
    <nav className="tabs" aria-label={t('nav.administration')}>
      <NavLink to="/admin/reserve-policies">{t('adminNav.reservePolicies')}</NavLink>
      <NavLink to="/admin/accounts">{t('adminNav.accounts')}</NavLink>
      <NavLink to="/admin/institutions">{t('registryAdmin.nav.institutions')}</NavLink>
      <NavLink to="/admin/groups">{t('registryAdmin.nav.groups')}</NavLink>
      <NavLink to="/admin/teams">{t('registryAdmin.nav.teams')}</NavLink>
    </nav>
  );
}
