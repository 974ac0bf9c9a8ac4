//! Synpunkter och klagomål from the person on Mina sidor, or from anyone without logging
//! in (issue 19 item 4). One page: it says first what happens with what is written, asks
//! for nothing that identifies the sender, and answers with the diarienummer and the day
//! the answer is promised by. A person logged in reads the answers here; they may also
//! send without their name.

use std::net::IpAddr;

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{FromRequestParts, State};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use lots_domain::klagomal::{Inskick, Kanal, Kategori, Slag};
use lots_store::{Granskningspost, KlagomalRad};

use super::{Medborgare, Ram, Texter};
use crate::AppState;
use crate::begransning::KlientIp;
use crate::fel::WebFel;
use crate::formular::Formular;

/// The visitor: a Mina sidor visitor who has chosen whose matters to follow, or anyone.
pub struct KanskeMedborgare(pub Option<Medborgare>, pub &'static Texter);

impl FromRequestParts<AppState> for KanskeMedborgare {
    type Rejection = WebFel;

    async fn from_request_parts(parts: &mut Parts, s: &AppState) -> Result<Self, WebFel> {
        let t = super::texter::for_begaran(&parts.headers);
        match Medborgare::from_request_parts(parts, s).await {
            Ok(m) => Ok(Self(Some(m), t)),
            // Not logged in, or not yet chosen whose matters: the page is public.
            Err(WebFel::MinaSidorEjInloggad | WebFel::MinaSidorValj) => Ok(Self(None, t)),
            Err(e) => Err(e),
        }
    }
}

/// What the sender sent before and the answers, for a person logged in.
pub struct Tidigare {
    pub nummer: String,
    pub inkom: String,
    pub vad: String,
    pub svar: Option<String>,
    pub svar_dag: Option<String>,
    pub svar_senast: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "mina_sidor/synpunkter.html")]
