import { v7 as uuidv7 } from 'uuid';
import { aCentre } from '../../centres/test/shared-centre.factory';
import { type Urgency } from '../../common/urgency';
import { aPerformedOrder } from '../../orders/test/order.factory';
import { anImagingItem } from '../../recognition/test/catalogue-item.factory';
import { Report, type ReportSnapshot } from './report';
import { TurnaroundTargets } from './turnaround-targets';
import { worklist } from './worklist';

const MINUTE = 60_000;
const IDLE = 15 * MINUTE;
const start = new Date('2026-12-04T02:00:00Z');
const at = (minutes: number) => new Date(start.getTime() + minutes * MINUTE);

const fixture = aCentre('imaging');

function aReport(urgency: Urgency, receivedMinute: number, name: string): ReportSnapshot & { name: string } {
  const order = aPerformedOrder(fixture, anImagingItem(), urgency);
  const report = Report.open(
    { id: uuidv7(), itemDataClass: 'general' },
    order.snapshot(),
    TurnaroundTargets.defaults(),
    at(receivedMinute),
  );
  return Object.assign(report.snapshot(), { name });
}

describe(worklist.name, () => {
  const sut = worklist;

  it('serves emergency, then urgent, then routine, the longest waiting first within each', () => {
    const reports = [
      aReport('routine', 0, 'routine, oldest'),
      aReport('urgent', 20, 'urgent, newer'),
      aReport('emergency', 30, 'emergency'),
      aReport('urgent', 10, 'urgent, older'),
      aReport('routine', 5, 'routine, newer'),
    ];

    expect(
      sut(reports, at(40), IDLE).map((e) => (e.report as ReportSnapshot & { name: string }).name),
    ).toEqual(['emergency', 'urgent, older', 'urgent, newer', 'routine, oldest', 'routine, newer']);
  });

  it('marks what is past its due time, and what another reporter holds', () => {
    const emergency = aReport('emergency', 0, 'emergency CT, due at 60');
    const claimed = {
      ...aReport('routine', 0, 'claimed'),
      status: 'in-progress' as const,
      claim: { practitionerId: uuidv7(), claimedAt: at(50), lastActivityAt: at(50) },
    };
    const idle = { ...claimed, id: uuidv7(), claim: { ...claimed.claim, lastActivityAt: at(40) } };

    const entries = sut([emergency, claimed, idle], at(60), IDLE);

    expect(entries.map((e) => [e.report.id, e.overdue, e.taken])).toEqual([
      [emergency.id, true, false],
      ...[
        [claimed.id, false, true],
        [idle.id, false, false],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    ]);
  });

  it('leaves signed and cancelled reports out', () => {
    const signed = { ...aReport('emergency', 0, 'signed'), status: 'signed' as const };
    const cancelled = { ...aReport('emergency', 0, 'cancelled'), status: 'cancelled' as const };

    expect(sut([signed, cancelled], at(1), IDLE)).toEqual([]);
  });
});
