//! Which letters a step makes due, and with which facts. The rule of each
//! letter sits in the phase that owns the step (`beslut`, `utredning`,
//! `overklagande`); this module names the letters and asks each phase.
//!
//! The answer is a plain description: what to write, not how. Rendering the
//! letter (the nämnd's particulars, the recipient's address, the PDF) happens
//! outside the domain, from this description and the case's state before the step.

use time::Date;

use super::{Arende, BrevTyp, Handelse};
use crate::delegation::DelegationsRef;
use crate::ids::{BeslutId, DokumentId, KommuniceringId};
use crate::insats::InsatsTyp;

/// A letter due after a step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Brev {
    /// FL 33 §: the decision with appeal instructions, when it is sent.
    Beslutsbrev {
        beslut: BeslutId,
        /// The day it is sent.
        datum: Date,
        /// FL 44 §: the last day to appeal, known in advance only under
        /// förenklad delgivning (DelgL 24 §).
        sista_dag_att_overklaga: Option<Date>,
    },
    /// DelgL 22 §: the kontrollmeddelande of a förenklad delgivning.
    Kontrollmeddelande {
        beslut: BeslutId,
        /// The day it goes out: the working day after the decision was sent.
        datum: Date,
        /// The day the decision was sent.
        skickat: Date,
        /// DelgL 24 §: the day the person counts as served.
        delgiven: Date,
    },
    /// FL 25 §: the material of a kommunicering, sent by letter or on Mina sidor.
    Kommuniceringsbrev {
        kommunicering: KommuniceringId,
        datum: Date,
        /// The material, one line each.
        material: Vec<String>,
        /// The case's documents enclosed, exactly those recorded.
        bifogat: Vec<DokumentId>,
        /// How the material was otherwise made available, if recorded.
        tillgangligt: Option<String>,
        /// The last day to answer (lag (1930:173) 2 §, as stored).
        svara_senast: Date,
    },
    /// FL 45 §: a late appeal dismissed, in a decision that can be appealed.
    Avvisningsbeslut {
        beslut: BeslutId,
        datum: Date,
        /// The day the appeal came in.
        inkom: Date,
        /// The day the appealed decision was served.
        delgiven: Date,
        /// The last day the appeal could have come in.
        sista_dag: Date,
    },
    /// FL 12 §: a request for a decision rejected, in a decision that can be appealed.
    BeslutOmBegaranOmAvgorande {
        datum: Date,
        /// The day the person asked.
        begard: Date,
        /// The undecided applications the request was about.
        insatser: Vec<InsatsTyp>,
        motivering: String,
        /// The point of the delegationsordning the rejection was made under.
        delegation: Option<DelegationsRef>,
    },
}

impl Brev {
    pub fn typ(&self) -> BrevTyp {
        match self {
            Brev::Beslutsbrev { .. } => BrevTyp::Beslutsbrev,
            Brev::Kontrollmeddelande { .. } => BrevTyp::Kontrollmeddelande,
            Brev::Kommuniceringsbrev { .. } => BrevTyp::Kommuniceringsbrev,
            Brev::Avvisningsbeslut { .. } => BrevTyp::Avvisningsbeslut,
            Brev::BeslutOmBegaranOmAvgorande { .. } => BrevTyp::BeslutOmBegaranOmAvgorande,
        }
    }

    /// The letter's date.
    pub fn datum(&self) -> Date {
        match self {
            Brev::Beslutsbrev { datum, .. }
            | Brev::Kontrollmeddelande { datum, .. }
            | Brev::Kommuniceringsbrev { datum, .. }
            | Brev::Avvisningsbeslut { datum, .. }
            | Brev::BeslutOmBegaranOmAvgorande { datum, .. } => *datum,
        }
    }

    /// What the letter belongs to in the case: a decision, a kommunicering, or
    /// (a rejected request for a decision) the case itself.
    pub fn hor_till(&self) -> (Option<BeslutId>, Option<KommuniceringId>) {
        match self {
            Brev::Beslutsbrev { beslut, .. }
            | Brev::Kontrollmeddelande { beslut, .. }
            | Brev::Avvisningsbeslut { beslut, .. } => (Some(*beslut), None),
            Brev::Kommuniceringsbrev { kommunicering, .. } => (None, Some(*kommunicering)),
            Brev::BeslutOmBegaranOmAvgorande { .. } => (None, None),
        }
    }
}

/// The letters due after a step: `fore` is the case before the step, `handelser`
/// the events `handle` returned for it. Letters come in the order of the events.
pub fn brev_for_steg(fore: &Arende, handelser: &[Handelse]) -> Vec<Brev> {
    let mut ut = vec![];
    for h in handelser {
        super::beslut::brev(fore, h, &mut ut);
        super::utredning::brev(fore, h, &mut ut);
        super::overklagande::brev(fore, h, handelser, &mut ut);
    }
    ut
}
