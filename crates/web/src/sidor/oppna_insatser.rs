//! The catalogue of öppna insatser (issue 17 item 1): the nämnd's decision on each
//! insats offered without an individual needs assessment. The systemförvaltare records
//! the decisions here, as it does the delegationsordning and the riksnorm; handläggare,
//! arbetsledare and utförare read them. Each save is a new version, written to the audit
//! log in the same transaction (`Organisation::spara_oppen_insats`); the domain refuses
//! what the law does not allow (`OppenInsats::granska`). Another kommun's entry is, to
//! the user, not there.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use lots_domain::ids::{EnhetId, OppenInsatsId};
use lots_domain::oppen_insats::{Art, Integritet, Omfattning, OppenInsats};
use lots_domain::tid::svensk_dag;
use lots_store::{OppenInsatsRad, StoreError};
use time::Date;

use super::formular::las_datum;
use super::{Falt, Sida, fyll};
use crate::AppState;
use crate::auth::Inloggad;
use crate::fel::WebFel;
use crate::formular::{FaltFel, Formular};
use crate::policy::{self, Atgard};
use crate::texter::{f as tf, t};

/// An entry as listed or shown: its newest version, in words.
pub struct Post {
    pub id: String,
    pub namn: String,
    /// "Gäller", "Gäller från 1 juli 2026", "Gällde till …".
    pub status: String,
    /// (label, value) in the order the nämnd's decision reads.
    pub rader: Vec<(String, String)>,
    /// "Version 3, sparad 4 december 2026 av Sara Systemförvaltare".
    pub kalla: String,
}

fn status(i: &OppenInsats, idag: Date) -> String {
    if i.galler(idag) {
        t("oppna-galler")
    } else if idag < i.giltig_fran {
        tf(
            "oppna-galler_fran",
            &[("datum", i.giltig_fran.to_string().as_str())],
        )
    } else {
        tf(
            "oppna-gallde_till",
            &[(
                "datum",
                &i.giltig_till.map(|d| d.to_string()).unwrap_or_default(),
            )],
        )
    }
}

fn alder(i: &OppenInsats) -> String {
    match (i.alder_fran, i.alder_till) {
        (None, None) => t("oppna-alla_aldrar"),
        (Some(a), None) => tf("oppna-alder_fran", &[("fran", a.to_string().as_str())]),
        (None, Some(b)) => tf("oppna-alder_till", &[("till", b.to_string().as_str())]),
        (Some(a), Some(b)) => tf(
            "oppna-alder_mellan",
            &[
                ("fran", a.to_string().as_str()),
                ("till", b.to_string().as_str()),
            ],
        ),
    }
}

fn post(r: &OppenInsatsRad, enheter: &[lots_store::Enhet], idag: Date) -> Post {
    let i = &r.insats;
    let utforare = i
        .utforare
        .iter()
        .map(|u| {
            enheter
                .iter()
                .find(|e| e.id == *u)
                .map(|e| e.namn.clone())
                .unwrap_or_else(|| t("oppna-okand_enhet"))
        })
        .collect::<Vec<_>>()
        .join(", ");
    let avgift = if i.avgift_kr == 0 {
        t("oppna-avgiftsfri")
    } else {
        tf(
            "oppna-avgift_kr",
            &[("kr", i.avgift_kr.to_string().as_str())],
        )
    };
    let period = match i.giltig_till {
        Some(till) => format!("{} – {}", i.giltig_fran, till),
        None => tf(
            "oppna-fran_och_med",
            &[("datum", i.giltig_fran.to_string().as_str())],
        ),
    };
    let mut villkor = i.villkor.trim().to_string();
    if i.bosatt_i_kommunen {
        if !villkor.is_empty() {
            villkor.push(' ');
        }
        villkor.push_str(&t("oppna-villkor_bosatt"));
    }
    if villkor.is_empty() {
        villkor = t("oppna-inga_villkor");
    }
    Post {
        id: r.id.to_string(),
        namn: i.namn.clone(),
        status: status(i, idag),
        rader: vec![
            (t("oppna-falt_art"), i.art.namn().to_string()),
            (t("oppna-falt_malgrupp"), i.malgrupp.clone()),
            (t("oppna-alder"), alder(i)),
            (t("oppna-falt_innehall"), i.innehall.clone()),
            (t("oppna-falt_omfattning"), i.omfattning.text()),
            (t("oppna-falt_villkor"), villkor),
            (t("oppna-falt_avgift"), avgift),
            (t("oppna-falt_integritet"), i.integritet.namn().to_string()),
            (t("oppna-falt_stadsdelar"), i.stadsdelar.join(", ")),
            (t("oppna-falt_utforare"), utforare),
            (t("oppna-period"), period),
        ],
        kalla: tf(
            "oppna-kalla",
            &[
                ("version", r.version.to_string().as_str()),
                ("datum", svensk_dag(r.sparad).to_string().as_str()),
                (
                    "namn",
                    &r.sparad_av.clone().unwrap_or_else(|| t("textblock-okand")),
                ),
            ],
        ),
    }
}

