//! The person's cases: the overview, one case's timeline and standing, its
//! decisions with the letter and the appeal, replies to a kommunicering, the
//! request for a decision (FL 12 §), letters, and receipts.

use std::collections::HashMap;

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use lots_domain::Arende;
use lots_domain::arende::{Handelse, Kommando, KommandoTyp, kandidater};
use lots_domain::ids::*;
use lots_steg::Stegfel;

use lots_store::{ArendeRad, Bilaga, Granskningspost, Utfort};

use super::tidslinje::{self, Lage, Post};
use super::{Medborgare, Ram, till};
use crate::AppState;
use crate::fel::WebFel;
use crate::formular::Formular;

/// Parses an id from the path; anything else is a page that does not exist.
pub(super) fn id<T: std::str::FromStr>(s: &str) -> Result<T, WebFel> {
    s.parse().map_err(|_| WebFel::Saknas)
}

/// Runs the person's commands on their case under the Mina sidor account; the
/// audit row says who acted (the person, or which ombud).
pub(crate) async fn utfor(
    s: &AppState,
    m: &Medborgare,
    rad: &ArendeRad,
    kommandon: Vec<Kommando>,
    bilagor: Vec<Bilaga>,
) -> Result<Result<Utfort, Vec<(String, String)>>, WebFel> {
    utfor_som(s, m, rad, kommandon, bilagor, m.vem()).await
}

/// As `utfor`, with who acted said by the caller: a medsökande acts in the applicant's case.
pub(crate) async fn utfor_som(
    s: &AppState,
    m: &Medborgare,
    rad: &ArendeRad,
    kommandon: Vec<Kommando>,
    bilagor: Vec<Bilaga>,
    vem: String,
) -> Result<Result<Utfort, Vec<(String, String)>>, WebFel> {
    m.krav_agera()?;
    let nu = s.nu();
    let steg = lots_steg::Steg {
        aktor: m.aktor(rad.enhet),
        arende: rad.id,
        kommandon,
        bilagor,
        nu,
        idag: lots_domain::tid::svensk_dag(nu),
        vem: Some(vem),
        lasning: None,
        skriv_brev: true,
    };
    let typ = steg.kommandon.first().map(Kommando::typ);
    let kommun_namn = s.kommunnamn(m.person.kommun).await?;
    match lots_steg::ta_steg(&s.store, &kommun_namn, steg).await {
        Ok(u) => Ok(Ok(u)),
        Err(Stegfel::Store(e)) => Err(e.into()),
        Err(e) => Ok(Err(avvisning_for_personen(m.t, typ, e))),
    }
}

/// A refusal said in the person's own words and language (issue 19 item 6): the domain's
/// texts are written for staff, with the law's terms and sections, in Swedish. The step's
/// own text where it has one, else a plain one for the kind of refusal; a wrong fact keeps
/// its field, so the form still points at it.
pub(crate) fn avvisning_for_personen(
    t: &super::Texter,
    typ: Option<KommandoTyp>,
    e: Stegfel,
) -> Vec<(String, String)> {
    use lots_domain::arende::Avvisning;
    let steg = |generell: &str| {
        typ.map(|k| format!("avvisning-{}", k.kod()))
            .filter(|n| t.har(n))
            .map_or_else(|| t.t(generell), |n| t.t(&n))
    };
    match e {
        Stegfel::Samtidigt => vec![("".into(), t.t("fel-samtidigt"))],
        Stegfel::Avvisad(Avvisning::Fakta(fel)) => {
            let mut ut: Vec<(String, String)> = vec![];
            for f in fel {
                let falt = crate::sidor::formular::falt_for(f.fakta).to_owned();
                let nyckel = format!("avvisning-fakta_{}", f.fakta.replace('.', "_"));
                let text = if t.har(&nyckel) {
                    t.t(&nyckel)
                } else {
                    t.t("avvisning-fakta")
                };
                if !ut.iter().any(|(a, b)| *a == falt && *b == text) {
                    ut.push((falt, text));
                }
            }
            ut
        }
        Stegfel::Avvisad(Avvisning::Tillstand(_)) => vec![("".into(), steg("avvisning-tillstand"))],
        Stegfel::Avvisad(Avvisning::Delegation(_)) | Stegfel::Brev(_) | Stegfel::Store(_) => {
            vec![("".into(), t.t("avvisning-annat"))]
        }
    }
}

