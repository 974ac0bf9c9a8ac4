//! The unit's payments of försörjningsstöd (issue 15, item 8): what waits for a second
//! person's attest, what is ready to go, the payment file for the bank (ISO 20022
//! pain.001) and, once the file is with the bank, registering those payments as sent.
//!
//! A row is shown only if the user may take the case's steps (the policy, as on the
//! case page: the unit's own cases, protected persons only with that right), every
//! list and file is audited with each record in it, and registering a payment as
//! sent is the case's own step, one transaction per case.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use lots_domain::arende::{Kommando, KommandoTyp};
use lots_domain::forsorjningsstod::utbetalning::{Betalningsrad, Lage, pain001};
use lots_domain::ids::UtbetalningId;
use lots_domain::tid::svensk_dag;
use lots_store::{Granskningspost, UtbetalningRad};

use super::Sida;
use crate::AppState;
use crate::auth::Inloggad;
use crate::fel::WebFel;
use crate::formular::Formular;
use crate::policy::{self, ArendeResurs, Atgard};
use crate::visning::kr;

struct RadVy {
    id: String,
    arende: String,
    person: String,
    till: String,
    konto: String,
    belopp: String,
    dag: String,
    manad: String,
    sen: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "utbetalningar.html")]
struct UtbetalningarSida {
    sida: Sida,
    attest: Vec<RadVy>,
    klara: Vec<RadVy>,
    summa: String,
    idag: String,
    har_betalkonto: bool,
    fel: Vec<String>,
}

/// The unit's payments still to go out that this user may act on, audited as shown.
async fn mina_rader(
    s: &AppState,
    i: &Inloggad,
    handling: &str,
) -> Result<Vec<UtbetalningRad>, WebFel> {
    policy::krav(&i.anvandare, Atgard::HanteraUtbetalningar)?;
    let a = &i.anvandare;
    let rader: Vec<UtbetalningRad> = s
        .store
        .arenden()
        .utbetalningar_att_gora(a.kommun, a.enhet)
        .await?
        .into_iter()
        .filter(|r| {
            let resurs = ArendeResurs {
                enhet: r.enhet,
                handlaggare: r.handlaggare,
                skyddad: r.person_skyddad,
                skal: false,
            };
            policy::far(a, Atgard::Steg(resurs, KommandoTyp::RegistreraUtbetald))
        })
        .collect();
    let poster: Vec<Granskningspost> = rader
        .iter()
        .map(|r| {
            Granskningspost::ny(handling)
                .person(r.person, r.person_skyddad)
                .arende(r.arende)
        })
        .collect();
    s.store
        .granskning()
        .logga_lasning(&i.aktor(), &poster, s.nu())
        .await?;
    Ok(rader)
}

fn mottagare(r: &UtbetalningRad) -> String {
    r.hyresvard.clone().unwrap_or_else(|| r.person_namn.clone())
}

fn meddelande(r: &UtbetalningRad) -> String {
    let manad = r
        .manad
        .parse::<lots_domain::forsorjningsstod::Manad>()
        .map(|m| m.namn())
        .unwrap_or_else(|_| r.manad.clone());
    if r.hyresvard.is_some() {
        format!("Hyra {manad}")
    } else {
        format!("Försörjningsstöd {manad}")
    }
}

async fn sida(s: &AppState, i: &Inloggad, fel: Vec<String>) -> Result<Response, WebFel> {
    let rader = mina_rader(s, i, "utbetalningar.lista").await?;
    let idag = svensk_dag(s.nu());
    let vy = |r: &UtbetalningRad| RadVy {
        id: r.id.to_string(),
        arende: r.arende.to_string(),
        person: r.person_namn.clone(),
        till: r
            .hyresvard
            .as_ref()
            .map(|h| format!("Hyresvärden {h}"))
            .unwrap_or_else(|| "Den enskilde".into()),
        konto: r.konto.text(),
        belopp: kr(r.belopp),
        dag: r.dag.to_string(),
        manad: r.manad.clone(),
        sen: r.dag < idag,
    };
    let klara: Vec<&UtbetalningRad> = rader
        .iter()
        .filter(|r| r.lage == Lage::Klar.kod())
        .collect();
    let status = if fel.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok((
        status,
        UtbetalningarSida {
            sida: Sida::av(i),
            attest: rader
                .iter()
                .filter(|r| r.lage == Lage::Attest.kod())
                .map(vy)
                .collect(),
            summa: kr(klara.iter().map(|r| r.belopp).sum()),
            klara: klara.into_iter().map(vy).collect(),
            idag: idag.to_string(),
            har_betalkonto: betalkonto(s, &i.anvandare).await?.is_some(),
            fel,
        },
    )
        .into_response())
}

/// The bankgiro the user's kommun pays from (issue 18: one server, several kommuner).
async fn betalkonto(
    s: &AppState,
    a: &lots_store::Anvandare,
) -> Result<Option<lots_domain::forsorjningsstod::utbetalning::Konto>, WebFel> {
    // One account for all: no kommun code to look up.
    if s.betalkonton.egna.is_empty() {
        return Ok(s.betalkonton.gemensam.clone());
    }
    let kod = s.store.organisation().kommunkod(a.kommun).await?;
    Ok(s.betalkonton.for_kommun(kod.as_str()).cloned())
}

