//! Riksnormen: the national standard amount for the household's everyday costs
//! (SoL 12 kap. 7 § p. 1; SoF (2025:468) 12 kap. 2–3 §§).
//!
//! The amounts change every year, so they are data keyed by year ([`Riksnorm`]), not code: the
//! years Lots ships with are in [`Riksnorm::inbyggda`], and a kommun's systemförvaltare adds the
//! next year's table without a new release. A month is always computed with its own year's table.
//!
//! Amounts are whole kronor per month. Where a share is taken (a child living here part of the
//! time, common costs divided among the members of a shared home) the result is rounded to the
//! nearest krona, halves up.

use serde::{Deserialize, Serialize};

use super::Kronor;

/// The oldest age the norm has an amount for: children living at home up to 20 (SoF 12 kap. 2 §).
pub const HOGSTA_BARNALDER: u8 = 20;

/// The oldest age for which the lower "ej lunch 5 dagar/vecka" amount exists: a child in förskola
/// eats lunch there (SoF 12 kap. 2 §).
pub const HOGSTA_ALDER_UTAN_LUNCH: u8 = 6;

/// The number of household sizes the table lists common costs for; each member beyond adds the
/// difference between the last two (SoF 12 kap. 3 §).
pub const STORLEKAR: usize = 7;

/// One age band of the children's personal costs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Aldersgrupp {
    pub fran: u8,
    pub till: u8,
    pub belopp: Kronor,
    /// The amount for a child who does not eat lunch at home five weekdays; only for ages 0–6.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub utan_lunch: Option<Kronor>,
}

/// One year's riksnorm.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Riksnorm {
    pub ar: i32,
    /// Personal costs per child, by age band, covering every age 0–20 once.
    pub barn: Vec<Aldersgrupp>,
    /// Personal costs of a single adult.
    pub ensamstaende: Kronor,
    /// Personal costs of two cohabiting adults (makar or sambor) together.
    pub sambo: Kronor,
    /// Common household costs for a household of 1, 2, … 7 members.
    pub gemensamma: [Kronor; STORLEKAR],
}

/// Why a riksnorm table cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TabellFel {
    #[error("Året måste vara mellan 2000 och 2199.")]
    Ar,
    #[error(
        "Åldersgrupperna för barn måste täcka varje ålder från 0 till 20 år precis en gång, i ordning (fel vid {alder} år)."
    )]
    Aldrar { alder: u8 },
    #[error(
        "Beloppet för lägre belopp utan lunch får bara anges för barn upp till 6 år och får inte vara högre än det vanliga beloppet ({fran}–{till} år)."
    )]
    UtanLunch { fran: u8, till: u8 },
    #[error("Alla belopp måste vara större än noll och högst 100 000 kr.")]
    Belopp,
    #[error("De hushållsgemensamma kostnaderna får inte minska när hushållet blir större.")]
    Gemensamma,
}

/// The adults the application is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Vuxna {
    /// One adult: single, or sharing a home with others who are not makar or sambo.
    Ensam,
    /// Makar or sambor: a joint application, both counted (SoF 12 kap. 2 §).
    Sambo,
}

impl Vuxna {
    pub fn antal(self) -> u32 {
        match self {
            Vuxna::Ensam => 1,
            Vuxna::Sambo => 2,
        }
    }
}

/// A child in the household, for the norm.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct NormBarn {
    pub alder: u8,
    /// Does not eat lunch at home five weekdays (eats at förskola); only ages 0–6.
    #[serde(default)]
    pub utan_lunch: bool,
    /// The share of the month the child lives here, in percent: 100, or less when the child
    /// lives with each parent in turn (växelvis boende). The child's personal costs count in
    /// that proportion; it counts as a member of the household for the common costs, since the
    /// home is kept for it all month.
    #[serde(default = "hela_tiden")]
    pub andel_procent: u8,
}

fn hela_tiden() -> u8 {
    100
}

impl NormBarn {
    pub fn heltid(alder: u8) -> Self {
        Self {
            alder,
            utan_lunch: false,
            andel_procent: 100,
        }
    }
}

/// The household the norm is computed for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NormHushall {
    pub vuxna: Vuxna,
    #[serde(default)]
    pub barn: Vec<NormBarn>,
    /// Others who share the home without being makar, sambo or the applicants' children (a
    /// friend, a grown-up sibling, a lodger). They are not part of the application, but the home's
    /// common costs are divided among all who live in it (SoF 12 kap. 2 §).
    #[serde(default)]
    pub medboende: u8,
}

