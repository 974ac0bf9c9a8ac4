// @ts-check
// A last line in the plain form "e2e: N passed, N failed, N skipped", which
// test-result readers understand whatever the runner. Tests that never ran
// because the run failed (e.g. the server did not start) count as failed.

/** @implements {import('@playwright/test/reporter').Reporter} */
class Sammanfattning {
  constructor() {
    /** @type {import('@playwright/test/reporter').Suite | null} */
    this.suite = null;
  }

  onBegin(_config, suite) {
    this.suite = suite;
  }

  onEnd(resultat) {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    let ejKorda = 0;
    for (const t of this.suite ? this.suite.allTests() : []) {
      const utfall = t.outcome();
      if (utfall === 'expected' || utfall === 'flaky') passed++;
      else if (utfall === 'unexpected') failed++;
      else if (t.results.length === 0) ejKorda++;
      else skipped++;
    }
    if (resultat.status === 'passed') skipped += ejKorda;
    else failed += Math.max(ejKorda, failed === 0 ? 1 : 0);
    console.log(`\ne2e: ${passed} passed, ${failed} failed, ${skipped} skipped`);
  }

  printsToStdio() {
    return true;
  }
}

module.exports = Sammanfattning;
