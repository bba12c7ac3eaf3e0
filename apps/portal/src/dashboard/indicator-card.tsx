import { type ReactNode } from 'react';
import { type TargetStatus } from '../indicators/reserve-ratio';

/** One figure of the dashboard, with what it is measured against. */
export function IndicatorCard({
  label,
  value,
  detail,
  status,
  statusLabel,
  testId,
}: {
  label: string;
  value: ReactNode;
  detail?: ReactNode;
  status?: TargetStatus;
  statusLabel?: string;
  testId: string;
}) {
  return (
    <section className={`card card--${status ?? 'plain'}`} data-testid={testId}>
      <h3 className="card__label">{label}</h3>
      <p className="card__value">{value}</p>
      {detail && <p className="card__detail">{detail}</p>}
      {statusLabel && <p className={`badge badge--${status ?? 'no-data'}`}>{statusLabel}</p>}
    </section>
  );
}
