//! Two steps from the desk into the myndighet's case flow (issue 17 items 2 and 4), in
//! every privacy mode:
//!
//! - **Ansökan**: a person who wants more than the open service, or is outside its
//!   conditions or scope, applies for bistånd (SoL 11 kap. 1 §). One step registers an
//!   ansökan (an aktualisering, as `/personer/{id}/arenden/nytt` registers one) at the
//!   enhet they apply to, with only what the person chooses to tell now. The visits in
//!   a minimal or anonymous service are never joined to it: they hold no person, and
//!   the count of the step (`oppen_overgang`) holds neither person nor case.
//! - **Orosanmälan**: staff who learn that a child may be at risk must report it to the
//!   socialnämnd (SoL 19 kap. 1 §), whatever the service's mode. The report identifies
//!   the child or the person at risk (the report needs someone to assess) and is
//!   registered as an anmälan at the enhet that receives such reports, where it waits
//!   for its förhandsbedömning (SoL 14 kap. 2 §; `kommando::kan`) like any anmälan. The
//!   reporter is the staff member by name: the duty to report is theirs.
//!
//! The form asks the name with the number whether or not the number is known, so it
//! never tells whether a person is in the register; a known person's record is used as
//! it is. The utförare does not read the case afterwards: it is the myndighet's.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use lots_domain::arende::{Anmalare, Handelse, Kanal, Kommando};
use lots_domain::ids::{ArendeId, EnhetId};
use lots_domain::insats::InsatsTyp;
use lots_domain::oppen_insats::{TEXT_MAX_TECKEN, alder};
use lots_domain::tid::svensk_dag;
use lots_store::{Enhet, OppenInsatsRad, Overgang, Person};
use serde::Deserialize;

use super::mottagning::{hitta_eller_registrera, las_person, post_for};
use super::person::Formularsida;
use super::{Falt, Sida, fyll};
use crate::AppState;
use crate::auth::Inloggad;
use crate::fel::WebFel;
use crate::formular::{FaltFel, Formular};
use crate::policy::Atgard;
use crate::texter::t;

/// The codes an enhet's `tar_emot` carries for the reports of concern it receives, with
/// their names for the unit's form: a child's, and an adult's.
pub const OROSANMALAN_BARN: &str = "orosanmalan-barn";
pub const OROSANMALAN_VUXEN: &str = "orosanmalan-vuxen";

pub fn orosanmalningar() -> Vec<(String, String)> {
    vec![
        (
            OROSANMALAN_BARN.to_string(),
            "Orosanmälningar om barn (från mottagningar för öppna insatser)".to_string(),
        ),
        (
            OROSANMALAN_VUXEN.to_string(),
            "Orosanmälningar om vuxna (från mottagningar för öppna insatser)".to_string(),
        ),
    ]
}

#[derive(Deserialize)]
pub struct PersonFraga {
    /// A full-mode participant who chose to apply at the scope limit.
    person: Option<String>,
}

fn ansokan_atgard(levererar: bool) -> Atgard {
    Atgard::AnsokanFranMottagning { levererar }
}

fn oro_atgard(levererar: bool) -> Atgard {
    Atgard::OrosanmalanFranMottagning { levererar }
}

fn personfalt(hjalp: &str) -> Vec<Falt> {
    vec![
        Falt::text("identitet", "Personnummer eller samordningsnummer")
            .kravs()
            .hjalp(hjalp),
        Falt::kryss(
            "reservnummer",
            "Reservnummer: personen saknar person- och samordningsnummer",
        )
        .hjalp("Ett reservnummer får innehålla bokstäver och säger inget om födelsedagen."),
        Falt::text("fornamn", "Förnamn").kravs(),
        Falt::text("efternamn", "Efternamn").kravs(),
    ]
}

/// The kommun's myndighet enheter (not utförare), by name.
async fn myndighetsenheter(s: &AppState, i: &Inloggad) -> Result<Vec<Enhet>, WebFel> {
    Ok(s.store
        .organisation()
        .enheter(i.anvandare.kommun)
        .await?
        .into_iter()
        .filter(|e| !e.utforare)
        .collect())
}

