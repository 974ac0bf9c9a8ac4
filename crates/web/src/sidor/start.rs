//! The start page is the handläggare's work list (issue 20 item 6): the bevakningar of
//! today and those overdue at the top, with the rest behind a link; their own reminders
//! ("ring Åsa fredag") beside them; and their open cases with the insats, the status and
//! the next deadline, sortable, filterable and paged. A handläggare has 40–80 open cases,
//! so the list is read whole (one index range, `Arenden::arbetslista`) and sorted here.

use std::collections::HashMap;

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use lots_domain::arende::Status;
use lots_domain::ids::{ArendeId, PersonId};
use lots_domain::insats::InsatsTyp;
use lots_domain::tid::svensk_dag;
use lots_store::{ArbetslistaRad, ArendeRad, BevakningRad, Granskningspost};
use time::Date;

use super::{Sida, arendepost};
use crate::AppState;
use crate::auth::{Inloggad, TATHET, satt_kaka};
use crate::fel::WebFel;
use crate::formular::Formular;
use crate::policy::{self, ArendeResurs, Atgard};

/// Cases per page of the work list.
const PER_SIDA: usize = 25;

/// The longest reminder: a note to oneself, not a journal entry.
const PAMINNELSE_HOGST: usize = 300;

pub struct BevakningVy {
    pub datum: Date,
    pub vad: String,
    /// Where the row leads: the step that clears the bevakning, or the case.
    pub lank: Option<String>,
    pub arende: Option<ArendeId>,
    pub person: String,
    pub forsenad: bool,
    pub idag: bool,
    /// A reminder of the user's own, which they mark done here.
    pub paminnelse: Option<String>,
}

impl BevakningVy {
    /// A row due `datum` as seen `idag`, outside any case, naming nobody, until the
    /// caller says otherwise.
    fn ny(datum: Date, idag: Date, vad: String, lank: Option<String>) -> Self {
        Self {
            datum,
            vad,
            lank,
            arende: None,
            person: String::new(),
            forsenad: datum < idag,
            idag: datum == idag,
            paminnelse: None,
        }
    }
}

/// One case of the work list as shown.
pub struct ArbetsRad {
    pub id: ArendeId,
    pub beteckning: String,
    pub person: String,
    pub insatser: String,
    pub status: &'static str,
    pub frist: String,
    pub sen: bool,
    pub inkom: Date,
}

/// How the work list is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sortering {
    /// The next deadline first: what the day's work is (the default).
    Frist,
    /// The oldest case first.
    Inkom,
    Namn,
    Status,
}

impl Sortering {
    const ALLA: [Self; 4] = [Self::Frist, Self::Inkom, Self::Namn, Self::Status];
    fn kod(self) -> &'static str {
        match self {
            Self::Frist => "frist",
            Self::Inkom => "inkom",
            Self::Namn => "namn",
            Self::Status => "status",
        }
    }
}

/// What the user chose to see: from the query string, every value checked.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Urval {
    sortering: Sortering,
    status: Option<Status>,
    insats: Option<InsatsTyp>,
    sena: bool,
    sida: usize,
    alla_bevakningar: bool,
}

impl Urval {
    fn las(q: &HashMap<String, String>) -> Result<Self, WebFel> {
        let tomt = |n: &str| q.get(n).map(|v| v.trim()).filter(|v| !v.is_empty());
        let sortering = match tomt("sortera") {
            None => Sortering::Frist,
            Some(k) => Sortering::ALLA
                .into_iter()
                .find(|s| s.kod() == k)
                .ok_or_else(|| ogiltig("Sorteringen finns inte. Välj en kolumn i tabellen."))?,
        };
        let status = tomt("status")
            .map(|k| {
                Status::fran_kod(k)
                    .filter(|s| *s != Status::Avslutat)
                    .ok_or_else(|| ogiltig("Välj en status i listan."))
            })
            .transpose()?;
        let insats = tomt("insats")
            .map(|k| InsatsTyp::fran_kod(k).ok_or_else(|| ogiltig("Välj en insats i listan.")))
            .transpose()?;
        let sida = match tomt("sida") {
            None => 1,
            Some(t) => t
                .parse::<usize>()
                .ok()
                .filter(|n| *n >= 1)
                .ok_or_else(|| ogiltig("Sidnumret ska vara ett heltal från 1."))?,
        };
        Ok(Self {
            sortering,
            status,
            insats,
            sena: tomt("sena").is_some(),
            sida,
            alla_bevakningar: tomt("bevakningar") == Some("alla"),
        })
    }