pub struct Kort {
    pub href: String,
    pub rubrik: String,
    pub status: String,
    /// The case's diarienummer: what the person quotes when they call.
    pub diarienummer: String,
    pub inkom: String,
    pub handlaggare: String,
    pub att_gora: Vec<(String, String)>,
    pub nasta: Vec<String>,
    pub sent: Vec<String>,
}

pub struct Utkast {
    pub href: String,
    pub text: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "mina_sidor/oversikt.html")]
pub struct OversiktSida {
    pub ram: Ram,
    pub arenden: Vec<Kort>,
    /// Joint applications of another person's case naming this person medsökande.
    pub gemensamma: Vec<super::gemensam::GemensamtKort>,
    pub utkast: Vec<Utkast>,
    pub far_agera: bool,
    /// Fullmakter the staff registered from paper, told to the person (issue 12).
    pub fullmakter: Vec<String>,
    /// The person's requests for a registerutdrag: when each came in and when the answer
    /// is due, or that it was answered (GDPR art. 12.3; issue 18 item 7).
    pub registerutdrag: Vec<String>,
}

fn rubrik_for(a: &Arende, t: &super::Texter) -> String {
    let insatser: Vec<String> = a.ansokta.iter().map(|(i, _)| t.insats(*i)).collect();
    if insatser.is_empty() {
        t.t(&format!("arendetyp-{}", typkod(a))).to_owned()
    } else {
        insatser.join(", ")
    }
}

fn typkod(a: &Arende) -> &'static str {
    use lots_domain::arende::AktualiseringsTyp as A;
    match a.typ {
        A::Ansokan => "ansokan",
        A::Anmalan => "anmalan",
        A::Information => "information",
    }
}

/// What the person is asked to do in a case now: (href, text).
fn att_gora(a: &Arende, t: &super::Texter) -> Vec<(String, String)> {
    let mut ut = vec![];
    for k in a.vantande_kommuniceringar().filter(|_| a.avslut.is_none()) {
        ut.push((
            format!("/mina-sidor/arenden/{}/kommunicering/{}", a.id, k.id),
            t.f(
                "oversikt-svara_kommunicering",
                &[("datum", &k.svar_senast.to_string())],
            ),
        ));
    }
    ut.extend(super::dialog::att_gora(a, t));
    ut
}

pub async fn oversikt(State(s): State<AppState>, m: Medborgare) -> Result<Response, WebFel> {
    let t = m.t;
    let idag = super::idag(&s);
    let rader = s
        .store
        .arenden()
        .personens_arenden_med_tillstand(m.person.kommun, m.person.id)
        .await?;
    let mut arenden = vec![];
    let mut poster = vec![];
    for (rad, a) in &rader {
        let lage = tidslinje::lage(a, idag, t);
        arenden.push(Kort {
            href: format!("/mina-sidor/arenden/{}", rad.id),
            rubrik: rubrik_for(a, t),
            status: lage.status,
            diarienummer: rad.beteckning(),
            inkom: rad.inkom.to_string(),
            handlaggare: rad
                .handlaggare_namn
                .clone()
                .unwrap_or_else(|| t.t("arende-ingen_handlaggare").to_owned()),
            att_gora: att_gora(a, t),
            nasta: lage.nasta,
            sent: lage.sent,
        });
        poster.push(
            Granskningspost::ny("mina_sidor.oversikt")
                .person(rad.person, rad.person_skyddad)
                .arende(rad.id)
                .skal(Some(m.vem())),
        );
    }
    if let Some((forsta, _)) = rader.first() {
        let aktor = m.aktor(forsta.enhet);
        s.store
            .granskning()
            .logga_lasning(&aktor, &poster, s.nu())
            .await?;
    }
    let utkast = s
        .store
        .mina_sidor()
        .utkast(m.person.kommun, m.person.id)
        .await?
        .into_iter()
        .filter_map(|(kod, _, andrad)| {
            let insats = super::ansokan::Erbjudande::fran_kod(&kod)?;
            Some(Utkast {
                href: format!("/mina-sidor/ansok/{kod}"),
                text: t.f(
                    "oversikt-utkast",
                    &[
                        ("insats", &t.t(insats.namnnyckel())),
                        ("datum", &andrad.date().to_string()),
                    ],
                ),
            })
        })
        .collect();
    let fullmakter = super::fullmakter::fran_personalen(&s, &m).await?;
    let gemensamma = super::gemensam::kort(&s, &m).await?;
    let registerutdrag = s
        .store
        .registerutdrag()
        .for_person(m.person.kommun, m.person.id)
        .await?
        .into_iter()
        .map(|b| {
            let mottagen = b.mottagen.to_string();
            match b.besvarad {
                Some(d) => t.f(
                    "oversikt-registerutdrag_besvarat",
                    &[("mottagen", &mottagen), ("datum", &d.to_string())],
                ),
                None => t.f(
                    "oversikt-registerutdrag_vantar",
                    &[("mottagen", &mottagen), ("datum", &b.senast().to_string())],
                ),
            }
        })
        .collect();
    Ok(OversiktSida {
        ram: m.sida(),
        arenden,
        gemensamma,
        utkast,
        far_agera: m.far_agera(),
        fullmakter,
        registerutdrag,
    }
    .into_response())
}

