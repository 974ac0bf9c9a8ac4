// @ts-check
// Mina sidor at phone width (390 px), by keyboard only (issue 19 items 4 and 5): someone
// sends a complaint without logging in (first empty: the errors come first and lead to
// their fields), gets the number and the day of the answer; then a person logs in and
// asks for another handläggare, and reads on the case that the arbetsledare will answer.
// Every page: axe-core (WCAG 2.1 A/AA), a screenshot, the first Tab stop, and no
// sideways scrolling. With the demo's second scenario person, whose case with a decision
// is open whether mina_sidor.spec.js (which appeals it) has run before this or not.
const { test, expect } = require('@playwright/test');
const { Granskare } = require('../lib/granskning');

function bas() {
  const url = process.env.LOTS_URL;
  if (!url) throw new Error('LOTS_URL saknas: global-setup.js har inte startat lots');
  return url;
}

test.describe('Mina sidor med tangentbordet, 390 px bred', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('klagomål utan inloggning och en annan handläggare', async ({ page }) => {
    const g = new Granskare(page, 'mina-sidor-390-tangentbord');
    /** @type {string[]} */
    const bredd = [];
    const h1 = page.getByRole('heading', { level: 1 });
    const main = page.locator('main');

    /** @param {string} namn */
    async function sida(namn) {
      await g.sida(namn);
      const m = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        fonster: window.innerWidth,
      }));
      if (m.scroll > m.fonster) {
        bredd.push(`${namn} (${page.url()}): ${m.scroll} px bred i ett ${m.fonster} px brett fönster`);
      }
    }

    /**
     * Tab until `mal` has the focus (never a click).
     * @param {import('@playwright/test').Locator} mal
     */
    async function tabbaTill(mal) {
      for (let i = 0; i < 120; i += 1) {
        if (await mal.evaluate((el) => el === document.activeElement)) return;
        await page.keyboard.press('Tab');
      }
      throw new Error(`Tab nådde aldrig fram till ${mal}`);
    }

    /**
     * Presses a key and waits for the page that answers.
     * @param {string} tangent
     */
    async function tryck(tangent) {
      await Promise.all([
        page.waitForEvent('framenavigated', (f) => f === page.mainFrame()),
        page.keyboard.press(tangent),
      ]);
      await page.waitForLoadState('load');
    }

    try {
      await test.step('klagomål utan att logga in', async () => {
        await page.context().clearCookies();
        await page.goto(`${bas()}/mina-sidor/synpunkter`);
        await expect(h1).toHaveText('Lämna en synpunkt eller ett klagomål');
        await expect(main).toContainText('Du behöver inte logga in');
        await expect(main).toContainText('Det här händer med det du skriver');
        await sida('Synpunkter och klagomål');

        // Empty: the summary of errors has the focus, its first link leads to its field.
        await tabbaTill(main.getByRole('button', { name: 'Skicka', exact: true }));
        await tryck('Enter');
        const ruta = page.getByRole('alert');
        await expect(ruta).toBeVisible();
        await expect(ruta).toContainText('Välj vad du vill lämna.');
        await sida('Synpunkter: fel');
        await page.keyboard.press('Tab');
        await expect(ruta.getByRole('link').first()).toBeFocused();
        await page.keyboard.press('Enter');

        await tabbaTill(page.getByLabel('Ett klagomål'));
        await page.keyboard.press('Space');
        await expect(page.getByLabel('Ett klagomål')).toBeChecked();
        await tabbaTill(page.getByLabel('Hur jag blev bemött'));
        await page.keyboard.press('Space');
        await tabbaTill(page.getByLabel('Skriv här'));
        await page.keyboard.type('Jag ringde tre gånger och ingen svarade eller ringde tillbaka.');
        await tabbaTill(main.getByRole('button', { name: 'Skicka', exact: true }));
        await tryck('Enter');
        await expect(h1).toHaveText('Tack! Vi har fått det du skrev');
        await expect(page.getByRole('status')).toContainText(/SN \d{4}\/\d{5}/);
        await expect(page.getByRole('status')).toContainText('Svar senast');
        await expect(main).toContainText('kan vi inte svara dig');
        await sida('Synpunkter: kvitto');
      });

      await test.step('logga in och be om en annan handläggare', async () => {
        await page.goto(`${bas()}/mina-sidor/logga-in`);
        const val = page.getByLabel('Logga in som');
        const alternativ = val.locator('option').filter({ hasText: /^Adam Ahl \(/ });
        await expect(alternativ).toHaveCount(1);
        await tabbaTill(val);
        await val.selectOption((await alternativ.getAttribute('value')) || '');
        await tabbaTill(main.getByRole('button', { name: 'Logga in', exact: true }));
        await tryck('Enter');
        await expect(h1).toHaveText('Mina ärenden');

        await tabbaTill(main.getByRole('link', { name: 'Ekonomiskt bistånd – livsföring i övrigt' }));
        await tryck('Enter');
        await expect(h1).toHaveText('Ekonomiskt bistånd – livsföring i övrigt');
        await tabbaTill(main.getByRole('link', { name: 'Be om en annan handläggare' }));
        await tryck('Enter');
        await expect(h1).toHaveText('Be om en annan handläggare');
        await expect(main).toContainText('Du behöver inte säga varför');
        await expect(main).toContainText('Din handläggare kan inte svara på frågan själv');
        await sida('Be om en annan handläggare');
        await tabbaTill(page.getByLabel('Varför vill du byta?'));
        await page.keyboard.type('Vi pratar förbi varandra.');
        await tabbaTill(main.getByRole('button', { name: 'Skicka frågan' }));
        await tryck('Enter');
        await expect(page.getByRole('status')).toContainText('Fråga om en annan handläggare');
        await sida('Kvitto: annan handläggare');

        await tabbaTill(main.getByRole('link', { name: 'Gå till ärendet' }));
        await tryck('Enter');
        await expect(main).toContainText('Du bad om en annan handläggare');
        await expect(main).toContainText('Chefen svarar dig skriftligt senast');
        await sida('Ärendet efter frågan');
        await tabbaTill(main.getByRole('link', { name: 'Be om en annan handläggare' }));
        await tryck('Enter');
        await expect(main).toContainText('Du har frågat om en annan handläggare');
        await expect(main.getByRole('button', { name: 'Skicka frågan' })).toHaveCount(0);
        await sida('Frågan väntar på svar');
      });
    } finally {
      expect.soft(bredd, `Sidan går att skrolla i sidled:\n${bredd.join('\n')}`).toEqual([]);
      g.krav();
    }
  });
});
