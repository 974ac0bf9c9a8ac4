//! The utförare's desk for öppna insatser (issue 17 items 2–3): the entries in force that
//! the user's enhet provides, each with a form of a few fields in the entry's privacy mode.
//! The form offers only what the mode may keep (minimal: legal sex, age band, district;
//! anonym: a count; rådgivning: a topic; full: the person and a journal entry), the store
//! writes only those, and the table's CHECK refuses anything more. The conditions are
//! checked from the catalogue (`OppenInsats::ta_emot`, `ta_emot_person`): the provider
//! does not judge, and outside them the answer says so and points to the formal route.
//!
//! In the full mode the person is found by number or registered as elsewhere in Lots;
//! the desk shows the person's visits in the service, whether they have been told they
//! may apply for bistånd (recorded once per person and service), and at the scope limit
//! the choice to end or to apply. The steps into the formal route and the orosanmälan
//! are in `mottagning_steg.rs`.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use lots_domain::identitet::Identitet;
use lots_domain::ids::{EnhetId, OppenInsatsId, PersonId};
use lots_domain::oppen_insats::{
    ANNAN_KOMMUN, Aldersgrupp, Amne, Besok, Deltagande, Integritet, Kon, Omfattning,
    Omfattningslage, TEXT_MAX_TECKEN,
};
use lots_domain::tid::svensk_dag;
use lots_store::{OppenInsatsRad, Person};
use serde::Deserialize;

use super::{Sida, personpost};
use crate::AppState;
use crate::auth::Inloggad;
use crate::fel::WebFel;
use crate::formular::Formular;
use crate::policy::{self, Atgard};
use crate::texter::t;

/// One entry at the desk, with its form's choices.
pub struct Disk {
    pub id: String,
    pub namn: String,
    /// "minimal", "anonym", "radgivning" or "full".
    pub lage: &'static str,
    pub villkor: String,
    pub idag: i64,
    pub stadsdelar: Vec<String>,
    /// The full mode asks whether the person lives in the kommun (the entry requires it).
    pub bosatt_kravs: bool,
    /// The answer to the last submit of this entry's form: registered, or refused with reasons.
    pub registrerad: bool,
    pub utanfor: Vec<String>,
    /// What was wrong with the form (not the conditions), in Swedish.
    pub fel: Vec<String>,
    /// A step from the desk just taken: the receipt's text.
    pub kvitto: Option<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "mottagning.html")]