pub struct BeslutKort {
    pub href: String,
    pub text: String,
}

/// The genomförandeplan of one insats, in plain words.
pub struct PlanKort {
    pub rubrik: String,
    pub ingress: String,
    pub rader: Vec<(String, String)>,
    pub fel: String,
}

/// The current plan of each insats in force (seed 004 §2.8.1: made with the
/// person, who should see and approve it), with the next follow-up as the
/// case's bevakning has it, so it matches "what happens next".
fn planer(a: &Arende, enheter: &[lots_store::Enhet], t: &super::Texter) -> Vec<PlanKort> {
    let uppfoljningar = lots_domain::arende::bevakningar(a);
    a.gallande_beslut()
        .filter_map(|b| {
            let p = a.genomforandeplan(b.id())?;
            let enhet = b
                .verkstallighet
                .bestalld
                .and_then(|(_, id)| enheter.iter().find(|e| e.id == id))
                .map(|e| e.namn.clone())
                .unwrap_or_default();
            let datum = p.datum.to_string();
            let ingress = if p.version == 1 {
                t.f("arende-plan_gjord", &[("enhet", &enhet), ("datum", &datum)])
            } else {
                t.f(
                    "arende-plan_andrad",
                    &[("enhet", &enhet), ("datum", &datum)],
                )
            };
            let mut rader = vec![
                (t.t("arende-plan_mal").to_owned(), p.mal.clone()),
                (
                    t.t("arende-plan_genomforande").to_owned(),
                    p.genomforande.clone(),
                ),
            ];
            if !p.delaktighet.is_empty() {
                rader.push((
                    t.t("arende-plan_delaktighet").to_owned(),
                    p.delaktighet.clone(),
                ));
            }
            let nasta = uppfoljningar
                .iter()
                .find(|x| {
                    x.typ == lots_domain::arende::BevakningsTyp::Uppfoljning
                        && x.beslut == Some(b.id())
                })
                .map(|x| x.datum.to_string())
                .unwrap_or_else(|| t.t("arende-plan_ingen_uppfoljning").to_owned());
            rader.push((t.t("arende-plan_uppfoljning").to_owned(), nasta));
            Some(PlanKort {
                rubrik: t.f("arende-plan_rubrik", &[("insats", b.beslut.insats.namn())]),
                ingress,
                rader,
                fel: t.f("arende-plan_fel", &[("enhet", &enhet)]),
            })
        })
        .collect()
}

