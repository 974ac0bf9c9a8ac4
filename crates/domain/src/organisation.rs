//! The organisation: kommun → nämnd → enhet, and the roles staff hold.

use serde::{Deserialize, Serialize};

/// A kommunkod as SCB gives it: four digits, the län's two and the kommun's two (2480
/// Umeå, 0180 Stockholm).
pub fn ar_kommunkod(kod: &str) -> bool {
    kod.len() == 4 && kod.chars().all(|c| c.is_ascii_digit())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Roll {
    Handlaggare,
    Arbetsledare,
    Utforare,
    Registrator,
    Systemforvaltare,
    /// Reads the audit log (loggkontroll, SoL 14 kap. 7 §; OSL 26 kap.), never case content.
    Granskare,
}

impl Roll {
    pub const ALLA: [Roll; 6] = [
        Roll::Handlaggare,
        Roll::Arbetsledare,
        Roll::Utforare,
        Roll::Registrator,
        Roll::Systemforvaltare,
        Roll::Granskare,
    ];

    pub fn kod(self) -> &'static str {
        match self {
            Roll::Handlaggare => "handlaggare",
            Roll::Arbetsledare => "arbetsledare",
            Roll::Utforare => "utforare",
            Roll::Registrator => "registrator",
            Roll::Systemforvaltare => "systemforvaltare",
            Roll::Granskare => "granskare",
        }
    }

    pub fn fran_kod(kod: &str) -> Option<Self> {
        Self::ALLA.into_iter().find(|r| r.kod() == kod)
    }

    pub fn namn(self) -> &'static str {
        match self {
            Roll::Handlaggare => "Handläggare",
            Roll::Arbetsledare => "Arbetsledare",
            Roll::Utforare => "Utförare",
            Roll::Registrator => "Registrator",
            Roll::Systemforvaltare => "Systemförvaltare",
            Roll::Granskare => "Logggranskare",
        }
    }
}
