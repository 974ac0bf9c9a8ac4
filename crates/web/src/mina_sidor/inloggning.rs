//! Logging in to Mina sidor: the municipality's eID broker over OpenID Connect
//! (BankID, Freja eID), or the demo's test login; then choosing whose matters
//! to follow, one's own or those of a person who gave a fullmakt.

use std::collections::HashMap;

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use lots_domain::Identitet;
use lots_domain::ids::PersonId;
use lots_store::{OidcForfragan, Person};

use super::{Besokare, KAKA, Ram, kaka, satt_kaka, till, token_hash};
use crate::AppState;
use crate::auth::slumptext;
use crate::fel::WebFel;
use crate::formular::Formular;

const EID_KAKA: &str = "lots_mina_sidor_eid";
/// A pending eID login must come back within this.
const EID_TID: time::Duration = time::Duration::minutes(10);

pub struct Testperson {
    pub identitet: String,
    pub text: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "mina_sidor/logga_in.html")]
pub struct InloggningSida {
    pub ram: Ram,
    /// The test login form's token (login CSRF, as on the staff login).
    pub csrf: String,
    /// The kommun chosen logs in through an eID broker; before a kommun is chosen,
    /// whether any kommun served does.
    pub eid: bool,
    pub test: bool,
    pub testpersoner: Vec<Testperson>,
    pub fel: Option<String>,
    pub utloggad: bool,
    /// The kommuner to choose between when the server serves more than one (issue 18
    /// item 8); empty otherwise.
    pub kommuner: Vec<lots_store::Kommun>,
    /// The kommun chosen (or the only one served): the login methods are for it.
    pub kommun: Option<lots_store::Kommun>,
}

async fn inloggningssida(
    s: &AppState,
    headers: &HeaderMap,
    t: &'static super::Texter,
    status: StatusCode,
    (fel, vald): (Option<String>, &str),
    utloggad: bool,
) -> Result<Response, WebFel> {
    let m = &s.inloggning.medborgare;
    let mut kommuner = s.betjanade().await?;
    let kommun = s.inloggningens_kommun(Some(vald)).await?;
    // The broker is the chosen kommun's (issue 18 item 8).
    let eid = match &kommun {
        Some(k) => m.eid.for_kommun(&k.id).is_some(),
        None => kommuner.iter().any(|k| m.eid.for_kommun(&k.id).is_some()),
    };
    if kommuner.len() < 2 {
        kommuner.clear();
    }
    let mut testpersoner = vec![];
    if m.testinloggning
        && let Some(k) = &kommun
    {
        for (p, ombud) in s.store.personer().syntetiska_personer(k.id).await? {
            let mut text = format!("{} ({})", p.namn(), p.identitet.visning());
            if ombud {
                text.push_str(" – ");
                text.push_str(&t.t("logga_in-ar_ombud"));
            }
            testpersoner.push(Testperson {
                identitet: p.identitet.varde().to_owned(),
                text,
            });
        }
    }
    let (csrf, ny_kaka) = crate::auth::forinloggning(s, headers);
    let mut res = (
        status,
        InloggningSida {
            ram: Ram::utloggad(t),
            csrf,
            eid,
            test: m.testinloggning,
            testpersoner,
            fel,
            utloggad,
            kommuner,
            kommun,
        },
    )
        .into_response();
    if let Some(k) = ny_kaka {
        satt_kaka(&mut res, &k);
    }
    Ok(res)
}

