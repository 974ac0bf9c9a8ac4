//! Group-level follow-up of öppna insatser (issue 17 item 7): counts per service,
//! provider and period, never a person. SoL 14 kap. 5 § lets the nämnd keep no
//! identifying data for a service, and the follow-up must not give back what the
//! service did not keep: a small count can single a person out.
//!
//! **The rule.** A count from 1 to 4 is shown as "färre än 5" (0 is shown: nobody
//! came). Where counts add up to a total that is shown (visits by sex, by age band, by
//! district), one suppressed cell alone could be recomputed as the total minus the
//! others, so the smallest other non-zero cell is suppressed too (secondary
//! suppression); when the total itself is below 5, it and every cell are suppressed.
//! Either way no suppressed cell can be computed from what is shown.

/// The smallest count shown as a number.
pub const MINSTA_ANTAL: i64 = 5;

/// One cell of the follow-up as shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cell {
    Antal(i64),
    /// Suppressed: 1–4, or a cell that would give one away.
    Dold,
}

impl Cell {
    /// A count standing alone (no total it adds up to is shown).
    pub fn ensam(n: i64) -> Self {
        if (1..MINSTA_ANTAL).contains(&n) {
            Cell::Dold
        } else {
            Cell::Antal(n)
        }
    }

    pub fn text(self) -> String {
        match self {
            Cell::Antal(n) => n.to_string(),
            Cell::Dold => "färre än 5".to_string(),
        }
    }
}

/// Suppresses a breakdown whose cells add up to `total` (see the module's rule).
/// Returns the cells and the total as shown.
pub fn fordelning(celler: &[i64], total: i64) -> (Vec<Cell>, Cell) {
    if (1..MINSTA_ANTAL).contains(&total) {
        let visade = celler
            .iter()
            .map(|&n| if n == 0 { Cell::Antal(0) } else { Cell::Dold })
            .collect();
        return (visade, Cell::Dold);
    }
    let mut dolda: Vec<bool> = celler
        .iter()
        .map(|&n| (1..MINSTA_ANTAL).contains(&n))
        .collect();
    if dolda.iter().filter(|d| **d).count() == 1 {
        // The smallest other non-zero cell, so that the two are known only as a sum.
        let andra = celler
            .iter()
            .enumerate()
            .filter(|(i, n)| !dolda[*i] && **n > 0)
            .min_by_key(|(_, n)| **n)
            .map(|(i, _)| i);
        match andra {
            Some(i) => dolda[i] = true,
            // Cannot happen when the cells add up to a total of 5 or more; hide the
            // total rather than trust that.
            None => {
                return (
                    celler
                        .iter()
                        .map(|&n| if n == 0 { Cell::Antal(0) } else { Cell::Dold })
                        .collect(),
                    Cell::Dold,
                );
            }
        }
    }
    let visade = celler
        .iter()
        .zip(&dolda)
        .map(|(&n, &d)| if d { Cell::Dold } else { Cell::Antal(n) })
        .collect();
    (visade, Cell::Antal(total))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_count_below_five_is_hidden_zero_and_five_are_shown() {
        assert_eq!(Cell::ensam(0), Cell::Antal(0));
        assert_eq!(Cell::ensam(1), Cell::Dold);
        assert_eq!(Cell::ensam(4), Cell::Dold);
        assert_eq!(Cell::ensam(5), Cell::Antal(5));
        assert_eq!(Cell::Dold.text(), "färre än 5");
    }

    #[test]
    fn one_small_cell_takes_the_smallest_other_with_it() {
        let (c, t) = fordelning(&[3, 20, 7, 0], 30);
        assert_eq!(c, [Cell::Dold, Cell::Antal(20), Cell::Dold, Cell::Antal(0)]);
        assert_eq!(t, Cell::Antal(30));
        // Two small cells already hide each other.
        let (c, _) = fordelning(&[3, 2, 20], 25);
        assert_eq!(c, [Cell::Dold, Cell::Dold, Cell::Antal(20)]);
        // None small: all shown.
        let (c, _) = fordelning(&[5, 9], 14);
        assert_eq!(c, [Cell::Antal(5), Cell::Antal(9)]);
    }

    #[test]
    fn a_small_total_hides_everything_but_the_zeros() {
        let (c, t) = fordelning(&[3, 0, 1], 4);
        assert_eq!(c, [Cell::Dold, Cell::Antal(0), Cell::Dold]);
        assert_eq!(t, Cell::Dold);
    }

    proptest! {
        /// No suppressed cell can be recomputed: when the total is shown, either no cell
        /// is hidden or at least two are, and every count of 1–4 is hidden.
        #[test]
        fn no_hidden_cell_follows_from_the_total(celler in prop::collection::vec(0i64..40, 1..8)) {
            let total: i64 = celler.iter().sum();
            let (visade, t) = fordelning(&celler, total);
            let dolda = visade.iter().filter(|c| **c == Cell::Dold).count();
            if t != Cell::Dold {
                prop_assert!(dolda == 0 || dolda >= 2);
            }
            for (n, c) in celler.iter().zip(&visade) {
                if (1..MINSTA_ANTAL).contains(n) {
                    prop_assert_eq!(*c, Cell::Dold);
                }
                if let Cell::Antal(v) = c {
                    prop_assert_eq!(v, n);
                }
            }
        }
    }
}
