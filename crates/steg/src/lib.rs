//! The one step service. Every step of a case, whether a staff member takes it
//! on a form, the person or their ombud on Mina sidor, or the demo, goes through
//! `ta_steg`. It:
//!
//! 1. reads the case's stored state once (`Arenden::arende`), or takes the one
//!    its caller just read (`ta_steg_med`);
//! 2. asks the domain whether the step is allowed and what it produces
//!    (`arende::handle`), and which letters that makes due
//!    (`arende::brev_for_steg`);
//! 3. writes those letters through `documents` (`brev`), loading the person,
//!    the nämnd's particulars and the staff names only when a letter is due;
//! 4. appends the events and the letters, updates the projections, writes the
//!    act's audit rows (who acted, and for whom on Mina sidor) and commits
//!    (`Arenden::utfor_for`: one transaction, all or nothing);
//! 5. returns the case's new state for the page.
//!
//! Handlers check access first (the web's `atkomst`), then hand the step here.

pub mod brev;

use lots_domain::arende::{self, Arende, Avvisning, Brev, Handelse, Kommando, Kontext};
use lots_domain::ids::{ArendeId, DokumentId};
use lots_store::{Aktor, ArendeRad, Bilaga, Store, StoreError, Utfort, bestam};
use time::{Date, OffsetDateTime};

pub use brev::{Avsandare, uppgifter_saknas};

/// One step to take.
pub struct Steg {
    /// Who acts: a staff member, or Mina sidor's account for the person.
    pub aktor: Aktor,
    /// The case; a new id for an aktualisering.
    pub arende: ArendeId,
    /// The step's command; more than one when they belong together (documents
    /// handed in with a komplettering), run in order in one transaction.
    pub kommandon: Vec<Kommando>,
    /// Files that come with the step (an uploaded document).
    pub bilagor: Vec<Bilaga>,
    pub nu: OffsetDateTime,
    /// The day in Sweden the step is taken: what the law's days count from.
    pub idag: Date,
    /// Who acted, when it is not the account itself: on Mina sidor the person,
    /// or which ombud under which fullmakt. Written on the step's audit rows in
    /// the step's own transaction.
    pub vem: Option<String>,
    /// The read of the case its form's handler opened it with, logged in the
    /// step's own transaction (one durable commit for both). None when the read
    /// was logged on its own, or the caller read nothing of the case.
    pub lasning: Option<lots_store::Granskningspost>,
    /// Write the letters the step makes due. Off only for synthetic demo cases,
    /// whose letters nobody reads and whose typesetting would dominate the run.
    pub skriv_brev: bool,
}

/// Why a step was not taken. Nothing was stored.
#[derive(Debug, thiserror::Error)]
pub enum Stegfel {
    /// The domain refused the step: the reason is for the form.
    #[error("{0}")]
    Avvisad(Avvisning),
    /// A letter the step needs could not be written (e.g. the nämnd's
    /// particulars are missing); a Swedish message for the form.
    #[error("{0}")]
    Brev(String),
    /// Someone else changed the case at the same moment.
    #[error("the case changed concurrently")]
    Samtidigt,
    #[error(transparent)]
    Store(StoreError),
}

impl From<StoreError> for Stegfel {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Avvisad(a) => Stegfel::Avvisad(a),
            e if e.ar_unik_krock() => Stegfel::Samtidigt,
            e => Stegfel::Store(e),
        }
    }
}

/// Takes a step: see the module's description. `kommun_namn` is printed as the
/// sender of any letter.
pub async fn ta_steg(store: &Store, kommun_namn: &str, steg: Steg) -> Result<Utfort, Stegfel> {
    ta_steg_med(store, kommun_namn, steg, None).await
}