/// The entry's fields, filled with `i` when a version is changed.
fn falt(i: Option<&OppenInsats>, enheter: &[lots_store::Enhet], idag: Date) -> Vec<Falt> {
    let tal = |v: Option<u32>| v.map(|v| v.to_string()).unwrap_or_default();
    let (omf, antal) = match i.map(|i| i.omfattning) {
        Some(Omfattning::Tillfallen(n)) => ("tillfallen", n.to_string()),
        Some(Omfattning::Veckor(n)) => ("veckor", n.to_string()),
        Some(Omfattning::Lopande) | None => ("lopande", String::new()),
    };
    let mut utforare = Falt::val(
        "utforare",
        &t("oppna-falt_utforare"),
        "checkboxes",
        enheter
            .iter()
            .filter(|e| e.utforare)
            .map(|e| (e.id.to_string(), e.namn.clone())),
    )
    .kravs()
    .hjalp(&t("oppna-falt_utforare_hjalp"));
    if let Some(i) = i {
        for a in &mut utforare.alternativ {
            a.vald = i.utforare.iter().any(|u| u.to_string() == a.varde);
        }
    }
    vec![
        Falt::text("namn", &t("oppna-falt_namn"))
            .kravs()
            .varde(i.map(|i| i.namn.as_str()).unwrap_or_default()),
        Falt::val(
            "art",
            &t("oppna-falt_art"),
            "select",
            Art::ALLA
                .iter()
                .map(|a| (a.kod().to_string(), a.namn().to_string())),
        )
        .kravs()
        .hjalp(&t("oppna-falt_art_hjalp"))
        .varde(i.map(|i| i.art.kod()).unwrap_or("samtalsstod")),
        Falt::textarea("malgrupp", &t("oppna-falt_malgrupp"))
            .kravs()
            .varde(i.map(|i| i.malgrupp.as_str()).unwrap_or_default()),
        Falt::text("alder_fran", &t("oppna-falt_alder_fran"))
            .hjalp(&t("oppna-falt_alder_hjalp"))
            .varde(tal(i.and_then(|i| i.alder_fran))),
        Falt::text("alder_till", &t("oppna-falt_alder_till"))
            .varde(tal(i.and_then(|i| i.alder_till))),
        Falt::textarea("insatsens_innehall", &t("oppna-falt_innehall"))
            .kravs()
            .varde(i.map(|i| i.innehall.as_str()).unwrap_or_default()),
        Falt::val(
            "omfattning",
            &t("oppna-falt_omfattning"),
            "radio",
            [
                ("tillfallen", "oppna-omfattning_tillfallen"),
                ("veckor", "oppna-omfattning_veckor"),
                ("lopande", "oppna-omfattning_lopande"),
            ]
            .map(|(k, n)| (k.to_string(), t(n))),
        )
        .kravs()
        .varde(omf),
        Falt::text("omfattning_antal", &t("oppna-falt_omfattning_antal"))
            .hjalp(&t("oppna-falt_omfattning_antal_hjalp"))
            .varde(antal),
        Falt::textarea("villkor", &t("oppna-falt_villkor"))
            .hjalp(&t("oppna-falt_villkor_hjalp"))
            .varde(i.map(|i| i.villkor.as_str()).unwrap_or_default()),
        Falt::kryss("bosatt_i_kommunen", &t("oppna-falt_bosatt")).varde(
            if i.is_some_and(|i| i.bosatt_i_kommunen) {
                "ja"
            } else {
                ""
            },
        ),
        Falt::text("avgift_kr", &t("oppna-falt_avgift"))
            .hjalp(&t("oppna-falt_avgift_hjalp"))
            .varde(i.map(|i| i.avgift_kr).unwrap_or(0)),
        Falt::val(
            "integritet",
            &t("oppna-falt_integritet"),
            "radio",
            Integritet::ALLA
                .iter()
                .map(|a| (a.kod().to_string(), a.namn().to_string())),
        )
        .kravs()
        .hjalp(&t("oppna-falt_integritet_hjalp"))
        .varde(i.map(|i| i.integritet.kod()).unwrap_or("full")),
        Falt::textarea("stadsdelar", &t("oppna-falt_stadsdelar"))
            .hjalp(&t("oppna-falt_stadsdelar_hjalp"))
            .varde(i.map(|i| i.stadsdelar.join("\n")).unwrap_or_default()),
        utforare,
        Falt::datum("giltig_fran", &t("oppna-falt_giltig_fran"))
            .kravs()
            .varde(i.map(|i| i.giltig_fran).unwrap_or(idag)),
        Falt::datum("giltig_till", &t("oppna-falt_giltig_till"))
            .hjalp(&t("oppna-falt_giltig_till_hjalp"))
            .varde(
                i.and_then(|i| i.giltig_till)
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
            ),
    ]
}