struct Mottagning {
    sida: Sida,
    poster: Vec<Disk>,
    kon: Vec<(&'static str, &'static str)>,
    aldersgrupper: Vec<(&'static str, String)>,
    amnen: Vec<(&'static str, &'static str)>,
    annan_kommun: &'static str,
    far_uppfoljning: bool,
}

#[derive(Deserialize)]
pub struct Svar {
    registrerad: Option<String>,
    /// An ansökan or orosanmälan registered from this entry, and the enhet it went to.
    ansokan: Option<String>,
    orosanmalan: Option<String>,
    till: Option<String>,
}

/// The entries in force today that the user's enhet provides.
async fn egna(s: &AppState, i: &Inloggad) -> Result<Vec<OppenInsatsRad>, WebFel> {
    let idag = svensk_dag(s.nu());
    Ok(s.store
        .organisation()
        .oppna_insatser(i.anvandare.kommun)
        .await?
        .into_iter()
        .filter(|r| r.insats.galler(idag) && r.insats.utforare.contains(&i.anvandare.enhet))
        .collect())
}

/// What one entry's section shows after a submit.
#[derive(Default)]
struct Utfall {
    id: String,
    utanfor: Vec<String>,
    fel: Vec<String>,
    kvitto: Option<String>,
    registrerad: bool,
}

async fn sida(s: &AppState, i: &Inloggad, utfall: Option<Utfall>) -> Result<Mottagning, WebFel> {
    let idag = svensk_dag(s.nu());
    let org = s.store.organisation();
    let mut poster = vec![];
    let utfall = utfall.unwrap_or_default();
    for r in egna(s, i).await? {
        let id = r.id.to_string();
        let mut villkor = r.insats.villkor.clone();
        if r.insats.bosatt_i_kommunen {
            villkor = format!("{villkor} {}", t("oppna-villkor_bosatt"));
        }
        let idag_antal = if r.insats.integritet == Integritet::Full {
            org.fulla_besok(i.anvandare.kommun, idag, idag)
                .await?
                .iter()
                .filter(|b| b.insats == r.id && b.utforare == i.anvandare.enhet)
                .count() as i64
        } else {
            org.oppna_besok_antal(i.anvandare.kommun, r.id, i.anvandare.enhet, idag)
                .await?
        };
        let denna = utfall.id == id;
        poster.push(Disk {
            lage: r.insats.integritet.kod(),
            namn: r.insats.namn.clone(),
            villkor: villkor.trim().to_string(),
            idag: idag_antal,
            stadsdelar: r.insats.stadsdelar.clone(),
            bosatt_kravs: r.insats.bosatt_i_kommunen,
            registrerad: denna && utfall.registrerad,
            utanfor: if denna {
                utfall.utanfor.clone()
            } else {
                vec![]
            },
            fel: if denna { utfall.fel.clone() } else { vec![] },
            kvitto: if denna { utfall.kvitto.clone() } else { None },
            id,
        });
    }
    Ok(Mottagning {
        sida: Sida::av(i),
        poster,
        kon: Kon::ALLA.iter().map(|k| (k.kod(), k.namn())).collect(),
        aldersgrupper: Aldersgrupp::ALLA
            .iter()
            .map(|a| (a.kod(), a.namn()))
            .collect(),
        amnen: Amne::ALLA.iter().map(|a| (a.kod(), a.namn())).collect(),
        annan_kommun: ANNAN_KOMMUN,
        far_uppfoljning: policy::far(&i.anvandare, Atgard::OppenUppfoljning),
    })
}

pub async fn visa(
    State(s): State<AppState>,
    i: Inloggad,
    Query(q): Query<Svar>,
) -> Result<Response, WebFel> {
    policy::krav(&i.anvandare, Atgard::Mottagning)?;
    let enhet = match q.till.as_deref().and_then(|t| t.parse::<EnhetId>().ok()) {
        Some(e) => s
            .store
            .organisation()
            .enheter(i.anvandare.kommun)
            .await?
            .into_iter()
            .find(|x| x.id == e)
            .map(|x| x.namn),
        None => None,
    };
    let enhet = enhet.unwrap_or_else(|| t("mottagning-socialtjansten"));
    let utfall = if let Some(id) = q.registrerad {
        Some(Utfall {
            id,
            registrerad: true,
            ..Default::default()
        })
    } else if let Some(id) = q.ansokan {
        Some(Utfall {
            id,
            kvitto: Some(crate::texter::f(
                "mottagning-ansokan_kvitto",
                &[("enhet", enhet.as_str())],
            )),
            ..Default::default()
        })
    } else {
        q.orosanmalan.map(|id| Utfall {
            id,
            kvitto: Some(crate::texter::f(
                "mottagning-orosanmalan_kvitto",
                &[("enhet", enhet.as_str())],
            )),
            ..Default::default()
        })
    };
    Ok(sida(&s, &i, utfall).await?.into_response())
}

/// Reads the visit in the entry's mode: only that mode's fields are read at all.
fn las(integritet: Integritet, f: &Formular) -> Result<Besok, String> {
    let saknas = || t("mottagning-fel_falt");
    match integritet {
        Integritet::Minimal => Ok(Besok::Minimal {
            kon: Kon::fran_kod(&f.text("kon")).ok_or_else(saknas)?,
            aldersgrupp: Aldersgrupp::fran_kod(&f.text("aldersgrupp")).ok_or_else(saknas)?,
            stadsdel: f.text("stadsdel"),
        }),
        Integritet::Anonym => Ok(Besok::Anonym {
            antal: f.text("antal").parse().map_err(|_| saknas())?,
        }),
        Integritet::Radgivning => Ok(Besok::Radgivning {
            amne: Amne::fran_kod(&f.text("amne")).ok_or_else(saknas)?,
        }),
        // Read by `registrera_full`.
        Integritet::Full => Err(saknas()),
    }
}

/// The newest version of one of the kommun's entries that the user's enhet provides,
/// checked against `atgard` (built from whether it provides it).
pub(super) async fn post_for(
    s: &AppState,
    i: &Inloggad,
    insats: &str,
    atgard: fn(bool) -> Atgard,
) -> Result<OppenInsatsRad, WebFel> {
    policy::krav(&i.anvandare, Atgard::Mottagning)?;
    let id: OppenInsatsId = insats.parse().map_err(|_| WebFel::Saknas)?;
    let versioner = s
        .store
        .organisation()
        .oppen_insats_versioner(i.anvandare.kommun, id)
        .await?;
    // Another kommun's entry is, to the user, not there.
    let r = versioner.into_iter().next().ok_or(WebFel::Saknas)?;
    policy::krav(
        &i.anvandare,
        atgard(r.insats.utforare.contains(&i.anvandare.enhet)),
    )?;
    Ok(r)
}

fn besok_atgard(levererar: bool) -> Atgard {
    Atgard::RegistreraOppetBesok { levererar }
}

pub async fn registrera(
    State(s): State<AppState>,
    i: Inloggad,
    Path(insats): Path<String>,
    f: Formular,
) -> Result<Response, WebFel> {
    i.kontrollera_csrf(&f)?;
    let r = post_for(&s, &i, &insats, besok_atgard).await?;
    let id = r.id;
    if r.insats.integritet == Integritet::Full {
        return registrera_full(&s, &i, &r, &f).await;
    }
    let idag = svensk_dag(s.nu());
    let besok = las(r.insats.integritet, &f).and_then(|b| {
        r.insats
            .ta_emot(idag, &b)
            .map(|_| b)
            .map_err(|skal| skal.join(" "))
    });
    match besok {
        Ok(b) => {
            s.store
                .organisation()
                .registrera_oppet_besok(
                    i.anvandare.kommun,
                    id,
                    r.version,
                    i.anvandare.enhet,
                    idag,
                    &b,
                    &i.aktor(),
                    s.nu(),
                )
                .await?;
            Ok(Redirect::to(&format!("/mottagning?registrerad={id}#insats-{id}")).into_response())
        }
        Err(skal) => {
            let utfall = Utfall {
                id: id.to_string(),
                utanfor: vec![skal],
                ..Default::default()
            };
            let sida = sida(&s, &i, Some(utfall)).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, sida).into_response())
        }
    }
}