#[derive(Template, WebTemplate)]
#[template(path = "mina_sidor/arende.html")]
pub struct ArendeSida {
    pub ram: Ram,
    pub id: ArendeId,
    pub rubrik: String,
    pub diarienummer: String,
    pub inkom: String,
    pub handlaggare: String,
    pub handlaggare_sedan: Option<String>,
    pub enhet: String,
    pub lage: Lage,
    pub att_gora: Vec<(String, String)>,
    pub beslut: Vec<BeslutKort>,
    pub mal: Vec<String>,
    pub planer: Vec<PlanKort>,
    /// The plan toward self-sufficiency, in a case of försörjningsstöd.
    pub egen_plan: Option<super::plan::EgenPlan>,
    pub poster: Vec<Post>,
    pub far_agera: bool,
    pub oppet: bool,
    /// The case is about försörjningsstöd: the person applies month by month here.
    pub forsorjningsstod: bool,
    /// Who covers for the handläggare today, and until when.
    pub ersattare: Option<String>,
    /// The insatser running, as what they are, with the provider's contact.
    pub pagaende: Vec<super::kontakt::PagaendeInsats>,
    /// How to reach the enhet handling the case.
    pub kontakt: super::kontakt::Kontaktruta,
}

pub async fn arende(
    State(s): State<AppState>,
    m: Medborgare,
    Path(id_): Path<String>,
) -> Result<Response, WebFel> {
    let t = m.t;
    let (rad, a) = m.arende(&s, id(&id_)?, "mina_sidor.arende").await?;
    let handelser = s.store.arenden().handelser(rad.kommun, rad.id).await?;
    let anvandare = s
        .store
        .organisation()
        .alla_anvandare(rad_kommun(&m))
        .await?;
    let namn = |id: AnvandarId| {
        anvandare
            .iter()
            .find(|u| u.id == id)
            .map(|u| u.namn.clone())
            .unwrap_or_default()
    };
    let egen = m.aktor(rad.enhet).id;
    // The medsökande who answered a joint application and have skyddade personuppgifter.
    let mut skyddade = vec![];
    for b in &a.bekraftelser {
        if !skyddade.contains(&b.medsokande)
            && let Some(p) = s
                .store
                .personer()
                .person_med_identitet(rad.kommun, &b.medsokande)
                .await?
            && p.skyddad
        {
            skyddade.push(b.medsokande.clone());
        }
    }
    let poster = tidslinje::tidslinje(&handelser, &a, t, &namn, egen, &skyddade);
    let handlaggare_sedan = handelser
        .iter()
        .rev()
        .find(|h| matches!(h.handelse, Handelse::HandlaggareTilldelad { .. }))
        .map(|h| h.tidpunkt.date().to_string());
    let mut mal = vec![];
    for h in &handelser {
        if let Handelse::SynpunkterRegistrerade { mal: m_, .. } = &h.handelse
            && !m_.is_empty()
        {
            mal.push(t.f("arende-eget_mal", &[("mal", m_)]));
        }
    }
    let mut beslut = vec![];
    for b in &a.beslut {
        if b.galler() && !b.beslut.mal.is_empty() && b.beslut.utfall.beviljar() {
            mal.push(t.f(
                "arende-beslutat_mal",
                &[
                    ("insats", &t.insats(b.beslut.insats)),
                    ("mal", &b.beslut.mal),
                ],
            ));
        }
        beslut.push(BeslutKort {
            href: format!("/mina-sidor/arenden/{}/beslut/{}", rad.id, b.id()),
            text: t.f(
                "arende-beslut_rad",
                &[
                    ("datum", &b.beslut.datum.to_string()),
                    ("insats", &t.insats(b.beslut.insats)),
                    ("utfall", &t.utfall(b.beslut.utfall).to_lowercase()),
                ],
            ),
        });
    }
    let idag = super::idag(&s);
    let enheter = s.store.organisation().enheter(rad_kommun(&m)).await?;
    let ersattare =
        super::kontakt::ersattare(&s, t, &anvandare, rad.kommun, rad.handlaggare, idag).await?;
    let pagaende = super::kontakt::pagaende(&s, t, rad.kommun, &a, &enheter).await?;
    let kontakt = super::kontakt::for_enhet(&s, t, rad.kommun, rad.enhet, &rad.enhet_namn).await?;
    Ok(ArendeSida {
        ram: m.sida(),
        id: rad.id,
        ersattare,
        pagaende,
        kontakt,
        rubrik: rubrik_for(&a, t),
        diarienummer: rad.beteckning(),
        inkom: rad.inkom.to_string(),
        handlaggare: rad
            .handlaggare_namn
            .clone()
            .unwrap_or_else(|| t.t("arende-ingen_handlaggare").to_owned()),
        handlaggare_sedan,
        enhet: rad.enhet_namn.clone(),
        lage: tidslinje::lage(&a, idag, t),
        att_gora: att_gora(&a, t),
        beslut,
        mal,
        planer: planer(&a, &enheter, t),
        egen_plan: super::plan::egen_plan(&a, t),
        poster,
        far_agera: m.far_agera(),
        oppet: a.avslut.is_none(),
        forsorjningsstod: a
            .ansokta
            .iter()
            .any(|(i, _)| *i == lots_domain::insats::InsatsTyp::Forsorjningsstod),
    }
    .into_response())
}

