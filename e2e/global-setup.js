// @ts-check
// Starts `lots serve --demo` on a free loopback port with a fresh SQLite
// database in a temporary folder (lib/server.js), waits for /healthz, and hands
// the address to the tests in LOTS_URL. The returned function stops the server
// and removes the folder (set LOTS_E2E_KEEP=1 to keep it, with the server log, for a look).
const fs = require('node:fs');
const path = require('node:path');
const { startaLots } = require('./lib/server');

module.exports = async function globalSetup() {
  // Each run's screenshots start afresh; the tests create the folder again.
  fs.rmSync(path.join(__dirname, 'screenshots'), { recursive: true, force: true });
  const { url, stoppa } = await startaLots();
  process.env.LOTS_URL = url;
  return stoppa;
};
