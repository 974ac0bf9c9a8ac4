//! The utförare's view: the orders sent to their unit, and what each contains.
//! Nothing else of the case: not the utredning, the journal or the motivering.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use lots_domain::Handelse;
use lots_domain::arende::{Kommando, KommandoTyp, PLAN_MAX_TECKEN, kan, kandidater};
use lots_domain::ids::BeslutId;
use lots_domain::tid::svensk_dag;
use lots_store::{Granskningspost, UppdragRad};

use super::formular::las_datum;
use super::{Falt, Sida, fyll};
use crate::AppState;
use crate::atkomst::{self, UppdragSyfte};
use crate::auth::Inloggad;
use crate::fel::WebFel;
use crate::formular::{FaltFel, Formular, Formularfel};
use crate::policy::{self, Atgard};
use crate::visning::planrader;
use lots_steg::Stegfel;

pub struct UppdragVy {
    pub beslut: BeslutId,
    pub person: String,
    pub insats: &'static str,
    pub bestalld: String,
    pub lage: &'static str,
    /// The day of the genomförandeplan, if one is made.
    pub plan: Option<String>,
}

fn lage(r: &UppdragRad) -> (&'static str, Option<&lots_domain::arende::BeslutLage>) {
    let b = r.tillstand.beslut.iter().find(|b| b.id() == r.beslut);
    let text = match b.map(|b| &b.verkstallighet) {
        Some(v) if v.avslutad.is_some() => "Avslutat",
        Some(v) if v.avbruten().is_some() => "Avbrutet",
        Some(v) if v.paborjad.is_some() => "Pågår",
        Some(v) if v.verkstalls_ej.is_some() => "Verkställs inte",
        Some(_) if b.is_some_and(|b| !b.galler()) => "Beslutet gäller inte längre",
        _ => "Väntar på start",
    };
    (text, b)
}

fn post(handling: &str, r: &UppdragRad) -> Granskningspost {
    Granskningspost::ny(handling)
        .person(r.person, r.person_skyddad)
        .arende(r.arende)
}

fn far(i: &Inloggad, r: &UppdragRad) -> bool {
    policy::far(
        &i.anvandare,
        Atgard::LasaUppdrag {
            utforare: r.utforare,
            skyddad: r.person_skyddad,
        },
    )
}

#[derive(Template, WebTemplate)]
#[template(path = "uppdrag.html")]
struct Lista {
    sida: Sida,
    uppdrag: Vec<UppdragVy>,
    /// The unit belongs to a provider organisation: it sends invoices (`/fakturor`).
    leverantor: bool,
}

pub async fn lista(State(s): State<AppState>, i: Inloggad) -> Result<Response, WebFel> {
    let a = &i.anvandare;
    policy::krav(
        a,
        Atgard::LasaUppdrag {
            utforare: a.enhet,
            skyddad: false,
        },
    )?;
    let rader: Vec<UppdragRad> = s
        .store
        .arenden()
        .uppdrag_for_enhet(a.kommun, a.enhet)
        .await?
        .into_iter()
        .filter(|r| far(&i, r))
        .collect();
    let loggade: Vec<_> = rader.iter().map(|r| post("uppdrag.lista", r)).collect();
    s.store
        .granskning()
        .logga_lasning(&i.aktor(), &loggade, s.nu())
        .await?;
    let uppdrag = rader
        .iter()
        .map(|r| {
            let (text, b) = lage(r);
            UppdragVy {
                beslut: r.beslut,
                person: r.person_namn.clone(),
                insats: b.map(|b| b.beslut.insats.namn()).unwrap_or(""),
                bestalld: b
                    .and_then(|b| b.verkstallighet.bestalld)
                    .map(|(d, _)| d.to_string())
                    .unwrap_or_default(),
                lage: text,
                plan: r
                    .tillstand
                    .genomforandeplan(r.beslut)
                    .map(|p| p.datum.to_string()),
            }
        })
        .collect();
    Ok(Lista {
        sida: Sida::av(&i),
        uppdrag,
        leverantor: leverantor(&s, &i).await?.is_some(),
    }
    .into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "uppdrag_visa.html")]
