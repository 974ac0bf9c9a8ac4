//! Time limits (frister). Every rule cites its source.
//!
//! Counting follows lag (1930:173) om beräkning av lagstadgad tid:
//! * 1 §: a period in weeks, months or years ends on the day with the same weekday name or date
//!   number as the day counting starts from; if the end month has no such date, on its last day.
//! * 2 §: if the last day for an action falls on a Sunday, another allmän helgdag, a Saturday,
//!   midsommarafton, julafton or nyårsafton, the action may be taken on the next vardag
//!   ([`crate::kalender::nasta_vardag`]).
//!
//! 2 § moves only the last day for an *action*. A point in time that is a fact, such as when
//! someone is deemed served, or when a state of affairs becomes reportable, is not moved.
//!
//! Pure functions of [`time::Date`]; they saturate at the ends of `Date`'s range and never panic.

use serde::{Deserialize, Serialize};
use time::{Date, Duration, Month};

use crate::kalender::{forsta_arbetsdag_efter_strikt, nasta_vardag};

/// `d` plus `veckor` weeks: lag (1930:173) 1 §, the day with the same weekday name.
pub fn plus_veckor(d: Date, veckor: u32) -> Date {
    // lag (1930:173) 1 §: "genom sitt namn i veckan ... motsvarar"
    d.saturating_add(Duration::weeks(i64::from(veckor)))
}

/// `d` plus `manader` months: lag (1930:173) 1 §, the day with the same date number, or the last
/// day of the end month if it has no such date (30 November + 3 months = 28/29 February).
pub fn plus_manader(d: Date, manader: u32) -> Date {
    // lag (1930:173) 1 §: "sitt tal i månaden"; "Finnes ej motsvarande dag i slutmånaden, varde den
    // månadens sista dag ansedd för slutdag."
    let index = i64::from(d.year()) * 12 + i64::from(u8::from(d.month())) - 1 + i64::from(manader);
    let Ok(ar) = i32::try_from(index.div_euclid(12)) else {
        return Date::MAX;
    };
    // rem_euclid(12) is in 0..12, so the conversion cannot fail
    let manad = Month::January.nth_next(u8::try_from(index.rem_euclid(12)).unwrap_or(0));
    let dag = d.day().min(manad.length(ar));
    Date::from_calendar_date(ar, manad, dag).unwrap_or(Date::MAX)
}

/// `d` plus `ar` years: lag (1930:173) 1 § (12 months a year; 29 February + 1 year = 28 February).
pub fn plus_ar(d: Date, ar: u32) -> Date {
    // lag (1930:173) 1 §: "efter ... år"
    plus_manader(d, ar.saturating_mul(12))
}

/// The dates of förenklad delgivning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ForenkladDelgivning {
    /// The last day the kontrollmeddelande may be sent: the first working day after
    /// sending, by the stricter reading of "arbetsdag".
    pub kontrollmeddelande: Date,
    /// The day the person is deemed served: two weeks after sending.
    pub delgiven: Date,
}

/// Förenklad delgivning of a document sent on `skickat`.
///
/// * DelgL (2010:1932) 22 §: the document is sent, and "närmast följande arbetsdag" a
///   kontrollmeddelande is sent. "Arbetsdag" is not defined in DelgL. Lots takes the stricter
///   reading: midsommarafton, julafton and nyårsafton count as working days (only Saturdays and
///   allmänna helgdagar do not), so a kontrollmeddelande sent by this day is on time under either
///   reading and a service never fails on the word ([`forsta_arbetsdag_efter_strikt`]).
/// * DelgL 24 § (our reading of the section number; DOMAIN.md cites 22 §): the person is deemed
///   served when two weeks have passed since sending, counted per lag (1930:173) 1 §. That is the
///   moment a fact occurs, not the last day for an action, so lag (1930:173) 2 § does not move it
///   even if it falls on a holiday.
///
/// May only be used if the person was told beforehand that this method may be used (DelgL 23 §),
/// and the person is served only if the kontrollmeddelande was sent; both preconditions are the
/// case's facts, checked by the domain's rules for the case.
pub fn forenklad_delgivning(skickat: Date) -> ForenkladDelgivning {
    ForenkladDelgivning {
        // DelgL 22 §: närmast följande arbetsdag, by the stricter reading
        kontrollmeddelande: forsta_arbetsdag_efter_strikt(skickat),
        // DelgL 24 §: två veckor har förflutit från det att handlingen skickades; not moved
        delgiven: plus_veckor(skickat, 2),
    }
}

