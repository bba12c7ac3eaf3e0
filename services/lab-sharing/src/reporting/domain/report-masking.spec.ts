import { v7 as uuidv7 } from 'uuid';
import { aCentre } from '../../centres/test/shared-centre.factory';
import { aPerformedOrder } from '../../orders/test/order.factory';
import { aLabItem } from '../../recognition/test/catalogue-item.factory';
import { aContent } from '../test/report-content.factory';
import { Report, type ReportContent } from './report';
import { supervisorView } from './report-masking';
import { TurnaroundTargets } from './turnaround-targets';

const at = new Date('2026-12-04T01:00:00Z');

function signed(content: ReportContent, itemDataClass: 'general' | 'infectious-disease' = 'general') {
  const fixture = aCentre('laboratory', at);
  const order = aPerformedOrder(fixture, aLabItem(), 'routine', at).snapshot();
  const report = Report.open({ id: uuidv7(), itemDataClass }, order, TurnaroundTargets.defaults(), at);
  const reporter = { centreId: fixture.centre.id, practitionerId: uuidv7(), kind: 'laboratory' as const };
  report.claim(reporter, at, 60_000);
  report.saveDraft(reporter, content, at);
  report.sign(reporter, at);
  return report.snapshot();
}

describe(supervisorView.name, () => {
  it('shows a general report whole, without a draft', () => {
    const report = { ...signed(aContent()), draft: aContent() };

    const sut = supervisorView(report);

    expect(sut).toEqual({ ...report, draft: null });
  });

  it('hides the findings, conclusion, observations and note of a sensitive item, keeping who signed when', () => {
    const report = signed(aContent({ conclusion: 'HIV 抗体阳性' }), 'infectious-disease');

    const sut = supervisorView(report);

    expect(sut.versions).toEqual([
      {
        ...report.versions[0],
        content: {
          findings: '',
          conclusion: '',
          observations: [],
          critical: false,
          criticalNote: null,
          dataClass: 'general',
        },
      },
    ]);
  });

  it('hides the content of a report whose reporter raised its data class', () => {
    const report = signed(aContent({ conclusion: '精神分裂症待排', dataClass: 'psychiatric' }));

    expect(supervisorView(report).versions[0]!.content.conclusion).toBe('');
  });
});