struct Visa {
    sida: Sida,
    beslut: BeslutId,
    rubrik: String,
    rader: Vec<(&'static str, String)>,
    /// The current genomförandeplan, as label and text.
    plan: Vec<(&'static str, String)>,
    /// The plan can be written or revised now by this user.
    kan_skriva_plan: bool,
    leverans: Option<Leveransdel>,
}

pub async fn visa(
    State(s): State<AppState>,
    i: Inloggad,
    Path(id): Path<String>,
) -> Result<Response, WebFel> {
    let r = atkomst::oppna_uppdrag(&s, &i, &id, UppdragSyfte::Lasa).await?;
    visa_uppdrag(&s, &i, r, None).await
}

/// The delivery reported against the order, and the form to report more (issue 17 item 6).
pub struct Leveransdel {
    /// "timmar", "dygn" or "tillfällen", from the order's terms.
    pub enhet: &'static str,
    pub beviljat: Option<String>,
    /// (month, reported) per month.
    pub rader: Vec<(String, String)>,
    pub far_rapportera: bool,
    pub falt: Vec<Falt>,
    pub fel: Vec<(String, String)>,
}

fn leveransfalt(idag: time::Date) -> Vec<Falt> {
    vec![
        Falt::text("manad", "Månad")
            .kravs()
            .hjalp("Kalendermånaden som leveransen gäller, ÅÅÅÅ-MM.")
            .varde(lots_domain::forsorjningsstod::Manad::for_dag(idag)),
        Falt::text("antal", "Levererat")
            .kravs()
            .hjalp("Antal med högst två decimaler, till exempel 12,5. Flera rapporter samma månad läggs ihop."),
    ]
}

/// The user's provider organisation, when their unit belongs to one.
async fn leverantor(
    s: &AppState,
    i: &Inloggad,
) -> Result<Option<lots_domain::ids::UtforarId>, WebFel> {
    Ok(s.store
        .organisation()
        .enhetens_utforare(i.anvandare.kommun, i.anvandare.enhet)
        .await?)
}

async fn leveransdel(
    s: &AppState,
    i: &Inloggad,
    r: &UppdragRad,
    form: Option<(&Formular, &[FaltFel])>,
) -> Result<Option<Leveransdel>, WebFel> {
    let kommun = i.anvandare.kommun;
    let o = s.store.organisation();
    let Some(villkor) = o.villkor_for_bestallning(kommun, r.beslut).await? else {
        return Ok(None);
    };
    let mut per_manad: std::collections::BTreeMap<lots_domain::forsorjningsstod::Manad, i64> =
        Default::default();
    for l in o.leveranser_for_bestallning(kommun, r.beslut).await? {
        *per_manad.entry(l.manad).or_default() += l.antal;
    }
    let enhet = villkor.prisenhet.namn();
    let lev = leverantor(s, i).await?;
    let far_rapportera = policy::far(
        &i.anvandare,
        Atgard::RapporteraLeverans {
            utforare: r.utforare,
            skyddad: r.person_skyddad,
            leverantor: lev == Some(villkor.utforare),
        },
    );
    let mut falt = leveransfalt(svensk_dag(s.nu()));
    let fel = match form {
        Some((f, fel)) => fyll(&mut falt, f, fel),
        None => vec![],
    };
    Ok(Some(Leveransdel {
        enhet,
        beviljat: villkor
            .beviljat_per_manad
            .map(|b| format!("{} {enhet} per månad", lots_domain::utforare::antal_text(b))),
        rader: per_manad
            .into_iter()
            .map(|(m, a)| {
                (
                    m.namn(),
                    format!("{} {enhet}", lots_domain::utforare::antal_text(a)),
                )
            })
            .collect(),
        far_rapportera,
        falt,
        fel,
    }))
}

/// The provider reports delivery against the order: its own, for one month.
pub async fn rapportera_leverans(
    State(s): State<AppState>,
    i: Inloggad,
    Path(id): Path<String>,
    f: Formular,
) -> Result<Response, WebFel> {
    use lots_domain::forsorjningsstod::Manad;
    use lots_domain::utforare::{Leverans, las_decimal};
    i.kontrollera_csrf(&f)?;
    let kommun = i.anvandare.kommun;
    let lev = leverantor(&s, &i).await?;
    let id_beslut: lots_domain::ids::BeslutId = id.parse().map_err(|_| WebFel::Saknas)?;
    let villkor = s
        .store
        .organisation()
        .villkor_for_bestallning(kommun, id_beslut)
        .await?;
    // The delivery is the provider's the order went to, reported by its own unit's staff.
    let egen = matches!((&villkor, lev), (Some(v), Some(l)) if v.utforare == l);
    let r = atkomst::oppna_uppdrag(
        &s,
        &i,
        &id,
        UppdragSyfte::RapporteraLeverans { leverantor: egen },
    )
    .await?;
    let (Some(villkor), Some(_)) = (villkor, lev) else {
        return Err(WebFel::Saknas);
    };
    let idag = svensk_dag(s.nu());
    let mut fel = vec![];
    let manad = match f.text("manad").trim().parse::<Manad>() {
        Ok(m) if m > Manad::for_dag(idag) => {
            fel.push(FaltFel {
                falt: "manad",
                text: "Leverans kan inte rapporteras för en månad som inte har börjat.".into(),
            });
            None
        }
        Ok(m) => Some(m),
        Err(_) => {
            fel.push(FaltFel {
                falt: "manad",
                text: "Skriv månaden som ÅÅÅÅ-MM, till exempel 2026-04.".into(),
            });
            None
        }
    };
    let antal = las_decimal(&f.text("antal")).filter(|a| *a > 0 && *a <= 100_000 * 100);
    if antal.is_none() {
        fel.push(FaltFel {
            falt: "antal",
            text: format!(
                "Skriv antalet {} som ett tal större än noll med högst två decimaler, till exempel 12,5.",
                villkor.prisenhet.namn()
            ),
        });
    }
    let (Some(manad), Some(antal)) = (manad, antal) else {
        return Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            visa_uppdrag(&s, &i, r, Some((&f, &fel))).await?,
        )
            .into_response());
    };
    s.store
        .organisation()
        .rapportera_leverans(
            kommun,
            villkor.utforare,
            &Leverans {
                beslut: r.beslut,
                manad,
                antal,
            },
            &i.aktor(),
            s.nu(),
        )
        .await?;
    // Delivery changes the month's reconciliation: a difference may arise or go away.
    super::utforare::flagga_avvikelser(
        &s.store,
        kommun,
        villkor.utforare,
        manad,
        &i.aktor(),
        s.nu(),
    )
    .await?;
    Ok(Redirect::to(&format!("/uppdrag/{}#leverans", r.beslut)).into_response())
}

