//! Who the person can reach, and how (issue 19 item 1): the enhet's phone and hours,
//! visiting address, e-mail for what is not sensitive and how to book a meeting, as the
//! systemförvaltare set them; the handläggare's name and who covers while they are away;
//! and, for an insats that is running, the provider's contact person. Shown wherever the
//! person may need it: the case, the decision, a late notice and the error pages.
//!
//! Only the names of staff are shown, never anything about another person (OSL 26 kap.
//! 1 §); the person's own handläggare's name is theirs to know (FL 9 §, the duty to help).

use lots_domain::Arende;
use lots_domain::ids::{AnvandarId, EnhetId, KommunId};
use lots_store::{Enhet, Enhetskontakt};
use time::Date;

use super::Texter;
use crate::AppState;
use crate::fel::WebFel;

/// One enhet's way in, in the person's words: (label, value) rows, and the e-mail apart
/// because it carries its warning.
pub struct Kontaktruta {
    pub rubrik: String,
    pub rader: Vec<(String, String)>,
    pub epost: Option<String>,
    /// Nothing is set: the box says how to reach the socialtjänst anyway.
    pub tom: bool,
}

impl Kontaktruta {
    pub fn ny(t: &Texter, rubrik: String, k: &Enhetskontakt) -> Self {
        let mut rader = vec![];
        if !k.kontaktperson.is_empty() {
            rader.push((t.t("kontakt-kontaktperson"), k.kontaktperson.clone()));
        }
        if !k.telefon.is_empty() {
            rader.push((t.t("kontakt-telefon"), k.telefon.clone()));
        }
        if !k.telefontider.is_empty() {
            rader.push((t.t("kontakt-telefontider"), k.telefontider.clone()));
        }
        if !k.besoksadress.is_empty() {
            rader.push((t.t("kontakt-besoksadress"), k.besoksadress.clone()));
        }
        if !k.besokstider.is_empty() {
            rader.push((t.t("kontakt-besokstider"), k.besokstider.clone()));
        }
        if !k.boka_mote.is_empty() {
            rader.push((t.t("kontakt-boka"), k.boka_mote.clone()));
        }
        Self {
            rubrik,
            rader,
            epost: (!k.epost.is_empty()).then(|| k.epost.clone()),
            tom: k.ar_tom(),
        }
    }
}

/// The box for the enhet handling a case.
pub async fn for_enhet(
    s: &AppState,
    t: &Texter,
    kommun: KommunId,
    enhet: EnhetId,
    namn: &str,
) -> Result<Kontaktruta, WebFel> {
    let k = s.store.organisation().enhetskontakt(kommun, enhet).await?;
    Ok(Kontaktruta::ny(
        t,
        t.f("kontakt-rubrik_enhet", &[("enhet", namn)]),
        &k,
    ))
}

/// Who covers for the case's handläggare today, in words: "Anna Berg har hand om ditt
/// ärende till och med 20 december 2026."
/// `anvandare` is the kommun's staff, as the case page has already read them.
pub async fn ersattare(
    s: &AppState,
    t: &Texter,
    anvandare: &[lots_store::Anvandare],
    kommun: KommunId,
    handlaggare: Option<AnvandarId>,
    idag: Date,
) -> Result<Option<String>, WebFel> {
    let Some(h) = handlaggare else {
        return Ok(None);
    };
    let Some(e) = s
        .store
        .organisation()
        .ersattare_for(kommun, h, idag)
        .await?
    else {
        return Ok(None);
    };
    let namn = |id: AnvandarId| {
        anvandare
            .iter()
            .find(|u| u.id == id)
            .map(|u| u.namn.clone())
    };
    Ok(namn(e.ersattare).map(|ersattare| {
        t.f(
            "kontakt-ersattare",
            &[
                ("namn", &ersattare),
                ("handlaggare", &namn(h).unwrap_or_default()),
                ("datum", &t.dag(e.till)),
            ],
        )
    }))
}

/// An insats that is running, as what it is: "Du får stöd i boendet sedan 3 mars 2026",
/// with the provider and how to reach its contact person.
pub struct PagaendeInsats {
    pub text: String,
    pub utforare: Option<Kontaktruta>,
}

/// The running insatser of a case: decisions in force whose carrying out has begun and
/// not ended (nor been interrupted).
pub async fn pagaende(
    s: &AppState,
    t: &Texter,
    kommun: KommunId,
    a: &Arende,
    enheter: &[Enhet],
) -> Result<Vec<PagaendeInsats>, WebFel> {
    let mut ut = vec![];
    // Several insatser are often carried out by one enhet: its contact is read once.
    let mut kontakter = std::collections::HashMap::new();
    for b in a.gallande_beslut() {
        let v = &b.verkstallighet;
        let Some(sedan) = v.ges_sedan() else {
            continue;
        };
        let utforare = match v.bestalld {
            Some((_, id)) => match enheter.iter().find(|e| e.id == id) {
                Some(e) => {
                    let k = match kontakter.get(&e.id) {
                        Some(k) => k,
                        None => {
                            let k = s.store.organisation().enhetskontakt(kommun, e.id).await?;
                            kontakter.entry(e.id).or_insert(k)
                        }
                    };
                    Some(Kontaktruta::ny(
                        t,
                        t.f("kontakt-rubrik_utforare", &[("enhet", &e.namn)]),
                        k,
                    ))
                }
                None => None,
            },
            None => None,
        };
        ut.push(PagaendeInsats {
            text: pagar_text(t, b.beslut.insats, sedan),
            utforare,
        });
    }
    Ok(ut)
}

/// "Du får stöd i boendet sedan 3 mars 2026." in the person's language.
pub fn pagar_text(t: &Texter, i: lots_domain::insats::InsatsTyp, sedan: Date) -> String {
    t.f(&format!("pagar-{}", i.kod()), &[("datum", &t.dag(sedan))])
}