/// The answer when a number cannot be used at the desk and the user may not be told
/// why: the same whether or not a protected person has it (OSL 21 kap. 3 §).
pub(super) const EJ_ANVANDBAR: &str =
    "Numret kan inte användas här. Kontrollera numret; stämmer det, kontakta din arbetsledare.";

/// The person the desk was told of: a number and a name typed.
pub(super) struct Uppgiven {
    pub identitet: Identitet,
    pub fornamn: String,
    pub efternamn: String,
}

/// Reads the number and the name from the form, each error beside its field's name.
/// The name is always asked, known number or not, so that the form never tells whether
/// the number is in the register.
pub(super) fn las_person(
    f: &Formular,
    idag: time::Date,
) -> Result<Uppgiven, Vec<(&'static str, String)>> {
    let mut fel = vec![];
    // A person without a personnummer or samordningsnummer is registered with a
    // reservnummer, typed as `/personer/ny` takes one (the kommun's or the region's
    // series; it may hold letters and gives no birth date).
    let identitet = if ar_reservnummer(f) {
        Identitet::reservnummer(&f.text("identitet"))
    } else {
        Identitet::tolka(&f.text("identitet"), idag)
    };
    if let Err(e) = &identitet {
        fel.push(("identitet", e.to_string()));
    }
    for (falt, text) in [
        ("fornamn", "Skriv förnamnet."),
        ("efternamn", "Skriv efternamnet."),
    ] {
        if f.text(falt).trim().is_empty() {
            fel.push((falt, text.to_string()));
        }
    }
    match identitet {
        Ok(identitet) if fel.is_empty() => Ok(Uppgiven {
            identitet,
            fornamn: f.text("fornamn").trim().to_string(),
            efternamn: f.text("efternamn").trim().to_string(),
        }),
        _ => Err(fel),
    }
}

