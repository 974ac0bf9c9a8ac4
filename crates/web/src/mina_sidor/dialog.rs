//! The dialogue with the handläggare: requests for documents or information
//! (komplettering) answered with an upload or in words, secure messages with
//! the answer time the unit promises, and asking for a meeting. All of it is
//! case events; the handläggare's bevakningar follow from them.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Multipart, Path, Query, State};
use axum::response::{IntoResponse, Response};
use lots_domain::Arende;
use lots_domain::arende::{
    Avsandare, Handelse, Kommando, MEDDELANDE_MAX_TECKEN, Motestyp, svar_senast,
};
use lots_domain::ids::*;
use lots_store::Bilaga;
use sha2::{Digest, Sha256};
use std::collections::HashMap;

use super::arenden::{id, utfor};
use super::{Medborgare, Ram, Texter, till};
use crate::AppState;
use crate::fel::WebFel;
use crate::formular::Formular;
use crate::uppladdning;

pub(super) fn avsandare(m: &Medborgare) -> Avsandare {
    Avsandare::Enskild { ombud: m.ombud() }
}

fn handlingar_text(v: &[lots_domain::arende::Handlingstyp], t: &Texter) -> String {
    v.iter()
        .map(|h| t.handling(*h))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Requests waiting for the person, and the handläggare's latest message when
/// it is the last word: (href, text).
pub fn att_gora(a: &Arende, t: &Texter) -> Vec<(String, String)> {
    let meddelande = a.meddelanden.last().filter(|m| !m.fran.enskild()).map(|m| {
        (
            format!("/mina-sidor/arenden/{}/meddelanden", a.id),
            t.f(
                "dialog-nytt_fran_handlaggaren",
                &[("datum", &m.datum.to_string())],
            ),
        )
    });
    a.kompletteringar
        .iter()
        .filter(|k| k.vantar_pa_enskild() && a.avslut.is_none())
        .map(|k| {
            let vad = if k.handlingar.is_empty() {
                k.beskrivning.clone()
            } else {
                handlingar_text(&k.handlingar, t)
            };
            (
                format!("/mina-sidor/arenden/{}/komplettering/{}", a.id, k.id),
                t.f(
                    "dialog-skicka_in",
                    &[("vad", &vad), ("datum", &k.senast.to_string())],
                ),
            )
        })
        .chain(meddelande)
        .collect()
}

/// The receipt's texts for the dialogue's events.
pub fn kvittotext(h: &Handelse) -> Option<(&'static str, &'static str)> {
    match h {
        Handelse::KompletteringLamnad { .. } => {
            Some(("kvitto-komplettering", "kvitto-komplettering_nasta"))
        }
        Handelse::MoteBegart { .. } => Some(("kvitto-mote", "kvitto-mote_nasta")),
        Handelse::HandlaggarbyteBegart { .. } => Some(("kvitto-byte", "kvitto-byte_nasta")),
        _ => None,
    }
}

/// The timeline's words for the dialogue's events; messages have a page of their own.
#[allow(clippy::type_complexity)]
pub fn tidslinjepost(
    h: &Handelse,
    a: &Arende,
    t: &Texter,
) -> Option<(String, Vec<String>, Option<(String, String)>)> {
    match h {
        Handelse::KompletteringBegard {
            id,
            handlingar,
            beskrivning,
            senast,
            ..
        } => {
            let mut rader = vec![];
            if !handlingar.is_empty() {
                rader.push(handlingar_text(handlingar, t));
            }
            if !beskrivning.is_empty() {
                rader.push(beskrivning.clone());
            }
            rader.push(t.f("dialog-senast", &[("datum", &senast.to_string())]));
            let lank = (
                format!("/mina-sidor/arenden/{}/komplettering/{id}", a.id),
                t.t("dialog-oppna_begaran").to_owned(),
            );
            Some((t.t("dialog-begard").to_owned(), rader, Some(lank)))
        }
        Handelse::KompletteringLamnad { .. } => {
            Some((t.t("dialog-lamnad").to_owned(), vec![], None))
        }
        Handelse::KompletteringGodtagen { .. } => {
            Some((t.t("dialog-godtagen").to_owned(), vec![], None))
        }
        Handelse::MoteBegart { typ, .. } => Some((
            t.t("dialog-mote_begart").to_owned(),
            vec![t.t(&format!("dialog-mote_{}", typ.kod())).to_owned()],
            None,
        )),
        Handelse::MoteBokat {
            datum,
            klockslag,
            plats,
            ..
        } => Some((
            t.t("dialog-mote_bokat").to_owned(),
            vec![
                t.f(
                    "dialog-mote_nar",
                    &[
                        ("datum", &datum.to_string()),
                        ("tid", &crate::visning::klockslag(*klockslag)),
                    ],
                ),
                t.f("dialog-mote_plats", &[("plats", plats)]),
            ],
            None,
        )),
        _ => None,
    }
}

pub struct Svar {
    pub datum: String,
    pub text: String,
    pub dokument: Vec<(String, String)>,
}

#[derive(Template, WebTemplate)]
#[template(path = "mina_sidor/komplettering.html")]
pub struct KompletteringSida {
    pub ram: Ram,
    pub arende: ArendeId,
    pub begaran: KompletteringId,
    pub handlingar: Vec<String>,
    pub beskrivning: String,
    pub godtas: String,
    pub senast: String,
    pub igen: Option<String>,
    pub svar: Vec<Svar>,
    pub godtagen: Option<String>,
    pub kan_svara: bool,
    pub text: String,
    pub fel: Vec<(String, String)>,
}

async fn komplettering_formular(
    s: &AppState,
    m: &Medborgare,
    aid: &str,
    kid: &str,
    text: String,
    fel: Vec<(String, String)>,
) -> Result<Response, WebFel> {
    let t = m.t;
    let (rad, a) = m.arende(s, id(aid)?, "mina_sidor.komplettering").await?;
    let kid: KompletteringId = id(kid)?;
    let k = a
        .kompletteringar
        .iter()
        .find(|k| k.id == kid)
        .ok_or(WebFel::Saknas)?;
    let handelser = s.store.arenden().handelser(rad.kommun, rad.id).await?;
    let namn_pa = |d: DokumentId| {
        handelser.iter().find_map(|h| match &h.handelse {
            Handelse::DokumentBifogat { dokument, namn, .. } if *dokument == d => {
                Some(namn.clone())
            }
            _ => None,
        })
    };
    let begard_igen = handelser.iter().find_map(|h| match &h.handelse {
        Handelse::KompletteringBegard {
            id, begard_igen, ..
        } if *id == kid && !begard_igen.is_empty() => Some(begard_igen.clone()),
        _ => None,
    });
    let igen = match (begard_igen, &k.skal_trots_inlamnad) {
        (Some(v), Some(skal)) => Some(t.f(
            "dialog-igen",
            &[("vad", &handlingar_text(&v, t)), ("skal", skal)],
        )),
        _ => None,
    };
    let svar = k
        .svar
        .iter()
        .map(|x| Svar {
            datum: x.datum.to_string(),
            text: x.text.clone(),
            dokument: x
                .dokument
                .iter()
                .map(|d| {
                    (
                        format!("/mina-sidor/dokument/{d}"),
                        namn_pa(*d).unwrap_or_else(|| t.t("dialog-dokument").to_owned()),
                    )
                })
                .collect(),
        })
        .collect();
    let status = super::status_for(&fel);
    Ok((
        status,
        KompletteringSida {
            ram: m.sida(),
            arende: rad.id,
            begaran: kid,
            handlingar: k.handlingar.iter().map(|h| t.handling(*h)).collect(),
            beskrivning: k.beskrivning.clone(),
            godtas: k.godtas.clone(),
            senast: k.senast.to_string(),
            igen,
            svar,
            godtagen: k.godtagen.map(|d| d.to_string()),
            kan_svara: k.oppen() && a.avslut.is_none() && m.far_agera(),
            text,
            fel,
        },
    )
        .into_response())
}

pub async fn komplettering_sida(
    State(s): State<AppState>,
    m: Medborgare,
    Path((aid, kid)): Path<(String, String)>,
) -> Result<Response, WebFel> {
    komplettering_formular(&s, &m, &aid, &kid, String::new(), vec![]).await
}

/// The person hands in what was asked for: a file (PDF, JPEG or PNG, checked by
/// its content), words, or both. The file and the answer are stored together.
pub async fn lamna_komplettering(
    State(s): State<AppState>,
    m: Medborgare,
    Path((aid, kid)): Path<(String, String)>,
    mp: Multipart,
) -> Result<Response, WebFel> {
    let (f, fil) = uppladdning::las(mp).await?;
    m.kontrollera_csrf(&f)?;
    m.krav_agera()?;
    let t = m.t;
    let text = f.text("text");
    let mut fel = vec![];
    if text.is_empty() && fil.is_none() {
        fel.push(("fil".to_owned(), t.t("dialog-fel_tomt").to_owned()));
    }
    if text.chars().count() > MEDDELANDE_MAX_TECKEN {
        fel.push(("text".to_owned(), t.t("fel-for_lang").to_owned()));
    }
    if let Some(x) = &fil
        && uppladdning::fel_i(x).is_some()
    {
        fel.push(("fil".to_owned(), t.t("dialog-fel_fil").to_owned()));
    }
    if !fel.is_empty() {
        return komplettering_formular(&s, &m, &aid, &kid, text, fel).await;
    }
    let (rad, _) = m.arende(&s, id(&aid)?, "mina_sidor.komplettering").await?;
    let idag = super::idag(&s);
    let mut kommandon = vec![];
    let mut bilagor = vec![];
    let mut dokument = vec![];
    if let Some(x) = fil {
        let d = DokumentId::ny();
        let innehallstyp = uppladdning::innehallstyp(&x.innehall).unwrap_or_default();
        let namn = if x.namn.trim().is_empty() {
            t.t("dialog-dokument").to_owned()
        } else {
            x.namn.chars().take(200).collect()
        };
        kommandon.push(Kommando::BifogaDokument {
            dokument: d,
            namn,
            sha256: hex::encode(Sha256::digest(&x.innehall)),
            storlek: x.innehall.len() as u64,
            innehallstyp: innehallstyp.into(),
        });
        bilagor.push(Bilaga {
            dokument: d,
            innehall: x.innehall,
        });
        dokument.push(d);
    }
    kommandon.push(Kommando::LamnaKomplettering {
        begaran: id(&kid)?,
        datum: idag,
        fran: avsandare(&m),
        text: text.clone(),
        dokument,
    });
    match utfor(&s, &m, &rad, kommandon, bilagor).await? {
        Ok(_) => Ok(till(&format!("/mina-sidor/kvitto/{}", rad.id))),
        Err(fel) => komplettering_formular(&s, &m, &aid, &kid, text, fel).await,
    }
}

pub struct Meddelande {
    pub fran: String,
    pub fran_mig: bool,
    pub datum: String,
    pub text: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "mina_sidor/meddelanden.html")]
