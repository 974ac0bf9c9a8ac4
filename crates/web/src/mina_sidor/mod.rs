//! Mina sidor: where the person the case is about follows it and takes part
//! (issue 5). Its own login, cookie and session table, apart from the staff
//! workspace; the case history shown is the same events the handläggare works
//! from (DESIGN.md, Events), read through `tidslinje`.

mod akt;
mod ansokan;
mod arenden;
pub(crate) mod aviseringar;
mod berakning;
mod dialog;
mod fullmakter;
mod gemensam;
mod inloggning;
pub(crate) mod kontakt;
mod manadsansokan;
mod oppna;
mod plan;
mod synpunkter;
pub mod texter;
mod tidslinje;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{MethodRouter, get, post};
use lots_domain::Arende;
use lots_domain::ids::{ArendeId, EnhetId};
use lots_store::{Aktor, ArendeRad, Fullmakt, Medborgarsession, Person};
use time::Duration;

use crate::AppState;
use crate::fel::WebFel;
use crate::formular::Formular;
use crate::oidc::OidcKlient;
use crate::policy::{self, MedborgarHandling};
pub use texter::Texter;

pub const KAKA: &str = "lots_mina_sidor";
/// How an ombud's reads and acts begin in the audit row's reason: loggkontroll
/// marks them (issue 12: every read by an ombud is marked as such).
pub const OMBUD_I_LOGGEN: &str = "Mina sidor: ombud";
/// A person in crisis may step away: 20 minutes idle, 4 hours at most (shorter
/// than staff sessions, since a shared or borrowed phone is common).
const TOMGANG: Duration = Duration::minutes(20);
const LIVSLANGD: Duration = Duration::hours(4);

/// How people log in to Mina sidor.
#[derive(Debug, Default)]
pub struct MedborgarInloggning {
    /// The municipality's eID broker (BankID, Freja eID) over OpenID Connect: each
    /// kommun's own, or one for every kommun without (issue 18 item 8).
    pub eid: crate::oidc::Leverantorer<EidInloggning>,
    /// The demo's test login. Only `serve --demo` on a database of synthetic
    /// persons turns it on; there is no configuration key for it, and it opens
    /// synthetic persons only.
    pub testinloggning: bool,
}

#[derive(Debug)]
pub struct EidInloggning {
    pub klient: OidcKlient,
    /// The ID token claim holding the personnummer; the Swedish OIDC profile's
    /// `https://id.oidc.se/claim/personalIdentityNumber` by default.
    pub personnummer_claim: String,
}

/// The routes of Mina sidor, for the one route table in lib.rs.
pub fn rutter() -> Vec<(&'static str, MethodRouter<AppState>)> {
    vec![
        ("/mina-sidor", get(arenden::oversikt)),
        (
            "/mina-sidor/logga-in",
            get(inloggning::sida).post(inloggning::testinloggning),
        ),
        ("/mina-sidor/logga-in/eid", get(inloggning::eid_borja)),
        ("/mina-sidor/logga-in/eid/svar", get(inloggning::eid_svar)),
        ("/mina-sidor/logga-ut", post(inloggning::logga_ut)),
        ("/mina-sidor/sprak/{kod}", get(valj_sprak)),
        (
            "/mina-sidor/valj",
            get(inloggning::valj_sida).post(inloggning::valj),
        ),
        ("/mina-sidor/arenden/{id}", get(arenden::arende)),
        (
            "/mina-sidor/arenden/{id}/beslut/{beslut}",
            get(arenden::beslut),
        ),
        (
            "/mina-sidor/arenden/{id}/beslut/{beslut}/overklaga",
            get(arenden::overklaga_sida).post(arenden::overklaga),
        ),
        (
            "/mina-sidor/arenden/{id}/kommunicering/{kommunicering}",
            get(arenden::kommunicering_sida).post(arenden::svara_kommunicering),
        ),
        (
            "/mina-sidor/arenden/{id}/begar-avgorande",
            post(arenden::begar_avgorande),
        ),
        (
            "/mina-sidor/arenden/{id}/komplettering/{begaran}",
            get(dialog::komplettering_sida).post(dialog::lamna_komplettering),
        ),
        (
            "/mina-sidor/arenden/{id}/meddelanden",
            get(dialog::meddelanden).post(dialog::skicka_meddelande),
        ),
        (
            "/mina-sidor/arenden/{id}/manadsansokan",
            get(manadsansokan::visa).post(manadsansokan::skicka),
        ),
        (
            "/mina-sidor/arenden/{id}/plan",
            get(plan::visa).post(plan::svara),
        ),
        (
            "/mina-sidor/arenden/{id}/mote",
            get(dialog::mote_sida).post(dialog::begar_mote),
        ),
        (
            "/mina-sidor/arenden/{id}/handlaggare",
            get(dialog::handlaggarbyte).post(dialog::begar_handlaggarbyte),
        ),
        (
            "/mina-sidor/gemensam/{id}",
            get(gemensam::visa).post(gemensam::svara),
        ),
        ("/mina-sidor/dokument/{id}", get(arenden::dokument)),
        ("/mina-sidor/kvitto/{id}", get(arenden::kvitto)),
        ("/mina-sidor/journal", get(akt::journal)),
        (
            "/mina-sidor/journal/{id}/invandning",
            get(akt::invandning_sida).post(akt::invand),
        ),
        ("/mina-sidor/ansok", get(ansokan::val)),
        ("/mina-sidor/oppna-insatser", get(oppna::lista)),
        (
            "/mina-sidor/ansok/{insats}",
            get(ansokan::formular).post(ansokan::spara),
        ),
        (
            "/mina-sidor/fullmakter",
            get(fullmakter::lista).post(fullmakter::ge),
        ),
        (
            "/mina-sidor/synpunkter",
            get(synpunkter::visa).post(synpunkter::skicka),
        ),
        (
            "/mina-sidor/fullmakter/{id}/aterkalla",
            post(fullmakter::aterkalla),
        ),
        (
            "/mina-sidor/aviseringar",
            get(aviseringar::visa).post(aviseringar::valj),
        ),
        ("/mina-sidor/aviseringar/kod", post(aviseringar::bekrafta)),
        (
            "/mina-sidor/aviseringar/stang-av",
            post(aviseringar::stang_av),
        ),
    ]
}