/// `ta_steg` for a caller that has just read the case to check access: the row
/// and state it read decide which letters are due, instead of a second read
/// (1. above). Either read is taken before the step's transaction; the store
/// decides every command again in it, from the state as stored then.
pub async fn ta_steg_med(
    store: &Store,
    kommun_namn: &str,
    steg: Steg,
    lage: Option<(ArendeRad, Arende)>,
) -> Result<Utfort, Stegfel> {
    let Steg {
        aktor,
        arende: id,
        kommandon,
        mut bilagor,
        nu,
        idag,
        vem,
        lasning,
        skriv_brev,
    } = steg;
    let mut alla = kommandon.clone();
    let lage = match lage {
        Some(l) => Some(l),
        None if skriv_brev => store.arenden().arende(aktor.kommun, id).await?,
        None => None,
    };
    if skriv_brev && let Some((rad, fore)) = lage {
        let ordning = store
            .organisation()
            .delegationsordning_i_kraft(aktor.kommun, idag)
            .await?;
        let ctx = Kontext {
            idag,
            aktor: aktor.id,
            roll: aktor.roll,
            delegationsordning: &ordning,
        };
        // Each command against the state the previous one left, as the store runs them.
        let mut efter = Some(fore.clone());
        let mut due: Vec<(Arende, Brev)> = vec![];
        for k in kommandon {
            let innan = efter.clone();
            let handelser = bestam(&mut efter, id, k, &ctx).map_err(Stegfel::Avvisad)?;
            if let Some(innan) = innan {
                for b in arende::brev_for_steg(&innan, &handelser) {
                    due.push((innan.clone(), b));
                }
            }
        }
        if !due.is_empty() {
            let person = store
                .personer()
                .person(rad.kommun, rad.person)
                .await?
                .ok_or(StoreError::Saknas)?;
            let uppgifter = store.organisation().namnduppgifter(rad.kommun).await?;
            let anvandare = store.organisation().alla_anvandare(rad.kommun).await?;
            // A kommuniceringsbrev lists the case's documents it encloses.
            let dokument = if due
                .iter()
                .any(|(_, b)| matches!(b, Brev::Kommuniceringsbrev { .. }))
            {
                dokumentnamn(&store.arenden().dokumenthandelser(rad.kommun, id).await?)
            } else {
                vec![]
            };
            let diarienummer = rad.beteckning();
            let fran = Avsandare {
                kommun: kommun_namn,
                enhet: &rad.enhet_namn,
                anvandare: &anvandare,
                uppgifter: uppgifter.as_ref(),
                diarienummer: &diarienummer,
                beslutsfattare: aktor.id,
                dokument: &dokument,
            };
            for (innan, b) in &due {
                let (k, fil) = brev::skriv(b, innan, &person, &fran).map_err(Stegfel::Brev)?;
                alla.push(k);
                bilagor.push(fil);
            }
        }
    }
    Ok(store
        .arenden()
        .utfor_for(
            &aktor,
            vem.as_deref(),
            lasning.as_ref(),
            id,
            alla,
            nu,
            idag,
            bilagor,
        )
        .await?)
}

/// The decision letter that `kommando` (a `FattaBeslut` from the decision form) would
/// lead to once sent, marked as a preview on every page (issue 20 item 5). The domain
/// decides the command exactly as the step would (the same refusals, the same
/// delegation), against a copy of the case's state: nothing is stored, no event
/// recorded. The caller has checked access as for the step and logs the read.
pub async fn forhandsgranska_beslutsbrev(
    store: &Store,
    kommun_namn: &str,
    aktor: &Aktor,
    idag: Date,
    (rad, fore): (&ArendeRad, &Arende),
    kommando: Kommando,
) -> Result<Vec<u8>, Stegfel> {
    let ordning = store
        .organisation()
        .delegationsordning_i_kraft(aktor.kommun, idag)
        .await?;
    let ctx = Kontext {
        idag,
        aktor: aktor.id,
        roll: aktor.roll,
        delegationsordning: &ordning,
    };
    let mut efter = Some(fore.clone());
    let handelser = bestam(&mut efter, rad.id, kommando, &ctx).map_err(Stegfel::Avvisad)?;
    let beslut = handelser.iter().find_map(|h| match h {
        Handelse::BeslutFattat(b) => Some(b.id),
        _ => None,
    });
    let (Some(beslut), Some(efter)) = (beslut, efter) else {
        return Err(Stegfel::Brev(
            "Det finns inget beslut att förhandsgranska i formuläret.".into(),
        ));
    };
    let person = store
        .personer()
        .person(rad.kommun, rad.person)
        .await?
        .ok_or(StoreError::Saknas)?;
    let uppgifter = store.organisation().namnduppgifter(rad.kommun).await?;
    let anvandare = store.organisation().alla_anvandare(rad.kommun).await?;
    let diarienummer = rad.beteckning();
    let fran = Avsandare {
        kommun: kommun_namn,
        enhet: &rad.enhet_namn,
        anvandare: &anvandare,
        uppgifter: uppgifter.as_ref(),
        diarienummer: &diarienummer,
        beslutsfattare: aktor.id,
        dokument: &[],
    };
    // As if sent today by letter: the last day to appeal is known only under förenklad
    // delgivning, which is chosen when the decision is sent (DelgL 24 §).
    let brev = Brev::Beslutsbrev {
        beslut,
        datum: idag,
        sista_dag_att_overklaga: None,
    };
    let (pdf, _) = brev::rendera(&brev, &efter, &person, &fran, true).map_err(Stegfel::Brev)?;
    Ok(pdf)
}

/// The documents attached to the case, by name, oldest first (not the letters
/// Lots wrote: those are not material to enclose).
pub fn dokumentnamn(handelser: &[lots_store::LagradHandelse]) -> Vec<(DokumentId, String)> {
    handelser
        .iter()
        .filter_map(|h| match &h.handelse {
            Handelse::DokumentBifogat { dokument, namn, .. } => Some((*dokument, namn.clone())),
            _ => None,
        })
        .collect()
}
