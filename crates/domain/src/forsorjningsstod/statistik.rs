//! The monthly statistics of ekonomiskt bistånd to Socialstyrelsen (issue 16, item 7).
//!
//! HSLF-FS 2015:30 3 §: the nämnd reports, per calendar month the aid is for, the
//! ekonomiskt bistånd paid and each adult's försörjningshinder, at the latest the 15th of the
//! following month; 4 § with bilaga 2 adds why a household no longer receives aid (the
//! avslutsorsak), by the same day. This module builds one month's delivery from the month's rows the store reads: the
//! lines of the file, the totals the arbetsledare's page shows, and the check of what is still
//! missing before the file may be sent. No I/O and no clock: the day is passed in.
//!
//! The layout of the file is Lots's own, version [`FORMAT`], documented in `docs/statistik.md`.
//! Socialstyrelsen's filbeskrivning is not at hand offline: the layout must be checked against
//! its current version before the first real delivery.
//!
//! How Lots reads the rules where they leave a choice:
//!
//! * A household is the applicant of the case (the sökande) with the adults and children of
//!   the month's calculation. Two cases of the same person for the same month are one
//!   household: the amounts are added, the composition and hinder are the calculation with the
//!   most aid (ties: the lower case id).
//! * A household is in the month's statistics when aid was calculated or paid for the month.
//!   The amount reported is what was paid (payments sent) for the month, in whole kronor.
//! * The avslutsorsak is reported with the household's last month with aid at or before the
//!   day the aid ended: the month the household last received aid. A reason recorded after
//!   that month was delivered is not in the delivered file.
//! * Aid calculated but not paid, a payment planned but not sent, an adult without a
//!   försörjningshinder, or an adult whose personnummer Lots does not know are gaps: the file
//!   is not made until each is resolved (or the month is calculated again).

use std::collections::BTreeMap;

use time::{Date, Month};

use super::hinder::{Forsorjningshinder, Hindergrupp};
use super::plan::Slutorsak;
use super::riksnorm::Vuxna;
use super::{Kronor, Manad};
use crate::ids::{ArendeId, PersonId};

/// The version of the file layout (`docs/statistik.md`). A changed layout is a new version.
pub const FORMAT: &str = "1";

/// The header line of the file: the fields in order.
pub const FALT: [&str; 10] = [
    "kommunkod",
    "redovisningsmanad",
    "hushall",
    "personnummer",
    "roll",
    "hushallstyp",
    "antal_barn",
    "utbetalt_kr",
    "forsorjningshinder",
    "avslutsorsak",
];

/// One case's month as the store reads it: the calculation of the month and what was paid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Manadsrad {
    pub arende: ArendeId,
    /// The case as the nämnd names it, when it has a diarienummer.
    pub diarienummer: Option<String>,
    pub person: PersonId,
    /// The applicant's personnummer as registered; `None` when the person has none.
    pub personnummer: Option<String>,
    /// The co-applicant's personnummer or samordningsnummer in a joint application, as the
    /// month's calculation recorded it.
    pub medsokande: Option<String>,
    pub manad: Manad,
    pub vuxna: Vuxna,
    pub barn: u32,
    /// The month's calculated aid (the newest calculation of the month).
    pub beraknat: Kronor,
    /// Payments for the month that were sent.
    pub utbetalt: Kronor,
    /// Payments for the month planned and not yet sent (waiting for attest, or ready).
    pub ej_skickat: Kronor,
    /// Each adult's försörjningshinder, the applicant first, as the month's calculation has them.
    pub hinder: Vec<Forsorjningshinder>,
    /// Why the aid ended, when this is the case's last month with aid before it ended.
    pub avslut: Option<Slutorsak>,
}

impl Manadsrad {
    /// How the check names the case: its diarienummer, else its id.
    fn namn(&self) -> String {
        self.diarienummer
            .clone()
            .unwrap_or_else(|| self.arende.to_string())
    }
}

/// The adult's place in the household.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Roll {
    Sokande,
    Medsokande,
}

impl Roll {
    pub fn kod(self) -> &'static str {
        match self {
            Roll::Sokande => "sokande",
            Roll::Medsokande => "medsokande",
        }
    }
}

