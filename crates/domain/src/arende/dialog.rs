//! The dialogue between the person and the handläggare: secure messages,
//! requests for documents or information (komplettering), and requests for a
//! meeting. All of it lives in the case's events (DESIGN.md, Events) so it is
//! part of the personakt like any other step (SoL 14 kap.).
//!
//! The person acts through Mina sidor, whose system account has no role that
//! the rules could depend on: nothing here looks at the role or the
//! delegationsordning.

use serde::{Deserialize, Serialize};
use time::Date;

use crate::ids::*;
use crate::kalender::forsta_vardag_efter;

/// The working days within which the unit promises to answer a message from
/// the person. Not a statutory time limit: the unit's own service promise,
/// shown to the person when they write, in the spirit of FL 6 § (help to the
/// individual "utan onödigt dröjsmål"). The same time is used for booking a
/// meeting the person asked for.
pub const MEDDELANDE_SVARSTID: u32 = 2;

/// The longest text the person or the handläggare can write in one message or
/// answer. Long enough for a letter; short enough to read on a phone.
pub const MEDDELANDE_MAX_TECKEN: usize = 5000;

/// The day the unit promises an answer by: [`MEDDELANDE_SVARSTID`] working days
/// after the day the message was sent. A working day is a vardag in the sense of
/// lag (1930:173) 2 § (not Saturday, Sunday, an allmän helgdag, midsommarafton,
/// julafton or nyårsafton); a message sent on a non-working day counts from the
/// next working day, as a letter arriving then would.
pub fn svar_senast(skickat: Date) -> Date {
    (0..MEDDELANDE_SVARSTID).fold(skickat, |d, _| forsta_vardag_efter(d))
}

/// Who wrote: the person (or an ombud under a fullmakt, FL 14 §, named as
/// given) or the handläggare.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "typ", rename_all = "snake_case")]
pub enum Avsandare {
    Enskild { ombud: Option<String> },
    Handlaggare,
}

impl Avsandare {
    pub fn ar_enskild(&self) -> bool {
        matches!(self, Self::Enskild { .. })
    }
}

/// What the person can be asked to hand in. The catalogue follows the areas
/// Socialstyrelsen's guide to the utredning of ekonomiskt bistånd says the
/// handläggare covers with the person (seed 001, "Utreda": ekonomisk situation,
/// bostadssituation, arbetsliv och utbildning, fysisk och psykisk hälsa) and the
/// authorities it names for samverkan (seed 001, "Samverka": Arbetsförmedlingen,
/// Försäkringskassan, hälso- och sjukvården). The guide names areas, not
/// documents: the document for each area is the one units commonly ask for.
/// Anything else is `Annat`, described in the request's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Handlingstyp {
    /// Ekonomisk situation.
    Kontoutdrag,
    /// Bostadssituation.
    Hyresavi,
    /// Arbetsliv.
    Lonespecifikation,
    /// Samverkan med Försäkringskassan.
    BeslutForsakringskassan,
    /// Utbildning.
    BeslutCsn,
    /// Fysisk och psykisk hälsa; samverkan med hälso- och sjukvården.
    Lakarintyg,
    /// Samverkan med Arbetsförmedlingen.
    HandlingsplanArbetsformedlingen,
    /// Who the person is.
    IdHandling,
    /// Described in the request's text.
    Annat,
}

impl Handlingstyp {
    pub const ALLA: [Self; 9] = [
        Self::Kontoutdrag,
        Self::Hyresavi,
        Self::Lonespecifikation,
        Self::BeslutForsakringskassan,
        Self::BeslutCsn,
        Self::Lakarintyg,
        Self::HandlingsplanArbetsformedlingen,
        Self::IdHandling,
        Self::Annat,
    ];

    pub fn kod(self) -> &'static str {
        match self {
            Self::Kontoutdrag => "kontoutdrag",
            Self::Hyresavi => "hyresavi",
            Self::Lonespecifikation => "lonespecifikation",
            Self::BeslutForsakringskassan => "beslut_forsakringskassan",
            Self::BeslutCsn => "beslut_csn",
            Self::Lakarintyg => "lakarintyg",
            Self::HandlingsplanArbetsformedlingen => "handlingsplan_arbetsformedlingen",
            Self::IdHandling => "id_handling",
            Self::Annat => "annat",
        }
    }

    pub fn fran_kod(k: &str) -> Option<Self> {
        Self::ALLA.into_iter().find(|t| t.kod() == k)
    }

    pub fn namn(self) -> &'static str {
        match self {
            Self::Kontoutdrag => "Kontoutdrag för de senaste tre månaderna",
            Self::Hyresavi => "Hyresavi eller hyreskontrakt",
            Self::Lonespecifikation => "Lönespecifikation",
            Self::BeslutForsakringskassan => "Beslut från Försäkringskassan",
            Self::BeslutCsn => "Beslut från CSN",
            Self::Lakarintyg => "Läkarintyg",
            Self::HandlingsplanArbetsformedlingen => "Handlingsplan från Arbetsförmedlingen",
            Self::IdHandling => "Id-handling",
            Self::Annat => "Annat",
        }
    }

    /// `Annat` names nothing that can be recognised again, so it is never
    /// "redan inlämnad".
    pub fn kan_vara_inlamnad(self) -> bool {
        self != Self::Annat
    }
}

/// What the person asks to meet about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Motestyp {
    /// A follow-up of the insats or plan (seed 004: followed up with the person).
    Uppfoljning,
    /// A personal meeting with the handläggare.
    Personligt,
}

impl Motestyp {
    pub const ALLA: [Self; 2] = [Self::Uppfoljning, Self::Personligt];
    pub fn kod(self) -> &'static str {
        match self {
            Self::Uppfoljning => "uppfoljning",
            Self::Personligt => "personligt",
        }
    }
    pub fn fran_kod(k: &str) -> Option<Self> {
        Self::ALLA.into_iter().find(|t| t.kod() == k)
    }
    pub fn namn(self) -> &'static str {
        match self {
            Self::Uppfoljning => "Uppföljningsmöte",
            Self::Personligt => "Personligt möte",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meddelande {
    pub id: MeddelandeId,
    pub datum: Date,
    pub fran: Avsandare,
    pub text: String,
}

/// One answer to a request for komplettering.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KompletteringSvar {
    pub datum: Date,
    pub fran: Avsandare,
    pub text: String,
    pub dokument: Vec<DokumentId>,
}

/// A request for documents or information and what came of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Komplettering {
    pub id: KompletteringId,
    pub begard: Date,
    pub handlingar: Vec<Handlingstyp>,
    pub beskrivning: String,
    /// What will be accepted, e.g. "PDF, foto eller kopia".
    pub godtas: String,
    pub senast: Date,
    /// Why a document already accepted is asked for again.
    pub skal_trots_inlamnad: Option<String>,
    pub svar: Vec<KompletteringSvar>,
    pub godtagen: Option<Date>,
}

impl Komplettering {
    /// Still waiting: for the person to hand something in, or for the handläggare to accept it.
    pub fn oppen(&self) -> bool {
        self.godtagen.is_none()
    }

    /// Waits for the person: not accepted, and nothing handed in yet.
    pub fn vantar_pa_enskild(&self) -> bool {
        self.oppen() && self.svar.is_empty()
    }
}

/// The person's request for a meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Motesforfragan {
    pub datum: Date,
    pub typ: Motestyp,
    pub fran: Avsandare,
    pub text: String,
}