pub async fn sida(
    State(s): State<AppState>,
    headers: HeaderMap,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, WebFel> {
    let t = super::texter::for_begaran(&headers);
    let vald = q.get("kommun").map(String::as_str).unwrap_or_default();
    inloggningssida(
        &s,
        &headers,
        t,
        StatusCode::OK,
        (None, vald),
        q.contains_key("utloggad"),
    )
    .await
}

/// A new session for who logged in, replacing any the browser had; then on to
/// choosing whose matters to follow.
async fn ny_session(
    s: &AppState,
    headers: &HeaderMap,
    kommun: lots_domain::ids::KommunId,
    (identitet, namn): (&str, &str),
    metod: &str,
    id_token: Option<&str>,
) -> Result<Response, WebFel> {
    // Only a kommun this server serves (issue 18 item 8).
    if !s.betjanar(kommun) {
        return Err(WebFel::Saknas);
    }
    if let Some(gammal) = kaka(headers, KAKA) {
        s.store
            .mina_sidor()
            .ta_bort_medborgarsession(&token_hash(&gammal))
            .await?;
    }
    let token = slumptext();
    let id = token_hash(&token);
    s.store
        .mina_sidor()
        .skapa_medborgarsession(
            &id,
            kommun,
            identitet,
            namn,
            metod,
            &slumptext(),
            id_token,
            s.nu(),
        )
        .await?;
    // Straight to one's own matters when there is nothing to choose between.
    let egen = s
        .store
        .personer()
        .person_med_nummer(kommun, identitet)
        .await?;
    let fullmakter = s
        .store
        .mina_sidor()
        .fullmakter_for_ombud(kommun, identitet)
        .await?;
    let idag = super::idag(s);
    let mal = match egen {
        Some(p) if !fullmakter.iter().any(|f| f.galler(idag)) => {
            s.store.mina_sidor().valj_huvudman(&id, p.id, None).await?;
            logga_inloggning(s, &p, metod, None).await?;
            "/mina-sidor"
        }
        _ => "/mina-sidor/valj",
    };
    tracing::info!(metod, "Mina sidor: login");
    let secure = if s.saker_cookie { "; Secure" } else { "" };
    let mut res = till(mal);
    satt_kaka(
        &mut res,
        &format!("{KAKA}={token}; Path=/mina-sidor; HttpOnly; SameSite=Lax{secure}"),
    );
    Ok(res)
}

/// The demo's test login: pick a synthetic person. Refused unless the server was
/// started with `--demo` on a database of synthetic persons, and for anyone real.
pub async fn testinloggning(
    State(s): State<AppState>,
    headers: HeaderMap,
    f: Formular,
) -> Result<Response, WebFel> {
    if !s.inloggning.medborgare.testinloggning {
        return Err(WebFel::Saknas);
    }
    let t = super::texter::for_begaran(&headers);
    let vald = f.text("kommun");
    // A cross-site form must not log the browser in as someone else (login CSRF).
    if !crate::auth::forinloggning_giltig(&s, &f) {
        return inloggningssida(
            &s,
            &headers,
            t,
            StatusCode::FORBIDDEN,
            (Some(crate::auth::FORE_FEL.to_owned()), &vald),
            false,
        )
        .await;
    }
    let Some(kommun) = s.inloggningens_kommun(Some(&vald)).await? else {
        return inloggningssida(
            &s,
            &headers,
            t,
            StatusCode::UNPROCESSABLE_ENTITY,
            (Some(t.t("logga_in-fel_kommun").to_owned()), &vald),
            false,
        )
        .await;
    };
    let kommun = kommun.id;
    let identitet = f.text("identitet");
    let person = s
        .store
        .personer()
        .syntetisk_person(kommun, &identitet)
        .await?;
    let Some(person) = person else {
        return inloggningssida(
            &s,
            &headers,
            t,
            StatusCode::BAD_REQUEST,
            (Some(t.t("logga_in-fel_testperson").to_owned()), &vald),
            false,
        )
        .await;
    };
    ny_session(
        &s,
        &headers,
        kommun,
        (&identitet, &person.namn()),
        "test",
        None,
    )
    .await
}

/// Starts an eID login at the broker of the kommun chosen (`?kommun=`, or the only
/// one served): the kommun's own, or the one for every kommun without one.
pub async fn eid_borja(
    State(s): State<AppState>,
    headers: HeaderMap,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, WebFel> {
    if s.inloggning.medborgare.eid.ingen() {
        return Err(WebFel::Saknas);
    }
    let vald = q.get("kommun").map(String::as_str).unwrap_or_default();
    let t = super::texter::for_begaran(&headers);
    let avvisa = |text: &'static str| {
        let (s, headers) = (&s, &headers);
        async move {
            inloggningssida(
                s,
                headers,
                t,
                StatusCode::UNPROCESSABLE_ENTITY,
                (Some(t.t(text).to_owned()), vald),
                false,
            )
            .await
        }
    };
    let Some(kommun) = s.inloggningens_kommun(Some(vald)).await? else {
        return avvisa("logga_in-fel_kommun").await;
    };
    let Some(eid) = s.inloggning.medborgare.eid.for_kommun(&kommun.id) else {
        return avvisa("logga_in-fel_ingen_eid").await;
    };
    let nu = s.nu();
    s.store
        .inloggning()
        .rensa_oidc_forfragningar(nu - EID_TID)
        .await?;
    let p = eid.klient.borja();
    s.store
        .inloggning()
        .spara_oidc_forfragan(
            &format!("mina-sidor:{}", token_hash(&p.state)),
            &OidcForfragan {
                nonce: p.nonce,
                pkce_verifierare: p.pkce_verifierare,
                skapad: nu,
                kommun: Some(kommun.id),
            },
        )
        .await?;
    let secure = if s.saker_cookie { "; Secure" } else { "" };
    let mut res = till(&p.url);
    // The state in a cookie too: the answer must come back to this browser (RFC 9700 4.7.1).
    satt_kaka(
        &mut res,
        &format!(
            "{EID_KAKA}={}; Path=/mina-sidor/logga-in/eid; HttpOnly; SameSite=Lax; Max-Age=600{secure}",
            p.state
        ),
    );
    Ok(res)
}

/// The broker sends the browser back here. Only a verified ID token with a
/// valid personnummer logs in.
pub async fn eid_svar(
    State(s): State<AppState>,
    Query(q): Query<HashMap<String, String>>,
    headers: HeaderMap,
) -> Result<Response, WebFel> {
    if s.inloggning.medborgare.eid.ingen() {
        return Err(WebFel::Saknas);
    }
    let t = super::texter::for_begaran(&headers);
    let borja_om = || async {
        let mut res = inloggningssida(
            &s,
            &headers,
            t,
            StatusCode::BAD_REQUEST,
            (Some(t.t("logga_in-fel_eid").to_owned()), ""),
            false,
        )
        .await?;
        satt_kaka(
            &mut res,
            &format!(
                "{EID_KAKA}=; Path=/mina-sidor/logga-in/eid; HttpOnly; SameSite=Lax; Max-Age=0"
            ),
        );
        Ok::<_, WebFel>(res)
    };
    let nu = s.nu();
    // The broker is the one of the kommun the login was started for, as stored with the
    // pending request: nothing the browser sends chooses it (issue 18 item 8).
    let svar = crate::oidc::ta_emot_svar(
        &s.inloggning.medborgare.eid,
        |e| &e.klient,
        &s.store,
        &q,
        kaka(&headers, EID_KAKA).as_deref(),
        |state| format!("mina-sidor:{}", token_hash(state)),
        nu,
        EID_TID,
    )
    .await?;
    let Ok((identitet, kommun, eid)) = svar else {
        return borja_om().await;
    };
    // The broker's word for the personnummer, checked like any other input.
    let Some(nummer) = identitet
        .extra(&eid.personnummer_claim)
        .and_then(|n| Identitet::tolka(&n, nu.date()).ok())
    else {
        tracing::warn!("Mina sidor: the ID token had no valid personnummer");
        return borja_om().await;
    };
    let namn = identitet.namn().unwrap_or_else(|| nummer.visning());
    let mut res = ny_session(
        &s,
        &headers,
        kommun,
        (nummer.varde(), &namn),
        "eid",
        Some(&identitet.id_token),
    )
    .await?;
    satt_kaka(
        &mut res,
        &format!("{EID_KAKA}=; Path=/mina-sidor/logga-in/eid; HttpOnly; SameSite=Lax; Max-Age=0"),
    );
    Ok(res)
}

pub async fn logga_ut(
    State(s): State<AppState>,
    b: Besokare,
    f: Formular,
) -> Result<Response, WebFel> {
    b.kontrollera_csrf(&f)?;
    s.store
        .mina_sidor()
        .ta_bort_medborgarsession(&b.session.id)
        .await?;
    let mut res = till("/mina-sidor/logga-in?utloggad");
    satt_kaka(
        &mut res,
        &format!("{KAKA}=; Path=/mina-sidor; HttpOnly; SameSite=Lax; Max-Age=0"),
    );
    Ok(res)
}

pub struct Val {
    pub varde: String,
    pub text: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "mina_sidor/valj.html")]
