import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockingViolations } from './accessibility';
import { acceptDemoReferral, createDemoReferral, type DemoReferral } from './demo-referral';

/**
 * The portal in a real browser against the running platform: Debian's Chromium (never a
 * downloaded one) driven by playwright-core, signed in as the demo city's operator. Run with
 * `nx run @medgrid/portal:test-browser` after scripts/up.sh; screenshots go to docs/screenshots. Every page
 * photographed is also checked with axe-core: no serious or critical WCAG 2.1 AA violation.
 */
const ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const PORTAL_URL = process.env.PORTAL_URL ?? 'http://127.0.0.1:3066';
const CHROMIUM = process.env.MEDGRID_CHROMIUM ?? '/usr/bin/chromium';
// The README's screenshots are refreshed on purpose (PORTAL_SCREENSHOTS=docs/screenshots), not by every run.
const SCREENSHOTS = resolve(ROOT, process.env.PORTAL_SCREENSHOTS ?? join('.cache', 'portal-screenshots'));
// scripts/test.sh signs in as an operator of its own run (PORTAL_USERNAME); by hand, the demo city's "operator".
const USERNAME = process.env.PORTAL_USERNAME ?? 'operator';
const PASSWORD =
  process.env.MEDGRID_OPERATOR_PASSWORD ??
  readFileSync(join(ROOT, '.cache', 'secrets', 'portal-operator-password'), 'utf8').trim();

