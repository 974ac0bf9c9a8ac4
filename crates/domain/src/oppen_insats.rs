//! Öppna insatser: insatser the nämnd offers without an individual needs assessment
//! (issue 17). A person walks into a drop-in, a group or a counselling line and gets help
//! at once, on conditions the nämnd set beforehand. The nämnd's decision on each such
//! insats is a catalogue entry here: who it is for, what it contains and how much, on
//! which conditions, at what fee, under which privacy mode, from which utförare, and
//! from when to when. Each change is a new version; old ones stay (like the
//! delegationsordning).
//!
//! The provider does not judge whether the person may take part: the conditions are
//! checked from the entry (`prova`), and outside them the answer is the formal route,
//! an application for bistånd (SoL 11 kap. 1 §). The nämnd's power to offer them is
//! SoL 11 kap. 5 §.

use serde::{Deserialize, Serialize};
use time::Date;

use crate::ids::EnhetId;

/// The provision that lists what may never be given without an individual needs
/// assessment (SoL 11 kap. 5 § lets the nämnd offer insatser without one; 6 § names
/// the exceptions; docs/domain.md).
pub const LAGRUM: &str = "SoL 11 kap. 6 §";

/// The longest name, and the longest of the free texts, in characters.
pub const NAMN_MAX_TECKEN: usize = 120;
pub const TEXT_MAX_TECKEN: usize = 2000;

/// What kind of insats the entry is. The kinds that may never be offered without a
/// needs assessment are listed too, so that the refusal is a rule here and not an
/// absence in a form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Art {
    /// Advice and information, e.g. a counselling line (rådgivning).
    Radgivning,
    /// A limited number of support conversations.
    Samtalsstod,
    /// A support or treatment group.
    Stodgrupp,
    /// A programme for relatives (seed 004: without needs assessment).
    Anhorigprogram,
    /// A day centre, öppen verksamhet (seed 004: without needs assessment).
    OppenVerksamhet,
    /// A walk-in clinic, öppen mottagning.
    OppenMottagning,
    /// Care in a hem för vård eller boende or another home for round-the-clock care.
    Hvb,
    /// Familjehem.
    Familjehem,
    /// Kontaktperson or kontaktfamilj.
    Kontaktperson,
    /// Särskilt boende.
    SarskiltBoende,
    /// Ekonomiskt bistånd.
    EkonomisktBistand,
    /// Care in an LVM-hem or a särskilt ungdomshem (LVM, LVU).
    Tvang,
}

impl Art {
    pub const ALLA: [Art; 12] = [
        Art::Radgivning,
        Art::Samtalsstod,
        Art::Stodgrupp,
        Art::Anhorigprogram,
        Art::OppenVerksamhet,
        Art::OppenMottagning,
        Art::Hvb,
        Art::Familjehem,
        Art::Kontaktperson,
        Art::SarskiltBoende,
        Art::EkonomisktBistand,
        Art::Tvang,
    ];