fn rad_kommun(m: &Medborgare) -> KommunId {
    m.person.kommun
}

#[derive(Template, WebTemplate)]
#[template(path = "mina_sidor/beslut.html")]
pub struct BeslutSida {
    pub ram: Ram,
    pub arende: ArendeId,
    pub beslut: BeslutId,
    pub rubrik: String,
    pub datum: String,
    pub utfall: String,
    pub mal: String,
    pub omfattning: String,
    pub period: Option<String>,
    pub motivering: String,
    pub lagrum: String,
    pub brev: Option<String>,
    pub negativt: bool,
    /// The appeal period, in plain words.
    pub tid: String,
    pub overklagande: Option<String>,
    pub kan_overklaga: bool,
    /// What the person quotes when they call, and whom to call.
    pub diarienummer: String,
    pub kontakt: super::kontakt::Kontaktruta,
}

pub async fn beslut(
    State(s): State<AppState>,
    m: Medborgare,
    Path((aid, bid)): Path<(String, String)>,
) -> Result<Response, WebFel> {
    let t = m.t;
    let (rad, a) = m.arende(&s, id(&aid)?, "mina_sidor.beslut").await?;
    let bid: BeslutId = id(&bid)?;
    let b = a.beslut_lage(bid).ok_or(WebFel::Saknas)?;
    let handelser = s.store.arenden().handelser(rad.kommun, rad.id).await?;
    let brev = handelser.iter().find_map(|h| match &h.handelse {
        Handelse::BrevSkapat {
            dokument,
            beslut: Some(x),
            ..
        } if *x == bid => Some(format!("/mina-sidor/dokument/{dokument}")),
        _ => None,
    });
    let idag = super::idag(&s);
    let tid = match b.sista_dag_overklagande() {
        Some(sista) if sista >= idag => t.f("beslut-sista_dag", &[("datum", &sista.to_string())]),
        Some(sista) => t.f("beslut-tiden_gatt_ut", &[("datum", &sista.to_string())]),
        None => t.t("beslut-tre_veckor").to_owned(),
    };
    let overklagande = b.overklagande.as_ref().map(|o| {
        let mut s = o
            .inkom
            .map(|d| t.f("beslut-overklagat", &[("datum", &d.to_string())]))
            .unwrap_or_default();
        if let Some((d, u)) = o.dom {
            s.push(' ');
            s.push_str(&t.f(
                "beslut-dom",
                &[
                    ("datum", &d.to_string()),
                    ("utfall", &t.t(&format!("dom-{}", u.kod()))),
                ],
            ));
        } else if o.overlamnat.is_some() {
            s.push(' ');
            s.push_str(&t.t("beslut-hos_domstolen"));
        }
        s
    });
    let kan_overklaga = b.beslut.utfall.negativt()
        && kandidater(&a, KommandoTyp::RegistreraOverklagande)
            .iter()
            .any(|x| x.id() == bid);
    let period = match (b.beslut.period_fran, b.beslut.period_till) {
        (Some(f), Some(tl)) => Some(format!("{f} – {tl}")),
        (Some(f), None) => Some(t.f("beslut-fran", &[("datum", &f.to_string())])),
        _ => None,
    };
    let kontakt = super::kontakt::for_enhet(&s, t, rad.kommun, rad.enhet, &rad.enhet_namn).await?;
    Ok(BeslutSida {
        ram: m.sida(),
        arende: rad.id,
        beslut: bid,
        diarienummer: rad.beteckning(),
        kontakt,
        rubrik: t.insats(b.beslut.insats),
        datum: b.beslut.datum.to_string(),
        utfall: t.utfall(b.beslut.utfall),
        mal: b.beslut.mal.clone(),
        omfattning: b.beslut.omfattning.clone(),
        period,
        motivering: b.beslut.motivering.clone(),
        lagrum: b.beslut.lagrum.text().to_owned(),
        brev,
        negativt: b.beslut.utfall.negativt(),
        tid,
        overklagande,
        kan_overklaga: kan_overklaga && m.far_agera(),
    }
    .into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "mina_sidor/overklaga.html")]
