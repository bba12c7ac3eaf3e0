import { parseFields } from '@medgrid/errors';
import { z } from 'zod';
import { type ReportContent } from '../../domain/report';
import { reportField } from '../report-fields';

const fields = z.object({ ...reportField.step(), content: reportField.content() });

export type SaveDraftInput = z.input<typeof fields>;

/** SaveDraft: the claimant's draft (findings, conclusion, observations, critical flag, data class). */
export class SaveDraftCommand {
  private constructor(
    readonly clientRequestId: string,
    readonly reportId: string,
    readonly content: ReportContent,
  ) {}

  static create(input: SaveDraftInput): SaveDraftCommand {
    const f = parseFields(fields, input);
    return new SaveDraftCommand(f.clientRequestId, f.reportId, f.content);
  }
}
