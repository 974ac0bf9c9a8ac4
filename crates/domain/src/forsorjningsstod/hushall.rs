//! Changes of the household over time (issue 15, item 1: "changes over time are events,
//! like everything else"). The household is recorded with each month's calculation
//! (`Underlag::hushall`); a change is read by comparing a calculated month's household
//! with the one calculated before it in the same case, so there is one source of truth
//! and a change can never disagree with the calculations it is read from.

use serde::{Deserialize, Serialize};

use super::Manad;
use super::riksnorm::{NormBarn, NormHushall, Vuxna};

/// One change between two calculated months' households. Facts only: each reader's
/// words are their own (`text` for staff; Mina sidor in the person's language).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "slag", rename_all = "snake_case")]
pub enum Hushallsandring {
    /// From one adult to makar or sambor applying together (SoF 12 kap. 2 §).
    SamboBorjade,
    /// From makar or sambor to one adult.
    SamboSlutade,
    /// A child aged 0 who was not there before.
    BarnFott,
    /// A child who was not there before (not a newborn).
    BarnFlyttadeIn { alder: u8 },
    /// A child who was there before and is no longer counted.
    BarnFlyttadeUt { alder: u8 },
    /// A child who lived here all the time now lives here part of it (växelvis boende).
    VaxelvisBorjade { alder: u8, andel_procent: u8 },
    /// A child who lived here part of the time now lives here all of it.
    VaxelvisSlutade { alder: u8 },
    /// A child's share of the month changed, still växelvis.
    VaxelvisAndrad { alder: u8, fran: u8, till: u8 },
    /// Others sharing the home without being sambo (SoF 12 kap. 2 §): more than before.
    MedboendeFlyttadeIn { antal: u8 },
    /// Fewer others sharing the home than before.
    MedboendeFlyttadeUt { antal: u8 },
}

impl Hushallsandring {
    /// The change in Swedish, for staff and the record.
    pub fn text(self) -> String {
        use Hushallsandring as H;
        match self {
            H::SamboBorjade => "två vuxna (makar eller sambor) söker nu tillsammans".into(),
            H::SamboSlutade => "en vuxen söker nu ensam (inte längre makar eller sambor)".into(),
            H::BarnFott => "ett barn har fötts".into(),
            H::BarnFlyttadeIn { alder } => format!("ett barn, {alder} år, har flyttat in"),
            H::BarnFlyttadeUt { alder } => format!("ett barn, {alder} år, har flyttat ut"),
            H::VaxelvisBorjade {
                alder,
                andel_procent,
            } => format!(
                "växelvis boende började för barnet som är {alder} år (bor här {andel_procent} % av månaden)"
            ),
            H::VaxelvisSlutade { alder } => {
                format!(
                    "växelvis boende slutade för barnet som är {alder} år (bor här hela månaden)"
                )
            }
            H::VaxelvisAndrad { alder, fran, till } => format!(
                "barnet som är {alder} år bor här {till} % av månaden i stället för {fran} %"
            ),
            H::MedboendeFlyttadeIn { antal } => {
                format!("{antal} fler som delar bostaden utan att vara sambo")
            }
            H::MedboendeFlyttadeUt { antal } => {
                format!("{antal} färre som delar bostaden utan att vara sambo")
            }
        }
    }
}

