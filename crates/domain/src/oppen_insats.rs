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
    /// The districts a minimal-mode visit is counted by (the desk offers these and
    /// "Annan kommun", nothing typed).
    #[serde(default)]
    pub stadsdelar: Vec<String>,
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
        if self.integritet == Integritet::Minimal && self.stadsdelar.is_empty() {
            f.push(fel(
                "stadsdelar",
                "Skriv minst en stadsdel: besök räknas per stadsdel när bara kön, åldersgrupp och stadsdel registreras.",
            ));
        }
        if self.stadsdelar.iter().any(|s| s.chars().count() > 60) {
            f.push(fel("stadsdelar", "En stadsdel får vara högst 60 tecken."));
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
            stadsdelar: vec!["Centrum".into()],
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

/// Legal sex, the one personal trait the minimal mode keeps besides age band and district.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kon {
    Kvinna,
    Man,
}

impl Kon {
    pub const ALLA: [Kon; 2] = [Kon::Kvinna, Kon::Man];
    pub fn kod(self) -> &'static str {
        match self {
            Kon::Kvinna => "kvinna",
            Kon::Man => "man",
        }
    }
    pub fn fran_kod(kod: &str) -> Option<Self> {
        Self::ALLA.into_iter().find(|a| a.kod() == kod)
    }
    pub fn namn(self) -> &'static str {
        match self {
            Kon::Kvinna => "Kvinna",
            Kon::Man => "Man",
        }
    }
}

/// Age bands: wide enough that a band with sex and district does not single anyone out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Aldersgrupp {
    #[serde(rename = "0-12")]
    Under13,
    #[serde(rename = "13-17")]
    Ungdom,
    #[serde(rename = "18-24")]
    UngVuxen,
    #[serde(rename = "25-34")]
    Vuxen25,
    #[serde(rename = "35-49")]
    Vuxen35,
    #[serde(rename = "50-64")]
    Vuxen50,
    #[serde(rename = "65-")]
    Aldre,
}

impl Aldersgrupp {
    pub const ALLA: [Aldersgrupp; 7] = [
        Aldersgrupp::Under13,
        Aldersgrupp::Ungdom,
        Aldersgrupp::UngVuxen,
        Aldersgrupp::Vuxen25,
        Aldersgrupp::Vuxen35,
        Aldersgrupp::Vuxen50,
        Aldersgrupp::Aldre,
    ];
    /// Youngest and oldest age in the band.
    pub fn intervall(self) -> (u32, u32) {
        match self {
            Aldersgrupp::Under13 => (0, 12),
            Aldersgrupp::Ungdom => (13, 17),
            Aldersgrupp::UngVuxen => (18, 24),
            Aldersgrupp::Vuxen25 => (25, 34),
            Aldersgrupp::Vuxen35 => (35, 49),
            Aldersgrupp::Vuxen50 => (50, 64),
            Aldersgrupp::Aldre => (65, 200),
        }
    }
    pub fn kod(self) -> &'static str {
        match self {
            Aldersgrupp::Under13 => "0-12",
            Aldersgrupp::Ungdom => "13-17",
            Aldersgrupp::UngVuxen => "18-24",
            Aldersgrupp::Vuxen25 => "25-34",
            Aldersgrupp::Vuxen35 => "35-49",
            Aldersgrupp::Vuxen50 => "50-64",
            Aldersgrupp::Aldre => "65-",
        }
    }
    pub fn fran_kod(kod: &str) -> Option<Self> {
        Self::ALLA.into_iter().find(|a| a.kod() == kod)
    }
    pub fn namn(self) -> String {
        match self {
            Aldersgrupp::Aldre => "65 år eller äldre".to_string(),
            _ => {
                let (a, b) = self.intervall();
                format!("{a}–{b} år")
            }
        }
    }
}

/// The topic of a rådgivning contact: a fixed list, so that no free text can carry a
/// person's circumstances (SoL 14 kap. 4 §).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Amne {
    Alkohol,
    Narkotika,
    Spel,
    Anhorig,
    Vald,
    Ekonomi,
    Annat,
}

