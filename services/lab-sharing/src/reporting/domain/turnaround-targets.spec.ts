import { ReportingError } from './reporting-error';
import { DEFAULT_TURNAROUND_MINUTES, TurnaroundTargets } from './turnaround-targets';

describe(TurnaroundTargets.name, () => {
  it('gives an emergency ECG 30 minutes by default', () => {
    const sut = TurnaroundTargets.defaults();
    const received = new Date('2026-12-04T02:00:00Z');

    expect(sut.minutesFor('ecg', 'emergency')).toBe(30);
    expect(sut.dueAt(received, 'ecg', 'emergency')).toEqual(new Date('2026-12-04T02:30:00Z'));
  });

  it('serves emergency faster than urgent, and urgent faster than routine, for every kind', () => {
    for (const targets of Object.values(DEFAULT_TURNAROUND_MINUTES)) {
      expect(targets.emergency).toBeLessThan(targets.urgent);
      expect(targets.urgent).toBeLessThan(targets.routine);
    }
  });

  it('replaces the cells a setting names and keeps the others', () => {
    const sut = TurnaroundTargets.parse(' ecg.emergency=20, imaging.urgent=180 ,');

    expect([sut.minutesFor('ecg', 'emergency'), sut.minutesFor('imaging', 'urgent')]).toEqual([20, 180]);
    expect(sut.minutesFor('laboratory', 'emergency')).toBe(DEFAULT_TURNAROUND_MINUTES.laboratory.emergency);
    expect(TurnaroundTargets.defaults().minutesFor('ecg', 'emergency')).toBe(30);
  });

  it.each([
    'ecg.emergency',
    'ecg.soon=10',
    'dental.routine=10',
    'ecg.emergency=0',
    'ecg.emergency=43201',
    'ecg.emergency=1.5',
  ])('refuses the setting %j, quoting it', (text) => {
    expect(() => TurnaroundTargets.parse(text)).toThrow(ReportingError);
    expect(() => TurnaroundTargets.parse(text)).toThrow(text);
  });
});
