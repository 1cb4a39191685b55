// The staff console in headless Chromium against the whole service on a real port, with the sandbox demo
// loaded and its morning of chat played through the simulated WeChat (a fever, two requests, orders).
// Every request the page makes outside the service is blocked and must never happen.
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRegistryRepo } from '../../db/repositories/registry.js';
import { loadConfig } from '../../src/config.js';
import { systemClock } from '../../src/core/clock.js';
import { DEMO_SITE } from '../../src/core/demo.js';
import { playDemoChat } from '../../src/demo-chat.js';
import { silentLogger } from '../../src/log.js';
import { issueDemoToken, loadDemoIfEmpty } from '../../src/services/demo.js';
import { createShouwang, type Shouwang } from '../../src/shouwang.js';
import { launchChromium, offlineContext, screenshot } from '../helpers/browser.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';

const ZONE = 'Asia/Shanghai';
let db: TestDatabase;
let sw: Shouwang;
let browser: Browser;
let origin: string;
let token: string;
let siteId: number;
let ctx: Awaited<ReturnType<typeof offlineContext>>;

beforeAll(async () => {
  // First, so a machine without chromium fails at once with the reason.
  browser = await launchChromium();
  db = await createTestDatabase();
  await loadDemoIfEmpty({ db: db.db, clock: systemClock, timeZone: ZONE });
  const config = loadConfig(
    { NODE_ENV: 'test', LOG_LEVEL: 'silent', HOST: '127.0.0.1', PORT: '0' },
    '/nonexistent',
  );
  sw = await createShouwang({
    config,
    database: db,
    log: silentLogger,
    // Every answer at once: the console is under test here, not the merging of a busy group's acknowledgements.
    outboxPolicy: { intervalMs: 0, jitterMs: 0, idlePollMs: 20, mergeAcks: false },
  });
  await sw.start();
  await playDemoChat(sw, silentLogger);
  token = (await issueDemoToken({ db: db.db, tokens: sw.services.tokens })) as string;
  origin = `http://127.0.0.1:${(sw.app.server.address() as AddressInfo).port}`;
  siteId = (await createRegistryRepo(db.db).listSites()).find((s) => s.name === DEMO_SITE)?.id as number;
  ctx = await offlineContext(browser, origin);
});

afterAll(async () => {
  await ctx?.context.close();
  await browser?.close();
  await sw?.stop();
  await db?.close();
});