    pub fn kod(self) -> &'static str {
        match self {
            Art::Radgivning => "radgivning",
            Art::Samtalsstod => "samtalsstod",
            Art::Stodgrupp => "stodgrupp",
            Art::Anhorigprogram => "anhorigprogram",
            Art::OppenVerksamhet => "oppen_verksamhet",
            Art::OppenMottagning => "oppen_mottagning",
            Art::Hvb => "hvb",
            Art::Familjehem => "familjehem",
            Art::Kontaktperson => "kontaktperson",
            Art::SarskiltBoende => "sarskilt_boende",
            Art::EkonomisktBistand => "ekonomiskt_bistand",
            Art::Tvang => "tvang",
        }
    }

    pub fn fran_kod(kod: &str) -> Option<Self> {
        Self::ALLA.into_iter().find(|a| a.kod() == kod)
    }

    pub fn namn(self) -> &'static str {
        match self {
            Art::Radgivning => "Rådgivning",
            Art::Samtalsstod => "Stödsamtal",
            Art::Stodgrupp => "Stödgrupp eller behandlingsgrupp",
            Art::Anhorigprogram => "Anhörigprogram",
            Art::OppenVerksamhet => "Öppen verksamhet (dagverksamhet)",
            Art::OppenMottagning => "Öppen mottagning",
            Art::Hvb => {
                "Vård i hem för vård eller boende (HVB) eller annat hem för vård dygnet runt"
            }
            Art::Familjehem => "Vård i familjehem",
            Art::Kontaktperson => "Kontaktperson eller kontaktfamilj",
            Art::SarskiltBoende => "Särskilt boende",
            Art::EkonomisktBistand => "Ekonomiskt bistånd",
            Art::Tvang => "Vård i LVM-hem eller särskilt ungdomshem",
        }
    }

    /// Why this kind can never be an öppen insats, or `None` when it can.
    pub fn hinder(self) -> Option<&'static str> {
        // SoL 11 kap. 6 §: these are never given without an individual needs assessment.
        match self {
            Art::Hvb | Art::Familjehem | Art::SarskiltBoende => Some(
                "Vård eller boende utanför hemmet är en placering och kräver en individuell behovsprövning och ett beslut. Den kan inte ges som öppen insats.",
            ),
            Art::Kontaktperson => Some(
                "Kontaktperson och kontaktfamilj kräver en individuell behovsprövning och ett beslut. Det kan inte ges som öppen insats.",
            ),
            Art::EkonomisktBistand => Some(
                "Ekonomiskt bistånd prövas alltid individuellt. Det kan inte ges som öppen insats.",
            ),
            // Care in an LVM-hem or a särskilt ungdomshem follows a decision on care
            // without consent (LVM 11 §, LVU 4 §), never an offer.
            Art::Tvang => Some(
                "Vård i LVM-hem eller särskilt ungdomshem följer av ett beslut om vård utan samtycke (LVM 11 §, LVU 4 §). Den kan aldrig erbjudas som öppen insats.",
            ),
            _ => None,
        }
    }
}

/// How much of the person is recorded when they use the insats (issue 17 item 2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Integritet {
    /// A person record and a journal, as for a decided insats.
    Full,
    /// Only legal sex, age band and district, as at MIKA: no name, no personnummer,
    /// nothing else (the nämnd's decision not to record identifying data, SoL 14 kap. 5 §).
    Minimal,
    /// Nothing about the person: counts only (SoL 14 kap. 5 §).
    Anonym,
    /// A contact with a topic, no person: rådgivning is not documented (SoL 14 kap. 4 §).
    Radgivning,
}

impl Integritet {
    pub const ALLA: [Integritet; 4] = [
        Integritet::Full,
        Integritet::Minimal,
        Integritet::Anonym,
        Integritet::Radgivning,
    ];

    pub fn kod(self) -> &'static str {
        match self {
            Integritet::Full => "full",
            Integritet::Minimal => "minimal",
            Integritet::Anonym => "anonym",
            Integritet::Radgivning => "radgivning",
        }
    }

    pub fn fran_kod(kod: &str) -> Option<Self> {
        Self::ALLA.into_iter().find(|a| a.kod() == kod)
    }

    pub fn namn(self) -> &'static str {
        match self {
            Integritet::Full => "Full dokumentation",
            Integritet::Minimal => "Minimal: juridiskt kön, åldersgrupp och stadsdel",
            Integritet::Anonym => "Anonym: bara antal",
            Integritet::Radgivning => "Rådgivning: kontakt och ämne, ingen person",
        }
    }
}

/// The scope the nämnd set: a number of sessions, a number of weeks, or no limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Omfattning {
    Tillfallen(u32),
    Veckor(u32),
    Lopande,
}

impl Omfattning {
    pub fn text(self) -> String {
        match self {
            Omfattning::Tillfallen(n) => format!("högst {n} tillfällen"),
            Omfattning::Veckor(n) => format!("högst {n} veckor"),
            Omfattning::Lopande => "ingen gräns".to_string(),
        }
    }
}

