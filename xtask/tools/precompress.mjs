// Writes `FILE.br` (brotli 11) and `FILE.gz` (gzip 9) beside every text or wasm file of a built
// site, for servers that send a compressed copy instead of compressing as they go (the sandbox
// and webwork-gateway do). Node's own zlib: no tool to install. A copy already newer than its
// file is kept. Usage: node precompress.mjs DIR
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, extname } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const EXTENSIONS = new Set(['.wasm', '.js', '.mjs', '.css', '.html', '.ftl', '.json', '.svg']);

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node precompress.mjs DIR');
  process.exit(2);
}

function* files(folder) {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (EXTENSIONS.has(extname(entry.name))) yield path;
  }
}

const fresh = (copy, source) => {
  try {
    return statSync(copy).mtimeMs >= source.mtimeMs;
  } catch {
    return false;
  }
};

let [written, raw, brotli] = [0, 0, 0];
for (const path of files(dir)) {
  const source = statSync(path);
  if (fresh(`${path}.br`, source) && fresh(`${path}.gz`, source)) continue;
  const bytes = readFileSync(path);
  const br = brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  });
  writeFileSync(`${path}.br`, br);
  writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }));
  written += 1;
  raw += bytes.length;
  brotli += br.length;
}
console.log(`precompress: ${written} file(s) in ${dir}: ${(raw / 1024).toFixed(1)} KB -> ${(brotli / 1024).toFixed(1)} KB as brotli`);