/// The household's type: one or two adults, with or without children.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Hushallstyp {
    EnsamUtanBarn,
    EnsamMedBarn,
    SammanboendeUtanBarn,
    SammanboendeMedBarn,
}

impl Hushallstyp {
    pub fn av(vuxna: Vuxna, barn: u32) -> Self {
        match (vuxna, barn > 0) {
            (Vuxna::Ensam, false) => Self::EnsamUtanBarn,
            (Vuxna::Ensam, true) => Self::EnsamMedBarn,
            (Vuxna::Sambo, false) => Self::SammanboendeUtanBarn,
            (Vuxna::Sambo, true) => Self::SammanboendeMedBarn,
        }
    }

    pub fn kod(self) -> &'static str {
        match self {
            Self::EnsamUtanBarn => "ensamstaende_utan_barn",
            Self::EnsamMedBarn => "ensamstaende_med_barn",
            Self::SammanboendeUtanBarn => "sammanboende_utan_barn",
            Self::SammanboendeMedBarn => "sammanboende_med_barn",
        }
    }
}

/// One line of the file: one adult of one household in the month.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Leveransrad {
    /// The household's running number, 1 and up in personnummer order, stable within the file.
    pub hushall: u32,
    /// Twelve digits, `None` where Lots does not know it (a gap of the check).
    pub personnummer: Option<String>,
    pub roll: Roll,
    pub hushallstyp: Hushallstyp,
    pub antal_barn: u32,
    /// The household's payments for the month on the applicant's line; 0 on the co-applicant's,
    /// so the column adds up to the month's total.
    pub utbetalt: Kronor,
    pub hinder: Option<Forsorjningshinder>,
    /// Why the household no longer receives aid, in its last month with aid (HSLF-FS 2015:30 4 §).
    pub avslutsorsak: Option<Slutorsak>,
}

/// Something that must be resolved before the month can be delivered: the case and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Brist {
    pub arende: ArendeId,
    pub text: String,
}

/// The month in numbers, as the arbetsledare's page shows it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Totaler {
    pub hushall: u32,
    pub vuxna: u32,
    pub barn: u32,
    /// Paid for the month, whole kronor.
    pub utbetalt: Kronor,
    /// Adults per group of försörjningshinder, in the groups' order.
    pub per_grupp: BTreeMap<Hindergrupp, u32>,
    /// Adults without a registered försörjningshinder.
    pub utan_hinder: u32,
    /// Households whose aid ended with this month.
    pub avslutade: u32,
}

impl Totaler {
    /// Everyone in the households: adults and children.
    pub fn personer(&self) -> u32 {
        self.vuxna + self.barn
    }

    pub fn i_grupp(&self, g: Hindergrupp) -> u32 {
        self.per_grupp.get(&g).copied().unwrap_or(0)
    }
}

/// The groups of försörjningshinder in the order the page and the totals show them.
pub const GRUPPER: [Hindergrupp; 4] = [
    Hindergrupp::Arbetslos,
    Hindergrupp::Sjukskriven,
    Hindergrupp::Arbetsformaga,
    Hindergrupp::Ovrigt,
];

/// One month's delivery to Socialstyrelsen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Leverans {
    pub kommunkod: String,
    pub manad: Manad,
    pub rader: Vec<Leveransrad>,
    pub totaler: Totaler,
    /// What is missing, in case order; empty when the file may be sent.
    pub brister: Vec<Brist>,
}

/// The last day to deliver the month: the 15th of the following month (HSLF-FS 2015:30 3 §,
/// "senast den 15 i månaden efter den månad som uppgifterna avser").
pub fn sista_dag(manad: Manad) -> Date {
    let nasta = manad.nasta();
    let m = Month::try_from(nasta.nr()).unwrap_or(Month::January);
    Date::from_calendar_date(nasta.ar(), m, 15).unwrap_or(Date::MAX)
}

/// Whether the day to deliver the month has passed on `idag`.
pub fn forsenad(manad: Manad, idag: Date) -> bool {
    idag > sista_dag(manad)
}