pub struct ValjSida {
    pub ram: Ram,
    pub val: Vec<Val>,
    /// Not known to the nämnd: may start an application.
    pub okand: bool,
}

pub async fn valj_sida(State(s): State<AppState>, b: Besokare) -> Result<Response, WebFel> {
    let t = b.t;
    let kommun = b.session.kommun;
    let idag = super::idag(&s);
    let mut val = vec![];
    let egen = s
        .store
        .personer()
        .person_med_nummer(kommun, &b.session.identitet)
        .await?;
    if egen.is_some() {
        val.push(Val {
            varde: "egen".into(),
            text: t.t("valj-egna").to_owned(),
        });
    }
    for f in s
        .store
        .mina_sidor()
        .fullmakter_for_ombud(kommun, &b.session.identitet)
        .await?
    {
        if !f.galler(idag) {
            continue;
        }
        if let Some(p) = s.store.personer().person(kommun, f.person).await? {
            val.push(Val {
                varde: f.id.to_string(),
                text: t.f("valj-for_person", &[("namn", &p.namn())]),
            });
        }
    }
    let ram = Ram {
        t,
        csrf: b.session.csrf.clone(),
        inloggad: Some(b.session.namn.clone()),
        for_person: None,
    };
    Ok(ValjSida {
        ram,
        val,
        okand: egen.is_none(),
    }
    .into_response())
}