/// Why a household cannot be computed with a table.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HushallsFel {
    #[error("Barn nummer {} är {alder} år: riksnormen gäller barn upp till 20 år.", position + 1)]
    Alder { position: usize, alder: u8 },
    #[error("Barn nummer {} är {alder} år: det lägre beloppet utan lunch gäller bara barn upp till 6 år.", position + 1)]
    UtanLunch { position: usize, alder: u8 },
    #[error("Barn nummer {} : andelen av månaden barnet bor här måste vara 1–100 procent.", position + 1)]
    Andel { position: usize },
    #[error("Ett hushåll kan ha högst 30 medlemmar.")]
    ForStort,
}

/// What a line of the norm is for. Facts only: the words are the web's, in the
/// reader's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "slag", rename_all = "snake_case")]
pub enum Normpost {
    /// A single adult's personal costs.
    Vuxen,
    /// Two cohabiting adults' personal costs together.
    Sambo,
    /// A child's personal costs: the lower amount if it eats lunch at förskola, and its
    /// share of the month if it lives here part of the time.
    Barn {
        alder: u8,
        utan_lunch: bool,
        andel_procent: u8,
    },
    /// The common household costs for `alla` members; in a shared home the applicants'
    /// share, `egna` of them, of the whole amount `hela`.
    Gemensamma {
        egna: usize,
        alla: usize,
        hela: Kronor,
    },
}

/// One line of the norm, as it is shown to the handläggare, in the letter and on Mina sidor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Normrad {
    pub post: Normpost,
    pub belopp: Kronor,
}

/// The norm for one household and month, line by line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Normberakning {
    pub ar: i32,
    pub rader: Vec<Normrad>,
    pub personliga: Kronor,
    pub gemensamma: Kronor,
    pub norm: Kronor,
}

/// `del / av` of `belopp`, to the nearest krona, halves up.
fn andel(belopp: Kronor, del: i64, av: i64) -> Kronor {
    (belopp * del * 2 + av) / (2 * av)
}

const HOGSTA_MEDLEMMAR: usize = 30;

impl Riksnorm {
    /// The tables Lots ships with (DOMAIN.md; Socialstyrelsen's published riksnorm for 2025 and
    /// the government's decision for 2026).
    pub fn inbyggda() -> Vec<Riksnorm> {
        let grupper = |v: [(u8, u8, Kronor, Option<Kronor>); 8]| {
            v.into_iter()
                .map(|(fran, till, belopp, utan_lunch)| Aldersgrupp {
                    fran,
                    till,
                    belopp,
                    utan_lunch,
                })
                .collect()
        };
        vec![
            Riksnorm {
                ar: 2025,
                barn: grupper([
                    (0, 0, 2720, Some(2540)),
                    (1, 2, 3030, Some(2780)),
                    (3, 3, 2700, Some(2480)),
                    (4, 6, 3030, Some(2700)),
                    (7, 10, 3790, None),
                    (11, 14, 4350, None),
                    (15, 18, 4920, None),
                    (19, 20, 4960, None),
                ]),
                ensamstaende: 3910,
                sambo: 7050,
                gemensamma: [1270, 1400, 1770, 2010, 2310, 2620, 2810],
            },
            Riksnorm {
                ar: 2026,
                barn: grupper([
                    (0, 0, 2740, Some(2560)),
                    (1, 2, 3060, Some(2800)),
                    (3, 3, 2720, Some(2500)),
                    (4, 6, 3060, Some(2720)),
                    (7, 10, 3820, None),
                    (11, 14, 4390, None),
                    (15, 18, 4960, None),
                    (19, 20, 5000, None),
                ]),
                ensamstaende: 3940,
                sambo: 7100,
                gemensamma: [1280, 1410, 1790, 2030, 2330, 2640, 2830],
            },
        ]
    }

