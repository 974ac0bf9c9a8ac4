//! Registerutdrag (issue 18, item 7): a person asks for all personal data the nämnd holds about
//! them (GDPR art. 15), and the handläggare gets it as a PDF to review before it is sent.
//!
//! What it holds, and why so:
//! * **Everything of the kommun, or where it is.** The right covers all the nämnd's processing,
//!   not only the handläggare's enhet. A case the handläggare may not read (inre sekretess,
//!   OSL 26 kap. 1 §) is listed with its diarienummer and enhet and "granskas av enheten", never
//!   its content: the extract is complete as a list, and no door into another enhet's case.
//!   Only a handläggare or arbetsledare who acts on one of the person's cases may make it
//!   (`Atgard::Registerutdrag`), the same ground as for seeing cases elsewhere.
//! * **What may be withheld is marked, not removed.** Secrecy towards the person themself is
//!   the exception (OSL 12 kap. 1 §), and whether it applies is a decision the nämnd takes on
//!   the request, which the person can appeal. Lots marks what the partsinsyn rules already know
//!   (`lots_domain::arende::partsinsyn`): who made a report or gave information (OSL 26 kap. 5 §),
//!   journal entries that may name someone else (OSL 26 kap. 1 §), documents staff added, and
//!   a FREDA screening, whose danger is in who else reads the letter.
//! * **What GDPR art. 15.1 asks besides the data**: purposes, legal ground, recipients, how
//!   long it is kept (the gallring date), where it came from, and the person's rights.
//!
//! Every case covered is logged as read for the purpose "registerutdrag" (listed only:
//! "registerutdrag.forteckning"), so loggkontroll finds who made the extract.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use lots_domain::Handelse;
use lots_domain::arende::partsinsyn::{self, Undanhallet};
use lots_domain::ids::RegisterutdragId;
use lots_domain::registerutdrag::{Kanal, Utfall};
use lots_domain::tid::svensk_dag;
use lots_store::{ArendeRad, Registerutdragsbegaran};
use time::Date;

use super::akt::{beslutsrader, pdf_fil, sektion, utredningsrader};
use super::person::Formularsida;
use super::{Falt, Sida, arendepost, fyll};
use crate::AppState;
use crate::atkomst::{self, PersonSyfte};
use crate::auth::Inloggad;
use crate::fel::WebFel;
use crate::formular::{FaltFel, Formular};
use crate::policy::{self, ArendeResurs, Atgard};
use crate::visning::{Namn, beskriv};

const PROVA_ANMALARE: &str = "Pröva: vem som anmält och vad anmälan säger kan vara sekretess mot personen (OSL 26 kap. 5 §).";
const PROVA_UPPGIFTSLAMNARE: &str = "Pröva: vem som lämnat uppgiften och vad den säger kan vara sekretess mot personen (OSL 26 kap. 5 §).";
const PROVA_DOKUMENT: &str =
    "Pröva: handlingen kan innehålla uppgifter om andra personer (OSL 26 kap. 1 §).";
const PROVA_VALD: &str = "Pröva hur utdraget lämnas: uppgift om våld i nära relation kan sätta personen i fara om någon annan läser (OSL 26 kap. 1 §).";

/// Why a journal entry is marked, if it is.
fn journalmarkering(a: &lots_domain::Arende, provning: Option<bool>) -> &'static str {
    match (partsinsyn::anteckning_visas(a, provning), provning) {
        (true, _) => "",
        (false, Some(_)) => {
            "Prövad för Mina sidor: nämner en annan person. Pröva sekretessen (OSL 26 kap. 1 §)."
        }
        (false, None) => {
            "Pröva: ärendet började med en anmälan eller uppgift från någon annan, och anteckningen kan nämna den (OSL 26 kap. 5 §)."
        }
    }
}

