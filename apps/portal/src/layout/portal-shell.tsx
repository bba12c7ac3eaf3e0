import { NavLink, Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session-context';
import { LanguageSwitch } from './language-switch';

/** The frame of every signed-in page: the sections, the user, the language and sign-out. */
export function PortalShell() {
  const { t } = useTranslation();
  const { session, signOut } = useSession();
  const user = session?.user;
  return (
    <div className="shell">
      <header className="shell__header">
        <span className="shell__title">{t('app.shortTitle')}</span>
        <nav className="shell__nav">
          <NavLink to="/" end>
            {t('nav.dashboard')}
          </NavLink>
          <NavLink to="/referrals">{t('nav.referrals')}</NavLink>
          <NavLink to="/settlements">{t('nav.settlements')}</NavLink>
          <NavLink to="/catalogues">{t('catalogues.nav.title')}</NavLink>
          <NavLink to="/admin/reserve-policies">{t('nav.administration')}</NavLink>
        </nav>
        <span className="shell__user">
          {user && t('nav.signedInAs', { name: user.displayName })}
          {user && <span className="muted"> · {t(`roles.${user.role}`)}</span>}
        </span>
        <LanguageSwitch />
        <button type="button" className="link-button" onClick={() => void signOut()}>
          {t('nav.signOut')}
        </button>
      </header>
      <main className="shell__main">
        <Outlet />
      </main>
    </div>
  );
}