/// The last day to appeal a decision served on `delgiven`.
///
/// FL (2017:900) 44 §: the appeal must have come in "inom tre veckor från den dag då klaganden fick
/// del av beslutet"; counted per lag (1930:173) 1 § and moved per 2 § (filing an appeal is an
/// action by a party).
pub fn sista_dag_overklagande(delgiven: Date) -> Date {
    // FL 44 §: tre veckor; lag (1930:173) 1 § and 2 §
    nasta_vardag(plus_veckor(delgiven, 3))
}

/// The exceptions in FL 45 § andra stycket under which a late appeal is not dismissed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Fl45Undantag {
    /// The delay was caused by the nämnd giving wrong appeal instructions (felaktig
    /// överklagandehänvisning / underrättelse om hur man överklagar).
    FelaktigOverklagandehanvisning,
    /// The appeal reached the court (the body that is to try it) within the time limit.
    InkomTillDomstolenITid,
}

/// The result of rättidsprövning (FL 45 §).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rattidsprovning {
    /// The appeal is taken up: it came in on time, or late but under an FL 45 § exception.
    pub i_tid: bool,
    /// The last day to appeal, [`sista_dag_overklagande`].
    pub sista_dag: Date,
    /// The exception relied on; `None` when none was needed (in time) or none applies (dismissed).
    pub undantag: Option<Fl45Undantag>,
}

/// Rättidsprövning of an appeal that came in on `inkom` against a decision served on `delgiven`.
///
/// FL 45 § första stycket: an appeal that came in too late is dismissed (avvisas). Andra stycket:
/// not if the delay was caused by wrong appeal instructions from the authority, or if the appeal
/// reached the court within the time limit. An appeal that came in on or before the last day
/// (FL 44 §, moved per lag (1930:173) 2 §) is in time; one that came in before `delgiven` is in
/// time too (nothing forbids appealing before service).
pub fn rattidsprovning(
    delgiven: Date,
    inkom: Date,
    undantag: Option<Fl45Undantag>,
) -> Rattidsprovning {
    let sista_dag = sista_dag_overklagande(delgiven);
    if inkom <= sista_dag {
        // FL 44 §: in time; an exception is irrelevant
        Rattidsprovning {
            i_tid: true,
            sista_dag,
            undantag: None,
        }
    } else {
        // FL 45 §: late; taken up only under an exception in andra stycket
        Rattidsprovning {
            i_tid: undantag.is_some(),
            sista_dag,
            undantag,
        }
    }
}

/// The day by which an appeal that came in on `inkom` should have been tried for time, considered
/// for omprövning and forwarded to förvaltningsrätten: FL 46 § says "utan dröjsmål"; Lots watches
/// it at one week (counted per lag (1930:173) 1 §, moved per 2 §), the time JO has held to be
/// the normal limit for forwarding an appeal.
pub fn overklagande_handlaggning(inkom: Date) -> Date {
    // FL 46 §: utan dröjsmål; one week
    nasta_vardag(plus_veckor(inkom, 1))
}

