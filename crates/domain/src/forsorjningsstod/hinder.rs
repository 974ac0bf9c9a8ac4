//! Försörjningshinder: what stops an adult in the household from supporting themselves,
//! registered per adult for every month with försörjningsstöd. The nämnd reports it to
//! Socialstyrelsen each month with the aid itself (SoL 26 kap.; HSLF-FS 2015:30), and it is
//! where the work toward självförsörjning starts (Socialstyrelsen, *Att utreda behov av
//! försörjningsstöd*).
//!
//! The classification is Socialstyrelsen's, kept here as data: the codes are what the events
//! store and the monthly delivery reports, the texts are what the handläggare picks from. A
//! new classification adds rows; a code once used is never reused for something else.

use serde::{Deserialize, Serialize};

use super::riksnorm::NormHushall;

/// The version of Socialstyrelsen's classification these codes follow.
pub const KLASSIFIKATION: &str =
    "Socialstyrelsen, försörjningshinder i registret över ekonomiskt bistånd (HSLF-FS 2015:30)";

/// One adult's försörjningshinder for a month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Forsorjningshinder {
    ArbetslosUtanErsattning,
    ArbetslosOtillrackligErsattning,
    ArbetslosVantarErsattning,
    ArbetslosEtableringsersattning,
    SjukskrivenUtanErsattning,
    SjukskrivenOtillrackligErsattning,
    SjukskrivenVantarErsattning,
    NedsattArbetsformaga,
    SocialaSkal,
    Foraldraledig,
    ArbetarOtillrackligInkomst,
    Studerar,
    Pension,
    Annat,
}

/// The groups the classification is read in (the page and the statistics group by them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Hindergrupp {
    Arbetslos,
    Sjukskriven,
    Arbetsformaga,
    Ovrigt,
}

impl Hindergrupp {
    pub fn text(self) -> &'static str {
        match self {
            Hindergrupp::Arbetslos => "Arbetslös",
            Hindergrupp::Sjukskriven => "Sjukskriven med läkarintyg",
            Hindergrupp::Arbetsformaga => "Nedsatt arbetsförmåga eller sociala skäl",
            Hindergrupp::Ovrigt => "Annat",
        }
    }
}

impl Forsorjningshinder {
    pub const ALLA: [Self; 14] = [
        Self::ArbetslosUtanErsattning,
        Self::ArbetslosOtillrackligErsattning,
        Self::ArbetslosVantarErsattning,
        Self::ArbetslosEtableringsersattning,
        Self::SjukskrivenUtanErsattning,
        Self::SjukskrivenOtillrackligErsattning,
        Self::SjukskrivenVantarErsattning,
        Self::NedsattArbetsformaga,
        Self::SocialaSkal,
        Self::Foraldraledig,
        Self::ArbetarOtillrackligInkomst,
        Self::Studerar,
        Self::Pension,
        Self::Annat,
    ];