/// Whether the number typed is a reservnummer: the desk's box, or the same radio as
/// person registration (`identitet_typ`).
pub(super) fn ar_reservnummer(f: &Formular) -> bool {
    f.kryss("reservnummer") || f.get("identitet_typ") == Some("reservnummer")
}

/// The person with the number in the user's kommun, or a new record with the name typed,
/// registered as `/personer/ny` registers one. `ny` says whether it was registered now.
pub(super) async fn hitta_eller_registrera(
    s: &AppState,
    i: &Inloggad,
    u: &Uppgiven,
) -> Result<(Person, bool), WebFel> {
    let personer = s.store.personer();
    if let Some(p) = personer
        .person_med_identitet(i.anvandare.kommun, &u.identitet)
        .await?
    {
        return Ok((p, false));
    }
    let p = Person {
        id: PersonId::ny(),
        kommun: i.anvandare.kommun,
        identitet: u.identitet.clone(),
        fornamn: u.fornamn.clone(),
        efternamn: u.efternamn.clone(),
        adress: String::new(),
        skyddad: false,
    };
    match personer.skapa_person(&p, false).await {
        Ok(()) => {
            s.store
                .granskning()
                .logga_lasning(&i.aktor(), &[personpost("person.registrera", &p)], s.nu())
                .await?;
            Ok((p, true))
        }
        // Registered by someone else a moment ago: theirs is the record.
        Err(e) if e.ar_unik_krock() => personer
            .person_med_identitet(i.anvandare.kommun, &u.identitet)
            .await?
            .map(|p| (p, false))
            .ok_or(WebFel::Saknas),
        Err(e) => Err(e.into()),
    }
}

/// The person of a full-mode visit: a participant already (`person` in the form, from
/// their page at the desk) or found by number or registered.
enum Vem {
    Kand(Person),
    Uppgiven(Uppgiven),
}

async fn registrera_full(
    s: &AppState,
    i: &Inloggad,
    r: &OppenInsatsRad,
    f: &Formular,
) -> Result<Response, WebFel> {
    let idag = svensk_dag(s.nu());
    let kommun = i.anvandare.kommun;
    let org = s.store.organisation();
    let mut fel: Vec<String> = vec![];
    let vem = match f.get("person").filter(|p| !p.is_empty()) {
        Some(p) => {
            let p = deltagare(s, i, r.id, p).await?.0;
            Some(Vem::Kand(p))
        }
        None => match las_person(f, idag) {
            Ok(u) => Some(Vem::Uppgiven(u)),
            Err(e) => {
                fel.extend(e.into_iter().map(|(_, t)| t));
                None
            }
        },
    };
    let bosatt = if r.insats.bosatt_i_kommunen {
        match f.get("bosatt") {
            Some("ja") => Some(true),
            Some("nej") => Some(false),
            _ => {
                fel.push(t("mottagning-fel_bosatt"));
                None
            }
        }
    } else {
        None
    };
    let anteckning = f.text("anteckning").trim().to_string();
    if anteckning.chars().count() > TEXT_MAX_TECKEN {
        fel.push(format!(
            "Anteckningen får vara högst {TEXT_MAX_TECKEN} tecken."
        ));
    }
    let tillbaka = |fel: Vec<String>, utanfor: Vec<String>| async move {
        // A participant's own page keeps their context; the desk otherwise.
        let utfall = Utfall {
            id: r.id.to_string(),
            utanfor,
            fel,
            ..Default::default()
        };
        let sida = sida(s, i, Some(utfall)).await?;
        Ok::<Response, WebFel>((StatusCode::UNPROCESSABLE_ENTITY, sida).into_response())
    };
    let Some(vem) = vem.filter(|_| fel.is_empty()) else {
        return tillbaka(fel, vec![]).await;
    };
    // The person as far as known before anything is stored: a number not in the register
    // is checked by the birth date it carries and registered only once the visit is taken.
    let (kand, fodd) = match &vem {
        Vem::Kand(p) => (Some(p.clone()), p.identitet.fodelsedatum()),
        Vem::Uppgiven(u) => {
            let p = s
                .store
                .personer()
                .person_med_identitet(kommun, &u.identitet)
                .await?;
            let fodd = u.identitet.fodelsedatum();
            (p, fodd)
        }
    };
    // Skyddade personuppgifter: only with the explicit right (OSL 21 kap. 3 §).
    if let Some(p) = &kand
        && p.skyddad
        && !i.anvandare.skyddad_behorighet
    {
        return tillbaka(vec![EJ_ANVANDBAR.to_string()], vec![]).await;
    }
    let tidigare = match &kand {
        Some(p) => org.oppen_deltagare(kommun, r.id, p.id).await?,
        None => None,
    };
    let d = Deltagande {
        fodd,
        bosatt,
        anvanda: tidigare
            .as_ref()
            .map(|t| u32::try_from(t.besok).unwrap_or(u32::MAX))
            .unwrap_or(0),
        forsta: tidigare.as_ref().map(|t| t.forsta_besok),
    };
    if let Err(skal) = r.insats.ta_emot_person(idag, &d) {
        return tillbaka(vec![], skal).await;
    }
    let person = match (kand, vem) {
        (Some(p), _) => p,
        (None, Vem::Uppgiven(u)) => hitta_eller_registrera(s, i, &u).await?.0,
        (None, Vem::Kand(p)) => p,
    };
    org.registrera_fullt_besok(
        kommun,
        r.id,
        r.version,
        person.id,
        person.skyddad,
        i.anvandare.enhet,
        idag,
        &anteckning,
        f.kryss("informerad"),
        &i.aktor(),
        s.nu(),
    )
    .await?;
    Ok(Redirect::to(&format!(
        "/mottagning/{}/deltagare/{}?registrerad=1",
        r.id, person.id
    ))
    .into_response())
}

