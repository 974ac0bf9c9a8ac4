//! Utförare as organisations (issue 17 items 5–6): the kommun's providers in egen regi,
//! under LOV and procured under LOU, their contracts and units, kept by the arbetsledare;
//! the reconciliation of granted, delivered and billed per provider and month before
//! payment (page and CSV); and the differences on one's own orders for the beställare.
//! Every provider table is kommun data: another kommun's provider is, to the user, not there.

use std::collections::BTreeMap;

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use lots_domain::forsorjningsstod::Manad;
use lots_domain::ids::{AvtalId, BeslutId, EnhetId, KommunId, UtforarId};
use lots_domain::insats::InsatsTyp;
use lots_domain::tid::svensk_dag;
use lots_domain::utforare::{
    Avtal, Avvikelse, Avvikelsehantering, Fakturarad, Leverans, Prisenhet, Regiform,
    Utforarorganisation, antal_text, kronor_text, las_decimal, las_organisationsnummer, stam_av,
};
use lots_store::{
    Aktor, Fakturaavvikelse, Granskningspost, NyFakturaavvikelse, Store, StoreError, UppdragRad,
};
use serde::Deserialize;

use super::formular::las_datum;
use super::{Falt, Sida, fyll};
use crate::AppState;
use crate::auth::Inloggad;
use crate::fel::WebFel;
use crate::formular::{FaltFel, Formular};
use crate::policy::{self, ArendeResurs, Atgard};

fn fel_av(fel: Vec<(&'static str, &'static str)>) -> Vec<FaltFel> {
    fel.into_iter()
        .map(|(falt, text)| FaltFel {
            falt,
            text: text.into(),
        })
        .collect()
}

/// One of the user's kommun's providers, or not found.
async fn organisation(
    s: &AppState,
    kommun: KommunId,
    id: &str,
) -> Result<Utforarorganisation, WebFel> {
    let id: UtforarId = id.parse().map_err(|_| WebFel::Saknas)?;
    s.store
        .organisation()
        .utforarorganisation(kommun, id)
        .await?
        .ok_or(WebFel::Saknas)
}

// ---------------------------------------------------------------------------
// The providers

fn organisationsfalt() -> Vec<Falt> {
    vec![
        Falt::text("namn", "Namn").kravs(),
        Falt::text("organisationsnummer", "Organisationsnummer")
            .kravs()
            .hjalp("Tio siffror, till exempel 556677-8899. För egen regi: kommunens."),
        Falt::val(
            "regiform",
            "Regiform",
            "radio",
            Regiform::ALLA
                .into_iter()
                .map(|r| (r.kod().to_string(), r.namn().to_string())),
        )
        .kravs(),
        Falt::kryss(
            "ickevalsalternativ",
            "Nämndens ickevalsalternativ (LOV 9 kap. 2 §)",
        )
        .hjalp("Den utförare som den enskilde får när hen inte väljer. Bara i valfrihetssystem."),
    ]
}

fn las_organisation(f: &Formular) -> Result<Utforarorganisation, Vec<FaltFel>> {
    let regiform = Regiform::fran_kod(&f.text("regiform"));
    let org = Utforarorganisation {
        id: UtforarId::ny(),
        namn: f.text("namn").trim().to_string(),
        organisationsnummer: las_organisationsnummer(&f.text("organisationsnummer"))
            .unwrap_or_else(|| f.text("organisationsnummer")),
        regiform: regiform.unwrap_or(Regiform::EgenRegi),
        ickevalsalternativ: f.kryss("ickevalsalternativ"),
    };
    let mut fel = org.fel();
    if regiform.is_none() {
        fel.retain(|(falt, _)| *falt != "ickevalsalternativ");
        fel.push(("regiform", "Välj regiform."));
    }
    if fel.is_empty() {
        Ok(org)
    } else {
        Err(fel_av(fel))
    }
}

pub struct OrganisationVy {
    pub id: UtforarId,
    pub namn: String,
    pub organisationsnummer: String,
    pub regiform: &'static str,
    pub ickeval: bool,
}