/// Why an event is marked, if it is. `fran_enskild`: the person (or their ombud) caused it.
fn handelsemarkering(h: &Handelse, fran_enskild: bool) -> &'static str {
    if !partsinsyn::visas_for_enskild(h) {
        return PROVA_VALD;
    }
    match partsinsyn::undanhallet(h, fran_enskild) {
        Some(Undanhallet::Anmalare) => PROVA_ANMALARE,
        Some(Undanhallet::Uppgiftslamnare) => PROVA_UPPGIFTSLAMNARE,
        Some(Undanhallet::Dokument) => PROVA_DOKUMENT,
        None => "",
    }
}

pub async fn pdf(
    State(s): State<AppState>,
    i: Inloggad,
    Path(id): Path<String>,
) -> Result<Response, WebFel> {
    let oppnad = atkomst::oppna_person(&s, &i, &id, PersonSyfte::Lasa).await?;
    policy::krav(
        &i.anvandare,
        Atgard::Registerutdrag {
            skyddad: oppnad.person.skyddad,
            agerar: oppnad.agerar,
        },
    )?;
    let p = oppnad.person;
    let kommun = i.anvandare.kommun;
    let (lasbara, ovriga): (Vec<ArendeRad>, Vec<ArendeRad>) = oppnad
        .arenden
        .into_iter()
        .partition(|r| policy::far(&i.anvandare, Atgard::LasaArende(ArendeResurs::av(r))));
    let anvandare = s.store.organisation().alla_anvandare(kommun).await?;
    let enheter = s.store.organisation().enheter(kommun).await?;
    let n = Namn {
        anvandare: &anvandare,
        enheter: &enheter,
    };
    let egen = s.store.mina_sidor().mina_sidor_konto(kommun).await?.id;

    let mut arendelista = vec![];
    let mut beslut = vec![];
    let mut utredning = vec![];
    let mut journal = vec![];
    let mut handelser = vec![];
    for r in &lasbara {
        let Some((_, a)) = s.store.arenden().arende(r.kommun, r.id).await? else {
            continue;
        };
        let dnr = r.beteckning();
        arendelista.push(vec![
            dnr.clone(),
            r.enhet_namn.clone(),
            r.inkom.to_string(),
            a.status().namn().to_string(),
            "Med i utdraget".into(),
        ]);
        beslut.extend(beslutsrader(&dnr, &a));
        utredning.extend(utredningsrader(&dnr, &a));
        for j in s.store.arenden().journal_i_arende(r.kommun, r.id).await? {
            journal.push(vec![
                dnr.clone(),
                j.datum.to_string(),
                j.forfattare.clone(),
                j.text.clone(),
                journalmarkering(&a, j.provning).into(),
            ]);
        }
        for h in s.store.arenden().handelser(r.kommun, r.id).await? {
            let (rubrik, detaljer) = beskriv(&h.handelse, &a, &n);
            let mut text = rubrik;
            for d in detaljer {
                text.push_str(". ");
                text.push_str(&d);
            }
            handelser.push(vec![
                dnr.clone(),
                lots_domain::tid::svensk_dag(h.tidpunkt).to_string(),
                text,
                handelsemarkering(&h.handelse, h.aktor == egen).into(),
            ]);
        }
    }
    for r in &ovriga {
        arendelista.push(vec![
            r.beteckning(),
            r.enhet_namn.clone(),
            r.inkom.to_string(),
            String::new(),
            format!(
                "Innehållet granskas av {} innan utdraget skickas (inre sekretess, OSL 26 kap. 1 §).",
                r.enhet_namn
            ),
        ]);
    }
    let fullmakter = s
        .store
        .mina_sidor()
        .fullmakter_for_person(kommun, p.id)
        .await?
        .into_iter()
        .map(|f| {
            vec![
                format!("{} ({})", f.ombud_namn, f.ombud_identitet),
                match f.omfattning {
                    lots_domain::fullmakt::Omfattning::Lasa => "Följa ärendena",
                    lots_domain::fullmakt::Omfattning::ForaTalan => "Föra talan",
                }
                .into(),
                lots_domain::tid::svensk_dag(f.registrerad).to_string(),
                f.giltig_till.map(|d| d.to_string()).unwrap_or_default(),
                if f.aterkallad.is_some() {
                    "Återkallad"
                } else {
                    "Gäller"
                }
                .into(),
            ]
        })
        .collect();

    // The read is logged before the response leaves: the cases read, and those only listed.
    let mut poster: Vec<_> = lasbara
        .iter()
        .map(|r| arendepost(&i, "registerutdrag", r))
        .collect();
    poster.extend(
        ovriga
            .iter()
            .map(|r| arendepost(&i, "registerutdrag.forteckning", r)),
    );
    if poster.is_empty() {
        poster.push(super::personpost("registerutdrag", &p));
    }
    s.store
        .granskning()
        .logga_lasning(&i.aktor(), &poster, s.nu())
        .await?;

    let gallring = super::person::gallringstext(&s, &p).await?;
    let sektioner = vec![
        sektion(
            "Uppgifter i personregistret",
            &["Uppgift", "Värde"],
            vec![
                vec!["Namn".into(), p.namn()],
                vec!["Identitet".into(), p.identitet.visning()],
                vec!["Adress".into(), p.adress.clone()],
                vec![
                    "Skyddade personuppgifter".into(),
                    if p.skyddad { "Ja" } else { "Nej" }.into(),
                ],
                vec!["Hur länge uppgifterna sparas".into(), gallring],
            ],
            "",
        ),
        sektion(
            "Ärenden",
            &["Diarienummer", "Enhet", "Inkom", "Läge", "I utdraget"],
            arendelista,
            "Personen har inga ärenden.",
        ),
        sektion(
            "Beslut",
            &[
                "Ärende",
                "Datum",
                "Insats",
                "Utfall",
                "Motivering",
                "Gäller",
            ],
            beslut,
            "Inga beslut.",
        ),
        sektion(
            "Utredning",
            &["Ärende", "Datum", "Livsområde", "Text"],
            utredning,
            "Ingen utredning per livsområde.",
        ),
        sektion(
            "Journal",
            &["Ärende", "Datum", "Skriven av", "Anteckning", "Att pröva"],
            journal,
            "Inga journalanteckningar.",
        ),
        sektion(
            "Händelser i ärendena",
            &["Ärende", "Datum", "Händelse", "Att pröva"],
            handelser,
            "Inga händelser.",
        ),
        sektion(
            "Fullmakter",
            &["Ombud", "Omfattning", "Registrerad", "Giltig till", "Läge"],
            fullmakter,
            "Inga fullmakter.",
        ),
    ];
    let idag = lots_domain::tid::svensk_dag(s.nu());
    // The person's own kommun: a server may serve several (issue 18 item 8).
    let kommun_namn = s.kommunnamn(p.kommun).await?;
    let mut noter = vec![
        "Granska innan utdraget skickas. Det som är markerat \"Pröva\" kan omfattas av sekretess mot personen själv. Att hålla inne en uppgift är ett beslut som personen kan överklaga; skriv vad som hållits inne och med stöd av vilken bestämmelse (OSL 12 kap. 1 §, 26 kap. 1 och 5 §§; dataskyddsförordningen art. 15.4).".into(),
        format!(
            "Ändamål: handläggning och dokumentation av ärenden inom socialtjänsten hos {} (socialtjänstlagen 2025:400, förvaltningslagen). Rättslig grund: myndighetsutövning och rättslig förpliktelse (dataskyddsförordningen art. 6.1 c och e, art. 9.2 h).",
            kommun_namn
        ),
        "Mottagare: uppgifter lämnas till utförare som fått uppdrag att verkställa ett beslut, och till andra myndigheter bara när lag kräver det. Källor: personen själv, och för anmälningar och uppgifter från andra den som anmälde eller lämnade uppgiften.".into(),
        "Personens rättigheter: att få felaktiga uppgifter rättade (art. 16), att begära begränsning (art. 18), och att klaga hos Integritetsskyddsmyndigheten. Uppgifter i socialtjänstens akter får inte raderas på begäran innan gallringstiden har gått ut (socialtjänstlagen 16 kap.). Vem som läst akten kan begäras i ett eget utdrag ur loggen.".into(),
        "Utdraget ska lämnas senast en månad efter att begäran kom in (dataskyddsförordningen art. 12.3).".into(),
    ];
    if p.skyddad {
        noter.insert(
            0,
            "Personen har skyddade personuppgifter. Skicka utdraget via Skatteverkets förmedling, aldrig direkt till en adress.".into(),
        );
    }
    let rapport = lots_documents::Rapport {
        kommun: kommun_namn,
        titel: format!("Registerutdrag: {}", p.namn()),
        undertitel: format!(
            "{}. Gjort {idag} av {} för granskning innan det skickas.",
            p.identitet.visning(),
            i.anvandare.namn
        ),
        datum: idag,
        sektioner,
        noter,
    };
    let pdf = lots_documents::rapport(&rapport).map_err(|e| {
        tracing::error!(error = %e, "registerutdrag pdf");
        WebFel::Ogiltig("Registerutdraget kunde inte göras. Försök igen om en stund.".into())
    })?;
    Ok(pdf_fil(&format!("registerutdrag-{idag}.pdf"), pdf))
}

