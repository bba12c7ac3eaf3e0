import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { type ReportSnapshot } from '../../domain/report';
import { ReportStep } from '../report-step';
import { type SaveDraftCommand } from './save-draft.command';

/** SaveDraft: the claimant saves a draft, which also keeps their claim active. */
@Injectable()
export class SaveDraftUseCase {
  constructor(private readonly step: ReportStep) {}

  async execute(identity: Identity, command: SaveDraftCommand, now = new Date()): Promise<ReportSnapshot> {
    const done = await this.step.run(
      identity,
      'save-draft',
      command,
      "draft this centre's reports",
      (report, reporter) => report.saveDraft(reporter, command.content, now),
      now,
    );
    return done.report;
  }
}