pub(crate) use crate::auth::{kaka, satt_kaka, session_id as token_hash};

/// A form page's status: 422 when it comes back with errors.
pub(crate) fn status_for(fel: &[(String, String)]) -> axum::http::StatusCode {
    if fel.is_empty() {
        axum::http::StatusCode::OK
    } else {
        axum::http::StatusCode::UNPROCESSABLE_ENTITY
    }
}

/// Any live Mina sidor session, whoever it is for yet.
pub struct Besokare {
    pub session: Medborgarsession,
    pub t: &'static Texter,
}

impl FromRequestParts<AppState> for Besokare {
    type Rejection = WebFel;

    async fn from_request_parts(parts: &mut Parts, s: &AppState) -> Result<Self, WebFel> {
        let token = kaka(&parts.headers, KAKA).ok_or(WebFel::MinaSidorEjInloggad)?;
        let id = token_hash(&token);
        let session = s
            .store
            .mina_sidor()
            .medborgarsession(&id)
            .await?
            // A session of a kommun this server does not serve is none here (issue 18 item 8).
            .filter(|m| s.betjanar(m.kommun))
            .ok_or(WebFel::MinaSidorEjInloggad)?;
        let nu = s.nu();
        if nu - session.senast > TOMGANG || nu - session.skapad > LIVSLANGD {
            s.store.mina_sidor().ta_bort_medborgarsession(&id).await?;
            return Err(WebFel::MinaSidorEjInloggad);
        }
        if nu - session.senast > Duration::minutes(1) {
            s.store.mina_sidor().rora_medborgarsession(&id, nu).await?;
        }
        Ok(Besokare {
            session,
            t: texter::for_begaran(&parts.headers),
        })
    }
}

impl Besokare {
    pub fn kontrollera_csrf(&self, f: &Formular) -> Result<(), WebFel> {
        match f.get("_csrf") {
            Some(t) if t == self.session.csrf => Ok(()),
            _ => Err(WebFel::Ogiltig(self.t.t("fel-formular_gammalt").to_owned())),
        }
    }
}

/// A Mina sidor visitor who has chosen whose matters to see: their own, or a
/// person who gave them a fullmakt that holds today.
pub struct Medborgare {
    pub session: Medborgarsession,
    pub person: Person,
    /// The fullmakt the visitor acts under; None when it is their own matters.
    pub fullmakt: Option<Fullmakt>,
    pub t: &'static Texter,
    /// The account the person's acts and reads are recorded under, read once per request.
    konto: Aktor,
}

impl FromRequestParts<AppState> for Medborgare {
    type Rejection = WebFel;

