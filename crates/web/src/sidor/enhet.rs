//! The arbetsledare's overview of their enhet (issue 20 item 7): per handläggare the open
//! cases, those with a bevakning past its day and the granted decisions not yet carried
//! out, and the cases nobody is assigned; the enhet's handläggningstider; the current
//! quarter's ej verkställda beslut so far, by the report to IVO's own rule
//! (`lots_domain::rapport::ivo_post_hittills`, SoL 34 kap. 1 §); and moving cases to
//! another of the enhet's handläggare in one submit (the summer's hand-over).
//!
//! Moving a case is the step "Byt handläggare" on each case, through the one step service
//! (`lots_steg`): each case gets its own event, audit rows and the domain's rules, and the
//! policy decides each case on its own (`Steg(_, TilldelaHandlaggare)`: only within the
//! user's enhet). What happened is reported case by case.

use std::collections::{HashMap, HashSet};

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use lots_domain::arende::{Kommando, KommandoTyp};
use lots_domain::ids::{AnvandarId, ArendeId};
use lots_domain::organisation::Roll;
use lots_domain::rapport::{Avsnitt, Kvartal, Slut, Spridning, ivo_post_hittills, spridning};
use lots_domain::tid::svensk_dag;
use lots_steg::Stegfel;
use lots_store::{Anvandare, Granskningspost, Urval, Vems};
use time::{Date, Duration};

use super::Sida;
use crate::AppState;
use crate::atkomst::{self, ArendeSyfte};
use crate::auth::Inloggad;
use crate::fel::WebFel;
use crate::formular::{Formular, Formularfel};
use crate::policy::{self, ArendeResurs, Atgard};

/// The longest list of cases the page shows at once.
const LISTA_HOGST: i64 = 500;

/// The period the handläggningstider are taken over.
const PERIOD_DAGAR: i64 = 90;

/// One row of the table per handläggare.
pub struct Rad {
    pub namn: String,
    /// The list's `vem` parameter: the user's id, or `ingen`.
    pub vem: String,
    pub oppna: i64,
    pub sena: i64,
    pub ej_verkstallda: i64,
    pub aldsta_beslut: String,
}

/// A case in the list below the table.
pub struct Listrad {
    pub id: ArendeId,
    pub diarienummer: String,
    pub namn: String,
    pub insatser: String,
    pub status: &'static str,
    pub handlaggare: String,
    pub nasta: String,
    pub sen: bool,
}

/// A line of the quarter's ej verkställda so far.
pub struct IvoRad {
    pub arende: ArendeId,
    pub diarienummer: String,
    pub insats: &'static str,
    pub fran: Date,
    pub tre_manader: Date,
    pub vantat_dagar: i64,
    pub verkstallt: String,
}

/// What a bulk move did with one case.
pub struct Utfall {
    pub arende: String,
    pub flyttat: bool,
    pub text: String,
}

pub struct Tider {
    pub beslut: Option<Spridning>,
    pub ansokningar: Option<Spridning>,
}

#[derive(Template, WebTemplate)]
#[template(path = "enhet.html")]
struct EnhetSida {
    sida: Sida,
    enhet: String,
    idag: Date,
    rader: Vec<Rad>,
    tider: Tider,
    period_dagar: i64,
    kvartal: String,
    ivo: Vec<IvoRad>,
    /// The list asked for, with its heading.
    lista: Option<(String, Vec<Listrad>)>,
    lista_avkortad: bool,
    /// Whom cases may be moved to: the enhet's active handläggare and arbetsledare.
    mottagare: Vec<(AnvandarId, String)>,
    /// Whose open cases may be handed over: everyone holding one in the enhet.
    lamnare: Vec<(AnvandarId, String)>,
    utfall: Vec<Utfall>,
    fel: Option<String>,
    /// Who covers for whom in the enhet, and until when (issue 19 item 1): shown to the
    /// person on Mina sidor beside their handläggare's name.
    ersattare: Vec<Ersattarrad>,
    /// Whom the arbetsledare may name: the enhet's active handläggare and arbetsledare.
    ersattare_fel: Option<String>,
}

