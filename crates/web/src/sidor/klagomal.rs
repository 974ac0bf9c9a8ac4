//! Synpunkter och klagomål for staff (issue 19 item 4): the list, one complaint with its
//! history, assigning it, the written answer, the handover to a Lex Sarah investigation,
//! and the quarterly report to the nämnd (SOSFS 2011:9 5 kap. 3 §, 6 §).
//!
//! Who reads a complaint is the policy's (`Atgard::LasaKlagomal`): those who receive
//! complaints in the kommun, and the one it is assigned to; never every handläggare, since
//! a complaint may be about them. Every read is audited before the page leaves, the
//! complaint named by its diarienummer. Another kommun's complaint is, to the user, not
//! there.

use std::collections::HashMap;

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use lots_domain::ids::{AnvandarId, KlagomalId};
use lots_domain::klagomal::{Kvartalsrapport, Svar, Utfall, kvartalsrapport};
use lots_domain::oppen_uppfoljning::Cell;
use lots_domain::organisation::Roll;
use lots_domain::rapport::Kvartal;
use lots_domain::tid::svensk_dag;
use lots_store::{
    Anvandare, Granskningspost, KlagomalHandelse, KlagomalRad, LexSarahRad, StoreError,
};

use super::Sida;
use crate::AppState;
use crate::auth::Inloggad;
use crate::fel::WebFel;
use crate::formular::Formular;
use crate::policy::{self, Atgard};

fn tilldelad(i: &Inloggad, k: &KlagomalRad) -> bool {
    k.ansvarig == Some(i.anvandare.id)
}

/// One of the kommun's complaints the user may read, with the read audited; else 404 (or
/// 403 to someone whose role gives no complaints at all).
async fn oppna(
    s: &AppState,
    i: &Inloggad,
    id: &str,
    handling: &str,
) -> Result<KlagomalRad, WebFel> {
    policy::krav(&i.anvandare, Atgard::KlagomalLista)?;
    let id: KlagomalId = id.parse().map_err(|_| WebFel::Saknas)?;
    let k = s
        .store
        .klagomal()
        .hamta(i.anvandare.kommun, id)
        .await?
        .ok_or(WebFel::Saknas)?;
    // A complaint not the user's to read is, to them, not there: that one exists about
    // someone is itself sensitive.
    if !policy::far(
        &i.anvandare,
        Atgard::LasaKlagomal {
            tilldelad: tilldelad(i, &k),
        },
    ) {
        return Err(WebFel::Saknas);
    }
    s.store
        .granskning()
        .logga_lasning(&i.aktor(), &[post(handling, &k)], s.nu())
        .await?;
    Ok(k)
}

fn post(handling: &str, k: &KlagomalRad) -> Granskningspost {
    let p = Granskningspost::ny(format!("{handling}:{}", k.nummer));
    match k.person {
        Some(person) => p.person(person, k.person_skyddad),
        None => p,
    }
}

pub struct Listrad {
    pub id: String,
    pub nummer: String,
    pub inkom: String,
    pub vad: String,
    pub ansvarig: String,
    pub status: String,
    pub sen: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "klagomal_lista.html")]
struct Lista {
    sida: Sida,
    alla: bool,
    rader: Vec<Listrad>,
}

fn status(k: &KlagomalRad, idag: time::Date) -> (String, bool) {
    match (k.besvarad, k.utfall) {
        (Some(d), Some(u)) => (format!("Besvarad {d}: {}", u.namn()), false),
        _ if idag > k.svar_senast => (
            format!("Försenad: skulle besvarats {}", k.svar_senast),
            true,
        ),
        _ => (format!("Besvaras senast {}", k.svar_senast), false),
    }
}

/// The kommun's complaints to those who receive them; to a handläggare only their own.
pub async fn lista(State(s): State<AppState>, i: Inloggad) -> Result<Response, WebFel> {
    policy::krav(&i.anvandare, Atgard::KlagomalLista)?;
    let a = &i.anvandare;
    let alla = policy::far(a, Atgard::HanteraKlagomal);
    let rader = if alla {
        s.store.klagomal().lista(a.kommun, 500).await?
    } else {
        s.store.klagomal().tilldelade(a.kommun, a.id).await?
    };
    let poster: Vec<Granskningspost> = rader.iter().map(|k| post("klagomal.lista", k)).collect();
    s.store
        .granskning()
        .logga_lasning(&i.aktor(), &poster, s.nu())
        .await?;
    let idag = svensk_dag(s.nu());
    Ok(Lista {
        sida: Sida::av(&i),
        alla,
        rader: rader
            .iter()
            .map(|k| {
                let (status, sen) = status(k, idag);
                Listrad {
                    id: k.id.to_string(),
                    nummer: k.nummer.clone(),
                    inkom: k.inkom_dag.to_string(),
                    vad: format!("{}: {}", k.slag.namn(), k.kategori.namn()),
                    ansvarig: k.ansvarig_namn.clone().unwrap_or_else(|| "Ingen".into()),
                    status,
                    sen,
                }
            })
            .collect(),
    }
    .into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "klagomal.html")]