impl Amne {
    pub const ALLA: [Amne; 7] = [
        Amne::Alkohol,
        Amne::Narkotika,
        Amne::Spel,
        Amne::Anhorig,
        Amne::Vald,
        Amne::Ekonomi,
        Amne::Annat,
    ];
    pub fn kod(self) -> &'static str {
        match self {
            Amne::Alkohol => "alkohol",
            Amne::Narkotika => "narkotika",
            Amne::Spel => "spel",
            Amne::Anhorig => "anhorig",
            Amne::Vald => "vald",
            Amne::Ekonomi => "ekonomi",
            Amne::Annat => "annat",
        }
    }
    pub fn fran_kod(kod: &str) -> Option<Self> {
        Self::ALLA.into_iter().find(|a| a.kod() == kod)
    }
    pub fn namn(self) -> &'static str {
        match self {
            Amne::Alkohol => "Alkohol",
            Amne::Narkotika => "Narkotika",
            Amne::Spel => "Spel om pengar",
            Amne::Anhorig => "Som anhörig",
            Amne::Vald => "Våld i nära relation",
            Amne::Ekonomi => "Ekonomi och skulder",
            Amne::Annat => "Annat",
        }
    }
}

/// The district given for a minimal-mode visit from outside the kommun.
pub const ANNAN_KOMMUN: &str = "Annan kommun";

/// A visit as the desk registers it, in the entry's mode: each mode holds exactly what
/// it may keep and nothing more (issue 17 item 2). The full mode, with a person record,
/// is not registered here yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Besok {
    Minimal {
        kon: Kon,
        aldersgrupp: Aldersgrupp,
        /// One of the entry's districts, or `ANNAN_KOMMUN`.
        stadsdel: String,
    },
    /// A visit or a group session: how many came, nothing about them.
    Anonym {
        antal: u32,
    },
    Radgivning {
        amne: Amne,
    },
}

impl Besok {
    pub fn integritet(&self) -> Integritet {
        match self {
            Besok::Minimal { .. } => Integritet::Minimal,
            Besok::Anonym { .. } => Integritet::Anonym,
            Besok::Radgivning { .. } => Integritet::Radgivning,
        }
    }
}

/// The largest group one registration counts.
pub const STORSTA_GRUPP: u32 = 200;

impl OppenInsats {
    /// Checks a visit against the entry on `dag`: the mode must be the entry's, a district
    /// one of its own, and the person inside the conditions as far as the mode tells.
    /// `Err` is the reasons, in Swedish; a visit outside the conditions is not registered
    /// and the person is offered the formal route.
    pub fn ta_emot(&self, dag: Date, besok: &Besok) -> Result<(), Vec<String>> {
        if besok.integritet() != self.integritet {
            return Err(vec![format!(
                "Insatsen dokumenteras som ”{}”.",
                self.integritet.namn()
            )]);
        }
        let utanfor = match besok {
            Besok::Minimal {
                aldersgrupp,
                stadsdel,
                ..
            } => {
                let annan = stadsdel == ANNAN_KOMMUN;
                if !annan && !self.stadsdelar.iter().any(|s| s == stadsdel) {
                    return Err(vec!["Välj en stadsdel i listan.".to_string()]);
                }
                self.prova(dag, Some(aldersgrupp.intervall()), Some(!annan))
            }
            Besok::Anonym { antal } => {
                if *antal == 0 || *antal > STORSTA_GRUPP {
                    return Err(vec![format!(
                        "Skriv hur många som kom, från 1 till {STORSTA_GRUPP}."
                    )]);
                }
                // Nothing is known about who came: only the period can be checked.
                self.prova(dag, None, None)
            }
            Besok::Radgivning { .. } => self.prova(dag, None, None),
        };
        if utanfor.is_empty() {
            Ok(())
        } else {
            Err(utanfor)
        }
    }
}