// ---------------------------------------------------------------------------------------
// The request itself: registered, answered for, extended and answered within the time
// GDPR art. 12.3 sets (`lots_domain::registerutdrag`). The same ground as for the extract:
// staff who act on one of the person's cases (`Atgard::Registerutdrag`).

/// The person, if the user may handle their registerutdrag.
async fn person_for_begaran(
    s: &AppState,
    i: &Inloggad,
    id: &str,
) -> Result<lots_store::Person, WebFel> {
    let oppnad = atkomst::oppna_person(s, i, id, PersonSyfte::Lasa).await?;
    policy::krav(
        &i.anvandare,
        Atgard::Registerutdrag {
            skyddad: oppnad.person.skyddad,
            agerar: oppnad.agerar,
        },
    )?;
    Ok(oppnad.person)
}

/// The person and one of their requests, still unanswered; another person's or kommun's is
/// not there. An answered request is closed: nothing more is done with it.
async fn begaran(
    s: &AppState,
    i: &Inloggad,
    id: &str,
    rid: &str,
) -> Result<(lots_store::Person, Registerutdragsbegaran), WebFel> {
    let p = person_for_begaran(s, i, id).await?;
    let rid: RegisterutdragId = rid.parse().map_err(|_| WebFel::Saknas)?;
    let b = s
        .store
        .registerutdrag()
        .hamta(i.anvandare.kommun, rid)
        .await?
        .filter(|b| b.person == p.id)
        .ok_or(WebFel::Saknas)?;
    if let Some(d) = b.besvarad {
        return Err(WebFel::Ogiltig(format!(
            "Begäran besvarades redan {d}. Ladda om personens sida."
        )));
    }
    Ok((p, b))
}