pub async fn lista(State(s): State<AppState>, i: Inloggad) -> Result<Response, WebFel> {
    sida(&s, &i, vec![]).await
}

/// The payment file of the payments ready to go. Reading it changes nothing: the
/// payments are registered as sent when the file is with the bank (`skickade`).
pub async fn betalfil(State(s): State<AppState>, i: Inloggad) -> Result<Response, WebFel> {
    let Some(konto) = betalkonto(&s, &i.anvandare).await? else {
        return Err(WebFel::Ogiltig(
            "Kommunens bankgiro för utbetalningar är inte inställt (payment_bankgiro i lots.toml eller LOTS_PAYMENT_BANKGIRO). Be systemförvaltaren ställa in det.".into(),
        ));
    };
    let rader: Vec<UtbetalningRad> = mina_rader(&s, &i, "utbetalningar.betalfil")
        .await?
        .into_iter()
        .filter(|r| r.lage == Lage::Klar.kod())
        .collect();
    if rader.is_empty() {
        return Err(WebFel::Ogiltig(
            "Inga utbetalningar är klara att skicka.".into(),
        ));
    }
    let nu = s.nu();
    let namn: Vec<(String, String)> = rader
        .iter()
        .map(|r| (mottagare(r), meddelande(r)))
        .collect();
    let betalningar: Vec<Betalningsrad> = rader
        .iter()
        .zip(&namn)
        .map(|(r, (m, t))| Betalningsrad {
            id: r.id,
            konto: &r.konto,
            belopp: r.belopp,
            dag: r.dag,
            mottagarnamn: m,
            meddelande: t,
        })
        .collect();
    let tid = nu
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default();
    let stampel = format!(
        "{:04}{:02}{:02}{:02}{:02}{:02}",
        nu.year(),
        u8::from(nu.month()),
        nu.day(),
        nu.hour(),
        nu.minute(),
        nu.second()
    );
    let meddelande_id = format!(
        "LOTS-{stampel}-{}",
        &i.anvandare.enhet.0.simple().to_string()[..8]
    );
    let kommun_namn = s.kommunnamn(i.anvandare.kommun).await?;
    let xml = pain001(&meddelande_id, &tid, &kommun_namn, &konto, &betalningar);
    Ok((
        [
            (
                header::CONTENT_TYPE,
                "application/xml; charset=utf-8".to_string(),
            ),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"betalfil-{stampel}.xml\""),
            ),
        ],
        xml,
    )
        .into_response())
}

/// Registers the payments in the file as sent, each as its case's step.
pub async fn skickade(
    State(s): State<AppState>,
    i: Inloggad,
    f: Formular,
) -> Result<Response, WebFel> {
    i.kontrollera_csrf(&f)?;
    policy::krav(&i.anvandare, Atgard::HanteraUtbetalningar)?;
    let nu = s.nu();
    let idag = svensk_dag(nu);
    let datum = match time::Date::parse(
        &f.text("datum"),
        time::macros::format_description!("[year]-[month]-[day]"),
    ) {
        Ok(d) => d,
        Err(_) => {
            return sida(
                &s,
                &i,
                vec!["Skriv dagen betalfilen lämnades till banken, ÅÅÅÅ-MM-DD.".into()],
            )
            .await;
        }
    };
    let valda: Vec<UtbetalningId> = f
        .alla("utbetalning")
        .into_iter()
        .filter_map(|t| t.parse().ok())
        .collect();
    if valda.is_empty() {
        return sida(&s, &i, vec!["Inga utbetalningar valdes.".into()]).await;
    }
    let mina = mina_rader(&s, &i, "utbetalningar.skickade").await?;
    let mut fel = vec![];
    for id in valda {
        // Only what this user may act on and what is ready: a forged id is refused.
        let Some(r) = mina
            .iter()
            .find(|r| r.id == id && r.lage == Lage::Klar.kod())
        else {
            fel.push(format!(
                "Utbetalningen {id} är inte klar att skicka, eller inte din enhets."
            ));
            continue;
        };
        let steg = lots_steg::Steg {
            aktor: i.aktor(),
            arende: r.arende,
            kommandon: vec![Kommando::RegistreraUtbetald {
                utbetalning: id,
                datum,
            }],
            bilagor: vec![],
            nu,
            idag,
            vem: None,
            lasning: None,
            skriv_brev: false,
        };
        let kommun_namn = s.kommunnamn(i.anvandare.kommun).await?;
        if let Err(e) = lots_steg::ta_steg(&s.store, &kommun_namn, steg).await {
            fel.push(format!("{} ({}): {e}", r.person_namn, kr(r.belopp)));
        }
    }
    if fel.is_empty() {
        Ok(Redirect::to("/utbetalningar").into_response())
    } else {
        sida(&s, &i, fel).await
    }
}
