//! The provider's invoice (issue 17 item 6): its lines sent as a CSV file or entered one by
//! one, by the staff of a unit of the provider organisation, for that organisation only.
//! The file's format is in docs/utforare.md; a file with any error is refused whole, each
//! error named by line and column, and nothing is stored. The lines are then held against
//! the orders, the delivery and the contracts in the arbetsledare's reconciliation.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use lots_domain::forsorjningsstod::Manad;
use lots_domain::ids::UtforarId;
use lots_domain::tid::svensk_dag;
use lots_domain::utforare::{
    FAKTURA_KOLUMNER, Fakturarad, Utforarorganisation, antal_text, kronor_text, las_faktura_csv,
};
use lots_store::Granskningspost;
use serde::Deserialize;

use super::{Falt, Sida, fyll};
use crate::AppState;
use crate::auth::Inloggad;
use crate::fel::WebFel;
use crate::formular::{FaltFel, Formular};
use crate::policy::{self, Atgard};
use crate::uppladdning::FormularMedFiler;

#[derive(Deserialize)]
pub struct Fraga {
    manad: Option<String>,
    inlasta: Option<usize>,
}

/// The user's provider organisation; refused (and logged) when their unit has none.
async fn egen_organisation(s: &AppState, i: &Inloggad) -> Result<Utforarorganisation, WebFel> {
    let kommun = i.anvandare.kommun;
    let org = match s
        .store
        .organisation()
        .enhetens_utforare(kommun, i.anvandare.enhet)
        .await?
    {
        Some(id) => {
            s.store
                .organisation()
                .utforarorganisation(kommun, id)
                .await?
        }
        None => None,
    };
    policy::krav(
        &i.anvandare,
        Atgard::LamnaFaktura {
            leverantor: org.is_some(),
        },
    )?;
    org.ok_or_else(policy::nekad)
}

fn radfalt(bestallningar: &[(String, String)], idag: time::Date) -> Vec<Falt> {
    vec![
        Falt::val(
            "bestallning",
            "Beställning",
            "select",
            bestallningar.iter().cloned(),
        )
        .kravs(),
        Falt::text("period", "Månad")
            .kravs()
            .hjalp("ÅÅÅÅ-MM, till exempel 2026-04.")
            .varde(Manad::for_dag(idag).foregaende()),
        Falt::val(
            "enhet",
            "Enhet",
            "radio",
            [
                ("timme".to_string(), "Timmar".to_string()),
                ("dygn".to_string(), "Dygn".to_string()),
                ("tillfalle".to_string(), "Tillfällen".to_string()),
            ],
        )
        .kravs(),
        Falt::text("antal", "Antal")
            .kravs()
            .hjalp("Högst två decimaler, till exempel 12,5."),
        Falt::text("a_pris", "À-pris i kronor")
            .kravs()
            .hjalp("Till exempel 450,00."),
    ]
}

pub struct Fakturaradvy {
    pub rad: usize,
    pub bestallning: String,
    pub manad: String,
    pub antal: String,
    pub a_pris: String,
    pub belopp: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "fakturor.html")]
struct Sidan {
    sida: Sida,
    org: String,
    manad: String,
    manadsnamn: String,
    inlasta: Option<usize>,
    rader: Vec<Fakturaradvy>,
    /// The file's errors, each naming its line and column.
    filfel: Vec<String>,
    kolumner: String,
    falt: Vec<Falt>,
    fel: Vec<(String, String)>,
}

/// The orders sent to the user's unit under the organisation's terms: (reference, label).
async fn bestallningar(
    s: &AppState,
    i: &Inloggad,
    org: UtforarId,
) -> Result<Vec<(String, String)>, WebFel> {
    let kommun = i.anvandare.kommun;
    let villkor = s
        .store
        .organisation()
        .bestallningsvillkor(kommun, org)
        .await?;
    let rader = s
        .store
        .arenden()
        .uppdrag_for_enhet(kommun, i.anvandare.enhet)
        .await?;
    let mut ut = vec![];
    let mut loggade = vec![];
    for r in rader.iter().filter(|r| {
        villkor.iter().any(|v| v.beslut == r.beslut)
            && policy::far(
                &i.anvandare,
                Atgard::LasaUppdrag {
                    utforare: r.utforare,
                    skyddad: r.person_skyddad,
                },
            )
    }) {
        let insats = r
            .tillstand
            .beslut_lage(r.beslut)
            .map(|b| b.beslut.insats.namn())
            .unwrap_or("");
        ut.push((
            r.beslut.to_string(),
            format!("{}, {insats} ({})", r.person_namn, r.beslut),
        ));
        loggade.push(
            Granskningspost::ny("fakturor.bestallningar")
                .person(r.person, r.person_skyddad)
                .arende(r.arende),
        );
    }
    s.store
        .granskning()
        .logga_lasning(&i.aktor(), &loggade, s.nu())
        .await?;
    Ok(ut)
}