fn tillbaka_till(p: &lots_store::Person) -> String {
    format!("/personer/{}#rubrik-registerutdrag", p.id)
}

/// Back to the person once a change is stored; a change that another made impossible
/// meanwhile (answered or extended in another tab) is said so, and nothing was stored.
fn tillbaka_efter(
    r: Result<(), lots_store::StoreError>,
    p: &lots_store::Person,
) -> Result<Response, WebFel> {
    match r {
        Ok(()) => Ok(Redirect::to(&tillbaka_till(p)).into_response()),
        Err(lots_store::StoreError::Konflikt(_)) => Err(WebFel::Ogiltig(
            "Begäran har ändrats under tiden: förlängts eller besvarats. Ingenting sparades. Ladda om personens sida."
                .into(),
        )),
        Err(e) => Err(e.into()),
    }
}

fn formularsida(
    i: &Inloggad,
    p: &lots_store::Person,
    rubrik: String,
    ingress: String,
    action: String,
    knapp: &'static str,
) -> Formularsida {
    Formularsida {
        sida: Sida::av(i),
        rubrik,
        ingress,
        tillbaka: tillbaka_till(p),
        tillbaka_text: "personen".into(),
        action,
        knapp,
        multipart: false,
        forhandsgranska: false,
        meddelande: None,
        falt: vec![],
        fel: vec![],
        lankar: vec![],
        notis: None,
        utkast: None,
    }
}