/// One cover: who is away, who covers, until which day.
pub struct Ersattarrad {
    pub handlaggare: AnvandarId,
    pub namn: String,
    pub ersattare: String,
    pub till: Date,
}

fn kan_ta_emot(u: &Anvandare, i: &Inloggad) -> bool {
    u.aktiv
        && u.kommun == i.anvandare.kommun
        && u.enhet == i.anvandare.enhet
        && matches!(u.roll, Roll::Handlaggare | Roll::Arbetsledare)
}

fn urval(q: &HashMap<String, String>) -> Option<(Urval, &'static str)> {
    match q.get("visa").map(String::as_str) {
        Some("oppna") => Some((Urval::Oppna, "enhet-lista_oppna")),
        Some("sena") => Some((Urval::Sena, "enhet-lista_sena")),
        Some("ej-verkstallda") => Some((Urval::EjVerkstallda, "enhet-lista_ej_verkstallda")),
        _ => None,
    }
}

fn vems(q: &HashMap<String, String>) -> Result<Vems, WebFel> {
    match q.get("vem").map(String::as_str) {
        None | Some("") => Ok(Vems::Alla),
        Some("ingen") => Ok(Vems::UtanHandlaggare),
        Some(t) => t
            .parse()
            .map(Vems::Handlaggare)
            .map_err(|_| WebFel::Ogiltig("Välj en handläggare i tabellen.".into())),
    }
}

