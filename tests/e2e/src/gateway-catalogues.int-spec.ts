import { v7 as uuidv7 } from 'uuid';
import { CataloguesGatewayHarness } from './catalogues-gateway-harness';
import { anAmlodipine } from './drug-fixtures';
import { signedInAccount, signedInOperator } from './portal-accounts';
import { type PortalAnswer, type PortalBrowser } from './portal-gateway-harness';
import { type GroupFixture } from './scheduling-fixtures';

/** Psoriasis: a disease the starter catalogue leaves out, so the entry is the test's own. */
const psoriasis = {
  covers: ['L40'],
  nameZh: '银屑病',
  nameEn: 'Psoriasis',
  specialtyCode: '13.01',
  primaryManageable: true,
  greenChannel: 'GREEN_CHANNEL_UNSPECIFIED',
  upwardIndications: [
    { code: 'PSO_EXTENSIVE', zh: '皮损面积超过体表面积 10%', en: 'Lesions over 10% of body surface area' },
  ],
  downwardCriteria: [
    { code: 'PSO_STABLE', zh: '皮损稳定，治疗方案明确', en: 'Lesions stable with a settled treatment plan' },
  ],
  sources: [{ kind: 'national', issuer: '国家卫生健康委', title: '银屑病诊疗指南' }],
};

// The code goes in the path: the body carries the rest.
const { code: AMLODIPINE, ...amlodipine } = anAmlodipine();

const fasting = {
  name: '空腹血糖',
  kind: 'laboratory',
  specimen: 'serum',
  dataClass: 'general',
  recognition: { validityDays: 7, scope: 'RECOGNITION_SCOPE_REGION', quality: ['accreditation'] },
};

const fieldsOf = (answer: PortalAnswer) => answer.body.error?.fields.map((f) => [f.field, f.reason]);

/**
 * The three catalogues through the portal's gateway, each service a real process deciding who reads and who
 * edits: the city operator keeps the referral criteria and the recognition catalogue, a group's administrator the
 * group's drugs, which the operator reads but may not change. Bad input comes back as the API's 400 with the
 * service's fields, a refusal as its 403, and nothing changes.
 */
