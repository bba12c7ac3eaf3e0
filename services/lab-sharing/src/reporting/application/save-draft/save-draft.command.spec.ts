import { refusedFields } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { aContent, anObservation } from '../../test/report-content.factory';
import { SaveDraftCommand } from './save-draft.command';

describe(SaveDraftCommand.name, () => {
  const ids = { clientRequestId: uuidv7(), reportId: uuidv7() };

  it('keeps the content, a blank note as none and a blank data class as general', () => {
    const sut = SaveDraftCommand.create({
      ...ids,
      content: { ...aContent(), criticalNote: ' ', dataClass: '' },
    });

    expect(sut.content).toEqual({ ...aContent(), criticalNote: null, dataClass: 'general' });
  });

  it('refuses a request without content', () => {
    expect(refusedFields(() => SaveDraftCommand.create({ ...ids, content: undefined }))).toEqual([
      ['content', 'REQUIRED'],
    ]);
  });

  it('names each observation that carries no value', () => {
    const content = {
      ...aContent(),
      observations: [anObservation(), { ...anObservation(), value: null }],
    };

    expect(refusedFields(() => SaveDraftCommand.create({ ...ids, content }))).toEqual([
      ['content.observations[1].value', 'REQUIRED'],
    ]);
  });
});