/// Builds the page: the numbers, the times, the quarter so far, and the list asked for;
/// logs the read of every case it names.
async fn bygg(
    s: &AppState,
    i: &Inloggad,
    q: &HashMap<String, String>,
    utfall: Vec<Utfall>,
    fel: Option<String>,
) -> Result<EnhetSida, WebFel> {
    policy::krav(&i.anvandare, Atgard::Enhetsoversikt)?;
    let nu = s.nu();
    let idag = svensk_dag(nu);
    let kommun = i.anvandare.kommun;
    let enhet = i.anvandare.enhet;
    let rapporter = s.store.rapporter();
    let org = s.store.organisation();
    let anvandare = org.alla_anvandare(kommun).await?;
    let namn: HashMap<AnvandarId, String> =
        anvandare.iter().map(|a| (a.id, a.namn.clone())).collect();
    let enhetens_namn = org
        .enheter(kommun)
        .await?
        .into_iter()
        .find(|e| e.id == enhet)
        .map(|e| e.namn)
        .unwrap_or_default();

    // Per handläggare: everyone who may hold the enhet's cases, and anyone else who does.
    let mut siffror = rapporter
        .enhetens_siffror(kommun, enhet, idag, i.anvandare.skyddad_behorighet)
        .await?;
    for a in anvandare.iter().filter(|a| kan_ta_emot(a, i)) {
        siffror.entry(Some(a.id)).or_default();
    }
    siffror.entry(None).or_default();
    let mut rader: Vec<Rad> = siffror
        .iter()
        .map(|(h, x)| Rad {
            namn: match h {
                Some(h) => namn.get(h).cloned().unwrap_or_else(|| h.to_string()),
                None => crate::texter::t("enhet-utan_handlaggare"),
            },
            vem: h.map_or_else(|| "ingen".to_string(), |h| h.to_string()),
            oppna: x.oppna,
            sena: x.sena,
            ej_verkstallda: x.ej_verkstallda,
            aldsta_beslut: x.aldsta_beslut.map(|d| d.to_string()).unwrap_or_default(),
        })
        .collect();
    // By name, and the cases without a handläggare last.
    rader.sort_by(|a, b| (a.vem == "ingen", &a.namn).cmp(&(b.vem == "ingen", &b.namn)));
    let lamnare: Vec<(AnvandarId, String)> = siffror
        .iter()
        .filter(|(_, x)| x.oppna > 0)
        .filter_map(|(h, _)| *h)
        .map(|h| (h, namn.get(&h).cloned().unwrap_or_else(|| h.to_string())))
        .collect();
    let mut mottagare: Vec<(AnvandarId, String)> = anvandare
        .iter()
        .filter(|a| kan_ta_emot(a, i))
        .map(|a| (a.id, a.namn.clone()))
        .collect();
    mottagare.sort_by(|a, b| a.1.cmp(&b.1));

    // Handläggningstider: from the day the case came in to its decision, for the decisions
    // of the last PERIOD_DAGAR days; and how long the open ansökningar without a decision
    // have waited today.
    let fran = idag - Duration::days(PERIOD_DAGAR);
    let beslut = rapporter
        .enhetens_beslutstider(kommun, enhet, fran, idag, i.anvandare.skyddad_behorighet)
        .await?
        .into_iter()
        .map(|(inkom, beslut)| (beslut - inkom).whole_days())
        .collect();
    let ansokningar = rapporter
        .enhetens_oavgjorda_ansokningar(kommun, enhet, i.anvandare.skyddad_behorighet)
        .await?
        .into_iter()
        .map(|inkom| (idag - inkom).whole_days())
        .collect();
    let tider = Tider {
        beslut: spridning(beslut),
        ansokningar: spridning(ansokningar),
    };

    // The quarter so far, by the report's rule (SoL 34 kap. 1 §).
    let kvartal = Kvartal::for_dag(idag);
    let mut poster = vec![];
    let mut register: HashMap<ArendeId, lots_store::RapportArende> = HashMap::new();
    rapporter
        .ivo_vantetider_enhet(kommun, enhet, kvartal, |r| {
            if let Some(p) = ivo_post_hittills(r.vantan, idag)
                && p.avsnitt == Avsnitt::EjVerkstallt
            {
                register.entry(r.arende.id).or_insert(r.arende);
                poster.push(p);
            }
        })
        .await?;
    poster.sort_by_key(|p| (p.vantan.fran(), p.vantan.arende));

    // The list asked for, if any: the cases the user may read (a protected person's case
    // only with the right; the numbers above count it without naming it).
    let (lista, lista_avkortad) = match urval(q) {
        None => (None, false),
        Some((u, rubrik)) => {
            let vem = vems(q)?;
            let arenden = rapporter
                .enhetens_arenden(kommun, enhet, u, vem, idag, LISTA_HOGST)
                .await?;
            let avkortad = arenden.len() as i64 >= LISTA_HOGST;
            let rubrik = match vem {
                Vems::Alla => crate::texter::t(rubrik),
                Vems::UtanHandlaggare => format!(
                    "{}: {}",
                    crate::texter::t(rubrik),
                    crate::texter::t("enhet-utan_handlaggare")
                ),
                Vems::Handlaggare(h) => format!(
                    "{}: {}",
                    crate::texter::t(rubrik),
                    namn.get(&h).cloned().unwrap_or_default()
                ),
            };
            (Some((rubrik, arenden)), avkortad)
        }
    };
    let lista = lista.map(|(rubrik, arenden)| {
        let rader: Vec<_> = arenden
            .into_iter()
            .filter(|a| policy::far(&i.anvandare, Atgard::LasaArende(ArendeResurs::av(&a.rad))))
            .collect();
        (rubrik, rader)
    });

    // Every case the page names is a read of it (DESIGN.md principle 4).
    let mut poster_logg = vec![];
    let mut sedda = HashSet::new();
    if let Some((_, arenden)) = &lista {
        for a in arenden {
            if sedda.insert(a.rad.id) {
                poster_logg.push(
                    Granskningspost::ny("enhet.oversikt")
                        .person(a.rad.person, a.rad.person_skyddad)
                        .arende(a.rad.id),
                );
            }
        }
    }
    for p in &poster {
        if let Some(r) = register.get(&p.vantan.arende)
            && sedda.insert(r.id)
        {
            poster_logg.push(
                Granskningspost::ny("enhet.oversikt")
                    .person(r.person, r.skyddad)
                    .arende(r.id),
            );
        }
    }
    if poster_logg.is_empty() {
        poster_logg.push(Granskningspost::ny("enhet.oversikt"));
    }
    s.store
        .granskning()
        .logga_lasning(&i.aktor(), &poster_logg, nu)
        .await?;

    // The quarter's lines name the case by its diarienummer where the list has it.
    let diarienummer: HashMap<ArendeId, String> = lista
        .iter()
        .flat_map(|(_, a)| a.iter().map(|a| (a.rad.id, a.rad.beteckning())))
        .collect();
    let ivo = poster
        .into_iter()
        .map(|p| IvoRad {
            arende: p.vantan.arende,
            diarienummer: diarienummer
                .get(&p.vantan.arende)
                .cloned()
                .unwrap_or_else(|| p.vantan.arende.to_string()),
            insats: p.vantan.insats.namn(),
            fran: p.vantan.fran(),
            tre_manader: p.vantan.tre_manader,
            vantat_dagar: p.vantat_dagar,
            verkstallt: match p.slut {
                Some(sl @ (Slut::Verkstallt(_) | Slut::Aterupptaget(_))) => sl.text(),
                _ => String::new(),
            },
        })
        .collect();
    let lista = lista.map(|(rubrik, arenden)| {
        (
            rubrik,
            arenden
                .into_iter()
                .map(|a| Listrad {
                    id: a.rad.id,
                    diarienummer: a.rad.beteckning(),
                    namn: a.rad.person_namn.clone(),
                    insatser: a
                        .insatser
                        .iter()
                        .map(|x| x.namn())
                        .collect::<Vec<_>>()
                        .join(", "),
                    status: a.rad.status.namn(),
                    handlaggare: a.rad.handlaggare_namn.clone().unwrap_or_default(),
                    nasta: a.nasta.map(|d| d.to_string()).unwrap_or_default(),
                    sen: a.nasta.is_some_and(|d| d < idag),
                })
                .collect(),
        )
    });
    let ersattare = s
        .store
        .organisation()
        .ersattare(kommun, idag)
        .await?
        .into_iter()
        // The enhet's own: a cover of another enhet's handläggare is not this page's.
        .filter(|e| {
            anvandare
                .iter()
                .any(|a| a.id == e.handlaggare && a.enhet == enhet)
        })
        .map(|e| Ersattarrad {
            handlaggare: e.handlaggare,
            namn: namn.get(&e.handlaggare).cloned().unwrap_or_default(),
            ersattare: namn.get(&e.ersattare).cloned().unwrap_or_default(),
            till: e.till,
        })
        .collect();
    Ok(EnhetSida {
        sida: Sida::av(i),
        enhet: enhetens_namn,
        ersattare,
        ersattare_fel: None,
        idag,
        rader,
        tider,
        period_dagar: PERIOD_DAGAR,
        kvartal: kvartal.to_string(),
        ivo,
        lista,
        lista_avkortad,
        mottagare,
        lamnare,
        utfall,
        fel,
    })
}

