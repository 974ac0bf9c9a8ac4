//! The plan toward self-sufficiency (issue 16, items 5–6): made with the person, with the
//! person's part and the socialtjänst's part both written, followed up by numbers and in the
//! person's own words, revised as a new version, and the end of aid with its reason
//! (Socialstyrelsen, *Att utreda behov av försörjningsstöd*, the chapters on planning and
//! follow-up; SoL 3 kap. 5 §: insatser are planned together with the person; HSLF-FS 2015:30
//! bilaga 2: why a household no longer receives aid).

use serde::{Deserialize, Serialize};
use time::Date;

/// The kinds of activity a plan holds, as the guide names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Aktivitetstyp {
    /// A programme or service of Arbetsförmedlingen.
    Arbetsformedlingen,
    /// Svenska för invandrare.
    Sfi,
    /// Praktik or another work-oriented activity of the kommun (SoL 12 kap. 10 §).
    Praktik,
    /// Treatment or care: addiction care, psychiatry, health care.
    Behandling,
    /// Försäkringskassan's process: sickness benefit, rehabilitation, activity compensation.
    Forsakringskassan,
    /// Studies other than sfi.
    Studier,
    /// The person's own search for work.
    Jobbsokande,
    Annat,
}

impl Aktivitetstyp {
    pub const ALLA: [Self; 8] = [
        Self::Arbetsformedlingen,
        Self::Sfi,
        Self::Praktik,
        Self::Behandling,
        Self::Forsakringskassan,
        Self::Studier,
        Self::Jobbsokande,
        Self::Annat,
    ];

    pub fn kod(self) -> &'static str {
        match self {
            Self::Arbetsformedlingen => "arbetsformedlingen",
            Self::Sfi => "sfi",
            Self::Praktik => "praktik",
            Self::Behandling => "behandling",
            Self::Forsakringskassan => "forsakringskassan",
            Self::Studier => "studier",
            Self::Jobbsokande => "jobbsokande",
            Self::Annat => "annat",
        }
    }

    pub fn fran_kod(k: &str) -> Option<Self> {
        Self::ALLA.into_iter().find(|t| t.kod() == k)
    }

    pub fn namn(self) -> &'static str {
        match self {
            Self::Arbetsformedlingen => "Arbetsförmedlingens program eller tjänst",
            Self::Sfi => "Sfi, svenska för invandrare",
            Self::Praktik => "Praktik eller kommunal arbetsmarknadsinsats",
            Self::Behandling => "Behandling eller vård",
            Self::Forsakringskassan => "Försäkringskassans utredning eller rehabilitering",
            Self::Studier => "Studier",
            Self::Jobbsokande => "Söka arbete",
            Self::Annat => "Annat",
        }
    }
}

/// Who answers for an activity: the person, the socialtjänst, or another actor when others
/// take part (the guide: samverkan, each actor's part written down).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Ansvarig {
    Personen,
    Socialtjansten,
    Arbetsformedlingen,
    Forsakringskassan,
    Varden,
    Annan,
}

impl Ansvarig {
    pub const ALLA: [Self; 6] = [
        Self::Personen,
        Self::Socialtjansten,
        Self::Arbetsformedlingen,
        Self::Forsakringskassan,
        Self::Varden,
        Self::Annan,
    ];

    pub fn kod(self) -> &'static str {
        match self {
            Self::Personen => "personen",
            Self::Socialtjansten => "socialtjansten",
            Self::Arbetsformedlingen => "arbetsformedlingen",
            Self::Forsakringskassan => "forsakringskassan",
            Self::Varden => "varden",
            Self::Annan => "annan",
        }
    }

    pub fn fran_kod(k: &str) -> Option<Self> {
        Self::ALLA.into_iter().find(|t| t.kod() == k)
    }

    pub fn namn(self) -> &'static str {
        match self {
            Self::Personen => "Personen själv",
            Self::Socialtjansten => "Socialtjänsten",
            Self::Arbetsformedlingen => "Arbetsförmedlingen",
            Self::Forsakringskassan => "Försäkringskassan",
            Self::Varden => "Hälso- och sjukvården",
            Self::Annan => "Någon annan",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Aktivitet {
    pub typ: Aktivitetstyp,
    /// What it is, in words the person understands: "Rusta och matcha hos Arbetsförmedlingen".
    pub beskrivning: String,
    pub ansvarig: Ansvarig,
}

/// One version of the plan. A revision is a new version; the old ones stay in the history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sjalvforsorjningsplan {
    /// Set by the rules when the plan is written: 1 for the first, then one more each time.
    pub version: u32,
    pub datum: Date,
    /// The goal, in the person's words where possible.
    pub mal: String,
    pub delmal: Vec<String>,
    pub aktiviteter: Vec<Aktivitet>,
    /// What the person does.
    pub personens_del: String,
    /// What the socialtjänst does.
    pub socialtjanstens_del: String,
    /// Who answers for what when Arbetsförmedlingen, Försäkringskassan or the health
    /// services take part.
    pub samverkan: String,
    /// When the plan is followed up.
    pub uppfoljning: Date,
    /// How: a meeting, a call, together with Arbetsförmedlingen.
    pub uppfoljningssatt: String,
}

