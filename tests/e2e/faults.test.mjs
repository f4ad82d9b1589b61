// Ambiguous failures (issue 22): a create whose answer is lost may have been stored. The panel
// looks for it in the list it wrote to before it offers to send again, so a person who clicks
// again never makes a duplicate, and a create that really was not stored can be sent again.
//
// The sandbox's `--fail-after-commit P` (a test fault, not API behaviour) drops the connection
// after a share P of successful writes commit; a `page.route` abort stands for a request that
// never reached the server.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { call, launchBrowser, openPage, signIn, startSandbox, unique } from './support.mjs';

/** Creates per run: at a share of 0.5, all of them answered is a 1-in-256 chance. */
const CREATES = 8;

let sandbox;
let browser;
before(async () => {
  [sandbox, browser] = await Promise.all([startSandbox(['--fail-after-commit', '0.5']), launchBrowser()]);
});
after(async () => {
  await browser?.close();
  await sandbox?.stop();
});

const toast = (page, text) => page.locator('.toasts .toast').filter({ hasText: text });

/** Opens the new-project form and fills in `name`. */
async function newProject(page, name) {
  await page.goto(`${sandbox.origin}/w/1/projects/new`);
  await page.getByRole('heading', { name: 'New project' }).waitFor();
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
}

async function projectsNamed(prefix) {
  const rows = await call(sandbox, 'demo-owner', 'GET', '/projects?workspace_id=1&per_page=100');
  return rows.filter((p) => p.name.startsWith(prefix)).map((p) => p.name);
}

test('a create whose answer is lost is found in its list: one click, one row, never a duplicate', { timeout: 120_000 }, async () => {
  const { context, page, problems } = await openPage(browser);
  try {
    await signIn(page, sandbox);
    const lost = [];
    page.on('requestfailed', (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/v2/projects') lost.push(r.url());
    });
    const prefix = unique('Lost answer ');
    const names = [];
    for (let i = 0; i < CREATES; i++) {
      const name = `${prefix} ${i}`;
      names.push(name);
      await newProject(page, name);
      await page.getByRole('button', { name: 'Create project' }).click();
      // Answered or not, the person sees the project created, once.
      await toast(page, `Created ${name}.`).waitFor();
      await page.getByRole('heading', { name, exact: true }).waitFor();
    }
    assert.ok(lost.length >= 1, `some answers were lost (${lost.length} of ${CREATES})`);
    assert.deepEqual((await projectsNamed(prefix)).sort(), names.sort(), 'each click made exactly one project');
    assert.deepEqual(problems.errors, []);
  } finally {
    await context.close();
  }
});

test('a create that never reached the server is offered again, and sending again makes one row', { timeout: 60_000 }, async () => {
  const { context, page, problems } = await openPage(browser);
  try {
    await signIn(page, sandbox);
    const name = unique('Never sent ');
    await newProject(page, name);
    let aborted = 0;
    await page.route((url) => url.pathname === '/api/v2/projects', async (route) => {
      if (route.request().method() === 'POST' && aborted === 0) {
        aborted += 1;
        await route.abort('connectionreset');
      } else {
        await route.fallback();
      }
    });
    await page.getByRole('button', { name: 'Create project' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'nothing was saved' });
    await alert.waitFor();
    assert.equal(await page.getByRole('textbox', { name: 'Name', exact: true }).inputValue(), name, 'the form keeps what was typed');
    assert.deepEqual(await projectsNamed(name), [], 'nothing was stored');
    // The list the panel checked is not left in its cache: sending again is a real request.
    await page.getByRole('button', { name: 'Create project' }).click();
    await toast(page, `Created ${name}.`).waitFor();
    assert.deepEqual(await projectsNamed(name), [name], 'one project after sending again');
    assert.equal(aborted, 1);
    assert.deepEqual(problems.errors, []);
  } finally {
    await context.close();
  }
});
