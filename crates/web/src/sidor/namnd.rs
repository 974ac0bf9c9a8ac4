//! The systemförvaltare's page for the nämnd's particulars in the letters:
//! name, postal address, phone, e-mail, the förvaltningsrätt that hears appeals,
//! and the prefix of the diarienummer. Each save is a new version (old ones are
//! kept and listed) and is written to the audit log in the same transaction.

use crate::formular::FaltFel;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use lots_store::Namnduppgifter;

use super::{Falt, Sida, fyll};
use crate::AppState;
use crate::auth::Inloggad;
use crate::fel::WebFel;
use crate::formular::Formular;
use crate::policy::{self, Atgard};

#[derive(Template, WebTemplate)]
#[template(path = "namnd.html")]
struct NamndSida {
    sida: Sida,
    aktuell: Option<i64>,
    falt: Vec<Falt>,
    fel: Vec<(String, String)>,
    /// (version, saved, by whom, the particulars).
    versioner: Vec<(i64, String, String, Namnduppgifter)>,
}

fn falt() -> Vec<Falt> {
    vec![
        Falt::text("namnd", "Nämndens namn")
            .kravs()
            .hjalp("Som det ska stå i breven, till exempel Socialnämnden."),
        Falt::textarea("postadress", "Postadress")
            .kravs()
            .hjalp("En rad per adressrad, till exempel Box 123 och 123 45 Orten. Hit skickar den enskilde sitt överklagande."),
        Falt::text("telefon", "Telefonnummer")
            .kravs()
            .hjalp("Ett nummer där den enskilde når nämnden, till exempel kommunens växel."),
        Falt::text("epost", "E-postadress").hjalp("Lämna tomt om breven inte ska visa någon."),
        Falt::text("forvaltningsratt", "Förvaltningsrätt")
            .kravs()
            .hjalp("Den förvaltningsrätt som prövar överklaganden av nämndens beslut, till exempel Förvaltningsrätten i Luleå."),
        Falt::text("diarieprefix", "Diarieprefix")
            .hjalp("Början av ärendenas diarienummer, till exempel SN ger SN 2026/00042. Gäller ärenden som registreras efter ändringen."),
    ]
}

fn las(f: &Formular) -> (Namnduppgifter, Vec<FaltFel>) {
    let u = Namnduppgifter {
        namnd: f.text("namnd"),
        postadress: f
            .get("postadress")
            .unwrap_or_default()
            .lines()
            .map(|r| r.trim().to_owned())
            .filter(|r| !r.is_empty())
            .collect(),
        telefon: f.text("telefon"),
        epost: f.text("epost"),
        forvaltningsratt: f.text("forvaltningsratt"),
        diarieprefix: f.text("diarieprefix"),
    };
    let mut fel = vec![];
    let mut kravs = |falt: &'static str, tom: bool, text: &str| {
        if tom {
            fel.push(FaltFel {
                falt,
                text: text.into(),
            });
        }
    };
    kravs("namnd", u.namnd.is_empty(), "Skriv nämndens namn.");
    kravs(
        "postadress",
        u.postadress.is_empty(),
        "Skriv nämndens postadress.",
    );
    kravs("telefon", u.telefon.is_empty(), "Skriv ett telefonnummer.");
    kravs(
        "forvaltningsratt",
        u.forvaltningsratt.is_empty(),
        "Skriv vilken förvaltningsrätt som prövar överklaganden.",
    );
    if !u.epost.is_empty() && !u.epost.contains('@') {
        fel.push(FaltFel {
            falt: "epost",
            text: "Skriv en e-postadress med @, eller lämna fältet tomt.".into(),
        });
    }
    // The prefix is part of an identifier printed everywhere: letters and digits only.
    if u.diarieprefix.chars().count() > 10
        || !u
            .diarieprefix
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-')
    {
        fel.push(FaltFel {
            falt: "diarieprefix",
            text: "Diarieprefixet får ha högst tio bokstäver och siffror, till exempel SN.".into(),
        });
    }
    (u, fel)
}

async fn sida(
    s: &AppState,
    i: &Inloggad,
    f: Option<(&Formular, &[FaltFel])>,
) -> Result<Response, WebFel> {
    let versioner = s
        .store
        .organisation()
        .namnduppgifter_versioner(i.anvandare.kommun)
        .await?;
    let mut falt = falt();
    let fel = match f {
        Some((f, fel)) => fyll(&mut falt, f, fel),
        None => {
            if let Some(v) = versioner.first() {
                let u = &v.uppgifter;
                for x in &mut falt {
                    let varde = match x.namn {
                        "namnd" => u.namnd.clone(),
                        "postadress" => u.postadress.join("\n"),
                        "telefon" => u.telefon.clone(),
                        "epost" => u.epost.clone(),
                        "forvaltningsratt" => u.forvaltningsratt.clone(),
                        "diarieprefix" => u.diarieprefix.clone(),
                        _ => continue,
                    };
                    *x = std::mem::replace(x, Falt::text("", "")).varde(varde);
                }
            } else {
                for x in &mut falt {
                    if x.namn == "diarieprefix" {
                        *x = std::mem::replace(x, Falt::text("", ""))
                            .varde(lots_store::DIARIEPREFIX);
                    }
                }
            }
            vec![]
        }
    };
    let sidan = NamndSida {
        sida: Sida::av(i),
        aktuell: versioner.first().map(|v| v.version),
        falt,
        versioner: versioner
            .into_iter()
            .map(|v| {
                (
                    v.version,
                    lots_domain::tid::svensk_dag(v.andrad).to_string(),
                    v.andrad_av
                        .unwrap_or_else(|| "Vid installationen".to_string()),
                    v.uppgifter,
                )
            })
            .collect(),
        fel: fel.clone(),
    };
    Ok(if fel.is_empty() {
        sidan.into_response()
    } else {
        (StatusCode::UNPROCESSABLE_ENTITY, sidan).into_response()
    })
}

pub async fn visa(State(s): State<AppState>, i: Inloggad) -> Result<Response, WebFel> {
    policy::krav(&i.anvandare, Atgard::AdministreraAnvandare)?;
    sida(&s, &i, None).await
}

pub async fn spara(
    State(s): State<AppState>,
    i: Inloggad,
    f: Formular,
) -> Result<Response, WebFel> {
    i.kontrollera_csrf(&f)?;
    policy::krav(&i.anvandare, Atgard::AdministreraAnvandare)?;
    let (u, fel) = las(&f);
    if !fel.is_empty() {
        return sida(&s, &i, Some((&f, &fel))).await;
    }
    s.store
        .organisation()
        .spara_namnduppgifter(i.anvandare.kommun, &u, Some(&i.aktor()), s.nu())
        .await?;
    Ok(Redirect::to("/admin/namnd").into_response())
}
