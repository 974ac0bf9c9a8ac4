// @ts-check
// Starts `lots serve --demo` on a free loopback port with a fresh SQLite database in a
// temporary folder and waits for /healthz. global-setup.js starts the server every test
// shares; a test that needs other settings (a short session, say) starts its own with
// extra environment variables.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const STARTTID_MS = Number(process.env.LOTS_E2E_START_TIMEOUT_MS || 180_000);

function ledigPort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const adr = s.address();
      const port = typeof adr === 'object' && adr ? adr.port : 0;
      s.close(() => resolve(port));
    });
  });
}

function svansen(fil, rader = 40) {
  try {
    return fs.readFileSync(fil, 'utf8').split('\n').slice(-rader).join('\n');
  } catch {
    return '(ingen logg)';
  }
}

function sov(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

/**
 * Starts a demo server. Returns its address and a function that stops it and removes its
 * folder (set LOTS_E2E_KEEP=1 to keep it, with the server log, for a look).
 * @param {{ miljo?: Record<string, string> }} [val] extra environment variables
 * @returns {Promise<{ url: string, stoppa: () => Promise<void> }>}
 */
async function startaLots(val = {}) {
  const bin = path.resolve(__dirname, '..', process.env.LOTS_BIN || '../target/debug/lots');
  try {
    fs.accessSync(bin, fs.constants.X_OK);
  } catch {
    throw new Error(
      `lots-binären saknas eller är inte körbar: ${bin}\n` +
        'Bygg den först (cd .. && cargo build -p lots) eller peka ut den med LOTS_BIN.',
    );
  }

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lots-e2e-'));
  const logg = path.join(dir, 'server.log');
  const fd = fs.openSync(logg, 'a');
  const port = await ledigPort();
  const url = `http://127.0.0.1:${port}`;
  const args = ['--database', `sqlite:${path.join(dir, 'lots.db')}`, 'serve', '--demo', '--listen', `127.0.0.1:${port}`];

  // cwd is the temp folder, so no ./lots.toml or ./lots.db of the developer's is picked up.
  const env = { ...process.env, NO_COLOR: '1', ...(val.miljo || {}) };
  delete env.LOTS_CONFIG;
  const server = spawn(bin, args, { cwd: dir, env, stdio: ['ignore', fd, fd] });
  fs.closeSync(fd);

  /** @type {{code: number|null, signal: string|null}|null} */
  let slut = null;
  server.on('exit', (code, signal) => {
    slut = { code, signal };
  });
  // Never leave a server behind, even if the runner itself is stopped.
  const dod = () => {
    if (slut === null) server.kill('SIGKILL');
  };
  process.on('exit', dod);

  const stoppa = async () => {
    if (slut === null) {
      server.kill('SIGINT');
      for (let i = 0; i < 100 && slut === null; i++) await sov(100);
      if (slut === null) {
        server.kill('SIGKILL');
        for (let i = 0; i < 50 && slut === null; i++) await sov(100);
      }
    }
    process.off('exit', dod);
    if (process.env.LOTS_E2E_KEEP) {
      console.log(`Databasen och serverloggen finns kvar i ${dir}`);
    } else {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };

  const borjan = Date.now();
  for (;;) {
    if (slut !== null) {
      const s = /** @type {{code: number|null, signal: string|null}} */ (slut);
      const text = svansen(logg);
      await stoppa();
      throw new Error(`lots avslutades innan den svarade (kod ${s.code}, signal ${s.signal}):\n${text}`);
    }
    try {
      const svar = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (svar.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() - borjan > STARTTID_MS) {
      const text = svansen(logg);
      await stoppa();
      throw new Error(`lots svarade inte på ${url}/healthz inom ${STARTTID_MS / 1000} s:\n${text}`);
    }
    await sov(250);
  }
  console.log(`lots kör på ${url} (startade på ${((Date.now() - borjan) / 1000).toFixed(1)} s)`);
  return { url, stoppa };
}

module.exports = { startaLots };