/// The day Lots first prompts the handläggare to consider a delay notice for an application that
/// came in on `inkom` and is still undecided (FL 11 §: the party is told when a decision will be
/// substantially delayed). FL 11 § sets no period; Lots prompts at four months, two months before
/// the party may ask for a decision under FL 12 §, so the notice comes before that right arises.
pub fn drojsmal_paminnelse(inkom: Date) -> Date {
    // FL 11 §; FL 12 § (six months)
    plus_manader(inkom, 4)
}

/// The day the person can expect a decision, by default, in an utredning started on
/// `inledd` of an application for `insatser`: the longest of their utredningstider
/// (`InsatsTyp::utredningstid_veckor`), moved to a vardag (lag (1930:173) 1–2 §§). None
/// when nothing was applied for (an anmälan: the nämnd decides what to offer later).
pub fn beslut_vantas(inledd: Date, insatser: &[crate::insats::InsatsTyp]) -> Option<Date> {
    // FL 9 §; lag (1930:173) 2 §
    let veckor = insatser.iter().map(|i| i.utredningstid_veckor()).max()?;
    Some(nasta_vardag(plus_veckor(inledd, veckor)))
}

/// How long before the day a decision was expected the handläggare is warned, so that an
/// FL 11 § notice can reach the person before the day passes: one week.
pub const DROJSMAL_VARNING_DAGAR: i64 = 7;

/// A reply deadline (e.g. kommunicering, FL 25 §) that the nämnd set to `angiven`: if it falls on a
/// non-vardag, the party may reply on the next vardag (lag (1930:173) 2 §; the act covers time
/// limits set under a statute as well).
pub fn svarsfrist(angiven: Date) -> Date {
    // lag (1930:173) 2 §
    nasta_vardag(angiven)
}

/// The last day of the three months within which a decision made on `beslutsdatum` must be
/// enforced before it becomes reportable: SoL 34 kap. 1 § ("inte har verkställts inom tre månader
/// från dagen för beslutet"), counted per lag (1930:173) 1 §. A decision not enforced after this
/// day is reported to IVO and the revisorer (SoL 34 kap. 1–2 §§).
///
/// Not moved by lag (1930:173) 2 §. That section lets "en åtgärd" whose last day falls on a
/// non-vardag be taken on the next vardag; it is a relief for whoever must act by a deadline
/// (typically a party). The reporting duty is not a deadline for an act by a party but a
/// description of a state (three months have passed without enforcement), and the nämnd's duty to
/// enforce is a duty to act without delay throughout the period, not on its last day. Moving the
/// date would also only ever make reporting later, which runs against the purpose of the
/// supervision rules. So a decision of 30 November is reportable if not enforced by 28/29 February,
/// even when that is a Saturday.
pub fn verkstallighet_tre_manader(beslutsdatum: Date) -> Date {
    // SoL 34 kap. 1 §: tre månader; lag (1930:173) 1 §; deliberately not 2 §
    plus_manader(beslutsdatum, 3)
}

/// The end of the six months in FL 12 §: the last day on which a decision still counts as made
/// "senast inom sex månader" of the case being started on `inledd` (lag (1930:173) 1 §). Not moved
/// by 2 § (it is not a last day for an action by the party).
pub fn begaran_om_avgorande_slutdag(inledd: Date) -> Date {
    // FL 12 §: sex månader; lag (1930:173) 1 §
    plus_manader(inledd, 6)
}

/// The earliest day a party may ask in writing for the case to be decided: FL 12 § ("Om ett
/// ärende som har inletts av en enskild part inte har avgjorts i första instans senast inom sex
/// månader, får parten skriftligen begära att myndigheten ska avgöra ärendet").
///
/// The six months run to and including [`begaran_om_avgorande_slutdag`] (lag (1930:173) 1 §), and a
/// decision made on that day is still "inom sex månader"; whether the case was decided within six
/// months is known only when that day has ended. So the right arises on the day after: a case
/// started on 15 January may be the subject of a request from 16 July.
pub fn begaran_om_avgorande_tidigast(inledd: Date) -> Date {
    // FL 12 §; lag (1930:173) 1 §
    let slutdag = begaran_om_avgorande_slutdag(inledd);
    slutdag.next_day().unwrap_or(slutdag)
}