struct Visa {
    sida: Sida,
    id: String,
    nummer: String,
    inkom: String,
    svar_senast: String,
    status: String,
    sen: bool,
    vad: String,
    text: String,
    avsandare: String,
    kontakt: String,
    mina_sidor: bool,
    ansvarig: String,
    svar: Option<(String, String, String)>,
    historik: Vec<(String, String, String)>,
    lex_sarah: Option<String>,
    /// The receiver may mark the report received.
    ta_emot: Option<String>,
    far_tilldela: bool,
    far_besvara: bool,
    tilldelbara: Vec<(String, String)>,
    mottagare: Vec<(String, String)>,
    utfall: Vec<(&'static str, &'static str)>,
    fel: Vec<(String, String)>,
    varden: Formular,
}

fn historiktext(h: &KlagomalHandelse) -> (String, String, String) {
    let vad = match h.vad.as_str() {
        "registrerad" => "Registrerad".to_owned(),
        "tilldelad" => format!("Tilldelad {}", h.text),
        // Rows written before 5 December 2026 hold the outcome's name, not its code.
        "besvarad" => format!(
            "Besvarad: {}",
            Utfall::fran_kod(&h.text).map_or(h.text.clone(), |u| u.namn().to_owned())
        ),
        "lex_sarah" => format!("Lämnad till Lex Sarah-utredning. Skäl: {}", h.text),
        "lex_sarah_mottagen" => "Lex Sarah-rapporten mottagen".to_owned(),
        annat => annat.to_owned(),
    };
    (
        crate::visning::lokal_tid(h.tid),
        h.av_namn.clone().unwrap_or_default(),
        vad,
    )
}

/// Whom a complaint may be assigned to: the kommun's active handläggare, arbetsledare and
/// registratorer. The form shows the names; whom not to choose (the one complained about)
/// is the arbetsledare's judgement, which the text beside the field reminds of.
fn tilldelbar(u: &Anvandare) -> bool {
    u.aktiv
        && matches!(
            u.roll,
            Roll::Handlaggare | Roll::Arbetsledare | Roll::Registrator
        )
}

