import { AuthError } from './auth-error';
import { type Identity } from './identity';
import { TokenIssuer } from './token-issuer';
import { TokenVerifier } from './token-verifier';

describe(TokenVerifier.name, () => {
  const staff: Identity = {
    subject: 'his-client-1',
    role: 'primary-staff',
    institutionId: '01936c6e-8a5b-7cc2-9f3e-2b6f1c9d0e4a',
    groupId: '01936c6e-8a5b-7cc2-9f3e-2b6f1c9d0e4b',
    practitionerId: null,
  };
  let issuer: TokenIssuer;
  let sut: TokenVerifier;

  beforeAll(async () => {
    const keys = await TokenIssuer.generateKeyPairPem();
    issuer = await TokenIssuer.fromPrivateKeyPem(keys.privateKeyPem, 'test-issuer', 'medgrid');
    sut = await TokenVerifier.create({
      publicKeyPem: keys.publicKeyPem,
      issuer: 'test-issuer',
      audience: 'medgrid',
    });
  });

  it('turns a valid bearer token into the identity it was issued for', async () => {
    const token = await issuer.sign(staff);

    await expect(sut.verify(`Bearer ${token}`)).resolves.toEqual(staff);
  });

  it('answers when the token expires beside its identity', async () => {
    const issuedFrom = Math.floor(Date.now() / 1000);
    const token = await issuer.sign(staff, 600);
    const issuedBy = Math.floor(Date.now() / 1000);

    const verified = await sut.verifyToken(`Bearer ${token}`);

    expect(verified.identity).toEqual(staff);
    expect(verified.expiresAt.getTime() / 1000).toBeGreaterThanOrEqual(issuedFrom + 600);
    expect(verified.expiresAt.getTime() / 1000).toBeLessThanOrEqual(issuedBy + 600);
  });

  it('refuses a missing token', async () => {
    await expect(sut.verify(undefined)).rejects.toMatchObject({ code: 'TOKEN_MISSING' });
  });

  it('refuses a token signed by another key', async () => {
    const other = await TokenIssuer.generateKeyPairPem();
    const forger = await TokenIssuer.fromPrivateKeyPem(other.privateKeyPem, 'test-issuer', 'medgrid');

    await expect(sut.verify(await forger.sign(staff))).rejects.toBeInstanceOf(AuthError);
  });

  it('refuses an expired token', async () => {
    const token = await issuer.sign(staff, -10);

    await expect(sut.verify(token)).rejects.toMatchObject({ code: 'TOKEN_INVALID' });
  });

  it('refuses institution staff without an institution', async () => {
    const token = await issuer.sign({ ...staff, institutionId: null });

    await expect(sut.verify(token)).rejects.toMatchObject({ code: 'CLAIM_INVALID' });
  });

  it('lets a city operator act without an institution', async () => {
    const operator: Identity = { ...staff, role: 'city-operator', institutionId: null, groupId: null };

    await expect(sut.verify(await issuer.sign(operator))).resolves.toEqual(operator);
  });

  describe('remembering verified tokens', () => {
    let clock: number;
    let remembering: TokenVerifier;
    let otherKeyVerifier: TokenVerifier;

    beforeEach(async () => {
      clock = Date.now();
      const keys = await TokenIssuer.generateKeyPairPem();
      issuer = await TokenIssuer.fromPrivateKeyPem(keys.privateKeyPem, 'test-issuer', 'medgrid');
      const options = { issuer: 'test-issuer', audience: 'medgrid', now: () => clock };
      remembering = await TokenVerifier.create({ ...options, publicKeyPem: keys.publicKeyPem });
      otherKeyVerifier = await TokenVerifier.create({
        ...options,
        publicKeyPem: (await TokenIssuer.generateKeyPairPem()).publicKeyPem,
      });
    });

    it('answers a token it verified with the same identity while it is valid', async () => {
      const token = await issuer.sign(staff, 3600);

      const first = await remembering.verify(`Bearer ${token}`);
      clock += 60_000;

      await expect(remembering.verify(token)).resolves.toEqual(first);
    });

    it('answers a remembered token with its own expiry, not when it is next verified', async () => {
      const token = await issuer.sign(staff, 3600);
      const first = await remembering.verifyToken(token);

      clock += 60_000;

      expect((await remembering.verifyToken(token)).expiresAt).toEqual(first.expiresAt);
    });

    it('refuses a remembered token once it has expired', async () => {
      const token = await issuer.sign(staff, 120);
      await remembering.verify(token);

      clock += 121_000;

      await expect(remembering.verify(token)).rejects.toMatchObject({ code: 'TOKEN_INVALID' });
    });

    it('answers a remembered authorization value at once, as it arrived, until the token expires', async () => {
      const token = await issuer.sign(staff, 120);
      const before = remembering.remembered(`Bearer ${token}`);
      const verified = await remembering.verifyToken(`Bearer ${token}`);

      const again = remembering.remembered(`Bearer ${token}`);
      const otherSpelling = remembering.remembered(token);
      clock += 121_000;
      const expired = remembering.remembered(`Bearer ${token}`);

      expect([before, again, otherSpelling, expired]).toEqual([undefined, verified, undefined, undefined]);
    });

    it('never remembers a token it refused', async () => {
      const token = await issuer.sign(staff);

      await expect(otherKeyVerifier.verify(token)).rejects.toBeInstanceOf(AuthError);
      await expect(otherKeyVerifier.verify(token)).rejects.toBeInstanceOf(AuthError);
      expect(otherKeyVerifier.remembered(token)).toBeUndefined();
    });
  });
});