#[allow(clippy::too_many_arguments)]
async fn sidan(
    s: &AppState,
    i: &Inloggad,
    org: &Utforarorganisation,
    manad: Manad,
    inlasta: Option<usize>,
    filfel: Vec<String>,
    form: Option<(&Formular, &[FaltFel])>,
) -> Result<Response, WebFel> {
    let kommun = i.anvandare.kommun;
    let rader: Vec<Fakturarad> = s
        .store
        .organisation()
        .fakturarader(kommun, org.id, manad)
        .await?;
    let mut falt = radfalt(&bestallningar(s, i, org.id).await?, svensk_dag(s.nu()));
    let fel = match form {
        Some((f, fel)) => fyll(&mut falt, f, fel),
        None => vec![],
    };
    let status = if fel.is_empty() && filfel.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok((
        status,
        Sidan {
            sida: Sida::av(i),
            org: org.namn.clone(),
            manad: manad.to_string(),
            manadsnamn: manad.namn(),
            inlasta,
            rader: rader
                .iter()
                .enumerate()
                .map(|(n, r)| Fakturaradvy {
                    rad: n + 1,
                    bestallning: r.bestallning.clone(),
                    manad: r.manad.to_string(),
                    antal: format!("{} {}", antal_text(r.antal), r.enhet.namn()),
                    a_pris: kronor_text(r.a_pris),
                    belopp: kronor_text(r.belopp()),
                })
                .collect(),
            filfel,
            kolumner: FAKTURA_KOLUMNER.join(";"),
            falt,
            fel,
        },
    )
        .into_response())
}

pub async fn visa(
    State(s): State<AppState>,
    i: Inloggad,
    Query(q): Query<Fraga>,
) -> Result<Response, WebFel> {
    let org = egen_organisation(&s, &i).await?;
    let manad = match q.manad.as_deref().filter(|m| !m.trim().is_empty()) {
        Some(m) => m.trim().parse().map_err(|_| {
            WebFel::Ogiltig("Månaden ska skrivas ÅÅÅÅ-MM, till exempel 2026-04.".into())
        })?,
        None => Manad::for_dag(svensk_dag(s.nu())).foregaende(),
    };
    sidan(&s, &i, &org, manad, q.inlasta, vec![], None).await
}

/// Stores the lines, all or none, and shows the month of the first.
async fn las_in(
    s: &AppState,
    i: &Inloggad,
    org: &Utforarorganisation,
    rader: &[Fakturarad],
) -> Result<Response, WebFel> {
    s.store
        .organisation()
        .las_in_faktura(i.anvandare.kommun, org.id, rader, &i.aktor(), s.nu())
        .await?;
    // Each month billed is reconciled now, and its differences flagged to the beställare
    // as bevakningar before payment (issue 17).
    let mut manader: Vec<Manad> = rader.iter().map(|r| r.manad).collect();
    manader.sort();
    manader.dedup();
    for m in manader {
        super::utforare::flagga_avvikelser(
            &s.store,
            i.anvandare.kommun,
            org.id,
            m,
            &i.aktor(),
            s.nu(),
        )
        .await?;
    }
    let manad = rader
        .first()
        .map(|r| r.manad)
        .unwrap_or_else(|| Manad::for_dag(svensk_dag(s.nu())));
    Ok(Redirect::to(&format!("/fakturor?manad={manad}&inlasta={}", rader.len())).into_response())
}

/// A CSV file of invoice lines.
pub async fn skicka_fil(
    State(s): State<AppState>,
    i: Inloggad,
    FormularMedFiler(f, filer): FormularMedFiler,
) -> Result<Response, WebFel> {
    i.kontrollera_csrf(&f)?;
    let org = egen_organisation(&s, &i).await?;
    let manad = Manad::for_dag(svensk_dag(s.nu())).foregaende();
    let Some((_, fil)) = filer.into_iter().find(|(namn, _)| namn == "fil") else {
        let fel = vec!["Välj en CSV-fil med fakturaraderna.".to_string()];
        return sidan(&s, &i, &org, manad, None, fel, None).await;
    };
    let Ok(text) = String::from_utf8(fil.innehall) else {
        let fel = vec![
            "Filen är inte sparad som UTF-8. Spara den som CSV UTF-8 (semikolonavgränsad) och försök igen."
                .to_string(),
        ];
        return sidan(&s, &i, &org, manad, None, fel, None).await;
    };
    match las_faktura_csv(&text) {
        Ok(rader) => las_in(&s, &i, &org, &rader).await,
        Err(fel) => {
            let fel = fel.iter().map(ToString::to_string).collect();
            sidan(&s, &i, &org, manad, None, fel, None).await
        }
    }
}

/// One line entered by hand: read through the same rules as a line of the file.
pub async fn skicka_rad(
    State(s): State<AppState>,
    i: Inloggad,
    f: Formular,
) -> Result<Response, WebFel> {
    i.kontrollera_csrf(&f)?;
    let org = egen_organisation(&s, &i).await?;
    let manad = Manad::for_dag(svensk_dag(s.nu())).foregaende();
    let mut fel = vec![];
    let mut varden = vec![];
    for k in FAKTURA_KOLUMNER {
        let v = f.text(k);
        if v.contains([';', '\n', '\r', '"']) {
            fel.push(FaltFel {
                falt: k,
                text: "Fältet får inte innehålla semikolon, citattecken eller radbrytningar."
                    .into(),
            });
        }
        varden.push(v);
    }
    if fel.is_empty() {
        let text = format!("{}\n{}\n", FAKTURA_KOLUMNER.join(";"), varden.join(";"));
        match las_faktura_csv(&text) {
            Ok(mut rader) => {
                for r in &mut rader {
                    r.rad = 1;
                }
                return las_in(&s, &i, &org, &rader).await;
            }
            Err(e) => {
                for x in e {
                    fel.push(FaltFel {
                        falt: x.kolumn.unwrap_or("bestallning"),
                        text: x.text,
                    });
                }
            }
        }
    }
    sidan(&s, &i, &org, manad, None, vec![], Some((&f, &fel))).await
}