async fn sida(
    s: &AppState,
    i: &Inloggad,
    k: KlagomalRad,
    fel: Vec<(String, String)>,
    varden: Formular,
) -> Result<Response, WebFel> {
    let a = &i.anvandare;
    let kommun = a.kommun;
    let historik = s.store.klagomal().historik(kommun, k.id).await?;
    let lex = s.store.klagomal().lex_sarah(kommun, k.id).await?;
    let personal = s.store.organisation().alla_anvandare(kommun).await?;
    let idag = svensk_dag(s.nu());
    let (status_text, sen) = status(&k, idag);
    let far_besvara = k.besvarad.is_none()
        && policy::far(
            a,
            Atgard::BesvaraKlagomal {
                tilldelad: tilldelad(i, &k),
            },
        );
    let lex_text = lex.as_ref().map(|l: &LexSarahRad| {
        let mottagare = personal
            .iter()
            .find(|u| u.id == l.mottagare)
            .map(|u| u.namn.clone())
            .unwrap_or_default();
        match l.mottagen {
            Some(t) => format!(
                "Lämnad till {mottagare} {}. Mottagen {}. Skäl: {}",
                crate::visning::lokal_tid(l.registrerad),
                crate::visning::lokal_tid(t),
                l.skal
            ),
            None => format!(
                "Lämnad till {mottagare} {}, att ta emot senast {}. Skäl: {}",
                crate::visning::lokal_tid(l.registrerad),
                l.bevakas,
                l.skal
            ),
        }
    });
    let ta_emot = lex
        .as_ref()
        .filter(|l| {
            l.mottagen.is_none()
                && policy::far(
                    a,
                    Atgard::TaEmotLexSarah {
                        mottagare: l.mottagare == a.id,
                    },
                )
        })
        .map(|l| l.id.to_string());
    let status_kod = if fel.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok((
        status_kod,
        Visa {
            sida: Sida::av(i),
            id: k.id.to_string(),
            nummer: k.nummer.clone(),
            inkom: crate::visning::lokal_tid(k.inkom),
            svar_senast: k.svar_senast.to_string(),
            status: status_text,
            sen,
            vad: format!("{}: {}", k.slag.namn(), k.kategori.namn()),
            text: k.text.clone(),
            avsandare: if k.namn.is_empty() {
                "Inget namn angivet".into()
            } else {
                k.namn.clone()
            },
            kontakt: if k.kontakt.is_empty() {
                "Inget sätt att nå avsändaren angivet".into()
            } else {
                k.kontakt.clone()
            },
            mina_sidor: k.person.is_some(),
            ansvarig: k
                .ansvarig_namn
                .clone()
                .unwrap_or_else(|| "Ingen ännu".into()),
            svar: match (&k.svar, k.besvarad, k.utfall) {
                (Some(svar), Some(d), Some(u)) => Some((
                    format!("{d}, {}", k.besvarad_av_namn.clone().unwrap_or_default()),
                    u.namn().to_owned(),
                    svar.clone(),
                )),
                _ => None,
            },
            historik: historik.iter().map(historiktext).collect(),
            lex_sarah: lex_text,
            ta_emot,
            far_tilldela: policy::far(a, Atgard::HanteraKlagomal),
            far_besvara,
            tilldelbara: personal
                .iter()
                .filter(|u| tilldelbar(u))
                .map(|u| (u.id.to_string(), format!("{} ({})", u.namn, u.roll.namn())))
                .collect(),
            mottagare: personal
                .iter()
                .filter(|u| u.aktiv && u.roll == Roll::Arbetsledare)
                .map(|u| (u.id.to_string(), u.namn.clone()))
                .collect(),
            utfall: Utfall::ALLA.iter().map(|u| (u.kod(), u.namn())).collect(),
            fel,
            varden,
        },
    )
        .into_response())
}

pub async fn visa(
    State(s): State<AppState>,
    i: Inloggad,
    Path(id): Path<String>,
) -> Result<Response, WebFel> {
    let k = oppna(&s, &i, &id, "klagomal.visa").await?;
    sida(&s, &i, k, vec![], Formular::default()).await
}

fn tillbaka(k: &KlagomalRad) -> Response {
    Redirect::to(&format!("/klagomal/{}", k.id)).into_response()
}

/// The arbetsledare or registrator assigns the complaint (again).
pub async fn tilldela(
    State(s): State<AppState>,
    i: Inloggad,
    Path(id): Path<String>,
    f: Formular,
) -> Result<Response, WebFel> {
    i.kontrollera_csrf(&f)?;
    let k = oppna(&s, &i, &id, "klagomal.tilldela").await?;
    policy::krav(&i.anvandare, Atgard::HanteraKlagomal)?;
    let personal = s
        .store
        .organisation()
        .alla_anvandare(i.anvandare.kommun)
        .await?;
    let vald = f
        .text("ansvarig")
        .parse::<AnvandarId>()
        .ok()
        .and_then(|id| personal.iter().find(|u| u.id == id && tilldelbar(u)));
    let Some(u) = vald else {
        let fel = vec![(
            "ansvarig".into(),
            "Välj vem som ska utreda och besvara synpunkten.".into(),
        )];
        return sida(&s, &i, k, fel, f).await;
    };
    s.store
        .klagomal()
        .tilldela(&k, u.id, &u.namn, &i.aktor(), s.nu())
        .await?;
    Ok(tillbaka(&k))
}

/// The written answer and what came of it. Answered once.
pub async fn besvara(
    State(s): State<AppState>,
    i: Inloggad,
    Path(id): Path<String>,
    f: Formular,
) -> Result<Response, WebFel> {
    i.kontrollera_csrf(&f)?;
    let k = oppna(&s, &i, &id, "klagomal.besvara").await?;
    policy::krav(
        &i.anvandare,
        Atgard::BesvaraKlagomal {
            tilldelad: tilldelad(&i, &k),
        },
    )?;
    let svar = match Svar::tolka(&f.text("utfall"), &f.text("svar")) {
        Ok(svar) => svar,
        Err(fel) => {
            let fel = fel.into_iter().map(|f| (f.falt.into(), f.text)).collect();
            return sida(&s, &i, k, fel, f).await;
        }
    };
    match s
        .store
        .klagomal()
        .besvara(&k, svar.utfall, &svar.text, &i.aktor(), s.nu())
        .await
    {
        Ok(()) => Ok(tillbaka(&k)),
        Err(StoreError::Konflikt(text)) => sida(&s, &i, k, vec![("svar".into(), text)], f).await,
        Err(e) => Err(e.into()),
    }
}

