//! Aviseringar (issue 19 item 3): the person chooses to be told by e-mail or SMS
//! that something is new on Mina sidor, confirms the address with a code sent to
//! it, and can turn it off. Only the person, never an ombud: it is their contact
//! details (`policy::MedborgarHandling::ValjaAviseringar`). What a notification
//! says, and why so little, is in `lots_domain::avisering`.

use std::collections::HashMap;

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use lots_domain::avisering::{Adressfel, KOD_GILTIG, Kanal};
use lots_store::Kodsvar;
use rand::Rng;

use super::{Medborgare, Ram, till};
use crate::AppState;
use crate::fel::WebFel;
use crate::formular::Formular;

/// A new code to the same person at most this often: nobody can use the page to
/// flood someone else's inbox or phone.
const NY_KOD_EFTER: time::Duration = time::Duration::minutes(1);

#[derive(Template, WebTemplate)]
#[template(path = "mina_sidor/aviseringar.html")]
pub struct AviseringSida {
    pub ram: Ram,
    pub notis: Option<String>,
    /// The channels this kommun sends by: (code, name).
    pub kanaler: Vec<(&'static str, String)>,
    /// What is on now, in words; None: nothing.
    pub aktiv: Option<String>,
    /// Where a code was sent and waits, in words.
    pub vantar: Option<String>,
    /// The person has skyddade personuppgifter: a word on choosing the address.
    pub skyddad: bool,
    pub kanal: String,
    pub adress: String,
    pub fel: Vec<(String, String)>,
    pub kodfel: Vec<(String, String)>,
}

/// A notification's subject and text in the person's language: the same words for
/// everyone and every event (see `lots_domain::avisering` for why).
pub fn aviseringstext(sprak: &str) -> (String, String) {
    let t = super::texter::for_kod(sprak);
    (t.t("avisering-amne"), t.t("avisering-text"))
}

fn bara_personen(m: &Medborgare) -> Result<(), WebFel> {
    if m.far(crate::policy::MedborgarHandling::ValjaAviseringar) {
        Ok(())
    } else {
        Err(WebFel::Nekad(m.t.t("avisering-bara_personen")))
    }
}

fn kanalnamn(m: &Medborgare, k: Kanal) -> String {
    m.t.t(&format!("avisering-kanal_{}", k.kod()))
}

#[allow(clippy::too_many_arguments)]
async fn sida(
    s: &AppState,
    m: &Medborgare,
    notis: Option<String>,
    kanal: String,
    adress: String,
    fel: Vec<(String, String)>,
    kodfel: Vec<(String, String)>,
) -> Result<Response, WebFel> {
    let t = m.t;
    let val = s
        .store
        .avisering()
        .val(m.person.kommun, m.person.id)
        .await?;
    let aktiv = val.as_ref().and_then(|v| v.aktiv.as_ref()).map(|(k, a)| {
        t.f(
            "avisering-aktiv",
            &[("kanal", &kanalnamn(m, *k)), ("adress", a)],
        )
    });
    let vantar = val
        .as_ref()
        .and_then(|v| v.vantar.as_ref())
        .filter(|(_, _, till)| *till >= s.nu())
        .map(|(k, a, _)| {
            t.f(
                "avisering-kod_skickad",
                &[("kanal", &kanalnamn(m, *k)), ("adress", a)],
            )
        });
    let status = if fel.is_empty() && kodfel.is_empty() {
        axum::http::StatusCode::OK
    } else {
        axum::http::StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok((
        status,
        AviseringSida {
            ram: m.sida(),
            notis,
            kanaler: s
                .avisering
                .kanaler()
                .into_iter()
                .map(|k| (k.kod(), kanalnamn(m, k)))
                .collect(),
            aktiv,
            vantar,
            skyddad: m.person.skyddad,
            kanal,
            adress,
            fel,
            kodfel,
        },
    )
        .into_response())
}

pub async fn visa(
    State(s): State<AppState>,
    m: Medborgare,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, WebFel> {
    bara_personen(&m)?;
    let notis = match q.get("klart").map(String::as_str) {
        Some("kod") => Some(m.t.t("avisering-notis_kod")),
        Some("pa") => Some(m.t.t("avisering-notis_pa")),
        Some("av") => Some(m.t.t("avisering-notis_av")),
        _ => None,
    };
    let forval = s
        .avisering
        .kanaler()
        .first()
        .map(|k| k.kod().to_owned())
        .unwrap_or_default();
    sida(&s, &m, notis, forval, String::new(), vec![], vec![]).await
}

/// A channel and an address: a code is sent to it, and the address waits for it.
/// Nothing is stored when the code cannot be sent.
pub async fn valj(
    State(s): State<AppState>,
    m: Medborgare,
    f: Formular,
) -> Result<Response, WebFel> {
    m.kontrollera_csrf(&f)?;
    bara_personen(&m)?;
    let t = m.t;
    let (kanaltext, adresstext) = (f.text("kanal"), f.text("adress"));
    let mut fel = vec![];
    let kanal = Kanal::fran_kod(&kanaltext).filter(|k| s.avisering.kanaler().contains(k));
    let adress = match kanal {
        None => {
            fel.push(("kanal".to_owned(), t.t("avisering-fel_kanal")));
            None
        }
        Some(k) => match k.tolka_adress(&adresstext) {
            Ok(a) => Some(a),
            Err(e) => {
                let nyckel = match e {
                    Adressfel::Tom => "avisering-fel_tom",
                    Adressfel::Epost => "avisering-fel_epost",
                    Adressfel::Mobilnummer => "avisering-fel_mobil",
                };
                fel.push(("adress".to_owned(), t.t(nyckel)));
                None
            }
        },
    };
    let nu = s.nu();
    let val = s
        .store
        .avisering()
        .val(m.person.kommun, m.person.id)
        .await?;
    if val
        .as_ref()
        .and_then(|v| v.vantar.as_ref())
        .is_some_and(|(_, _, till)| *till - KOD_GILTIG + NY_KOD_EFTER > nu)
    {
        fel.push(("adress".to_owned(), t.t("avisering-fel_vanta")));
    }
    let (Some(kanal), Some(adress), true) = (kanal, adress, fel.is_empty()) else {
        return sida(&s, &m, None, kanaltext, adresstext, fel, vec![]).await;
    };
    let kod = format!("{:06}", rand::rng().random_range(0..1_000_000u32));
    let (amne, text) = (
        t.t("avisering-kod_amne"),
        t.f("avisering-kod_text", &[("kod", &kod)]),
    );
    if let Err(e) = s.avisering.skicka(kanal, &adress, &amne, &text).await {
        tracing::warn!(kanal = kanal.kod(), utfall = %e.beskrivning, "a verification code could not be sent");
        let fel = vec![("adress".to_owned(), t.t("avisering-fel_skicka"))];
        return sida(&s, &m, None, kanaltext, adresstext, fel, vec![]).await;
    }
    s.store
        .avisering()
        .begar_kod(
            m.person.kommun,
            m.person.id,
            kanal,
            &adress,
            t.sprak,
            &kod,
            nu + KOD_GILTIG,
            nu,
        )
        .await?;
    Ok(till("/mina-sidor/aviseringar?klart=kod"))
}

/// The code sent to the new address: when right, notifications go there from now.
pub async fn bekrafta(
    State(s): State<AppState>,
    m: Medborgare,
    f: Formular,
) -> Result<Response, WebFel> {
    m.kontrollera_csrf(&f)?;
    bara_personen(&m)?;
    let t = m.t;
    let kod = f.text("kod");
    let kod: String = kod.chars().filter(|c| !c.is_whitespace()).collect();
    let svar = if kod.len() == 6 && kod.chars().all(|c| c.is_ascii_digit()) {
        s.store
            .avisering()
            .bekrafta_kod(m.person.kommun, m.person.id, &kod, s.nu())
            .await?
    } else {
        Kodsvar::Fel { kvar: -1 }
    };
    let fel = match svar {
        Kodsvar::Bekraftad => return Ok(till("/mina-sidor/aviseringar?klart=pa")),
        Kodsvar::Fel { kvar } if kvar < 0 => t.t("avisering-fel_kodform"),
        Kodsvar::Fel { kvar } => t.antal("avisering-fel_kod", "kvar", kvar as u64, &[]),
        Kodsvar::Ogiltig => t.t("avisering-fel_kod_ogiltig"),
    };
    let forval = s
        .avisering
        .kanaler()
        .first()
        .map(|k| k.kod().to_owned())
        .unwrap_or_default();
    sida(
        &s,
        &m,
        None,
        forval,
        String::new(),
        vec![],
        vec![("kod".to_owned(), fel)],
    )
    .await
}

/// Off: the address is deleted and nothing waiting is sent.
pub async fn stang_av(
    State(s): State<AppState>,
    m: Medborgare,
    f: Formular,
) -> Result<Response, WebFel> {
    m.kontrollera_csrf(&f)?;
    bara_personen(&m)?;
    s.store
        .avisering()
        .stang_av(m.person.kommun, m.person.id, s.nu())
        .await?;
    Ok(till("/mina-sidor/aviseringar?klart=av"))
}