    async fn from_request_parts(parts: &mut Parts, s: &AppState) -> Result<Self, WebFel> {
        let Besokare { session, t } = Besokare::from_request_parts(parts, s).await?;
        let Some(person_id) = session.person else {
            return Err(WebFel::MinaSidorValj);
        };
        let (person, fullmakt) = crate::atkomst::oppna_huvudman(s, &session, person_id).await?;
        let konto = s.store.mina_sidor().mina_sidor_konto(person.kommun).await?;
        Ok(Medborgare {
            session,
            person,
            fullmakt,
            t,
            konto,
        })
    }
}

impl Medborgare {
    pub fn kontrollera_csrf(&self, f: &Formular) -> Result<(), WebFel> {
        Besokare {
            session: self.session.clone(),
            t: self.t,
        }
        .kontrollera_csrf(f)
    }

    /// What the policy lets this visitor do (`policy::medborgare_far`).
    pub fn far(&self, h: MedborgarHandling) -> bool {
        policy::medborgare_far(
            self.person.id,
            self.fullmakt.as_ref().map(|f| f.omfattning),
            h,
        )
    }

    /// Acting in the person's matters, as the fullmakt allows.
    pub fn krav_agera(&self) -> Result<(), WebFel> {
        if self.far_agera() {
            Ok(())
        } else {
            Err(WebFel::Nekad(self.t.t("fel-fullmakt_lasa").to_owned()))
        }
    }

    pub fn far_agera(&self) -> bool {
        self.far(MedborgarHandling::Agera {
            person: self.person.id,
        })
    }

    /// The ombud's name, when an ombud acts: it goes into the events they cause.
    pub fn ombud(&self) -> Option<String> {
        self.fullmakt.as_ref().map(|f| f.ombud_namn.clone())
    }

    /// Who acted, for the audit row. An ombud's rows begin with `OMBUD_I_LOGGEN`,
    /// which loggkontroll flags; a fullmakt registered by staff names who
    /// registered and who approved it (issue 12).
    pub fn vem(&self) -> String {
        match &self.fullmakt {
            None => "Mina sidor: personen själv".into(),
            Some(f) if f.av_personen() => format!(
                "{OMBUD_I_LOGGEN} {} med fullmakt {} (given av personen)",
                f.ombud_namn, f.id
            ),
            Some(f) => format!(
                "{OMBUD_I_LOGGEN} {} med fullmakt {} (registrerad av {}, godkänd av {})",
                f.ombud_namn,
                f.id,
                f.registrerad_av,
                f.godkand
                    .as_ref()
                    .map(|(_, av)| av.as_str())
                    .unwrap_or("ingen")
            ),
        }
    }

    /// The kommun's Mina sidor account, for an act or read outside any case.
    pub fn konto(&self) -> Aktor {
        self.konto.clone()
    }

    /// The actor for an act in a case of `enhet`.
    pub fn aktor(&self, enhet: EnhetId) -> Aktor {
        Aktor {
            enhet,
            ..self.konto.clone()
        }
    }

    pub fn sida(&self) -> Ram {
        Ram {
            t: self.t,
            csrf: self.session.csrf.clone(),
            inloggad: Some(self.session.namn.clone()),
            for_person: self.fullmakt.as_ref().map(|_| self.person.namn()),
        }
    }

    /// The case, if it is this person's. Anything else is refused as if it did
    /// not exist, and the attempt is logged with the person it concerned.
    pub async fn arende(
        &self,
        s: &AppState,
        id: ArendeId,
        handling: &str,
    ) -> Result<(ArendeRad, Arende), WebFel> {
        crate::atkomst::oppna_arende_for_medborgare(s, self, id, handling).await
    }
}

impl Ram {
    /// The other languages, for the footer: (code, name).
    pub fn andra_sprak(&self) -> Vec<(&'static str, String)> {
        texter::sprak()
            .into_iter()
            .filter(|(k, _)| *k != self.t.sprak)
            .collect()
    }
}

/// Chooses the language of Mina sidor (a cookie for a year), then back to the start.
pub async fn valj_sprak(
    axum::extract::Path(kod): axum::extract::Path<String>,
    axum::extract::State(s): axum::extract::State<AppState>,
) -> Response {
    let kod = texter::for_kod(&kod).sprak;
    let secure = if s.saker_cookie { "; Secure" } else { "" };
    let mut res = till("/mina-sidor");
    satt_kaka(
        &mut res,
        &format!(
            "{}={kod}; Path=/mina-sidor; SameSite=Lax; Max-Age=31536000{secure}",
            texter::SPRAKKAKA
        ),
    );
    res
}

#[derive(askama::Template, askama_web::WebTemplate)]
#[template(path = "mina_sidor/fel.html")]
struct FelSida {
    ram: Ram,
    rubrik: String,
    text: String,
    /// How to reach the enheter of the person's open cases, when someone is logged in
    /// (issue 19 item 1: an error page is where one most needs a number to call).
    kontakter: Vec<kontakt::Kontaktruta>,
}

