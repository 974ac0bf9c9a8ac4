// @ts-check
// What every page in the tests goes through: a full-page screenshot in
// screenshots/, axe-core with the WCAG 2.1 A and AA rules, and a check that
// the first Tab stop is the "Hoppa till innehållet" skip link.
const fs = require('node:fs');
const path = require('node:path');
const { expect } = require('@playwright/test');
const AxeBuilder = require('@axe-core/playwright').default;

const SKARMBILDER = path.join(__dirname, '..', 'screenshots');
const TAGGAR = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

function slug(text) {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
}

/**
 * @typedef {{sida: string, url: string, regel: string, allvar: string|null|undefined,
 *   hjalp: string, html: string, mal: string, sammanfattning: string|undefined}} Fynd
 */

class Granskare {
  /**
   * @param {import('@playwright/test').Page} page
   * @param {string} prefix file-name prefix for this test's screenshots
   */
  constructor(page, prefix) {
    this.page = page;
    this.prefix = prefix;
    this.n = 0;
    /** @type {Fynd[]} */
    this.fynd = [];
    /** @type {{sida: string, url: string, bild: string}[]} */
    this.sidor = [];
    /** @type {string[]} */
    this.tangentfel = [];
    fs.mkdirSync(SKARMBILDER, { recursive: true });
  }

  /**
   * Screenshot, axe and first Tab stop for the page now shown.
   * @param {string} namn what the page is, for the report and the file name
   */
  async sida(namn) {
    const page = this.page;
    await page.waitForLoadState('load');
    this.n += 1;
    const bild = path.join(SKARMBILDER, `${this.prefix}-${String(this.n).padStart(2, '0')}-${slug(namn)}.png`);
    await page.screenshot({ path: bild, fullPage: true });
    this.sidor.push({ sida: namn, url: page.url(), bild: path.relative(path.join(__dirname, '..'), bild) });

    const resultat = await new AxeBuilder({ page }).withTags(TAGGAR).analyze();
    for (const v of resultat.violations) {
      for (const nod of v.nodes) {
        this.fynd.push({
          sida: namn,
          url: page.url(),
          regel: v.id,
          allvar: v.impact,
          hjalp: `${v.help} (${v.helpUrl})`,
          html: nod.html,
          mal: nod.target.join(' '),
          sammanfattning: nod.failureSummary,
        });
      }
    }

    // Keyboard: an open modal dialog (the warning before the session ends) holds the focus,
    // and Tab stays within it; the page behind it is inert.
    const dialog = await page.evaluate(() => {
      const d = document.querySelector('dialog[open]');
      if (!d) return null;
      return { fokusInne: d.contains(document.activeElement) };
    });
    if (dialog) {
      await page.keyboard.press('Tab');
      const inne = await page.evaluate(() => {
        const d = document.querySelector('dialog[open]');
        return !!d && d.contains(document.activeElement);
      });
      if (!dialog.fokusInne || !inne) {
        this.tangentfel.push(`${namn} (${page.url()}): fokus är inte i den öppna dialogen`);
      }
      return;
    }
    // Keyboard: a page that moves focus on arrival on purpose (the search field, the summary of
    // a form's errors) has it on that element; any other page's first Tab lands on the skip link.
    const flyttat = await page.evaluate(() => {
      const e = document.activeElement;
      return e && e !== document.body && e.hasAttribute('autofocus');
    });
    if (flyttat) return;
    await page.keyboard.press('Tab');
    const fokus = await page.evaluate(() => {
      const e = document.activeElement;
      return e ? { tagg: e.tagName, text: (e.textContent || '').trim(), href: e.getAttribute('href') } : null;
    });
    if (!fokus || fokus.tagg !== 'A' || fokus.text !== 'Hoppa till innehållet' || fokus.href !== '#innehall') {
      this.tangentfel.push(`${namn} (${page.url()}): första tabbstoppet är ${JSON.stringify(fokus)}`);
    }
  }

  /**
   * Fails the test (softly, so it also reports when a step failed first) with
   * every axe violation and keyboard problem found, page by page, and writes
   * them to screenshots/<prefix>-axe.json.
   */
  krav() {
    const rapport = path.join(SKARMBILDER, `${this.prefix}-axe.json`);
    fs.writeFileSync(rapport, JSON.stringify({ sidor: this.sidor, fynd: this.fynd, tangentfel: this.tangentfel }, null, 2));
    const rader = this.fynd.map(
      (f) => `- [${f.regel}] (${f.allvar}) på "${f.sida}" ${f.url}\n    ${f.html}\n    ${f.hjalp}\n    ${String(f.sammanfattning || '').replace(/\n/g, '\n    ')}`,
    );
    expect.soft(this.tangentfel, `Skip-länken är inte första tabbstoppet:\n${this.tangentfel.join('\n')}`).toEqual([]);
    expect.soft(this.fynd.length, `axe-core hittade ${this.fynd.length} brister på ${this.sidor.length} sidor:\n${rader.join('\n')}`).toBe(0);
  }
}

module.exports = { Granskare, SKARMBILDER, TAGGAR };
