import { measureOnce, startStack } from './panel-load.mjs';
import { launchBrowser } from '../e2e/support.mjs';
const stack = await startStack([{ name: 'split', dir: '/work/main/target/panel-split' }]);
const browser = await launchBrowser();
try {
  for (let i = 0; i < 3; i++) {
    const run = await measureOnce(browser, stack.sites[0]);
    console.log(`run ${i}: signIn ${Math.round(run.signInMs)} ms`);
    const list = run.requests.filter((r) => r.phase === 'signin').map((r) => new URL(r.url).pathname.replace(/-[0-9a-f]{16}/, '') + (new URL(r.url).search ? '?' + new URL(r.url).search.slice(1, 60) : '') + ` ${r.bytes}`);
    console.log(list.join('\n'));
  }
} finally { await browser.close(); await stack.stop(); }
