import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLoad } from '../api/use-load';
import { BarChart } from '../charts/bar-chart';
import { ShareTrendChart } from '../charts/share-trend-chart';
import { ESSENTIAL_SHARE_TARGET_BP, FIRST_CONTACT_TARGET_BP } from '../indicators/care-indicators';
import { referralIndicators } from '../indicators/referral-indicators';
import { formatGrowth, growth, inTimeShare } from '../indicators/referral-trend';
import { formatBasisPoints } from '../indicators/reserve-ratio';
import { LoadState } from '../layout/load-state';
import { ReferralTable } from '../referrals/referral-table';
import { cityDirectory } from './city-directory';
import { HospitalTable } from './hospital-table';
import { CityGridMap } from '../map/city-grid-map';
import { CareCards } from './care-cards';
import { IndicatorCard } from './indicator-card';
import { loadCare } from './load-care';
import { CARE_TREND_MONTHS, loadCareTrend } from './load-care-trend';
import { loadReferralTrend, TREND_MONTHS } from './load-referral-trend';
import { factsOf, loadScope } from './load-scope';
import { bedSummary, slotSummary } from './reserve-summary';
import { institutionsIn, type Scope } from './scope';
import { childrenOf, referralsByChild, trailTo } from './scope-children';

const percentOf = (bp: number | null) => (bp === null ? null : bp / 100);