/// A participant of the full-mode entry `insats`, as the user may see them: the person
/// of the kommun, in the service, and not protected from the user. Refused as not there
/// otherwise.
async fn deltagare(
    s: &AppState,
    i: &Inloggad,
    insats: OppenInsatsId,
    person: &str,
) -> Result<(Person, lots_store::OppenDeltagare), WebFel> {
    let id: PersonId = person.parse().map_err(|_| WebFel::Saknas)?;
    let p = s
        .store
        .personer()
        .person(i.anvandare.kommun, id)
        .await?
        .ok_or(WebFel::Saknas)?;
    if p.skyddad && !i.anvandare.skyddad_behorighet {
        return Err(WebFel::Saknas);
    }
    let d = s
        .store
        .organisation()
        .oppen_deltagare(i.anvandare.kommun, insats, p.id)
        .await?
        .ok_or(WebFel::Saknas)?;
    Ok((p, d))
}

#[derive(Template, WebTemplate)]
#[template(path = "mottagning_deltagare.html")]
struct DeltagarSida {
    sida: Sida,
    insats_id: String,
    insats: String,
    person_id: String,
    namn: String,
    identitet: String,
    omfattning: String,
    forsta: String,
    /// The day the person was told they may apply for bistånd, if they were.
    informerad: Option<String>,
    /// The choice made at the scope limit, in words.
    val: Option<String>,
    /// The scope is reached: the person and the provider choose to end or to apply.
    valet: bool,
    /// Where a visit today would fall: "" within, or the text of the last or beyond.
    nasta: String,
    /// A further visit can be registered today.
    far_registrera: bool,
    bosatt_kravs: bool,
    registrerad: bool,
    journal: Vec<(String, String, String)>,
}

#[derive(Deserialize)]
pub struct DeltagarSvar {
    registrerad: Option<String>,
}

