//! Page handlers.

pub mod admin;
pub mod akt;
pub mod arende;
pub mod delegation;
pub mod enhet;
pub mod fakturor;
pub mod formular;
pub mod fullmakt;
pub mod klagomal;
pub mod konto;
pub mod loggkontroll;
pub mod mottagning;
pub mod mottagning_steg;
pub mod namnd;
pub mod oppen_uppfoljning;
pub mod oppna_insatser;
pub mod partsinsyn;
pub mod person;
pub mod rapporter;
pub mod registerutdrag;
pub mod riksnorm;
pub mod sammanfattning;
pub mod start;
pub mod steg;
pub mod textblock;
pub mod uppdrag;
pub mod utbetalningar;
pub mod utforare;

use crate::formular::FaltFel;
use lots_store::{ArendeRad, Granskningspost, Person};

use crate::auth::Inloggad;
use crate::formular::Formular;

/// What the layout needs on every page.
pub struct Sida {
    pub namn: String,
    pub roll: &'static str,
    pub csrf: String,
    /// The menu: only the pages the user's role reaches, (href, text's message id).
    pub meny: Vec<(&'static str, &'static str)>,
    /// Compact density: tighter tables and the whole width of a wide screen.
    pub kompakt: bool,
    /// Seconds the session lives without another request, and how many before that the
    /// page's script warns (`static/session.js`).
    pub kvar: i64,
    pub varna: i64,
}

impl Sida {
    pub fn av(i: &Inloggad) -> Self {
        use crate::policy::{Atgard, far};
        let a = &i.anvandare;
        let mut meny = vec![];
        for (h, href, text) in [
            (Atgard::Arbetsyta, "/", "meny-start"),
            // The user's drafts of the steps' long texts, and forms kept across a logout.
            (Atgard::Arbetsyta, "/sparade-formular", "meny-utkast"),
            (Atgard::Enhetsoversikt, "/enhet", "meny-enhet"),
            (Atgard::SokaPerson, "/personer/sok", "meny-sok"),
            (Atgard::Rapporter, "/rapporter", "meny-rapporter"),
            (Atgard::LasaTextblock, "/textblock", "meny-textblock"),
            (Atgard::KlagomalLista, "/klagomal", "meny-klagomal"),
            (Atgard::LasaUtforare, "/utforare", "meny-utforare"),
            (Atgard::Arbetsyta, "/avvikelser", "meny-avvikelser"),
            (Atgard::Mottagning, "/mottagning", "meny-mottagning"),
            (
                Atgard::LasaOppnaInsatser,
                "/oppna-insatser",
                "meny-oppna-insatser",
            ),
            (
                Atgard::HanteraUtbetalningar,
                "/utbetalningar",
                "meny-utbetalningar",
            ),
            (
                Atgard::LasaDelegation,
                "/delegationsordning",
                "meny-delegationsordning",
            ),
            (
                Atgard::AdministreraAnvandare,
                "/admin/anvandare",
                "meny-anvandare",
            ),
            (
                Atgard::SeBehorighetsbegaran,
                "/behorigheter",
                "meny-behorigheter",
            ),
            (Atgard::Loggkontroll, "/loggkontroll", "meny-loggkontroll"),
        ] {
            if far(a, h) {
                meny.push((href, text));
            }
        }
        let uppdrag = Atgard::LasaUppdrag {
            utforare: a.enhet,
            skyddad: false,
        };
        if far(a, uppdrag) {
            meny.push(("/uppdrag", "meny-uppdrag"));
        }
        Self {
            namn: a.namn.clone(),
            roll: a.roll.namn(),
            csrf: i.csrf.clone(),
            meny,
            kompakt: i.kompakt,
            kvar: i.kvar.whole_seconds(),
            varna: i.varning_fore.whole_seconds(),
        }
    }
}

/// The audit row for a case shown to the user, flagged when it is outside their
/// own cases and enhet (loggkontroll finds those).
pub fn arendepost(i: &Inloggad, handling: &str, r: &ArendeRad) -> Granskningspost {
    let resurs = crate::policy::ArendeResurs::av(r);
    Granskningspost::ny(handling)
        .person(r.person, r.person_skyddad)
        .arende(r.id)
        .utanfor(crate::policy::utanfor(&i.anvandare, &resurs))
}