describe('gateway catalogues', () => {
  const h = new CataloguesGatewayHarness();
  let group: GroupFixture;
  let operator: PortalBrowser;
  let admin: PortalBrowser;
  const criteria = async () =>
    ((await operator.get('/api/referral-criteria')).body.entries as { key: string; nameZh: string }[]) ?? [];
  const drugVersion = async () =>
    ((await operator.get(`/api/drug-catalogue/${group.groupId}`)).body.catalogue as { version?: number })
      ?.version ?? 0;

  beforeAll(async () => {
    await h.start('e2e_gateway_catalogues');
    group = await h.newGroup('03.04');
    await h.gatewayKnows(group.hospitalId);
    await h.labSharingKnowsCity(h.registry.cityId);
    operator = await signedInOperator(h);
    admin = await signedInAccount(h, operator, {
      username: 'admin.catalogues',
      displayName: '集团药事管理员',
      role: 'group-admin',
      institutionId: group.hospitalId,
      groupId: group.groupId,
    });
  }, 900_000);

  afterAll(() => h.stop(), 120_000);

  it('lets the city operator put a referral criteria entry and read it back, keyed by its first code', async () => {
    const put = await operator.put('/api/referral-criteria', { clientRequestId: uuidv7(), entry: psoriasis });

    expect(put.status).toBe(200);
    expect(put.body.entry).toMatchObject({ key: 'L40', nameZh: '银屑病', specialtyCode: '13.01' });
    expect((await criteria()).find((entry) => entry.key === 'L40')).toMatchObject({
      nameZh: '银屑病',
      upwardIndications: [{ code: 'PSO_EXTENSIVE' }],
    });
  });

  it('answers a bad entry with a 400 naming each field as the request carried it, storing nothing', async () => {
    const before = await criteria();

    const refused = await operator.put(
      '/api/referral-criteria',
      { clientRequestId: uuidv7(), entry: { ...psoriasis, covers: ['L4O'], nameEn: '银屑病' } },
      { language: 'en' },
    );

    expect(refused.status).toBe(400);
    expect(refused.body.error?.code).toBe('VALIDATION_FAILED');
    expect(fieldsOf(refused)).toEqual([
      ['entry.covers[0]', 'INVALID_FORMAT'],
      ['entry.nameEn', 'NOT_ENGLISH'],
    ]);
    expect(await criteria()).toEqual(before);
  });

  it('refuses the group administrator an edit of the criteria with a 403, and nothing changes', async () => {
    const before = await criteria();

    const put = await admin.put('/api/referral-criteria', {
      clientRequestId: uuidv7(),
      entry: { ...psoriasis, nameZh: '寻常型银屑病' },
    });
    const removed = await admin.delete(`/api/referral-criteria/L40?clientRequestId=${uuidv7()}`);

    expect(put.status).toBe(403);
    expect(put.body.error?.code).toBe('PERMISSION_DENIED');
    expect(removed.status).toBe(403);
    expect(await criteria()).toEqual(before);
    expect((await admin.get('/api/referral-criteria')).status).toBe(200);
  });

  it('lets the city operator remove the entry', async () => {
    const removed = await operator.delete(`/api/referral-criteria/L40?clientRequestId=${uuidv7()}`);

    expect(removed.status).toBe(200);
    expect((await criteria()).map((entry) => entry.key)).not.toContain('L40');
  });

  it("keeps the city's recognition catalogue: the operator puts and removes an item, a bad one and the group administrator are refused", async () => {
    const read = await operator.get('/api/recognition-catalogue');
    const version = (read.body.catalogue as { version?: number } | undefined)?.version ?? 0;

    const put = await operator.put('/api/recognition-catalogue/items/LAB-E2E-GLU', {
      clientRequestId: uuidv7(),
      fromVersion: version,
      item: fasting,
    });
    const bad = await operator.put('/api/recognition-catalogue/items/LAB-E2E-GLU', {
      clientRequestId: uuidv7(),
      fromVersion: version + 1,
      item: { ...fasting, recognition: { ...fasting.recognition, validityDays: 0 } },
    });
    const refused = await admin.put('/api/recognition-catalogue/items/LAB-E2E-GLU', {
      clientRequestId: uuidv7(),
      fromVersion: version + 1,
      item: { ...fasting, name: '血糖' },
    });
    const readByAdmin = await admin.get('/api/recognition-catalogue');

    expect(put.status).toBe(200);
    expect(put.body.item).toMatchObject({ code: 'LAB-E2E-GLU', recognition: { validityDays: 7 } });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad)).toEqual([['item.recognition.validityDays', 'OUT_OF_RANGE']]);
    expect(refused.status).toBe(403);
    expect(readByAdmin.status).toBe(200);
    expect(readByAdmin.body.items).toEqual([
      expect.objectContaining({ code: 'LAB-E2E-GLU', name: '空腹血糖' }),
    ]);

    const removed = await operator.delete(
      `/api/recognition-catalogue/items/LAB-E2E-GLU?clientRequestId=${uuidv7()}&fromVersion=${version + 1}`,
    );
    expect(removed.status).toBe(200);
    expect((await operator.get('/api/recognition-catalogue')).body.items).toBeUndefined();
  });

  it("lets the group administrator list and withdraw a drug, the city operator read the group's catalogue and nothing more", async () => {
    const path = `/api/drug-catalogue/${group.groupId}/drugs/${AMLODIPINE}`;

    const put = await admin.put(path, { clientRequestId: uuidv7(), fromVersion: 0, drug: amlodipine });
    const read = await operator.get(`/api/drug-catalogue/${group.groupId}`);
    const found = await operator.get(
      `/api/drug-catalogue/${group.groupId}/search?genericName=${encodeURIComponent('氨氯地平')}`,
    );
    const operatorPut = await operator.put(path, {
      clientRequestId: uuidv7(),
      fromVersion: 1,
      drug: { ...amlodipine, unifiedPriceFen: 1 },
    });
    const inYuan = await admin.put(path, {
      clientRequestId: uuidv7(),
      fromVersion: 1,
      drug: { ...amlodipine, unifiedPriceFen: 1.96 },
    });
    const noLevels = await admin.put(path, {
      clientRequestId: uuidv7(),
      fromVersion: 1,
      drug: { ...amlodipine, levels: [] },
    });
    const unnamed = await operator.get(`/api/drug-catalogue/${group.groupId}?at=yesterday`);

    expect(put.status).toBe(200);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      catalogue: { groupId: group.groupId, version: 1, drugCount: 1 },
      drugs: [expect.objectContaining({ code: AMLODIPINE, unifiedPriceFen: 196, essential: true })],
    });
    expect(found.body.drugs).toEqual([expect.objectContaining({ code: AMLODIPINE })]);
    expect(operatorPut.status).toBe(403);
    expect(inYuan.status).toBe(400);
    expect(fieldsOf(inYuan)).toEqual([['drug.unifiedPriceFen', 'NOT_FEN']]);
    expect(noLevels.status).toBe(400);
    expect(fieldsOf(noLevels)).toEqual([['drug.levels', 'REQUIRED']]);
    expect(unnamed.status).toBe(400);
    expect(await drugVersion()).toBe(1);

    const withdrawn = await admin.post(`${path}/withdraw`, { clientRequestId: uuidv7(), fromVersion: 1 });
    expect(withdrawn.status).toBe(200);
    expect((await operator.get(`/api/drug-catalogue/${group.groupId}`)).body.drugs).toBeUndefined();
  });

  it("refuses the group administrator another group's drug catalogue, read or edited", async () => {
    const other = await h.newGroup('03.04');

    const read = await admin.get(`/api/drug-catalogue/${other.groupId}`);
    const put = await admin.put(`/api/drug-catalogue/${other.groupId}/drugs/${AMLODIPINE}`, {
      clientRequestId: uuidv7(),
      fromVersion: 0,
      drug: amlodipine,
    });

    expect(read.status).toBe(403);
    expect(put.status).toBe(403);
  });
});