/// The month's delivery from its rows. Rows of other months are ignored; the store reads one
/// kommun's rows only.
pub fn leverans(kommunkod: &str, manad: Manad, rader: &[Manadsrad]) -> Leverans {
    let mut brister = vec![];
    // The household is the applicant: one person's cases of the month together.
    let mut hushall: BTreeMap<PersonId, Vec<&Manadsrad>> = BTreeMap::new();
    let mut i_ordning: Vec<&Manadsrad> = rader.iter().filter(|r| r.manad == manad).collect();
    i_ordning.sort_by_key(|r| r.arende);
    for r in &i_ordning {
        if r.beraknat > 0 || r.utbetalt > 0 || r.ej_skickat > 0 {
            hushall.entry(r.person).or_default().push(r);
        }
    }
    for r in &i_ordning {
        let namn = r.namn();
        let manadsnamn = manad.namn();
        if r.ej_skickat > 0 {
            brister.push(Brist {
                arende: r.arende,
                text: format!(
                    "Ärende {namn}: utbetalning på {} kr för {manadsnamn} är inte skickad.",
                    r.ej_skickat
                ),
            });
        } else if r.beraknat > 0 && r.utbetalt == 0 {
            brister.push(Brist {
                arende: r.arende,
                text: format!(
                    "Ärende {namn}: försörjningsstöd på {} kr är beräknat för {manadsnamn} men inget är utbetalt. Betala ut, eller beräkna månaden på nytt om inget ska betalas.",
                    r.beraknat
                ),
            });
        }
    }
    // Numbered in personnummer order, so the same month gives the same file.
    let mut ordnade: Vec<(&PersonId, Vec<&Manadsrad>)> =
        hushall.iter().map(|(p, r)| (p, r.clone())).collect();
    ordnade.sort_by(|(pa, a), (pb, b)| {
        let nr = |r: &[&Manadsrad]| r.first().and_then(|x| x.personnummer.clone());
        (nr(a), *pa).cmp(&(nr(b), *pb))
    });
    let mut ut = vec![];
    let mut totaler = Totaler::default();
    for (nr, (_, fall)) in ordnade.iter().enumerate() {
        let lopnummer = u32::try_from(nr + 1).unwrap_or(u32::MAX);
        // The calculation with the most aid gives the household (ties: the lower case id).
        let Some(styrande) = fall
            .iter()
            .max_by_key(|r| (r.beraknat, std::cmp::Reverse(r.arende)))
        else {
            continue;
        };
        let utbetalt: Kronor = fall.iter().map(|r| r.utbetalt).sum();
        let typ = Hushallstyp::av(styrande.vuxna, styrande.barn);
        let avslutsorsak = fall.iter().find_map(|r| r.avslut);
        totaler.avslutade += u32::from(avslutsorsak.is_some());
        let personnummer = styrande.personnummer.as_deref().and_then(tolv_siffror);
        if personnummer.is_none() {
            brister.push(Brist {
                arende: styrande.arende,
                text: format!(
                    "Ärende {}: den sökande saknar ett personnummer som kan rapporteras.",
                    styrande.namn()
                ),
            });
        }
        totaler.hushall += 1;
        totaler.barn += styrande.barn;
        totaler.utbetalt += utbetalt;
        for (i, roll) in [Roll::Sokande, Roll::Medsokande]
            .into_iter()
            .take(styrande.vuxna.antal() as usize)
            .enumerate()
        {
            let hinder = styrande.hinder.get(i).copied();
            totaler.vuxna += 1;
            match hinder {
                Some(h) => *totaler.per_grupp.entry(h.grupp()).or_default() += 1,
                None => {
                    totaler.utan_hinder += 1;
                    brister.push(Brist {
                        arende: styrande.arende,
                        text: format!(
                            "Ärende {}: försörjningshinder saknas för {} i {}. Beräkna månaden på nytt med hindret.",
                            styrande.namn(),
                            match roll {
                                Roll::Sokande => "den sökande",
                                Roll::Medsokande => "den medsökande",
                            },
                            manad.namn()
                        ),
                    });
                }
            }
            let medsokande = styrande.medsokande.as_deref().and_then(tolv_siffror);
            if roll == Roll::Medsokande && medsokande.is_none() {
                // The register wants each adult's personnummer (HSLF-FS 2015:30 3 §); a month
                // calculated before Lots asked for the co-applicant's is calculated again.
                brister.push(Brist {
                    arende: styrande.arende,
                    text: format!(
                        "Ärende {}: den medsökandes personnummer saknas för {}. Beräkna månaden på nytt med numret.",
                        styrande.namn(),
                        manad.namn()
                    ),
                });
            }
            ut.push(Leveransrad {
                hushall: lopnummer,
                personnummer: match roll {
                    Roll::Sokande => personnummer.clone(),
                    Roll::Medsokande => medsokande,
                },
                roll,
                hushallstyp: typ,
                antal_barn: styrande.barn,
                utbetalt: match roll {
                    Roll::Sokande => utbetalt,
                    Roll::Medsokande => 0,
                },
                hinder,
                avslutsorsak,
            });
        }
    }
    // Per case, in case order; within a case as found.
    let ordning: BTreeMap<ArendeId, usize> = i_ordning
        .iter()
        .enumerate()
        .map(|(i, r)| (r.arende, i))
        .collect();
    brister.sort_by_key(|b| ordning.get(&b.arende).copied().unwrap_or(usize::MAX));
    Leverans {
        kommunkod: kommunkod.to_string(),
        manad,
        rader: ut,
        totaler,
        brister,
    }
}

