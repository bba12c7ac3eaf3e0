import { useEffect } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AccountsPage } from './admin/accounts-page';
import { GroupsPage } from './admin/groups-page';
import { InstitutionsPage } from './admin/institutions-page';
import { ReservePolicyPage } from './admin/reserve-policy-page';
import { TeamsPage } from './admin/teams-page';
import { SessionProvider, useSession } from './auth/session-context';
import { SignInPage } from './auth/sign-in-page';
import { CriteriaPage } from './catalogues/criteria-page';
import { DrugCataloguePage } from './catalogues/drug-catalogue-page';
import { RecognitionCataloguePage } from './catalogues/recognition-catalogue-page';
import { forgetCityDirectory } from './dashboard/city-directory';
import { DashboardPage } from './dashboard/dashboard-page';
import { PortalShell } from './layout/portal-shell';
import { ReferralDetailPage } from './referrals/referral-detail-page';
import { ReferralListPage } from './referrals/referral-list-page';
import { SettlementsPage } from './settlements/settlements-page';

/** The portal's pages; every one but sign-in needs a session. */
function PortalRoutes() {
  const { t } = useTranslation();
  const { session } = useSession();

  useEffect(() => {
    if (session === null) forgetCityDirectory();
  }, [session]);

  if (session === undefined) return <p className="muted page">{t('common.loading')}</p>;
  if (session === null) return <SignInPage />;
  return (
    <Routes>
      <Route element={<PortalShell />}>
        <Route index element={<DashboardPage kind="city" />} />
        <Route path="grids/:id" element={<DashboardPage kind="grid" />} />
        <Route path="groups/:id" element={<DashboardPage kind="group" />} />
        <Route path="institutions/:id" element={<DashboardPage kind="institution" />} />
        <Route path="referrals" element={<ReferralListPage />} />
        <Route path="referrals/:id" element={<ReferralDetailPage />} />
        <Route path="admin/reserve-policies" element={<ReservePolicyPage />} />
        <Route path="admin/accounts" element={<AccountsPage />} />
        <Route path="admin/institutions" element={<InstitutionsPage />} />
        <Route path="admin/groups" element={<GroupsPage />} />
        <Route path="admin/teams" element={<TeamsPage />} />
        <Route path="settlements" element={<SettlementsPage />} />
        <Route path="catalogues" element={<Navigate to="/catalogues/criteria" replace />} />
        <Route path="catalogues/criteria" element={<CriteriaPage />} />
        <Route path="catalogues/recognition" element={<RecognitionCataloguePage />} />
        <Route path="catalogues/drugs" element={<DrugCataloguePage />} />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Route>
    </Routes>
  );
}

export function App() {
  return (
    <BrowserRouter>
      <SessionProvider>
        <PortalRoutes />
      </SessionProvider>
    </BrowserRouter>
  );
}