fn ny_falt(idag: Date) -> Vec<Falt> {
    vec![
        Falt::datum("mottagen", "Dagen begäran kom in")
            .varde(idag)
            .kravs()
            .hjalp("Dagen den kom till förvaltningen, även om den öppnades senare. Svaret ska lämnas inom en månad från den dagen."),
        Falt::val(
            "kanal",
            "Hur begäran kom in",
            "radio",
            Kanal::ALLA.map(|k| (k.kod().to_string(), k.namn().to_string())),
        )
        .kravs(),
    ]
}

fn ny_formular(
    i: &Inloggad,
    p: &lots_store::Person,
    falt: Vec<Falt>,
    fel: Vec<(String, String)>,
) -> Formularsida {
    Formularsida {
        falt,
        fel,
        ..formularsida(
            i,
            p,
            format!("Begäran om registerutdrag från {}", p.namn()),
            "Personen har rätt att få veta vilka uppgifter nämnden har om hen (GDPR art. 15). \
             Svaret ska lämnas utan onödigt dröjsmål och senast en månad efter att begäran kom in \
             (art. 12.3). Du svarar för begäran och ser den på din startsida tills den är besvarad."
                .into(),
            format!("/personer/{}/registerutdrag/ny", p.id),
            "Registrera begäran",
        )
    }
}

pub async fn ny_sida(
    State(s): State<AppState>,
    i: Inloggad,
    Path(id): Path<String>,
) -> Result<Response, WebFel> {
    let p = person_for_begaran(&s, &i, &id).await?;
    Ok(ny_formular(&i, &p, ny_falt(svensk_dag(s.nu())), vec![]).into_response())
}

fn datumfalt(f: &Formular, namn: &'static str, fel: &mut Vec<FaltFel>) -> Option<Date> {
    match lots_store::las_datum(&f.text(namn)) {
        Ok(d) => Some(d),
        Err(_) => {
            fel.push(FaltFel {
                falt: namn,
                text: "Skriv ett datum som ÅÅÅÅ-MM-DD.".into(),
            });
            None
        }
    }
}

fn domanfel(fel: &mut Vec<FaltFel>, f: Vec<lots_domain::registerutdrag::Fel>) {
    fel.extend(f.into_iter().map(|f| FaltFel {
        falt: f.falt,
        text: f.text,
    }));
}

pub async fn registrera(
    State(s): State<AppState>,
    i: Inloggad,
    Path(id): Path<String>,
    f: Formular,
) -> Result<Response, WebFel> {
    i.kontrollera_csrf(&f)?;
    let p = person_for_begaran(&s, &i, &id).await?;
    let idag = svensk_dag(s.nu());
    let mut fel = vec![];
    let mottagen = datumfalt(&f, "mottagen", &mut fel);
    if let Some(d) = mottagen
        && let Err(e) = lots_domain::registerutdrag::prova_mottagen(d, idag)
    {
        domanfel(&mut fel, vec![e]);
    }
    let kanal = Kanal::fran_kod(&f.text("kanal"));
    if kanal.is_none() {
        fel.push(FaltFel {
            falt: "kanal",
            text: "Välj hur begäran kom in.".into(),
        });
    }
    let (Some(mottagen), Some(kanal), true) = (mottagen, kanal, fel.is_empty()) else {
        let mut falt = ny_falt(idag);
        let sammanfattning = fyll(&mut falt, &f, &fel);
        return Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            ny_formular(&i, &p, falt, sammanfattning),
        )
            .into_response());
    };
    s.store
        .registerutdrag()
        .registrera(&p, mottagen, kanal, &i.aktor(), s.nu())
        .await?;
    Ok(Redirect::to(&tillbaka_till(&p)).into_response())
}