/// A personnummer as twelve digits ("19850505-1238" → "198505051238"); `None` when it is not.
fn tolv_siffror(nr: &str) -> Option<String> {
    let siffror: String = nr.chars().filter(char::is_ascii_digit).collect();
    (siffror.len() == 12
        && nr
            .chars()
            .all(|c| c.is_ascii_digit() || c == '-' || c == '+'))
    .then_some(siffror)
}

/// The month's totals for each month of a range, oldest first, for the page's table and charts.
pub fn per_manad(fran: Manad, till: Manad, rader: &[Manadsrad]) -> Vec<(Manad, Totaler)> {
    let mut per: BTreeMap<Manad, Vec<Manadsrad>> = BTreeMap::new();
    for r in rader {
        per.entry(r.manad).or_default().push(r.clone());
    }
    let mut ut = vec![];
    let mut m = fran;
    while m <= till {
        let t = per
            .get(&m)
            .map(|r| leverans("", m, r).totaler)
            .unwrap_or_default();
        ut.push((m, t));
        m = m.nasta();
    }
    ut
}

impl Leverans {
    /// The file may be sent: nothing is missing.
    pub fn kan_skickas(&self) -> bool {
        self.brister.is_empty()
    }

    pub fn sista_dag(&self) -> Date {
        sista_dag(self.manad)
    }

    /// The file's name: kommun, month and layout version.
    pub fn filnamn(&self) -> String {
        format!(
            "ekonomiskt-bistand-{}-{:04}{:02}-v{FORMAT}.csv",
            self.kommunkod,
            self.manad.ar(),
            self.manad.nr()
        )
    }

    /// The file: UTF-8 without BOM, semicolons, a header line, LF after every line
    /// (`docs/statistik.md`). No field can hold a semicolon: codes and digits only.
    pub fn fil(&self) -> String {
        let mut ut = FALT.join(";");
        ut.push('\n');
        let manad = format!("{:04}{:02}", self.manad.ar(), self.manad.nr());
        for r in &self.rader {
            let falt = [
                self.kommunkod.clone(),
                manad.clone(),
                r.hushall.to_string(),
                r.personnummer.clone().unwrap_or_default(),
                r.roll.kod().to_string(),
                r.hushallstyp.kod().to_string(),
                r.antal_barn.to_string(),
                r.utbetalt.to_string(),
                r.hinder.map(|h| h.kod().to_string()).unwrap_or_default(),
                r.avslutsorsak
                    .map(|o| o.kod().to_string())
                    .unwrap_or_default(),
            ];
            ut.push_str(&falt.join(";"));
            ut.push('\n');
        }
        ut
    }
}

#[cfg(test)]
mod tests {
    use super::Forsorjningshinder::*;
    use super::*;
    use time::macros::date;