    /// The stable code: what events, the projection and the delivery to Socialstyrelsen hold.
    pub fn kod(self) -> &'static str {
        match self {
            Self::ArbetslosUtanErsattning => "arbetslos_utan_ersattning",
            Self::ArbetslosOtillrackligErsattning => "arbetslos_otillracklig_ersattning",
            Self::ArbetslosVantarErsattning => "arbetslos_vantar_ersattning",
            Self::ArbetslosEtableringsersattning => "arbetslos_etableringsersattning",
            Self::SjukskrivenUtanErsattning => "sjukskriven_utan_ersattning",
            Self::SjukskrivenOtillrackligErsattning => "sjukskriven_otillracklig_ersattning",
            Self::SjukskrivenVantarErsattning => "sjukskriven_vantar_ersattning",
            Self::NedsattArbetsformaga => "nedsatt_arbetsformaga",
            Self::SocialaSkal => "sociala_skal",
            Self::Foraldraledig => "foraldraledig",
            Self::ArbetarOtillrackligInkomst => "arbetar_otillracklig_inkomst",
            Self::Studerar => "studerar",
            Self::Pension => "pension",
            Self::Annat => "annat",
        }
    }

    pub fn fran_kod(k: &str) -> Option<Self> {
        Self::ALLA.into_iter().find(|h| h.kod() == k)
    }

    pub fn grupp(self) -> Hindergrupp {
        match self {
            Self::ArbetslosUtanErsattning
            | Self::ArbetslosOtillrackligErsattning
            | Self::ArbetslosVantarErsattning
            | Self::ArbetslosEtableringsersattning => Hindergrupp::Arbetslos,
            Self::SjukskrivenUtanErsattning
            | Self::SjukskrivenOtillrackligErsattning
            | Self::SjukskrivenVantarErsattning => Hindergrupp::Sjukskriven,
            Self::NedsattArbetsformaga | Self::SocialaSkal => Hindergrupp::Arbetsformaga,
            Self::Foraldraledig
            | Self::ArbetarOtillrackligInkomst
            | Self::Studerar
            | Self::Pension
            | Self::Annat => Hindergrupp::Ovrigt,
        }
    }

    /// The words the handläggare picks from, and the page shows.
    pub fn text(self) -> &'static str {
        match self {
            Self::ArbetslosUtanErsattning => "Arbetslös, utan ersättning",
            Self::ArbetslosOtillrackligErsattning => "Arbetslös, med otillräcklig ersättning",
            Self::ArbetslosVantarErsattning => "Arbetslös, väntar på ersättning",
            Self::ArbetslosEtableringsersattning => "Arbetslös, med etableringsersättning",
            Self::SjukskrivenUtanErsattning => "Sjukskriven med läkarintyg, utan ersättning",
            Self::SjukskrivenOtillrackligErsattning => {
                "Sjukskriven med läkarintyg, med otillräcklig ersättning"
            }
            Self::SjukskrivenVantarErsattning => "Sjukskriven med läkarintyg, väntar på ersättning",
            Self::NedsattArbetsformaga => "Nedsatt eller oklar arbetsförmåga",
            Self::SocialaSkal => "Sociala skäl",
            Self::Foraldraledig => "Föräldraledig",
            Self::ArbetarOtillrackligInkomst => "Arbetar, med otillräcklig inkomst",
            Self::Studerar => "Studerar",
            Self::Pension => "Pension",
            Self::Annat => "Annat försörjningshinder",
        }
    }
}

/// Why a month's försörjningshinder cannot be registered as given.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HinderFel {
    #[error(
        "Ange försörjningshinder för varje vuxen i hushållet: {vuxna} i den här beräkningen, {angivna} angivna."
    )]
    Antal { vuxna: usize, angivna: usize },
}

/// A month's hinder are one per adult of the application, the applicant first: both makar
/// or sambor of a joint application are counted (SoF 12 kap. 2 §), and each is reported.
pub fn kontrollera(hushall: &NormHushall, hinder: &[Forsorjningshinder]) -> Result<(), HinderFel> {
    let vuxna = hushall.vuxna.antal() as usize;
    if hinder.len() == vuxna {
        Ok(())
    } else {
        Err(HinderFel::Antal {
            vuxna,
            angivna: hinder.len(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::forsorjningsstod::riksnorm::Vuxna;

    fn hushall(vuxna: Vuxna) -> NormHushall {
        NormHushall {
            vuxna,
            barn: vec![],
            medboende: 0,
        }
    }

    #[test]
    fn koderna_ar_unika_och_tolkas_tillbaka() {
        for h in Forsorjningshinder::ALLA {
            assert_eq!(Forsorjningshinder::fran_kod(h.kod()), Some(h));
            let json = serde_json::to_string(&h).unwrap();
            assert_eq!(json, format!("\"{}\"", h.kod()));
        }
        let mut koder: Vec<_> = Forsorjningshinder::ALLA.iter().map(|h| h.kod()).collect();
        koder.sort_unstable();
        koder.dedup();
        assert_eq!(koder.len(), Forsorjningshinder::ALLA.len());
    }

    #[test]
    fn ett_hinder_per_vuxen() {
        use Forsorjningshinder::*;
        assert!(kontrollera(&hushall(Vuxna::Ensam), &[Studerar]).is_ok());
        assert_eq!(
            kontrollera(&hushall(Vuxna::Ensam), &[]),
            Err(HinderFel::Antal {
                vuxna: 1,
                angivna: 0
            })
        );
        // A joint application: both adults are reported, not only the applicant.
        assert!(kontrollera(&hushall(Vuxna::Sambo), &[Studerar]).is_err());
        assert!(kontrollera(&hushall(Vuxna::Sambo), &[Studerar, Foraldraledig]).is_ok());
        assert!(kontrollera(&hushall(Vuxna::Ensam), &[Studerar, Annat]).is_err());
    }
}
