//! The person's file: their journal entries, and their own objection beside an
//! entry they find wrong (SoL 14 kap. 6 §: the person's view of an entry that
//! they consider incorrect is noted in the documentation).

use std::collections::HashMap;

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use lots_domain::arende::{Kommando, partsinsyn};
use lots_domain::ids::{ArendeId, JournalId};
use lots_store::{Granskningspost, JournalRad};

use super::arenden::{id, utfor};
use super::{Medborgare, Ram, till};
use crate::AppState;
use crate::fel::WebFel;
use crate::formular::Formular;

pub struct Anteckning {
    pub id: JournalId,
    pub datum: String,
    pub text: String,
    pub forfattare: String,
    pub rattad: bool,
    pub invandningar: Vec<(String, String)>,
}

#[derive(Template, WebTemplate)]
#[template(path = "mina_sidor/journal.html")]
pub struct JournalSida {
    pub ram: Ram,
    pub anteckningar: Vec<Anteckning>,
    pub undanhallna: usize,
    pub undanhallna_text: String,
    pub far_agera: bool,
}

/// The entries the person may read here, and how many are withheld
/// (`partsinsyn::anteckning_visas`).
async fn lasbara(
    s: &AppState,
    m: &Medborgare,
) -> Result<
    (
        Vec<JournalRad>,
        usize,
        Vec<(ArendeId, lots_store::ArendeRad)>,
    ),
    WebFel,
> {
    let mut tillstand = HashMap::new();
    let mut arenden = vec![];
    for (r, a) in s
        .store
        .arenden()
        .personens_arenden_med_tillstand(m.person.kommun, m.person.id)
        .await?
    {
        tillstand.insert(r.id, a);
        arenden.push((r.id, r));
    }
    let provningar = s
        .store
        .mina_sidor()
        .journalprovningar(m.person.kommun, m.person.id)
        .await?;
    let alla = s
        .store
        .personer()
        .journal_for_person(m.person.kommun, m.person.id)
        .await?;
    // Per entry: the handläggare's review, else the case's default (issue 12).
    let (visas, dolda): (Vec<_>, Vec<_>) = alla.into_iter().partition(|j| {
        tillstand
            .get(&j.arende)
            .is_some_and(|a| partsinsyn::anteckning_visas(a, provningar.get(&j.id).copied()))
    });
    Ok((visas, dolda.len(), arenden))
}

pub async fn journal(State(s): State<AppState>, m: Medborgare) -> Result<Response, WebFel> {
    let t = m.t;
    let (visas, undanhallna, arenden) = lasbara(&s, &m).await?;
    let mut sedda: Vec<ArendeId> = visas.iter().map(|j| j.arende).collect();
    sedda.sort();
    sedda.dedup();
    let poster: Vec<Granskningspost> = arenden
        .iter()
        .filter(|(id, _)| sedda.contains(id))
        .map(|(_, r)| {
            Granskningspost::ny("mina_sidor.journal")
                .person(r.person, r.person_skyddad)
                .arende(r.id)
                .skal(Some(m.vem()))
        })
        .collect();
    if let Some((_, r)) = arenden.first() {
        let aktor = m.aktor(r.enhet);
        s.store
            .granskning()
            .logga_lasning(&aktor, &poster, s.nu())
            .await?;
    }
    let anteckningar = visas
        .into_iter()
        .map(|j| Anteckning {
            id: j.id,
            datum: j.datum.to_string(),
            text: j.text,
            forfattare: j.forfattare,
            rattad: !j.rattad_av.is_empty(),
            invandningar: j
                .invandningar
                .into_iter()
                .map(|i| (i.datum.to_string(), i.text))
                .collect(),
        })
        .collect();
    Ok(JournalSida {
        ram: m.sida(),
        anteckningar,
        undanhallna,
        undanhallna_text: t.antal("journal-undanhallna", "antal", undanhallna as u64, &[]),
        far_agera: m.far_agera(),
    }
    .into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "mina_sidor/invandning.html")]
pub struct InvandningSida {
    pub ram: Ram,
    pub anteckning: Anteckning,
    pub text: String,
    pub fel: Vec<(String, String)>,
}

async fn invandning_formular(
    s: &AppState,
    m: &Medborgare,
    jid: &str,
    text: String,
    fel: Vec<(String, String)>,
) -> Result<(Response, Option<JournalRad>), WebFel> {
    m.krav_agera()?;
    let jid: JournalId = id(jid)?;
    let (visas, _, _) = lasbara(s, m).await?;
    let j = visas
        .into_iter()
        .find(|j| j.id == jid)
        .ok_or(WebFel::Saknas)?;
    let status = super::status_for(&fel);
    let sida = InvandningSida {
        ram: m.sida(),
        anteckning: Anteckning {
            id: j.id,
            datum: j.datum.to_string(),
            text: j.text.clone(),
            forfattare: j.forfattare.clone(),
            rattad: !j.rattad_av.is_empty(),
            invandningar: vec![],
        },
        text,
        fel,
    };
    Ok(((status, sida).into_response(), Some(j)))
}

pub async fn invandning_sida(
    State(s): State<AppState>,
    m: Medborgare,
    Path(jid): Path<String>,
) -> Result<Response, WebFel> {
    Ok(invandning_formular(&s, &m, &jid, String::new(), vec![])
        .await?
        .0)
}

pub async fn invand(
    State(s): State<AppState>,
    m: Medborgare,
    Path(jid): Path<String>,
    f: Formular,
) -> Result<Response, WebFel> {
    m.kontrollera_csrf(&f)?;
    let t = m.t;
    let text = f.text("text");
    let fel = if text.is_empty() {
        vec![("text".to_owned(), t.t("invandning-fel_tom").to_owned())]
    } else if text.chars().count() > 5000 {
        vec![("text".to_owned(), t.t("fel-for_lang").to_owned())]
    } else {
        vec![]
    };
    let (sida, j) = invandning_formular(&s, &m, &jid, text.clone(), fel.clone()).await?;
    let Some(j) = j.filter(|_| fel.is_empty()) else {
        return Ok(sida);
    };
    let (rad, _) = m.arende(&s, j.arende, "mina_sidor.journal").await?;
    let mut invandning = text.clone();
    if let Some(o) = m.ombud() {
        invandning.push_str("\n\n");
        invandning.push_str(&super::texter::svenska().f("overklaga-ombud", &[("namn", &o)]));
    }
    let k = Kommando::RegistreraInvandning {
        anteckning: j.id,
        datum: super::idag(&s),
        text: invandning,
    };
    match utfor(&s, &m, &rad, vec![k], vec![]).await? {
        Ok(_) => Ok(till(&format!("/mina-sidor/kvitto/{}", rad.id))),
        Err(fel) => Ok(invandning_formular(&s, &m, &jid, text, fel).await?.0),
    }
}
