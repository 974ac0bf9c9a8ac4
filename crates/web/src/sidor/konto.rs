//! How a staff account comes to hold a role (issue 12 item 2): the user sets
//! their own password through a one-time link, and every grant of a role or of
//! the protected-person right waits for a second person's approval. So no
//! systemförvaltare can give itself case content (OSL 26 kap. 1 §; the four-eyes
//! principle, IVO's and JO's demand that access be limited to what the work needs).

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use lots_domain::ids::AnvandarId;
use lots_store::{Anvandare, Behorighetsbegaran, Granskningspost};
use time::Duration;

use super::Sida;
use crate::AppState;
use crate::auth::{Inloggad, TotpKrav, steg};
use crate::fel::WebFel;
use crate::formular::Formular;
use crate::policy::{self, Atgard};

/// How long an activation link works.
pub const LANKENS_GILTIGHET: Duration = Duration::hours(72);

async fn logga(s: &AppState, i: &Inloggad, handling: &str) -> Result<(), WebFel> {
    s.store
        .granskning()
        .logga_lasning(&i.aktor(), &[Granskningspost::ny(handling)], s.nu())
        .await?;
    Ok(())
}

/// Records that `i` asks for the account to become `efter`; returns the request's id.
pub(crate) async fn begar(
    s: &AppState,
    i: &Inloggad,
    efter: &Anvandare,
) -> Result<uuid::Uuid, WebFel> {
    let b = Behorighetsbegaran {
        id: uuid::Uuid::now_v7(),
        anvandare: efter.id,
        roll: efter.roll,
        enhet: efter.enhet,
        skyddad_behorighet: efter.skyddad_behorighet,
        aktiv: efter.aktiv,
        begard_av: i.anvandare.id,
        begard: s.nu(),
    };
    s.store
        .organisation()
        .begar_behorighet(i.anvandare.kommun, &b)
        .await?;
    logga(
        s,
        i,
        &format!(
            "admin.behorighet.begar:{}:anvandare={}:roll={}:enhet={}:skyddad={}",
            b.id,
            b.anvandare,
            b.roll.kod(),
            b.enhet,
            b.skyddad_behorighet
        ),
    )
    .await?;
    Ok(b.id)
}

#[derive(Template, WebTemplate)]
#[template(path = "aktiveringslank.html")]
struct LankSida {
    sida: Sida,
    namn: String,
    anvandarnamn: String,
    lank: String,
    timmar: i64,
    vantar: bool,
}

/// A new one-time activation link (`/aktivera/{token}`) for the account, valid for
/// `LANKENS_GILTIGHET`; only the token's hash is stored, so it is shown this once.
/// Also how `lots init` hands the first systemförvaltare their account.
pub async fn ny_aktiveringslank(
    store: &lots_store::Store,
    anvandare: lots_domain::ids::AnvandarId,
    skapad_av: lots_domain::ids::AnvandarId,
    nu: time::OffsetDateTime,
) -> Result<String, lots_store::StoreError> {
    let token = crate::auth::slumptext();
    store
        .organisation()
        .skapa_kontoaktivering(
            &crate::auth::session_id(&token),
            anvandare,
            skapad_av,
            nu,
            nu + LANKENS_GILTIGHET,
        )
        .await?;
    Ok(format!("/aktivera/{token}"))
}

/// Makes a new link for the account and shows it this once: only its hash is stored.
pub(crate) async fn visa_ny_lank(
    s: &AppState,
    i: &Inloggad,
    a: &Anvandare,
    begaran: Option<uuid::Uuid>,
) -> Result<Response, WebFel> {
    let lank = ny_aktiveringslank(&s.store, a.id, i.anvandare.id, s.nu()).await?;
    logga(s, i, &format!("admin.anvandare.aktiveringslank:{}", a.id)).await?;
    Ok(LankSida {
        sida: Sida::av(i),
        namn: a.namn.clone(),
        anvandarnamn: a.anvandarnamn.clone(),
        lank,
        timmar: LANKENS_GILTIGHET.whole_hours(),
        vantar: begaran.is_some(),
    }
    .into_response())
}

