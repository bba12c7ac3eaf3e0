import { refusedFields } from '@medgrid/testing';
import {
  RecordSterilisationCycleCommand,
  type RecordSterilisationCycleInput,
} from './record-sterilisation-cycle.command';

const at = new Date('2026-12-04T02:00:00Z');
const input = (
  cycle: Partial<RecordSterilisationCycleInput['cycle']> = {},
): RecordSterilisationCycleInput => ({
  clientRequestId: '0193a5c0-0000-7000-8000-000000000001',
  batchId: '0193a5c0-0000-7000-8000-0000000000b1',
  cycle: { cycleId: ' ST-20261204-07 ', method: 'steam', indicatorsPassed: true, at, ...cycle },
});

describe(RecordSterilisationCycleCommand.name, () => {
  const sut = RecordSterilisationCycleCommand;

  it('reads the cycle, its id trimmed', () => {
    expect(sut.create(input()).cycle).toEqual({
      cycleId: 'ST-20261204-07',
      method: 'steam',
      indicatorsPassed: true,
      at,
    });
  });

  it('names every bad field of the cycle inside it', () => {
    expect(refusedFields(() => sut.create(input({ cycleId: '', method: undefined, at: undefined })))).toEqual(
      [
        ['cycle.cycleId', 'REQUIRED'],
        ['cycle.method', 'REQUIRED'],
        ['cycle.at', 'REQUIRED'],
      ],
    );
  });
});