describe('the portal in Chromium', () => {
  let profile: string;
  let context: BrowserContext;
  let page: Page;
  let referral: DemoReferral;

  /** Every page the test reaches is photographed and checked for accessibility as it stands. */
  const shot = async (name: string) => {
    await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
    expect(await blockingViolations(page), `accessibility of ${name}`).toEqual([]);
  };
  const go = (path: string) => page.goto(new URL(path, PORTAL_URL).toString());

  beforeAll(async () => {
    referral = createDemoReferral(ROOT);
    mkdirSync(SCREENSHOTS, { recursive: true });
    profile = mkdtempSync(join(tmpdir(), 'portal-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
      viewport: { width: 1366, height: 900 },
      locale: 'zh-CN',
      timezoneId: 'Europe/London',
    });
    // A first launch on a fresh machine builds Chromium's font cache: slow once, so a longer wait.
    context.setDefaultTimeout(60_000);
    page = context.pages()[0] ?? (await context.newPage());
  });

  afterAll(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it("shows the gateway's refusal in Chinese, then signs in", async () => {
    await go('/');
    await page.getByLabel('用户名').fill('no-such-user-browser-test');
    await page.getByLabel('密码').fill('not the password');
    await page.getByRole('button', { name: '登录' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('用户名或密码错误');
    await shot('sign-in');

    await page.getByLabel('用户名').fill(USERNAME);
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByTestId('dashboard').waitFor();
  });

  it("renders the city's dashboard from the services' data", async () => {
    await page.getByTestId('hospital-table').waitFor();
    const upward = Number(await page.getByTestId('indicator-upward').locator('.card__value').textContent());
    expect(upward).toBeGreaterThanOrEqual(1);
    // This month's referrals as referral counts them, against last month to date, and the months before.
    expect(await page.getByTestId('indicator-upward').locator('.card__detail').textContent()).toMatch(
      /上月同期/,
    );
    await page.getByTestId('referral-trend').locator('canvas').waitFor();
    expect(await page.getByTestId('unit-table').locator('tbody tr').count()).toBe(3);
    await expect.poll(() => page.getByTestId('unit-table').textContent()).toContain('黄埔区网格');
    expect(await page.getByTestId('hospital-table').locator('tbody tr').count()).toBeGreaterThanOrEqual(3);
    // The care indicators from the demo city's activity (scripts/up.sh): each a share, not "unavailable".
    for (const card of ['indicator-first-contact', 'indicator-recognition', 'indicator-essential']) {
      expect(await page.getByTestId(card).locator('.card__value').textContent()).toMatch(/^\d+\.\d{2}%$/);
    }
    expect(await page.getByTestId('settlement-table').locator('tbody tr').count()).toBe(3);
    await page.getByTestId('grid-map').locator('canvas').waitFor();
    await page.waitForTimeout(500); // the charts' first paint
    await shot('dashboard-city');
  });

  it('drills down from the city to a grid, its group and an institution', async () => {
    await page.locator(`[data-testid="unit-table"] a[href="/grids/${referral.gridId}"]`).click();
    await page.locator(`[data-testid="unit-table"] a[href="/groups/${referral.groupId}"]`).waitFor();
    expect(await page.locator('.breadcrumb a').count()).toBe(1);
    await page.waitForTimeout(500);
    await shot('dashboard-grid');
    await page.locator(`[data-testid="unit-table"] a[href="/groups/${referral.groupId}"]`).click();
    await page.locator(`[data-testid="unit-table"] a[href="/institutions/${referral.hospitalId}"]`).waitFor();
    expect(await page.locator('.breadcrumb a').count()).toBe(2);
    await page.waitForTimeout(500);
    await shot('dashboard-group');
    await page.locator(`[data-testid="unit-table"] a[href="/institutions/${referral.hospitalId}"]`).click();
    await page.getByTestId('hospital-table').waitFor();
    expect(await page.locator('.breadcrumb a').count()).toBe(3);
    const upward = page.getByTestId('indicator-upward').locator('.card__value');
    await expect.poll(async () => Number(await upward.textContent())).toBeGreaterThanOrEqual(1);
    await shot('dashboard-institution');
  });

  it('finds the referral in the list and follows it live as the hospital accepts it', async () => {
    await page.getByRole('link', { name: '转诊跟踪' }).click();
    const link = page.locator(`a[href="/referrals/${referral.id}"]`);
    await link.waitFor();
    await shot('referrals');
    await link.click();
    await page.getByTestId('referral-timeline').waitFor();
    expect(await page.getByTestId('referral-status').textContent()).toBe('已提交');
    await expect.poll(() => page.getByTestId('live-state').textContent()).toContain('实时更新中');

    acceptDemoReferral(ROOT, referral);

    await expect
      .poll(() => page.getByTestId('referral-timeline').textContent(), { timeout: 20_000 })
      .toContain('接收');
    expect(await page.getByTestId('referral-status').textContent()).not.toBe('已提交');
    await shot('referral-timeline');
  });

  it("shows scheduling's field error when a ratio is set below the city's floor", async () => {
    await page.getByRole('link', { name: '系统管理' }).click();
    await page.locator('select[name="institutionId"]').selectOption(referral.hospitalId);
    await page.getByTestId('city-floor').waitFor();
    await page.locator('input[name="slotRatio.numerator"]').fill('1');
    await page.locator('input[name="slotRatio.denominator"]').fill('10');
    await page.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.getByTestId('error-slotRatio').textContent()).toContain('floor');
    expect(await page.getByTestId('form-error').textContent()).toContain('请求有误');
    await shot('admin-reserve-floor-error');
  });

  it("settles a group's month the demo left open, and shows the run with its CSV", async () => {
    await page.getByRole('link', { name: '医保结算' }).click();
    await page.getByTestId('settlements').waitFor();
    const settled = page.getByTestId('settlement-run');
    const open = page.getByTestId('not-settled');
    await expect.poll(async () => (await settled.isVisible()) || (await open.isVisible())).toBe(true);
    // A platform left up from an earlier run has settled it already; a fresh one has not.
    if (await open.isVisible()) await page.getByTestId('start-settlement').click();
    await settled.waitFor();
    expect(await page.getByTestId('settlement-fund-paid').textContent()).toMatch(/^¥[\d,]+\.\d{2}$/);
    expect(await page.getByTestId('settlement-institutions').locator('tbody tr').count()).toBeGreaterThan(1);
    const csv = await page.request.get(
      new URL((await page.getByTestId('settlement-csv').getAttribute('href'))!, PORTAL_URL).toString(),
    );
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain(',');
    await shot('settlement');
  });

  it("opens a staff member's account with the gateway's field checks, then disables it", async () => {
    await page.getByRole('link', { name: '系统管理' }).click();
    await page.getByRole('link', { name: '用户账号' }).click();
    await page.getByTestId('account-table').locator('tbody tr').first().waitFor();
    const username = `browser.${Date.now().toString(36)}`;
    const form = page.getByTestId('new-account');
    await form.locator('input[name="username"]').fill(username);
    await form.locator('input[name="displayName"]').fill('浏览器测试');
    await form.locator('select[name="groupId"]').selectOption({ index: 1 });
    await form.locator('select[name="institutionId"]').selectOption({ index: 1 });
    await form.locator('input[name="password"]').fill('short');
    await form.getByRole('button', { name: '创建账号' }).click();
    await expect.poll(() => page.getByTestId('error-password').isVisible()).toBe(true);

    await form.locator('input[name="password"]').fill(`pw-${Date.now()}-long-enough`);
    await form.getByRole('button', { name: '创建账号' }).click();
    await page.getByTestId('account-created').waitFor();
    const row = page.locator(`tr[data-username="${username}"]`);
    await row.waitFor();
    await shot('admin-accounts');
    await row.getByRole('button', { name: '停用' }).click();
    await expect.poll(() => row.textContent()).toContain('已停用');
  });

  it("keeps the city's map: its institutions, a group's members with the registry's refusal of a second group, a centre's teams", async () => {
    await go('/admin/institutions');
    const institutions = page.getByTestId('institution-list').locator('tbody tr');
    await institutions.first().waitFor();
    expect(await institutions.count()).toBeGreaterThanOrEqual(9);
    await shot('admin-institutions');

    await go(`/admin/groups?id=${referral.groupId}`);
    await page
      .locator(`[data-testid="group-members"] [data-institution-id="${referral.hospitalId}"]`)
      .waitFor();
    // The page cannot know the grid has its group already; the registry says so, under the grid.
    const create = page.getByTestId('create-group-form');
    await create.locator('select[name="gridId"]').selectOption(referral.gridId);
    await create.locator('input[name="name"]').fill('第二个紧密型医疗集团');
    await page.getByTestId('create-group-submit').click();
    await expect.poll(() => page.getByTestId('error-create-gridId').textContent()).toBeTruthy();
    await shot('admin-groups');

    await go('/admin/teams');
    const centres = page.getByTestId('team-institution-select');
    await centres.locator('option').nth(1).waitFor({ state: 'attached' });
    await centres.selectOption({ index: 1 });
    await page.getByTestId('team').first().waitFor();
    expect(await page.getByTestId('team-members').first().locator('tbody tr').count()).toBeGreaterThanOrEqual(
      1,
    );
    await shot('admin-teams');
  });

  it("reads the three catalogues, searches a group's drugs, and checks a new criterion as referral would", async () => {
    await page.getByRole('link', { name: '目录管理' }).click();
    const criteria = page.getByTestId('criteria-row');
    await criteria.first().waitFor();
    expect(await criteria.count()).toBeGreaterThanOrEqual(5);
    await page.getByTestId('criteria-new').click();
    await page.getByTestId('criteria-save').click();
    await page.getByTestId('error-entry.covers').waitFor();
    await shot('catalogue-criteria');
    await page.getByTestId('criteria-cancel').click();

    await go('/catalogues/recognition');
    await page.getByTestId('recognition-row').first().waitFor();
    expect(await page.getByTestId('recognition-row').count()).toBeGreaterThanOrEqual(10);
    await shot('catalogue-recognition');

    // A city operator reads any group's catalogue (a group's administrator keeps it) and searches it.
    await go('/catalogues/drugs');
    await page.getByTestId('drug-group').selectOption(referral.groupId);
    await page.getByTestId('drug-row').first().waitFor();
    await page.getByTestId('drug-search').fill('氨氯地平');
    await page.getByTestId('drug-search-submit').click();
    await expect
      .poll(async () => (await page.getByTestId('drug-table').locator('tbody').textContent()) ?? '')
      .toContain('氨氯地平');
    expect(await page.getByTestId('drug-table').locator('tbody').textContent()).not.toContain('二甲双胍');
    await shot('catalogue-drugs');
  });

  it('switches to English, keeps it after a reload, and signs out', async () => {
    await page.locator('select[name="language"]').selectOption('en');
    await page.getByRole('link', { name: 'Dashboard' }).click();
    await page.getByTestId('hospital-table').waitFor();
    await page.reload();
    await page.getByTestId('hospital-table').waitFor();
    expect(await page.getByTestId('indicator-upward').locator('.card__label').textContent()).toBe(
      'Upward this month',
    );
    await page.waitForTimeout(500);
    await shot('dashboard-city-en');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
  });
});
