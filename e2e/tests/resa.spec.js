// @ts-check
// A handläggare's whole journey through the real pages, from a new person to a
// closed case, with axe-core (WCAG 2.1 A/AA), a screenshot and a first-Tab-stop
// check on every page on the way; and a keyboard-only test.
const path = require('node:path');
const { test, expect } = require('@playwright/test');
const { Granskare, SKARMBILDER } = require('../lib/granskning');
const { personnummer } = require('../lib/personnummer');
const { idag, tidslinje } = require('../lib/datum');

// A demo login (lots serve --demo).
const ANVANDARE = 'handlaggare';
const LOSENORD = 'demo1234';
// Day n of the case: day 0 is a Monday about eight months ago, the last step
// (day 212) is at least four weeks before today.
const dag = tidslinje(240);

function bas() {
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
 * A group of radio buttons or check boxes by its legend.
 * @param {import('@playwright/test').Locator} omr
 * @param {string} rubrik
 */
function grupp(omr, rubrik) {
  return omr.getByRole('group', { name: new RegExp(`^${esc(rubrik)}(\\s*\\(måste fyllas i\\))?$`) });
}

/**
 * Submits the form in <main> and waits for the page that answers.
 * @param {import('@playwright/test').Page} page
 * @param {string} knapp
 */
async function skicka(page, knapp) {
  await Promise.all([
    page.waitForEvent('framenavigated', (f) => f === page.mainFrame()),
    page.locator('main form').getByRole('button', { name: knapp, exact: true }).click(),
  ]);
  await page.waitForLoadState('load');
}

/** The error texts a form page shows, for a readable failure. */
async function felen(page) {
  const t = await page.locator('main .felruta, main .faltfel').allInnerTexts();
  return t.map((x) => x.replace(/\s+/g, ' ').trim()).join(' | ') || '(inget felmeddelande)';
}

async function loggaIn(page, g) {
  await page.goto(`${bas()}/logga-in`);
  await expect(page.getByRole('heading', { level: 1, name: 'Logga in' })).toBeVisible();
  await g.sida('Logga in');
  await page.getByLabel('Användarnamn').fill(ANVANDARE);
  await page.getByLabel('Lösenord').fill(LOSENORD);
  await Promise.all([
    page.waitForURL(`${bas()}/`),
    page.getByRole('button', { name: 'Logga in' }).click(),
  ]);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Hej');
}

test('handläggare: ny person, ansökan, utredning, beslut, insats, uppföljning och avslut', async ({ page }) => {
  const g = new Granskare(page, 'resa');
  expect(dag(228) < idag(), 'alla datum i resan ligger före i dag').toBe(true);
  try {
    const h1 = page.getByRole('heading', { level: 1 });
    const main = page.locator('main');
    const formular = page.locator('main form');
    let arendeUrl = '';

    await test.step('logga in', async () => {
      await loggaIn(page, g);
      await g.sida('Start');
    });

    const fornamn = 'Elin';
    const efternamn = `Provsdotter-${Date.now().toString(36)}`;
    let pnr = '';

    await test.step('sök personen och se att hon inte finns', async () => {
      await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Sök person' }).click();
      await expect(h1).toHaveText('Sök person');
      await g.sida('Sök person');
      for (let forsok = 0; ; forsok++) {
        pnr = personnummer();
        await falt(main, 'Personnummer, samordningsnummer, reservnummer eller namn').fill(pnr);
        await skicka(page, 'Sök');
        await expect(page.getByRole('heading', { name: 'Träffar' })).toBeVisible();
        if (await page.getByText('Ingen person hittades.').isVisible()) break;
        expect(forsok, 'fem slumpade personnummer fanns redan').toBeLessThan(5);
      }
      await g.sida('Sök person: ingen träff');
    });

    await test.step('registrera personen', async () => {
      await main.getByRole('link', { name: 'Registrera en ny person' }).click();
      await expect(h1).toHaveText('Registrera person');
      await g.sida('Registrera person');
      await grupp(formular, 'Typ av nummer').getByLabel('Personnummer eller samordningsnummer', { exact: true }).check();
      await falt(formular, 'Nummer').fill(pnr);
      await falt(formular, 'Förnamn').fill(fornamn);
      await falt(formular, 'Efternamn').fill(efternamn);
      await falt(formular, 'Adress').fill('Storgatan 1, 123 45 Lotsby');
      await skicka(page, 'Registrera');
      expect(page.url(), await felen(page)).toMatch(/\/personer\/[^/]+$/);
      await expect(h1).toHaveText(`${fornamn} ${efternamn}`);
      await expect(main.getByText('Personen har inga ärenden som du har tillgång till.')).toBeVisible();
      await g.sida('Personen');
    });

    await test.step('registrera en ansökan', async () => {
      await main.getByRole('link', { name: 'Registrera nytt ärende' }).click();
      await expect(page).toHaveURL(/\/personer\/[^/]+\/arenden\/nytt/);
      await g.sida('Registrera nytt ärende');
      await page.getByRole('navigation', { name: 'Vad har kommit in?' }).getByRole('link', { name: 'Ansökan', exact: true }).click();
      await expect(page).toHaveURL(/\/arenden\/nytt\?typ=ansokan$/);
      await expect(h1).toHaveText('Registrera ansökan');
      await g.sida('Registrera ansökan');
      await falt(formular, 'Inkom').fill(dag(0));
      await grupp(formular, 'Hur kom det in?').getByLabel('Besök', { exact: true }).check();
      await grupp(formular, 'Vad ansöker personen om?').getByLabel('Stöd i boendet', { exact: true }).check();
      await falt(formular, 'Ansökan med personens egna ord').fill(
        'Elin berättade vid besöket att hon behöver stöd i vardagen hemma. Uppgifterna lämnades av Elin själv.',
      );
      await expect(falt(formular, 'Enhet som ska handlägga')).toBeVisible();
      await expect(falt(formular, 'Handläggare')).toBeVisible();
      await skicka(page, 'Spara');
      expect(page.url(), await felen(page)).toMatch(/\/arenden\/[^/]+$/);
      arendeUrl = page.url();
      await expect(h1).toContainText(`Ansökan – ${fornamn} ${efternamn}`);
      await g.sida('Ärendet: ansökan registrerad');
    });

    /**
     * Opens a step from "Vad du kan göra nu", checks the form, fills it, saves,
     * and checks the case page that follows.
     * @param {string} lank the step's link text
     * @param {(f: import('@playwright/test').Locator) => Promise<void>} fyll
     * @param {{knapp?: string, status?: string, innan?: () => Promise<void>}} [val]
     */
    async function steg(lank, fyll, val = {}) {
      await test.step(lank, async () => {
        await expect(page).toHaveURL(arendeUrl);
        await page.getByRole('region', { name: 'Vad du kan göra nu' }).getByRole('link', { name: lank, exact: true }).click();
        await expect(h1).toContainText(lank);
        await expect(main.locator('.felruta')).toHaveCount(0);
        await g.sida(`Formulär: ${lank}`);
        if (val.innan) await val.innan();
        await fyll(formular);
        await skicka(page, val.knapp || 'Spara');
        expect(page.url(), `${lank} sparades inte: ${await felen(page)}`).toBe(arendeUrl);
        if (val.status) {
          await expect(main.locator('dl.fakta').first()).toContainText(val.status);
        }
        await g.sida(`Ärendet efter: ${lank}`);
      });
    }

    await steg('Inled utredning', async (f) => {
      await falt(f, 'Datum').fill(dag(1));
    }, { status: 'Utredning pågår' });

    await steg('Registrera den enskildes synpunkter och mål', async (f) => {
      await falt(f, 'Datum').fill(dag(8));
      await falt(f, 'Den enskildes egen syn på sin situation').fill('Elin tycker att det är svårt att få ordning på dagarna.');
      await falt(f, 'Den enskildes egna mål').fill('Att klara tvätt, städning och inköp själv.');
    });

    // The grundutredning per life area, and an instrument scored by Lots (issue 16).
    await steg('Skriv ett livsområde i utredningen', async (f) => {
      await falt(f, 'Datum').fill(dag(8));
      // An addiction case: the areas are ASI's.
      await grupp(f, 'Livsområde').getByLabel('Psykisk hälsa', { exact: true }).check();
      await falt(f, 'Personens egna ord').fill('Jag sover dåligt och orkar inte med disken.');
      await falt(f, 'Det som har kommit fram').fill('Nedstämd sedan i våras. Ingen kontakt med psykiatrin.');
      await falt(f, 'Personens mål i området').fill('Få hjälp att sova.');
    });
    await expect(main).toContainText('Utredning, psykisk hälsa');

    await steg('Registrera bedömningsinstrument', async (f) => {
      await falt(f, 'Datum').fill(dag(8));
      await grupp(f, 'Instrument').getByLabel('AUDIT', { exact: true }).check();
      // One choice per item, with the answers the item allows.
      for (let n = 1; n <= 10; n++) {
        await f.getByLabel(new RegExp(`^Fråga ${n}: `)).selectOption(n <= 2 ? '1' : '0');
      }
      await grupp(f, 'Samtycke').getByRole('checkbox').check();
    });
    await expect(main).toContainText('AUDIT 2 av 40');

    await steg('Skriv journalanteckning', async (f) => {
      await falt(f, 'Datum').fill(dag(9));
      await falt(f, 'Anteckning').fill('Hembesök hos Elin. Hon visade hur hon har det hemma.');
    }, {
      // First a save without text, to check the form with its errors too.
      innan: async () => {
        await falt(formular, 'Anteckning').fill('');
        await skicka(page, 'Spara');
        await expect(page.getByRole('heading', { name: 'Uppgifterna behöver rättas' })).toBeVisible();
        await expect(falt(formular, 'Anteckning')).toHaveAttribute('aria-invalid', 'true');
        await g.sida('Formulär: Skriv journalanteckning, med fel');
      },
    });

    await steg('Avsluta utredningen', async (f) => {
      await falt(f, 'Datum').fill(dag(30));
    });

    await steg('Kommunicera underlag', async (f) => {
      await falt(f, 'Datum').fill(dag(31));
      await falt(f, 'Vilket material kommunicerades?').fill(`Utredningen daterad ${dag(30)}.`);
      await grupp(f, 'Hur?').getByLabel('Brev', { exact: true }).check();
      await falt(f, 'Svar senast').fill(dag(45));
    });

    await steg('Registrera svar på kommunicering', async (f) => {
      await expect(falt(f, 'Kommunicering')).toHaveValue(/.+/);
      await falt(f, 'Datum').fill(dag(39));
      await falt(f, 'Den enskildes svar').fill('Elin har läst utredningen och har inget att tillägga.');
    });

    await steg('Fatta beslut', async (f) => {
      await expect(falt(f, 'Insats')).toHaveValue('stod_i_boendet');
      await grupp(f, 'Beslut').getByLabel('Bifall', { exact: true }).check();
      await expect(falt(f, 'Lagrum')).toHaveValue(/.+/);
      await falt(f, 'Mål med insatsen').fill('Elin klarar tvätt, städning och inköp själv.');
      await falt(f, 'Omfattning och frekvens').fill('Två besök i veckan, två timmar per gång.');
      await falt(f, 'Gäller från').fill(dag(60));
      await falt(f, 'Gäller till och med').fill(dag(228));
      await falt(f, 'Motivering').fill('Elin behöver stöd för att uppnå skälig levnadsnivå (SoL).');
      await falt(f, 'Datum').fill(dag(49));
    });

    await steg('Registrera att beslutet skickats', async (f) => {
      await expect(falt(f, 'Beslut')).toHaveValue(/.+/);
      await falt(f, 'Datum').fill(dag(50));
      await grupp(f, 'Hur skickades beslutet?').getByLabel('Brev', { exact: true }).check();
      await falt(f, 'Förenklad delgivning').check();
      // DelgL 23 §: when and how Elin was told beforehand, recorded as a fact.
      await falt(f, 'Vid förenklad delgivning: när fick personen veta i förväg att den kan användas?').fill(dag(20));
    });

    await steg('Registrera att kontrollmeddelandet skickats', async (f) => {
      await expect(falt(f, 'Beslut')).toHaveValue(/.+/);
      await falt(f, 'Kontrollmeddelandet skickades').fill(dag(51));
    });

    await steg('Beställ insats från utförare', async (f) => {
      await expect(falt(f, 'Beslut')).toHaveValue(/.+/);
      // The kommun's own boendestöd: the demo also has a LOV and a procured provider, whose
      // orders ask for the person's choice and the provider's terms.
      const utforare = falt(f, 'Utförare');
      const egen = utforare.locator('option', { hasText: 'Öppenvården Lotsby' }).first();
      await utforare.selectOption((await egen.getAttribute('value')) || '');
      await expect(utforare).toHaveValue(/.+/);
      await falt(f, 'Datum').fill(dag(51));
      await falt(f, 'Uppdraget: vad utföraren behöver veta').fill('Stöd i boendet två gånger i veckan, med fokus på tvätt och inköp.');
    });

    await steg('Registrera att insatsen har börjat', async (f) => {
      await falt(f, 'Datum').fill(dag(63));
    }, { status: 'Insats pågår' });

    await steg('Registrera uppföljning', async (f) => {
      await falt(f, 'Datum').fill(dag(105));
      await grupp(f, 'Hur går det med målen?').getByLabel('Målen är delvis uppnådda', { exact: true }).check();
      await falt(f, 'Den enskildes egen bedömning').fill('Tvätten går bra, inköpen är fortfarande svåra.');
      await falt(f, 'Handläggarens kommentar').fill('Fortsätt som planerat.');
      await falt(f, 'Nästa uppföljning').fill(dag(168));
    });

    await steg('Registrera att insatsen har avslutats', async (f) => {
      await falt(f, 'Datum').fill(dag(183));
      await falt(f, 'Orsak').fill('Målen är uppnådda.');
    });

    await steg('Registrera uppföljning', async (f) => {
      await falt(f, 'Datum').fill(dag(197));
      await grupp(f, 'Hur går det med målen?').getByLabel('Målen är uppnådda', { exact: true }).check();
      await falt(f, 'Den enskildes egen bedömning').fill('Elin klarar sig själv nu.');
      await expect(falt(f, 'Nästa uppföljning')).toHaveValue('');
    });

    await steg('Avsluta ärendet', async (f) => {
      await falt(f, 'Datum').fill(dag(212));
      await grupp(f, 'Varför avslutas ärendet?').getByLabel('Målen är uppnådda', { exact: true }).check();
      await falt(f, 'Kommentar').fill('Insatsen är avslutad och målen uppnådda.');
    }, { knapp: 'Avsluta ärendet', status: 'Avslutat' });

    await test.step('ärendet är avslutat och syns hos personen', async () => {
      // Closed: no more case steps (an appeal or a journal note can still be registered).
      const oppna = page.getByRole('region', { name: 'Vad du kan göra nu' });
      for (const lank of ['Avsluta ärendet', 'Registrera uppföljning', 'Fatta beslut', 'Inled utredning']) {
        await expect(oppna.getByRole('link', { name: lank, exact: true })).toHaveCount(0);
      }
      await expect(page.getByRole('region', { name: 'Journal' })).toContainText('Hembesök hos Elin');
      await main.getByRole('link', { name: `Till ${fornamn} ${efternamn}` }).click();
      await expect(h1).toHaveText(`${fornamn} ${efternamn}`);
      await expect(page.getByRole('region', { name: 'Ärenden' })).toContainText('Avslutat');
      await g.sida('Personen med avslutat ärende');
    });
  } finally {
    g.krav();
  }
});

test('tangentbordet: skip-länken först, inloggning och sökning utan mus', async ({ page }) => {
  const g = new Granskare(page, 'tangentbord');
  try {
    await page.goto(`${bas()}/logga-in`);

    // The first Tab stop is the skip link, and it shows when focused.
    await page.keyboard.press('Tab');
    const hoppa = page.getByRole('link', { name: 'Hoppa till innehållet' });
    await expect(hoppa).toBeFocused();
    await expect(hoppa).toBeInViewport();
    await page.screenshot({ path: path.join(SKARMBILDER, 'tangentbord-00-skiplank-i-fokus.png') });

    // Enter on it moves focus to the main content.
    await page.keyboard.press('Enter');
    await expect(page.locator('main#innehall')).toBeFocused();

    // From there, Tab reaches the user name field, and the form works by keyboard alone.
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Användarnamn')).toBeFocused();
    await page.keyboard.type(ANVANDARE);
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Lösenord')).toBeFocused();
    await page.keyboard.type(LOSENORD);
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Logga in' })).toBeFocused();
    await Promise.all([page.waitForURL(`${bas()}/`), page.keyboard.press('Enter')]);
    await g.sida('Start (inloggad med tangentbordet)');

    // Tab past the skip link and the logo to the menu, and open the search by keyboard.
    const sok = page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Sök person' });
    for (let i = 0; i < 10 && !(await sok.evaluate((e) => e === document.activeElement)); i++) {
      await page.keyboard.press('Tab');
    }
    await expect(sok).toBeFocused();
    await Promise.all([page.waitForURL(/\/personer\/sok$/), page.keyboard.press('Enter')]);
    await g.sida('Sök person (tangentbordet)');
    await page.getByLabel('Personnummer, samordningsnummer, reservnummer eller namn').focus();
    await page.keyboard.type('Provsdotter');
    await Promise.all([page.waitForEvent('framenavigated'), page.keyboard.press('Enter')]);
    await expect(page.getByRole('heading', { name: 'Träffar' })).toBeVisible();
    await g.sida('Sök person: träffar (tangentbordet)');
  } finally {
    g.krav();
  }
});