pub struct SynpunktSida {
    pub ram: Ram,
    pub inloggad: bool,
    pub slag: Vec<(&'static str, String)>,
    pub kategorier: Vec<(&'static str, String)>,
    /// (code, name) when the server serves several kommuner and the sender must choose.
    pub kommuner: Vec<(String, String)>,
    pub varden: Formular,
    pub fel: Vec<(String, String)>,
    pub tidigare: Vec<Tidigare>,
    pub svarstid: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "mina_sidor/synpunkt_kvitto.html")]
pub struct SynpunktKvitto {
    pub ram: Ram,
    pub nummer: String,
    pub svar_senast: String,
    pub inloggad: bool,
    pub kontakt: bool,
}

fn ram(m: &Option<Medborgare>, t: &'static Texter) -> Ram {
    match m {
        Some(m) => m.sida(),
        None => Ram::utloggad(t),
    }
}

async fn sida(
    s: &AppState,
    m: &Option<Medborgare>,
    t: &'static Texter,
    varden: Formular,
    fel: Vec<(String, String)>,
    status: StatusCode,
) -> Result<Response, WebFel> {
    let kommuner = if m.is_none() {
        let betjanade = s.betjanade().await?;
        if betjanade.len() > 1 {
            betjanade.into_iter().map(|k| (k.kod, k.namn)).collect()
        } else {
            vec![]
        }
    } else {
        vec![]
    };
    let mut tidigare = vec![];
    if let Some(m) = m.as_ref().filter(|m| m.far_agera()) {
        let rader = s
            .store
            .klagomal()
            .for_person(m.person.kommun, m.person.id)
            .await?;
        logga(s, m, &rader, "mina_sidor.synpunkter").await?;
        tidigare = rader.iter().map(|k| tidigare_rad(k, t)).collect();
    }
    Ok((
        status,
        SynpunktSida {
            ram: ram(m, t),
            inloggad: m.is_some(),
            slag: Slag::ALLA
                .iter()
                .map(|x| {
                    (
                        x.kod(),
                        t.t(&format!("synpunkt-slag_{}", x.kod())).to_owned(),
                    )
                })
                .collect(),
            kategorier: Kategori::ALLA
                .iter()
                .map(|x| {
                    (
                        x.kod(),
                        t.t(&format!("synpunkt-kategori_{}", x.kod())).to_owned(),
                    )
                })
                .collect(),
            kommuner,
            varden,
            fel,
            tidigare,
            svarstid: t.antal(
                "synpunkt-svarstid",
                "veckor",
                u64::from(lots_domain::klagomal::SVARSTID_VECKOR),
                &[],
            ),
        },
    )
        .into_response())
}

fn tidigare_rad(k: &KlagomalRad, t: &Texter) -> Tidigare {
    Tidigare {
        nummer: k.nummer.clone(),
        inkom: k.inkom_dag.to_string(),
        vad: format!(
            "{}: {}",
            t.t(&format!("synpunkt-slag_{}", k.slag.kod())),
            t.t(&format!("synpunkt-kategori_{}", k.kategori.kod()))
        ),
        svar: k.svar.clone(),
        svar_dag: k.besvarad.map(|d| d.to_string()),
        svar_senast: k.svar_senast.to_string(),
    }
}

/// The person's own complaints and answers are personal data read on Mina sidor: audited
/// before the page leaves (DESIGN.md principle 4).
async fn logga(
    s: &AppState,
    m: &Medborgare,
    rader: &[KlagomalRad],
    handling: &str,
) -> Result<(), WebFel> {
    let aktor = m.konto();
    let poster: Vec<Granskningspost> = rader
        .iter()
        .map(|k| {
            Granskningspost::ny(format!("{handling}:{}", k.nummer))
                .person(m.person.id, m.person.skyddad)
                .skal(Some(m.vem()))
        })
        .collect();
    s.store
        .granskning()
        .logga_lasning(&aktor, &poster, s.nu())
        .await?;
    Ok(())
}

pub async fn visa(
    State(s): State<AppState>,
    KanskeMedborgare(m, t): KanskeMedborgare,
) -> Result<Response, WebFel> {
    sida(&s, &m, t, Formular::default(), vec![], StatusCode::OK).await
}

/// Sending is limited per client address (a public form is a door for floods of text):
/// `Inloggningsregler::synpunkter`, ten an hour by default.
pub async fn skicka(
    State(s): State<AppState>,
    KanskeMedborgare(m, t): KanskeMedborgare,
    KlientIp(ip): KlientIp,
    f: Formular,
) -> Result<Response, WebFel> {
    if let Some(m) = &m {
        m.kontrollera_csrf(&f)?;
    }
    let nu = s.nu();
    if s.inloggning
        .synpunkter
        .forsok(&s.store, nyckel(ip), nu)
        .await?
        .is_err()
    {
        let fel = vec![(String::new(), t.t("synpunkt-for_manga").to_owned())];
        return sida(&s, &m, t, f, fel, StatusCode::TOO_MANY_REQUESTS).await;
    }
    let inskick = match Inskick::tolka(
        &f.text("slag"),
        &f.text("kategori"),
        &f.text("text"),
        &f.text("namn"),
        &f.text("kontakt"),
    ) {
        Ok(i) => i,
        Err(fel) => {
            let fel = fel
                .into_iter()
                .map(|e| (e.falt.to_owned(), synpunktfel(t, e.falt, &e.text)))
                .collect();
            return sida(&s, &m, t, f, fel, StatusCode::UNPROCESSABLE_ENTITY).await;
        }
    };
    // A person logged in may still send without their name. An ombud whose fullmakt only
    // lets them read does not send in the person's name: theirs is then sent as anyone's.
    let kand = m
        .as_ref()
        .filter(|m| m.far_agera() && !f.kryss("utan_namn"));
    let kommun = match &m {
        Some(m) => m.person.kommun,
        None => match s.inloggningens_kommun(f.get("kommun")).await? {
            Some(k) => k.id,
            None => {
                let fel = vec![("kommun".to_owned(), t.t("synpunkt-fel_kommun").to_owned())];
                return sida(&s, &m, t, f, fel, StatusCode::UNPROCESSABLE_ENTITY).await;
            }
        },
    };
    let konto = s.store.mina_sidor().mina_sidor_konto(kommun).await?;
    let (kanal, person, avsandare) = match kand {
        Some(m) => (
            Kanal::MinaSidor,
            Some((m.person.id, m.person.skyddad)),
            m.vem(),
        ),
        None => (Kanal::Webb, None, "Synpunkt utan inloggning".to_owned()),
    };
    let k = s
        .store
        .klagomal()
        .registrera(kommun, &inskick, kanal, person, &avsandare, &konto, nu)
        .await?;
    Ok(SynpunktKvitto {
        ram: ram(&m, t),
        nummer: k.nummer,
        svar_senast: k.svar_senast.to_string(),
        inloggad: kand.is_some(),
        kontakt: !inskick.kontakt.is_empty(),
    }
    .into_response())
}

/// The rate limit's key: the address, apart from the login's own count.
fn nyckel(ip: IpAddr) -> String {
    format!("synpunkt:{ip}")
}

/// The domain's fault in the person's language: the Swedish text is the fallback.
fn synpunktfel(t: &Texter, falt: &str, svenska: &str) -> String {
    match falt {
        "slag" => t.t("synpunkt-fel_slag").to_owned(),
        "kategori" => t.t("synpunkt-fel_kategori").to_owned(),
        "text" if svenska.starts_with("Skriv") => t.t("synpunkt-fel_text").to_owned(),
        "text" | "namn" | "kontakt" => t.t("fel-for_lang").to_owned(),
        _ => svenska.to_owned(),
    }
}