/// One version of a catalogue entry: the nämnd's decision on one öppen insats.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OppenInsats {
    pub namn: String,
    pub art: Art,
    /// Who it is for, in words ("vuxna med alkoholproblem", "anhöriga").
    pub malgrupp: String,
    /// Youngest and oldest age that may take part, when the nämnd set one.
    pub alder_fran: Option<u32>,
    pub alder_till: Option<u32>,
    /// What it contains, in words.
    pub innehall: String,
    pub omfattning: Omfattning,
    /// Conditions in words, shown to the person and the provider.
    pub villkor: String,
    /// The person must live in the kommun (a condition checked at the desk).
    pub bosatt_i_kommunen: bool,
    /// Fee per session in kronor; 0 is free.
    pub avgift_kr: u32,
    pub integritet: Integritet,
    /// The utförare enheter that provide it.
    pub utforare: Vec<EnhetId>,
    pub giltig_fran: Date,
    /// The last day it applies, when the nämnd set one.
    pub giltig_till: Option<Date>,
}

/// What is wrong with an entry, with the form field it concerns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fel {
    pub falt: &'static str,
    pub text: String,
}

fn fel(falt: &'static str, text: impl Into<String>) -> Fel {
    Fel {
        falt,
        text: text.into(),
    }
}

impl OppenInsats {
    /// Checks an entry before it is stored. `utforare_enheter` are the kommun's enheter
    /// flagged as utförare: only they may provide it. Returns every problem, in Swedish.
    pub fn granska(&self, utforare_enheter: &[EnhetId]) -> Vec<Fel> {
        let mut f = vec![];
        if let Some(h) = self.art.hinder() {
            f.push(fel("art", format!("{h} ({LAGRUM}.)")));
        }
        let namn = self.namn.trim();
        if namn.is_empty() {
            f.push(fel("namn", "Skriv insatsens namn."));
        } else if namn.chars().count() > NAMN_MAX_TECKEN {
            f.push(fel(
                "namn",
                format!("Namnet får vara högst {NAMN_MAX_TECKEN} tecken."),
            ));
        }
        for (falt, text, tom) in [
            (
                "malgrupp",
                &self.malgrupp,
                "Skriv vem insatsen är till för.",
            ),
            (
                "insatsens_innehall",
                &self.innehall,
                "Skriv vad insatsen innehåller.",
            ),
        ] {
            if text.trim().is_empty() {
                f.push(fel(falt, tom));
            }
        }
        for (falt, text) in [
            ("malgrupp", &self.malgrupp),
            ("insatsens_innehall", &self.innehall),
            ("villkor", &self.villkor),
        ] {
            if text.chars().count() > TEXT_MAX_TECKEN {
                f.push(fel(
                    falt,
                    format!("Texten får vara högst {TEXT_MAX_TECKEN} tecken."),
                ));
            }
        }
        if let (Some(a), Some(b)) = (self.alder_fran, self.alder_till)
            && a > b
        {
            f.push(fel(
                "alder_till",
                "Den högsta åldern kan inte vara lägre än den lägsta.",
            ));
        }
        if matches!(
            self.omfattning,
            Omfattning::Tillfallen(0) | Omfattning::Veckor(0)
        ) {
            f.push(fel("omfattning_antal", "Omfattningen måste vara minst 1."));
        }
        if self.utforare.is_empty() {
            f.push(fel("utforare", "Välj minst en utförare som ger insatsen."));
        }
        if self.utforare.iter().any(|u| !utforare_enheter.contains(u)) {
            f.push(fel(
                "utforare",
                "Bara kommunens enheter som är utförare kan ge insatsen.",
            ));
        }
        if let Some(t) = self.giltig_till
            && t < self.giltig_fran
        {
            f.push(fel(
                "giltig_till",
                "Sista dagen kan inte vara före första dagen.",
            ));
        }
        f
    }

    /// Whether the entry applies on `dag`.
    pub fn galler(&self, dag: Date) -> bool {
        self.giltig_fran <= dag && self.giltig_till.is_none_or(|t| dag <= t)
    }