    /// Checks that the table can be used: every child's age has exactly one amount, the lower
    /// amounts are where the law has them, and no amount is zero, negative or absurd.
    pub fn kontrollera(&self) -> Result<(), TabellFel> {
        if !(2000..=2199).contains(&self.ar) {
            return Err(TabellFel::Ar);
        }
        let rimligt = |b: Kronor| (1..=100_000).contains(&b);
        let mut nasta = 0u8;
        for g in &self.barn {
            if g.fran != nasta || g.till < g.fran || g.till > HOGSTA_BARNALDER {
                return Err(TabellFel::Aldrar { alder: nasta });
            }
            if !rimligt(g.belopp) || g.utan_lunch.is_some_and(|u| !rimligt(u)) {
                return Err(TabellFel::Belopp);
            }
            if g.utan_lunch
                .is_some_and(|u| u > g.belopp || g.till > HOGSTA_ALDER_UTAN_LUNCH)
            {
                return Err(TabellFel::UtanLunch {
                    fran: g.fran,
                    till: g.till,
                });
            }
            nasta = g.till + 1;
        }
        if nasta != HOGSTA_BARNALDER + 1 {
            return Err(TabellFel::Aldrar { alder: nasta });
        }
        if !rimligt(self.ensamstaende)
            || !rimligt(self.sambo)
            || self.gemensamma.iter().any(|&g| !rimligt(g))
        {
            return Err(TabellFel::Belopp);
        }
        if self.gemensamma.windows(2).any(|w| w[1] < w[0]) {
            return Err(TabellFel::Gemensamma);
        }
        Ok(())
    }

    /// The child's personal costs at this age, and whether a lower amount without lunch exists.
    fn barnets(&self, alder: u8) -> Option<&Aldersgrupp> {
        self.barn
            .iter()
            .find(|g| (g.fran..=g.till).contains(&alder))
    }

    /// The common costs of a household of `medlemmar` (at least one); beyond seven, each member
    /// adds the difference between six and seven (SoF 12 kap. 3 §).
    pub fn gemensamma_for(&self, medlemmar: usize) -> Kronor {
        let n = medlemmar.max(1);
        if n <= STORLEKAR {
            return self.gemensamma[n - 1];
        }
        let steg = self.gemensamma[STORLEKAR - 1] - self.gemensamma[STORLEKAR - 2];
        self.gemensamma[STORLEKAR - 1] + steg * (n - STORLEKAR) as Kronor
    }

    /// Checks a household against the law's limits, so that a caller can say which child is wrong.
    pub fn kontrollera_hushall(h: &NormHushall) -> Result<(), HushallsFel> {
        for (position, b) in h.barn.iter().enumerate() {
            if b.alder > HOGSTA_BARNALDER {
                return Err(HushallsFel::Alder {
                    position,
                    alder: b.alder,
                });
            }
            if b.utan_lunch && b.alder > HOGSTA_ALDER_UTAN_LUNCH {
                return Err(HushallsFel::UtanLunch {
                    position,
                    alder: b.alder,
                });
            }
            if !(1..=100).contains(&b.andel_procent) {
                return Err(HushallsFel::Andel { position });
            }
        }
        if h.vuxna.antal() as usize + h.barn.len() + usize::from(h.medboende) > HOGSTA_MEDLEMMAR {
            return Err(HushallsFel::ForStort);
        }
        Ok(())
    }

    /// The norm for the household, line by line.
    pub fn berakna(&self, h: &NormHushall) -> Result<Normberakning, HushallsFel> {
        Self::kontrollera_hushall(h)?;
        let mut rader = Vec::new();
        match h.vuxna {
            Vuxna::Ensam => rader.push(Normrad {
                post: Normpost::Vuxen,
                belopp: self.ensamstaende,
            }),
            Vuxna::Sambo => rader.push(Normrad {
                post: Normpost::Sambo,
                belopp: self.sambo,
            }),
        }
        for (position, b) in h.barn.iter().enumerate() {
            let Some(g) = self.barnets(b.alder) else {
                return Err(HushallsFel::Alder {
                    position,
                    alder: b.alder,
                });
            };
            let (hel, utan_lunch) = match (b.utan_lunch, g.utan_lunch) {
                (true, Some(lagre)) => (lagre, true),
                _ => (g.belopp, false),
            };
            rader.push(Normrad {
                post: Normpost::Barn {
                    alder: b.alder,
                    utan_lunch,
                    andel_procent: b.andel_procent,
                },
                belopp: andel(hel, i64::from(b.andel_procent), 100),
            });
        }
        let personliga = rader.iter().map(|r| r.belopp).sum();

        let egna = h.vuxna.antal() as usize + h.barn.len();
        let alla = egna + usize::from(h.medboende);
        let hela = self.gemensamma_for(alla);
        // SoF 12 kap. 2 §: in a shared home the common costs are divided among all who live
        // there, and the applicants are counted for their own share.
        let gemensamma = andel(hela, egna as i64, alla as i64);
        rader.push(Normrad {
            post: Normpost::Gemensamma { egna, alla, hela },
            belopp: gemensamma,
        });
        Ok(Normberakning {
            ar: self.ar,
            rader,
            personliga,
            gemensamma,
            norm: personliga + gemensamma,
        })
    }
}