/** The API as the test itself sees it, to check what the page did. */
// biome-ignore lint/suspicious/noExplicitAny: JSON of the API, checked by the assertions
async function apiGet(path: string): Promise<any> {
  const res = await fetch(`${origin}/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  return res.json();
}

async function signedIn(hash = ''): Promise<Page> {
  const page = await ctx.newPage();
  await page.goto(`${origin}/`);
  await page.getByLabel('令牌').fill(token);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByText('演示管理员 · 管理员').waitFor();
  if (hash) await page.goto(`${origin}/#/${hash}`);
  return page;
}

describe('the staff console', () => {
  it('refuses a bad token, signs in with a good one and shows the role’s pages', async () => {
    const page = await ctx.newPage();
    await page.goto(`${origin}/`);
    await screenshot(page, 'sign-in');
    await page.getByLabel('令牌').fill('sw_not-a-real-token');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByText('令牌无效').waitFor();
    await page.getByLabel('令牌').fill(token);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByText('演示管理员 · 管理员').waitFor();
    const nav = await page.locator('header nav a').allTextContents();
    expect(nav).toEqual(['今日概况', '电话名单', '花名册', '待处理消息', '下载', '模拟群聊']);
    // The token lives in this tab's session only.
    expect(await page.evaluate('sessionStorage.getItem("shouwang.token")')).toBe(token);
    expect(await page.evaluate('localStorage.length + document.cookie.length')).toBe(0);
    await page.close();
  });

  it('shows a volunteer only the villages’ pages, and no sandbox', async () => {
    const villageId = (await createRegistryRepo(db.db).listSites()).find((s) => s.kind === 'village')
      ?.id as number;
    const { token: volunteer } = await sw.services.tokens.create(
      { tokenId: null, name: 'test' },
      { name: '老李', role: 'volunteer', siteIds: [villageId] },
    );
    const page = await ctx.newPage();
    await page.goto(`${origin}/`);
    await page.getByLabel('令牌').fill(volunteer);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByText('老李 · 志愿者').waitFor();
    expect(await page.locator('header nav a').allTextContents()).toEqual(['今日概况', '下载']);
    // Only the village: no site tabs, its orders on the first page.
    expect(await page.locator('nav.tabs').count()).toBe(0);
    await page.locator('[data-card="orders"] table').waitFor();
    await page.getByRole('button', { name: '退出' }).click();
    await page.getByLabel('令牌').waitFor();
    expect(await page.evaluate('sessionStorage.length')).toBe(0);
    await page.close();
  });

  it('shows today at the observation site: reports per slot, missing people, alerts, requests', async () => {
    const page = await signedIn(`site/${siteId}`);
    const reports = page.locator('[data-card="reports"]');
    await reports.getByText('在观察').waitFor();
    await expect.poll(() => reports.locator('[data-slot="am"]').textContent()).toMatch(/已报 \d+ \/ \d+/);
    await page.locator('[data-card="alerts"] [data-alert]').first().waitFor();
    await page.locator('[data-card="requests"] [data-request="R-0001"]').waitFor();
    // The 08:30 page: the night, and who to reach first, ranked as the call list.
    await page.locator('[data-card="night"] h2').waitFor();
    await page.locator('[data-card="call-first"] h2').waitFor();
    // Every card loaded: none shows an error (the budget card once asked for /api/v1/api/v1/…).
    await page.locator('[data-card="budget"] h2').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.locator('.card [role="alert"], .card .error').allTextContents()).toEqual([]);
    expect(await page.locator('[data-card="night"]').textContent()).not.toContain('℃');
    await screenshot(page, 'dashboard');
    await page.close();
  });

  it('shows the call list and records a call that got through', async () => {
    const page = await signedIn(`calls/${siteId}`);
    await page.getByRole('heading', { name: /电话名单/ }).waitFor();
    const list = await apiGet(`/sites/${siteId}/call-list`);
    if (list.entries.length === 0) {
      await page.getByText('不用打电话').waitFor();
    } else {
      const first = list.entries[0];
      const entry = page.locator(`[data-resident="${first.residentId}"]`);
      await entry.getByText(`已试：${first.tried}`).waitFor();
      await screenshot(page, 'call-list');
      await entry.getByLabel('体温').fill('36.6');
      await entry.getByRole('button', { name: '已接通' }).click();
      await entry.waitFor({ state: 'detached' });
      const after = await apiGet(`/sites/${siteId}/call-list?date=${list.date}&slot=${list.slot}`);
      expect(after.entries.map((e: { residentId: number }) => e.residentId)).not.toContain(first.residentId);
    }
    await page.close();
  });

  it('acknowledges a fever alert in place', async () => {
    const page = await signedIn(`site/${siteId}`);
    const alert = page.locator('[data-alert]').filter({ hasText: '37.6' });
    await alert.waitFor();
    const id = Number(await alert.getAttribute('data-alert'));
    await alert.getByRole('button', { name: /确认/ }).click();
    await alert.waitFor({ state: 'detached' });
    const acked = await apiGet(`/alerts?site=${siteId}&status=acknowledged`);
    expect(acked.items.map((a: { id: number }) => a.id)).toContain(id);
    expect(acked.items.find((a: { id: number }) => a.id === id).acknowledgedBy).toBe('演示管理员');
    await page.close();
  });

  it('closes a request with a note, and the resident is told in the group', async () => {
    const page = await signedIn(`site/${siteId}`);
    const row = page.locator('[data-request="R-0001"]');
    await row.getByRole('button', { name: '办结' }).click();
    await row.getByLabel('办结说明').fill('已送到房间门口');
    await row.getByRole('button', { name: '确认办结' }).click();
    await row.waitFor({ state: 'detached' });
    const done = await apiGet(`/requests?site=${siteId}&status=done`);
    expect(done.items.find((r: { ref: string }) => r.ref === 'R-0001')).toMatchObject({
      status: 'done',
      note: '已送到房间门口',
    });
    await expect
      .poll(() => sw.world?.sent().some((m) => m.text.includes('R-0001') && m.text.startsWith('@')), {
        timeout: 10_000,
      })
      .toBe(true);
    await page.close();
  });

  it('previews a roster with a bad row by its row number and writes nothing', async () => {
    const page = await signedIn(`roster/${siteId}`);
    const before = (await apiGet(`/residents?site=${siteId}&limit=200`)).items.length;
    const csv = ['姓名,房间号,入住日期', '测试甲,9-901,2020-02-10', '测试乙,9-902,2020-02-30'].join('\n');
    await page.getByLabel('名单文件').setInputFiles({
      name: '名单.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    });
    await page.getByRole('button', { name: '检查' }).click();
    const preview = page.locator('[data-preview]');
    await preview.waitFor();
    await preview.locator('[data-error-row="3"]').waitFor();
    expect(await preview.locator('[data-error-row]').count()).toBe(1);
    // No way to import a file with errors, and the dry run wrote nothing.
    expect(await preview.getByRole('button', { name: '确认导入' }).count()).toBe(0);
    expect((await apiGet(`/residents?site=${siteId}&limit=200`)).items.length).toBe(before);
    await screenshot(page, 'roster-preview');

    // The corrected file: no errors, then imported, and the new residents are on the list.
    await page.getByLabel('名单文件').setInputFiles({
      name: '名单.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv.replace('2020-02-30', '2020-02-11'), 'utf8'),
    });
    await page.getByRole('button', { name: '检查' }).click();
    await preview.getByText('没有发现错误').waitFor();
    await preview.getByRole('button', { name: '确认导入' }).click();
    await page.locator('[data-import-done]').waitFor();
    const after = (await apiGet(`/residents?site=${siteId}&limit=200`)).items;
    expect(after.length).toBe(before + 2);
    expect(
      after.filter((r: { name: string }) => r.name.startsWith('测试')).map((r: { room: string }) => r.room),
    ).toEqual(['9-901', '9-902']);
    await page.close();
  });

  it('extends and releases residents from the roster', async () => {
    const page = await signedIn(`roster/${siteId}`);
    const list = (await apiGet(`/residents?site=${siteId}&status=observing&limit=200`)).items;
    const [first, second] = list as { id: number; name: string; plannedEndDate: string }[];
    if (!first || !second) throw new Error('the demo has too few residents');

    page.once('dialog', (d) => d.accept('3'));
    await page.getByRole('button', { name: `延长 ${first.name}` }).click();
    await expect
      .poll(async () => (await apiGet(`/residents/${first.id}`)).plannedEndDate)
      .not.toBe(first.plannedEndDate);
    const end = new Date(`${first.plannedEndDate}T00:00:00Z`);
    end.setUTCDate(end.getUTCDate() + 3);
    expect((await apiGet(`/residents/${first.id}`)).plannedEndDate).toBe(end.toISOString().slice(0, 10));

    page.once('dialog', (d) => d.accept());
    await page.getByRole('button', { name: `解除 ${second.name}` }).click();
    await page.locator(`[data-resident="${second.name}"]`).waitFor({ state: 'detached' });
    expect((await apiGet(`/residents/${second.id}`)).status).toBe('released');
    await screenshot(page, 'roster');
    await page.close();
  });

  it('sends a message in the simulated group and shows the bot’s reply', async () => {
    const page = await signedIn('sandbox');
    await page.getByRole('button', { name: /五指山观察点住户群/ }).click();
    await page.locator('[data-transcript] [data-line]').first().waitFor();
    await page.getByLabel('发送人').selectOption({ label: '1101高' });
    await page.getByLabel('消息').fill('1-101 晚上36.6');
    await page.getByRole('button', { name: '发送' }).click();
    const reply = page
      .locator('[data-transcript] .line.bot')
      .filter({ hasText: '@1101高 已记录：1-101 晚 36.6' });
    await reply.waitFor({ timeout: 15_000 });
    await screenshot(page, 'sandbox');
    await page.close();
  });

  it('shows a resident’s observation timeline with the temperature chart and fever line', async () => {
    const alerts = await apiGet(`/alerts?site=${siteId}`);
    const fever = alerts.items.find((a: { temperature: number }) => a.temperature === 37.6);
    const page = await signedIn(`resident/${fever.residentId}`);
    await page.locator('[data-progress]').waitFor();
    expect(await page.locator('[data-progress]').textContent()).toMatch(/第 \d+ 天 \/ 共 14 天/);
    // A horizontal line has no height, so it is never "visible" to playwright: attached is what counts.
    await page.locator('svg.chart .fever-threshold[data-threshold="37.3"]').waitFor({ state: 'attached' });
    expect(await page.locator('svg.chart circle.dot.hot').count()).toBe(1);
    await page.getByText('有点咳嗽').waitFor();
    await screenshot(page, 'resident');
    await page.close();
  });

  it('lists a message the bot could not place and marks it handled with a note', async () => {
    const text = '请问核酸检测结果什么时候出来？';
    const id = sw.world?.say({ room: '五指山观察点住户群（演示）', from: '1101高', text }) as string;
    expect(await sw.waitProcessed(id)).toBe(true);
    const page = await signedIn('review');
    const row = page.locator('[data-message]').filter({ hasText: text });
    await row.waitFor();
    await screenshot(page, 'review');
    await row.getByLabel('处理说明').fill('已电话告知');
    await row.getByRole('button', { name: '已处理' }).click();
    await row.waitFor({ state: 'detached' });
    const reviewed = await apiGet('/messages?status=reviewed');
    expect(reviewed.items.find((m: { text: string }) => m.text === text)).toMatchObject({
      note: '已电话告知',
    });
    await page.close();
  });

  it('downloads an export with the token and saves it under its Chinese name', async () => {
    const page = await signedIn('downloads');
    await screenshot(page, 'downloads');
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '体温记录表 xlsx' }).click(),
    ]);
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
    expect(file.suggestedFilename()).toMatch(/[\u4e00-\u9fff]/);
    const saved = await file.path();
    const head = (await import('node:fs')).readFileSync(saved).subarray(0, 2).toString('latin1');
    expect(head).toBe('PK'); // an xlsx is a zip
    // A date range: the 台账 of two days has a column per day and slot of those two days only.
    const today = await page.evaluate(() =>
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()),
    );
    const yesterday = new Date(Date.parse(`${today}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('从').fill(yesterday);
    await page.getByLabel('到').fill(today);
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '体温记录表 csv' }).click(),
    ]);
    const text = (await import('node:fs')).readFileSync(await csv.path(), 'utf8');
    const header = text.replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '';
    expect(header.split(',').filter((c) => /[早晚]/.test(c))).toHaveLength(4);
    await page.close();
  });

  it('marks a village order bought with what was paid, and water delivered', async () => {
    const villageId = (await createRegistryRepo(db.db).listSites()).find((s) => s.kind === 'village')?.id;
    const page = await signedIn(`site/${villageId}`);
    const order = page.locator('[data-order="O-0003"]');
    page.once('dialog', (d) => d.accept('56.5'));
    await order.getByRole('button', { name: '已买' }).click();
    await order.waitFor({ state: 'detached' });
    const bought = (await apiGet(`/orders?site=${villageId}&status=bought`)).items;
    expect(bought.find((o: { ref: string }) => o.ref === 'O-0003')).toMatchObject({
      status: 'bought',
      cost: 56.5,
    });

    const water = page.locator('[data-card="water"] li').first();
    await water.getByRole('button', { name: /已送达/ }).click();
    await page.locator('[data-card="water"]').getByText('没有待送的水').waitFor();
    expect((await apiGet(`/water?site=${villageId}&status=delivered`)).items).toHaveLength(1);
    await page.close();
  });

  it('shows the village’s day and works on a phone screen', async () => {
    const villageId = (await createRegistryRepo(db.db).listSites()).find((s) => s.kind === 'village')?.id;
    const phone = await offlineContext(browser, origin, {
      viewport: { width: 390, height: 844 },
      isMobile: true,
    });
    try {
      const page = await phone.newPage();
      await page.goto(`${origin}/`);
      await page.getByLabel('令牌').fill(token);
      await page.getByRole('button', { name: '登录' }).click();
      await page.getByText('演示管理员 · 管理员').waitFor();
      await page.goto(`${origin}/#/site/${siteId}`);
      await page.locator('[data-card="reports"] [data-slot="pm"]').waitFor();
      await screenshot(page, 'dashboard-phone');
      await page.goto(`${origin}/#/site/${villageId}`);
      await page.locator('[data-card="purchase"] table').waitFor();
      await screenshot(page, 'village-phone');
      // The menu folds away on a phone and opens with its button.
      expect(await page.locator('header nav').isVisible()).toBe(false);
      await page.getByRole('button', { name: '菜单' }).click();
      expect(await page.locator('header nav').isVisible()).toBe(true);
      expect(phone.outside).toEqual([]);
      expect(phone.pageErrors).toEqual([]);
    } finally {
      await phone.context.close();
    }
  });

  it('asked for nothing outside the service and raised no script errors', () => {
    expect(ctx.outside).toEqual([]);
    expect(ctx.pageErrors).toEqual([]);
  });
});