    fn m(s: &str) -> Manad {
        s.parse().expect("month")
    }

    fn id(n: u128) -> ArendeId {
        ArendeId(uuid::Uuid::from_u128(n))
    }

    fn person(n: u128) -> PersonId {
        PersonId(uuid::Uuid::from_u128(n))
    }

    /// A month of one case, fully paid, with the hinder given.
    fn rad(
        arende: u128,
        pnr: &str,
        vuxna: Vuxna,
        barn: u32,
        belopp: Kronor,
        hinder: &[Forsorjningshinder],
    ) -> Manadsrad {
        Manadsrad {
            arende: id(arende),
            diarienummer: Some(format!("SN 2026/{arende}")),
            person: person(arende),
            personnummer: Some(pnr.into()),
            medsokande: (vuxna == Vuxna::Sambo).then(|| "197202022222".into()),
            manad: m("2026-03"),
            vuxna,
            barn,
            beraknat: belopp,
            utbetalt: belopp,
            ej_skickat: 0,
            hinder: hinder.to_vec(),
            avslut: None,
        }
    }

    /// Three households by hand: a single adult, a couple with two children (a joint
    /// application), a single parent paid in two cases in the month.
    fn fixtur() -> Vec<Manadsrad> {
        let mut andra = rad(
            4,
            "19900303-3333",
            Vuxna::Ensam,
            1,
            2_000,
            &[SjukskrivenVantarErsattning],
        );
        andra.person = person(3);
        // She starts work: the aid ends with March, her last month with aid.
        andra.avslut = Some(Slutorsak::Arbete);
        vec![
            rad(
                1,
                "19850505-1238",
                Vuxna::Ensam,
                0,
                8_700,
                &[ArbetarOtillrackligInkomst],
            ),
            rad(
                2,
                "19700101-1111",
                Vuxna::Sambo,
                2,
                18_110,
                &[ArbetslosUtanErsattning, ArbetarOtillrackligInkomst],
            ),
            rad(
                3,
                "19900303-3333",
                Vuxna::Ensam,
                1,
                6_000,
                &[SjukskrivenVantarErsattning],
            ),
            andra,
            // Another month: not in March's delivery.
            Manadsrad {
                manad: m("2026-02"),
                ..rad(5, "19600606-6666", Vuxna::Ensam, 0, 5_000, &[Pension])
            },
        ]
    }

    #[test]
    fn the_file_as_computed_by_hand() {
        let l = leverans("9999", m("2026-03"), &fixtur());
        // Households numbered by personnummer: 1970…, 1985…, 1990….
        assert_eq!(
            l.fil(),
            "kommunkod;redovisningsmanad;hushall;personnummer;roll;hushallstyp;antal_barn;utbetalt_kr;forsorjningshinder;avslutsorsak\n\
             9999;202603;1;197001011111;sokande;sammanboende_med_barn;2;18110;arbetslos_utan_ersattning;\n\
             9999;202603;1;197202022222;medsokande;sammanboende_med_barn;2;0;arbetar_otillracklig_inkomst;\n\
             9999;202603;2;198505051238;sokande;ensamstaende_utan_barn;0;8700;arbetar_otillracklig_inkomst;\n\
             9999;202603;3;199003033333;sokande;ensamstaende_med_barn;1;8000;sjukskriven_vantar_ersattning;arbete\n"
        );
        assert_eq!(l.filnamn(), "ekonomiskt-bistand-9999-202603-v1.csv");
        // 3 households, 4 adults and 3 children, 18 110 + 8 700 + 6 000 + 2 000 kr.
        let t = &l.totaler;
        assert_eq!((t.hushall, t.vuxna, t.barn, t.personer()), (3, 4, 3, 7));
        assert_eq!(t.utbetalt, 34_810);
        assert_eq!(t.i_grupp(Hindergrupp::Arbetslos), 1);
        assert_eq!(t.i_grupp(Hindergrupp::Ovrigt), 2);
        assert_eq!(t.i_grupp(Hindergrupp::Sjukskriven), 1);
        assert_eq!(t.i_grupp(Hindergrupp::Arbetsformaga), 0);
        assert_eq!(t.utan_hinder, 0);
        assert_eq!(t.avslutade, 1);
        assert!(l.kan_skickas(), "{:?}", l.brister);
        // A joint month calculated without the co-applicant's number is a gap, never a blank.
        let mut utan = fixtur();
        utan[1].medsokande = None;
        let l = leverans("9999", m("2026-03"), &utan);
        assert_eq!(
            l.brister,
            [Brist {
                arende: id(2),
                text: "Ärende SN 2026/2: den medsökandes personnummer saknas för mars 2026. Beräkna månaden på nytt med numret.".into()
            }]
        );
        assert!(!l.kan_skickas());
    }