/// What changed from `forra` to `denna`, `manader` months later. A child is the same
/// child if its age is the same or has grown by at most the years between (plus one for
/// a birthday): the nearest such age is taken, oldest children first, so a family
/// whose children all had birthdays shows no change.
pub fn andringar(forra: &NormHushall, denna: &NormHushall, manader: u32) -> Vec<Hushallsandring> {
    use Hushallsandring as H;
    let mut ut = vec![];
    match (forra.vuxna, denna.vuxna) {
        (Vuxna::Ensam, Vuxna::Sambo) => ut.push(H::SamboBorjade),
        (Vuxna::Sambo, Vuxna::Ensam) => ut.push(H::SamboSlutade),
        _ => {}
    }
    let max_okning = u8::try_from(manader / 12 + 1).unwrap_or(u8::MAX);
    let mut gamla: Vec<NormBarn> = forra.barn.clone();
    gamla.sort_by_key(|b| std::cmp::Reverse(b.alder));
    let mut nya: Vec<Option<NormBarn>> = denna.barn.iter().copied().map(Some).collect();
    let mut flyttade_ut = vec![];
    let mut par = vec![];
    for g in gamla {
        let hittad = nya
            .iter()
            .enumerate()
            .filter_map(|(i, n)| n.map(|n| (i, n)))
            .filter(|(_, n)| n.alder >= g.alder && n.alder - g.alder <= max_okning)
            .min_by_key(|(_, n)| (n.alder - g.alder, n.andel_procent != g.andel_procent));
        match hittad {
            Some((i, n)) => {
                nya[i] = None;
                par.push((g, n));
            }
            None => flyttade_ut.push(g),
        }
    }
    for (g, n) in par {
        match (g.andel_procent, n.andel_procent) {
            (100, 100) => {}
            (100, till) => ut.push(H::VaxelvisBorjade {
                alder: n.alder,
                andel_procent: till,
            }),
            (_, 100) => ut.push(H::VaxelvisSlutade { alder: n.alder }),
            (fran, till) if fran != till => ut.push(H::VaxelvisAndrad {
                alder: n.alder,
                fran,
                till,
            }),
            _ => {}
        }
    }
    for n in nya.into_iter().flatten() {
        ut.push(if n.alder == 0 {
            H::BarnFott
        } else {
            H::BarnFlyttadeIn { alder: n.alder }
        });
    }
    for g in flyttade_ut {
        ut.push(H::BarnFlyttadeUt { alder: g.alder });
    }
    if denna.medboende > forra.medboende {
        ut.push(H::MedboendeFlyttadeIn {
            antal: denna.medboende - forra.medboende,
        });
    } else if denna.medboende < forra.medboende {
        ut.push(H::MedboendeFlyttadeUt {
            antal: forra.medboende - denna.medboende,
        });
    }
    ut
}

