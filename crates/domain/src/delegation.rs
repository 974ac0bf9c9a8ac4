//! The delegationsordning: the nämnd's table of who may take which decision.
//! It is data that a systemförvaltare edits, versioned; a decision records the
//! version and point that authorised it (KL 6 kap. 37 §, 7 kap. 8 §).

use serde::{Deserialize, Serialize};

use crate::insats::{InsatsTyp, Utfall};
use crate::organisation::Roll;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Delegationspunkt {
    /// The point's number in the nämnd's document, e.g. "3.2".
    pub punkt: String,
    pub beskrivning: String,
    /// Empty means every insats.
    pub insatser: Vec<InsatsTyp>,
    /// Empty means every outcome.
    pub utfall: Vec<Utfall>,
    pub roller: Vec<Roll>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Delegationsordning {
    pub version: i64,
    pub punkter: Vec<Delegationspunkt>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DelegationsRef {
    pub version: i64,
    pub punkt: String,
}

impl Delegationsordning {
    /// The first point that lets `roll` take a decision with `utfall` on `insats`.
    pub fn behorighet(
        &self,
        roll: Roll,
        insats: InsatsTyp,
        utfall: Utfall,
    ) -> Option<DelegationsRef> {
        self.punkter
            .iter()
            .find(|p| {
                p.roller.contains(&roll)
                    && (p.insatser.is_empty() || p.insatser.contains(&insats))
                    && (p.utfall.is_empty() || p.utfall.contains(&utfall))
            })
            .map(|p| DelegationsRef {
                version: self.version,
                punkt: p.punkt.clone(),
            })
    }
}

impl Delegationsordning {
    /// The points that let `roll` take a decision with `utfall` on every one of
    /// `insatser`, for a decision about the case as a whole, such as rejecting a
    /// request for a decision (FL 12 §). Each insats needs a point; when they
    /// differ, all are recorded ("3.1, 3.5"). `None` when one is not covered or
    /// `insatser` is empty.
    pub fn behorighet_for_alla(
        &self,
        roll: Roll,
        insatser: &[InsatsTyp],
        utfall: Utfall,
    ) -> Option<DelegationsRef> {
        let mut punkter: Vec<String> = vec![];
        for i in insatser {
            let p = self.behorighet(roll, *i, utfall)?.punkt;
            if !punkter.contains(&p) {
                punkter.push(p);
            }
        }
        (!punkter.is_empty()).then(|| DelegationsRef {
            version: self.version,
            punkt: punkter.join(", "),
        })
    }
}

/// Checks a new version before it is stored: every point has a number, a text and
/// at least one role, and no number is used twice. Returns the problems in Swedish.
pub fn granska(punkter: &[Delegationspunkt]) -> Vec<String> {
    let mut fel = vec![];
    if punkter.is_empty() {
        fel.push("Delegationsordningen måste ha minst en punkt.".to_string());
    }
    for (i, p) in punkter.iter().enumerate() {
        if p.punkt.trim().is_empty() {
            fel.push(format!("Rad {}: ange punktens nummer.", i + 1));
        }
        if p.beskrivning.trim().is_empty() {
            fel.push(format!("Punkt {}: beskriv vad punkten gäller.", p.punkt));
        }
        if p.roller.is_empty() {
            fel.push(format!(
                "Punkt {}: välj minst en roll som får besluta.",
                p.punkt
            ));
        }
        if punkter[..i]
            .iter()
            .any(|q| q.punkt.trim() == p.punkt.trim())
        {
            fel.push(format!("Punkt {} finns två gånger.", p.punkt));
        }
    }
    fel
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ordning() -> Delegationsordning {
        Delegationsordning {
            version: 3,
            punkter: vec![
                Delegationspunkt {
                    punkt: "2.1".into(),
                    beskrivning: "Öppenvård".into(),
                    insatser: vec![InsatsTyp::Oppenvardsbehandling],
                    utfall: vec![],
                    roller: vec![Roll::Handlaggare, Roll::Arbetsledare],
                },
                Delegationspunkt {
                    punkt: "2.5".into(),
                    beskrivning: "HVB".into(),
                    insatser: vec![InsatsTyp::Hvb],
                    utfall: vec![],
                    roller: vec![Roll::Arbetsledare],
                },
            ],
        }
    }

    #[test]
    fn the_first_matching_point_is_recorded_with_its_version() {
        let r = ordning().behorighet(
            Roll::Handlaggare,
            InsatsTyp::Oppenvardsbehandling,
            Utfall::Avslag,
        );
        assert_eq!(
            r,
            Some(DelegationsRef {
                version: 3,
                punkt: "2.1".into()
            })
        );
    }

    #[test]
    fn a_role_without_a_point_has_no_right() {
        assert_eq!(
            ordning().behorighet(Roll::Handlaggare, InsatsTyp::Hvb, Utfall::Bifall),
            None
        );
        assert_eq!(
            ordning().behorighet(
                Roll::Utforare,
                InsatsTyp::Oppenvardsbehandling,
                Utfall::Bifall
            ),
            None
        );
        assert!(
            ordning()
                .behorighet(Roll::Arbetsledare, InsatsTyp::Hvb, Utfall::Bifall)
                .is_some()
        );
    }

    #[test]
    fn a_new_version_is_checked_before_it_is_stored() {
        assert!(granska(&ordning().punkter).is_empty());
        assert_eq!(granska(&[]).len(), 1);
        let mut dubbel = ordning().punkter;
        dubbel[1].punkt = "2.1".into();
        dubbel[1].roller.clear();
        assert_eq!(
            granska(&dubbel),
            vec![
                "Punkt 2.1: välj minst en roll som får besluta.",
                "Punkt 2.1 finns två gånger."
            ]
        );
    }
}