async fn visa_uppdrag(
    s: &AppState,
    i: &Inloggad,
    r: UppdragRad,
    form: Option<(&Formular, &[FaltFel])>,
) -> Result<Response, WebFel> {
    let leverans = leveransdel(s, i, &r, form).await?;
    let person = s
        .store
        .personer()
        .person(i.anvandare.kommun, r.person)
        .await?
        .ok_or(WebFel::Saknas)?;
    let handelser = s
        .store
        .arenden()
        .handelser(i.anvandare.kommun, r.arende)
        .await?;
    let text = handelser
        .iter()
        .rev()
        .find_map(|h| match &h.handelse {
            Handelse::Bestalld {
                beslut, uppdrag, ..
            } if *beslut == r.beslut => Some(uppdrag.clone()),
            _ => None,
        })
        .unwrap_or_default();
    s.store
        .granskning()
        .logga_lasning(&i.aktor(), &[post("uppdrag.visa", &r)], s.nu())
        .await?;
    let (lagetext, b) = lage(&r);
    let mut rader: Vec<(&'static str, String)> = vec![
        ("Person", person.namn()),
        (person.identitet.typ().namn(), person.identitet.visning()),
    ];
    if person.skyddad {
        rader.push((
            "Adress",
            "Skyddade personuppgifter: kontakt sker via handläggaren.".into(),
        ));
    } else if !person.adress.is_empty() {
        rader.push(("Adress", person.adress.clone()));
    }
    if let Some(b) = b {
        let x = &b.beslut;
        rader.push(("Insats", x.insats.namn().into()));
        rader.push(("Lagrum", x.lagrum.text().into()));
        rader.push(("Beslutsdatum", x.datum.to_string()));
        if let Some(f) = x.period_fran {
            let till = x
                .period_till
                .map(|t| t.to_string())
                .unwrap_or_else(|| "tills vidare".into());
            rader.push(("Period", format!("{f} – {till}")));
        }
        if !x.mal.is_empty() {
            rader.push(("Mål", x.mal.clone()));
        }
        if !x.omfattning.is_empty() {
            rader.push(("Omfattning", x.omfattning.clone()));
        }
        if let Some((d, _)) = b.verkstallighet.bestalld {
            rader.push(("Beställt", d.to_string()));
        }
    }
    rader.push(("Uppdraget", text));
    rader.push(("Läge", lagetext.into()));
    let handlaggare = match r.tillstand.handlaggare {
        Some(h) => s
            .store
            .organisation()
            .anvandare(i.anvandare.kommun, h)
            .await?
            .map(|a| a.namn),
        None => None,
    };
    rader.push((
        "Handläggare",
        handlaggare.unwrap_or_else(|| "Ingen tilldelad".into()),
    ));
    Ok(Visa {
        sida: Sida::av(i),
        leverans,
        beslut: r.beslut,
        rubrik: format!(
            "Uppdrag: {}",
            b.map(|b| b.beslut.insats.namn()).unwrap_or("insats")
        ),
        rader,
        plan: r
            .tillstand
            .genomforandeplan(r.beslut)
            .map(planrader)
            .unwrap_or_default(),
        kan_skriva_plan: far_skriva(i, &r) && plan_oppen(&r).is_ok(),
    }
    .into_response())
}