fn forlang_falt(b: &Registerutdragsbegaran) -> Vec<Falt> {
    vec![
        Falt::datum("till", "Ny sista dag")
            .varde(lots_domain::registerutdrag::langst_forlangd(b.mottagen))
            .kravs()
            .hjalp("Högst två månader till, alltså senast tre månader efter att begäran kom in."),
        Falt::textarea("skal", "Varför mer tid behövs")
            .kravs()
            .hjalp("Skälen ska meddelas personen, inom den första månaden."),
    ]
}

fn forlang_formular(
    i: &Inloggad,
    p: &lots_store::Person,
    b: &Registerutdragsbegaran,
    falt: Vec<Falt>,
    fel: Vec<(String, String)>,
) -> Formularsida {
    Formularsida {
        falt,
        fel,
        ..formularsida(
            i,
            p,
            format!("Förläng tiden för registerutdrag till {}", p.namn()),
            format!(
                "Begäran kom in {} och ska besvaras senast {}. Tiden får förlängas med högst två \
                 månader om begäran är komplicerad eller om många begäranden har kommit in, och \
                 personen ska få veta det och varför inom den första månaden (GDPR art. 12.3). \
                 Tiden kan förlängas en gång.",
                b.mottagen, b.svar_senast
            ),
            format!("/personer/{}/registerutdrag/{}/forlang", p.id, b.id),
            "Förläng",
        )
    }
}

pub async fn forlang_sida(
    State(s): State<AppState>,
    i: Inloggad,
    Path((id, rid)): Path<(String, String)>,
) -> Result<Response, WebFel> {
    let (p, b) = begaran(&s, &i, &id, &rid).await?;
    Ok(forlang_formular(&i, &p, &b, forlang_falt(&b), vec![]).into_response())
}

pub async fn forlang(
    State(s): State<AppState>,
    i: Inloggad,
    Path((id, rid)): Path<(String, String)>,
    f: Formular,
) -> Result<Response, WebFel> {
    i.kontrollera_csrf(&f)?;
    let (p, b) = begaran(&s, &i, &id, &rid).await?;
    let idag = svensk_dag(s.nu());
    let mut fel = vec![];
    let skal = f.text("skal");
    let till = datumfalt(&f, "till", &mut fel);
    if let Some(till) = till
        && let Err(e) = lots_domain::registerutdrag::prova_forlangning(
            b.mottagen,
            b.svar_senast,
            b.forlangd_till.is_some(),
            till,
            &skal,
            idag,
        )
    {
        domanfel(&mut fel, e);
    }
    let till = match till {
        Some(till) if fel.is_empty() => till,
        _ => {
            let mut falt = forlang_falt(&b);
            let sammanfattning = fyll(&mut falt, &f, &fel);
            return Ok((
                StatusCode::UNPROCESSABLE_ENTITY,
                forlang_formular(&i, &p, &b, falt, sammanfattning),
            )
                .into_response());
        }
    };
    let r = s
        .store
        .registerutdrag()
        .forlang(&b, till, &skal, &i.aktor(), s.nu())
        .await;
    tillbaka_efter(r, &p)
}