#[cfg(test)]
mod besok_tests {
    use super::*;
    use time::macros::date;

    fn mika() -> OppenInsats {
        OppenInsats {
            namn: "Mottagning".into(),
            art: Art::OppenMottagning,
            malgrupp: "Vuxna".into(),
            alder_fran: Some(18),
            alder_till: None,
            innehall: "Samtal".into(),
            omfattning: Omfattning::Lopande,
            villkor: String::new(),
            bosatt_i_kommunen: true,
            avgift_kr: 0,
            integritet: Integritet::Minimal,
            utforare: vec![EnhetId::ny()],
            giltig_fran: date!(2026 - 01 - 01),
            giltig_till: None,
            stadsdelar: vec!["Centrum".into(), "Norr".into()],
        }
    }

    fn minimal(ag: Aldersgrupp, stadsdel: &str) -> Besok {
        Besok::Minimal {
            kon: Kon::Kvinna,
            aldersgrupp: ag,
            stadsdel: stadsdel.into(),
        }
    }

    #[test]
    fn a_minimal_visit_inside_the_conditions_is_taken() {
        let dag = date!(2026 - 03 - 02);
        assert_eq!(
            mika().ta_emot(dag, &minimal(Aldersgrupp::Vuxen25, "Norr")),
            Ok(())
        );
    }

    #[test]
    fn age_band_residence_and_district_are_checked() {
        let dag = date!(2026 - 03 - 02);
        let i = mika();
        assert_eq!(
            i.ta_emot(dag, &minimal(Aldersgrupp::Ungdom, "Norr")),
            Err(vec!["Insatsen är för den som fyllt 18 år.".to_string()])
        );
        assert_eq!(
            i.ta_emot(dag, &minimal(Aldersgrupp::Vuxen25, ANNAN_KOMMUN)),
            Err(vec!["Insatsen är för den som bor i kommunen.".to_string()])
        );
        assert!(
            i.ta_emot(dag, &minimal(Aldersgrupp::Vuxen25, "Söder"))
                .is_err()
        );
    }

    #[test]
    fn a_visit_in_another_mode_is_refused() {
        let dag = date!(2026 - 03 - 02);
        assert!(mika().ta_emot(dag, &Besok::Anonym { antal: 3 }).is_err());
        let mut linje = mika();
        linje.integritet = Integritet::Anonym;
        assert_eq!(linje.ta_emot(dag, &Besok::Anonym { antal: 3 }), Ok(()));
        assert!(linje.ta_emot(dag, &Besok::Anonym { antal: 0 }).is_err());
        assert!(
            linje
                .ta_emot(date!(2025 - 12 - 31), &Besok::Anonym { antal: 3 })
                .is_err()
        );
    }
}

/// Age in whole years on `dag` for someone born on `fodd` (the birthday counts from its
/// own day; one born on 29 February turns a year older on 1 March in other years).
pub fn alder(fodd: Date, dag: Date) -> u32 {
    let mut ar = dag.year() - fodd.year();
    if (dag.month() as u8, dag.day()) < (fodd.month() as u8, fodd.day()) {
        ar -= 1;
    }
    u32::try_from(ar).unwrap_or(0)
}

/// What the desk knows of a person in a full-mode service before a visit: from the
/// person record and the earlier visits in the service.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Deltagande {
    /// Born on, when the identity tells (not a reservnummer).
    pub fodd: Option<Date>,
    /// Whether the person lives in the kommun, when asked (only when the entry requires it).
    pub bosatt: Option<bool>,
    /// Visits already registered in the service.
    pub anvanda: u32,
    /// The first of them.
    pub forsta: Option<Date>,
}