pub async fn visa(
    State(s): State<AppState>,
    i: Inloggad,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, WebFel> {
    Ok(bygg(&s, &i, &q, vec![], None).await?.into_response())
}

/// Moves the chosen cases, or all of one handläggare's open cases, to another of the
/// enhet's handläggare: each case its own step "Byt handläggare" through the step
/// service, each refused case named with the reason.
pub async fn fordela(
    State(s): State<AppState>,
    i: Inloggad,
    f: Formular,
) -> Result<Response, WebFel> {
    i.kontrollera_csrf(&f)?;
    policy::krav(&i.anvandare, Atgard::Enhetsoversikt)?;
    let kommun = i.anvandare.kommun;
    let enhet = i.anvandare.enhet;
    let q = HashMap::new();
    let anvandare = s.store.organisation().alla_anvandare(kommun).await?;
    let mottagare = f
        .text("handlaggare")
        .parse::<AnvandarId>()
        .ok()
        .and_then(|h| anvandare.iter().find(|a| a.id == h && kan_ta_emot(a, &i)));
    let Some(mottagare) = mottagare else {
        let sida = bygg(
            &s,
            &i,
            &q,
            vec![],
            Some(crate::texter::t("enhet-fel_mottagare")),
        )
        .await?;
        return Ok((StatusCode::BAD_REQUEST, sida).into_response());
    };
    // The cases: those ticked, or every open case of the one handing over.
    let mut valda: Vec<String> = f.alla("arende").into_iter().map(str::to_owned).collect();
    if let Ok(fran) = f.text("fran_handlaggare").parse::<AnvandarId>() {
        valda.extend(
            s.store
                .rapporter()
                .handlaggarens_oppna_i_enhet(kommun, enhet, fran)
                .await?
                .into_iter()
                .map(|a| a.to_string()),
        );
    }
    let mut sedda = HashSet::new();
    valda.retain(|a| sedda.insert(a.clone()));
    if valda.is_empty() {
        let sida = bygg(&s, &i, &q, vec![], Some(crate::texter::t("enhet-fel_inga"))).await?;
        return Ok((StatusCode::BAD_REQUEST, sida).into_response());
    }
    let mut utfall = vec![];
    for id in valda {
        utfall.push(flytta(&s, &i, &id, mottagare).await?);
    }
    Ok(bygg(&s, &i, &q, utfall, None).await?.into_response())
}

/// One case's step "Byt handläggare": opened as for the step's form (the policy decides,
/// a refusal is logged), then taken through the step service.
async fn flytta(s: &AppState, i: &Inloggad, id: &str, till: &Anvandare) -> Result<Utfall, WebFel> {
    let nekad = |text: String| Utfall {
        arende: id.to_string(),
        flyttat: false,
        text,
    };
    let oppnat = match atkomst::oppna_arende(
        s,
        i,
        id,
        ArendeSyfte::Steg(KommandoTyp::TilldelaHandlaggare),
    )
    .await
    {
        Ok(o) => o,
        // Never assigned, and named only by what was posted: the user may not read it.
        Err(WebFel::Nekad(_) | WebFel::KraverSkal(_)) => {
            return Ok(nekad(crate::texter::t("enhet-nekad_annan_enhet")));
        }
        Err(WebFel::Saknas) => return Ok(nekad(crate::texter::t("enhet-nekad_saknas"))),
        Err(e) => return Err(e),
    };
    let arende = oppnat.rad.beteckning();
    let nu = s.nu();
    let steg = lots_steg::Steg {
        aktor: i.aktor(),
        arende: oppnat.rad.id,
        kommandon: vec![Kommando::TilldelaHandlaggare {
            handlaggare: till.id,
        }],
        bilagor: vec![],
        nu,
        idag: svensk_dag(nu),
        vem: None,
        lasning: None,
        skriv_brev: true,
    };
    let lage = Some((oppnat.rad, oppnat.arende));
    let kommun_namn = s.kommunnamn(i.anvandare.kommun).await?;
    match lots_steg::ta_steg_med(&s.store, &kommun_namn, steg, lage).await {
        Ok(_) => Ok(Utfall {
            arende,
            flyttat: true,
            text: crate::texter::f("enhet-flyttat", &[("namn", till.namn.as_str())]),
        }),
        Err(Stegfel::Samtidigt) => Ok(Utfall {
            arende,
            flyttat: false,
            text: crate::formular::SAMTIDIG_ANDRING.to_string(),
        }),
        Err(e) => {
            let text = match Formularfel::from(e) {
                Formularfel::Falt(fel) => fel
                    .into_iter()
                    .map(|f| f.text)
                    .collect::<Vec<_>>()
                    .join(" "),
                Formularfel::Meddelande(t, _) => t,
                Formularfel::Annat(e) => return Err(e),
            };
            Ok(Utfall {
                arende,
                flyttat: false,
                text,
            })
        }
    }
}

/// The longest cover the arbetsledare may set at once: a year (a longer absence is a new
/// handläggare, "Byt handläggare").
const ERSATTARE_HOGST_DAGAR: i64 = 366;

/// Sets who covers for one of the enhet's handläggare until a day (issue 19 item 1). The
/// person sees the name and the day on Mina sidor; nothing else about either of them.
pub async fn satt_ersattare(
    State(s): State<AppState>,
    i: Inloggad,
    f: Formular,
) -> Result<Response, WebFel> {
    i.kontrollera_csrf(&f)?;
    policy::krav(&i.anvandare, Atgard::Enhetsoversikt)?;
    let kommun = i.anvandare.kommun;
    let idag = svensk_dag(s.nu());
    let anvandare = s.store.organisation().alla_anvandare(kommun).await?;
    let valj = |namn: &str| {
        f.text(namn)
            .parse::<AnvandarId>()
            .ok()
            .and_then(|h| anvandare.iter().find(|a| a.id == h && kan_ta_emot(a, &i)))
    };
    let mut fel = vec![];
    let borta = valj("handlaggare");
    let ersattare = valj("ersattare");
    if borta.is_none() {
        fel.push(crate::texter::t("enhet-ersattare_fel_borta"));
    }
    if ersattare.is_none() {
        fel.push(crate::texter::t("enhet-ersattare_fel_ersattare"));
    }
    if let (Some(b), Some(e)) = (borta, ersattare)
        && b.id == e.id
    {
        fel.push(crate::texter::t("enhet-ersattare_fel_samma"));
    }
    let till = match time::Date::parse(
        f.text("till").trim(),
        time::macros::format_description!("[year]-[month]-[day]"),
    ) {
        Ok(d) if d < idag => {
            fel.push(crate::texter::t("enhet-ersattare_fel_passerat"));
            None
        }
        Ok(d) if d > idag + Duration::days(ERSATTARE_HOGST_DAGAR) => {
            fel.push(crate::texter::t("enhet-ersattare_fel_langt"));
            None
        }
        Ok(d) => Some(d),
        Err(_) => {
            fel.push(crate::texter::t("enhet-ersattare_fel_datum"));
            None
        }
    };
    match (borta, ersattare, till, fel.is_empty()) {
        (Some(b), Some(e), Some(till), true) => {
            s.store
                .organisation()
                .satt_ersattare(
                    kommun,
                    &lots_store::Ersattare {
                        handlaggare: b.id,
                        ersattare: e.id,
                        till,
                    },
                    i.anvandare.id,
                    s.nu(),
                )
                .await?;
            logga_ersattare(&s, &i, &format!("enhet.ersattare:{}:{}:{till}", b.id, e.id)).await?;
            Ok(axum::response::Redirect::to("/enhet#ersattare").into_response())
        }
        _ => {
            let mut sida = bygg(&s, &i, &HashMap::new(), vec![], None).await?;
            sida.ersattare_fel = Some(fel.join(" "));
            Ok((StatusCode::UNPROCESSABLE_ENTITY, sida).into_response())
        }
    }
}

/// Ends a cover before its day: the handläggare is back.
pub async fn avsluta_ersattare(
    State(s): State<AppState>,
    i: Inloggad,
    axum::extract::Path(id): axum::extract::Path<String>,
    f: Formular,
) -> Result<Response, WebFel> {
    i.kontrollera_csrf(&f)?;
    policy::krav(&i.anvandare, Atgard::Enhetsoversikt)?;
    let kommun = i.anvandare.kommun;
    let handlaggare: AnvandarId = id.parse().map_err(|_| WebFel::Saknas)?;
    // Only a cover of the arbetsledare's own enhet; another's is, here, not there.
    let egen = s
        .store
        .organisation()
        .anvandare(kommun, handlaggare)
        .await?
        .is_some_and(|a| a.enhet == i.anvandare.enhet);
    if !egen {
        return Err(WebFel::Saknas);
    }
    // Ending a cover that has already ended changes nothing and is no error.
    s.store
        .organisation()
        .avsluta_ersattare(kommun, handlaggare)
        .await?;
    logga_ersattare(&s, &i, &format!("enhet.ersattare_avslutad:{handlaggare}")).await?;
    Ok(axum::response::Redirect::to("/enhet#ersattare").into_response())
}

async fn logga_ersattare(s: &AppState, i: &Inloggad, handling: &str) -> Result<(), WebFel> {
    s.store
        .granskning()
        .logga_lasning(&i.aktor(), &[Granskningspost::ny(handling)], s.nu())
        .await?;
    Ok(())
}