pub async fn visa_deltagare(
    State(s): State<AppState>,
    i: Inloggad,
    Path((insats, person)): Path<(String, String)>,
    Query(q): Query<DeltagarSvar>,
) -> Result<Response, WebFel> {
    let r = post_for(&s, &i, &insats, besok_atgard).await?;
    if r.insats.integritet != Integritet::Full {
        return Err(WebFel::Saknas);
    }
    let (p, d) = deltagare(&s, &i, r.id, &person).await?;
    let kommun = i.anvandare.kommun;
    let journal = s
        .store
        .organisation()
        .deltagarens_besok(kommun, r.id, p.id)
        .await?;
    // The person's record and their journal in the service are shown: audited first.
    s.store
        .granskning()
        .logga_lasning(
            &i.aktor(),
            &[personpost(&format!("oppen_deltagare.visa:{}", r.id), &p)],
            s.nu(),
        )
        .await?;
    let idag = svensk_dag(s.nu());
    let anvanda = u32::try_from(d.besok).unwrap_or(u32::MAX);
    let nasta = r.insats.omfattning(anvanda, Some(d.forsta_besok), idag);
    // The last visit registered was the last of the scope, or the next would be beyond it.
    let sista_var_sista = d.besok > 0
        && d.senaste_besok.is_some_and(|senaste| {
            r.insats
                .omfattning(anvanda - 1, Some(d.forsta_besok), senaste)
                == Omfattningslage::Sista
        });
    let valet = d.val.is_none() && (sista_var_sista || nasta == Omfattningslage::Forbrukad);
    let omfattning = match r.insats.omfattning {
        Omfattning::Tillfallen(n) => format!("{} av {n} tillfällen", d.besok),
        Omfattning::Veckor(n) => {
            let vecka = (idag - d.forsta_besok).whole_days().max(0) / 7 + 1;
            format!("vecka {vecka} av {n}, {} besök", d.besok)
        }
        Omfattning::Lopande => format!("{} besök, ingen gräns", d.besok),
    };
    let sida = DeltagarSida {
        sida: Sida::av(&i),
        insats_id: r.id.to_string(),
        insats: r.insats.namn.clone(),
        person_id: p.id.to_string(),
        namn: p.namn(),
        identitet: p.identitet.visning(),
        omfattning,
        forsta: d.forsta_besok.to_string(),
        informerad: d.informerad.map(|x| x.to_string()),
        val: d.val.as_ref().map(|(v, dag)| match v.as_str() {
            "avsluta" => format!("Avslutar insatsen ({dag})."),
            _ => format!("Ansöker om bistånd ({dag})."),
        }),
        valet,
        nasta: match nasta {
            Omfattningslage::Inom => String::new(),
            Omfattningslage::Sista => t("mottagning-nasta_sista"),
            Omfattningslage::Forbrukad => t("mottagning-nasta_forbrukad"),
        },
        far_registrera: nasta != Omfattningslage::Forbrukad
            && d.val.as_ref().is_none_or(|(v, _)| v != "avsluta")
            && r.insats.galler(idag),
        bosatt_kravs: r.insats.bosatt_i_kommunen,
        registrerad: q.registrerad.is_some(),
        journal: journal
            .into_iter()
            .map(|b| {
                let text = if b.text.is_empty() {
                    t("mottagning-besok_utan_anteckning")
                } else {
                    b.text
                };
                (b.dag.to_string(), b.utforare, text)
            })
            .collect(),
    };
    Ok(sida.into_response())
}

/// The choice at the scope limit (issue 17 item 3): end, or apply for bistånd. Applying
/// leads on to the ansökan form with the person.
pub async fn valj(
    State(s): State<AppState>,
    i: Inloggad,
    Path((insats, person)): Path<(String, String)>,
    f: Formular,
) -> Result<Response, WebFel> {
    i.kontrollera_csrf(&f)?;
    let r = post_for(&s, &i, &insats, besok_atgard).await?;
    if r.insats.integritet != Integritet::Full {
        return Err(WebFel::Saknas);
    }
    let (p, _) = deltagare(&s, &i, r.id, &person).await?;
    let val = match f.text("val").as_str() {
        "avsluta" => "avsluta",
        "ansoka" => "ansoka",
        _ => return Err(WebFel::Ogiltig(t("mottagning-fel_val"))),
    };
    s.store
        .organisation()
        .satt_oppet_val(
            i.anvandare.kommun,
            r.id,
            p.id,
            p.skyddad,
            val,
            svensk_dag(s.nu()),
            &i.aktor(),
            s.nu(),
        )
        .await?;
    let till = if val == "ansoka" {
        format!("/mottagning/{}/ansokan?person={}", r.id, p.id)
    } else {
        format!("/mottagning/{}/deltagare/{}", r.id, p.id)
    };
    Ok(Redirect::to(&till).into_response())
}
