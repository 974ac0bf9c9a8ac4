// @ts-check
// A handläggare's everyday, issue 20 in the browser: a long text saved as a draft, the
// warning before the session ends and the text that is not lost when it does; an ansökan
// registered twice is caught; a bevakning on the start page leads to its step; a colleague
// of the same enhet stands in and reads the case from its summary. axe-core (WCAG 2.1
// A/AA), a screenshot and the first-Tab-stop check on every page, the warning dialog too.
const { test, expect } = require('@playwright/test');
const { Granskare } = require('../lib/granskning');
const { personnummer } = require('../lib/personnummer');
const { startaLots } = require('../lib/server');

const LOSENORD = 'demo1234';
// The short-lived server's idle limit: the warning comes a third of it before the end.
const TOMGANG_S = 30;

function delad() {
  const url = process.env.LOTS_URL;
  if (!url) throw new Error('LOTS_URL saknas: global-setup.js har inte startat lots');
  return url;
}

function esc(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A field by its visible label; a required field's label ends in "(måste fyllas i)".
 * @param {import('@playwright/test').Locator} omr
 * @param {string} etikett
 */
function falt(omr, etikett) {
  return omr.getByLabel(new RegExp(`^${esc(etikett)}(\\s*\\(måste fyllas i\\))?$`));
}

/**
 * @param {import('@playwright/test').Locator} omr
 * @param {string} rubrik
 */
function grupp(omr, rubrik) {
  return omr.getByRole('group', { name: new RegExp(`^${esc(rubrik)}(\\s*\\(måste fyllas i\\))?$`) });
}

/**
 * Clicks and waits for the page that answers.
 * @param {import('@playwright/test').Page} page
 * @param {import('@playwright/test').Locator} knapp
 */
async function klicka(page, knapp) {
  await Promise.all([page.waitForEvent('framenavigated', (f) => f === page.mainFrame()), knapp.click()]);
  await page.waitForLoadState('load');
}

/** The error texts a form page shows, for a readable failure. */
async function felen(page) {
  const t = await page.locator('main .felruta, main .faltfel').allInnerTexts();
  return t.map((x) => x.replace(/\s+/g, ' ').trim()).join(' | ') || '(inget felmeddelande)';
}

/**
 * Logs in on the login page shown now.
 * @param {import('@playwright/test').Page} page
 * @param {string} anvandare
 */
async function fyllInloggning(page, anvandare) {
  await page.getByLabel('Användarnamn').fill(anvandare);
  await page.getByLabel('Lösenord').fill(LOSENORD);
  await klicka(page, page.getByRole('button', { name: 'Logga in' }));
}

/**
 * @param {import('@playwright/test').Page} page
 * @param {string} bas
 * @param {string} anvandare
 */
async function loggaIn(page, bas, anvandare) {
  await page.context().clearCookies();
  await page.goto(`${bas}/logga-in`);
  await fyllInloggning(page, anvandare);
  await expect(page).toHaveURL(/\/(uppdrag)?$/);
}

/**
 * The cases the start page links to (not the bevakningar's links to their steps).
 * @param {import('@playwright/test').Page} page
 */
async function arendenPaStart(page) {
  const hrefs = await page.locator('main a[href^="/arenden/"]').evaluateAll((a) => a.map((x) => x.getAttribute('href') || ''));
  return [...new Set(hrefs.map((h) => h.match(/^\/arenden\/[^/?#]+$/)?.[0] || '').filter((h) => h))];
}

test('vardag: utkast och utloggning mitt i en text, dubblett, bevakning och vikarie', async ({ page }) => {
  test.setTimeout(360_000);
  const g = new Granskare(page, 'vardag');
  const h1 = page.getByRole('heading', { level: 1 });
  const main = page.locator('main');
  const formular = page.locator('main form.formular');
  try {
    // (a) On a server of its own whose sessions end after half a minute without a request.
    const kort = await startaLots({ miljo: { LOTS_TOMGANG_SEKUNDER: String(TOMGANG_S) } });
    try {
      const bas = kort.url;
      const utkast = 'Samtal med personen om boendet. Hen vill bo kvar men behöver stöd med ekonomin.';
      const tillagg = ' Vi bokar ett nytt samtal nästa vecka.';
      let steg = '';

      await test.step('ett utkast till journalanteckningen sparas och återställs', async () => {
        await loggaIn(page, bas, 'handlaggare');
        const arenden = await arendenPaStart(page);
        expect(arenden.length, 'handläggaren har ärenden').toBeGreaterThan(0);
        steg = `${bas}${arenden[0]}/steg/journal`;
        await page.goto(steg);
        await expect(h1).toContainText('Skriv journalanteckning');
        await g.sida('Journalanteckning');
        await falt(formular, 'Anteckning').fill(utkast);
        await klicka(page, formular.getByRole('button', { name: 'Spara utkast' }));
        await expect(page.getByRole('status')).toContainText('Utkastet är sparat');
        await expect(falt(formular, 'Anteckning')).toHaveValue(utkast);
        await g.sida('Journalanteckning: utkastet sparat');
        // Opened afresh, the form offers the draft.
        await page.goto(steg);
        const ruta = main.getByRole('region', { name: /^Du har ett utkast sparat/ });
        await expect(ruta).toBeVisible();
        await expect(falt(formular, 'Anteckning')).toHaveValue('');
        await g.sida('Journalanteckning: ett utkast finns');
        await klicka(page, ruta.getByRole('button', { name: /^Återställ utkastet/ }));
        await expect(page.getByRole('status')).toContainText('är återställt');
        await expect(falt(formular, 'Anteckning')).toHaveValue(utkast);
        await g.sida('Journalanteckning: utkastet återställt');
      });

      await test.step('varningen innan inloggningen går ut, och att stanna kvar', async () => {
        const textruta = falt(formular, 'Anteckning');
        await textruta.focus();
        await textruta.press('ControlOrMeta+End');
        const varning = page.getByRole('dialog', { name: 'Du loggas snart ut' });
        await expect(varning).toBeVisible({ timeout: TOMGANG_S * 1000 });
        await expect(varning).toContainText(/loggas ut kl\. \d\d:\d\d/);
        await expect(varning.getByRole('button', { name: 'Fortsätt vara inloggad' })).toBeFocused();
        await g.sida('Varning: du loggas snart ut');
        await varning.getByRole('button', { name: 'Fortsätt vara inloggad' }).click();
        await expect(varning).toBeHidden();
        // Back where the text was being written, and the session lives on.
        await expect(textruta).toBeFocused();
        const svar = await page.request.get(`${bas}/session/kvar`);
        expect((await svar.json()).kvar).toBeGreaterThan(TOMGANG_S - 5);
      });

      await test.step('inloggningen går ut mitt i texten, och texten kommer tillbaka', async () => {
        // Writing on where the caret was before the warning; typing is no request, so the
        // session still ends.
        await page.keyboard.type(tillagg);
        await expect(falt(formular, 'Anteckning')).toHaveValue(utkast + tillagg);
        // Nothing more is done: first the warning, then the word that the session has ended.
        const ute = page.getByRole('dialog', { name: 'Du har loggats ut' });
        await expect(ute).toBeVisible({ timeout: (TOMGANG_S + 15) * 1000 });
        await expect(ute).toContainText('Det du har skrivit finns kvar på sidan');
        await g.sida('Varning: du har loggats ut');
        await ute.getByRole('button', { name: 'Stäng' }).click();
        await expect(ute).toBeHidden();
        await expect(falt(formular, 'Anteckning')).toHaveValue(utkast + tillagg);
        // Saving now keeps the form for its writer and asks for a new login.
        await klicka(page, formular.getByRole('button', { name: 'Spara', exact: true }));
        await expect(page).toHaveURL(`${bas}/logga-in?sparat=1`);
        await expect(page.getByRole('status')).toContainText('det du skrev är sparat');
        await g.sida('Logga in: det du skrev är sparat');
        await fyllInloggning(page, 'handlaggare');
        await expect(page).toHaveURL(`${bas}/sparade-formular`);
        await expect(h1).toHaveText('Sparade formulär och utkast');
        await expect(main).toContainText(utkast + tillagg);
        await g.sida('Sparade formulär och utkast');
        await klicka(page, main.getByRole('link', { name: 'Fortsätt med formuläret' }));
        await expect(h1).toContainText('Skriv journalanteckning');
        await expect(main).toContainText('Det du skrev innan du blev utloggad är tillbaka');
        await expect(falt(formular, 'Anteckning')).toHaveValue(utkast + tillagg);
        await g.sida('Journalanteckning: tillbaka efter inloggningen');
        await klicka(page, formular.getByRole('button', { name: 'Spara', exact: true }));
        expect(page.url(), await felen(page)).toBe(steg.replace(/\/steg\/journal$/, ''));
        await expect(main).toContainText(utkast + tillagg);
        // The step was taken from the draft: the draft is gone.
        await page.goto(`${bas}/sparade-formular`);
        await expect(main).toContainText('Du har inga sparade utkast.');
      });
    } finally {
      await kort.stoppa();
    }

    // (b)–(d) On the shared server, with the usual half-hour sessions.
    const bas = delad();
    const efternamn = `Dubblettsson-${Date.now().toString(36)}`;
    let person = '';

    await test.step('en ansökan som redan finns fångas', async () => {
      await loggaIn(page, bas, 'handlaggare');
      await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Sök person' }).click();
      await main.getByRole('link', { name: 'Registrera en ny person' }).click();
      await expect(h1).toHaveText('Registrera person');
      await grupp(formular, 'Typ av nummer').getByLabel('Personnummer eller samordningsnummer', { exact: true }).check();
      await falt(formular, 'Nummer').fill(personnummer());
      await falt(formular, 'Förnamn').fill('Dan');
      await falt(formular, 'Efternamn').fill(efternamn);
      await klicka(page, formular.getByRole('button', { name: 'Registrera' }));
      expect(page.url(), await felen(page)).toMatch(/\/personer\/[^/]+$/);
      person = page.url();
      const ansok = async () => {
        await page.goto(`${person}/arenden/nytt?typ=ansokan`);
        await expect(h1).toHaveText('Registrera ansökan');
      };
      await ansok();
      await falt(formular, 'Inkom').fill(new Date().toISOString().slice(0, 10));
      await grupp(formular, 'Hur kom det in?').getByLabel('Besök', { exact: true }).check();
      await grupp(formular, 'Vad ansöker personen om?').getByLabel('Stöd i boendet', { exact: true }).check();
      await falt(formular, 'Ansökan med personens egna ord').fill('Dan vill ha stöd i boendet.');
      await klicka(page, formular.getByRole('button', { name: 'Spara', exact: true }));
      expect(page.url(), await felen(page)).toMatch(/\/arenden\/[^/]+$/);
      // The same again: the form says at once that an open case may be where it belongs.
      await ansok();
      const varning = main.getByRole('region', { name: /Personen har redan ett öppet ärende/ });
      await expect(varning).toBeVisible();
      await g.sida('Registrera ansökan: ett öppet ärende finns');
      await falt(formular, 'Inkom').fill(new Date().toISOString().slice(0, 10));
      await grupp(formular, 'Hur kom det in?').getByLabel('Besök', { exact: true }).check();
      await grupp(formular, 'Vad ansöker personen om?').getByLabel('Stöd i boendet', { exact: true }).check();
      await falt(formular, 'Ansökan med personens egna ord').fill('Dan vill ha stöd i boendet, igen.');
      await klicka(page, formular.getByRole('button', { name: 'Spara', exact: true }));
      // Not stored: the form is back with the warning, until "register anyway" is ticked.
      await expect(page).toHaveURL(/\/arenden\/nytt\?typ=ansokan$/);
      await expect(varning).toBeVisible();
      await g.sida('Registrera ansökan: varnad igen');
    });

    await test.step('en bevakning på startsidan leder till sitt steg', async () => {
      await page.goto(`${bas}/`);
      const lank = main.locator('a[href*="/bevakning?typ="]').first();
      await expect(lank, 'en bevakning för i dag eller försenad').toBeVisible();
      const namn = ((await lank.textContent()) || '').trim();
      const href = (await lank.getAttribute('href')) || '';
      const arende = href.match(/^\/arenden\/[^/?#]+/)?.[0] || '';
      await klicka(page, lank);
      // The bevakning's step, on the case it belongs to.
      expect(page.url(), `${namn}: ${href}`).toContain(`${bas}${arende}/steg/`);
      await expect(h1).toBeVisible();
      await expect(main.locator('form.formular')).toBeVisible();
      await g.sida('Bevakningens steg');
    });

    let arende = '';
    await test.step('en kollega på enheten tar över och läser ärendet från sammanfattningen', async () => {
      await page.goto(`${bas}/`);
      const arenden = await arendenPaStart(page);
      expect(arenden.length).toBeGreaterThan(0);
      arende = arenden[0];
      await loggaIn(page, bas, 'pernilla.nyberg');
      await page.goto(`${bas}${arende}`);
      // A case of the enhet: open to her without a reason, and not hers.
      await expect(page).toHaveURL(`${bas}${arende}`);
      await klicka(page, main.getByRole('link', { name: 'Sammanfattning för den som tar över' }));
      await expect(h1).toHaveText('Sammanfattning för den som tar över');
      await expect(main.getByRole('heading', { level: 2 }).first()).toBeVisible();
      await g.sida('Sammanfattning för den som tar över');
      await klicka(page, main.getByRole('link', { name: 'Tillbaka till ärendet' }));
      await expect(page).toHaveURL(`${bas}${arende}`);
      await g.sida('Ärendet, läst av en kollega');
    });
  } finally {
    g.krav();
  }
});