/// The audit row for a person shown to the user.
pub fn personpost(handling: &str, p: &Person) -> Granskningspost {
    Granskningspost::ny(handling).person(p.id, p.skyddad)
}

/// The form has the kommun's text blocks with their own button (`falt.html`, type
/// "textblock"): the form's own button then comes first, hidden, so that Enter in a field
/// takes the step rather than inserting a block (the first submit button is the default).
pub fn har_textblock(falt: &[Falt]) -> bool {
    falt.iter().any(|f| f.typ == "textblock")
}

pub struct Alternativ {
    pub varde: String,
    pub text: String,
    pub vald: bool,
}

/// One field of a generic form (templates/falt.html).
pub struct Falt {
    pub namn: &'static str,
    pub etikett: String,
    /// text, date, time, textarea, select, radio, checkbox, checkboxes, file
    pub typ: &'static str,
    pub hjalp: String,
    pub kravs: bool,
    pub varde: String,
    pub alternativ: Vec<Alternativ>,
    pub fel: Option<String>,
}

impl Falt {
    fn ny(namn: &'static str, etikett: &str, typ: &'static str) -> Self {
        Self {
            namn,
            etikett: etikett.into(),
            typ,
            hjalp: String::new(),
            kravs: false,
            varde: String::new(),
            alternativ: vec![],
            fel: None,
        }
    }
    pub fn text(namn: &'static str, etikett: &str) -> Self {
        Self::ny(namn, etikett, "text")
    }
    pub fn textarea(namn: &'static str, etikett: &str) -> Self {
        Self::ny(namn, etikett, "textarea")
    }
    pub fn datum(namn: &'static str, etikett: &str) -> Self {
        Self::ny(namn, etikett, "date")
    }
    pub fn klockslag(namn: &'static str, etikett: &str) -> Self {
        Self::ny(namn, etikett, "time")
    }
    pub fn kryss(namn: &'static str, etikett: &str) -> Self {
        Self::ny(namn, etikett, "checkbox")
    }
    pub fn fil(namn: &'static str, etikett: &str) -> Self {
        Self::ny(namn, etikett, "file")
    }
    pub fn val<I: IntoIterator<Item = (String, String)>>(
        namn: &'static str,
        etikett: &str,
        typ: &'static str,
        alt: I,
    ) -> Self {
        let mut f = Self::ny(namn, etikett, typ);
        f.alternativ = alt
            .into_iter()
            .map(|(varde, text)| Alternativ {
                varde,
                text,
                vald: false,
            })
            .collect();
        f
    }
    pub fn kravs(mut self) -> Self {
        self.kravs = true;
        self
    }
    pub fn hjalp(mut self, t: &str) -> Self {
        self.hjalp = t.into();
        self
    }
    /// A default value, shown until the user submits something else.
    pub fn varde(mut self, v: impl ToString) -> Self {
        self.satt_varde(&[v.to_string()]);
        self
    }
    /// Sets the field's values (several for checkboxes), as if submitted.
    pub fn satt_varden(&mut self, varden: &[String]) {
        self.satt_varde(varden);
    }
    fn satt_varde(&mut self, varden: &[String]) {
        self.varde = varden.first().cloned().unwrap_or_default();
        for a in &mut self.alternativ {
            a.vald = varden.contains(&a.varde);
        }
    }
}

/// Fills fields with what was submitted and places each error beside its field.
/// Returns the errors in form order for the summary at the top: (anchor, text).
pub fn fyll(falt: &mut [Falt], f: &Formular, fel: &[FaltFel]) -> Vec<(String, String)> {
    for x in falt.iter_mut() {
        // A chosen file is never sent back to the browser; its error is.
        if x.typ != "file" {
            let varden: Vec<String> = f.alla(x.namn).into_iter().map(str::to_owned).collect();
            x.satt_varde(&varden);
        }
        x.fel = fel
            .iter()
            .find(|e| e.falt == x.namn)
            .map(|e| e.text.clone());
    }
    let mut sammanfattning: Vec<(String, String)> = vec![];
    for x in falt.iter() {
        if let Some(t) = &x.fel {
            sammanfattning.push((x.namn.to_string(), t.clone()));
        }
    }
    for e in fel {
        if !falt.iter().any(|x| x.namn == e.falt) {
            sammanfattning.push(("innehall".into(), e.text.clone()));
        }
    }
    sammanfattning
}