/// The last day for the nämnd to decide the case or, in a separate decision, reject the request:
/// FL 12 § ("inom fyra veckor från den dag då en sådan begäran kom in"), counted per
/// lag (1930:173) 1 § and moved per 2 § (the act applies to an authority's statutory deadlines
/// too).
pub fn begaran_om_avgorande_svar(begaran: Date) -> Date {
    // FL 12 §: fyra veckor; lag (1930:173) 1 § and 2 §
    nasta_vardag(plus_veckor(begaran, 4))
}

/// The day by which a personakt must be deleted (gallras), or `None` when it is exempt.
///
/// SoL 16 kap. and SoF 13 kap. 1 § (DOMAIN.md): entries are deleted five years after the last
/// entry (lag (1930:173) 1 §: the same date five years later, 29 February → 28 February), at the
/// latest by the end of the following calendar year, i.e. 31 December of the year after the year
/// in which the five years end.
///
/// Exempt (`None`): records of persons born on the 5th, 15th or 25th of any month (kept for
/// research), and every record in an exempt kommun (in Östergötlands, Gotlands and Västernorrlands
/// län and Göteborg), which the caller passes as `undantagen_kommun`. Child and family documents
/// that are never deleted are the caller's concern.
pub fn gallringsdatum(
    sista_anteckning: Date,
    fodelsedag_dag: u8,
    undantagen_kommun: bool,
) -> Option<Date> {
    // SoF 13 kap. 1 §: undantag för födda den 5, 15 och 25; undantagna kommuner
    if undantagen_kommun || matches!(fodelsedag_dag, 5 | 15 | 25) {
        return None;
    }
    // SoL 16 kap.: fem år efter sista anteckningen; lag (1930:173) 1 §
    let fem_ar = plus_ar(sista_anteckning, 5);
    // "senast vid utgången av det följande kalenderåret"
    let ar = fem_ar.year().saturating_add(1);
    Some(Date::from_calendar_date(ar, Month::December, 31).unwrap_or(Date::MAX))
}

/// Why a personakt is kept rather than thinned out (SoF 13 kap. 1 §).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GallringsUndantag {
    /// Every record in the kommun is kept for research.
    Kommun,
    /// The person was born on the 5th, 15th or 25th of a month.
    Fodelsedag,
}

/// The SoF 13 kap. 1 § exception that applies, if any; otherwise [`gallringsdatum`] gives the day.
pub fn gallring_undantag(fodelsedag_dag: u8, kommunkod: &str) -> Option<GallringsUndantag> {
    if gallring_undantagen_kommun(kommunkod) {
        Some(GallringsUndantag::Kommun)
    } else if matches!(fodelsedag_dag, 5 | 15 | 25) {
        Some(GallringsUndantag::Fodelsedag)
    } else {
        None
    }
}

