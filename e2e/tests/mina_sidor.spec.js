// @ts-check
// Mina sidor in the browser, as the person: log in with the demo's test login,
// apply for ekonomiskt bistånd (a draft saved, left and taken up again, then
// sent), hand in a document the handläggare asked for, apply for a month with a
// deposit in their own words and a bank statement and a rent notice (first without
// saying what a document is), read a decision with its
// reasons and appeal it (first empty: the errors are listed and linked to the
// fields). Once at phone width and once at desktop width, each with its own
// scenario person from the demo (crates/lots/src/demo.rs, MINA_SIDOR), since the
// first run uses up its person's appeal and open request.
// axe-core (WCAG 2.1 A/AA), a screenshot, the first-Tab-stop check and a check
// for horizontal scrolling on every page.
const path = require('node:path');
const { test, expect } = require('@playwright/test');
const { Granskare } = require('../lib/granskning');

const PDF = path.join(__dirname, '..', 'fixtures', 'kontoutdrag.pdf');

const KORNINGAR = [
  { bredd: 390, hojd: 844, namn: 'Mira Lind' },
  { bredd: 1280, hojd: 900, namn: 'Adam Ahl' },
];

function bas() {
  const url = process.env.LOTS_URL;
  if (!url) throw new Error('LOTS_URL saknas: global-setup.js har inte startat lots');
  return url;
}