pub struct MeddelandeSida {
    pub ram: Ram,
    pub arende: ArendeId,
    pub meddelanden: Vec<Meddelande>,
    /// The unit's promise, in words.
    pub svarstid: String,
    pub vantar: Option<String>,
    pub kan_skriva: bool,
    pub notis: bool,
    pub text: String,
    pub fel: Vec<(String, String)>,
}

async fn meddelande_sida(
    s: &AppState,
    m: &Medborgare,
    aid: &str,
    notis: bool,
    text: String,
    fel: Vec<(String, String)>,
) -> Result<Response, WebFel> {
    let t = m.t;
    let (rad, a) = m.arende(s, id(aid)?, "mina_sidor.meddelanden").await?;
    let handlaggare = rad
        .handlaggare_namn
        .clone()
        .unwrap_or_else(|| t.t("dialog-handlaggaren").to_owned());
    let meddelanden: Vec<Meddelande> = a
        .meddelanden
        .iter()
        .map(|x| {
            let (fran, fran_mig) = match &x.fran {
                Avsandare::Handlaggare => (handlaggare.clone(), false),
                Avsandare::Enskild { ombud: Some(o) } => {
                    (t.f("dialog-ombud", &[("namn", o)]), true)
                }
                Avsandare::Enskild { ombud: None } => (t.t("dialog-du").to_owned(), true),
            };
            Meddelande {
                fran,
                fran_mig,
                datum: x.datum.to_string(),
                text: x.text.clone(),
            }
        })
        .collect();
    // The promise the bevakning holds the handläggare to: the oldest unanswered message's.
    let vantar = a.obesvarade_meddelanden().first().map(|x| {
        t.f(
            "dialog-svar_senast",
            &[("datum", &svar_senast(x.datum).to_string())],
        )
    });
    let status = super::status_for(&fel);
    Ok((
        status,
        MeddelandeSida {
            ram: m.sida(),
            arende: rad.id,
            meddelanden,
            svarstid: t.antal(
                "dialog-svarstid",
                "dagar",
                lots_domain::arende::MEDDELANDE_SVARSTID as u64,
                &[],
            ),
            vantar,
            kan_skriva: a.avslut.is_none() && m.far_agera(),
            notis,
            text,
            fel,
        },
    )
        .into_response())
}

