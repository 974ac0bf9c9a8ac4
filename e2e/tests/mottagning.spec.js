// @ts-check
// The reception desk for öppna insatser (issue 17), by keyboard alone once logged in: a
// visit in the full-mode anhörigprogram (a person and a journal entry, the duty to inform
// recorded), a minimal-mode visit outside the conditions and then inside them, the step
// into the formal route, an orosanmälan from the anonymous line, and the group follow-up.
// axe-core (WCAG 2.1 A/AA), a screenshot and the first-Tab-stop check on every page.
const { test, expect } = require('@playwright/test');
const { Granskare } = require('../lib/granskning');
const { personnummer } = require('../lib/personnummer');

const LOSENORD = 'demo1234';

function bas() {
  const url = process.env.LOTS_URL;
  if (!url) throw new Error('LOTS_URL saknas: global-setup.js har inte startat lots');
  return url;
}

/**
 * @param {import('@playwright/test').Page} page
 * @param {string} anvandare
 */
async function loggaIn(page, anvandare) {
  await page.context().clearCookies();
  await page.goto(`${bas()}/logga-in`);
  await page.getByLabel('Användarnamn').fill(anvandare);
  await page.getByLabel('Lösenord').fill(LOSENORD);
  await Promise.all([
    page.waitForEvent('framenavigated', (f) => f === page.mainFrame()),
    page.getByRole('button', { name: 'Logga in' }).click(),
  ]);
  await page.waitForLoadState('load');
}

/**
 * Presses Enter and waits for the page it leads to.
 * @param {import('@playwright/test').Page} page
 */
async function skicka(page) {
  await Promise.all([
    page.waitForEvent('framenavigated', (f) => f === page.mainFrame()),
    page.keyboard.press('Enter'),
  ]);
  await page.waitForLoadState('load');
}

test('mottagningen med tangentbordet', async ({ page }) => {
  const g = new Granskare(page, 'mottagning');
  const h1 = page.getByRole('heading', { level: 1 });
  const tangent = page.keyboard;
  try {
    await test.step('utföraren öppnar mottagningen från menyn', async () => {
      await loggaIn(page, 'utforare');
      await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: /Mottagning/ }).focus();
      await skicka(page);
      await expect(h1).toHaveText('Mottagning för öppna insatser');
      await g.sida('Mottagning');
    });

    await test.step('ett besök i anhörigprogrammet: person, journal och informationen om att ansöka', async () => {
      const del = page.locator('section', { has: page.getByRole('heading', { name: 'Anhörigprogram', exact: true }) });
      await del.getByLabel('Personnummer eller samordningsnummer').focus();
      await tangent.type(personnummer());
      // Past the box for a reservnummer: this is a personnummer.
      await tangent.press('Tab');
      await tangent.press('Tab');
      await tangent.type('Greta');
      await tangent.press('Tab');
      await tangent.type('Anhörigsson');
      await tangent.press('Tab');
      // "Bor personen i kommunen?": the first radio, chosen with the space bar.
      await tangent.press('Space');
      await tangent.press('Tab');
      await tangent.press('Space');
      await tangent.press('Tab');
      await tangent.type('Första träffen. Berättade om gruppen och om rätten att ansöka.');
      await tangent.press('Tab');
      await skicka(page);
      await expect(page).toHaveURL(/\/deltagare\//);
      await expect(h1).toContainText('Greta Anhörigsson');
      await expect(page.getByRole('status')).toHaveText('Besöket är registrerat.');
      await expect(page.locator('main')).toContainText(/Ja, \d{4}-\d{2}-\d{2}/);
      await expect(page.locator('main')).toContainText('Första träffen.');
      await g.sida('Deltagare i anhörigprogrammet');
    });

    await test.step('minimal dokumentation: utanför villkoren, sedan ett besök', async () => {
      await page.goto(`${bas()}/mottagning`);
      const del = page.locator('section', { has: page.getByRole('heading', { name: 'Öppen mottagning för alkohol' }) });
      await del.getByRole('radio', { name: 'Man' }).focus();
      await tangent.press('Space');
      await tangent.press('Tab');
      // The first age band, 0–12 år: outside the entry's 18 years.
      await tangent.press('Tab');
      await tangent.press('Tab');
      await skicka(page);
      await expect(page.getByRole('alert').first()).toContainText('fyllt 18 år');
      await g.sida('Mottagning: utanför villkoren');
      const igen = page.locator('section', { has: page.getByRole('heading', { name: 'Öppen mottagning för alkohol' }) });
      await igen.getByRole('radio', { name: 'Kvinna' }).focus();
      await tangent.press('Space');
      await tangent.press('Tab');
      await tangent.type('35');
      await tangent.press('Tab');
      await tangent.press('Tab');
      await skicka(page);
      await expect(page.getByRole('status').first()).toHaveText('Besöket är registrerat.');
    });

    await test.step('till den formella vägen: en ansökan med det personen väljer att berätta', async () => {
      await page.getByRole('link', { name: /Personen vill ansöka om bistånd.*Öppen mottagning för alkohol/ }).focus();
      await skicka(page);
      await expect(h1).toContainText('Ansökan om bistånd');
      await g.sida('Ansökan från mottagningen');
      await page.getByLabel('Personnummer eller samordningsnummer').focus();
      await tangent.type(personnummer());
      await tangent.press('Tab');
      await tangent.press('Tab');
      await tangent.type('Kim');
      await tangent.press('Tab');
      await tangent.type('Berg');
      await page.getByLabel('Det personen vill berätta').focus();
      await tangent.type('Vill ha behandling.');
      await tangent.press('Tab');
      await skicka(page);
      await expect(page.getByRole('status').first()).toContainText('Ansökan är registrerad');
      // The answer lands on the service just used (#insats-…), so Tab goes on into its
      // form; the page itself is checked as it opens without the fragment.
      await page.goto(page.url().split('#')[0]);
      await expect(page.getByRole('status').first()).toContainText('Ansökan är registrerad');
      await g.sida('Mottagning: ansökan registrerad');
    });

    await test.step('en orosanmälan från den anonyma stödlinjen', async () => {
      await page.getByRole('link', { name: /Gör en orosanmälan.*Stödlinjen/ }).focus();
      await skicka(page);
      await expect(h1).toContainText('Orosanmälan');
      await g.sida('Orosanmälan');
      await page.getByLabel('Personnummer eller samordningsnummer').focus();
      await tangent.type('20150615-2386');
      await tangent.press('Tab');
      await tangent.press('Tab');
      await tangent.type('Lo');
      await tangent.press('Tab');
      await tangent.type('Barnsdotter');
      // Past "Oron gäller ett barn": the personnummer tells the age.
      await tangent.press('Tab');
      await tangent.press('Tab');
      await tangent.type('Den som ringde berättade att barnet är ensamt hemma om nätterna.');
      await tangent.press('Tab');
      await skicka(page);
      await expect(page.getByRole('status').first()).toContainText('Orosanmälan är registrerad och finns nu hos Mottagningen');
    });

    await test.step('uppföljning på gruppnivå', async () => {
      await page.getByRole('link', { name: 'Uppföljning på gruppnivå' }).focus();
      await skicka(page);
      await expect(h1).toHaveText('Öppna insatser: uppföljning på gruppnivå');
      await expect(page.locator('main')).toContainText('färre än 5');
      await g.sida('Uppföljning på gruppnivå');
    });
  } finally {
    g.krav();
  }
});
