//! Fördjupad utredning: when försörjningsstöd has gone on for six months in a row, the
//! handläggare looks again and deeper at what stops the person from supporting themselves
//! (Socialstyrelsen, *Att utreda behov av försörjningsstöd*: "vid längre tids bistånd";
//! the same six months that start jobbstimulans, SoL 12 kap. 8 §). Lots raises a bevakning
//! from the months with aid, and the choice is recorded: a deepened investigation is started,
//! or the handläggare writes why not.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};
use time::Date;

use super::Manad;

/// Months of aid in a row after which the choice is asked for.
pub const MANADER_I_FOLJD: u32 = 6;

/// A run of months in a row with försörjningsstöd, ending in the month calculated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Foljd {
    /// The first month of the run: a choice is made once per run.
    pub fran: Manad,
    /// How many months the run has, the calculated one included.
    pub manader: u32,
}

impl Foljd {
    pub fn kraver_val(self) -> bool {
        self.manader >= MANADER_I_FOLJD
    }
}

/// The run of months with aid that ends in `manad`, if `manad` has aid. A month counts when
/// aid was granted for it at all, for the whole month or a part (an application from the 20th
/// is still a month with aid); a month without aid, or refused, breaks the run.
pub fn foljd(med_stod: &BTreeSet<Manad>, manad: Manad) -> Option<Foljd> {
    if !med_stod.contains(&manad) {
        return None;
    }
    let mut fran = manad;
    let mut manader = 1;
    while med_stod.contains(&fran.foregaende()) {
        fran = fran.foregaende();
        manader += 1;
    }
    Some(Foljd { fran, manader })
}

/// The handläggare's choice for one run of aid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FordjupadVal {
    pub datum: Date,
    /// The run it answers (its first month).
    pub fran: Manad,
    pub inleds: bool,
    /// Why a deepened investigation is not started, or what it will look at.
    pub skal: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(ar: i32, nr: u8) -> Manad {
        Manad::ny(ar, nr).unwrap()
    }

    fn manader(lista: &[(i32, u8)]) -> BTreeSet<Manad> {
        lista.iter().map(|&(a, n)| m(a, n)).collect()
    }

    #[test]
    fn sex_manader_i_folj_over_arsskiftet() {
        let s = manader(&[
            (2025, 9),
            (2025, 10),
            (2025, 11),
            (2025, 12),
            (2026, 1),
            (2026, 2),
        ]);
        let f = foljd(&s, m(2026, 2)).unwrap();
        assert_eq!(f.fran, m(2025, 9));
        assert_eq!(f.manader, 6);
        assert!(f.kraver_val());
        // The fifth month does not yet ask for it.
        assert!(!foljd(&s, m(2026, 1)).unwrap().kraver_val());
    }

    #[test]
    fn en_manad_utan_stod_bryter_foljden() {
        // Aid January–March, none in April, May–July: three months in a row, not six.
        let s = manader(&[
            (2026, 1),
            (2026, 2),
            (2026, 3),
            (2026, 5),
            (2026, 6),
            (2026, 7),
        ]);
        let f = foljd(&s, m(2026, 7)).unwrap();
        assert_eq!((f.fran, f.manader), (m(2026, 5), 3));
        assert!(!f.kraver_val());
        // A month without aid has no run.
        assert_eq!(foljd(&s, m(2026, 4)), None);
    }

    #[test]
    fn en_del_av_en_manad_raknas_som_manad_med_stod() {
        // The first month was aid from the 20th only; it is a month with aid like the others,
        // so the sixth month is reached in June.
        let s = manader(&[
            (2026, 1),
            (2026, 2),
            (2026, 3),
            (2026, 4),
            (2026, 5),
            (2026, 6),
        ]);
        assert!(foljd(&s, m(2026, 6)).unwrap().kraver_val());
    }
}