// The genomförandeplan: written by the utförare with the person, from the order
// (seed 004 §2.8.1), one page per order. The person sees it on Mina sidor and the
// handläggare on the case page.

fn far_skriva(i: &Inloggad, r: &UppdragRad) -> bool {
    policy::far(
        &i.anvandare,
        Atgard::SkrivaGenomforandeplan {
            utforare: r.utforare,
            skyddad: r.person_skyddad,
        },
    )
}

/// Whether the order's decision takes a plan now, by the domain's rules; if not, why.
fn plan_oppen(r: &UppdragRad) -> Result<(), String> {
    let typ = KommandoTyp::UpprattaGenomforandeplan;
    let a = &r.tillstand;
    if !kandidater(a, typ).iter().any(|b| b.id() == r.beslut) {
        return Err(
            "Insatsen är avslutad eller beslutet gäller inte längre. Planen kan inte ändras."
                .into(),
        );
    }
    kan(Some(a), typ)
}

/// The order, if this user may write its plan. A refusal is logged.
async fn uppdrag_for_plan(s: &AppState, i: &Inloggad, id: &str) -> Result<UppdragRad, WebFel> {
    atkomst::oppna_uppdrag(s, i, id, UppdragSyfte::SkrivaPlan).await
}

fn planfalt(r: &UppdragRad, idag: time::Date) -> Vec<Falt> {
    let langd = format!("Högst {PLAN_MAX_TECKEN} tecken.");
    // A revision starts from the current plan; a follow-up day already past is not kept.
    let nu = r.tillstand.genomforandeplan(r.beslut);
    let text = |f: fn(&lots_domain::arende::Genomforandeplan) -> &String| {
        nu.map(|p| f(p).clone()).unwrap_or_default()
    };
    let uppfoljning = nu
        .and_then(|p| p.uppfoljning)
        .filter(|d| *d >= idag)
        .map(|d| d.to_string())
        .unwrap_or_default();
    vec![
        Falt::datum("datum", "Dagen ni gjorde planen")
            .kravs()
            .varde(idag),
        Falt::textarea("mal", "Den enskildes mål")
            .kravs()
            .hjalp(&format!("Med den enskildes egna ord. {langd}"))
            .varde(text(|p| &p.mal)),
        Falt::textarea("genomforande", "Så genomförs insatsen")
            .kravs()
            .hjalp(&format!("Vad som görs, av vem och när. {langd}"))
            .varde(text(|p| &p.genomforande)),
        Falt::textarea("delaktighet", "Den enskildes delaktighet")
            .hjalp(&format!(
                "Hur den enskilde har varit med och vad hen tycker om planen. {langd}"
            ))
            .varde(text(|p| &p.delaktighet)),
        Falt::datum("uppfoljning", "Planen följs upp")
            .hjalp("Insatsen följs upp med den enskilde minst var tredje månad. Handläggaren får en bevakning.")
            .varde(uppfoljning),
    ]
}

