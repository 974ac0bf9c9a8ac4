//! Insatser (services) and the lagrum decisions rest on.

use serde::{Deserialize, Serialize};

/// The legal provision a decision rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lagrum {
    /// Bistånd till livsföringen i övrigt, SoL (2025:400) 11 kap. 1 §.
    Sol11Kap1,
    /// Ekonomiskt bistånd, SoL (2025:400) 12 kap. 1 §.
    Sol12Kap1,
}

impl Lagrum {
    pub const ALLA: [Lagrum; 2] = [Lagrum::Sol11Kap1, Lagrum::Sol12Kap1];

    pub fn kod(self) -> &'static str {
        match self {
            Lagrum::Sol11Kap1 => "sol_11_1",
            Lagrum::Sol12Kap1 => "sol_12_1",
        }
    }

    pub fn fran_kod(kod: &str) -> Option<Self> {
        Self::ALLA.into_iter().find(|l| l.kod() == kod)
    }

    pub fn text(self) -> &'static str {
        match self {
            Lagrum::Sol11Kap1 => "11 kap. 1 § socialtjänstlagen (2025:400)",
            Lagrum::Sol12Kap1 => "12 kap. 1 § socialtjänstlagen (2025:400)",
        }
    }
}

/// Kinds of insats in the adult guidelines (seed 004) and financial aid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum InsatsTyp {
    Forsorjningsstod,
    EkonomisktBistandOvrigt,
    Oppenvardsbehandling,
    StodIBoendet,
    Kontaktperson,
    Sysselsattning,
    CaseManager,
    Hvb,
    Stodboende,
    Familjehem,
    Traningslagenhet,
}

impl InsatsTyp {
    pub const ALLA: [InsatsTyp; 11] = [
        InsatsTyp::Forsorjningsstod,
        InsatsTyp::EkonomisktBistandOvrigt,
        InsatsTyp::Oppenvardsbehandling,
        InsatsTyp::StodIBoendet,
        InsatsTyp::Kontaktperson,
        InsatsTyp::Sysselsattning,
        InsatsTyp::CaseManager,
        InsatsTyp::Hvb,
        InsatsTyp::Stodboende,
        InsatsTyp::Familjehem,
        InsatsTyp::Traningslagenhet,
    ];

    pub fn kod(self) -> &'static str {
        match self {
            InsatsTyp::Forsorjningsstod => "forsorjningsstod",
            InsatsTyp::EkonomisktBistandOvrigt => "ekonomiskt_bistand_ovrigt",
            InsatsTyp::Oppenvardsbehandling => "oppenvardsbehandling",
            InsatsTyp::StodIBoendet => "stod_i_boendet",
            InsatsTyp::Kontaktperson => "kontaktperson",
            InsatsTyp::Sysselsattning => "sysselsattning",
            InsatsTyp::CaseManager => "case_manager",
            InsatsTyp::Hvb => "hvb",
            InsatsTyp::Stodboende => "stodboende",
            InsatsTyp::Familjehem => "familjehem",
            InsatsTyp::Traningslagenhet => "traningslagenhet",
        }
    }

    pub fn fran_kod(kod: &str) -> Option<Self> {
        Self::ALLA.into_iter().find(|i| i.kod() == kod)
    }

    pub fn namn(self) -> &'static str {
        match self {
            InsatsTyp::Forsorjningsstod => "Ekonomiskt bistånd – försörjningsstöd",
            InsatsTyp::EkonomisktBistandOvrigt => "Ekonomiskt bistånd – livsföring i övrigt",
            InsatsTyp::Oppenvardsbehandling => "Öppenvårdsbehandling vid missbruk",
            InsatsTyp::StodIBoendet => "Stöd i boendet",
            InsatsTyp::Kontaktperson => "Kontaktperson",
            InsatsTyp::Sysselsattning => "Sysselsättning",
            InsatsTyp::CaseManager => "Case manager",
            InsatsTyp::Hvb => "Hem för vård eller boende (HVB)",
            InsatsTyp::Stodboende => "Stödboende",
            InsatsTyp::Familjehem => "Familjehem",
            InsatsTyp::Traningslagenhet => "Träningslägenhet",
        }
    }

    /// The provision an application for this insats is normally decided under.
    pub fn lagrum(self) -> Lagrum {
        match self {
            InsatsTyp::Forsorjningsstod | InsatsTyp::EkonomisktBistandOvrigt => Lagrum::Sol12Kap1,
            _ => Lagrum::Sol11Kap1,
        }
    }

    /// How many weeks Lots expects the utredning of an application for this insats to
    /// take, for the day the person is told to expect a decision when the handläggare
    /// gives none (issue 19). FL 9 § asks that a case be handled as quickly as possible
    /// and sets no period, so these are Lots's defaults, not the law's: money for the
    /// month cannot wait (two weeks), support at home or in treatment needs talks and
    /// often others' views (six weeks), heldygnsvård needs a placement found (eight
    /// weeks, seed 004 §4.2). All end well before the four months at which Lots prompts
    /// for an FL 11 § delay notice (`frister::drojsmal_paminnelse`).
    pub fn utredningstid_veckor(self) -> u32 {
        // FL 9 §; Lots's defaults
        match self {
            InsatsTyp::Forsorjningsstod | InsatsTyp::EkonomisktBistandOvrigt => 2,
            i if i.heldygnsvard() => 8,
            _ => 6,
        }
    }

    /// Heldygnsvård (seed 004 §4.2): weightier decisions, delegated higher.
    pub fn heldygnsvard(self) -> bool {
        matches!(
            self,
            InsatsTyp::Hvb
                | InsatsTyp::Stodboende
                | InsatsTyp::Familjehem
                | InsatsTyp::Traningslagenhet
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Utfall {
    Bifall,
    DelvisBifall,
    Avslag,
    Avvisning,
}

impl Utfall {
    pub const ALLA: [Utfall; 4] = [
        Utfall::Bifall,
        Utfall::DelvisBifall,
        Utfall::Avslag,
        Utfall::Avvisning,
    ];

    pub fn kod(self) -> &'static str {
        match self {
            Utfall::Bifall => "bifall",
            Utfall::DelvisBifall => "delvis_bifall",
            Utfall::Avslag => "avslag",
            Utfall::Avvisning => "avvisning",
        }
    }

    pub fn fran_kod(kod: &str) -> Option<Self> {
        Self::ALLA.into_iter().find(|u| u.kod() == kod)
    }

    pub fn namn(self) -> &'static str {
        match self {
            Utfall::Bifall => "Bifall",
            Utfall::DelvisBifall => "Delvis bifall",
            Utfall::Avslag => "Avslag",
            Utfall::Avvisning => "Avvisning",
        }
    }

    /// Grants something that must then be carried out (SoL 34 kap. 1 §).
    pub fn beviljar(self) -> bool {
        matches!(self, Utfall::Bifall | Utfall::DelvisBifall)
    }

    /// Goes against the party, wholly or partly: written reasons and appeal
    /// instructions are always required (FL 32–33 §§), and the party must have
    /// had the material first (FL 25 §).
    pub fn negativt(self) -> bool {
        matches!(
            self,
            Utfall::DelvisBifall | Utfall::Avslag | Utfall::Avvisning
        )
    }
}
