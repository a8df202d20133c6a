// Live load of the supervisor's board: N signed-in /giam-sat pages, one deadline scan that changes the level of
// about TARGET dossiers, and per page the time until the new counts are visible; then the server's peak RSS.
// Not part of CI. See README.md beside this file.
//
//   node tools/live-load/live-load.mjs [--dossiers 20000] [--pages 50] [--changes 1000] [--keep]
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, renameSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const option = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at < 0 ? fallback : Number(process.argv[at + 1]);
};
const dossiers = option('dossiers', 20000);
const pageCount = option('pages', 50);
const targetChanges = option('changes', 1000);
const keep = process.argv.includes('--keep');
const supervisor = 'giamsat@h48.demo';
const password = 'HanhChinh2026';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dll = join(repo, 'PublicService.Console/bin/Debug/net10.0/PublicService.Console.dll');
if (!existsSync(dll)) throw new Error(`Build first (dotnet build PublicService.slnx): ${dll} is missing.`);
const directory = mkdtempSync(join(tmpdir(), 'publicservice-live-load-'));
const database = join(directory, 'publicservice.db');
const clockFile = join(directory, 'clock.txt');
const log = (...args) => console.log(new Date().toISOString().slice(11, 23), ...args);

const setClock = instant => {
  writeFileSync(clockFile + '.next', instant.toISOString());
  renameSync(clockFile + '.next', clockFile);
};
const sql = query => execFileSync('sqlite3', [database, query], { encoding: 'utf8' }).trim();
const freePort = () => new Promise(done => {
  const server = createServer().listen(0, '127.0.0.1', () => { const { port } = server.address(); server.close(() => done(port)); });
});
const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p / 100 * sorted.length) - 1))];
};

const environment = {
  ...process.env,
  ASPNETCORE_ENVIRONMENT: 'Testing',
  DOTNET_ENVIRONMENT: 'Testing',
  ConnectionStrings__PublicService: `Data Source=${database}`,
};

// 1. Seed at the real time (the verb runs on the system clock); the app then starts with its clock at the end of it.
log(`seeding ${dossiers} demo dossiers into ${database}`);
execFileSync('dotnet', [dll, 'seed-demo', '--dossiers', String(dossiers)], { env: environment, stdio: 'inherit', cwd: dirname(dll) });
setClock(new Date());

// 2. The app, on the file clock, with no scheduled scan: every scan is ours.
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const app = spawn('dotnet', [dll], {
  cwd: dirname(dll),
  env: {
    ...environment,
    ASPNETCORE_URLS: base,
    Testing__ClockFile: clockFile,
    Monitoring__ScanCron: '0 0 31 2 *',
    Security__LoginAttemptsPerMinute: '1000',
  },
});
let appOutput = '';
const started = new Promise((done, fail) => {
  app.stdout.on('data', chunk => { appOutput += chunk; if (appOutput.includes('PublicService đang chạy tại')) done(); });
  app.stderr.on('data', chunk => { appOutput += chunk; });
  app.on('exit', code => fail(new Error(`the app exited (${code}):\n${appOutput}`)));
});
const rssOf = () => {
  const status = readFileSync(`/proc/${app.pid}/status`, 'utf8');
  const field = name => Number(status.match(new RegExp(`${name}:\\s+(\\d+) kB`))[1]) / 1024;
  return { hwm: field('VmHWM'), rss: field('VmRSS') };
};
const scan = async () => {
  const response = await fetch(`${base}/testing/scan`, { method: 'POST' });
  if (!response.ok) throw new Error(`scan: HTTP ${response.status}`);
  return response.json();
};