pub async fn valj(State(s): State<AppState>, b: Besokare, f: Formular) -> Result<Response, WebFel> {
    b.kontrollera_csrf(&f)?;
    let kommun = b.session.kommun;
    let idag = super::idag(&s);
    let val = f.text("val");
    let (person, fullmakt): (PersonId, _) = if val == "egen" || val == "ny" {
        let person = match s
            .store
            .personer()
            .person_med_nummer(kommun, &b.session.identitet)
            .await?
        {
            Some(p) => p,
            // Someone the nämnd does not know yet, who wants to apply: registered
            // with the identity and name the eID gave, nothing more.
            None if val == "ny" => ny_person(&s, &b).await?,
            None => return Err(WebFel::Saknas),
        };
        (person.id, None)
    } else {
        let id = val
            .parse::<uuid::Uuid>()
            .map_err(|_| WebFel::Ogiltig(b.t.t("fel-val").to_owned()))?;
        match s.store.mina_sidor().fullmakt(id).await? {
            Some(f) if f.ombud_identitet == b.session.identitet && f.galler(idag) => {
                (f.person, Some(f.id))
            }
            _ => return Err(WebFel::Saknas),
        }
    };
    s.store
        .mina_sidor()
        .valj_huvudman(&b.session.id, person, fullmakt)
        .await?;
    if let Some(p) = s.store.personer().person(b.session.kommun, person).await? {
        let ombud = fullmakt.map(|f| (b.session.namn.clone(), f));
        logga_inloggning(&s, &p, &b.session.metod, ombud).await?;
    }
    Ok(till(if val == "ny" {
        "/mina-sidor/ansok"
    } else {
        "/mina-sidor"
    }))
}

/// The audit row for a login to someone's matters: who, how, and as whose ombud.
async fn logga_inloggning(
    s: &AppState,
    p: &Person,
    metod: &str,
    ombud: Option<(String, uuid::Uuid)>,
) -> Result<(), WebFel> {
    let aktor = s.store.mina_sidor().mina_sidor_konto(p.kommun).await?;
    let vem = match ombud {
        None => format!("Mina sidor: personen själv ({metod})"),
        Some((namn, f)) => format!(
            "{} {namn} med fullmakt {f} ({metod})",
            super::OMBUD_I_LOGGEN
        ),
    };
    let post = lots_store::Granskningspost::ny("mina_sidor.inloggning")
        .person(p.id, p.skyddad)
        .skal(Some(vem));
    s.store
        .granskning()
        .logga_lasning(&aktor, &[post], s.nu())
        .await?;
    Ok(())
}

async fn ny_person(s: &AppState, b: &Besokare) -> Result<Person, WebFel> {
    let idag = super::idag(s);
    let identitet = Identitet::tolka(&b.session.identitet, idag)
        .map_err(|_| WebFel::Ogiltig(b.t.t("fel-val").to_owned()))?;
    let (fornamn, efternamn) = match b.session.namn.rsplit_once(' ') {
        Some((f, e)) => (f.to_owned(), e.to_owned()),
        None => (b.session.namn.clone(), String::new()),
    };
    let p = Person {
        id: PersonId::ny(),
        kommun: b.session.kommun,
        identitet,
        fornamn,
        efternamn,
        adress: String::new(),
        skyddad: false,
    };
    s.store
        .personer()
        .skapa_person(&p, b.session.metod == "test")
        .await?;
    Ok(p)
}
