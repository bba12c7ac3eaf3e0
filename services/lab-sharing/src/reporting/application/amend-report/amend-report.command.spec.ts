import { refusedFields } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { aContent } from '../../test/report-content.factory';
import { AmendReportCommand } from './amend-report.command';

describe(AmendReportCommand.name, () => {
  it('reads the content and the reason, trimmed', () => {
    const sut = AmendReportCommand.create({
      clientRequestId: uuidv7(),
      reportId: uuidv7(),
      content: aContent(),
      reason: '  单位录入错误 ',
    });

    expect(sut).toMatchObject({ content: aContent(), reason: '单位录入错误' });
  });

  it('names every bad field at once: the ids, the content and a missing or overlong reason', () => {
    expect(
      refusedFields(() =>
        AmendReportCommand.create({ clientRequestId: 'x', reportId: '', content: undefined, reason: ' ' }),
      ),
    ).toEqual([
      ['clientRequestId', 'INVALID_FORMAT'],
      ['reportId', 'REQUIRED'],
      ['content', 'REQUIRED'],
      ['reason', 'REQUIRED'],
    ]);
    expect(
      refusedFields(() =>
        AmendReportCommand.create({
          clientRequestId: uuidv7(),
          reportId: uuidv7(),
          content: aContent(),
          reason: 'x'.repeat(501),
        }),
      ),
    ).toEqual([['reason', 'TOO_LONG']]);
  });
});