#[derive(Template, WebTemplate)]
#[template(path = "uppdrag_plan.html")]
struct PlanSida {
    sida: Sida,
    beslut: BeslutId,
    rubrik: String,
    plan: Vec<(&'static str, String)>,
    meddelande: Option<String>,
    oppen: bool,
    falt: Vec<Falt>,
    fel: Vec<(String, String)>,
}

fn plansida(
    i: &Inloggad,
    r: &UppdragRad,
    falt: Vec<Falt>,
    fel: Vec<(String, String)>,
    meddelande: Option<String>,
) -> PlanSida {
    let insats = r
        .tillstand
        .beslut_lage(r.beslut)
        .map(|b| b.beslut.insats.namn())
        .unwrap_or("insats");
    let oppen = plan_oppen(r);
    PlanSida {
        sida: Sida::av(i),
        beslut: r.beslut,
        rubrik: format!("Genomförandeplan: {insats} – {}", r.person_namn),
        plan: r
            .tillstand
            .genomforandeplan(r.beslut)
            .map(planrader)
            .unwrap_or_default(),
        meddelande: meddelande.or_else(|| oppen.clone().err()),
        oppen: oppen.is_ok(),
        falt,
        fel,
    }
}

pub async fn plan_sida(
    State(s): State<AppState>,
    i: Inloggad,
    Path(id): Path<String>,
) -> Result<Response, WebFel> {
    let r = uppdrag_for_plan(&s, &i, &id).await?;
    s.store
        .granskning()
        .logga_lasning(&i.aktor(), &[post("uppdrag.plan", &r)], s.nu())
        .await?;
    let sida = plansida(&i, &r, planfalt(&r, svensk_dag(s.nu())), vec![], None);
    let status = if sida.oppen {
        StatusCode::OK
    } else {
        StatusCode::CONFLICT
    };
    Ok((status, sida).into_response())
}

/// Reads the plan and stores it, or says why not.
async fn skriv_plan(
    s: &AppState,
    i: &Inloggad,
    r: &UppdragRad,
    f: &Formular,
) -> Result<(), Formularfel> {
    // Said in the utförare's words before the rules say it in the case's.
    plan_oppen(r).map_err(|t| Formularfel::Meddelande(t, StatusCode::CONFLICT))?;
    let mut fel = vec![];
    let datum = las_datum(f, "datum", true, &mut fel);
    let uppfoljning = las_datum(f, "uppfoljning", false, &mut fel);
    let kommando = datum
        .filter(|_| fel.is_empty())
        .map(|datum| Kommando::UpprattaGenomforandeplan {
            beslut: r.beslut,
            datum,
            mal: f.text("mal"),
            genomforande: f.text("genomforande"),
            delaktighet: f.text("delaktighet"),
            uppfoljning,
        })
        .ok_or(Formularfel::Falt(fel))?;
    let nu = s.nu();
    let steg = lots_steg::Steg {
        aktor: i.aktor(),
        arende: r.arende,
        kommandon: vec![kommando],
        bilagor: vec![],
        nu,
        idag: svensk_dag(nu),
        vem: None,
        lasning: None,
        skriv_brev: true,
    };
    let kommun_namn = s.kommunnamn(i.anvandare.kommun).await?;
    match lots_steg::ta_steg(&s.store, &kommun_namn, steg).await {
        Ok(_) => Ok(()),
        Err(Stegfel::Samtidigt) => Err(Formularfel::Meddelande(
            "Någon annan ändrade ärendet samtidigt. Ingenting sparades. Försök igen.".into(),
            StatusCode::CONFLICT,
        )),
        Err(e) => Err(e.into()),
    }
}

pub async fn spara_plan(
    State(s): State<AppState>,
    i: Inloggad,
    Path(id): Path<String>,
    f: Formular,
) -> Result<Response, WebFel> {
    i.kontrollera_csrf(&f)?;
    let r = uppdrag_for_plan(&s, &i, &id).await?;
    let nu = s.nu();
    let idag = svensk_dag(nu);
    let svar = match skriv_plan(&s, &i, &r, &f).await {
        Ok(()) => return Ok(Redirect::to(&format!("/uppdrag/{}", r.beslut)).into_response()),
        // The form shown again holds the person's plan: a read like the page itself.
        Err(fel) => {
            let (fel, meddelande, status) = fel.att_visa()?;
            let mut falt = planfalt(&r, idag);
            let sammanfattning = fyll(&mut falt, &f, &fel);
            (status, plansida(&i, &r, falt, sammanfattning, meddelande)).into_response()
        }
    };
    s.store
        .granskning()
        .logga_lasning(&i.aktor(), &[post("uppdrag.plan", &r)], nu)
        .await?;
    Ok(svar)
}
