import { referralServiceV1 } from '@medgrid/contracts';
import { AppError, ValidationError } from '@medgrid/errors';
import { thrownBy } from '@medgrid/testing';
import {
  admitDecodedRequest,
  DEFAULT_REQUEST_LIMIT_BYTES,
  MalformedRequest,
  OversizeRequest,
  tolerantDefinition,
} from './request-decoding';

describe(tolerantDefinition.name, () => {
  const definition = referralServiceV1.ReferralServiceService;
  const sut = tolerantDefinition(definition, { createReferral: 10 * 1024 * 1024 });

  it('answers bytes that are no message of the type with a MalformedRequest instead of throwing', () => {
    // Field 1 as a length-delimited value 0x7f bytes long, with none following; then a tag with wire type 7.
    for (const bytes of [Buffer.from([0x0a, 0x7f]), Buffer.from([0x0f, 0x01])]) {
      expect(() => definition.getReferral.requestDeserialize(bytes)).toThrow();
      expect(sut.getReferral.requestDeserialize(bytes)).toBeInstanceOf(MalformedRequest);
    }
  });

  it('decodes a well-formed request as before, and keeps the method otherwise unchanged', () => {
    const bytes = Buffer.from(referralServiceV1.GetReferralRequest.encode({ id: 'r-1' }).finish());
    expect(sut.getReferral.requestDeserialize(bytes)).toEqual({ id: 'r-1' });
    expect(sut.getReferral.path).toBe(definition.getReferral.path);
    expect(sut.watchReferrals.responseStream).toBe(true);
  });

  it('leaves a request past its method limit undecoded, 4 MB unless the service gave the method more', () => {
    const big = Buffer.from(
      referralServiceV1.GetReferralRequest.encode({ id: 'x'.repeat(DEFAULT_REQUEST_LIMIT_BYTES) }).finish(),
    );
    expect(sut.getReferral.requestDeserialize(big)).toEqual(
      new OversizeRequest(big.length, DEFAULT_REQUEST_LIMIT_BYTES),
    );
    expect(sut.createReferral.requestDeserialize(big)).not.toBeInstanceOf(OversizeRequest);
  });
});

describe(admitDecodedRequest.name, () => {
  const sut = admitDecodedRequest;

  it('refuses a malformed request as INVALID_ARGUMENT naming the request', () => {
    const refusal = thrownBy(ValidationError, () => sut(new MalformedRequest('index out of range')));
    expect(refusal.violations).toEqual([
      expect.objectContaining({ field: 'request', reason: 'MALFORMED_MESSAGE' }),
    ]);
  });

  it('refuses an oversize request as resource-exhausted, with its size and the limit', () => {
    const refusal = thrownBy(AppError, () => sut(new OversizeRequest(5_000_000, 4_194_304)));
    expect(refusal).toMatchObject({
      category: 'resource-exhausted',
      code: 'REQUEST_TOO_LARGE',
      metadata: { limitBytes: '4194304', requestBytes: '5000000' },
    });
  });

  it('lets a decoded request through', () => {
    expect(() => sut({ id: 'r-1' })).not.toThrow();
  });
});