/// A whole number in a field, or its error.
fn heltal(f: &Formular, namn: &'static str, fel: &mut Vec<FaltFel>) -> Option<u32> {
    let text = f.text(namn);
    if text.is_empty() {
        return None;
    }
    match text.parse::<u32>() {
        Ok(n) if n <= 10_000 => Some(n),
        _ => {
            fel.push(FaltFel {
                falt: namn,
                text: t("oppna-fel_heltal"),
            });
            None
        }
    }
}

/// Reads the form into an entry and checks it against the law and the kommun's utförare.
fn las(f: &Formular, enheter: &[lots_store::Enhet]) -> Result<OppenInsats, Vec<FaltFel>> {
    let mut fel = vec![];
    let art = Art::fran_kod(&f.text("art"));
    if art.is_none() {
        fel.push(FaltFel {
            falt: "art",
            text: t("oppna-fel_art"),
        });
    }
    let integritet = Integritet::fran_kod(&f.text("integritet"));
    if integritet.is_none() {
        fel.push(FaltFel {
            falt: "integritet",
            text: t("oppna-fel_integritet"),
        });
    }
    let alder_fran = heltal(f, "alder_fran", &mut fel);
    let alder_till = heltal(f, "alder_till", &mut fel);
    let antal = heltal(f, "omfattning_antal", &mut fel);
    let omfattning = match (f.text("omfattning").as_str(), antal) {
        ("lopande", _) => Some(Omfattning::Lopande),
        ("tillfallen", Some(n)) => Some(Omfattning::Tillfallen(n)),
        ("veckor", Some(n)) => Some(Omfattning::Veckor(n)),
        ("tillfallen" | "veckor", None) => {
            fel.push(FaltFel {
                falt: "omfattning_antal",
                text: t("oppna-fel_antal"),
            });
            None
        }
        _ => {
            fel.push(FaltFel {
                falt: "omfattning",
                text: t("oppna-fel_omfattning"),
            });
            None
        }
    };
    let avgift = heltal(f, "avgift_kr", &mut fel).unwrap_or(0);
    let mut utforare = vec![];
    for u in f.alla("utforare") {
        match u.parse::<EnhetId>() {
            Ok(id) => utforare.push(id),
            Err(_) => fel.push(FaltFel {
                falt: "utforare",
                text: t("oppna-fel_utforare"),
            }),
        }
    }
    let giltig_fran = las_datum(f, "giltig_fran", true, &mut fel);
    let giltig_till = las_datum(f, "giltig_till", false, &mut fel);
    let (Some(art), Some(integritet), Some(omfattning), Some(giltig_fran)) =
        (art, integritet, omfattning, giltig_fran)
    else {
        return Err(fel);
    };
    let insats = OppenInsats {
        namn: f.text("namn").trim().to_string(),
        art,
        malgrupp: f.text("malgrupp").trim().to_string(),
        alder_fran,
        alder_till,
        innehall: f.text("insatsens_innehall").trim().to_string(),
        omfattning,
        villkor: f.text("villkor").trim().to_string(),
        bosatt_i_kommunen: f.kryss("bosatt_i_kommunen"),
        avgift_kr: avgift,
        integritet,
        utforare,
        giltig_fran,
        giltig_till,
        stadsdelar: f
            .text("stadsdelar")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect(),
    };
    let utforare_enheter: Vec<EnhetId> = enheter
        .iter()
        .filter(|e| e.utforare)
        .map(|e| e.id)
        .collect();
    fel.extend(
        insats
            .granska(&utforare_enheter)
            .into_iter()
            .map(|e| FaltFel {
                falt: e.falt,
                text: e.text,
            }),
    );
    if fel.is_empty() { Ok(insats) } else { Err(fel) }
}

#[derive(Template, WebTemplate)]
#[template(path = "oppna_insatser.html")]
struct Lista {
    sida: Sida,
    far_andra: bool,
    poster: Vec<Post>,
    falt: Vec<Falt>,
    fel: Vec<(String, String)>,
}