/// A year Lots ships the table of: it is the law's, the same in every kommun, and a
/// correction of it comes with a release, never from one kommun's systemförvaltare.
pub fn foljer_med(ar: i32) -> bool {
    Riksnorm::inbyggda().iter().any(|t| t.ar == ar)
}

/// The table for a year, from a set of tables (built in and added by the kommun).
pub fn for_ar(tabeller: &[Riksnorm], ar: i32) -> Option<&Riksnorm> {
    tabeller.iter().find(|t| t.ar == ar)
}

/// What changes from one year's table to the next: the preview the systemförvaltare sees before
/// a new year's table is saved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Forandring {
    pub post: String,
    pub fore: Option<Kronor>,
    pub efter: Kronor,
}

pub fn forandringar(fore: Option<&Riksnorm>, efter: &Riksnorm) -> Vec<Forandring> {
    let mut poster: Vec<(String, Option<Kronor>, Kronor)> = Vec::new();
    for alder in 0..=HOGSTA_BARNALDER {
        let ny = efter.barnets(alder);
        let gammal = fore.and_then(|f| f.barnets(alder));
        if let Some(ny) = ny {
            poster.push((
                format!("Barn {alder} år"),
                gammal.map(|g| g.belopp),
                ny.belopp,
            ));
            if let Some(u) = ny.utan_lunch {
                poster.push((
                    format!("Barn {alder} år, lunch i förskolan"),
                    gammal.and_then(|g| g.utan_lunch),
                    u,
                ));
            }
        }
    }
    poster.push((
        "Vuxen, ensamstående".into(),
        fore.map(|f| f.ensamstaende),
        efter.ensamstaende,
    ));
    poster.push((
        "Två vuxna som lever tillsammans".into(),
        fore.map(|f| f.sambo),
        efter.sambo,
    ));
    for (i, &g) in efter.gemensamma.iter().enumerate() {
        poster.push((
            format!("Hushållsgemensamma kostnader, {} personer", i + 1),
            fore.map(|f| f.gemensamma[i]),
            g,
        ));
    }
    poster
        .into_iter()
        .map(|(post, fore, efter)| Forandring { post, fore, efter })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ar(a: i32) -> Riksnorm {
        Riksnorm::inbyggda()
            .into_iter()
            .find(|t| t.ar == a)
            .expect("inbyggd tabell")
    }

    fn hushall(vuxna: Vuxna, barn: &[u8]) -> NormHushall {
        NormHushall {
            vuxna,
            barn: barn.iter().map(|&a| NormBarn::heltid(a)).collect(),
            medboende: 0,
        }
    }

    #[test]
    fn inbyggda_tabeller_ar_giltiga() {
        for t in Riksnorm::inbyggda() {
            assert_eq!(t.kontrollera(), Ok(()), "{}", t.ar);
        }
    }

    #[test]
    fn regeringens_belopp_for_2026() {
        // The government's published figures: 5 220 kr single, 8 510 kr cohabiting.
        let t = ar(2026);
        assert_eq!(t.berakna(&hushall(Vuxna::Ensam, &[])).unwrap().norm, 5220);
        assert_eq!(t.berakna(&hushall(Vuxna::Sambo, &[])).unwrap().norm, 8510);
        let familj = t.berakna(&hushall(Vuxna::Sambo, &[5, 8])).unwrap();
        assert_eq!(familj.personliga, 7100 + 3060 + 3820);
        assert_eq!(familj.gemensamma, 2030);
        assert_eq!(familj.norm, 16010);
    }

    #[test]
    fn varje_ar_med_sin_egen_tabell() {
        assert_eq!(
            ar(2025).berakna(&hushall(Vuxna::Ensam, &[])).unwrap().norm,
            3910 + 1270
        );
    }

    #[test]
    fn barn_som_ater_lunch_i_forskolan() {
        let t = ar(2026);
        let mut h = hushall(Vuxna::Ensam, &[0, 2, 3, 6]);
        for b in &mut h.barn {
            b.utan_lunch = true;
        }
        let n = t.berakna(&h).unwrap();
        assert_eq!(n.personliga, 3940 + 2560 + 2800 + 2500 + 2720);
        // A seven-year-old has no lower amount: that is an error, not a silent full amount.
        h.barn.push(NormBarn {
            alder: 7,
            utan_lunch: true,
            andel_procent: 100,
        });
        assert_eq!(
            t.berakna(&h),
            Err(HushallsFel::UtanLunch {
                position: 4,
                alder: 7
            })
        );
    }

    #[test]
    fn aldersgranser() {
        let t = ar(2026);
        let belopp = |a: u8| t.berakna(&hushall(Vuxna::Ensam, &[a])).unwrap().personliga - 3940;
        assert_eq!(
            [0, 1, 2, 3, 4, 6, 7, 10, 11, 14, 15, 18, 19, 20].map(belopp),
            [
                2740, 3060, 3060, 2720, 3060, 3060, 3820, 3820, 4390, 4390, 4960, 4960, 5000, 5000
            ]
        );
        assert_eq!(
            t.berakna(&hushall(Vuxna::Ensam, &[21])),
            Err(HushallsFel::Alder {
                position: 0,
                alder: 21
            })
        );
    }

    #[test]
    fn hushall_over_sju_personer() {
        let t = ar(2026);
        // 2 adults + 6 children = 8 members: 2 830 + (2 830 − 2 640).
        let n = t
            .berakna(&hushall(Vuxna::Sambo, &[1, 3, 5, 8, 12, 16]))
            .unwrap();
        assert_eq!(n.gemensamma, 2830 + 190);
        assert_eq!(t.gemensamma_for(7), 2830);
        assert_eq!(t.gemensamma_for(10), 2830 + 3 * 190);
        assert_eq!(ar(2025).gemensamma_for(9), 2810 + 2 * 190);
    }

    #[test]
    fn delat_boende_delar_de_gemensamma_kostnaderna() {
        // A young adult sharing a flat with two friends: single-adult amount plus a third of a
        // three-person household's common costs (SoF 12 kap. 2 §).
        let t = ar(2026);
        let n = t
            .berakna(&NormHushall {
                vuxna: Vuxna::Ensam,
                barn: vec![],
                medboende: 2,
            })
            .unwrap();
        assert_eq!(n.personliga, 3940);
        assert_eq!(n.gemensamma, 597); // 1 790 / 3 = 596.67
        assert_eq!(n.norm, 4537);
        // A parent and child sharing with one other adult: two of three shares.
        let n = t
            .berakna(&NormHushall {
                vuxna: Vuxna::Ensam,
                barn: vec![NormBarn::heltid(9)],
                medboende: 1,
            })
            .unwrap();
        assert_eq!(n.gemensamma, 1193); // 1 790 × 2 / 3 = 1 193.33
    }

    #[test]
    fn vaxelvis_boende_raknas_i_proportion() {
        let t = ar(2026);
        let n = t
            .berakna(&NormHushall {
                vuxna: Vuxna::Ensam,
                barn: vec![NormBarn {
                    alder: 9,
                    utan_lunch: false,
                    andel_procent: 50,
                }],
                medboende: 0,
            })
            .unwrap();
        assert_eq!(n.personliga, 3940 + 1910);
        assert_eq!(n.gemensamma, 1410);
    }

    #[test]
    fn felaktiga_tabeller_avvisas() {
        let mut t = ar(2026);
        t.barn.remove(3);
        assert_eq!(t.kontrollera(), Err(TabellFel::Aldrar { alder: 4 }));
        let mut t = ar(2026);
        t.barn[4].utan_lunch = Some(3000);
        assert!(matches!(t.kontrollera(), Err(TabellFel::UtanLunch { .. })));
        let mut t = ar(2026);
        t.gemensamma[3] = 0;
        assert_eq!(t.kontrollera(), Err(TabellFel::Belopp));
        let mut t = ar(2026);
        t.gemensamma.swap(2, 3);
        assert_eq!(t.kontrollera(), Err(TabellFel::Gemensamma));
    }

    #[test]
    fn forhandsvisning_visar_vad_som_andras() {
        let f = forandringar(Some(&ar(2025)), &ar(2026));
        let ensam = f.iter().find(|r| r.post == "Vuxen, ensamstående").unwrap();
        assert_eq!((ensam.fore, ensam.efter), (Some(3910), 3940));
        assert!(f.iter().all(|r| r.fore.is_some()));
        assert!(
            forandringar(None, &ar(2026))
                .iter()
                .all(|r| r.fore.is_none())
        );
    }

    #[test]
    fn tabellen_gar_att_spara_och_lasa() {
        let t = ar(2026);
        let json = serde_json::to_string(&t).unwrap();
        let tillbaka: Riksnorm = serde_json::from_str(&json).unwrap();
        assert_eq!(tillbaka, t);
    }
}
