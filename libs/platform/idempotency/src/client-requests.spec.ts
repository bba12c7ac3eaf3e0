import { clientRequestOf } from './client-requests';
import { fingerprintOf } from './fingerprint';

describe(clientRequestOf.name, () => {
  const sut = clientRequestOf;

  const command = { clientRequestId: '0193a000-0000-7000-8000-00000000c001', wardId: 'w', beds: 10 };

  it('takes the id from the command and the rest of it as the request', () => {
    expect(sut('register-ward', command)).toEqual({
      operation: 'register-ward',
      clientRequestId: command.clientRequestId,
      request: { clientRequestId: undefined, wardId: 'w', beds: 10 },
    });
  });

  it('fingerprints the same whatever the id, so only the content tells two requests apart', () => {
    const retry = sut('register-ward', { ...command, clientRequestId: 'another' });

    expect(fingerprintOf(retry.request)).toBe(fingerprintOf(sut('register-ward', command).request));
  });

  it('names the field the id came in when told', () => {
    expect(sut('book-slot', command, 'claim.clientRequestId').field).toBe('claim.clientRequestId');
  });
});