pub struct OverklagaSida {
    pub ram: Ram,
    pub arende: ArendeId,
    pub beslut: BeslutId,
    pub rubrik: String,
    pub tid: String,
    pub for_sent: bool,
    pub andring: String,
    pub skal: String,
    pub fel: Vec<(String, String)>,
}

async fn overklaga_formular(
    s: &AppState,
    m: &Medborgare,
    aid: &str,
    bid: &str,
    andring: String,
    skal: String,
    fel: Vec<(String, String)>,
) -> Result<Response, WebFel> {
    m.krav_agera()?;
    let t = m.t;
    let (rad, a) = m.arende(s, id(aid)?, "mina_sidor.beslut").await?;
    let bid: BeslutId = id(bid)?;
    let b = a.beslut_lage(bid).ok_or(WebFel::Saknas)?;
    let idag = super::idag(s);
    let sista = b.sista_dag_overklagande();
    let tid = match sista {
        Some(d) => t.f("beslut-sista_dag", &[("datum", &d.to_string())]),
        None => t.t("beslut-tre_veckor").to_owned(),
    };
    let status = super::status_for(&fel);
    Ok((
        status,
        OverklagaSida {
            ram: m.sida(),
            arende: rad.id,
            beslut: bid,
            rubrik: format!("{} ({})", t.insats(b.beslut.insats), b.beslut.datum),
            tid,
            for_sent: sista.is_some_and(|d| d < idag),
            andring,
            skal,
            fel,
        },
    )
        .into_response())
}

pub async fn overklaga_sida(
    State(s): State<AppState>,
    m: Medborgare,
    Path((aid, bid)): Path<(String, String)>,
) -> Result<Response, WebFel> {
    overklaga_formular(&s, &m, &aid, &bid, String::new(), String::new(), vec![]).await
}

/// Files the appeal with the nämnd: it arrives today, whatever the hour, so the
/// rättidsprövning (FL 45 §) has its date.
pub async fn overklaga(
    State(s): State<AppState>,
    m: Medborgare,
    Path((aid, bid)): Path<(String, String)>,
    f: Formular,
) -> Result<Response, WebFel> {
    m.kontrollera_csrf(&f)?;
    m.krav_agera()?;
    let t = m.t;
    let andring = f.text("andring");
    let skal = f.text("skal");
    let mut fel = vec![];
    if andring.is_empty() {
        fel.push((
            "andring".to_owned(),
            t.t("overklaga-fel_andring").to_owned(),
        ));
    }
    if skal.is_empty() {
        fel.push(("skal".to_owned(), t.t("overklaga-fel_skal").to_owned()));
    }
    if andring.chars().count() + skal.chars().count() > 20_000 {
        fel.push(("skal".to_owned(), t.t("fel-for_lang").to_owned()));
    }
    if !fel.is_empty() {
        return overklaga_formular(&s, &m, &aid, &bid, andring, skal, fel).await;
    }
    let (rad, _) = m.arende(&s, id(&aid)?, "mina_sidor.beslut").await?;
    let bid_: BeslutId = id(&bid)?;
    // The case record is in Swedish, whatever language the page was read in.
    let sv = super::texter::svenska();
    let mut text = sv.f("overklaga-text", &[("andring", &andring), ("skal", &skal)]);
    if let Some(o) = m.ombud() {
        text.push_str("\n\n");
        text.push_str(&sv.f("overklaga-ombud", &[("namn", &o)]));
    }
    let k = Kommando::RegistreraOverklagande {
        beslut: bid_,
        inkom: super::idag(&s),
        text,
    };
    match utfor(&s, &m, &rad, vec![k], vec![]).await? {
        Ok(_) => Ok(till(&format!("/mina-sidor/kvitto/{}", rad.id))),
        Err(fel) => overklaga_formular(&s, &m, &aid, &bid, andring, skal, fel).await,
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "mina_sidor/kommunicering.html")]
pub struct KommuniceringSida {
    pub ram: Ram,
    pub arende: ArendeId,
    pub kommunicering: KommuniceringId,
    pub material: String,
    pub svar_senast: String,
    pub brev: Option<String>,
    pub svar: Option<(String, String)>,
    pub kan_svara: bool,
    pub text: String,
    pub fel: Vec<(String, String)>,
}