impl OppenInsats {
    /// Checks a full-mode visit on `dag` (issue 17 item 3): the conditions from the entry
    /// (period, the person's exact age, residence when the entry requires it), then the
    /// scope. `Ok` is where this visit falls (the last session or week prompts the choice
    /// to end or to apply); `Err` is the reasons it is not taken: outside the conditions,
    /// or the scope is used up, and either way the answer is the formal route, an
    /// application for bistånd (SoL 11 kap. 1 §).
    pub fn ta_emot_person(
        &self,
        dag: Date,
        d: &Deltagande,
    ) -> Result<Omfattningslage, Vec<String>> {
        if self.integritet != Integritet::Full {
            return Err(vec![format!(
                "Insatsen dokumenteras som ”{}”.",
                self.integritet.namn()
            )]);
        }
        let alder = d.fodd.map(|f| {
            let a = alder(f, dag);
            (a, a)
        });
        let utanfor = self.prova(dag, alder, d.bosatt);
        if !utanfor.is_empty() {
            return Err(utanfor);
        }
        match self.omfattning(d.anvanda, d.forsta, dag) {
            Omfattningslage::Forbrukad => Err(vec![format!(
                "Omfattningen är använd: insatsen ges {}.",
                self.omfattning.text()
            )]),
            lage => Ok(lage),
        }
    }
}

#[cfg(test)]
mod full_tests {
    use super::*;
    use time::macros::date;

    fn anhorig() -> OppenInsats {
        OppenInsats {
            namn: "Anhörigprogram".into(),
            art: Art::Anhorigprogram,
            malgrupp: "Anhöriga".into(),
            alder_fran: Some(18),
            alder_till: None,
            innehall: "Tio träffar".into(),
            omfattning: Omfattning::Tillfallen(10),
            villkor: String::new(),
            bosatt_i_kommunen: true,
            avgift_kr: 0,
            integritet: Integritet::Full,
            utforare: vec![EnhetId::ny()],
            giltig_fran: date!(2026 - 01 - 01),
            giltig_till: None,
            stadsdelar: vec![],
        }
    }

    fn vuxen(anvanda: u32) -> Deltagande {
        Deltagande {
            fodd: Some(date!(1980 - 05 - 17)),
            bosatt: Some(true),
            anvanda,
            forsta: Some(date!(2026 - 01 - 12)),
        }
    }

    #[test]
    fn age_counts_from_the_birthday() {
        assert_eq!(alder(date!(2008 - 03 - 02), date!(2026 - 03 - 01)), 17);
        assert_eq!(alder(date!(2008 - 03 - 02), date!(2026 - 03 - 02)), 18);
        assert_eq!(alder(date!(2008 - 02 - 29), date!(2026 - 02 - 28)), 17);
        assert_eq!(alder(date!(2008 - 02 - 29), date!(2026 - 03 - 01)), 18);
    }

    #[test]
    fn the_tenth_visit_is_taken_and_prompts_the_choice_the_eleventh_is_not() {
        let i = anhorig();
        let dag = date!(2026 - 03 - 02);
        assert_eq!(i.ta_emot_person(dag, &vuxen(0)), Ok(Omfattningslage::Inom));
        assert_eq!(i.ta_emot_person(dag, &vuxen(9)), Ok(Omfattningslage::Sista));
        let nej = i.ta_emot_person(dag, &vuxen(10)).unwrap_err();
        assert!(nej[0].contains("högst 10 tillfällen"), "{nej:?}");
    }

    #[test]
    fn a_child_or_a_non_resident_is_outside_and_a_minimal_entry_takes_no_person() {
        let i = anhorig();
        let dag = date!(2026 - 03 - 02);
        let mut barn = vuxen(0);
        barn.fodd = Some(date!(2010 - 01 - 01));
        assert_eq!(
            i.ta_emot_person(dag, &barn),
            Err(vec!["Insatsen är för den som fyllt 18 år.".to_string()])
        );
        let mut utsocknes = vuxen(0);
        utsocknes.bosatt = Some(false);
        assert!(i.ta_emot_person(dag, &utsocknes).is_err());
        let mut mika = anhorig();
        mika.integritet = Integritet::Minimal;
        assert!(mika.ta_emot_person(dag, &vuxen(0)).is_err());
    }
}