function esc(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Clicks and waits for the page that answers (a link or a form's button).
 * @param {import('@playwright/test').Page} page
 * @param {import('@playwright/test').Locator} mal
 */
async function klicka(page, mal) {
  await Promise.all([page.waitForEvent('framenavigated', (f) => f === page.mainFrame()), mal.click()]);
  await page.waitForLoadState('load');
}

for (const k of KORNINGAR) {
  test.describe(`Mina sidor, ${k.bredd} px bred`, () => {
    test.use({ viewport: { width: k.bredd, height: k.hojd } });

    test(`${k.namn} ansöker, skickar in och överklagar`, async ({ page }) => {
      const prefix = `mina-sidor-${k.bredd}`;
      const g = new Granskare(page, prefix);
      /** @type {string[]} */
      const bredd = [];
      const h1 = page.getByRole('heading', { level: 1 });
      const main = page.locator('main');
      const meny = page.getByRole('navigation', { name: 'Meny för Mina sidor' });

      /**
       * The checks every page goes through, and no sideways scrolling.
       * @param {string} namn
       */
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

      /** The receipt: what came in, and its heading. */
      async function kvitto(vad) {
        await expect(page).toHaveURL(new RegExp(`/mina-sidor/kvitto/`));
        await expect(h1).toHaveText('Tack. Vi har tagit emot det.');
        await expect(page.getByRole('status')).toContainText(vad);
      }

      try {
        await test.step('logga in med testinloggningen', async () => {
          await page.context().clearCookies();
          await page.goto(`${bas()}/mina-sidor/logga-in`);
          await expect(h1).toHaveText('Logga in på Mina sidor');
          await sida('Logga in');
          const val = page.getByLabel('Logga in som');
          const alternativ = val.locator('option').filter({ hasText: new RegExp(`^${esc(k.namn)} \\(`) });
          await expect(alternativ, `${k.namn} finns i testinloggningen`).toHaveCount(1);
          await val.selectOption((await alternativ.getAttribute('value')) || '');
          await klicka(page, main.getByRole('button', { name: 'Logga in', exact: true }));
          await expect(page).toHaveURL(`${bas()}/mina-sidor`);
          await expect(h1).toHaveText('Mina ärenden');
          await expect(meny).toContainText(k.namn);
        });

        await test.step('översikten visar ärendena och vad som behöver göras', async () => {
          await expect(main.getByRole('link', { name: 'Ekonomiskt bistånd – livsföring i övrigt' })).toBeVisible();
          await expect(main.getByRole('link', { name: 'Ekonomiskt bistånd – försörjningsstöd' })).toHaveCount(1);
          await expect(main.getByRole('link', { name: /^Skicka in: / })).toBeVisible();
          await sida('Mina ärenden');
        });

        if (k.namn === 'Mira Lind') {
          await test.step('fullmakten och knappen som tar tillbaka den syns utan att sidan rullas i sidled', async () => {
            await klicka(page, meny.getByRole('link', { name: 'Fullmakter', exact: true }));
            await expect(h1).toHaveText('Fullmakter');
            await sida('Fullmakter');
            const knapp = main.getByRole('button', { name: /^Ta tillbaka/ }).first();
            await expect(knapp).toBeVisible();
            const ruta = await knapp.boundingBox();
            expect(ruta, 'knappen har en plats på sidan').not.toBeNull();
            if (ruta) {
              expect(ruta.x + ruta.width, 'knappen ryms i fönstrets bredd').toBeLessThanOrEqual(k.bredd);
            }
            await klicka(page, meny.getByRole('link', { name: 'Mina ärenden' }));
          });

          await test.step('genomförandeplanen under "Mål och plan"', async () => {
            await klicka(page, main.getByRole('link', { name: 'Stöd i boendet' }));
            await expect(h1).toHaveText('Stöd i boendet');
            await expect(main.getByRole('heading', { name: 'Din plan för Stöd i boendet' })).toBeVisible();
            await expect(main).toContainText('Boendestödjaren kommer tisdag och torsdag förmiddag.');
            // A running insats reads as what it is, with whom to ask at the provider (issue 19).
            await expect(main).toContainText(/Du får stöd i boendet sedan \d{1,2} \p{L}+ \d{4}\./u);
            await expect(main).toContainText('Tove Lund');
            await sida('Ärendet med genomförandeplanen');
            await klicka(page, meny.getByRole('link', { name: 'Mina ärenden' }));
          });
        }

        await test.step('ansöka: spara ett utkast, gå därifrån och fortsätta', async () => {
          await klicka(page, meny.getByRole('link', { name: 'Ansök', exact: true }));
          await expect(h1).toHaveText('Ansök om stöd');
          await sida('Ansök');
          await klicka(page, main.getByRole('link', { name: 'Ekonomiskt bistånd', exact: true }));
          await expect(h1).toHaveText('Ansök om Ekonomiskt bistånd');
          await sida('Ansökan om ekonomiskt bistånd');
          await page.getByLabel('Vilken månad söker du för?').fill('December 2026');
          await page.getByLabel('Vilka bor i ditt hushåll?').fill('Jag bor ensam.');
          await klicka(page, main.getByRole('button', { name: 'Spara och fortsätt senare' }));
          await expect(page.getByRole('status')).toContainText('Ditt utkast är sparat');
          await expect(page.getByRole('status')).toContainText('Ansökan är inte skickad än.');
          await sida('Ansökan: utkastet sparat');

          await klicka(page, meny.getByRole('link', { name: 'Mina ärenden' }));
          await expect(h1).toHaveText('Mina ärenden');
          const utkast = main.getByRole('link', { name: /^Ekonomiskt bistånd – sparad / });
          await expect(utkast, 'utkastet syns på översikten').toHaveCount(1);
          await sida('Mina ärenden med utkast');
          await klicka(page, utkast);
          await expect(page.getByRole('status')).toContainText('Ditt utkast är sparat');
          await expect(page.getByLabel('Vilken månad söker du för?')).toHaveValue('December 2026');
          await expect(page.getByLabel('Vilka bor i ditt hushåll?')).toHaveValue('Jag bor ensam.');
          await sida('Ansökan: utkastet öppnat igen');

          await page.getByLabel('Vilka inkomster har hushållet?').fill('0 kr. Jag väntar på besked från a-kassan.');
          await page.getByLabel('Vilka utgifter har hushållet?').fill('Hyra 6 480 kr och el 310 kr i månaden.');
          await page.getByLabel('Hur når vi dig bäst?').fill('070-000 00 00, helst på förmiddagen.');
          await klicka(page, main.getByRole('button', { name: 'Skicka ansökan' }));
          await kvitto('Ansökan');
          await sida('Kvitto: ansökan');
          await klicka(page, meny.getByRole('link', { name: 'Mina ärenden' }));
          await expect(main.getByRole('link', { name: / – sparad / })).toHaveCount(0);
          await expect(main.getByRole('link', { name: 'Ekonomiskt bistånd – försörjningsstöd' })).toHaveCount(2);
        });

        await test.step('skicka in det handläggaren bad om', async () => {
          await klicka(page, main.getByRole('link', { name: /^Skicka in: / }));
          await expect(h1).toHaveText('Det här behöver vi från dig');
          await expect(main).toContainText('Kontoutdrag för de senaste tre månaderna');
          await sida('Begäran om komplettering');
          await page.getByLabel('Välj en fil (frivilligt)').setInputFiles(PDF);
          await page.getByLabel('Skriv något (frivilligt)').fill('Här är kontoutdraget. Hyresavin kommer nästa vecka.');
          await klicka(page, main.getByRole('button', { name: 'Skicka', exact: true }));
          await kvitto('Det du skickade in');
          await sida('Kvitto: komplettering');

          await klicka(page, main.getByRole('link', { name: 'Gå till ärendet' }));
          await expect(h1).toHaveText('Ekonomiskt bistånd – försörjningsstöd');
          await expect(main).toContainText('Du skickade in det vi bad om');
          await expect(main.getByRole('link', { name: /^Skicka in: / })).toHaveCount(0);
          // When the decision comes, and whom to call (issue 19).
          await expect(main).toContainText(/Vi räknar med att du får beslut senast \d{1,2} \p{L}+ \d{4}\./u);
          await expect(main.getByRole('heading', { name: 'Så når du oss' })).toBeVisible();
          await expect(main.getByRole('link', { name: 'ekonomisktbistand@lotsby.example' })).toBeVisible();
          if (k.namn === 'Mira Lind') {
            await expect(main).toContainText('Lena Ström är borta just nu.');
          }
          await sida('Ärendet efter kompletteringen');
          await klicka(page, main.getByRole('link', { name: 'Meddelanden till och från din handläggare' }));
          await expect(h1).toHaveText('Meddelanden');
          await expect(main).toContainText('Jag behöver dina kontoutdrag');
          await sida('Meddelanden');
        });

        await test.step('månadsansökan: kostnader och en insättning med egna ord', async () => {
          await page.goBack();
          await expect(h1).toHaveText('Ekonomiskt bistånd – försörjningsstöd');
          await klicka(page, main.getByRole('link', { name: 'Ansök om försörjningsstöd för nästa månad' }));
          await expect(h1).toHaveText('Ansök om försörjningsstöd för en månad');
          await sida('Månadsansökan');
          // Empty: the error is said, and nothing is sent.
          await klicka(page, main.getByRole('button', { name: 'Skicka ansökan' }));
          await expect(page.getByRole('alert')).toBeVisible();
          await sida('Månadsansökan med fel');
          await page.getByLabel('Hyra eller avgift för bostaden').fill('6480');
          await page.getByLabel('Hushållsel').fill('310');
          await page.getByLabel('Insättning 1: datum').fill('2026-11-20');
          await page.getByLabel('Insättning 1: belopp i kronor').fill('2000');
          await page.getByLabel('Insättning 1: vad var det').selectOption('lan');
          await page.getByLabel('Insättning 1: med egna ord').fill('Lånade av min bror, betalar tillbaka i januari.');
          // A document without saying what it is: asked for beside the field, nothing sent.
          await page.getByLabel('Dokument 1', { exact: true }).setInputFiles(PDF);
          await klicka(page, main.getByRole('button', { name: 'Skicka ansökan' }));
          await expect(page.getByRole('alert')).toBeVisible();
          await expect(main).toContainText('Välj vad dokumentet är.');
          await expect(page.getByLabel('Hyra eller avgift för bostaden')).toHaveValue('6480');
          await sida('Månadsansökan: dokument utan vad det är');
          // The bank statement and the rent notice, each said what it is.
          await page.getByLabel('Dokument 1', { exact: true }).setInputFiles(PDF);
          await page.getByLabel('Dokument 1: vad är det').selectOption('kontoutdrag');
          await page.getByLabel('Dokument 2', { exact: true }).setInputFiles({
            name: 'hyresavi.pdf',
            mimeType: 'application/pdf',
            buffer: require('node:fs').readFileSync(PDF),
          });
          await page.getByLabel('Dokument 2: vad är det').selectOption('hyresavi');
          await klicka(page, main.getByRole('button', { name: 'Skicka ansökan' }));
          await kvitto('Månadsansökan');
          await sida('Kvitto: månadsansökan');
          await klicka(page, main.getByRole('link', { name: 'Gå till ärendet' }));
          await expect(main).toContainText('Du ansökte om försörjningsstöd för');
          await expect(main).toContainText('Lånade av min bror');
          await expect(main).toContainText('Skickat med: kontoutdrag.pdf');
          await expect(main).toContainText('hyresavi.pdf');
          await sida('Ärendet efter månadsansökan');
        });

        await test.step('planen mot egen försörjning: läsa och svara, först utan att säga vad', async () => {
          await klicka(page, main.getByRole('link', { name: 'Läs din plan och säg vad du tycker' }).first());
          await expect(h1).toHaveText('Din plan mot egen försörjning');
          await expect(main).toContainText('Det du gör');
          await expect(main).toContainText('Det socialtjänsten gör');
          await sida('Planen');
          await page.getByLabel('Nej, inte om allt.').check();
          await klicka(page, main.getByRole('button', { name: 'Skicka ditt svar' }));
          await expect(page.getByRole('alert')).toContainText('Skriv vad du tycker ska ändras i planen.');
          await sida('Planen med fel');
          await page.getByLabel('Vad tycker du?').fill('Jag vill börja med praktiken innan Rusta och matcha.');
          await klicka(page, main.getByRole('button', { name: 'Skicka ditt svar' }));
          await kvitto('Ditt svar på planen');
          await sida('Kvitto: svar på planen');
          await klicka(page, main.getByRole('link', { name: 'Gå till ärendet' }));
          await expect(main).toContainText('Du svarade på planen');
        });

        await test.step('läsa beslutet och skälen', async () => {
          await klicka(page, meny.getByRole('link', { name: 'Mina ärenden' }));
          await klicka(page, main.getByRole('link', { name: 'Ekonomiskt bistånd – livsföring i övrigt' }));
          await expect(h1).toHaveText('Ekonomiskt bistånd – livsföring i övrigt');
          await expect(main).toContainText('Vill du överklaga beslutet? Gör det senast');
          await sida('Ärendet med beslutet');
          await klicka(page, main.getByRole('link', { name: /avslag$/i }));
          await expect(h1).toContainText('Ekonomiskt bistånd – livsföring i övrigt');
          await expect(main.locator('.motivering')).toContainText('sparade pengar');
          await expect(main).toContainText('Sista dag att överklaga är');
          // The letter as sent, a PDF from the personakt.
          const brev = main.getByRole('link', { name: 'Öppna beslutsbrevet (PDF)' });
          const href = await brev.getAttribute('href');
          const svar = await page.request.get(`${bas()}${href}`);
          expect(svar.status()).toBe(200);
          expect((await svar.body()).subarray(0, 5).toString()).toBe('%PDF-');
          await sida('Beslutet');
        });

        await test.step('överklaga: först tomt, felen länkar till fälten', async () => {
          await klicka(page, main.getByRole('link', { name: 'Överklaga beslutet' }));
          await expect(h1).toHaveText('Överklaga beslutet');
          await sida('Överklaga');
          await klicka(page, main.getByRole('button', { name: 'Skicka överklagandet' }));
          const ruta = page.getByRole('alert');
          await expect(ruta).toContainText('Något behöver rättas');
          const lankar = ruta.getByRole('link');
          await expect(lankar).toHaveText([
            'Skriv hur du vill att beslutet ska ändras.',
            'Skriv varför du tycker att beslutet är fel.',
          ]);
          await expect(lankar.nth(0)).toHaveAttribute('href', '#andring');
          await expect(lankar.nth(1)).toHaveAttribute('href', '#skal');
          await expect(page.getByLabel('Hur vill du att beslutet ska ändras?')).toHaveAttribute('id', 'andring');
          await expect(page.getByLabel('Varför tycker du att beslutet är fel?')).toHaveAttribute('id', 'skal');
          await sida('Överklaga: fel');

          // By keyboard: the summary of errors has the focus on arrival, the first Tab is its
          // first error, and Enter from it leads into its field.
          await expect(ruta).toBeFocused();
          await page.keyboard.press('Tab');
          await expect(lankar.nth(0)).toBeFocused();
          await page.keyboard.press('Enter');
          await expect(page.getByLabel('Hur vill du att beslutet ska ändras?')).toBeFocused();
          await page.keyboard.type('Jag vill få bistånd till sängen, 4 900 kr.');
          await lankar.nth(1).click();
          await expect(page.getByLabel('Varför tycker du att beslutet är fel?')).toBeFocused();
          await page.keyboard.type(
            'Sparpengarna är till resan till min mamma, som är sjuk. Jag sover på golvet och har ont i ryggen.',
          );
          await klicka(page, main.getByRole('button', { name: 'Skicka överklagandet' }));
          await kvitto('Överklagande');
          await sida('Kvitto: överklagande');
        });

        await test.step('beslutet visar att överklagandet har kommit in', async () => {
          await klicka(page, main.getByRole('link', { name: 'Gå till ärendet' }));
          await klicka(page, main.getByRole('link', { name: /avslag$/i }));
          await expect(main).toContainText('Ditt överklagande kom in');
          await expect(main.getByRole('link', { name: 'Överklaga beslutet' })).toHaveCount(0);
          await sida('Beslutet, överklagat');
        });

        await test.step('ingen sida på Mina sidor rullar i sidled', async () => {
          // Every Mina sidor page the person can reach from the overview, one link away or
          // more: each is checked by sida() above (axe, and no sideways scrolling).
          /** @type {Set<string>} */
          const sedda = new Set();
          const ko = ['/mina-sidor'];
          while (ko.length > 0) {
            const url = ko.shift() || '';
            if (sedda.has(url)) continue;
            sedda.add(url);
            await page.goto(`${bas()}${url}`);
            await sida(`Genomgång: ${url}`);
            const lankar = await page.$$eval('a[href^="/mina-sidor"]', (as) =>
              as.map((a) => (a.getAttribute('href') || '').split('#')[0]),
            );
            for (const l of lankar) {
              if (!/^\/mina-sidor\/(dokument|sprak|logga-in\/eid|logga-ut)/.test(l) && !sedda.has(l)) {
                ko.push(l);
              }
            }
          }
          expect(sedda.size, 'genomgången hittade sidorna').toBeGreaterThan(10);
        });
      } finally {
        expect.soft(bredd, `Sidan går att skrolla i sidled:\n${bredd.join('\n')}`).toEqual([]);
        g.krav();
      }
    });
  });
}
