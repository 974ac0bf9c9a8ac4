//! Plausibility (issue 20, item 8): what the rules allow but is probably a slip of the hand.
//! Unlike a refusal, a warning can be overridden: the handläggare confirms that the facts are
//! right and the step is taken as typed. A journal note may well be about a call before the
//! case began; a motivering of three words rarely holds up in court (FL 32 §).

use super::{Arende, Kommando};

/// A fact that looks wrong: the fact's name (as in a refusal) and what to check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Varning {
    pub fakta: &'static str,
    pub text: String,
}

/// The fewest words a decision's motivering is expected to have: a motivering of one or two
/// words ("Behov finns.") cannot say which provisions were applied and which circumstances
/// decided it (FL 32 §). Set low, so a short but complete motivering is never stopped.
pub const KORTASTE_MOTIVERING: usize = 3;

/// The warnings a command raises against the case as it is.
pub fn varningar(a: Option<&Arende>, k: &Kommando) -> Vec<Varning> {
    let mut ut = vec![];
    match k {
        Kommando::SkrivJournal { datum, .. } | Kommando::RattaJournal { datum, .. } => {
            if let Some(a) = a
                && *datum < a.inkom
            {
                ut.push(Varning {
                    fakta: "datum",
                    text: format!(
                        "Datumet ligger före ärendets start ({}). Stämmer det?",
                        a.inkom
                    ),
                });
            }
        }
        Kommando::FattaBeslut { motivering, .. } | Kommando::Omprova { motivering, .. } => {
            let ord = motivering.split_whitespace().count();
            if ord > 0 && ord < KORTASTE_MOTIVERING {
                ut.push(Varning {
                    fakta: "motivering",
                    text: "Motiveringen är mycket kort. Ett beslut ska säga vilka bestämmelser som tillämpats och vilka omständigheter som avgjort (FL 32 §).".into(),
                });
            }
        }
        _ => {}
    }
    ut
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::arende::testfall::*;

    #[test]
    fn en_anteckning_fore_arendet_och_en_kort_motivering_varnar() {
        let f = utredning_pagar();
        let a = f.arende();
        let fore = Kommando::SkrivJournal {
            id: J1,
            datum: a.inkom - Duration::days(1),
            text: "Samtal innan ansökan kom in.".into(),
        };
        assert_eq!(
            varningar(Some(a), &fore)
                .iter()
                .map(|v| v.fakta)
                .collect::<Vec<_>>(),
            vec!["datum"]
        );
        let samma = Kommando::SkrivJournal {
            id: J1,
            datum: a.inkom,
            text: "Samtal.".into(),
        };
        assert!(varningar(Some(a), &samma).is_empty());
        let kort = |text: &str| {
            let mut k = fatta(B_BIFALL, InsatsTyp::Kontaktperson, Utfall::Bifall, IDAG);
            if let Kommando::FattaBeslut { motivering, .. } = &mut k {
                *motivering = text.into();
            }
            k
        };
        assert_eq!(varningar(Some(a), &kort("Behov finns.")).len(), 1);
        assert!(
            varningar(
                Some(a),
                &kort("Behovet kan inte tillgodoses på annat sätt enligt 11 kap. 1 § SoL.")
            )
            .is_empty()
        );
    }
}