pub async fn meddelanden(
    State(s): State<AppState>,
    m: Medborgare,
    Path(aid): Path<String>,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, WebFel> {
    meddelande_sida(
        &s,
        &m,
        &aid,
        q.contains_key("skickat"),
        String::new(),
        vec![],
    )
    .await
}

pub async fn skicka_meddelande(
    State(s): State<AppState>,
    m: Medborgare,
    Path(aid): Path<String>,
    f: Formular,
) -> Result<Response, WebFel> {
    m.kontrollera_csrf(&f)?;
    m.krav_agera()?;
    let t = m.t;
    let text = f.text("text");
    let fel = if text.is_empty() {
        vec![("text".to_owned(), t.t("dialog-fel_meddelande").to_owned())]
    } else if text.chars().count() > MEDDELANDE_MAX_TECKEN {
        vec![("text".to_owned(), t.t("fel-for_lang").to_owned())]
    } else {
        vec![]
    };
    if !fel.is_empty() {
        return meddelande_sida(&s, &m, &aid, false, text, fel).await;
    }
    let (rad, _) = m.arende(&s, id(&aid)?, "mina_sidor.meddelanden").await?;
    let k = Kommando::SkickaMeddelande {
        id: MeddelandeId::ny(),
        datum: super::idag(&s),
        fran: avsandare(&m),
        text: text.clone(),
    };
    match utfor(&s, &m, &rad, vec![k], vec![]).await? {
        Ok(_) => Ok(till(&format!(
            "/mina-sidor/arenden/{}/meddelanden?skickat",
            rad.id
        ))),
        Err(fel) => meddelande_sida(&s, &m, &aid, false, text, fel).await,
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "mina_sidor/mote.html")]
pub struct MoteSida {
    pub ram: Ram,
    pub arende: ArendeId,
    pub svarstid: String,
    pub typ: String,
    pub text: String,
    pub fel: Vec<(String, String)>,
    /// The case has a plan toward self-sufficiency: a meeting about it can be asked for.
    pub planen: bool,
}

fn mote_formular(
    m: &Medborgare,
    arende: &Arende,
    typ: String,
    text: String,
    fel: Vec<(String, String)>,
) -> Response {
    let status = super::status_for(&fel);
    (
        status,
        MoteSida {
            ram: m.sida(),
            arende: arende.id,
            planen: arende.planering.aktuell().is_some(),
            svarstid: m.t.antal(
                "dialog-svarstid",
                "dagar",
                lots_domain::arende::MEDDELANDE_SVARSTID as u64,
                &[],
            ),
            typ,
            text,
            fel,
        },
    )
        .into_response()
}

pub async fn mote_sida(
    State(s): State<AppState>,
    m: Medborgare,
    Path(aid): Path<String>,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, WebFel> {
    m.krav_agera()?;
    let (_, a) = m.arende(&s, id(&aid)?, "mina_sidor.arende").await?;
    // The plan's page asks for a meeting about the plan; any other choice starts personal.
    let typ = match q.get("typ").map(String::as_str) {
        Some("planen") if a.planering.aktuell().is_some() => "planen",
        Some("uppfoljning") => "uppfoljning",
        _ => "personligt",
    };
    Ok(mote_formular(&m, &a, typ.into(), String::new(), vec![]))
}

/// The person asks for a meeting; the handläggare gets a bevakning to book it.
pub async fn begar_mote(
    State(s): State<AppState>,
    m: Medborgare,
    Path(aid): Path<String>,
    f: Formular,
) -> Result<Response, WebFel> {
    m.kontrollera_csrf(&f)?;
    m.krav_agera()?;
    let t = m.t;
    let (rad, a) = m.arende(&s, id(&aid)?, "mina_sidor.arende").await?;
    let typ_kod = f.text("typ");
    let text = f.text("text");
    let mut fel = vec![];
    let typ = Motestyp::fran_kod(&typ_kod);
    if typ.is_none() {
        fel.push(("typ".to_owned(), t.t("dialog-fel_motestyp").to_owned()));
    }
    if text.chars().count() > MEDDELANDE_MAX_TECKEN {
        fel.push(("text".to_owned(), t.t("fel-for_lang").to_owned()));
    }
    let (Some(typ), true) = (typ, fel.is_empty()) else {
        return Ok(mote_formular(&m, &a, typ_kod, text, fel));
    };
    let k = Kommando::BegarMote {
        datum: super::idag(&s),
        typ,
        fran: avsandare(&m),
        text: text.clone(),
    };
    match utfor(&s, &m, &rad, vec![k], vec![]).await? {
        Ok(_) => Ok(till(&format!("/mina-sidor/kvitto/{}", rad.id))),
        Err(fel) => Ok(mote_formular(&m, &a, typ_kod, text, fel)),
    }
}

/// Asking for another handläggare (issue 19 item 5): the form, or the request that waits
/// and the answers given before.
#[derive(Template, WebTemplate)]
#[template(path = "mina_sidor/handlaggarbyte.html")]
pub struct HandlaggarbyteSida {
    pub ram: Ram,
    pub arende: ArendeId,
    /// The request that waits: the day it will be answered by.
    pub vantar: Option<String>,
    /// Earlier requests and their answers, newest first: (heading, answer).
    pub svar: Vec<(String, String)>,
    pub svarstid: String,
    pub skal: String,
    pub fel: Vec<(String, String)>,
}

fn handlaggarbyte_sida(
    m: &Medborgare,
    a: &Arende,
    skal: String,
    fel: Vec<(String, String)>,
) -> Response {
    let t = m.t;
    let svar = a
        .handlaggarbyten
        .iter()
        .rev()
        .filter_map(|b| {
            let s = b.svar.as_ref()?;
            let rubrik = t.f(
                if s.beviljad {
                    "byte-beviljad"
                } else {
                    "byte-avslagen"
                },
                &[("datum", &s.datum.to_string())],
            );
            Some((rubrik, s.motivering.clone()))
        })
        .collect();
    (
        super::status_for(&fel),
        HandlaggarbyteSida {
            ram: m.sida(),
            arende: a.id,
            vantar: a
                .vantande_handlaggarbyte()
                .map(|(_, b)| lots_domain::arende::handlaggarbyte_svar_senast(b.datum).to_string()),
            svar,
            svarstid: t.antal(
                "byte-svarstid",
                "dagar",
                u64::from(lots_domain::arende::HANDLAGGARBYTE_SVARSTID),
                &[],
            ),
            skal,
            fel,
        },
    )
        .into_response()
}

pub async fn handlaggarbyte(
    State(s): State<AppState>,
    m: Medborgare,
    Path(aid): Path<String>,
) -> Result<Response, WebFel> {
    m.krav_agera()?;
    let (_, a) = m.arende(&s, id(&aid)?, "mina_sidor.arende").await?;
    Ok(handlaggarbyte_sida(&m, &a, String::new(), vec![]))
}

/// The person asks for another handläggare; the enhet's arbetsledare gets a bevakning
/// to answer in writing.
pub async fn begar_handlaggarbyte(
    State(s): State<AppState>,
    m: Medborgare,
    Path(aid): Path<String>,
    f: Formular,
) -> Result<Response, WebFel> {
    m.kontrollera_csrf(&f)?;
    m.krav_agera()?;
    let (rad, a) = m.arende(&s, id(&aid)?, "mina_sidor.arende").await?;
    let skal = f.text("skal");
    if skal.chars().count() > MEDDELANDE_MAX_TECKEN {
        let fel = vec![("skal".to_owned(), m.t.t("fel-for_lang").to_owned())];
        return Ok(handlaggarbyte_sida(&m, &a, skal, fel));
    }
    let k = Kommando::BegarHandlaggarbyte {
        datum: super::idag(&s),
        fran: avsandare(&m),
        skal: skal.clone(),
    };
    match utfor(&s, &m, &rad, vec![k], vec![]).await? {
        Ok(_) => Ok(till(&format!("/mina-sidor/kvitto/{}", rad.id))),
        Err(fel) => Ok(handlaggarbyte_sida(&m, &a, skal, fel)),
    }
}