fn svar_falt(idag: Date) -> Vec<Falt> {
    vec![
        Falt::datum("besvarad", "Dagen svaret skickades eller lämnades")
            .varde(idag)
            .kravs(),
        Falt::val(
            "utfall",
            "Svaret",
            "radio",
            Utfall::ALLA.map(|u| (u.kod().to_string(), u.namn().to_string())),
        )
        .kravs(),
        Falt::textarea("skal", "Skäl")
            .hjalp("Krävs om något undantogs eller om begäran avslogs: vad, varför och med stöd av vad. Personen ska få skälen och veta att hen kan klaga hos Integritetsskyddsmyndigheten och gå till domstol (GDPR art. 12.4)."),
    ]
}

fn svar_formular(
    i: &Inloggad,
    p: &lots_store::Person,
    b: &Registerutdragsbegaran,
    falt: Vec<Falt>,
    fel: Vec<(String, String)>,
) -> Formularsida {
    Formularsida {
        falt,
        fel,
        ..formularsida(
            i,
            p,
            format!("Registerutdrag till {}: svaret", p.namn()),
            format!(
                "Begäran kom in {} och ska besvaras senast {}. Gå igenom utdraget \
                 (länken på personens sida) och pröva det som är markerat innan det skickas.",
                b.mottagen,
                b.senast()
            ),
            format!("/personer/{}/registerutdrag/{}/besvara", p.id, b.id),
            "Spara svaret",
        )
    }
}

pub async fn besvara_sida(
    State(s): State<AppState>,
    i: Inloggad,
    Path((id, rid)): Path<(String, String)>,
) -> Result<Response, WebFel> {
    let (p, b) = begaran(&s, &i, &id, &rid).await?;
    Ok(svar_formular(&i, &p, &b, svar_falt(svensk_dag(s.nu())), vec![]).into_response())
}

pub async fn besvara(
    State(s): State<AppState>,
    i: Inloggad,
    Path((id, rid)): Path<(String, String)>,
    f: Formular,
) -> Result<Response, WebFel> {
    i.kontrollera_csrf(&f)?;
    let (p, b) = begaran(&s, &i, &id, &rid).await?;
    let idag = svensk_dag(s.nu());
    let mut fel = vec![];
    let besvarad = datumfalt(&f, "besvarad", &mut fel);
    let utfall = Utfall::fran_kod(&f.text("utfall"));
    if utfall.is_none() {
        fel.push(FaltFel {
            falt: "utfall",
            text: "Välj vad svaret blev.".into(),
        });
    }
    let skal = f.text("skal");
    if let (Some(d), Some(u)) = (besvarad, utfall)
        && let Err(e) = lots_domain::registerutdrag::prova_svar(b.mottagen, d, idag, u, &skal)
    {
        domanfel(&mut fel, e);
    }
    let (Some(besvarad), Some(utfall), true) = (besvarad, utfall, fel.is_empty()) else {
        let mut falt = svar_falt(idag);
        let sammanfattning = fyll(&mut falt, &f, &fel);
        return Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            svar_formular(&i, &p, &b, falt, sammanfattning),
        )
            .into_response());
    };
    let r = s
        .store
        .registerutdrag()
        .besvara(&b, besvarad, utfall, &skal, &i.aktor(), s.nu())
        .await;
    tillbaka_efter(r, &p)
}

/// "Jag tar över": the one who registered it is away, and the request must not wait.
pub async fn ta_over(
    State(s): State<AppState>,
    i: Inloggad,
    Path((id, rid)): Path<(String, String)>,
    f: Formular,
) -> Result<Response, WebFel> {
    i.kontrollera_csrf(&f)?;
    let (p, b) = begaran(&s, &i, &id, &rid).await?;
    if b.ansvarig == i.anvandare.id {
        return Ok(Redirect::to(&tillbaka_till(&p)).into_response());
    }
    let r = s
        .store
        .registerutdrag()
        .ta_over(&b, &i.aktor(), s.nu())
        .await;
    tillbaka_efter(r, &p)
}