/// "Kan vara ett missförhållande – lämna till Lex Sarah-utredning": a person decides, with
/// their reason, and names who receives Lex Sarah reports. Never automatic (see
/// `lots_domain::klagomal`): Lots does not read the complaint's words for this.
pub async fn lex_sarah(
    State(s): State<AppState>,
    i: Inloggad,
    Path(id): Path<String>,
    f: Formular,
) -> Result<Response, WebFel> {
    i.kontrollera_csrf(&f)?;
    let k = oppna(&s, &i, &id, "klagomal.lex_sarah").await?;
    let personal = s
        .store
        .organisation()
        .alla_anvandare(i.anvandare.kommun)
        .await?;
    let mut fel = vec![];
    let skal = f.text("skal");
    if skal.trim().is_empty() {
        fel.push((
            "skal".into(),
            "Skriv varför det kan vara ett missförhållande.".into(),
        ));
    }
    let mottagare = f.text("mottagare").parse::<AnvandarId>().ok().filter(|id| {
        personal
            .iter()
            .any(|u| u.id == *id && u.aktiv && u.roll == Roll::Arbetsledare)
    });
    if mottagare.is_none() {
        fel.push((
            "mottagare".into(),
            "Välj vem som tar emot rapporter om missförhållanden.".into(),
        ));
    }
    if k.lex_sarah.is_some() {
        fel.push((
            "skal".into(),
            "Synpunkten är redan lämnad till Lex Sarah-utredning.".into(),
        ));
    }
    let (Some(mottagare), true) = (mottagare, fel.is_empty()) else {
        return sida(&s, &i, k, fel, f).await;
    };
    let nu = s.nu();
    let bevakas = lots_domain::klagomal::lex_sarah_bevakas(svensk_dag(nu));
    match s
        .store
        .klagomal()
        .till_lex_sarah(&k, mottagare, skal.trim(), bevakas, &i.aktor(), nu)
        .await
    {
        Ok(_) => Ok(tillbaka(&k)),
        Err(StoreError::Konflikt(text)) => sida(&s, &i, k, vec![("skal".into(), text)], f).await,
        Err(e) => Err(e.into()),
    }
}

/// The receiver marks the Lex Sarah report received.
pub async fn lex_sarah_mottagen(
    State(s): State<AppState>,
    i: Inloggad,
    Path(id): Path<String>,
    f: Formular,
) -> Result<Response, WebFel> {
    i.kontrollera_csrf(&f)?;
    let k = oppna(&s, &i, &id, "klagomal.lex_sarah").await?;
    let l = s
        .store
        .klagomal()
        .lex_sarah(i.anvandare.kommun, k.id)
        .await?
        .ok_or(WebFel::Saknas)?;
    policy::krav(
        &i.anvandare,
        Atgard::TaEmotLexSarah {
            mottagare: l.mottagare == i.anvandare.id,
        },
    )?;
    match s
        .store
        .klagomal()
        .lex_sarah_mottagen(&k, l.id, &i.aktor(), s.nu())
        .await
    {
        Ok(()) | Err(StoreError::Saknas) => Ok(tillbaka(&k)),
        Err(e) => Err(e.into()),
    }
}

// ---------------------------------------------------------------------------
// The quarterly report to the nämnd (SOSFS 2011:9 5 kap. 6 §)
// ---------------------------------------------------------------------------

/// `?ar=2026&kvartal=4`; by default the current quarter (complaints are followed while
/// they come, unlike the reports of SoL 34 kap.), marked as going on.
fn valt_kvartal(q: &HashMap<String, String>, idag: time::Date) -> Result<Kvartal, WebFel> {
    let standard = Kvartal::for_dag(idag);
    let fel =
        || WebFel::Ogiltig("Ange året med fyra siffror och kvartalet som 1, 2, 3 eller 4.".into());
    let del = |n: &str| q.get(n).map(|v| v.trim()).filter(|v| !v.is_empty());
    let ar = match del("ar") {
        None => standard.ar(),
        Some(t) => t.parse::<i32>().map_err(|_| fel())?,
    };
    let nummer = match del("kvartal") {
        None => standard.nummer(),
        Some(t) => t.parse::<u8>().map_err(|_| fel())?,
    };
    if !(2000..=idag.year()).contains(&ar) {
        return Err(fel());
    }
    let k = Kvartal::ny(ar, nummer).ok_or_else(fel)?;
    if k.forsta_dag() > idag {
        return Err(WebFel::Ogiltig(
            "Kvartalet har inte börjat. Välj ett kvartal som har börjat.".into(),
        ));
    }
    Ok(k)
}