/** The scope a dashboard route names: / is the city, /grids/:id, /groups/:id, /institutions/:id below it. */
export function DashboardPage({ kind }: { kind: Scope['kind'] }) {
  const { id = '' } = useParams();
  const scope: Scope = kind === 'city' ? { kind } : { kind, id };
  const { t } = useTranslation();
  const loaded = useLoad(async () => {
    const directory = await cityDirectory();
    const now = new Date();
    const facts = factsOf(directory);
    const [data, care, trend, careTrend] = await Promise.all([
      loadScope(scope, directory, now),
      loadCare(scope, directory, now),
      loadReferralTrend(scope, facts, now),
      loadCareTrend(scope, institutionsIn(scope, directory.institutions), now),
    ]);
    return { directory, now, data, care, trend, careTrend };
  }, [kind, id]);

  if (!loaded.data) return <LoadState {...loaded} />;
  const { directory, now, data, care, trend, careTrend } = loaded.data;
  const trail = trailTo(scope, directory);
  const here = trail[trail.length - 1];
  const scopeName = scope.kind === 'city' ? t('scope.city') : (here?.name ?? '');
  const indicators = referralIndicators(data.referrals, now);
  const thisMonth = trend.months[trend.months.length - 1]!;
  const inTime = inTimeShare(trend.months);
  const growthDetail = (current: number, base: number) => {
    const change = growth(current, base);
    return change === null
      ? t('dashboard.noGrowthBase', { base })
      : t('dashboard.growth', { growth: formatGrowth(change), base });
  };
  const slots = slotSummary(data.hospitals);
  const beds = bedSummary(data.hospitals);
  const children = referralsByChild(childrenOf(scope, directory), data.referrals, data.facts);

  return (
    <div className="page" data-testid="dashboard">
      <nav className="breadcrumb" aria-label="breadcrumb">
        {trail.map((step, index) => (
          <span key={step.path}>
            {index > 0 && ' / '}
            {index === trail.length - 1 ? (
              <strong>{index === 0 ? t('scope.city') : step.name}</strong>
            ) : (
              <Link to={step.path}>{index === 0 ? t('scope.city') : step.name}</Link>
            )}
          </span>
        ))}
      </nav>
      <h1>{t('dashboard.title', { scope: scopeName })}</h1>
      <p className="muted">
        {t('dashboard.basedOn', { count: data.referrals.length })}
        {data.truncated && t('dashboard.truncated', { count: data.referrals.length })} ·{' '}
        {t('dashboard.reportDate', { date: data.reportDate })}
        {loaded.loading && ` · ${t('common.loading')}`}
      </p>

      <div className="cards">
        <IndicatorCard
          testId="indicator-upward"
          label={t('dashboard.upwardThisMonth')}
          value={thisMonth.upward}
          detail={growthDetail(thisMonth.upward, trend.lastMonthSoFar.upward)}
        />
        <IndicatorCard
          testId="indicator-downward"
          label={t('dashboard.downwardThisMonth')}
          value={thisMonth.downward}
          detail={growthDetail(thisMonth.downward, trend.lastMonthSoFar.downward)}
        />
        <IndicatorCard
          testId="indicator-in-time"
          label={t('dashboard.inTimeRate', { months: TREND_MONTHS })}
          value={inTime.rate === null ? '—' : `${(inTime.rate * 100).toFixed(1)}%`}
          detail={t('dashboard.inTimeDetail', {
            inTime: inTime.handledInTime,
            breached: inTime.breached,
            pending: indicators.pending,
          })}
          status={inTime.rate === null ? 'no-data' : inTime.breached === 0 ? 'met' : 'below'}
          statusLabel={t('dashboard.rule48h')}
        />
        <IndicatorCard
          testId="indicator-overdue"
          label={t('dashboard.overdue')}
          value={data.overdue.length}
          status={data.overdue.length === 0 ? 'met' : 'below'}
        />
        <IndicatorCard
          testId="indicator-slots"
          label={t('dashboard.reservedSlots')}
          value={formatBasisPoints(slots.actualBp)}
          detail={t('dashboard.reservedSlotsDetail', {
            reserved: slots.reserved,
            offered: slots.whole,
            used: slots.used,
          })}
          status={slots.status}
          statusLabel={`${t(`dashboard.status.${slots.status}`)} · ${t('dashboard.target', { target: formatBasisPoints(slots.targetBp) })}`}
        />
        <IndicatorCard
          testId="indicator-beds"
          label={t('dashboard.reservedBeds')}
          value={formatBasisPoints(beds.actualBp)}
          detail={t('dashboard.reservedBedsDetail', {
            reserved: beds.reserved,
            beds: beds.whole,
            occupied: beds.used,
          })}
          status={beds.status}
          statusLabel={`${t(`dashboard.status.${beds.status}`)} · ${t('dashboard.target', { target: formatBasisPoints(beds.targetBp) })}`}
        />
      </div>

      <CareCards care={care} />

      <section className="panel" data-testid="care-trend">
        <h2>{t('care.trend', { months: CARE_TREND_MONTHS })}</h2>
        <ShareTrendChart
          label={t('care.trend', { months: CARE_TREND_MONTHS })}
          categories={careTrend.map((month) => month.month)}
          series={[
            {
              name: t('care.firstContact'),
              values: careTrend.map((month) => percentOf(month.firstContactBp)),
              targetPercent: FIRST_CONTACT_TARGET_BP / 100,
            },
            {
              name: t('care.essential'),
              values: careTrend.map((month) => percentOf(month.essentialShareBp)),
              targetPercent: ESSENTIAL_SHARE_TARGET_BP / 100,
            },
          ]}
        />
      </section>

      <section className="panel" data-testid="referral-trend">
        <h2>{t('dashboard.trend', { months: TREND_MONTHS })}</h2>
        <BarChart
          label={t('dashboard.trend', { months: TREND_MONTHS })}
          categories={trend.months.map((month) => month.month)}
          series={[
            { name: t('dashboard.upward'), values: trend.months.map((month) => month.upward) },
            { name: t('dashboard.downward'), values: trend.months.map((month) => month.downward) },
          ]}
        />
      </section>

      {scope.kind === 'city' && (
        <CityGridMap directory={directory} care={care} referrals={data.referrals} facts={data.facts} />
      )}

      {children.length > 0 && (
        <section className="panel">
          <h2>{t('dashboard.referralsByUnit')}</h2>
          <BarChart
            label={t('dashboard.referralsByUnit')}
            categories={children.map((row) => row.child.name)}
            series={[
              { name: t('dashboard.upward'), values: children.map((row) => row.upward) },
              { name: t('dashboard.downward'), values: children.map((row) => row.downward) },
            ]}
          />
          <table className="table" data-testid="unit-table">
            <thead>
              <tr>
                <th>{t('dashboard.units')}</th>
                <th>{t('columns.upward')}</th>
                <th>{t('columns.downward')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {children.map((row) => (
                <tr key={row.child.path}>
                  <td>{row.child.name}</td>
                  <td>{row.upward}</td>
                  <td>{row.downward}</td>
                  <td>
                    <Link to={row.child.path}>{t('scope.drillDown')}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      {data.hospitals.length > 0 && (
        <section className="panel">
          <h2>{t('dashboard.hospitals')}</h2>
          <BarChart
            label={t('dashboard.reserveByHospital')}
            percent
            categories={data.hospitals.map((day) => day.institution.name)}
            series={[
              {
                name: `${t('columns.slotShare')} · ${t('dashboard.actual')}`,
                values: data.hospitals.map((day) => (day.report?.slots?.reservedRatioBp ?? 0) / 100),
              },
              {
                name: `${t('columns.bedShare')} · ${t('dashboard.actual')}`,
                values: data.hospitals.map((day) => (day.report?.beds?.reservedRatioBp ?? 0) / 100),
              },
              {
                name: `${t('columns.slotShare')} · ${t('dashboard.targetSeries')}`,
                values: data.hospitals.map((day) => (day.report?.slots?.targetRatioBp ?? 0) / 100),
                asTarget: true,
              },
            ]}
          />
          <HospitalTable days={data.hospitals} />
        </section>
      )}

      <section className="panel">
        <h2>{t('dashboard.overdueList')}</h2>
        {data.overdue.length === 0 ? (
          <p className="muted" data-testid="no-overdue">
            {t('dashboard.noOverdue')}
          </p>
        ) : (
          <ReferralTable referrals={data.overdue} institutionName={directory.institutionName} now={now} />
        )}
      </section>
    </div>
  );
}
