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
use axum::response::Response;
use lots_domain::Handelse;
use lots_domain::arende::partsinsyn::{self, Undanhallet};
use lots_store::ArendeRad;

use super::akt::{beslutsrader, pdf_fil, sektion, utredningsrader};
use super::arendepost;
use crate::AppState;
use crate::atkomst::{self, PersonSyfte};
use crate::auth::Inloggad;
use crate::fel::WebFel;
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
        for h in s.store.arenden().handelser(r.id).await? {
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