/// Errors on Mina sidor in its own frame and language, with a way back to Mina
/// sidor rather than to the staff workspace. Texts the handler wrote for the
/// person are kept; the staff-worded ones are replaced.
pub async fn felsida(
    axum::extract::State(s): axum::extract::State<AppState>,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let pa_mina_sidor = req.uri().path().starts_with("/mina-sidor");
    let t = texter::for_begaran(req.headers());
    let token = kaka(req.headers(), KAKA);
    let res = next.run(req).await;
    let Some((slag, text)) = res
        .extensions()
        .get::<(crate::fel::Felslag, String)>()
        .cloned()
    else {
        return res;
    };
    if !pa_mina_sidor {
        return res;
    }
    use crate::fel::Felslag as F;
    let (rubrik, text) = match slag {
        F::Nekad => ("fel-nekad", text),
        F::Ogiltig => ("fel-ogiltig", text),
        F::Saknas => ("fel-saknas", t.t("fel-saknas_text").to_owned()),
        F::ForMangaForsok => ("fel-for_manga", text),
        F::Intern => ("fel-intern", t.t("fel-intern_text").to_owned()),
    };
    // An error page never fails for want of the contact box: without it, it is still said.
    let kontakter = match token {
        Some(token) => felsidans_kontakter(&s, t, &token).await.unwrap_or_default(),
        None => vec![],
    };
    let mut ny = (
        res.status(),
        FelSida {
            ram: Ram::utloggad(t),
            rubrik: t.t(rubrik).to_owned(),
            text,
            kontakter,
        },
    )
        .into_response();
    for (namn, varde) in res.headers() {
        if namn != axum::http::header::CONTENT_TYPE && namn != axum::http::header::CONTENT_LENGTH {
            ny.headers_mut().insert(namn.clone(), varde.clone());
        }
    }
    ny
}

/// The contact boxes of the enheter handling the open cases of the session's person: the
/// enheter only, not the cases.
async fn felsidans_kontakter(
    s: &AppState,
    t: &'static Texter,
    token: &str,
) -> Result<Vec<kontakt::Kontaktruta>, WebFel> {
    let Some(session) = s
        .store
        .mina_sidor()
        .medborgarsession(&token_hash(token))
        .await?
        .filter(|m| s.betjanar(m.kommun))
    else {
        return Ok(vec![]);
    };
    let nu = s.nu();
    if nu - session.senast > TOMGANG || nu - session.skapad > LIVSLANGD {
        return Ok(vec![]);
    }
    let Some(person) = session.person else {
        return Ok(vec![]);
    };
    // As every page: an ombud's fullmakt must hold today, or nothing of the person is shown.
    let (person, _) = crate::atkomst::oppna_huvudman(s, &session, person).await?;
    let person = person.id;
    let mut sedda = vec![];
    let mut ut = vec![];
    for (rad, a) in s
        .store
        .arenden()
        .personens_arenden_med_tillstand(session.kommun, person)
        .await?
    {
        if a.avslut.is_none() && !sedda.contains(&rad.enhet) {
            sedda.push(rad.enhet);
            ut.push(kontakt::for_enhet(s, t, rad.kommun, rad.enhet, &rad.enhet_namn).await?);
        }
    }
    Ok(ut)
}

/// What the Mina sidor layout needs on every page.
pub struct Ram {
    pub t: &'static Texter,
    pub csrf: String,
    /// The name of who is logged in.
    pub inloggad: Option<String>,
    /// Set when an ombud acts for someone: whose matters these are.
    pub for_person: Option<String>,
}

impl Ram {
    pub fn utloggad(t: &'static Texter) -> Self {
        Self {
            t,
            csrf: String::new(),
            inloggad: None,
            for_person: None,
        }
    }
}

/// Today in Sweden: the day a reply or an appeal arrives (FL 45 §).
pub(crate) fn idag(s: &AppState) -> time::Date {
    lots_domain::tid::svensk_dag(s.nu())
}

pub(crate) use crate::visning::lokal_tid;

/// The offers one can apply for on Mina sidor: (code, name), for the
/// systemförvaltare's choice of which enhet receives them.
pub fn erbjudanden() -> Vec<(String, String)> {
    ansokan::Erbjudande::ALLA
        .into_iter()
        .map(|e| {
            (
                e.kod().to_owned(),
                texter::svenska().t(e.namnnyckel()).to_owned(),
            )
        })
        .collect()
}

pub(crate) fn till(url: &str) -> Response {
    Redirect::to(url).into_response()
}
