import { TokenIssuer, TokenVerifier } from '@medgrid/auth';
import { ServiceTokens } from './service-tokens';

describe(ServiceTokens.name, () => {
  const operator = {
    subject: 'portal:operator',
    role: 'city-operator' as const,
    institutionId: null,
    groupId: null,
    practitionerId: null,
  };

  it("mints a token the services' verifier accepts, carrying the user's role, institution and group", async () => {
    const keys = await TokenIssuer.generateKeyPairPem();
    const sut = new ServiceTokens(
      await TokenIssuer.fromPrivateKeyPem(keys.privateKeyPem, 'medgrid-dev-issuer', 'medgrid'),
      300,
    );
    const verifier = await TokenVerifier.create({
      publicKeyPem: keys.publicKeyPem,
      issuer: 'medgrid-dev-issuer',
      audience: 'medgrid',
    });
    const staff = {
      subject: 'portal:li.ming',
      role: 'primary-staff' as const,
      institutionId: '0193a000-0000-7000-8000-000000000001',
      groupId: '0193a000-0000-7000-8000-000000000002',
      practitionerId: null,
    };

    expect(await verifier.verify(await sut.tokenFor(staff))).toEqual(staff);
    expect(await verifier.verify(await sut.tokenFor(operator))).toEqual(operator);
  });

  it('is refused by a verifier of another key (a token the gateway did not sign)', async () => {
    const ours = await TokenIssuer.generateKeyPairPem();
    const theirs = await TokenIssuer.generateKeyPairPem();
    const sut = new ServiceTokens(
      await TokenIssuer.fromPrivateKeyPem(theirs.privateKeyPem, 'medgrid-dev-issuer', 'medgrid'),
      300,
    );
    const verifier = await TokenVerifier.create({
      publicKeyPem: ours.publicKeyPem,
      issuer: 'medgrid-dev-issuer',
      audience: 'medgrid',
    });

    await expect(verifier.verify(await sut.tokenFor(operator))).rejects.toThrow(/token rejected/);
  });

  it('reuses a user’s token until half its life is gone, then mints another', async () => {
    const keys = await TokenIssuer.generateKeyPairPem();
    let now = 1_000_000;
    const sut = new ServiceTokens(
      await TokenIssuer.fromPrivateKeyPem(keys.privateKeyPem, 'i', 'a'),
      300,
      () => now,
    );

    const first = await sut.tokenFor(operator);
    now += 149_000;
    const again = await sut.tokenFor(operator);
    now += 2_000;
    await new Promise((resolve) => setTimeout(resolve, 1100)); // a new iat second, so the token differs
    const renewed = await sut.tokenFor(operator);

    expect(again).toBe(first);
    expect(renewed).not.toBe(first);
  });
});
