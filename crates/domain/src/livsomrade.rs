//! Grundutredning across the life areas: the person's whole situation, area by area, in the
//! person's own words beside the handläggare's, with the person's goals, ended by an
//! assessment (Socialstyrelsen, *Att utreda behov av försörjningsstöd*, the areas of its
//! utredning; SoL 14 kap.: the documentation shows the person's own view). A case of
//! ekonomiskt bistånd follows the guide's areas; a case of the addiction unit follows the
//! areas of ASI, the interview the unit's guidelines prescribe (seed 004), so the utredning
//! has the structure of its case type (`Livsomrade::for_arende`).

use serde::{Deserialize, Serialize};
use time::Date;

/// The life areas of the grundutredning, in the order the guide takes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Livsomrade {
    EgnaForsok,
    ArbeteOchUtbildning,
    FysiskOchPsykiskHalsa,
    EgnaMalOchPlaner,
    Boende,
    Familj,
    IntressenOchNatverk,
    Ekonomi,
    SocialSituation,
    Barnen,
    // ASI's areas (Addiction Severity Index, Swedish version), for the addiction unit.
    #[serde(rename = "asi_fysisk_halsa")]
    FysiskHalsa,
    #[serde(rename = "asi_arbete_och_forsorjning")]
    ArbeteOchForsorjning,
    #[serde(rename = "asi_alkohol")]
    Alkohol,
    #[serde(rename = "asi_narkotika")]
    Narkotika,
    #[serde(rename = "asi_rattslig_situation")]
    RattsligSituation,
    #[serde(rename = "asi_familj_och_umgange")]
    FamiljOchUmgange,
    #[serde(rename = "asi_psykisk_halsa")]
    PsykiskHalsa,
}

impl Livsomrade {
    /// Every area Lots knows, for reading a stored code back.
    pub const ALLA: [Self; 17] = [
        Self::EgnaForsok,
        Self::ArbeteOchUtbildning,
        Self::FysiskOchPsykiskHalsa,
        Self::EgnaMalOchPlaner,
        Self::Boende,
        Self::Familj,
        Self::IntressenOchNatverk,
        Self::Ekonomi,
        Self::SocialSituation,
        Self::Barnen,
        Self::FysiskHalsa,
        Self::ArbeteOchForsorjning,
        Self::Alkohol,
        Self::Narkotika,
        Self::RattsligSituation,
        Self::FamiljOchUmgange,
        Self::PsykiskHalsa,
    ];

    /// The guide's areas for ekonomiskt bistånd, in its order.
    pub const EKONOMISKT_BISTAND: [Self; 10] = [
        Self::EgnaForsok,
        Self::ArbeteOchUtbildning,
        Self::FysiskOchPsykiskHalsa,
        Self::EgnaMalOchPlaner,
        Self::Boende,
        Self::Familj,
        Self::IntressenOchNatverk,
        Self::Ekonomi,
        Self::SocialSituation,
        Self::Barnen,
    ];

    /// ASI's seven areas, in the interview's order.
    pub const ASI: [Self; 7] = [
        Self::FysiskHalsa,
        Self::ArbeteOchForsorjning,
        Self::Alkohol,
        Self::Narkotika,
        Self::RattsligSituation,
        Self::FamiljOchUmgange,
        Self::PsykiskHalsa,
    ];

    /// The areas of a case's utredning: the guide's when the case is about ekonomiskt
    /// bistånd, ASI's otherwise (the addiction unit's insatser).
    pub fn for_arende(a: &crate::Arende) -> &'static [Self] {
        use crate::insats::InsatsTyp;
        let ekonomiskt = a.ansokta.iter().any(|(i, _)| {
            matches!(
                i,
                InsatsTyp::Forsorjningsstod | InsatsTyp::EkonomisktBistandOvrigt
            )
        });
        if ekonomiskt {
            &Self::EKONOMISKT_BISTAND
        } else {
            &Self::ASI
        }
    }

    pub fn kod(self) -> &'static str {
        match self {
            Self::EgnaForsok => "egna_forsok",
            Self::ArbeteOchUtbildning => "arbete_och_utbildning",
            Self::FysiskOchPsykiskHalsa => "fysisk_och_psykisk_halsa",
            Self::EgnaMalOchPlaner => "egna_mal_och_planer",
            Self::Boende => "boende",
            Self::Familj => "familj",
            Self::IntressenOchNatverk => "intressen_och_natverk",
            Self::Ekonomi => "ekonomi",
            Self::SocialSituation => "social_situation",
            Self::Barnen => "barnen",
            Self::FysiskHalsa => "asi_fysisk_halsa",
            Self::ArbeteOchForsorjning => "asi_arbete_och_forsorjning",
            Self::Alkohol => "asi_alkohol",
            Self::Narkotika => "asi_narkotika",
            Self::RattsligSituation => "asi_rattslig_situation",
            Self::FamiljOchUmgange => "asi_familj_och_umgange",
            Self::PsykiskHalsa => "asi_psykisk_halsa",
        }
    }

    pub fn fran_kod(k: &str) -> Option<Self> {
        Self::ALLA.into_iter().find(|o| o.kod() == k)
    }

    pub fn namn(self) -> &'static str {
        match self {
            Self::EgnaForsok => "Egna försök att lösa situationen",
            Self::ArbeteOchUtbildning => "Arbete och utbildning",
            Self::FysiskOchPsykiskHalsa => "Fysisk och psykisk hälsa",
            Self::EgnaMalOchPlaner => "Egna mål och planer",
            Self::Boende => "Boende",
            Self::Familj => "Familj",
            Self::IntressenOchNatverk => "Intressen och nätverk",
            Self::Ekonomi => "Ekonomi, också skulder",
            Self::SocialSituation => "Social situation",
            Self::Barnen => "Barnens situation",
            Self::FysiskHalsa => "Fysisk hälsa",
            Self::ArbeteOchForsorjning => "Arbete och försörjning",
            Self::Alkohol => "Alkohol",
            Self::Narkotika => "Narkotika",
            Self::RattsligSituation => "Rättslig situation",
            Self::FamiljOchUmgange => "Familj och umgänge",
            Self::PsykiskHalsa => "Psykisk hälsa",
        }
    }
}

/// One area of the grundutredning as written: a newer version of the same area replaces it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Avsnitt {
    pub datum: Date,
    pub omrade: Livsomrade,
    /// What the person says, in their words.
    pub personens_ord: String,
    /// What the handläggare found and how they see it.
    pub handlaggarens: String,
    /// The person's own goals in this area.
    #[serde(default)]
    pub mal: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn koderna_ar_unika_och_tolkas_tillbaka() {
        for o in Livsomrade::ALLA {
            assert_eq!(Livsomrade::fran_kod(o.kod()), Some(o));
            assert_eq!(
                serde_json::to_string(&o).unwrap(),
                format!("\"{}\"", o.kod())
            );
        }
    }
}