async fn kommunicering_formular(
    s: &AppState,
    m: &Medborgare,
    aid: &str,
    kid: &str,
    text: String,
    fel: Vec<(String, String)>,
) -> Result<Response, WebFel> {
    let (rad, a) = m.arende(s, id(aid)?, "mina_sidor.kommunicering").await?;
    let kid: KommuniceringId = id(kid)?;
    let k = a
        .kommuniceringar
        .iter()
        .find(|k| k.id == kid)
        .ok_or(WebFel::Saknas)?;
    let handelser = s.store.arenden().handelser(rad.kommun, rad.id).await?;
    let brev = handelser.iter().find_map(|h| match &h.handelse {
        Handelse::BrevSkapat {
            dokument,
            kommunicering: Some(x),
            ..
        } if *x == kid => Some(format!("/mina-sidor/dokument/{dokument}")),
        _ => None,
    });
    let status = super::status_for(&fel);
    Ok((
        status,
        KommuniceringSida {
            ram: m.sida(),
            arende: rad.id,
            kommunicering: kid,
            material: k.material.clone(),
            svar_senast: k.svar_senast.to_string(),
            brev,
            svar: k.svar.as_ref().map(|(d, s)| (d.to_string(), s.clone())),
            kan_svara: k.svar.is_none() && a.avslut.is_none() && m.far_agera(),
            text,
            fel,
        },
    )
        .into_response())
}

pub async fn kommunicering_sida(
    State(s): State<AppState>,
    m: Medborgare,
    Path((aid, kid)): Path<(String, String)>,
) -> Result<Response, WebFel> {
    kommunicering_formular(&s, &m, &aid, &kid, String::new(), vec![]).await
}

/// The person's reply to a kommunicering lands in the case (FL 25 §).
pub async fn svara_kommunicering(
    State(s): State<AppState>,
    m: Medborgare,
    Path((aid, kid)): Path<(String, String)>,
    f: Formular,
) -> Result<Response, WebFel> {
    m.kontrollera_csrf(&f)?;
    m.krav_agera()?;
    let t = m.t;
    let text = f.text("svar");
    if text.is_empty() {
        let fel = vec![("svar".to_owned(), t.t("kommunicering-fel_tomt").to_owned())];
        return kommunicering_formular(&s, &m, &aid, &kid, text, fel).await;
    }
    let (rad, _) = m.arende(&s, id(&aid)?, "mina_sidor.kommunicering").await?;
    let mut svar = text.clone();
    if let Some(o) = m.ombud() {
        svar.push_str("\n\n");
        svar.push_str(&super::texter::svenska().f("overklaga-ombud", &[("namn", &o)]));
    }
    let k = Kommando::RegistreraSvar {
        kommunicering: id(&kid)?,
        datum: super::idag(&s),
        svar,
    };
    match utfor(&s, &m, &rad, vec![k], vec![]).await? {
        Ok(_) => Ok(till(&format!("/mina-sidor/kvitto/{}", rad.id))),
        Err(fel) => kommunicering_formular(&s, &m, &aid, &kid, text, fel).await,
    }
}

/// FL 12 §: after six months the person may ask, in writing, for a decision.
pub async fn begar_avgorande(
    State(s): State<AppState>,
    m: Medborgare,
    Path(aid): Path<String>,
    f: Formular,
) -> Result<Response, WebFel> {
    m.kontrollera_csrf(&f)?;
    let (rad, _) = m.arende(&s, id(&aid)?, "mina_sidor.arende").await?;
    let k = Kommando::BegarAvgorande {
        datum: super::idag(&s),
    };
    match utfor(&s, &m, &rad, vec![k], vec![]).await? {
        Ok(_) => Ok(till(&format!("/mina-sidor/kvitto/{}", rad.id))),
        Err(fel) => Err(WebFel::Ogiltig(
            fel.into_iter()
                .map(|(_, t)| t)
                .collect::<Vec<_>>()
                .join(" "),
        )),
    }
}