async fn lista(
    s: &AppState,
    i: &Inloggad,
    form: Option<(&Formular, &[FaltFel])>,
) -> Result<Response, WebFel> {
    let org = s.store.organisation();
    let kommun = i.anvandare.kommun;
    let idag = svensk_dag(s.nu());
    let enheter = org.enheter(kommun).await?;
    let poster = org
        .oppna_insatser(kommun)
        .await?
        .iter()
        .map(|r| post(r, &enheter, idag))
        .collect();
    let mut falt = falt(None, &enheter, idag);
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
            far_andra: policy::far(&i.anvandare, Atgard::AdministreraOppnaInsatser),
            poster,
            falt,
            fel,
        },
    )
        .into_response())
}

pub async fn visa_lista(State(s): State<AppState>, i: Inloggad) -> Result<Response, WebFel> {
    policy::krav(&i.anvandare, Atgard::LasaOppnaInsatser)?;
    lista(&s, &i, None).await
}

/// A new entry.
pub async fn skapa(
    State(s): State<AppState>,
    i: Inloggad,
    f: Formular,
) -> Result<Response, WebFel> {
    i.kontrollera_csrf(&f)?;
    policy::krav(&i.anvandare, Atgard::AdministreraOppnaInsatser)?;
    let org = s.store.organisation();
    let enheter = org.enheter(i.anvandare.kommun).await?;
    let insats = match las(&f, &enheter) {
        Ok(b) => b,
        Err(fel) => return lista(&s, &i, Some((&f, &fel))).await,
    };
    let (id, _) = org
        .spara_oppen_insats(i.anvandare.kommun, None, &insats, &i.aktor(), s.nu())
        .await?;
    Ok(Redirect::to(&format!("/oppna-insatser/{id}")).into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "oppen_insats.html")]
struct Visa {
    sida: Sida,
    far_andra: bool,
    post: Post,
    versioner: Vec<Post>,
    falt: Vec<Falt>,
    fel: Vec<(String, String)>,
}

async fn ett(
    s: &AppState,
    i: &Inloggad,
    id: OppenInsatsId,
    form: Option<(&Formular, &[FaltFel])>,
) -> Result<Response, WebFel> {
    let org = s.store.organisation();
    let kommun = i.anvandare.kommun;
    let idag = svensk_dag(s.nu());
    let versioner = org.oppen_insats_versioner(kommun, id).await?;
    let senaste = versioner.first().ok_or(WebFel::Saknas)?;
    let enheter = org.enheter(kommun).await?;
    let mut falt = falt(Some(&senaste.insats), &enheter, idag);
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
        Visa {
            sida: Sida::av(i),
            far_andra: policy::far(&i.anvandare, Atgard::AdministreraOppnaInsatser),
            post: post(senaste, &enheter, idag),
            versioner: versioner.iter().map(|v| post(v, &enheter, idag)).collect(),
            falt,
            fel,
        },
    )
        .into_response())
}

fn id(text: &str) -> Result<OppenInsatsId, WebFel> {
    text.parse().map_err(|_| WebFel::Saknas)
}

pub async fn visa(
    State(s): State<AppState>,
    i: Inloggad,
    Path(insats): Path<String>,
) -> Result<Response, WebFel> {
    policy::krav(&i.anvandare, Atgard::LasaOppnaInsatser)?;
    ett(&s, &i, id(&insats)?, None).await
}

/// A new version of the entry.
pub async fn andra(
    State(s): State<AppState>,
    i: Inloggad,
    Path(insats): Path<String>,
    f: Formular,
) -> Result<Response, WebFel> {
    i.kontrollera_csrf(&f)?;
    policy::krav(&i.anvandare, Atgard::AdministreraOppnaInsatser)?;
    let id = id(&insats)?;
    let org = s.store.organisation();
    let kommun = i.anvandare.kommun;
    let enheter = org.enheter(kommun).await?;
    let insats = match las(&f, &enheter) {
        Ok(b) => b,
        // `ett` answers "not there" for another kommun's entry, whatever the form says.
        Err(fel) => return ett(&s, &i, id, Some((&f, &fel))).await,
    };
    match org
        .spara_oppen_insats(kommun, Some(id), &insats, &i.aktor(), s.nu())
        .await
    {
        Ok(_) => Ok(Redirect::to(&format!("/oppna-insatser/{id}")).into_response()),
        Err(StoreError::Saknas) => Err(WebFel::Saknas),
        Err(StoreError::Konflikt(text)) => {
            ett(&s, &i, id, Some((&f, &[FaltFel { falt: "namn", text }]))).await
        }
        Err(e) => Err(e.into()),
    }
}
