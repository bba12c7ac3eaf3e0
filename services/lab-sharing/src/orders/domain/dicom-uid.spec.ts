import { dicomUidProblem } from './dicom-uid';

describe(dicomUidProblem.name, () => {
  const sut = dicomUidProblem;

  it.each([
    '1.2.840.10008.5.1.4.1.1.2',
    '1.2.156.112605.14.1.20261204.1.1',
    '2.25.329800735698586629295641978511506172918',
    '1.2.3.0.4',
    '0.0',
    `1.2.${'9'.repeat(60)}`,
  ])('takes %s', (uid) => {
    expect(sut(uid)).toBeNull();
  });

  it.each([
    ['', 'EMPTY'],
    [`1.2.${'9'.repeat(61)}`, 'TOO_LONG'],
    ['1.2.840.10008.5.1.4.1.1.2 ', 'INVALID_CHARACTERS'],
    ['1.2.840.a', 'INVALID_CHARACTERS'],
    ['1.2.840-1', 'INVALID_CHARACTERS'],
    ['1.2.840.10008.5.1.4.1.1.2\u0000', 'INVALID_CHARACTERS'],
    ['.1.2.840', 'EMPTY_COMPONENT'],
    ['1.2.840.', 'EMPTY_COMPONENT'],
    ['1.2..840', 'EMPTY_COMPONENT'],
    ['1.2.0840', 'LEADING_ZERO'],
    ['01.2.840', 'LEADING_ZERO'],
    ['12345', 'TOO_FEW_COMPONENTS'],
    ['3.2.840', 'INVALID_ROOT'],
    ['1.40.5', 'INVALID_ROOT'],
  ])('refuses %j (%s)', (uid, problem) => {
    expect(sut(uid)).toBe(problem);
  });
});
