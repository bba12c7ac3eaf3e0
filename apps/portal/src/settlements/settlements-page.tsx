import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error';
import * as api from '../api/portal-api';
import { useLoad } from '../api/use-load';
import { useSession } from '../auth/session-context';
import { cityDirectory } from '../dashboard/city-directory';
import { previousMonth } from '../dashboard/load-care';
import { LoadState } from '../layout/load-state';
import { SettlementRunView } from './settlement-run-view';

/** payment's refusal when a group's month has no run yet. */
const NOT_SETTLED = 'SETTLEMENT_NOT_FOUND';

/**
 * A group's month of insurance settlement: read as settled, or, when not settled yet, started here by a city
 * operator (StartSettlementRun answers when the run is done; the page shows it running until then).
 */
export function SettlementsPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const [params, setParams] = useSearchParams();
  const directory = useLoad(() => cityDirectory(), []);
  const groups = directory.data?.groups ?? [];
  const groupId = params.get('group') ?? groups[0]?.id ?? '';
  const month = params.get('month') ?? previousMonth(new Date());
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<ApiError | null>(null);
  const report = useLoad(async () => {
    if (!groupId) return null;
    try {
      return await api.getSettlementReport(groupId, month);
    } catch (caught) {
      if (caught instanceof ApiError && caught.reason === NOT_SETTLED) return { run: undefined };
      throw caught;
    }
  }, [groupId, month]);

  const choose = (next: { group?: string; month?: string }) => {
    setStartError(null);
    setParams({ group: next.group ?? groupId, month: next.month ?? month });
  };

  const start = async () => {
    setStarting(true);
    setStartError(null);
    try {
      await api.startSettlementRun(crypto.randomUUID(), groupId, month);
      report.reload();
    } catch (caught) {
      setStartError(
        caught instanceof ApiError ? caught : new ApiError(0, 'CLIENT', t('common.gatewayUnreachable')),
      );
    } finally {
      setStarting(false);
    }
  };

  const run = report.data?.run;
  const institutionName = (id: string) => directory.data?.institutionName(id) ?? id;
  const operator = session?.user.role === 'city-operator';

  return (
    <div className="page" data-testid="settlements">
      <h1>{t('settlements.title')}</h1>
      <p className="muted">{t('settlements.intro')}</p>
      <LoadState {...directory} />
      <div className="filters">
        <label>
          {t('settlements.group')}
          <select name="groupId" value={groupId} onChange={(event) => choose({ group: event.target.value })}>
            {groups.map((group) => (
              <option key={group.id} value={group.id}>
                {group.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('settlements.month')}
          <input
            type="month"
            name="month"
            value={month}
            onChange={(event) => event.target.value && choose({ month: event.target.value })}
          />
        </label>
      </div>
      {!report.data && <LoadState {...report} />}
      {report.data && !run && (
        <section className="panel" data-testid="not-settled">
          <p>{t('settlements.notSettled', { month })}</p>
          {operator ? (
            <button
              type="button"
              disabled={starting}
              onClick={() => void start()}
              data-testid="start-settlement"
            >
              {starting ? t('settlements.starting') : t('settlements.start')}
            </button>
          ) : (
            <p className="muted">{t('settlements.onlyOperators')}</p>
          )}
          {startError && (
            <p className="error" role="alert" data-testid="start-error">
              {startError.message}
            </p>
          )}
        </section>
      )}
      {run && <SettlementRunView run={run} month={month} institutionName={institutionName} />}
    </div>
  );
}