/// A letter to the person, or a document they handed in themselves. Other
/// documents in the case are named on the timeline, not opened here: they may
/// hold what others said about the person, which the handläggare must review
/// for secrecy first (OSL 26 kap. 1 §).
pub async fn dokument(
    State(s): State<AppState>,
    m: Medborgare,
    Path(did): Path<String>,
) -> Result<Response, WebFel> {
    let did: DokumentId = id(&did)?;
    let d = s
        .store
        .arenden()
        .dokument(m.person.kommun, did)
        .await?
        .ok_or(WebFel::Saknas)?;
    let (rad, _) = m.arende(&s, d.arende, "mina_sidor.dokument").await?;
    let aktor = m.aktor(rad.enhet);
    let handelser = s.store.arenden().handelser(rad.kommun, rad.id).await?;
    let tillaten = handelser.iter().any(|h| match &h.handelse {
        Handelse::BrevSkapat { dokument, .. } => *dokument == did,
        Handelse::DokumentBifogat { dokument, .. } => {
            *dokument == did
                && lots_domain::arende::partsinsyn::undanhallet(&h.handelse, h.aktor == aktor.id)
                    .is_none()
        }
        _ => false,
    });
    if !tillaten {
        return Err(WebFel::Saknas);
    }
    let filnamn: String = d
        .namn
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_' | '.'))
        .collect();
    let filnamn = if filnamn.is_empty() {
        "dokument".to_owned()
    } else {
        filnamn
    };
    Ok((
        [
            (header::CONTENT_TYPE, d.innehallstyp),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{filnamn}\""),
            ),
        ],
        d.innehall,
    )
        .into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "mina_sidor/kvitto.html")]
pub struct KvittoSida {
    pub ram: Ram,
    pub arende: ArendeId,
    /// What the person quotes when they call: the diarienummer, not the id.
    pub diarienummer: String,
    pub vad: String,
    pub tid: String,
    pub nasta: String,
}

/// The receipt: what of the person's own arrived last in the case, and when.
pub async fn kvitto(
    State(s): State<AppState>,
    m: Medborgare,
    Path(aid): Path<String>,
    Query(_q): Query<HashMap<String, String>>,
) -> Result<Response, WebFel> {
    let t = m.t;
    let (rad, _) = m.arende(&s, id(&aid)?, "mina_sidor.kvitto").await?;
    let aktor = m.aktor(rad.enhet);
    let handelser = s.store.arenden().handelser(rad.kommun, rad.id).await?;
    let Some(h) = handelser
        .iter()
        .rev()
        .find(|h| h.aktor == aktor.id && !matches!(h.handelse, Handelse::DokumentBifogat { .. }))
    else {
        return Err(WebFel::Saknas);
    };
    let (vad, nasta) = match &h.handelse {
        Handelse::AnsokanRegistrerad { .. } => ("kvitto-ansokan", "kvitto-ansokan_nasta"),
        Handelse::ManadsansokanInlamnad(_) => {
            ("kvitto-manadsansokan", "kvitto-manadsansokan_nasta")
        }
        Handelse::OverklagandeInkommit { .. } => {
            ("kvitto-overklagande", "kvitto-overklagande_nasta")
        }
        Handelse::KommuniceringBesvarad { .. } => ("kvitto-svar", "kvitto-svar_nasta"),
        Handelse::BegaranOmAvgorande { .. } => ("kvitto-begaran", "kvitto-begaran_nasta"),
        Handelse::JournalInvandning { .. } => ("kvitto-invandning", "kvitto-invandning_nasta"),
        Handelse::PlanBesvarad { .. } => ("kvitto-plan", "kvitto-plan_nasta"),
        _ => {
            super::dialog::kvittotext(&h.handelse).unwrap_or(("kvitto-annat", "kvitto-annat_nasta"))
        }
    };
    let tid = super::lokal_tid(h.tidpunkt);
    Ok(KvittoSida {
        ram: m.sida(),
        arende: rad.id,
        diarienummer: rad.beteckning(),
        vad: t.t(vad).to_owned(),
        tid,
        nasta: t.t(nasta).to_owned(),
    }
    .into_response())
}