    /// The query string of this choice, with `andra` applied: for the sort and page links.
    fn lank(&self, andra: impl FnOnce(&mut Self)) -> String {
        let mut u = self.clone();
        andra(&mut u);
        let mut par: Vec<(&str, String)> = vec![];
        if u.sortering != Sortering::Frist {
            par.push(("sortera", u.sortering.kod().into()));
        }
        if let Some(s) = u.status {
            par.push(("status", s.kod().into()));
        }
        if let Some(i) = u.insats {
            par.push(("insats", i.kod().into()));
        }
        if u.sena {
            par.push(("sena", "ja".into()));
        }
        if u.sida > 1 {
            par.push(("sida", u.sida.to_string()));
        }
        if u.alla_bevakningar {
            par.push(("bevakningar", "alla".into()));
        }
        let q = serde_urlencoded::to_string(&par).unwrap_or_default();
        if q.is_empty() {
            "/".into()
        } else {
            format!("/?{q}")
        }
    }
}

fn ogiltig(text: &str) -> WebFel {
    WebFel::Ogiltig(format!("{text} Gå tillbaka till startsidan och välj igen."))
}

/// A column of the list's header, and its sort link.
pub struct Sortlank {
    pub text: &'static str,
    /// None: the column is not sorted by.
    pub href: Option<String>,
    pub aktiv: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "start.html")]
struct Start {
    sida: Sida,
    idag: Date,
    bevakningar: Vec<BevakningVy>,
    /// Bevakningar and reminders after today, behind the link.
    kommande: usize,
    alla_bevakningar: bool,
    alla_bevakningar_lank: String,
    arbetslista: Vec<ArbetsRad>,
    /// Cases after the filters, over all pages.
    traffar: usize,
    oppna: usize,
    sortlankar: Vec<Sortlank>,
    statusval: Vec<(&'static str, &'static str, bool)>,
    insatsval: Vec<(&'static str, &'static str, bool)>,
    sena: bool,
    sortering: &'static str,
    sidnummer: usize,
    sidor: usize,
    foregaende: Option<String>,
    nasta: Option<String>,
    /// The user's own cases to tie a reminder to: (id, text).
    egna: Vec<(ArendeId, String)>,
    otilldelade: Vec<ArendeRad>,
    /// Refused registrations of protected persons, for those with the right (issue 12).
    registreringsforsok: Vec<Registreringsforsok>,
    fel: Option<String>,
    tillbaka: String,
}

pub struct Registreringsforsok {
    tidpunkt: String,
    person: PersonId,
    namn: String,
    vem: String,
}

fn resurs(b: &BevakningRad) -> ArendeResurs {
    ArendeResurs {
        enhet: b.enhet,
        handlaggare: b.handlaggare,
        skyddad: b.person_skyddad,
        skal: false,
    }
}

/// The next deadline as the list shows it.
fn frist_text(r: &ArbetslistaRad) -> String {
    match r.nasta {
        Some((d, typ)) => format!("{d}: {}", typ.namn()),
        None => String::new(),
    }
}

/// A read for what the role may see, and nothing read for what it may not: the
/// store's futures do nothing until awaited.
async fn om_far<T, F>(far: bool, lasning: F) -> Result<Vec<T>, lots_store::StoreError>
where
    F: std::future::Future<Output = Result<Vec<T>, lots_store::StoreError>>,
{
    if far { lasning.await } else { Ok(vec![]) }
}

