import { credentials, Metadata, status } from '@grpc/grpc-js';
import { platformServiceV1, registryV1 } from '@medgrid/contracts';
import { anIdentity } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { fails, unary } from './grpc-call';
import { RegistryHarness } from './registry-harness';

/**
 * PlatformService, which every service serves from the platform library, on the registry as a real process: the
 * registry is its own institution directory, so a group claim holds as soon as the membership is made.
 */
describe('PlatformService (every service)', () => {
  const h = new RegistryHarness();
  let client: platformServiceV1.PlatformServiceClient;

  beforeAll(async () => {
    await h.start('platform_who_am_i');
    client = new platformServiceV1.PlatformServiceClient(h.process.grpcAddress, credentials.createInsecure());
  });
  afterAll(async () => {
    client?.close();
    await h.stop();
  });

  async function memberCentre(): Promise<{ groupId: string; centreId: string }> {
    const grid = await h.newGrid();
    const group = await h.newGroup(grid.id);
    const centre = await h.newCentre(grid.id);
    await h.join(group.id, centre.id, registryV1.MembershipRole.MEMBERSHIP_ROLE_MEMBER);
    return { groupId: group.id, centreId: centre.id };
  }

  it('answers WhoAmI with every claim of a clinician’s token and when the token expires', async () => {
    const { groupId, centreId } = await memberCentre();
    const clinician = anIdentity({ institutionId: centreId, groupId, practitionerId: uuidv7() });
    const signedFrom = Math.floor(Date.now() / 1000);
    const token = await h.auth.token(clinician, 600);
    const signedBy = Math.floor(Date.now() / 1000);

    const answer = await unary(client, client.whoAmI, {}, token);

    expect(answer).toEqual({
      subject: clinician.subject,
      role: 'primary-staff',
      institutionId: centreId,
      groupId,
      practitionerId: clinician.practitionerId,
      tokenExpiresAt: expect.any(Date) as unknown,
    });
    expect(answer.tokenExpiresAt!.getTime() / 1000).toBeGreaterThanOrEqual(signedFrom + 600);
    expect(answer.tokenExpiresAt!.getTime() / 1000).toBeLessThanOrEqual(signedBy + 600);
  });

  it('answers a city operator, whose token names no institution or group, with those claims empty', async () => {
    const answer = await unary(client, client.whoAmI, {}, h.operatorToken);

    expect(answer).toMatchObject({
      subject: h.operator.subject,
      role: 'city-operator',
      institutionId: '',
      groupId: '',
      practitionerId: '',
    });
  });

  it('refuses a token whose institution is not in the group it claims, as every call is', async () => {
    const { centreId } = await memberCentre();
    const other = await memberCentre();
    const token = await h.auth.token(anIdentity({ institutionId: centreId, groupId: other.groupId }));

    const refused = await fails(unary(client, client.whoAmI, {}, token));

    expect(refused).toMatchObject({ code: status.PERMISSION_DENIED, reason: 'GROUP_CLAIM_MISMATCH' });
  });

  it('refuses a call without a token (UNAUTHENTICATED)', async () => {
    const refused = await fails(
      new Promise((resolve, reject) =>
        client.whoAmI({}, new Metadata(), { deadline: new Date(Date.now() + 10_000) }, (error, response) =>
          error ? reject(error) : resolve(response),
        ),
      ),
    );

    expect(refused.code).toBe(status.UNAUTHENTICATED);
  });
});