async fn rapport(
    s: &AppState,
    i: &Inloggad,
    q: &HashMap<String, String>,
) -> Result<Kvartalsrapport, WebFel> {
    policy::krav(&i.anvandare, Atgard::Rapporter)?;
    let idag = svensk_dag(s.nu());
    let kvartal = valt_kvartal(q, idag)?;
    let rader = s
        .store
        .klagomal()
        .rapportrader(
            i.anvandare.kommun,
            kvartal.forsta_dag(),
            kvartal.sista_dag(),
        )
        .await?;
    // Counts only, no complaint or person: the read is audited as one row for the report.
    s.store
        .granskning()
        .logga_lasning(
            &i.aktor(),
            &[Granskningspost::ny(format!("rapport.klagomal:{kvartal}"))],
            s.nu(),
        )
        .await?;
    Ok(kvartalsrapport(&rader, kvartal, idag))
}

/// The report's rows: (group, what, count as shown).
fn rapportrader(r: &Kvartalsrapport) -> Vec<(&'static str, String, String)> {
    let c = |x: Cell| x.text();
    let mut ut = vec![("Totalt", "Inkomna".to_owned(), c(r.totalt))];
    for (sl, n) in &r.per_slag {
        ut.push(("Slag", sl.namn().to_owned(), c(*n)));
    }
    for (k, n) in &r.per_kategori {
        ut.push(("Kategori", k.namn().to_owned(), c(*n)));
    }
    for (u, n) in &r.per_utfall {
        ut.push(("Utfall", u.namn().to_owned(), c(*n)));
    }
    ut.push(("Utfall", "Inte besvarade ännu".into(), c(r.obesvarade)));
    ut.push(("Svarstid", "Besvarade i tid".into(), c(r.i_tid)));
    ut.push(("Svarstid", "Besvarade för sent".into(), c(r.sent)));
    ut.push((
        "Svarstid",
        "Inte besvarade, svarsdagen har passerat".into(),
        c(r.forsenade_obesvarade),
    ));
    ut.push((
        "Svarstid",
        "Inte besvarade, inom svarstiden".into(),
        c(r.inom_tid),
    ));
    ut.push((
        "Lex Sarah",
        "Lämnade till Lex Sarah-utredning".into(),
        c(r.lex_sarah),
    ));
    ut
}

#[derive(Template, WebTemplate)]
#[template(path = "rapport_klagomal.html")]
struct RapportSida {
    sida: Sida,
    kvartal: String,
    ar: i32,
    nummer: u8,
    pagar: bool,
    rader: Vec<(&'static str, String, String)>,
    svarstid: u32,
}

pub async fn rapport_sida(
    State(s): State<AppState>,
    i: Inloggad,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, WebFel> {
    let r = rapport(&s, &i, &q).await?;
    Ok(RapportSida {
        sida: Sida::av(&i),
        kvartal: r.kvartal.to_string(),
        ar: r.kvartal.ar(),
        nummer: r.kvartal.nummer(),
        pagar: r.pagar,
        rader: rapportrader(&r),
        svarstid: lots_domain::klagomal::SVARSTID_VECKOR,
    }
    .into_response())
}

/// The same as CSV for Swedish Excel: semicolons, UTF-8 with BOM.
pub async fn rapport_csv(
    State(s): State<AppState>,
    i: Inloggad,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, WebFel> {
    let r = rapport(&s, &i, &q).await?;
    let mut rader = vec![vec![
        "Grupp".to_owned(),
        "Vad".to_owned(),
        "Antal".to_owned(),
    ]];
    rader.extend(
        rapportrader(&r)
            .into_iter()
            .map(|(grupp, vad, antal)| vec![grupp.to_string(), vad.to_string(), antal.to_string()]),
    );
    let namn = format!(
        "synpunkter-{}-kvartal{}.csv",
        r.kvartal.ar(),
        r.kvartal.nummer()
    );
    Ok(super::rapporter::csv_svar(&namn, &rader))
}