/// A new activation link for an existing account (the old one expired, or the
/// user forgot the password or lost the phone). Since whoever holds the link
/// could log in as the user, the account is closed until a second person
/// approves opening it again.
pub async fn ny_lank(
    State(s): State<AppState>,
    i: Inloggad,
    Path(id): Path<String>,
    f: Formular,
) -> Result<Response, WebFel> {
    i.kontrollera_csrf(&f)?;
    let a = crate::atkomst::oppna_konto(&s, &i, &id).await?;
    if a.id == i.anvandare.id {
        return Err(WebFel::Ogiltig(
            "Du kan inte skapa en aktiveringslänk till ditt eget konto. Byt lösenord under Byt lösenord.".into(),
        ));
    }
    if !a.aktiv {
        // Closed already (new, or closed on purpose): a pending request stays as it is.
        return visa_ny_lank(&s, &i, &a, None).await;
    }
    let stangt = Anvandare {
        aktiv: false,
        ..a.clone()
    };
    s.store.organisation().andra_anvandare(&stangt).await?;
    logga(&s, &i, &format!("admin.anvandare.andra:{}", a.id)).await?;
    let begaran = begar(
        &s,
        &i,
        &Anvandare {
            aktiv: true,
            ..a.clone()
        },
    )
    .await?;
    visa_ny_lank(&s, &i, &a, Some(begaran)).await
}

#[derive(Template, WebTemplate)]
#[template(path = "aktivera.html")]
pub struct AktiveraSida {
    pub giltig: bool,
    pub anvandarnamn: String,
    pub min: usize,
    pub max: usize,
    pub fel: Vec<(&'static str, String)>,
    /// The password is set; the account waits for approval.
    pub klar_vantar: bool,
}

impl AktiveraSida {
    fn fel_for(&self, falt: &str) -> Option<&str> {
        self.fel
            .iter()
            .find(|(f, _)| *f == falt)
            .map(|(_, t)| t.as_str())
    }
    pub fn fel_nytt(&self) -> Option<&str> {
        self.fel_for("nytt")
    }
    pub fn fel_igen(&self) -> Option<&str> {
        self.fel_for("nytt_igen")
    }
}

fn aktiverasida(s: &AppState, anvandarnamn: Option<String>) -> AktiveraSida {
    AktiveraSida {
        giltig: anvandarnamn.is_some(),
        anvandarnamn: anvandarnamn.unwrap_or_default(),
        min: s.inloggning.min_losenordslangd(),
        max: crate::losenord::MAX_LANGD,
        fel: vec![],
        klar_vantar: false,
    }
}

async fn lankens_konto(s: &AppState, token: &str) -> Result<Option<Anvandare>, WebFel> {
    let Some((kommun, id)) = s
        .store
        .organisation()
        .kontoaktivering(&crate::auth::session_id(token), s.nu())
        .await?
    else {
        return Ok(None);
    };
    Ok(s.store.organisation().anvandare(kommun, id).await?)
}

/// The page the link opens: no login, the link is the key.
pub async fn aktivera_sida(
    State(s): State<AppState>,
    Path(token): Path<String>,
) -> Result<Response, WebFel> {
    let a = lankens_konto(&s, &token).await?;
    let status = if a.is_some() {
        StatusCode::OK
    } else {
        StatusCode::NOT_FOUND
    };
    Ok((status, aktiverasida(&s, a.map(|a| a.anvandarnamn))).into_response())
}

/// The user chooses their password; the link is then used up. The second factor
/// is set up at once when required (as at any first login).
pub async fn aktivera(
    State(s): State<AppState>,
    Path(token): Path<String>,
    f: Formular,
) -> Result<Response, WebFel> {
    let Some(a) = lankens_konto(&s, &token).await? else {
        return Ok((StatusCode::NOT_FOUND, aktiverasida(&s, None)).into_response());
    };
    let nytt = f.get("nytt").unwrap_or_default().to_owned();
    let igen = f.get("nytt_igen").unwrap_or_default();
    let min = s.inloggning.min_losenordslangd();
    let mut fel = vec![];
    // The same rules as for any password (NIST SP 800-63B, losenord.rs).
    if let Some(t) = crate::losenord::kontrollera(&nytt, &a.anvandarnamn, min) {
        fel.push(("nytt", t));
    } else if nytt != igen {
        fel.push((
            "nytt_igen",
            "Lösenorden är inte lika. Skriv samma lösenord två gånger.".to_string(),
        ));
    }
    if !fel.is_empty() {
        let mut sida = aktiverasida(&s, Some(a.anvandarnamn));
        sida.fel = fel;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, sida).into_response());
    }
    let hash = tokio::task::spawn_blocking(move || crate::auth::hasha_losenord(&nytt))
        .await
        .map_err(|_| WebFel::Ogiltig("Lösenordet kunde inte sparas.".into()))?
        .map_err(WebFel::Ogiltig)?;
    let Some(id) = s
        .store
        .organisation()
        .anvand_kontoaktivering(&crate::auth::session_id(&token), &hash, s.nu())
        .await?
    else {
        return Ok((StatusCode::NOT_FOUND, aktiverasida(&s, None)).into_response());
    };
    s.store
        .granskning()
        .logga_lasning(
            &lots_store::Aktor::from(&a),
            &[Granskningspost::ny(format!("konto.aktiverat:{id}"))],
            s.nu(),
        )
        .await?;
    if !a.aktiv {
        let mut sida = aktiverasida(&s, Some(a.anvandarnamn));
        sida.klar_vantar = true;
        return Ok(sida.into_response());
    }
    let nasta = match s.inloggning.totp {
        TotpKrav::Kravs => steg::REGISTRERING,
        TotpKrav::Frivillig => steg::KLAR,
    };
    crate::auth::ny_session(&s, f.headers(), &a, nasta, None).await
}