    /// Checks a person against the conditions on `dag`, from the entry alone: the
    /// provider does not judge (issue 17 item 3). `alder` is an interval, an exact age
    /// (a, a) or an age band; a band is outside only when none of it is inside the
    /// limits, since the band says no more. `bosatt` is whether the person lives in the
    /// kommun, when asked. Returns the conditions not met, in Swedish: empty is inside.
    pub fn prova(&self, dag: Date, alder: Option<(u32, u32)>, bosatt: Option<bool>) -> Vec<String> {
        let mut utanfor = vec![];
        if !self.galler(dag) {
            utanfor.push("Insatsen erbjuds inte det här datumet.".to_string());
        }
        if let Some((lag, hog)) = alder {
            if self.alder_fran.is_some_and(|f| hog < f) {
                utanfor.push(format!(
                    "Insatsen är för den som fyllt {} år.",
                    self.alder_fran.unwrap_or_default()
                ));
            }
            if self.alder_till.is_some_and(|t| lag > t) {
                utanfor.push(format!(
                    "Insatsen är för den som är högst {} år.",
                    self.alder_till.unwrap_or_default()
                ));
            }
        }
        if self.bosatt_i_kommunen && bosatt == Some(false) {
            utanfor.push("Insatsen är för den som bor i kommunen.".to_string());
        }
        utanfor
    }

    /// Where a person is in the scope after `anvanda` sessions, the first on `forsta`,
    /// when they come again on `dag` (issue 17 item 3: the 10th session, the 12th week
    /// prompt the choice to end or to apply).
    pub fn omfattning(&self, anvanda: u32, forsta: Option<Date>, dag: Date) -> Omfattningslage {
        match self.omfattning {
            Omfattning::Lopande => Omfattningslage::Inom,
            Omfattning::Tillfallen(n) => {
                // This visit is number anvanda + 1.
                let detta = anvanda.saturating_add(1);
                if detta > n {
                    Omfattningslage::Forbrukad
                } else if detta == n {
                    Omfattningslage::Sista
                } else {
                    Omfattningslage::Inom
                }
            }
            Omfattning::Veckor(n) => {
                let Some(forsta) = forsta else {
                    return if n == 1 {
                        Omfattningslage::Sista
                    } else {
                        Omfattningslage::Inom
                    };
                };
                // Week 1 is the seven days from the first visit.
                let vecka = (dag - forsta).whole_days().max(0) / 7 + 1;
                let n = i64::from(n);
                if vecka > n {
                    Omfattningslage::Forbrukad
                } else if vecka == n {
                    Omfattningslage::Sista
                } else {
                    Omfattningslage::Inom
                }
            }
        }
    }
}