async fn ansokan_falt(
    s: &AppState,
    i: &Inloggad,
    kand: Option<&Person>,
) -> Result<Vec<Falt>, WebFel> {
    let mut falt = match kand {
        Some(_) => vec![],
        None => personfalt("ÅÅÅÅMMDD-NNNN. Bara det personen själv berättar."),
    };
    let forvald = s
        .store
        .mina_sidor()
        .mottagande_enhet(i.anvandare.kommun, "missbruk")
        .await?;
    let enheter = myndighetsenheter(s, i).await?;
    let mut enhet = Falt::val(
        "enhet",
        "Enhet som tar emot ansökan",
        "select",
        enheter.iter().map(|e| (e.id.to_string(), e.namn.clone())),
    )
    .kravs();
    if let Some(f) = forvald {
        enhet = enhet.varde(f);
    }
    falt.push(
        Falt::val(
            "insats",
            "Vad personen ansöker om",
            "select",
            InsatsTyp::ALLA
                .iter()
                .map(|x| (x.kod().to_string(), x.namn().to_string())),
        )
        .kravs(),
    );
    falt.push(enhet);
    falt.push(
        Falt::textarea("beskrivning", "Det personen vill berätta")
            .hjalp("Skriv bara det personen själv väljer att berätta nu. Handläggaren tar kontakt och utreder."),
    );
    Ok(falt)
}

#[allow(clippy::too_many_arguments)]
fn formularsida(
    i: &Inloggad,
    r: &OppenInsatsRad,
    rubrik: &str,
    ingress: String,
    action: String,
    knapp: &'static str,
    falt: Vec<Falt>,
    fel: Vec<(String, String)>,
) -> Formularsida {
    Formularsida {
        sida: Sida::av(i),
        rubrik: format!("{rubrik}: {}", r.insats.namn),
        ingress,
        tillbaka: format!("/mottagning#insats-{}", r.id),
        tillbaka_text: "mottagningen".into(),
        action,
        knapp,
        multipart: false,
        forhandsgranska: false,
        meddelande: None,
        notis: None,
        falt,
        fel,
        lankar: vec![],
        utkast: None,
    }
}

/// The participant named in the query, for an ansökan at the scope limit of a
/// full-mode service; `None` without one.
async fn kand_person(
    s: &AppState,
    i: &Inloggad,
    r: &OppenInsatsRad,
    q: &PersonFraga,
) -> Result<Option<Person>, WebFel> {
    let Some(p) = q.person.as_deref().filter(|p| !p.is_empty()) else {
        return Ok(None);
    };
    let id: lots_domain::ids::PersonId = p.parse().map_err(|_| WebFel::Saknas)?;
    let person = s
        .store
        .personer()
        .person(i.anvandare.kommun, id)
        .await?
        .filter(|p| !p.skyddad || i.anvandare.skyddad_behorighet)
        .ok_or(WebFel::Saknas)?;
    // Only the service's own participant: the person was known to the desk already.
    s.store
        .organisation()
        .oppen_deltagare(i.anvandare.kommun, r.id, person.id)
        .await?
        .ok_or(WebFel::Saknas)?;
    Ok(Some(person))
}

fn ansokan_action(r: &OppenInsatsRad, kand: Option<&Person>) -> String {
    match kand {
        Some(p) => format!("/mottagning/{}/ansokan?person={}", r.id, p.id),
        None => format!("/mottagning/{}/ansokan", r.id),
    }
}

fn ansokan_ingress(kand: Option<&Person>) -> String {
    match kand {
        Some(p) => format!("{} {}", t("mottagning-ansokan_ingress_kand"), p.namn()),
        None => t("mottagning-ansokan_ingress"),
    }
}

pub async fn ansokan_sida(
    State(s): State<AppState>,
    i: Inloggad,
    Path(insats): Path<String>,
    Query(q): Query<PersonFraga>,
) -> Result<Response, WebFel> {
    let r = post_for(&s, &i, &insats, ansokan_atgard).await?;
    let kand = kand_person(&s, &i, &r, &q).await?;
    let falt = ansokan_falt(&s, &i, kand.as_ref()).await?;
    Ok(formularsida(
        &i,
        &r,
        "Ansökan om bistånd",
        ansokan_ingress(kand.as_ref()),
        ansokan_action(&r, kand.as_ref()),
        "Registrera ansökan",
        falt,
        vec![],
    )
    .into_response())
}

/// Takes the first step of a new case through the one step service, as the desk's user.
async fn aktualisera(
    s: &AppState,
    i: &Inloggad,
    h: Handelse,
) -> Result<Result<ArendeId, String>, WebFel> {
    let id = ArendeId::ny();
    let steg = lots_steg::Steg {
        aktor: i.aktor(),
        arende: id,
        kommandon: vec![Kommando::Aktualisera(h)],
        bilagor: vec![],
        nu: s.nu(),
        idag: svensk_dag(s.nu()),
        vem: None,
        lasning: None,
        skriv_brev: true,
    };
    let kommun_namn = s.kommunnamn(i.anvandare.kommun).await?;
    match lots_steg::ta_steg(&s.store, &kommun_namn, steg).await {
        Ok(_) => Ok(Ok(id)),
        Err(lots_steg::Stegfel::Avvisad(a)) => Ok(Err(a.to_string())),
        Err(lots_steg::Stegfel::Brev(t)) => Ok(Err(t)),
        Err(lots_steg::Stegfel::Samtidigt) => Ok(Err(t("mottagning-fel_samtidigt"))),
        Err(lots_steg::Stegfel::Store(e)) => Err(e.into()),
    }
}