#[derive(Template, WebTemplate)]
#[template(path = "behorigheter.html")]
struct BegaranSida {
    sida: Sida,
    /// (request, account name, requester name, unit name, may approve)
    rader: Vec<(Behorighetsbegaran, String, String, String, bool)>,
}

/// The grants waiting for approval, each with who asked for it.
pub async fn lista(State(s): State<AppState>, i: Inloggad) -> Result<Response, WebFel> {
    policy::krav(&i.anvandare, Atgard::SeBehorighetsbegaran)?;
    let kommun = i.anvandare.kommun;
    let konton = s.store.organisation().alla_anvandare(kommun).await?;
    let enheter = s.store.organisation().enheter(kommun).await?;
    let namn = |id: AnvandarId| {
        konton
            .iter()
            .find(|a| a.id == id)
            .map(|a| format!("{} ({})", a.namn, a.anvandarnamn))
            .unwrap_or_default()
    };
    let rader = s
        .store
        .organisation()
        .vantande_behorigheter(kommun)
        .await?
        .into_iter()
        .filter(|b| {
            // An arbetsledare sees the requests for their own enhet only.
            i.anvandare.roll != lots_domain::organisation::Roll::Arbetsledare
                || b.enhet == i.anvandare.enhet
        })
        .map(|b| {
            let far = policy::far(
                &i.anvandare,
                Atgard::GodkannBehorighet {
                    begard_av: b.begard_av,
                    anvandare: b.anvandare,
                    enhet: b.enhet,
                },
            );
            let enhet = enheter
                .iter()
                .find(|e| e.id == b.enhet)
                .map(|e| e.namn.clone())
                .unwrap_or_default();
            let (konto, begard_av) = (namn(b.anvandare), namn(b.begard_av));
            (b, konto, begard_av, enhet, far)
        })
        .collect();
    Ok(BegaranSida {
        sida: Sida::av(&i),
        rader,
    }
    .into_response())
}

pub async fn godkann(
    State(s): State<AppState>,
    i: Inloggad,
    Path(id): Path<String>,
    f: Formular,
) -> Result<Response, WebFel> {
    i.kontrollera_csrf(&f)?;
    policy::krav(&i.anvandare, Atgard::SeBehorighetsbegaran)?;
    let id: uuid::Uuid = id.parse().map_err(|_| WebFel::Saknas)?;
    let b = s
        .store
        .organisation()
        .vantande_behorigheter(i.anvandare.kommun)
        .await?
        .into_iter()
        .find(|b| b.id == id)
        .ok_or(WebFel::Saknas)?;
    policy::krav(
        &i.anvandare,
        Atgard::GodkannBehorighet {
            begard_av: b.begard_av,
            anvandare: b.anvandare,
            enhet: b.enhet,
        },
    )?;
    let Some(b) = s
        .store
        .organisation()
        .godkann_behorighet(id, i.anvandare.id, s.nu())
        .await?
    else {
        return Err(WebFel::Saknas);
    };
    // Both people are named: who asked, and who approved (the actor of the row).
    logga(
        &s,
        &i,
        &format!(
            "admin.behorighet.godkann:{}:anvandare={}:roll={}:enhet={}:skyddad={}:begard_av={}:godkand_av={}",
            b.id,
            b.anvandare,
            b.roll.kod(),
            b.enhet,
            b.skyddad_behorighet,
            b.begard_av,
            i.anvandare.id
        ),
    )
    .await?;
    Ok(Redirect::to("/behorigheter").into_response())
}
