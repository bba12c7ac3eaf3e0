import { referralServiceV1 } from '@medgrid/contracts';
import { ValidationError } from '@medgrid/errors';
import { MalformedRequest, rejectMalformedRequest, tolerantDefinition } from './malformed-request';

describe(tolerantDefinition.name, () => {
  const sut = tolerantDefinition(referralServiceV1.ReferralServiceService);

  it('answers bytes that are no message of the type with a MalformedRequest instead of throwing', () => {
    // Field 1 as a length-delimited value 0x7f bytes long, with none following; then a tag with wire type 7.
    for (const bytes of [Buffer.from([0x0a, 0x7f]), Buffer.from([0x0f, 0x01])]) {
      expect(() => referralServiceV1.ReferralServiceService.getReferral.requestDeserialize(bytes)).toThrow();
      expect(sut.getReferral.requestDeserialize(bytes)).toBeInstanceOf(MalformedRequest);
    }
  });

  it('decodes a well-formed request as before, and keeps the method otherwise unchanged', () => {
    const bytes = Buffer.from(referralServiceV1.GetReferralRequest.encode({ id: 'r-1' }).finish());
    expect(sut.getReferral.requestDeserialize(bytes)).toEqual({ id: 'r-1' });
    expect(sut.getReferral.path).toBe(referralServiceV1.ReferralServiceService.getReferral.path);
    expect(sut.watchReferrals.responseStream).toBe(true);
  });
});

describe(rejectMalformedRequest.name, () => {
  const sut = rejectMalformedRequest;

  it('refuses a malformed request as INVALID_ARGUMENT naming the request', () => {
    let caught: unknown;
    try {
      sut(new MalformedRequest('index out of range'));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ValidationError);
    expect((caught as ValidationError).violations).toEqual([
      expect.objectContaining({ field: 'request', reason: 'MALFORMED_MESSAGE' }),
    ]);
  });

  it('lets a decoded request through', () => {
    expect(() => sut({ id: 'r-1' })).not.toThrow();
  });
});