let browser;
try {
  await started;
  log(`app pid ${app.pid} at ${base}; RSS ${rssOf().rss.toFixed(0)} MB`);
  // What became due between seeding and start: flushed now so the measured scan is only the chosen one.
  const flushed = await scan();
  log(`first scan: ${flushed.changed} changes (flushed)`);

  // The supervisor's board counts the dossiers received by or currently at their agencies.
  const agencies = sql(`SELECT group_concat(Id) FROM Agencies WHERE Code IN ('000.01.20.H48', '000.00.20.H48')`);
  const inScope = `(ReceivingAgencyId IN (${agencies}) OR CurrentAgencyId IN (${agencies}))`;
  // The instant just after the n-th next alert instant (of the supervisor's dossiers only, when scoped).
  const instantAfter = (n, scoped) => {
    const at = sql(`SELECT NextAlertAtUtc FROM Dossiers WHERE NextAlertAtUtc IS NOT NULL ${scoped ? `AND ${inScope}` : ''} ORDER BY NextAlertAtUtc LIMIT 1 OFFSET ${n - 1}`);
    if (!at) throw new Error(`fewer than ${n} dossiers have a next alert; seed more with --dossiers`);
    const instant = new Date(at.replace(' ', 'T') + (at.endsWith('Z') ? '' : 'Z'));
    instant.setSeconds(instant.getSeconds() + 1);
    return instant;
  };

  // 4. N pages on the board, one context each, all with the supervisor's cookie (signed in once).
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run',
      '--disable-background-timer-throttling', '--disable-renderer-backgrounding', '--disable-backgrounding-occluded-windows'],
  });
  const first = await browser.newContext({ baseURL: base, locale: 'vi-VN' });
  const login = await first.newPage();
  await login.goto('/dang-nhap');
  await login.fill('input[name=UserName]', supervisor);
  await login.fill('input[name=Password]', password);
  await Promise.all([login.waitForURL(url => !url.pathname.startsWith('/dang-nhap')), login.click('[data-testid=login-form] button[type=submit]')]);
  const storageState = await first.storageState();
  await first.close();

  const counts = `() => [...document.querySelectorAll('[data-testid^=level-] .mud-typography-h4')].map(e => e.textContent.trim()).join('|')`;
  const pages = [];
  const openBoard = async () => {
    const context = await browser.newContext({ baseURL: base, locale: 'vi-VN', storageState, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto('/giam-sat', { timeout: 120_000 });
    await page.waitForSelector('[data-testid=level-Overdue] .mud-typography-h4', { timeout: 120_000 });
    return page;
  };
  // Five at a time: opening them one by one took minutes on a busy machine.
  for (let i = 0; i < pageCount; i += 5)
    pages.push(...await Promise.all(Array.from({ length: Math.min(5, pageCount - i) }, openBoard)));
  log(`${pageCount} boards loaded; RSS ${rssOf().rss.toFixed(0)} MB`);

  // A prerendered board shows its counts before its circuit is up: one warm-up scan that changes a dossier of the
  // supervisor's, waited for on every page, proves every board is live and subscribed.
  const watch = () => Promise.all(pages.map(page => page.evaluate(read => {
    const readCounts = eval(read);
    const before = readCounts();
    window.__changedAt = null;
    new MutationObserver((_, observer) => {
      if (readCounts() !== before) { window.__changedAt = Date.now(); observer.disconnect(); }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  }, counts)));
  const collect = async timeoutMs => {
    const until = Date.now() + timeoutMs;
    let seen = [];
    while (Date.now() < until) {
      seen = await Promise.all(pages.map(page => page.evaluate(() => window.__changedAt)));
      if (seen.every(t => t !== null)) break;
      await new Promise(r => setTimeout(r, 200));
    }
    return seen;
  };
  await watch();
  setClock(instantAfter(1, true));
  const warmUp = await scan();
  const warmed = await collect(60_000);
  log(`warm-up scan: ${warmUp.changed} changes; ${warmed.filter(t => t !== null).length}/${pageCount} boards updated`);
  if (warmed.some(t => t === null)) throw new Error('some boards never came alive');
  // The snackbars of the warm-up would sit over the next update; a reload is not wanted (circuits stay), so they stay.

  // Each page notes, in wall-clock ms, the first moment its counts differ from what it shows now.
  await watch();
  const moveTo = instantAfter(targetChanges, false);

  // 5. Move the clock, scan, and collect.
  setClock(moveTo);
  const sentAt = Date.now();
  const result = await scan();
  const answeredAt = Date.now();
  log(`scan at ${moveTo.toISOString()}: ${result.changed} changes (approaching ${result.approaching}, due today ${result.dueToday}, overdue ${result.overdue}) in ${result.elapsedMs} ms; answered after ${answeredAt - sentAt} ms`);

  const seen = await collect(30_000);
  const visible = seen.filter(t => t !== null);
  const fromRequest = visible.map(t => t - sentAt);
  const fromAnswer = visible.map(t => t - answeredAt);
  const { hwm, rss } = rssOf();
  console.log('');
  console.log(`pages updated: ${visible.length}/${pageCount} (not within 30 s: ${pageCount - visible.length})`);
  if (visible.length) {
    console.log(`scan request → new counts visible: p50 ${percentile(fromRequest, 50)} ms, p95 ${percentile(fromRequest, 95)} ms, max ${Math.max(...fromRequest)} ms`);
    console.log(`scan answered (committed) → visible: p50 ${percentile(fromAnswer, 50)} ms, p95 ${percentile(fromAnswer, 95)} ms, max ${Math.max(...fromAnswer)} ms`);
  }
  console.log(`changes in the scan: ${result.changed}; dossiers: ${dossiers}; boards: ${pageCount}`);
  console.log(`server peak RSS (VmHWM): ${hwm.toFixed(0)} MB; RSS now ${rss.toFixed(0)} MB`);
  const p95 = visible.length ? percentile(fromRequest, 95) : Infinity;
  console.log(`targets: p95 < 2000 ms ${p95 < 2000 && visible.length === pageCount ? 'met' : 'MISSED'}, peak RSS < 600 MB ${hwm < 600 ? 'met' : 'MISSED'}`);
} finally {
  if (browser) await browser.close();
  app.kill('SIGTERM');
  await new Promise(r => setTimeout(r, 1000));
  if (app.exitCode === null) app.kill('SIGKILL');
  if (keep) console.log(`kept ${directory}`); else rmSync(directory, { recursive: true, force: true });
}