    #[test]
    fn single_households_fully_paid_can_be_sent() {
        let rader: Vec<_> = fixtur()
            .into_iter()
            .filter(|r| r.vuxna == Vuxna::Ensam)
            .collect();
        let l = leverans("9999", m("2026-03"), &rader);
        assert!(l.kan_skickas(), "{:?}", l.brister);
        assert_eq!(l.rader.len(), 2);
        assert_eq!(l.totaler.utbetalt, 16_700);
    }

    #[test]
    fn a_month_without_hinder_or_unpaid_is_listed() {
        let mut utan = rad(7, "19800808-8888", Vuxna::Ensam, 0, 4_000, &[]);
        utan.diarienummer = None;
        let obetald = Manadsrad {
            utbetalt: 0,
            ..rad(8, "19810909-9999", Vuxna::Ensam, 0, 3_000, &[Studerar])
        };
        let vantar = Manadsrad {
            utbetalt: 1_000,
            ej_skickat: 2_000,
            ..rad(9, "19821010-1010", Vuxna::Ensam, 0, 3_000, &[Studerar])
        };
        // Calculated with no aid (income covers the need): not a month with aid.
        let avslag = rad(10, "19831111-1111", Vuxna::Ensam, 0, 0, &[Studerar]);
        let l = leverans("9999", m("2026-03"), &[utan, obetald, vantar, avslag]);
        let texter: Vec<&str> = l.brister.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texter,
            [
                format!(
                    "Ärende {}: försörjningshinder saknas för den sökande i mars 2026. Beräkna månaden på nytt med hindret.",
                    id(7)
                )
                .as_str(),
                "Ärende SN 2026/8: försörjningsstöd på 3000 kr är beräknat för mars 2026 men inget är utbetalt. Betala ut, eller beräkna månaden på nytt om inget ska betalas.",
                "Ärende SN 2026/9: utbetalning på 2000 kr för mars 2026 är inte skickad.",
            ]
        );
        assert_eq!(l.totaler.hushall, 3);
        assert_eq!(l.totaler.utan_hinder, 1);
        assert_eq!(l.totaler.utbetalt, 5_000);
    }

    #[test]
    fn a_person_without_a_personnummer_is_a_gap() {
        let mut r = rad(11, "", Vuxna::Ensam, 0, 1_000, &[Annat]);
        r.personnummer = None;
        let l = leverans("9999", m("2026-03"), &[r]);
        assert_eq!(
            l.brister[0].text,
            "Ärende SN 2026/11: den sökande saknar ett personnummer som kan rapporteras."
        );
    }

    #[test]
    fn the_deadline_is_the_15th_of_the_next_month() {
        assert_eq!(sista_dag(m("2026-03")), date!(2026 - 04 - 15));
        assert_eq!(sista_dag(m("2026-12")), date!(2027 - 01 - 15));
        assert!(!forsenad(m("2026-03"), date!(2026 - 04 - 15)));
        assert!(forsenad(m("2026-03"), date!(2026 - 04 - 16)));
    }

    #[test]
    fn totals_per_month_over_a_range() {
        let per = per_manad(m("2026-01"), m("2026-03"), &fixtur());
        let hushall: Vec<(String, u32, Kronor)> = per
            .iter()
            .map(|(m, t)| (m.to_string(), t.hushall, t.utbetalt))
            .collect();
        assert_eq!(
            hushall,
            [
                ("2026-01".into(), 0, 0),
                ("2026-02".into(), 1, 5_000),
                ("2026-03".into(), 3, 34_810),
            ]
        );
    }
}
