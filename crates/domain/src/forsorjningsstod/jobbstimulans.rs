//! Jobbstimulans (SoL 12 kap. 8 §): for a person who has received försörjningsstöd for six
//! months in a row, 25 % of income from employment is not counted.
//!
//! The rule then applies for a continuous period of 24 months, whether or not the person receives
//! aid during all of them: a person who supports themselves for a while and applies again within
//! the period still has the disregard (prop. 2012/13:94, where the rule comes from). After the
//! period it applies again only when the person has once more received försörjningsstöd for six
//! months in a row, counted after the period ended. A month in which the application was refused
//! breaks the run.
//!
//! Lots derives all of this from the months in which försörjningsstöd was granted, not from a tick
//! box, so a substitute sees the same answer as the handläggare who knows the case.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::Manad;

/// The number of months in a row of aid before the disregard applies.
pub const MANADER_I_FOLJD: u32 = 6;
/// The length of the period the disregard then applies for.
pub const PERIOD_MANADER: u32 = 24;
/// The share of earned income not counted, in percent.
pub const PROCENT: i64 = 25;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "galler", rename_all = "snake_case")]
pub enum Jobbstimulans {
    /// Not in this month. `i_folj` is the number of months in a row with aid just before it (0–5),
    /// so the person can be told how many remain.
    Nej { i_folj: u32 },
    /// In this month: the `nummer`th month of the period (1–24), which runs `fran`–`till`.
    Ja {
        nummer: u32,
        fran: Manad,
        till: Manad,
    },
}

impl Jobbstimulans {
    pub fn galler(self) -> bool {
        matches!(self, Jobbstimulans::Ja { .. })
    }

    /// Months of the period left after this one.
    pub fn kvar_efter(self) -> u32 {
        match self {
            Jobbstimulans::Ja { nummer, .. } => PERIOD_MANADER - nummer,
            Jobbstimulans::Nej { .. } => 0,
        }
    }
}

/// Whether the disregard applies in `manad`, given the months in which försörjningsstöd was
/// granted (in this kommun or, registered by the handläggare, in another).
pub fn for_manad(med_stod: &BTreeSet<Manad>, manad: Manad) -> Jobbstimulans {
    let Some(&forsta) = med_stod.first() else {
        return Jobbstimulans::Nej { i_folj: 0 };
    };
    let mut period: Option<Manad> = None;
    let mut i_folj = 0;
    let mut m = forsta;
    while m <= manad {
        if let Some(start) = period {
            if m < start.plus(PERIOD_MANADER) {
                if m == manad {
                    return Jobbstimulans::Ja {
                        nummer: start.manader_till(m) + 1,
                        fran: start,
                        till: start.plus(PERIOD_MANADER - 1),
                    };
                }
                m = m.nasta();
                continue;
            }
            // The period has ended: a new run of six months starts from here.
            period = None;
            i_folj = 0;
        }
        if i_folj >= MANADER_I_FOLJD {
            period = Some(m);
            continue;
        }
        if m == manad {
            break;
        }
        i_folj = if med_stod.contains(&m) { i_folj + 1 } else { 0 };
        m = m.nasta();
    }
    Jobbstimulans::Nej { i_folj }
}

/// The part of earned income that is counted when the disregard applies.
pub fn raknad_arbetsinkomst(belopp: i64, galler: bool) -> i64 {
    if galler {
        // 75 % counted, rounded to the nearest krona in the person's favour.
        belopp - (belopp * PROCENT + 99) / 100
    } else {
        belopp
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(ar: i32, nr: u8) -> Manad {
        Manad::ny(ar, nr).unwrap()
    }

    fn manader(fran: Manad, antal: u32) -> BTreeSet<Manad> {
        (0..antal).map(|i| fran.plus(i)).collect()
    }

    #[test]
    fn sjatte_och_sjunde_manaden() {
        let stod = manader(m(2025, 1), 40);
        // Months 1–6 with aid: month 6 is computed before six months are complete.
        assert_eq!(
            for_manad(&stod, m(2025, 6)),
            Jobbstimulans::Nej { i_folj: 5 }
        );
        assert_eq!(
            for_manad(&stod, m(2025, 7)),
            Jobbstimulans::Ja {
                nummer: 1,
                fran: m(2025, 7),
                till: m(2027, 6)
            }
        );
    }

    #[test]
    fn trettionde_och_trettioforsta_manaden() {
        let stod = manader(m(2025, 1), 40);
        // Months 7–30 are the 24 months; month 31 is the first after the period.
        let trettio = for_manad(&stod, m(2025, 1).plus(29));
        assert!(matches!(trettio, Jobbstimulans::Ja { nummer: 24, .. }));
        assert_eq!(trettio.kvar_efter(), 0);
        assert_eq!(
            for_manad(&stod, m(2025, 1).plus(30)),
            Jobbstimulans::Nej { i_folj: 0 }
        );
        // Six new months in a row after the period: months 31–36, so month 37 starts again.
        assert_eq!(
            for_manad(&stod, m(2025, 1).plus(35)),
            Jobbstimulans::Nej { i_folj: 5 }
        );
        assert!(matches!(
            for_manad(&stod, m(2025, 1).plus(36)),
            Jobbstimulans::Ja { nummer: 1, .. }
        ));
    }

    #[test]
    fn ett_avslag_bryter_raden() {
        let mut stod = manader(m(2025, 1), 12);
        stod.remove(&m(2025, 4));
        assert_eq!(
            for_manad(&stod, m(2025, 7)),
            Jobbstimulans::Nej { i_folj: 2 }
        );
        // Months 5–10 are six in a row again.
        assert!(matches!(
            for_manad(&stod, m(2025, 11)),
            Jobbstimulans::Ja { nummer: 1, .. }
        ));
    }

    #[test]
    fn perioden_fortsatter_utan_stod() {
        // Six months of aid, then self-supporting for a year, then applying again: still inside
        // the 24 months, so the disregard applies.
        let mut stod = manader(m(2025, 1), 7);
        stod.insert(m(2026, 8));
        let j = for_manad(&stod, m(2026, 8));
        assert!(matches!(j, Jobbstimulans::Ja { nummer: 14, .. }));
        assert_eq!(j.kvar_efter(), 10);
    }

    #[test]
    fn utan_historik() {
        assert_eq!(
            for_manad(&BTreeSet::new(), m(2026, 1)),
            Jobbstimulans::Nej { i_folj: 0 }
        );
        // A month before any aid.
        assert_eq!(
            for_manad(&manader(m(2026, 1), 3), m(2025, 6)),
            Jobbstimulans::Nej { i_folj: 0 }
        );
    }

    #[test]
    fn tre_fjardedelar_raknas() {
        assert_eq!(raknad_arbetsinkomst(10_000, true), 7_500);
        assert_eq!(raknad_arbetsinkomst(10_001, true), 7_500);
        assert_eq!(raknad_arbetsinkomst(10_000, false), 10_000);
    }
}