/// Where a visit falls in the scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Omfattningslage {
    Inom,
    /// The last session or week: the person and the provider choose to end or to apply.
    Sista,
    /// The scope is used up: a further visit is the formal route, an application.
    Forbrukad,
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn utforare() -> EnhetId {
        EnhetId::ny()
    }

    fn samtal(u: EnhetId) -> OppenInsats {
        OppenInsats {
            namn: "Alkoholrådgivning, tio samtal".into(),
            art: Art::Samtalsstod,
            malgrupp: "Vuxna som vill ändra sitt drickande".into(),
            alder_fran: Some(18),
            alder_till: None,
            innehall: "Motiverande samtal".into(),
            omfattning: Omfattning::Tillfallen(10),
            villkor: "Bor i kommunen.".into(),
            bosatt_i_kommunen: true,
            avgift_kr: 0,
            integritet: Integritet::Minimal,
            utforare: vec![u],
            giltig_fran: date!(2026 - 01 - 01),
            giltig_till: Some(date!(2026 - 12 - 31)),
        }
    }

    #[test]
    fn a_placement_or_compulsory_care_is_refused_with_the_law() {
        let u = utforare();
        let nej = [
            Art::Hvb,
            Art::Familjehem,
            Art::Kontaktperson,
            Art::SarskiltBoende,
            Art::EkonomisktBistand,
            Art::Tvang,
        ];
        for art in Art::ALLA {
            let mut i = samtal(u);
            i.art = art;
            assert_eq!(i.granska(&[u]).is_empty(), !nej.contains(&art), "{art:?}");
        }
        for art in nej {
            let mut i = samtal(u);
            i.art = art;
            let f = i.granska(&[u]);
            assert_eq!(f.len(), 1, "{art:?}: {f:?}");
            assert_eq!(f[0].falt, "art");
            assert!(f[0].text.contains(LAGRUM), "{}", f[0].text);
        }
        assert!(samtal(u).granska(&[u]).is_empty());
    }

    #[test]
    fn only_the_kommuns_utforare_may_provide_it() {
        let u = utforare();
        let i = samtal(u);
        let f = i.granska(&[utforare()]);
        assert_eq!(f.iter().map(|f| f.falt).collect::<Vec<_>>(), ["utforare"]);
        let mut i = samtal(u);
        i.utforare.clear();
        assert_eq!(i.granska(&[u])[0].falt, "utforare");
    }

    #[test]
    fn empty_texts_reversed_ages_and_dates_are_each_named() {
        let u = utforare();
        let mut i = samtal(u);
        i.namn = " ".into();
        i.alder_fran = Some(30);
        i.alder_till = Some(20);
        i.giltig_till = Some(date!(2025 - 12 - 31));
        i.omfattning = Omfattning::Veckor(0);
        let falt: Vec<_> = i.granska(&[u]).iter().map(|f| f.falt).collect();
        assert_eq!(
            falt,
            ["namn", "alder_till", "omfattning_antal", "giltig_till"]
        );
    }

    #[test]
    fn conditions_age_residence_and_period() {
        let i = samtal(utforare());
        let dag = date!(2026 - 03 - 02);
        assert!(i.prova(dag, Some((40, 40)), Some(true)).is_empty());
        let f = i.prova(dag, Some((17, 17)), Some(true));
        assert_eq!(f, ["Insatsen är för den som fyllt 18 år."]);
        assert_eq!(
            i.prova(dag, Some((40, 40)), Some(false)),
            ["Insatsen är för den som bor i kommunen."]
        );
        // Not asked: the provider cannot tell, so it does not count against the person.
        assert!(i.prova(dag, None, None).is_empty());
        assert_eq!(i.prova(date!(2027 - 01 - 01), None, None).len(), 1);
        assert_eq!(i.prova(date!(2025 - 12 - 31), None, None).len(), 1);
    }

    #[test]
    fn an_age_band_is_outside_only_when_wholly_outside() {
        let i = samtal(utforare());
        let dag = date!(2026 - 03 - 02);
        // The band 16–20 reaches into 18+: the band says no more, so inside.
        assert!(i.prova(dag, Some((16, 20)), None).is_empty());
        assert_eq!(i.prova(dag, Some((13, 17)), None).len(), 1);
        let mut ung = samtal(utforare());
        ung.alder_fran = Some(13);
        ung.alder_till = Some(17);
        assert_eq!(ung.prova(dag, Some((18, 24)), None).len(), 1);
        assert!(ung.prova(dag, Some((13, 17)), None).is_empty());
    }

    #[test]
    fn the_tenth_session_is_the_last_and_the_eleventh_is_beyond() {
        let i = samtal(utforare());
        let dag = date!(2026 - 03 - 02);
        assert_eq!(i.omfattning(0, None, dag), Omfattningslage::Inom);
        assert_eq!(i.omfattning(8, Some(dag), dag), Omfattningslage::Inom);
        assert_eq!(i.omfattning(9, Some(dag), dag), Omfattningslage::Sista);
        assert_eq!(i.omfattning(10, Some(dag), dag), Omfattningslage::Forbrukad);
    }

    #[test]
    fn the_twelfth_week_counts_from_the_first_visit() {
        let mut i = samtal(utforare());
        i.omfattning = Omfattning::Veckor(12);
        let forsta = date!(2026 - 01 - 05);
        // Day 76 after the first is in week 11; day 77 begins week 12; day 84 week 13.
        assert_eq!(
            i.omfattning(5, Some(forsta), date!(2026 - 03 - 22)),
            Omfattningslage::Inom
        );
        assert_eq!(
            i.omfattning(5, Some(forsta), date!(2026 - 03 - 23)),
            Omfattningslage::Sista
        );
        assert_eq!(
            i.omfattning(5, Some(forsta), date!(2026 - 03 - 30)),
            Omfattningslage::Forbrukad
        );
        i.omfattning = Omfattning::Lopande;
        assert_eq!(
            i.omfattning(500, Some(forsta), date!(2030 - 01 - 01)),
            Omfattningslage::Inom
        );
    }
}