/// Each calculated month whose household differs from the month calculated before it,
/// with what changed, oldest first. The first month calculated has nothing to differ from.
pub fn historik(manader: &[(Manad, NormHushall)]) -> Vec<(Manad, Vec<Hushallsandring>)> {
    let mut sorterade: Vec<&(Manad, NormHushall)> = manader.iter().collect();
    sorterade.sort_by_key(|(m, _)| *m);
    sorterade
        .windows(2)
        .filter_map(|w| {
            let ((m0, h0), (m1, h1)) = (w[0], w[1]);
            let a = andringar(h0, h1, m0.manader_till(*m1));
            (!a.is_empty()).then_some((*m1, a))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::Hushallsandring as H;
    use super::*;

    fn hushall(vuxna: Vuxna, barn: &[(u8, u8)], medboende: u8) -> NormHushall {
        NormHushall {
            vuxna,
            barn: barn
                .iter()
                .map(|(alder, andel)| NormBarn {
                    alder: *alder,
                    utan_lunch: false,
                    andel_procent: *andel,
                })
                .collect(),
            medboende,
        }
    }

    fn m(ar: i32, nr: u8) -> Manad {
        Manad::ny(ar, nr).expect("månad")
    }

    #[test]
    fn samma_hushall_ar_ingen_andring() {
        let h = hushall(Vuxna::Sambo, &[(4, 100), (9, 50)], 1);
        assert!(andringar(&h, &h, 1).is_empty());
    }

    #[test]
    fn barn_som_fyller_ar_ar_samma_barn() {
        let forra = hushall(Vuxna::Ensam, &[(4, 100), (9, 100)], 0);
        let denna = hushall(Vuxna::Ensam, &[(5, 100), (9, 100)], 0);
        assert!(andringar(&forra, &denna, 1).is_empty());
        // Two years between calculations: up to three years older is still the same child.
        let senare = hushall(Vuxna::Ensam, &[(6, 100), (11, 100)], 0);
        assert!(andringar(&forra, &senare, 24).is_empty());
    }

    #[test]
    fn sambo_borjar_och_slutar() {
        let ensam = hushall(Vuxna::Ensam, &[], 0);
        let sambo = hushall(Vuxna::Sambo, &[], 0);
        assert_eq!(andringar(&ensam, &sambo, 1), vec![H::SamboBorjade]);
        assert_eq!(andringar(&sambo, &ensam, 1), vec![H::SamboSlutade]);
    }

    #[test]
    fn barn_fods_flyttar_in_och_ut() {
        let forra = hushall(Vuxna::Sambo, &[(7, 100)], 0);
        let fott = hushall(Vuxna::Sambo, &[(7, 100), (0, 100)], 0);
        assert_eq!(andringar(&forra, &fott, 1), vec![H::BarnFott]);
        let in_ = hushall(Vuxna::Sambo, &[(7, 100), (12, 100)], 0);
        assert_eq!(
            andringar(&forra, &in_, 1),
            vec![H::BarnFlyttadeIn { alder: 12 }]
        );
        let ut = hushall(Vuxna::Sambo, &[], 0);
        assert_eq!(
            andringar(&forra, &ut, 1),
            vec![H::BarnFlyttadeUt { alder: 7 }]
        );
        // A child two years older a month later is another child.
        let annat = hushall(Vuxna::Sambo, &[(9, 100)], 0);
        assert_eq!(
            andringar(&forra, &annat, 1),
            vec![
                H::BarnFlyttadeIn { alder: 9 },
                H::BarnFlyttadeUt { alder: 7 }
            ]
        );
    }

    #[test]
    fn vaxelvis_boende_borjar_andras_och_slutar() {
        let heltid = hushall(Vuxna::Ensam, &[(8, 100)], 0);
        let halv = hushall(Vuxna::Ensam, &[(8, 50)], 0);
        let tredjedel = hushall(Vuxna::Ensam, &[(8, 30)], 0);
        assert_eq!(
            andringar(&heltid, &halv, 1),
            vec![H::VaxelvisBorjade {
                alder: 8,
                andel_procent: 50
            }]
        );
        assert_eq!(
            andringar(&halv, &tredjedel, 1),
            vec![H::VaxelvisAndrad {
                alder: 8,
                fran: 50,
                till: 30
            }]
        );
        assert_eq!(
            andringar(&halv, &heltid, 1),
            vec![H::VaxelvisSlutade { alder: 8 }]
        );
    }

    #[test]
    fn medboende_fler_och_farre() {
        let en = hushall(Vuxna::Ensam, &[], 1);
        let tre = hushall(Vuxna::Ensam, &[], 3);
        assert_eq!(
            andringar(&en, &tre, 1),
            vec![H::MedboendeFlyttadeIn { antal: 2 }]
        );
        assert_eq!(
            andringar(&tre, &en, 1),
            vec![H::MedboendeFlyttadeUt { antal: 2 }]
        );
    }

    #[test]
    fn historik_jamfor_med_forra_beraknade_manaden_i_ordning() {
        let ensam = hushall(Vuxna::Ensam, &[(3, 100)], 0);
        let sambo = hushall(Vuxna::Sambo, &[(3, 100)], 0);
        let med_barn = hushall(Vuxna::Sambo, &[(3, 100), (0, 100)], 0);
        // Given out of order, with a gap: April is compared with January.
        let h = historik(&[
            (m(2026, 4), sambo.clone()),
            (m(2026, 1), ensam.clone()),
            (m(2026, 5), sambo.clone()),
            (m(2026, 6), med_barn),
        ]);
        assert_eq!(
            h,
            vec![
                (m(2026, 4), vec![H::SamboBorjade]),
                (m(2026, 6), vec![H::BarnFott]),
            ]
        );
        assert!(historik(&[(m(2026, 1), ensam)]).is_empty());
    }
}