/// SoF 13 kap. 1 §: the municipalities whose social services records are kept for
/// research, not thinned out: every kommun in Östergötlands län (kommunkod 05xx),
/// Gotlands län (0980) and Västernorrlands län (22xx), and Göteborg (1480).
pub fn gallring_undantagen_kommun(kommunkod: &str) -> bool {
    kommunkod.len() == 4
        && (kommunkod.starts_with("05")
            || kommunkod.starts_with("22")
            || kommunkod == "0980"
            || kommunkod == "1480")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kalender::{ej_vardagar, helgdagar, vardag};
    use proptest::prelude::*;
    use time::Weekday;
    use time::macros::{date, format_description};

    fn p(s: &str) -> Date {
        Date::parse(s, format_description!("[year]-[month]-[day]")).unwrap()
    }

    /// Which function a golden row exercises; the date in the row is its input.
    #[derive(Debug, Clone, Copy)]
    enum F {
        Veckor(u32),
        Manader(u32),
        Kontroll,
        Delgiven,
        Overklagande,
        Svarsfrist,
        Verkstallighet,
        AvgorandeTidigast,
        AvgorandeSvar,
        /// födelsedag 1, ej undantagen kommun
        Gallring,
    }

    fn kor(f: F, d: Date) -> Date {
        match f {
            F::Veckor(n) => plus_veckor(d, n),
            F::Manader(n) => plus_manader(d, n),
            F::Kontroll => forenklad_delgivning(d).kontrollmeddelande,
            F::Delgiven => forenklad_delgivning(d).delgiven,
            F::Overklagande => sista_dag_overklagande(d),
            F::Svarsfrist => svarsfrist(d),
            F::Verkstallighet => verkstallighet_tre_manader(d),
            F::AvgorandeTidigast => begaran_om_avgorande_tidigast(d),
            F::AvgorandeSvar => begaran_om_avgorande_svar(d),
            F::Gallring => gallringsdatum(d, 1, false).unwrap(),
        }
    }

    /// (function, input, expected, the rule)
    #[rustfmt::skip]
    const GYLLENE: &[(F, &str, &str, &str)] = &[
        (F::Veckor(3), "2026-01-15", "2026-02-05", "lag (1930:173) 1 §: Thursday + 3 weeks = Thursday"),
        (F::Veckor(2), "2026-12-24", "2027-01-07", "lag (1930:173) 1 §: across the year end"),
        (F::Manader(3), "2025-11-30", "2026-02-28", "lag (1930:173) 1 §: 30 Nov + 3 months, non-leap"),
        (F::Manader(3), "2023-11-30", "2024-02-29", "lag (1930:173) 1 §: 30 Nov + 3 months, leap year"),
        (F::Manader(1), "2024-01-31", "2024-02-29", "lag (1930:173) 1 §: 31 Jan + 1 month, leap year"),
        (F::Manader(1), "2025-01-31", "2025-02-28", "lag (1930:173) 1 §: 31 Jan + 1 month, non-leap"),
        (F::Manader(1), "2100-01-31", "2100-02-28", "lag (1930:173) 1 §: 2100 is no leap year"),
        (F::Manader(1), "2026-08-31", "2026-09-30", "lag (1930:173) 1 §: last day of a 30-day month"),
        (F::Manader(12), "2024-02-29", "2025-02-28", "lag (1930:173) 1 §: 29 Feb + 12 months"),
        (F::Manader(1), "2026-12-15", "2027-01-15", "lag (1930:173) 1 §: same date number across the year end"),
        (F::Kontroll, "2026-03-13", "2026-03-16", "DelgL 22 §: Friday → Monday"),
        (F::Delgiven, "2026-03-13", "2026-03-27", "DelgL 24 §: two weeks after sending"),
        (F::Kontroll, "2026-12-23", "2026-12-24", "DelgL 22 §, stricter reading: julafton counts as a working day"),
        (F::Kontroll, "2026-12-24", "2026-12-28", "DelgL 22 §: juldagen, annandag jul (Sat) and Sunday skipped"),
        (F::Kontroll, "2026-06-18", "2026-06-19", "DelgL 22 §, stricter reading: midsommarafton counts as a working day"),
        (F::Kontroll, "2026-12-30", "2026-12-31", "DelgL 22 §, stricter reading: nyårsafton counts as a working day"),
        (F::Delgiven, "2026-12-23", "2027-01-06", "DelgL 24 §: on trettondedag jul, not moved"),
        (F::Kontroll, "2026-04-02", "2026-04-07", "DelgL 22 §: Easter skipped"),
        (F::Overklagande, "2026-03-27", "2026-04-17", "FL 44 §: three weeks, a Friday"),
        (F::Overklagande, "2026-03-13", "2026-04-07", "FL 44 § + 1930:173 2 §: långfredag → Tuesday after Easter"),
        (F::Overklagande, "2026-04-23", "2026-05-15", "FL 44 § + 1930:173 2 §: Kristi himmelsfärd → Friday"),
        (F::Overklagande, "2026-05-16", "2026-06-08", "FL 44 § + 1930:173 2 §: nationaldagen (Sat) → Monday"),
        (F::Overklagande, "2026-05-29", "2026-06-22", "FL 44 § + 1930:173 2 §: midsommarafton → Monday"),
        (F::Overklagande, "2026-12-04", "2026-12-28", "FL 44 § + 1930:173 2 §: juldagen → Monday"),
        (F::Overklagande, "2026-12-10", "2027-01-04", "FL 44 § + 1930:173 2 §: nyårsafton → Monday 4 Jan"),
        (F::Overklagande, "2004-05-10", "2004-06-01", "FL 44 § + 1930:173 2 §: annandag pingst 2004"),
        (F::Overklagande, "2026-10-10", "2026-11-02", "FL 44 § + 1930:173 2 §: alla helgons dag → Monday"),
        (F::Svarsfrist, "2026-10-31", "2026-11-02", "lag (1930:173) 2 §: alla helgons dag"),
        (F::Svarsfrist, "2026-01-06", "2026-01-07", "lag (1930:173) 2 §: trettondedag jul"),
        (F::Svarsfrist, "2026-02-27", "2026-02-27", "lag (1930:173) 2 §: a vardag stays"),
        (F::Svarsfrist, "2028-02-29", "2028-02-29", "lag (1930:173) 2 §: leap day is a vardag"),
        (F::Verkstallighet, "2025-11-30", "2026-02-28", "SoL 34 kap. 1 §: 3 months, end of Feb; not moved though a Saturday"),
        (F::Verkstallighet, "2026-03-19", "2026-06-19", "SoL 34 kap. 1 §: not moved off midsommarafton"),
        (F::Verkstallighet, "2027-11-30", "2028-02-29", "SoL 34 kap. 1 §: leap year"),
        (F::AvgorandeTidigast, "2026-01-15", "2026-07-16", "FL 12 §: the day after the six months end"),
        (F::AvgorandeTidigast, "2025-08-31", "2026-03-01", "FL 12 §: six months end 28 Feb (1930:173 1 §)"),
        (F::AvgorandeSvar, "2026-05-28", "2026-06-25", "FL 12 §: four weeks, a vardag"),
        (F::AvgorandeSvar, "2026-05-22", "2026-06-22", "FL 12 § + 1930:173 2 §: midsommarafton → Monday"),
        (F::AvgorandeSvar, "2026-12-03", "2027-01-04", "FL 12 § + 1930:173 2 §: nyårsafton"),
        (F::Gallring, "2020-03-10", "2026-12-31", "SoF 13 kap. 1 §: 5 years → 2025, by end of 2026"),
        (F::Gallring, "2020-12-31", "2026-12-31", "SoF 13 kap. 1 §: 5 years → 31 Dec 2025"),
        (F::Gallring, "2020-01-01", "2026-12-31", "SoF 13 kap. 1 §: 5 years → 1 Jan 2025"),
        (F::Gallring, "2020-02-29", "2026-12-31", "SoF 13 kap. 1 § + 1930:173 1 §: 29 Feb → 28 Feb 2025"),
    ];

    #[test]
    fn gyllene_tabell_frister() {
        for &(f, in_, ut, regel) in GYLLENE {
            assert_eq!(kor(f, p(in_)), p(ut), "{f:?}({in_}): {regel}");
        }
    }

    #[test]
    fn rattidsprovning_fall() {
        use Fl45Undantag::*;
        let delgiven = date!(2026 - 03 - 27);
        let sista = date!(2026 - 04 - 17);
        // FL 44 §: the last day itself is in time
        let r = rattidsprovning(delgiven, sista, None);
        assert_eq!(
            r,
            Rattidsprovning {
                i_tid: true,
                sista_dag: sista,
                undantag: None
            }
        );
        // FL 44 §: in time, an exception given anyway is not recorded
        let r = rattidsprovning(
            delgiven,
            date!(2026 - 04 - 10),
            Some(FelaktigOverklagandehanvisning),
        );
        assert_eq!(r.undantag, None);
        assert!(r.i_tid);
        // FL 45 § första stycket: late, dismissed
        let r = rattidsprovning(delgiven, date!(2026 - 04 - 20), None);
        assert_eq!(
            r,
            Rattidsprovning {
                i_tid: false,
                sista_dag: sista,
                undantag: None
            }
        );
        // FL 45 § andra stycket: late but taken up
        for u in [FelaktigOverklagandehanvisning, InkomTillDomstolenITid] {
            let r = rattidsprovning(delgiven, date!(2026 - 04 - 20), Some(u));
            assert_eq!(
                r,
                Rattidsprovning {
                    i_tid: true,
                    sista_dag: sista,
                    undantag: Some(u)
                }
            );
        }
        // moved by 1930:173 2 §: served 2026-12-10, last day 4 January 2027
        let r = rattidsprovning(date!(2026 - 12 - 10), date!(2027 - 01 - 04), None);
        assert!(r.i_tid);
        assert!(!rattidsprovning(date!(2026 - 12 - 10), date!(2027 - 01 - 05), None).i_tid);
        // förenklad delgivning: about five weeks from sending
        let fd = forenklad_delgivning(date!(2026 - 03 - 13));
        assert_eq!(sista_dag_overklagande(fd.delgiven), date!(2026 - 04 - 17));
    }

    #[test]
    fn gallring_undantag() {
        // SoF 13 kap. 1 §: born on 5th, 15th, 25th; undantagen kommun
        for dag in [5, 15, 25] {
            assert_eq!(gallringsdatum(date!(2020 - 03 - 10), dag, false), None);
        }
        assert_eq!(gallringsdatum(date!(2020 - 03 - 10), 4, true), None);
        assert_eq!(
            gallringsdatum(date!(2020 - 03 - 10), 31, false),
            Some(date!(2026 - 12 - 31))
        );
    }

    #[test]
    fn serde_fl45() {
        let s = serde_json::to_string(&Fl45Undantag::InkomTillDomstolenITid).unwrap();
        assert_eq!(s, "\"inkom_till_domstolen_i_tid\"");
        let u: Fl45Undantag = serde_json::from_str("\"felaktig_overklagandehanvisning\"").unwrap();
        assert_eq!(u, Fl45Undantag::FelaktigOverklagandehanvisning);
    }

    #[test]
    fn kanterna_panikar_inte() {
        assert_eq!(plus_veckor(Date::MAX, 1), Date::MAX);
        assert_eq!(plus_manader(Date::MAX, u32::MAX), Date::MAX);
        assert_eq!(plus_ar(date!(2026 - 01 - 31), u32::MAX), Date::MAX);
        let _ = sista_dag_overklagande(Date::MAX);
        let _ = gallringsdatum(Date::MAX, 1, false);
        let _ = begaran_om_avgorande_tidigast(Date::MAX);
    }

    /// Independent of `vardag`: checks the raw lists.
    fn verkligen_vardag(d: Date) -> bool {
        !matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday)
            && helgdagar(d.year()).iter().all(|h| h.datum != d)
            && ej_vardagar(d.year()).iter().all(|h| h.datum != d)
    }

    fn datum_strategi() -> impl Strategy<Value = Date> {
        let fran = date!(1900 - 01 - 01).to_julian_day();
        let till = date!(2199 - 11 - 30).to_julian_day();
        (fran..=till).prop_map(|j| Date::from_julian_day(j).unwrap())
    }

    proptest! {
        #[test]
        fn beraknade_sista_dagar_ar_vardagar(d in datum_strategi()) {
            for (vad, sista) in [
                ("sista_dag_overklagande", sista_dag_overklagande(d)),
                ("svarsfrist", svarsfrist(d)),
                ("begaran_om_avgorande_svar", begaran_om_avgorande_svar(d)),
                ("nasta_vardag", nasta_vardag(d)),
            ] {
                prop_assert!(verkligen_vardag(sista), "{}({}) = {} is not a vardag", vad, d, sista);
                prop_assert!(vardag(sista));
            }
            // DelgL 22 §, stricter reading: never a Saturday or helgdag, never later than a vardag.
            let kontroll = forenklad_delgivning(d).kontrollmeddelande;
            prop_assert!(kontroll > d);
            prop_assert!(kontroll.weekday() != Weekday::Saturday && !crate::kalender::helgdag(kontroll));
            prop_assert!(kontroll <= crate::kalender::forsta_vardag_efter(d));
            prop_assert!(sista_dag_overklagande(d) >= plus_veckor(d, 3));
            prop_assert!(svarsfrist(d) >= d);
        }

        #[test]
        fn manader_enligt_1_paragrafen(d in datum_strategi(), n in 0u32..=60) {
            let r = plus_manader(d, n);
            let manader = (r.year() - d.year()) * 12 + i32::from(u8::from(r.month())) - i32::from(u8::from(d.month()));
            prop_assert_eq!(manader, n as i32);
            // same date number, or the month's last day when it is missing
            prop_assert_eq!(r.day(), d.day().min(r.month().length(r.year())));
            prop_assert!(r >= d);
        }

        #[test]
        fn veckor_samma_veckodag(d in datum_strategi(), n in 0u32..=52) {
            let r = plus_veckor(d, n);
            prop_assert_eq!(r.weekday(), d.weekday());
            prop_assert_eq!((r - d).whole_days(), 7 * i64::from(n));
        }

        #[test]
        fn rattid_monoton(d in datum_strategi(), forsening in -30i64..=30) {
            let sista = sista_dag_overklagande(d);
            let inkom = sista + Duration::days(forsening);
            let r = rattidsprovning(d, inkom, None);
            prop_assert_eq!(r.i_tid, forsening <= 0);
            let r = rattidsprovning(d, inkom, Some(Fl45Undantag::InkomTillDomstolenITid));
            prop_assert!(r.i_tid);
            prop_assert_eq!(r.undantag.is_some(), forsening > 0);
        }

        #[test]
        fn gallring_efter_fem_ar(d in datum_strategi(), fodd in 1u8..=31) {
            let g = gallringsdatum(d, fodd, false);
            if matches!(fodd, 5 | 15 | 25) {
                prop_assert_eq!(g, None);
            } else {
                let g = g.unwrap();
                prop_assert_eq!((g.month(), g.day()), (Month::December, 31));
                prop_assert_eq!(g.year(), d.year() + 6);
                prop_assert!(g > plus_ar(d, 5));
            }
            prop_assert_eq!(gallringsdatum(d, fodd, true), None);
        }
    }

    #[test]
    fn sof_13_kap_1_undantagna_kommuner() {
        for kod in ["0580", "0581", "0980", "2281", "1480"] {
            assert!(gallring_undantagen_kommun(kod), "{kod}");
        }
        for kod in ["0180", "1280", "9999", "05"] {
            assert!(!gallring_undantagen_kommun(kod), "{kod}");
        }
    }

    #[test]
    fn sof_13_kap_1_undantag_kommun_fore_fodelsedag() {
        assert_eq!(
            super::gallring_undantag(15, "1480"),
            Some(GallringsUndantag::Kommun)
        );
        assert_eq!(
            super::gallring_undantag(25, "0180"),
            Some(GallringsUndantag::Fodelsedag)
        );
        assert_eq!(super::gallring_undantag(24, "0180"), None);
    }
}
