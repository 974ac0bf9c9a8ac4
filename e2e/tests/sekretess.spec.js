// @ts-check
// Sekretess och behörighet in the browser: a handläggare outside the case's enhet
// states a reason (inre sekretess), the utförare reads an order, the systemförvaltare
// administers accounts, and the logggranskare finds the access in loggkontroll.
// axe-core (WCAG 2.1 A/AA), a screenshot and the first-Tab-stop check on every page.
const { test, expect } = require('@playwright/test');
const { Granskare } = require('../lib/granskning');

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

test('inre sekretess, uppdrag, konton och loggkontroll', async ({ page }) => {
  const g = new Granskare(page, 'sekretess');
  const h1 = page.getByRole('heading', { level: 1 });
  const meny = page.getByRole('navigation', { name: 'Huvudmeny' });
  try {
    // A case at Vuxenenheten missbruk, from Sara's start page.
    /** @type {string[]} */
    let arenden = [];
    let arende = '';
    await test.step('handläggaren på missbruk har ärenden', async () => {
      await loggaIn(page, 'handlaggare');
      const hrefs = await page.locator('main a[href^="/arenden/"]').evaluateAll((a) => a.map((x) => x.getAttribute('href') || ''));
      // The cases themselves: a bevakning's link leads on to its step, not to the case page.
      arenden = [...new Set(hrefs.map((h) => h.match(/^\/arenden\/[^/?#]+/)?.[0] || '').filter((h) => h))];
      expect(arenden.length).toBeGreaterThan(0);
    });

    await test.step('en handläggare på en annan enhet måste ange skäl', async () => {
      await loggaIn(page, 'ahmed.hassan');
      // A protected person's case is refused outright; the others ask for a reason.
      for (const a of arenden) {
        await page.goto(`${bas()}${a}`);
        if (page.url().endsWith('/atkomst')) {
          arende = a;
          break;
        }
        await expect(h1).toHaveText('Du har inte behörighet');
      }
      expect(arende, 'ett ärende som går att öppna med skäl').not.toBe('');
      await expect(h1).toHaveText('Ärendet tillhör en annan enhet');
      await g.sida('Ange skäl');
      await page.getByRole('button', { name: 'Öppna ärendet' }).click();
      await expect(page.locator('.felruta')).toContainText('Välj på vilken grund');
      await g.sida('Ange skäl: fel');
      await page.getByLabel(/Personen har samtyckt/).check();
      await page.getByLabel(/Varför behöver du ärendet/).fill('Personen söker ekonomiskt bistånd hos oss och vill att vi samordnar.');
      await Promise.all([page.waitForURL(`${bas()}${arende}`), page.getByRole('button', { name: 'Öppna ärendet' }).click()]);
      await expect(page.getByRole('note')).toContainText('Din åtkomst är loggad');
      await g.sida('Ärende öppnat med skäl');
    });

    await test.step('utföraren ser sina uppdrag och vad de innehåller', async () => {
      await loggaIn(page, 'utforare');
      await expect(page).toHaveURL(`${bas()}/uppdrag`);
      await expect(h1).toHaveText('Uppdrag till din enhet');
      await g.sida('Uppdrag');
      await page.locator('main a[href^="/uppdrag/"]').first().click();
      await expect(h1).toContainText('Uppdrag:');
      await expect(page.locator('main')).toContainText('Uppdraget');
      await g.sida('Ett uppdrag');
      // The rest of the case is not the utförare's to read.
      const svar = await page.request.get(`${bas()}${arende}`, { maxRedirects: 0 });
      expect([403, 303]).toContain(svar.status());
    });

    await test.step('systemförvaltaren ger rätten att se skyddade personer', async () => {
      await loggaIn(page, 'systemforvaltare');
      await meny.getByRole('link', { name: 'Användare och enheter' }).click();
      await expect(h1).toHaveText('Användare och enheter');
      await g.sida('Användare och enheter');
      await page.getByRole('link', { name: 'Pernilla Nyberg' }).click();
      await expect(h1).toContainText('Ändra Pernilla Nyberg');
      await g.sida('Ändra konto');
      await page.getByLabel('Får se personer med skyddade personuppgifter').check();
      // The right waits for a second person's approval (four eyes).
      await Promise.all([page.waitForURL(`${bas()}/behorigheter`), page.getByRole('button', { name: 'Spara' }).click()]);
      await expect(h1).toHaveText('Behörigheter som väntar');
      await g.sida('Behörigheter som väntar');
    });

    await test.step('arbetsledaren på enheten godkänner, och först då gäller rätten', async () => {
      await loggaIn(page, 'arbetsledare');
      await page.goto(`${bas()}/behorigheter`);
      await expect(h1).toHaveText('Behörigheter som väntar');
      await page.getByRole('button', { name: /Godkänn för/ }).first().click();
      await page.waitForLoadState('load');
      await loggaIn(page, 'systemforvaltare');
      await page.goto(`${bas()}/admin/anvandare`);
      await expect(page.getByRole('row', { name: /Pernilla Nyberg/ })).toContainText('Får se');
    });

    await test.step('logggranskaren hittar åtkomsten utanför enheten', async () => {
      await loggaIn(page, 'granskare');
      await expect(page).toHaveURL(`${bas()}/loggkontroll`);
      await expect(h1).toHaveText('Loggkontroll');
      await g.sida('Loggkontroll');
      await page.getByLabel('Åtkomst utanför egna ärenden och egen enhet').check();
      await page.getByRole('button', { name: 'Visa', exact: true }).click();
      const svar = page.getByRole('region', { name: /Loggposter/ });
      await expect(svar).toContainText('Ahmed Hassan');
      await expect(svar).toContainText('Personen har samtyckt');
      await expect(svar).toContainText('utanför egen enhet');
      await g.sida('Loggkontroll: utanför enheten');
    });
  } finally {
    g.krav();
  }
});
