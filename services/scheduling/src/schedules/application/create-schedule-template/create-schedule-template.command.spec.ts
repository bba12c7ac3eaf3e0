import { refusedFields } from '@medgrid/testing';
import { aTemplate } from '../../test/schedule-template.factory';
import { CreateScheduleTemplateCommand, type TemplateInput } from './create-schedule-template.command';

// 09:00 on Friday 20 Nov 2026 in Shanghai.
const now = new Date('2026-11-20T01:00:00Z');
// What a caller sends: the group and the specialty come from the registry.
const { id: _id, groupId: _groupId, specialtyCode: _specialty, ...base } = aTemplate();
const CLIENT_REQUEST = '0193a5c0-0000-7000-8000-000000000001';

const violations = (template: Partial<TemplateInput>, clientRequestId = CLIENT_REQUEST) =>
  refusedFields(() =>
    CreateScheduleTemplateCommand.create({ clientRequestId, template: { ...base, ...template } }, now),
  ).map(([field, reason]) => `${field}:${reason}`);

describe(CreateScheduleTemplateCommand.name, () => {
  const sut = CreateScheduleTemplateCommand;

  it('reads the template with its ids lower case', () => {
    const command = sut.create(
      {
        clientRequestId: CLIENT_REQUEST.toUpperCase(),
        template: { ...base, practitionerId: 'D0C70000-0000-7000-8000-000000000001' },
      },
      now,
    );

    expect(command).toEqual({
      clientRequestId: CLIENT_REQUEST,
      template: { ...base, practitionerId: 'd0c70000-0000-7000-8000-000000000001' },
    });
  });

  it.each([
    [{ weekday: 0 }, 'template.weekday:OUT_OF_RANGE'],
    [{ weekday: 8 }, 'template.weekday:OUT_OF_RANGE'],
    [{ startTime: '8:00' }, 'template.startTime:INVALID_FORMAT'],
    [{ endTime: '07:00' }, 'template.endTime:BEFORE_START'],
    [{ capacity: 0 }, 'template.capacity:OUT_OF_RANGE'],
    [{ capacity: -3 }, 'template.capacity:OUT_OF_RANGE'],
    [{ capacity: 501 }, 'template.capacity:OUT_OF_RANGE'],
    [{ validFrom: '2026-02-30' }, 'template.validFrom:INVALID_FORMAT'],
    [{ validUntil: '2026-11-31' }, 'template.validUntil:INVALID_FORMAT'],
    [{ validUntil: '2026-11-21' }, 'template.validUntil:BEFORE_START'],
    [{ validFrom: '2026-11-01', validUntil: '2026-11-19' }, 'template.validUntil:IN_THE_PAST'],
    [{ institutionId: 'h1' }, 'template.institutionId:INVALID_FORMAT'],
    [{ departmentId: '' }, 'template.departmentId:REQUIRED'],
    [{ practitionerId: 'dr-wang' }, 'template.practitionerId:INVALID_FORMAT'],
  ] as const)('refuses %j with %s', (input, expected) => {
    expect(violations(input)).toEqual([expected]);
  });

  it('takes a template that began in the past and is still valid today, or open-ended', () => {
    expect(violations({ validFrom: '2026-01-01', validUntil: '2026-11-20' })).toEqual([]);
    expect(violations({ validFrom: '2026-01-01', validUntil: '' })).toEqual([]);
  });

  it('reports the request id with the template fields, all at once', () => {
    expect(violations({ weekday: 9, endTime: '25:00' }, 'nope')).toEqual([
      'clientRequestId:INVALID_FORMAT',
      'template.weekday:OUT_OF_RANGE',
      'template.endTime:INVALID_FORMAT',
    ]);
  });
});