impl OrganisationVy {
    fn av(o: &Utforarorganisation) -> Self {
        Self {
            id: o.id,
            namn: o.namn.clone(),
            organisationsnummer: o.organisationsnummer.clone(),
            regiform: o.regiform.namn(),
            ickeval: o.ickevalsalternativ,
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "utforare.html")]
struct Lista {
    sida: Sida,
    far_andra: bool,
    organisationer: Vec<OrganisationVy>,
    falt: Vec<Falt>,
    fel: Vec<(String, String)>,
}

async fn lista_sida(
    s: &AppState,
    i: &Inloggad,
    form: Option<(&Formular, &[FaltFel])>,
) -> Result<Response, WebFel> {
    let org = s
        .store
        .organisation()
        .utforarorganisationer(i.anvandare.kommun)
        .await?;
    let mut falt = organisationsfalt();
    let fel = match form {
        Some((f, fel)) => fyll(&mut falt, f, fel),
        None => vec![],
    };
    let status = if fel.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok((
        status,
        Lista {
            sida: Sida::av(i),
            far_andra: policy::far(&i.anvandare, Atgard::AdministreraUtforare),
            organisationer: org.iter().map(OrganisationVy::av).collect(),
            falt,
            fel,
        },
    )
        .into_response())
}

pub async fn lista(State(s): State<AppState>, i: Inloggad) -> Result<Response, WebFel> {
    policy::krav(&i.anvandare, Atgard::LasaUtforare)?;
    lista_sida(&s, &i, None).await
}

pub async fn skapa(
    State(s): State<AppState>,
    i: Inloggad,
    f: Formular,
) -> Result<Response, WebFel> {
    i.kontrollera_csrf(&f)?;
    policy::krav(&i.anvandare, Atgard::AdministreraUtforare)?;
    let org = match las_organisation(&f) {
        Ok(o) => o,
        Err(fel) => return lista_sida(&s, &i, Some((&f, &fel))).await,
    };
    s.store
        .organisation()
        .skapa_utforarorganisation(i.anvandare.kommun, &org, &i.aktor(), s.nu())
        .await?;
    Ok(Redirect::to(&format!("/utforare/{}", org.id)).into_response())
}

// ---------------------------------------------------------------------------
// One provider: its units and contracts

pub struct AvtalVy {
    pub id: AvtalId,
    /// The contract's last day has passed.
    pub upphort: bool,
    pub period: String,
    pub insatser: String,
    pub pris: String,
    pub tak: String,
}

fn avtalvy(a: &Avtal, idag: time::Date) -> AvtalVy {
    AvtalVy {
        id: a.id,
        upphort: a.till < idag,
        period: format!("{} – {}", a.fran, a.till),
        insatser: a
            .insatser
            .iter()
            .map(|i| i.namn())
            .collect::<Vec<_>>()
            .join(", "),
        pris: format!(
            "{} per {}",
            kronor_text(a.pris),
            match a.prisenhet {
                Prisenhet::Timme => "timme",
                Prisenhet::Dygn => "dygn",
                Prisenhet::Tillfalle => "tillfälle",
            }
        ),
        tak: a
            .tak_per_manad
            .map(|t| format!("{} per månad", kronor_text(t)))
            .unwrap_or_else(|| "Inget tak".into()),
    }
}

fn avtalsfalt(idag: time::Date) -> Vec<Falt> {
    vec![
        Falt::datum("fran", "Avtalet gäller från").kravs().varde(idag),
        Falt::datum("till", "Avtalet gäller till och med").kravs(),
        Falt::val(
            "insatser",
            "Insatser som avtalet gäller",
            "checkboxes",
            InsatsTyp::ALLA
                .into_iter()
                .map(|i| (i.kod().to_string(), i.namn().to_string())),
        )
        .kravs(),
        Falt::val(
            "prisenhet",
            "Pris per",
            "radio",
            [
                ("timme".to_string(), "Timme".to_string()),
                ("dygn".to_string(), "Dygn".to_string()),
                ("tillfalle".to_string(), "Tillfälle".to_string()),
            ],
        )
        .kravs(),
        Falt::text("pris", "Pris i kronor").kravs().hjalp("Till exempel 450 eller 450,50."),
        Falt::text("tak", "Tak per månad i kronor").hjalp(
            "Det mesta utföraren får fakturera under avtalet en kalendermånad, alla beställningar tillsammans. Lämna tomt om avtalet inte har något tak.",
        ),
    ]
}

fn las_avtal(f: &Formular, utforare: UtforarId) -> Result<Avtal, Vec<FaltFel>> {
    let mut fel = vec![];
    let fran = las_datum(f, "fran", true, &mut fel);
    let till = las_datum(f, "till", true, &mut fel);
    let mut insatser = vec![];
    for k in f.alla("insatser") {
        match InsatsTyp::ALLA.into_iter().find(|i| i.kod() == k) {
            Some(i) => insatser.push(i),
            None => fel.push(FaltFel {
                falt: "insatser",
                text: "Välj insatser i listan.".into(),
            }),
        }
    }
    let prisenhet = Prisenhet::fran_kod(&f.text("prisenhet"));
    if prisenhet.is_none() {
        fel.push(FaltFel {
            falt: "prisenhet",
            text: "Välj om priset gäller per timme, dygn eller tillfälle.".into(),
        });
    }
    let pris = las_decimal(&f.text("pris"));
    if pris.is_none() {
        fel.push(FaltFel {
            falt: "pris",
            text: "Skriv priset i kronor med högst två decimaler, till exempel 450,50.".into(),
        });
    }
    let taktext = f.text("tak");
    let tak = if taktext.trim().is_empty() {
        Some(None)
    } else {
        las_decimal(&taktext).map(Some)
    };
    if tak.is_none() {
        fel.push(FaltFel {
            falt: "tak",
            text: "Skriv taket i kronor, till exempel 100 000, eller lämna tomt.".into(),
        });
    }
    let (Some(fran), Some(till), Some(prisenhet), Some(pris), Some(tak)) =
        (fran, till, prisenhet, pris, tak)
    else {
        return Err(fel);
    };
    let avtal = Avtal {
        id: AvtalId::ny(),
        utforare,
        fran,
        till,
        insatser,
        prisenhet,
        pris,
        tak_per_manad: tak,
    };
    fel.extend(fel_av(avtal.fel()));
    if fel.is_empty() { Ok(avtal) } else { Err(fel) }
}

fn enhetsfalt(enheter: &[lots_store::Enhet]) -> Vec<Falt> {
    vec![
        Falt::val(
            "enhet",
            "Enhet",
            "select",
            enheter
                .iter()
                .filter(|e| e.utforare)
                .map(|e| (e.id.to_string(), e.namn.clone())),
        )
        .kravs()
        .hjalp("Utförarenheterna skapas under Användare och enheter. Enhetens utförare arbetar sedan för den här organisationen och ser bara det som beställts av enheten."),
    ]
}

#[derive(Template, WebTemplate)]
#[template(path = "utforare_visa.html")]
struct Visa {
    sida: Sida,
    org: OrganisationVy,
    far_andra: bool,
    far_avstamma: bool,
    enheter: Vec<String>,
    avtal: Vec<AvtalVy>,
    manad: String,
    avtalsfalt: Vec<Falt>,
    enhetsfalt: Vec<Falt>,
    /// Errors of the form that was sent: (anchor, text).
    fel_avtal: Vec<(String, String)>,
    fel_enhet: Vec<(String, String)>,
    /// The provider's last day, when it has ended or will.
    slut: Option<time::Date>,
    slutfalt: Vec<Falt>,
    fel_slut: Vec<(String, String)>,
    /// Running orders the provider may no longer take (its end or an ended contract):
    /// for the beställare to move.
    att_flytta: Vec<FlyttVy>,
}

/// A running order under an ended contract or provider, as the list shows it.
pub struct FlyttVy {
    pub arende: String,
    pub person: String,
    pub insats: String,
    pub skal: &'static str,
}

fn slutfalt() -> Vec<Falt> {
    vec![
        Falt::datum("till", "Sista dagen utföraren tar emot beställningar")
            .kravs()
            .hjalp("Utförarens avtal som gäller längre slutar samma dag. Gamla versioner av avtalen sparas."),
    ]
}

async fn visa_sida(
    s: &AppState,
    i: &Inloggad,
    org: &Utforarorganisation,
    form: Option<(&'static str, &Formular, &[FaltFel])>,
) -> Result<Response, WebFel> {
    let kommun = i.anvandare.kommun;
    let o = s.store.organisation();
    let alla_enheter = o.enheter(kommun).await?;
    let avtal = o.avtal(kommun, org.id).await?;
    let idag = svensk_dag(s.nu());
    let mut af = avtalsfalt(idag);
    let mut ef = enhetsfalt(&alla_enheter);
    let mut sf = slutfalt();
    let (fel_avtal, fel_enhet, fel_slut) = match form {
        Some(("avtal", f, fel)) => (fyll(&mut af, f, fel), vec![], vec![]),
        Some(("slut", f, fel)) => (vec![], vec![], fyll(&mut sf, f, fel)),
        Some((_, f, fel)) => (vec![], fyll(&mut ef, f, fel), vec![]),
        None => (vec![], vec![], vec![]),
    };
    let slut = o
        .utforarorganisationers_slut(kommun)
        .await?
        .into_iter()
        .find(|(u, _)| *u == org.id)
        .map(|(_, d)| d);
    let att_flytta = att_flytta(s, i, org.id, slut, &avtal, idag).await?;
    let status = if fel_avtal.is_empty() && fel_enhet.is_empty() && fel_slut.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok((
        status,
        Visa {
            sida: Sida::av(i),
            org: OrganisationVy::av(org),
            far_andra: policy::far(&i.anvandare, Atgard::AdministreraUtforare),
            far_avstamma: policy::far(&i.anvandare, Atgard::Avstamning),
            enheter: alla_enheter
                .iter()
                .filter(|e| e.utforarorganisation == Some(org.id))
                .map(|e| e.namn.clone())
                .collect(),
            avtal: avtal.iter().map(|a| avtalvy(a, idag)).collect(),
            manad: Manad::for_dag(idag).foregaende().to_string(),
            avtalsfalt: af,
            enhetsfalt: ef,
            fel_avtal,
            fel_enhet,
            slut,
            slutfalt: sf,
            fel_slut,
            att_flytta,
        },
    )
        .into_response())
}

/// The provider's running orders that it may no longer take: the provider has ended, or
/// no contract for the order's insats is in force today (`kan_bestallas`). Only the cases
/// the user may read are listed, and each is audited; the beställare moves an order by
/// ordering again from another provider on the case.
async fn att_flytta(
    s: &AppState,
    i: &Inloggad,
    utforare: UtforarId,
    slut: Option<time::Date>,
    avtal: &[Avtal],
    idag: time::Date,
) -> Result<Vec<FlyttVy>, WebFel> {
    let kommun = i.anvandare.kommun;
    let mut ut = vec![];
    let mut loggade = vec![];
    for rad in s
        .store
        .arenden()
        .uppdrag_for_utforare(kommun, utforare)
        .await?
    {
        let Some(lage) = rad.tillstand.beslut_lage(rad.beslut) else {
            continue;
        };
        // Running: the case is open and the decision's period has not ended.
        let lopande = rad.tillstand.status() != lots_domain::arende::Status::Avslutat
            && lage.beslut.period_till.is_none_or(|t| t >= idag);
        if !lopande {
            continue;
        }
        let Err(skal) = lots_domain::utforare::kan_bestallas(slut, avtal, lage.beslut.insats, idag)
        else {
            continue;
        };
        let t = &rad.tillstand;
        let resurs = ArendeResurs {
            enhet: t.enhet,
            handlaggare: t.handlaggare,
            skyddad: rad.person_skyddad,
            skal: false,
        };
        if !policy::far(&i.anvandare, Atgard::LasaArende(resurs)) {
            continue;
        }
        loggade.push(
            Granskningspost::ny("utforare.att_flytta")
                .person(rad.person, rad.person_skyddad)
                .arende(rad.arende),
        );
        ut.push(FlyttVy {
            arende: rad.arende.to_string(),
            person: rad.person_namn.clone(),
            insats: lage.beslut.insats.namn().to_string(),
            skal,
        });
    }
    if !loggade.is_empty() {
        s.store
            .granskning()
            .logga_lasning(&i.aktor(), &loggade, s.nu())
            .await?;
    }
    Ok(ut)
}

/// Ends the provider from a day: its last day of taking orders (issue 17).
pub async fn avsluta_organisation(
    State(s): State<AppState>,
    i: Inloggad,
    Path(id): Path<String>,
    f: Formular,
) -> Result<Response, WebFel> {
    i.kontrollera_csrf(&f)?;
    policy::krav(&i.anvandare, Atgard::AdministreraUtforare)?;
    let kommun = i.anvandare.kommun;
    let org = organisation(&s, kommun, &id).await?;
    let mut fel = vec![];
    let Some(sista) = las_datum(&f, "till", true, &mut fel) else {
        return visa_sida(&s, &i, &org, Some(("slut", &f, &fel))).await;
    };
    match s
        .store
        .organisation()
        .avsluta_utforarorganisation(kommun, org.id, sista, &i.aktor(), s.nu())
        .await
    {
        Ok(()) => Ok(Redirect::to(&format!("/utforare/{}", org.id)).into_response()),
        Err(StoreError::Saknas) => Err(WebFel::Saknas),
        Err(e) => Err(e.into()),
    }
}

// ---------------------------------------------------------------------------
// One contract: its terms, its versions, changing and ending it

pub struct VersionVy {
    pub version: i64,
    pub sparad: String,
    pub avtal: AvtalVy,
}

#[derive(Template, WebTemplate)]
#[template(path = "utforare_avtal.html")]
struct AvtalSida {
    sida: Sida,
    org: OrganisationVy,
    avtal: AvtalVy,
    versioner: Vec<VersionVy>,
    far_andra: bool,
    andrafalt: Vec<Falt>,
    fel_andra: Vec<(String, String)>,
    slutfalt: Vec<Falt>,
    fel_slut: Vec<(String, String)>,
}

/// One of the provider's contracts, or not found.
async fn ett_avtal(
    s: &AppState,
    kommun: KommunId,
    org: &Utforarorganisation,
    avtal: &str,
) -> Result<Avtal, WebFel> {
    let id: AvtalId = avtal.parse().map_err(|_| WebFel::Saknas)?;
    s.store
        .organisation()
        .avtal(kommun, org.id)
        .await?
        .into_iter()
        .find(|a| a.id == id)
        .ok_or(WebFel::Saknas)
}

/// The contract form filled with the contract's present terms.
fn avtalets_falt(a: &Avtal, idag: time::Date) -> Vec<Falt> {
    let mut falt = avtalsfalt(idag);
    for x in &mut falt {
        let varden: Vec<String> = match x.namn {
            "fran" => vec![a.fran.to_string()],
            "till" => vec![a.till.to_string()],
            "insatser" => a.insatser.iter().map(|i| i.kod().to_string()).collect(),
            "prisenhet" => vec![a.prisenhet.kod().to_string()],
            "pris" => vec![decimal_text(a.pris)],
            "tak" => vec![a.tak_per_manad.map(decimal_text).unwrap_or_default()],
            _ => vec![],
        };
        x.satt_varden(&varden);
    }
    falt
}

/// Öre as the form reads kronor: 450 or 450,50.
fn decimal_text(ore: i64) -> String {
    if ore % 100 == 0 {
        (ore / 100).to_string()
    } else {
        format!("{},{:02}", ore / 100, (ore % 100).abs())
    }
}

async fn avtal_sida(
    s: &AppState,
    i: &Inloggad,
    org: &Utforarorganisation,
    a: &Avtal,
    form: Option<(&'static str, &Formular, &[FaltFel])>,
) -> Result<Response, WebFel> {
    let kommun = i.anvandare.kommun;
    let idag = svensk_dag(s.nu());
    let mut andrafalt = avtalets_falt(a, idag);
    let mut sf = vec![
        Falt::datum("till", "Sista dagen avtalet gäller")
            .kravs()
            .hjalp("Avtalet tar inte emot nya beställningar efter den dagen. Pågående beställningar visas på utförarens sida, så att beställaren kan flytta dem."),
    ];
    let (fel_andra, fel_slut) = match form {
        Some(("andra", f, fel)) => (fyll(&mut andrafalt, f, fel), vec![]),
        Some((_, f, fel)) => (vec![], fyll(&mut sf, f, fel)),
        None => (vec![], vec![]),
    };
    let status = if fel_andra.is_empty() && fel_slut.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let versioner = s
        .store
        .organisation()
        .avtalsversioner(kommun, a.id)
        .await?
        .into_iter()
        .map(|(version, avtal, sparad)| VersionVy {
            version,
            sparad: lots_store::las_tid(&sparad)
                .map(crate::visning::lokal_tid)
                .unwrap_or(sparad),
            avtal: avtalvy(&avtal, idag),
        })
        .collect();
    Ok((
        status,
        AvtalSida {
            sida: Sida::av(i),
            org: OrganisationVy::av(org),
            avtal: avtalvy(a, idag),
            versioner,
            far_andra: policy::far(&i.anvandare, Atgard::AdministreraUtforare),
            andrafalt,
            fel_andra,
            slutfalt: sf,
            fel_slut,
        },
    )
        .into_response())
}

pub async fn visa_avtal(
    State(s): State<AppState>,
    i: Inloggad,
    Path((id, avtal)): Path<(String, String)>,
) -> Result<Response, WebFel> {
    policy::krav(&i.anvandare, Atgard::LasaUtforare)?;
    let kommun = i.anvandare.kommun;
    let org = organisation(&s, kommun, &id).await?;
    let a = ett_avtal(&s, kommun, &org, &avtal).await?;
    avtal_sida(&s, &i, &org, &a, None).await
}

/// Changes a contract's terms: a new version, the old one kept (issue 17).
pub async fn andra_avtal(
    State(s): State<AppState>,
    i: Inloggad,
    Path((id, avtal)): Path<(String, String)>,
    f: Formular,
) -> Result<Response, WebFel> {
    i.kontrollera_csrf(&f)?;
    policy::krav(&i.anvandare, Atgard::AdministreraUtforare)?;
    let kommun = i.anvandare.kommun;
    let org = organisation(&s, kommun, &id).await?;
    let a = ett_avtal(&s, kommun, &org, &avtal).await?;
    let ny = match las_avtal(&f, org.id) {
        Ok(ny) => Avtal { id: a.id, ..ny },
        Err(fel) => return avtal_sida(&s, &i, &org, &a, Some(("andra", &f, &fel))).await,
    };
    spara_version(&s, &i, &org, &ny).await
}

/// Ends a contract from a day: its last day (issue 17).
pub async fn avsluta_avtal(
    State(s): State<AppState>,
    i: Inloggad,
    Path((id, avtal)): Path<(String, String)>,
    f: Formular,
) -> Result<Response, WebFel> {
    i.kontrollera_csrf(&f)?;
    policy::krav(&i.anvandare, Atgard::AdministreraUtforare)?;
    let kommun = i.anvandare.kommun;
    let org = organisation(&s, kommun, &id).await?;
    let a = ett_avtal(&s, kommun, &org, &avtal).await?;
    let mut fel = vec![];
    let sista = las_datum(&f, "till", true, &mut fel);
    let ny = match sista.map(|d| a.avsluta(d)) {
        Some(Ok(ny)) => ny,
        Some(Err(text)) => {
            let fel = [FaltFel {
                falt: "till",
                text: text.into(),
            }];
            return avtal_sida(&s, &i, &org, &a, Some(("slut", &f, &fel))).await;
        }
        None => return avtal_sida(&s, &i, &org, &a, Some(("slut", &f, &fel))).await,
    };
    spara_version(&s, &i, &org, &ny).await
}

async fn spara_version(
    s: &AppState,
    i: &Inloggad,
    org: &Utforarorganisation,
    ny: &Avtal,
) -> Result<Response, WebFel> {
    match s
        .store
        .organisation()
        .andra_avtal(i.anvandare.kommun, ny, &i.aktor(), s.nu())
        .await
    {
        Ok(_) => Ok(Redirect::to(&format!("/utforare/{}/avtal/{}", org.id, ny.id)).into_response()),
        Err(StoreError::Saknas) => Err(WebFel::Saknas),
        Err(StoreError::Konflikt(_)) => Err(WebFel::Ogiltig(
            "Någon annan ändrade avtalet samtidigt. Läs in sidan och försök igen.".into(),
        )),
        Err(e) => Err(e.into()),
    }
}

pub async fn visa(
    State(s): State<AppState>,
    i: Inloggad,
    Path(id): Path<String>,
) -> Result<Response, WebFel> {
    policy::krav(&i.anvandare, Atgard::LasaUtforare)?;
    let org = organisation(&s, i.anvandare.kommun, &id).await?;
    visa_sida(&s, &i, &org, None).await
}

pub async fn spara_avtal(
    State(s): State<AppState>,
    i: Inloggad,
    Path(id): Path<String>,
    f: Formular,
) -> Result<Response, WebFel> {
    i.kontrollera_csrf(&f)?;
    policy::krav(&i.anvandare, Atgard::AdministreraUtforare)?;
    let org = organisation(&s, i.anvandare.kommun, &id).await?;
    let avtal = match las_avtal(&f, org.id) {
        Ok(a) => a,
        Err(fel) => return visa_sida(&s, &i, &org, Some(("avtal", &f, &fel))).await,
    };
    s.store
        .organisation()
        .spara_avtal(i.anvandare.kommun, &avtal, &i.aktor(), s.nu())
        .await?;
    Ok(Redirect::to(&format!("/utforare/{}", org.id)).into_response())
}

pub async fn koppla_enhet(
    State(s): State<AppState>,
    i: Inloggad,
    Path(id): Path<String>,
    f: Formular,
) -> Result<Response, WebFel> {
    i.kontrollera_csrf(&f)?;
    policy::krav(&i.anvandare, Atgard::AdministreraUtforare)?;
    let kommun = i.anvandare.kommun;
    let org = organisation(&s, kommun, &id).await?;
    let enheter = s.store.organisation().enheter(kommun).await?;
    let enhet = f
        .text("enhet")
        .parse::<EnhetId>()
        .ok()
        .filter(|e| enheter.iter().any(|x| x.id == *e && x.utforare));
    let Some(enhet) = enhet else {
        let fel = [FaltFel {
            falt: "enhet",
            text: "Välj en av kommunens utförarenheter.".into(),
        }];
        return visa_sida(&s, &i, &org, Some(("enhet", &f, &fel))).await;
    };
    match s
        .store
        .organisation()
        .koppla_enhet_till_utforare(kommun, enhet, Some(org.id), &i.aktor(), s.nu())
        .await
    {
        Ok(()) => Ok(Redirect::to(&format!("/utforare/{}", org.id)).into_response()),
        Err(StoreError::Saknas) => Err(WebFel::Saknas),
        Err(e) => Err(e.into()),
    }
}

// ---------------------------------------------------------------------------
// Reconciliation: granted, delivered, billed

#[derive(Deserialize)]
pub struct ManadFraga {
    manad: Option<String>,
}

/// The month asked for, or the one before this (invoices come after the month).
fn manad_av(s: &AppState, q: &ManadFraga) -> Result<Manad, WebFel> {
    match q.manad.as_deref().map(str::trim).filter(|m| !m.is_empty()) {
        None => Ok(Manad::for_dag(svensk_dag(s.nu())).foregaende()),
        Some(m) => m.parse().map_err(|_| {
            WebFel::Ogiltig("Månaden ska skrivas ÅÅÅÅ-MM, till exempel 2026-04.".into())
        }),
    }
}

/// An order of the provider as the reconciliation shows it.
pub struct Order {
    pub rad: UppdragRad,
    pub insats: InsatsTyp,
    pub fran: Option<time::Date>,
    pub till: Option<time::Date>,
}

/// The provider's month: its orders (with the cases they belong to), delivery, invoice
/// lines numbered in the month's order, and every difference.
pub struct Avstamning {
    pub ordrar: BTreeMap<BeslutId, Order>,
    pub leveranser: Vec<Leverans>,
    pub faktura: Vec<Fakturarad>,
    pub avvikelser: Vec<Avvikelse>,
}

pub async fn avstam(
    store: &Store,
    kommun: KommunId,
    utforare: UtforarId,
    manad: Manad,
) -> Result<Avstamning, StoreError> {
    let o = store.organisation();
    let mut ordrar = BTreeMap::new();
    for rad in store
        .arenden()
        .uppdrag_for_utforare(kommun, utforare)
        .await?
    {
        let Some(b) = rad.tillstand.beslut_lage(rad.beslut) else {
            continue;
        };
        let (insats, fran, till) = (b.beslut.insats, b.beslut.period_fran, b.beslut.period_till);
        ordrar.insert(
            rad.beslut,
            Order {
                rad,
                insats,
                fran,
                till,
            },
        );
    }
    let (bestallningar, avtal, leveranser, mut faktura) = o
        .avstamningsunderlag(kommun, utforare, manad, |b| {
            ordrar.get(&b).map(|x| (x.insats, x.fran, x.till))
        })
        .await?;
    // Several invoices in one month: their lines are numbered as the report lists them.
    for (n, r) in faktura.iter_mut().enumerate() {
        r.rad = n + 1;
    }
    let avvikelser = stam_av(utforare, &bestallningar, &avtal, &leveranser, &faktura);
    Ok(Avstamning {
        ordrar,
        leveranser,
        faktura,
        avvikelser,
    })
}

/// One invoice line in the report.
pub struct Radvy {
    pub rad: usize,
    pub referens: String,
    pub insats: String,
    pub bestallare: String,
    pub antal: String,
    pub a_pris: String,
    pub belopp: String,
    pub avvikelser: Vec<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "avstamning.html")]
struct AvstamningSida {
    sida: Sida,
    org: OrganisationVy,
    manad: String,
    manadsnamn: String,
    rader: Vec<Radvy>,
    /// Differences of the month not tied to one line (delivery above the granted, the ceiling).
    ovriga: Vec<String>,
    levererat: Vec<(String, String, String)>,
    summa: String,
    antal_avvikelser: usize,
}

/// The beställande enhet and handläggare of an order: whom its differences concern.
fn bestallare(o: &Order, enheter: &[lots_store::Enhet], anv: &[lots_store::Anvandare]) -> String {
    let enhet = enheter
        .iter()
        .find(|e| e.id == o.rad.tillstand.enhet)
        .map(|e| e.namn.clone())
        .unwrap_or_default();
    match o
        .rad
        .tillstand
        .handlaggare
        .and_then(|h| anv.iter().find(|a| a.id == h))
    {
        Some(a) => format!("{enhet}, {}", a.namn),
        None => enhet,
    }
}

/// The reconciliation as the page and the file show it.
struct Rapport {
    org: Utforarorganisation,
    manad: Manad,
    a: Avstamning,
    rader: Vec<Radvy>,
    ovriga: Vec<String>,
}

async fn rapport(
    s: &AppState,
    i: &Inloggad,
    id: &str,
    q: &ManadFraga,
    handling: &str,
) -> Result<Rapport, WebFel> {
    policy::krav(&i.anvandare, Atgard::Avstamning)?;
    let kommun = i.anvandare.kommun;
    let org = organisation(s, kommun, id).await?;
    let manad = manad_av(s, q)?;
    let a = avstam(&s.store, kommun, org.id, manad).await?;
    let enheter = s.store.organisation().enheter(kommun).await?;
    let anv = s.store.organisation().alla_anvandare(kommun).await?;
    let mut per_rad: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    let mut ovriga = vec![];
    for x in &a.avvikelser {
        match x {
            Avvikelse::FaktureratMerAnLevererat { rad, .. }
            | Avvikelse::FaktureratUtanforPeriod { rad, .. }
            | Avvikelse::IngenBestallning { rad, .. }
            | Avvikelse::PrisOverAvtal { rad, .. }
            | Avvikelse::IngetAvtal { rad, .. }
            | Avvikelse::FelEnhet { rad, .. } => per_rad.entry(*rad).or_default().push(x.text()),
            Avvikelse::LevereratMerAnBeviljat { beslut, .. } => {
                ovriga.push(format!("{} (beställning {beslut})", x.text()))
            }
            Avvikelse::OverTak { .. } => ovriga.push(x.text()),
        }
    }
    let rader: Vec<Radvy> = a
        .faktura
        .iter()
        .map(|r| {
            let order = r
                .bestallning
                .trim()
                .parse::<BeslutId>()
                .ok()
                .and_then(|b| a.ordrar.get(&b));
            Radvy {
                rad: r.rad,
                referens: r.bestallning.clone(),
                insats: order
                    .map(|o| o.insats.namn().to_string())
                    .unwrap_or_default(),
                bestallare: order
                    .map(|o| bestallare(o, &enheter, &anv))
                    .unwrap_or_default(),
                antal: format!("{} {}", antal_text(r.antal), r.enhet.namn()),
                a_pris: kronor_text(r.a_pris),
                belopp: kronor_text(r.belopp()),
                avvikelser: per_rad.remove(&r.rad).unwrap_or_default(),
            }
        })
        .collect();
    // The report names orders, and so the persons they are for: each order it shows is
    // logged for the reader before the page leaves (DESIGN.md principle 4).
    let visade: Vec<Granskningspost> = a
        .ordrar
        .values()
        .filter(|o| {
            a.faktura
                .iter()
                .any(|r| r.bestallning.trim() == o.rad.beslut.to_string())
                || a.leveranser.iter().any(|l| l.beslut == o.rad.beslut)
        })
        .map(|o| {
            Granskningspost::ny(format!("{handling}:{}:{manad}", org.id))
                .person(o.rad.person, o.rad.person_skyddad)
                .arende(o.rad.arende)
        })
        .collect();
    let visade = if visade.is_empty() {
        vec![Granskningspost::ny(format!(
            "{handling}:{}:{manad}",
            org.id
        ))]
    } else {
        visade
    };
    s.store
        .granskning()
        .logga_lasning(&i.aktor(), &visade, s.nu())
        .await?;
    Ok(Rapport {
        org,
        manad,
        a,
        rader,
        ovriga,
    })
}

pub async fn avstamning(
    State(s): State<AppState>,
    i: Inloggad,
    Path(id): Path<String>,
    Query(q): Query<ManadFraga>,
) -> Result<Response, WebFel> {
    let Rapport {
        org,
        manad,
        a,
        rader,
        ovriga,
    } = rapport(&s, &i, &id, &q, "avstamning.visa").await?;
    let mut levererat: BTreeMap<BeslutId, i64> = BTreeMap::new();
    for l in &a.leveranser {
        *levererat.entry(l.beslut).or_default() += l.antal;
    }
    let mut lev = vec![];
    for (b, antal) in &levererat {
        let enhet = s
            .store
            .organisation()
            .villkor_for_bestallning(i.anvandare.kommun, *b)
            .await?
            .map(|v| v.prisenhet.namn())
            .unwrap_or("");
        let insats = a.ordrar.get(b).map(|o| o.insats.namn()).unwrap_or_default();
        lev.push((
            b.to_string(),
            insats.to_string(),
            format!("{} {enhet}", antal_text(*antal)),
        ));
    }
    Ok(AvstamningSida {
        sida: Sida::av(&i),
        org: OrganisationVy::av(&org),
        manad: manad.to_string(),
        manadsnamn: manad.namn(),
        summa: kronor_text(a.faktura.iter().map(Fakturarad::belopp).sum()),
        antal_avvikelser: a.avvikelser.len(),
        rader,
        ovriga,
        levererat: lev,
    }
    .into_response())
}

pub async fn avstamning_csv(
    State(s): State<AppState>,
    i: Inloggad,
    Path(id): Path<String>,
    Query(q): Query<ManadFraga>,
) -> Result<Response, WebFel> {
    let Rapport {
        org,
        manad,
        rader,
        ovriga,
        ..
    } = rapport(&s, &i, &id, &q, "avstamning.fil").await?;
    let mut csv = vec![
        [
            "rad",
            "bestallning",
            "insats",
            "bestallare",
            "antal",
            "a_pris",
            "belopp",
            "avvikelser",
        ]
        .map(String::from)
        .to_vec(),
    ];
    for r in rader {
        csv.push(vec![
            r.rad.to_string(),
            r.referens,
            r.insats,
            r.bestallare,
            r.antal,
            r.a_pris,
            r.belopp,
            r.avvikelser.join(" "),
        ]);
    }
    for o in ovriga {
        csv.push(vec![
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            o,
        ]);
    }
    let namn: String = org
        .namn
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    Ok(super::rapporter::csv_svar(
        &format!("avstamning-{namn}-{manad}.csv"),
        &csv,
    ))
}

/// Flags the differences of a provider's month that concern an order (issue 17): each
/// becomes a bevakning for the beställande enhet, due before the invoice is paid
/// (`lots_domain::utforare::avvikelsefrist`), until the beställare approves it with a
/// reason or disputes the line; one that no longer holds is closed. Run when an invoice
/// or a delivery comes in. A line that names no order has no beställare: it stays on the
/// arbetsledare's reconciliation. Returns how many were flagged now.
pub async fn flagga_avvikelser(
    store: &Store,
    kommun: KommunId,
    utforare: UtforarId,
    manad: Manad,
    aktor: &Aktor,
    nu: time::OffsetDateTime,
) -> Result<usize, StoreError> {
    let a = avstam(store, kommun, utforare, manad).await?;
    let nya: Vec<NyFakturaavvikelse> = a
        .avvikelser
        .iter()
        .filter_map(|x| {
            let o = a.ordrar.get(&x.beslut()?)?;
            Some(NyFakturaavvikelse {
                nyckel: x.nyckel(),
                beslut: o.rad.beslut,
                arende: o.rad.arende,
                enhet: o.rad.tillstand.enhet,
                text: x.text(),
            })
        })
        .collect();
    store
        .organisation()
        .flagga_fakturaavvikelser(kommun, utforare, manad, &nya, aktor, nu)
        .await
}

// ---------------------------------------------------------------------------
// The beställare's differences

pub struct BestallarAvvikelse {
    pub arende: String,
    pub person: String,
    pub utforare: String,
    pub insats: String,
    pub text: String,
}

/// A flagged difference as the beställare's list shows it, with its state.
pub struct FlaggadVy {
    pub id: String,
    pub arende: String,
    pub person: String,
    pub utforare: String,
    pub text: String,
    pub frist: time::Date,
    pub betalningsdag: time::Date,
    pub sen: bool,
    /// How it was resolved, in words; `None` while open.
    pub hantering: Option<String>,
    pub motivering: String,
    /// An error from the resolution form sent for this row.
    pub fel: Option<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "avvikelser.html")]
struct Avvikelsesida {
    sida: Sida,
    manad: String,
    manadsnamn: String,
    avvikelser: Vec<BestallarAvvikelse>,
    flaggade: Vec<FlaggadVy>,
}

fn resurs_for(a: &Fakturaavvikelse) -> ArendeResurs {
    ArendeResurs {
        enhet: a.arende_enhet,
        handlaggare: a.handlaggare,
        skyddad: a.person_skyddad,
        skal: false,
    }
}

/// The differences of a month on the orders from the user's own cases (the beställare's):
/// before payment, so the beställare can take them up with the provider.
pub async fn avvikelser(
    State(s): State<AppState>,
    i: Inloggad,
    Query(q): Query<ManadFraga>,
) -> Result<Response, WebFel> {
    policy::krav(&i.anvandare, Atgard::Arbetsyta)?;
    let manad = manad_av(&s, &q)?;
    avvikelsesida(&s, &i, manad, None).await
}

async fn avvikelsesida(
    s: &AppState,
    i: &Inloggad,
    manad: Manad,
    fel: Option<(uuid::Uuid, String)>,
) -> Result<Response, WebFel> {
    let kommun = i.anvandare.kommun;
    let mut ut = vec![];
    let mut loggade = vec![];
    let organisationer = s.store.organisation().utforarorganisationer(kommun).await?;
    for org in &organisationer {
        let a = avstam(&s.store, kommun, org.id, manad).await?;
        for x in &a.avvikelser {
            let Some(o) = x.beslut().and_then(|b| a.ordrar.get(&b)) else {
                continue;
            };
            let t = &o.rad.tillstand;
            let resurs = ArendeResurs {
                enhet: t.enhet,
                handlaggare: t.handlaggare,
                skyddad: o.rad.person_skyddad,
                skal: false,
            };
            if !policy::far(&i.anvandare, Atgard::LasaArende(resurs)) {
                continue;
            }
            loggade.push(
                Granskningspost::ny("avvikelser.lista")
                    .person(o.rad.person, o.rad.person_skyddad)
                    .arende(o.rad.arende),
            );
            ut.push(BestallarAvvikelse {
                arende: o.rad.arende.to_string(),
                person: o.rad.person_namn.clone(),
                utforare: org.namn.clone(),
                insats: o.insats.namn().to_string(),
                text: x.text(),
            });
        }
    }
    let idag = svensk_dag(s.nu());
    let mut flaggade = vec![];
    for a in s
        .store
        .organisation()
        .fakturaavvikelser(kommun, manad)
        .await?
    {
        if !policy::far(&i.anvandare, Atgard::LasaArende(resurs_for(&a))) {
            continue;
        }
        loggade.push(
            Granskningspost::ny("avvikelser.flaggade")
                .person(a.person, a.person_skyddad)
                .arende(a.arende),
        );
        flaggade.push(FlaggadVy {
            id: a.id.to_string(),
            arende: a.arende.to_string(),
            person: a.person_namn.clone(),
            utforare: organisationer
                .iter()
                .find(|o| o.id == a.utforare)
                .map(|o| o.namn.clone())
                .unwrap_or_default(),
            text: a.text.clone(),
            frist: a.frist,
            betalningsdag: a.betalningsdag,
            sen: a.hantering.is_none() && a.frist < idag,
            hantering: a.hantering.map(|h| h.namn().to_owned()),
            motivering: a.motivering.clone().unwrap_or_default(),
            fel: fel
                .as_ref()
                .filter(|(id, _)| *id == a.id)
                .map(|(_, t)| t.clone()),
        });
    }
    s.store
        .granskning()
        .logga_lasning(&i.aktor(), &loggade, s.nu())
        .await?;
    let status = if fel.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    Ok((
        status,
        Avvikelsesida {
            sida: Sida::av(i),
            manad: manad.to_string(),
            manadsnamn: manad.namn(),
            avvikelser: ut,
            flaggade,
        },
    )
        .into_response())
}

/// The beställare resolves a flagged difference (issue 17): approves it with a reason, or
/// disputes the line with the provider. Either closes its bevakning. Whoever may read the
/// case may resolve it; to anyone else the difference is not there.
pub async fn hantera_avvikelse(
    State(s): State<AppState>,
    i: Inloggad,
    Path(id): Path<String>,
    f: Formular,
) -> Result<Response, WebFel> {
    i.kontrollera_csrf(&f)?;
    policy::krav(&i.anvandare, Atgard::Arbetsyta)?;
    let kommun = i.anvandare.kommun;
    let id: uuid::Uuid = id.parse().map_err(|_| WebFel::Saknas)?;
    let a = s
        .store
        .organisation()
        .fakturaavvikelse(kommun, id)
        .await?
        .filter(|a| policy::far(&i.anvandare, Atgard::LasaArende(resurs_for(a))))
        .ok_or(WebFel::Saknas)?;
    let tolkad = if a.hantering.is_some() {
        Err("Avvikelsen är redan hanterad.")
    } else {
        Avvikelsehantering::tolka(&f.text("hantering"), &f.text("motivering"))
    };
    let (hantering, motivering) = match tolkad {
        Ok(t) => t,
        Err(fel) => {
            return avvikelsesida(&s, &i, a.manad, Some((a.id, fel.to_string()))).await;
        }
    };
    match s
        .store
        .organisation()
        .hantera_fakturaavvikelse(kommun, &a, hantering, &motivering, &i.aktor(), s.nu())
        .await
    {
        Ok(()) => Ok(
            Redirect::to(&format!("/avvikelser?manad={}#avvikelse-{}", a.manad, a.id))
                .into_response(),
        ),
        Err(StoreError::Saknas) => {
            avvikelsesida(
                &s,
                &i,
                a.manad,
                Some((a.id, "Avvikelsen är redan hanterad.".to_string())),
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}