fn sortera(rader: &mut [ArbetslistaRad], s: Sortering) {
    let nyckel_frist =
        |r: &ArbetslistaRad| (r.nasta.map(|(d, _)| d).unwrap_or(Date::MAX), r.arende.inkom);
    match s {
        Sortering::Frist => rader.sort_by_key(nyckel_frist),
        Sortering::Inkom => rader.sort_by_key(|r| r.arende.inkom),
        Sortering::Namn => {
            rader.sort_by_key(|r| (r.arende.person_namn.to_lowercase(), r.arende.inkom))
        }
        Sortering::Status => rader.sort_by_key(|r| {
            let i = Status::ALLA.iter().position(|x| *x == r.arende.status);
            (i, nyckel_frist(r))
        }),
    }
}

pub async fn start(
    State(s): State<AppState>,
    i: Inloggad,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, WebFel> {
    if !policy::far(&i.anvandare, Atgard::Arbetsyta) {
        // Roles without a case workspace start on their own first page.
        let a = &i.anvandare;
        let hem = [
            (Atgard::SokaPerson, "/personer/sok"),
            (
                Atgard::LasaUppdrag {
                    utforare: a.enhet,
                    skyddad: false,
                },
                "/uppdrag",
            ),
            (Atgard::Loggkontroll, "/loggkontroll"),
            (Atgard::AdministreraAnvandare, "/admin/anvandare"),
        ]
        .into_iter()
        .find(|(h, _)| policy::far(a, *h));
        return match hem {
            Some((_, sokvag)) => Ok(Redirect::to(sokvag).into_response()),
            None => Err(WebFel::Nekad(
                "Ditt konto har ingen sida i Lots. Kontakta systemförvaltaren.".into(),
            )),
        };
    }
    let urval = Urval::las(&q)?;
    visa(&s, &i, &urval, None).await
}

async fn visa(
    s: &AppState,
    i: &Inloggad,
    urval: &Urval,
    fel: Option<String>,
) -> Result<Response, WebFel> {
    let nu = s.nu();
    let idag = svensk_dag(nu);
    let a = &i.anvandare;
    // The queries narrow to the user's own cases; the policy has the last word on each row.
    let far = |r: &ArendeRad| policy::far(a, Atgard::LasaArende(ArendeResurs::av(r)));
    // The page's reads do not depend on each other, so they are asked at once, each on
    // a connection of its own: the page waits for the slowest read, not for their sum
    // (BENCHMARKS.md, "The start page"). What a role may not see is not asked for.
    let store = &s.store;
    let (arenden, organisation) = (store.arenden(), store.organisation());
    let (granskning, klagomal, registerutdrag) =
        (store.granskning(), store.klagomal(), store.registerutdrag());
    let (
        alla,
        otilldelade,
        mina_bevakningar,
        arbetsledarens,
        paminnelser,
        registreringsforsok,
        fakturaavvikelser,
        tilldelade_klagomal,
        utdragsbegaran,
        lex_sarah,
    ) = tokio::try_join!(
        arenden.arbetslista(a.kommun, a.id),
        arenden.otilldelade_arenden(a.kommun, a.enhet),
        arenden.mina_bevakningar(a.kommun, a.id),
        om_far(
            policy::far(a, Atgard::Arbetsyta),
            arenden.arbetsledarens_bevakningar(a.kommun, a.enhet)
        ),
        arenden.paminnelser(a.kommun, a.id),
        om_far(
            policy::far(a, Atgard::SePerson { skyddad: true }),
            granskning.registreringsforsok(a.kommun, nu - time::Duration::days(30))
        ),
        organisation.oppna_fakturaavvikelser(a.kommun, a.enhet),
        om_far(
            policy::far(a, Atgard::KlagomalLista),
            klagomal.tilldelade(a.kommun, a.id)
        ),
        om_far(
            policy::far(
                a,
                Atgard::Registerutdrag {
                    skyddad: false,
                    agerar: true,
                },
            ),
            registerutdrag.oppna_for(a.kommun, a.id)
        ),
        om_far(
            policy::far(a, Atgard::TaEmotLexSarah { mottagare: true }),
            klagomal.lex_sarah_att_ta_emot(a.kommun, a.id)
        ),
    )?;
    let mut alla: Vec<ArbetslistaRad> = alla.into_iter().filter(|r| far(&r.arende)).collect();
    let oppna = alla.len();
    let egna: Vec<(ArendeId, String)> = alla
        .iter()
        .map(|r| {
            (
                r.arende.id,
                format!("{}, {}", r.arende.person_namn, r.arende.beteckning()),
            )
        })
        .collect();
    let egna_rader: HashMap<ArendeId, ArendeRad> = alla
        .iter()
        .map(|r| (r.arende.id, r.arende.clone()))
        .collect();
    // The choices offered are those the user's cases have, so a filter never shows nothing
    // for lack of a case of that kind.
    let mut statusar: Vec<Status> = alla.iter().map(|r| r.arende.status).collect();
    statusar.sort_by_key(|x| Status::ALLA.iter().position(|y| y == x));
    statusar.dedup();
    let mut insatser: Vec<InsatsTyp> = alla.iter().flat_map(|r| r.insatser.clone()).collect();
    insatser.sort();
    insatser.dedup();
    alla.retain(|r| {
        urval.status.is_none_or(|x| r.arende.status == x)
            && urval.insats.is_none_or(|x| r.insatser.contains(&x))
            && (!urval.sena || r.nasta.is_some_and(|(d, _)| d < idag))
    });
    sortera(&mut alla, urval.sortering);
    let traffar = alla.len();
    let sidor = traffar.div_ceil(PER_SIDA).max(1);
    let sidnummer = urval.sida.min(sidor);
    let sidan: Vec<ArbetslistaRad> = alla
        .into_iter()
        .skip((sidnummer - 1) * PER_SIDA)
        .take(PER_SIDA)
        .collect();

    let otilldelade: Vec<ArendeRad> = otilldelade.into_iter().filter(far).collect();
    let mut bevakningar: Vec<BevakningRad> = mina_bevakningar
        .into_iter()
        .filter(|b| policy::far(a, Atgard::LasaArende(resurs(b))))
        .collect();
    // The requests for another handläggare in the enhet are the arbetsledare's, shown
    // to whoever the policy lets answer them (issue 19 item 5).
    bevakningar.extend(arbetsledarens.into_iter().filter(|b| {
        b.typ.steg().is_some_and(|steg| {
            policy::far(a, Atgard::Steg(resurs(b), steg))
                && policy::far(a, Atgard::LasaArende(resurs(b)))
        })
    }));
    bevakningar.sort_by_key(|b| b.datum);
    // Someone without the right tried to register a protected person: what came in
    // for the person must reach those who may handle it (issue 12). Only those who may
    // see protected persons were asked.
    let registreringsforsok: Vec<Registreringsforsok> = registreringsforsok
        .into_iter()
        .filter_map(|r| {
            Some(Registreringsforsok {
                tidpunkt: crate::visning::lokal_tid(r.tidpunkt),
                person: r.person?,
                namn: r.person_namn.unwrap_or_default(),
                vem: format!("{} ({})", r.anvandare_namn, r.enhet_namn),
            })
        })
        .collect();

    // Today's and the overdue at the top; the rest behind the link.
    let visas = |d: Date| urval.alla_bevakningar || d <= idag;
    let mut loggade: Vec<Granskningspost> = vec![];
    let mut rader: Vec<BevakningVy> = vec![];
    let mut kommande = 0;
    for b in bevakningar {
        if !visas(b.datum) {
            kommande += 1;
            continue;
        }
        loggade.push(
            Granskningspost::ny("start.lista")
                .person(b.person, b.person_skyddad)
                .arende(b.arende)
                .utanfor(policy::utanfor(a, &resurs(&b))),
        );
        rader.push(BevakningVy {
            arende: Some(b.arende),
            person: b.person_namn,
            ..BevakningVy::ny(
                b.datum,
                idag,
                b.typ.namn().into(),
                Some(format!(
                    "/arenden/{}/bevakning?typ={}",
                    b.arende,
                    b.typ.kod()
                )),
            )
        });
    }
    // Invoice differences on the enhet's orders, due before payment (issue 17): the
    // beställande enhet's bevakningar, for whoever there may read the case.
    for f in fakturaavvikelser {
        let resurs = ArendeResurs {
            enhet: f.arende_enhet,
            handlaggare: f.handlaggare,
            skyddad: f.person_skyddad,
            skal: false,
        };
        if !policy::far(a, Atgard::LasaArende(resurs)) {
            continue;
        }
        if !visas(f.frist) {
            kommande += 1;
            continue;
        }
        loggade.push(
            Granskningspost::ny("start.fakturaavvikelse")
                .person(f.person, f.person_skyddad)
                .arende(f.arende)
                .utanfor(policy::utanfor(a, &resurs)),
        );
        rader.push(BevakningVy {
            arende: Some(f.arende),
            person: f.person_namn,
            ..BevakningVy::ny(
                f.frist,
                idag,
                format!(
                    "{}: {} (betalas {})",
                    crate::texter::t("start-fakturaavvikelse"),
                    f.text,
                    f.betalningsdag
                ),
                Some(format!("/avvikelser?manad={}#avvikelse-{}", f.manad, f.id)),
            )
        });
    }
    for p in paminnelser {
        if !visas(p.datum) {
            kommande += 1;
            continue;
        }
        // A reminder names a case only while it is still the user's own.
        let arende = p.arende.and_then(|id| egna_rader.get(&id));
        if let Some(r) = arende {
            loggade.push(arendepost(i, "start.paminnelse", r));
        }
        rader.push(BevakningVy {
            arende: arende.map(|r| r.id),
            person: match (arende, p.arende) {
                (Some(r), _) => r.person_namn.clone(),
                (None, Some(_)) => "Ärendet är inte längre ditt".into(),
                (None, None) => String::new(),
            },
            paminnelse: Some(p.id),
            ..BevakningVy::ny(
                p.datum,
                idag,
                format!("Egen påminnelse: {}", p.text),
                arende.map(|r| format!("/arenden/{}", r.id)),
            )
        });
    }
    // Synpunkter och klagomål assigned to the user and not yet answered, and Lex Sarah
    // reports handed to them: their bevakningar outside any case (issue 19 item 4). Only
    // the number is shown here, nothing of what was written.
    for k in tilldelade_klagomal {
        if k.besvarad.is_some() || !visas(k.svar_senast) {
            if k.besvarad.is_none() {
                kommande += 1;
            }
            continue;
        }
        rader.push(BevakningVy::ny(
            k.svar_senast,
            idag,
            format!("Synpunkt att besvara: {}", k.nummer),
            Some(format!("/klagomal/{}", k.id)),
        ));
    }
    // Requests for a registerutdrag the user answers for, due a month after they came in
    // (GDPR art. 12.3; issue 18 item 7). Only roles that may make one have any.
    for b in utdragsbegaran {
        if !policy::far(
            a,
            Atgard::Registerutdrag {
                skyddad: b.person_skyddad,
                agerar: true,
            },
        ) {
            continue;
        }
        let senast = b.senast();
        if !visas(senast) {
            kommande += 1;
            continue;
        }
        loggade
            .push(Granskningspost::ny("start.registerutdrag").person(b.person, b.person_skyddad));
        rader.push(BevakningVy {
            person: b.person_namn,
            ..BevakningVy::ny(
                senast,
                idag,
                format!("Registerutdrag att lämna (begäran kom in {})", b.mottagen),
                Some(format!("/personer/{}#rubrik-registerutdrag", b.person)),
            )
        });
    }
    // Lex Sarah reports handed to the user to receive.
    for l in lex_sarah {
        if !visas(l.bevakas) {
            kommande += 1;
            continue;
        }
        rader.push(BevakningVy::ny(
            l.bevakas,
            idag,
            format!("Lex Sarah-rapport att ta emot: {}", l.nummer),
            Some(format!("/klagomal/{}", l.klagomal)),
        ));
    }
    rader.sort_by_key(|b| b.datum);
    loggade.extend(
        registreringsforsok
            .iter()
            .map(|r| Granskningspost::ny("start.registreringsforsok").person(r.person, true)),
    );
    // Only the rows the page shows are read; the rest of the list is not on the screen.
    loggade.extend(
        sidan
            .iter()
            .map(|r| &r.arende)
            .chain(otilldelade.iter())
            .map(|r| arendepost(i, "start.lista", r)),
    );
    s.store
        .granskning()
        .logga_lasning(&i.aktor(), &loggade, nu)
        .await?;

    // The columns in reading order: who, which case, what, where it stands, when.
    let sortlankar = [
        ("start-person", Some(Sortering::Namn)),
        ("arendelista-diarienummer", None),
        ("start-kol_insats", None),
        ("start-kol_status", Some(Sortering::Status)),
        ("start-kol_frist", Some(Sortering::Frist)),
        ("start-kol_inkom", Some(Sortering::Inkom)),
    ]
    .into_iter()
    .map(|(text, sortering)| Sortlank {
        text,
        href: sortering.map(|x| {
            urval.lank(|u| {
                u.sortering = x;
                u.sida = 1;
            })
        }),
        aktiv: sortering == Some(urval.sortering),
    })
    .collect();
    let sida = Start {
        sida: Sida::av(i),
        idag,
        bevakningar: rader,
        kommande,
        alla_bevakningar: urval.alla_bevakningar,
        alla_bevakningar_lank: format!(
            "{}#rubrik-bevakningar",
            urval.lank(|u| u.alla_bevakningar = !u.alla_bevakningar)
        ),
        arbetslista: sidan
            .iter()
            .map(|r| ArbetsRad {
                id: r.arende.id,
                beteckning: r.arende.beteckning(),
                person: r.arende.person_namn.clone(),
                insatser: r
                    .insatser
                    .iter()
                    .map(|x| x.namn())
                    .collect::<Vec<_>>()
                    .join(", "),
                status: r.arende.status.namn(),
                frist: frist_text(r),
                sen: r.nasta.is_some_and(|(d, _)| d < idag),
                inkom: r.arende.inkom,
            })
            .collect(),
        traffar,
        oppna,
        sortlankar,
        statusval: statusar
            .into_iter()
            .map(|x| (x.kod(), x.namn(), urval.status == Some(x)))
            .collect(),
        insatsval: insatser
            .into_iter()
            .map(|x| (x.kod(), x.namn(), urval.insats == Some(x)))
            .collect(),
        sena: urval.sena,
        sortering: urval.sortering.kod(),
        sidnummer,
        sidor,
        foregaende: (sidnummer > 1).then(|| urval.lank(|u| u.sida = sidnummer - 1)),
        nasta: (sidnummer < sidor).then(|| urval.lank(|u| u.sida = sidnummer + 1)),
        egna,
        otilldelade,
        registreringsforsok,
        fel: fel.clone(),
        tillbaka: urval.lank(|_| {}),
    };
    let mut res = sida.into_response();
    if fel.is_some() {
        *res.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(res)
}

/// Writes a reminder of the user's own: a day, a short text and, if chosen, one of their
/// own open cases. Errors are shown on the start page, with nothing written.
pub async fn ny_paminnelse(
    State(s): State<AppState>,
    i: Inloggad,
    f: Formular,
) -> Result<Response, WebFel> {
    i.kontrollera_csrf(&f)?;
    if !policy::far(&i.anvandare, Atgard::Arbetsyta) {
        return Err(WebFel::Nekad("Påminnelser finns i arbetsytan.".into()));
    }
    // The date as every form of Lots reads it.
    let mut datumfel = vec![];
    let datum = super::formular::las_datum(&f, "datum", true, &mut datumfel);
    let mut fel: Vec<String> = datumfel.into_iter().map(|e| e.text).collect();
    let text = f.text("text").trim().to_owned();
    if text.is_empty() {
        fel.push("Skriv vad du vill bli påmind om.".into());
    } else if text.chars().count() > PAMINNELSE_HOGST {
        fel.push(format!(
            "Påminnelsen får vara högst {PAMINNELSE_HOGST} tecken. Skriv det längre i journalen."
        ));
    }
    // Only one of the user's own open cases: a reminder is no door to another's case.
    // One lookup by key, the same test the work list's query makes.
    let arende = match f.text("arende").trim() {
        "" => None,
        t => {
            let egen = match t.parse::<ArendeId>() {
                Ok(id) => s
                    .store
                    .arenden()
                    .arende(i.anvandare.kommun, id)
                    .await?
                    .and_then(|(r, _)| {
                        (r.kommun == i.anvandare.kommun
                            && r.handlaggare == Some(i.anvandare.id)
                            && r.status != Status::Avslutat)
                            .then_some(id)
                    }),
                Err(_) => None,
            };
            if egen.is_none() {
                fel.push("Välj ett av dina öppna ärenden, eller inget ärende.".into());
            }
            egen
        }
    };
    match datum {
        Some(datum) if fel.is_empty() => {
            s.store
                .arenden()
                .skapa_paminnelse(
                    i.anvandare.kommun,
                    i.anvandare.id,
                    datum,
                    &text,
                    arende,
                    s.nu(),
                )
                .await?;
            Ok(Redirect::to("/#rubrik-bevakningar").into_response())
        }
        _ => visa(&s, &i, &Urval::default(), Some(fel.join(" "))).await,
    }
}

/// The list as the start page first shows it.
impl Default for Urval {
    fn default() -> Self {
        Self {
            sortering: Sortering::Frist,
            status: None,
            insats: None,
            sena: false,
            sida: 1,
            alla_bevakningar: false,
        }
    }
}

/// A reminder done is removed: only the author's own; another's id is as if it did not exist.
pub async fn paminnelse_klar(
    State(s): State<AppState>,
    i: Inloggad,
    Path(id): Path<String>,
    f: Formular,
) -> Result<Response, WebFel> {
    i.kontrollera_csrf(&f)?;
    if !s
        .store
        .arenden()
        .paminnelse_klar(i.anvandare.kommun, &id, i.anvandare.id)
        .await?
    {
        return Err(WebFel::Saknas);
    }
    Ok(Redirect::to("/#rubrik-bevakningar").into_response())
}

/// Chooses the density on this device, then goes back where the user was.
pub async fn tathet(
    State(s): State<AppState>,
    i: Inloggad,
    f: Formular,
) -> Result<Response, WebFel> {
    i.kontrollera_csrf(&f)?;
    let varde = match f.text("tathet").as_str() {
        "kompakt" => "kompakt",
        "normal" => "normal",
        _ => return Err(WebFel::Ogiltig("Välj normal eller kompakt visning.".into())),
    };
    // Only a path of Lots itself: never a redirect to another site.
    let tillbaka = f.text("tillbaka");
    let mal =
        if tillbaka.starts_with('/') && !tillbaka.starts_with("//") && !tillbaka.contains('\\') {
            tillbaka
        } else {
            "/".into()
        };
    let mut res = Redirect::to(&mal).into_response();
    satt_kaka(
        &mut res,
        &format!(
            "{TATHET}={varde}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly{}",
            if s.saker_cookie { "; Secure" } else { "" }
        ),
    );
    Ok(res)
}