/// The person's answer to a version of the plan, from Mina sidor or told to the handläggare.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plansvar {
    pub datum: Date,
    pub version: u32,
    pub instammer: bool,
    pub synpunkt: String,
}

/// Whether the plan helps, in the person's own judgement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Hjalper {
    Ja,
    Delvis,
    Nej,
    VillInteSaga,
}

impl Hjalper {
    pub const ALLA: [Self; 4] = [Self::Ja, Self::Delvis, Self::Nej, Self::VillInteSaga];

    pub fn kod(self) -> &'static str {
        match self {
            Self::Ja => "ja",
            Self::Delvis => "delvis",
            Self::Nej => "nej",
            Self::VillInteSaga => "vill_inte_saga",
        }
    }

    pub fn fran_kod(k: &str) -> Option<Self> {
        Self::ALLA.into_iter().find(|t| t.kod() == k)
    }

    pub fn namn(self) -> &'static str {
        match self {
            Self::Ja => "Ja, planen hjälper",
            Self::Delvis => "Delvis",
            Self::Nej => "Nej, planen hjälper inte",
            Self::VillInteSaga => "Personen ville inte säga",
        }
    }
}

/// Participation in one activity of the plan since the last follow-up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deltagande {
    /// The activity's place in the plan's version followed up.
    pub aktivitet: usize,
    pub planerat: u32,
    pub deltagit: u32,
}

/// A follow-up of the plan: by numbers and in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Planuppfoljning {
    pub datum: Date,
    /// The version followed up.
    pub version: u32,
    pub deltagande: Vec<Deltagande>,
    /// Applications for work or studies sent since the last follow-up.
    pub ansokningar: u32,
    /// The sub-goals reached, by their place in the plan.
    pub uppnadda_delmal: Vec<usize>,
    /// The person's own account of how it goes.
    pub enskildes_berattelse: String,
    pub hjalper: Hjalper,
    pub kommentar: String,
    pub nasta: Option<Date>,
}

impl Planuppfoljning {
    /// Attended of planned, over all activities: (attended, planned).
    pub fn narvaro(&self) -> (u32, u32) {
        self.deltagande
            .iter()
            .fold((0, 0), |(d, p), x| (d + x.deltagit, p + x.planerat))
    }
}

/// Why the household no longer receives aid (HSLF-FS 2015:30 bilaga 2, in its main groups).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Slutorsak {
    /// Work: employment or own business.
    Arbete,
    /// Studies with study support.
    Studier,
    /// Pension.
    Pension,
    /// Moved from the kommun.
    Flyttat,
    /// Another support: sickness benefit, activity compensation, unemployment benefit,
    /// parental benefit, establishment benefit.
    AnnanErsattning,
    Annat,
}

impl Slutorsak {
    pub const ALLA: [Self; 6] = [
        Self::Arbete,
        Self::Studier,
        Self::Pension,
        Self::Flyttat,
        Self::AnnanErsattning,
        Self::Annat,
    ];

    pub fn kod(self) -> &'static str {
        match self {
            Self::Arbete => "arbete",
            Self::Studier => "studier",
            Self::Pension => "pension",
            Self::Flyttat => "flyttat",
            Self::AnnanErsattning => "annan_ersattning",
            Self::Annat => "annat",
        }
    }

    pub fn fran_kod(k: &str) -> Option<Self> {
        Self::ALLA.into_iter().find(|t| t.kod() == k)
    }

    pub fn text(self) -> &'static str {
        match self {
            Self::Arbete => "Arbete",
            Self::Studier => "Studier med studiestöd",
            Self::Pension => "Pension",
            Self::Flyttat => "Flyttat från kommunen",
            Self::AnnanErsattning => {
                "Annan ersättning (sjukpenning, aktivitetsersättning, a-kassa, föräldrapenning)"
            }
            Self::Annat => "Annat skäl",
        }
    }
}

/// The plans of a case: every version, its answers and follow-ups, oldest first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Planering {
    pub versioner: Vec<Sjalvforsorjningsplan>,
    pub svar: Vec<Plansvar>,
    pub uppfoljningar: Vec<Planuppfoljning>,
}

impl Planering {
    pub fn aktuell(&self) -> Option<&Sjalvforsorjningsplan> {
        self.versioner.last()
    }

    /// The person's latest answer to the current version.
    pub fn svar_pa_aktuell(&self) -> Option<&Plansvar> {
        let v = self.aktuell()?.version;
        self.svar.iter().rev().find(|s| s.version == v)
    }

    /// The day the next follow-up of the plan is due, while one is owed: the current
    /// version's agreed day until it is followed up, then the day the latest follow-up booked.
    pub fn nasta_uppfoljning(&self) -> Option<Date> {
        let plan = self.aktuell()?;
        match self.uppfoljningar.last() {
            Some(u) if u.version == plan.version => u.nasta,
            _ => Some(plan.uppfoljning),
        }
    }
}
