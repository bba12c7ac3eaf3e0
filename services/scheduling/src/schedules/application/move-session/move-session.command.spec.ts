import { refusedFields } from '@medgrid/testing';
import { MoveSessionCommand, type MoveSessionInput } from './move-session.command';

const input = (patch: Partial<MoveSessionInput> = {}): MoveSessionInput => ({
  clientRequestId: '0193a5c0-0000-7000-8000-000000000001',
  sessionId: '0193A5C0-0000-7000-8000-0000000000E1',
  date: '2026-11-27',
  startTime: '13:30',
  endTime: '17:00',
  reason: '  专家外出会诊，改至周五下午  ',
  ...patch,
});

const violations = (patch: Partial<MoveSessionInput>) =>
  refusedFields(() => MoveSessionCommand.create(input(patch))).map(([field, reason]) => `${field}:${reason}`);

describe(MoveSessionCommand.name, () => {
  const sut = MoveSessionCommand;

  it('reads the move: the session id lower case, the reason trimmed', () => {
    expect(sut.create(input())).toMatchObject({
      sessionId: '0193a5c0-0000-7000-8000-0000000000e1',
      date: '2026-11-27',
      startTime: '13:30',
      endTime: '17:00',
      reason: '专家外出会诊，改至周五下午',
    });
  });

  it.each([
    [{ date: '2026-02-30' }, 'date:INVALID_FORMAT'],
    [{ date: '27-11-2026' }, 'date:INVALID_FORMAT'],
    [{ date: '' }, 'date:INVALID_FORMAT'],
    [{ startTime: '8:00' }, 'startTime:INVALID_FORMAT'],
    [{ startTime: '24:00' }, 'startTime:INVALID_FORMAT'],
    [{ endTime: '17:60' }, 'endTime:INVALID_FORMAT'],
    [{ endTime: '' }, 'endTime:INVALID_FORMAT'],
    [{ endTime: '13:00' }, 'endTime:BEFORE_START'],
    [{ endTime: '13:30' }, 'endTime:BEFORE_START'],
  ] as const)('refuses %j with %s', (patch, expected) => {
    expect(violations(patch)).toEqual([expected]);
  });

  it.each([
    ['an empty', 'reason:REQUIRED', ''],
    ['a blank', 'reason:REQUIRED', '   '],
    ['a 201-character', 'reason:TOO_LONG', '改'.repeat(201)],
  ])('refuses %s reason with %s', (_, expected, reason) => {
    expect(violations({ reason })).toEqual([expected]);
  });

  it('accepts a reason of 200 characters', () => {
    expect(sut.create(input({ reason: '改'.repeat(200) })).reason).toHaveLength(200);
  });

  it('reports every field problem at once', () => {
    expect(violations({ date: 'tomorrow', startTime: '9am', endTime: '25:00', reason: '' })).toEqual([
      'date:INVALID_FORMAT',
      'startTime:INVALID_FORMAT',
      'endTime:INVALID_FORMAT',
      'reason:REQUIRED',
    ]);
  });
});
