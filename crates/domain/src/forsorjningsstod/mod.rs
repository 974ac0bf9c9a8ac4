//! Försörjningsstöd: the monthly part of ekonomiskt bistånd (SoL 12 kap. 1 § and 7–8 §§;
//! SoF (2025:468) 12 kap. 1–3 §§).
//!
//! * [`riksnorm`]: the national standard amount, as year-keyed data;
//! * [`jobbstimulans`]: the disregard of a quarter of earned income, derived from the history;
//! * [`hinder`]: each adult's försörjningshinder, Socialstyrelsen's classification as data;
//! * [`fordjupad`]: six months in a row, and the choice of a deepened investigation;
//! * [`berakning`]: one month's calculation, norm + approved costs − counted income, with a
//!   result per item, as the handläggare, the letter and Mina sidor all show it.

pub mod berakning;
pub mod fordjupad;
pub mod hinder;
pub mod hushall;
pub mod jobbstimulans;
pub mod plan;
pub mod riksnorm;
pub mod statistik;
pub mod utbetalning;

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Whole kronor. Försörjningsstöd is decided and paid in whole kronor per month.
pub type Kronor = i64;

/// A calendar month: försörjningsstöd is applied for, computed and decided per month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Manad {
    ar: i32,
    nr: u8,
}

impl Manad {
    /// `nr` is 1–12; the year 1900–2199, as the calendar rules.
    pub fn ny(ar: i32, nr: u8) -> Option<Self> {
        ((1..=12).contains(&nr) && (1900..=2199).contains(&ar)).then_some(Self { ar, nr })
    }

    pub fn for_dag(d: time::Date) -> Self {
        Self {
            ar: d.year(),
            nr: u8::from(d.month()),
        }
    }

    pub fn ar(self) -> i32 {
        self.ar
    }

    pub fn nr(self) -> u8 {
        self.nr
    }

    fn index(self) -> i64 {
        i64::from(self.ar) * 12 + i64::from(self.nr) - 1
    }

    fn fran_index(i: i64) -> Self {
        Self {
            ar: i.div_euclid(12) as i32,
            nr: (i.rem_euclid(12) + 1) as u8,
        }
    }

    pub fn plus(self, manader: u32) -> Self {
        Self::fran_index(self.index() + i64::from(manader))
    }

    pub fn nasta(self) -> Self {
        self.plus(1)
    }

    pub fn foregaende(self) -> Self {
        Self::fran_index(self.index() - 1)
    }

    /// Whole months from `self` to `senare` (0 if `senare` is not later).
    pub fn manader_till(self, senare: Manad) -> u32 {
        u32::try_from(senare.index() - self.index()).unwrap_or(0)
    }

    /// The first day of the month.
    pub fn forsta_dagen(self) -> time::Date {
        let manad = time::Month::try_from(self.nr).unwrap_or(time::Month::January);
        time::Date::from_calendar_date(self.ar, manad, 1).unwrap_or(time::Date::MIN)
    }

    /// The month's name and year in Swedish, as a letter writes it: "mars 2026".
    pub fn namn(self) -> String {
        let manad = time::Month::try_from(self.nr).unwrap_or(time::Month::January);
        format!("{} {}", crate::tid::manadsnamn(manad), self.ar)
    }
}

/// "2026-03".
impl fmt::Display for Manad {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.ar, self.nr)
    }
}

impl std::str::FromStr for Manad {
    type Err = &'static str;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        const FEL: &str = "Månaden ska skrivas ÅÅÅÅ-MM, till exempel 2026-03.";
        let (ar, nr) = s.trim().split_once('-').ok_or(FEL)?;
        if ar.len() != 4 || nr.len() != 2 {
            return Err(FEL);
        }
        let ar: i32 = ar.parse().map_err(|_| FEL)?;
        let nr: u8 = nr.parse().map_err(|_| FEL)?;
        Manad::ny(ar, nr).ok_or(FEL)
    }
}

impl Serialize for Manad {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Manad {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manader_over_arsskiften() {
        let m = Manad::ny(2025, 11).unwrap();
        assert_eq!(m.plus(2), Manad::ny(2026, 1).unwrap());
        assert_eq!(
            Manad::ny(2026, 1).unwrap().foregaende(),
            Manad::ny(2025, 12).unwrap()
        );
        assert_eq!(m.manader_till(Manad::ny(2027, 11).unwrap()), 24);
        assert_eq!(Manad::ny(2027, 11).unwrap().manader_till(m), 0);
        assert_eq!(m.to_string(), "2025-11");
        assert_eq!("2025-11".parse::<Manad>(), Ok(m));
        assert_eq!(m.namn(), "november 2025");
        for fel in [
            "2025-13",
            "2025-00",
            "25-11",
            "2025-1",
            "",
            "abcd-ef",
            "2025-11-01",
        ] {
            assert!(fel.parse::<Manad>().is_err(), "{fel}");
        }
    }
}