fn fel_till(fel: Vec<(&'static str, String)>) -> Vec<FaltFel> {
    fel.into_iter()
        .map(|(falt, text)| FaltFel { falt, text })
        .collect()
}

pub async fn ansok(
    State(s): State<AppState>,
    i: Inloggad,
    Path(insats): Path<String>,
    Query(q): Query<PersonFraga>,
    f: Formular,
) -> Result<Response, WebFel> {
    i.kontrollera_csrf(&f)?;
    let r = post_for(&s, &i, &insats, ansokan_atgard).await?;
    let kand = kand_person(&s, &i, &r, &q).await?;
    let idag = svensk_dag(s.nu());
    let mut fel: Vec<(&'static str, String)> = vec![];
    let uppgiven = match &kand {
        Some(_) => None,
        None => match las_person(&f, idag) {
            Ok(u) => Some(u),
            Err(e) => {
                fel.extend(e);
                None
            }
        },
    };
    let insatstyp = InsatsTyp::fran_kod(&f.text("insats"));
    if insatstyp.is_none() {
        fel.push(("insats", "Välj vad personen ansöker om.".into()));
    }
    let enheter = myndighetsenheter(&s, &i).await?;
    let enhet = f
        .text("enhet")
        .parse::<EnhetId>()
        .ok()
        .filter(|e| enheter.iter().any(|x| x.id == *e));
    if enhet.is_none() {
        fel.push(("enhet", "Välj en enhet i listan.".into()));
    }
    let beskrivning = f.text("beskrivning").trim().to_string();
    if beskrivning.chars().count() > TEXT_MAX_TECKEN {
        fel.push((
            "beskrivning",
            format!("Texten får vara högst {TEXT_MAX_TECKEN} tecken."),
        ));
    }
    let visa_fel = |fel: Vec<FaltFel>| {
        let s = &s;
        let i = &i;
        let r = &r;
        let f = &f;
        let kand = kand.clone();
        async move {
            let mut falt = ansokan_falt(s, i, kand.as_ref()).await?;
            let sammanfattning = fyll(&mut falt, f, &fel);
            let sida = formularsida(
                i,
                r,
                "Ansökan om bistånd",
                ansokan_ingress(kand.as_ref()),
                ansokan_action(r, kand.as_ref()),
                "Registrera ansökan",
                falt,
                sammanfattning,
            );
            Ok::<Response, WebFel>((StatusCode::UNPROCESSABLE_ENTITY, sida).into_response())
        }
    };
    let (Some(insatstyp), Some(enhet), true) = (insatstyp, enhet, fel.is_empty()) else {
        return visa_fel(fel_till(fel)).await;
    };
    let person = match (&kand, &uppgiven) {
        (Some(p), _) => p.clone(),
        (None, Some(u)) => hitta_eller_registrera(&s, &i, u).await?.0,
        (None, None) => return visa_fel(fel_till(fel)).await,
    };
    let h = Handelse::AnsokanRegistrerad {
        person: person.id,
        enhet,
        handlaggare: None,
        kanal: Kanal::Besok,
        inkom: idag,
        insatser: vec![insatstyp],
        beskrivning,
        ombud: None,
    };
    match aktualisera(&s, &i, h).await? {
        Ok(_) => {}
        Err(text) => {
            return visa_fel(vec![FaltFel {
                falt: "beskrivning",
                text,
            }])
            .await;
        }
    }
    s.store
        .organisation()
        .rakna_overgang(
            i.anvandare.kommun,
            r.id,
            i.anvandare.enhet,
            idag,
            Overgang::Ansokan,
        )
        .await?;
    Ok(Redirect::to(&format!(
        "/mottagning?ansokan={id}&till={enhet}#insats-{id}",
        id = r.id
    ))
    .into_response())
}

fn oro_falt() -> Vec<Falt> {
    let mut falt = personfalt("Barnets eller den utsatta personens nummer, ÅÅÅÅMMDD-NNNN.");
    falt.push(
        Falt::kryss("barn", "Oron gäller ett barn under 18 år")
            .hjalp("Behövs bara för ett reservnummer, som inte säger hur gammal personen är."),
    );
    falt.push(
        Falt::textarea("beskrivning", "Vad oron gäller")
            .kravs()
            .hjalp("Vad du har sett eller hört, och när. Skriv inte mer om andra än det som behövs för bedömningen."),
    );
    falt
}

fn oro_sida(
    i: &Inloggad,
    r: &OppenInsatsRad,
    falt: Vec<Falt>,
    fel: Vec<(String, String)>,
) -> Formularsida {
    formularsida(
        i,
        r,
        "Orosanmälan",
        t("mottagning-oro_ingress"),
        format!("/mottagning/{}/orosanmalan", r.id),
        "Skicka orosanmälan",
        falt,
        fel,
    )
}

pub async fn oro_sida_visa(
    State(s): State<AppState>,
    i: Inloggad,
    Path(insats): Path<String>,
) -> Result<Response, WebFel> {
    let r = post_for(&s, &i, &insats, oro_atgard).await?;
    Ok(oro_sida(&i, &r, oro_falt(), vec![]).into_response())
}

/// The enhet that receives a report about someone of `alder` years: the one whose
/// `tar_emot` names such reports, or the kommun's first myndighet enhet, so that a
/// report is never lost for want of a setting.
async fn mottagare(s: &AppState, i: &Inloggad, barn: bool) -> Result<Option<EnhetId>, WebFel> {
    let kod = if barn {
        OROSANMALAN_BARN
    } else {
        OROSANMALAN_VUXEN
    };
    Ok(s.store
        .mina_sidor()
        .mottagande_enhet(i.anvandare.kommun, kod)
        .await?)
}

pub async fn oro_skicka(
    State(s): State<AppState>,
    i: Inloggad,
    Path(insats): Path<String>,
    f: Formular,
) -> Result<Response, WebFel> {
    i.kontrollera_csrf(&f)?;
    let r = post_for(&s, &i, &insats, oro_atgard).await?;
    let idag = svensk_dag(s.nu());
    let mut fel: Vec<(&'static str, String)> = vec![];
    let uppgiven = match las_person(&f, idag) {
        Ok(u) => Some(u),
        Err(e) => {
            fel.extend(e);
            None
        }
    };
    let beskrivning = f.text("beskrivning").trim().to_string();
    if beskrivning.is_empty() {
        fel.push(("beskrivning", "Skriv vad oron gäller.".into()));
    } else if beskrivning.chars().count() > TEXT_MAX_TECKEN {
        fel.push((
            "beskrivning",
            format!("Texten får vara högst {TEXT_MAX_TECKEN} tecken."),
        ));
    }
    let visa_fel = |fel: Vec<FaltFel>| {
        let mut falt = oro_falt();
        let sammanfattning = fyll(&mut falt, &f, &fel);
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            oro_sida(&i, &r, falt, sammanfattning),
        )
            .into_response()
    };
    let (Some(u), true) = (uppgiven, fel.is_empty()) else {
        return Ok(visa_fel(fel_till(fel)));
    };
    // A child is under 18 (SoL 19 kap. 1 §), by the birth date; a reservnummer has
    // none, so the reporter says whether the concern is about a child.
    let barn = match u.identitet.fodelsedatum() {
        Some(fodd) => alder(fodd, idag) < 18,
        None => f.kryss("barn"),
    };
    let Some(enhet) = mottagare(&s, &i, barn).await? else {
        return Ok(visa_fel(vec![FaltFel {
            falt: "beskrivning",
            text: t("mottagning-oro_ingen_enhet"),
        }]));
    };
    let person = hitta_eller_registrera(&s, &i, &u).await?.0;
    let egen_enhet = s
        .store
        .organisation()
        .enheter(i.anvandare.kommun)
        .await?
        .into_iter()
        .find(|e| e.id == i.anvandare.enhet)
        .map(|e| e.namn)
        .unwrap_or_default();
    let h = Handelse::AnmalanRegistrerad {
        person: person.id,
        enhet,
        handlaggare: None,
        kanal: Kanal::Digital,
        inkom: idag,
        anmalare: Anmalare::Namngiven {
            namn: i.anvandare.namn.clone(),
            relation: format!("Personal vid {egen_enhet}"),
            kontakt: egen_enhet.clone(),
        },
        beskrivning,
    };
    if let Err(text) = aktualisera(&s, &i, h).await? {
        return Ok(visa_fel(vec![FaltFel {
            falt: "beskrivning",
            text,
        }]));
    }
    s.store
        .organisation()
        .rakna_overgang(
            i.anvandare.kommun,
            r.id,
            i.anvandare.enhet,
            idag,
            Overgang::Orosanmalan,
        )
        .await?;
    Ok(Redirect::to(&format!(
        "/mottagning?orosanmalan={id}&till={enhet}#insats-{id}",
        id = r.id
    ))
    .into_response())
}
