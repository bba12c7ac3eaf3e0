import { type Role, ROLES } from '@medgrid/auth';
import { type DataClass } from '../../common/data-class';
import { anHivResultSnapshot } from '../test/result-record.factory';
import { mayReadValues, READ_PURPOSES, type ReadPurpose, readPurposeOf, viewOf } from './result-access';

const purposes: ReadPurpose[] = [...READ_PURPOSES, 'unspecified'];

/** The whole matrix: every role, every purpose, every class. */
const matrix = (dataClass: DataClass) =>
  ROLES.flatMap((role) =>
    purposes.filter((purpose) => mayReadValues(dataClass, { role, purpose })).map((p) => `${role}:${p}`),
  );

describe(viewOf.name, () => {
  const sut = viewOf;

  it('shows a general result to every reader, whatever the purpose', () => {
    expect(matrix('general')).toHaveLength(ROLES.length * purposes.length);
  });

  it('shows infectious-disease serology to clinicians caring for, receiving or notifying, and to nobody else', () => {
    const clinical: Role[] = ['primary-staff', 'hospital-staff', 'partner-system'];

    expect(matrix('infectious-disease')).toEqual(
      clinical.flatMap((role) =>
        ['treatment', 'referral', 'public-health-reporting'].map((p) => `${role}:${p}`),
      ),
    );
  });

  it('shows psychiatric findings to clinicians caring for or receiving the patient only', () => {
    const clinical: Role[] = ['primary-staff', 'hospital-staff', 'partner-system'];

    expect(matrix('psychiatric')).toEqual(
      clinical.flatMap((role) => ['treatment', 'referral'].map((p) => `${role}:${p}`)),
    );
  });

  it('withholds the values, flags and conclusion of a masked result, but says what exists', () => {
    const result = anHivResultSnapshot();

    const view = sut(result, { role: 'group-admin', purpose: 'treatment' });

    expect(view).toMatchObject({
      masked: true,
      dataClass: 'infectious-disease',
      result: {
        id: result.id,
        itemCode: 'LAB-HIV',
        conclusion: null,
        observations: [{ itemCode: 'LAB-HIV', loinc: '56888-1', name: 'HIV抗原抗体', masked: true }],
      },
    });
    expect(JSON.stringify(view)).not.toContain('阴性');
  });

  it('shows the whole result when the reader may', () => {
    const result = anHivResultSnapshot();

    expect(sut(result, { role: 'hospital-staff', purpose: 'treatment' })).toEqual({
      masked: false,
      result,
    });
  });
});

describe(readPurposeOf.name, () => {
  const sut = readPurposeOf;

  it('reads a known purpose, and anything else as unspecified', () => {
    expect([sut('treatment'), sut('Treatment'), sut(undefined)]).toEqual([
      'treatment',
      'unspecified',
      'unspecified',
    ]);
  });
});
