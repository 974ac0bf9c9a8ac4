//! Swedish public holidays and working days.
//!
//! * Lag (1989:253) om allmänna helgdagar, in force from 1990-01-01, amended by lag (2004:1320) from
//!   2005-04-01 (nationaldagen in, annandag pingst out; prop. 2004/05:23).
//! * Lag (1930:173) om beräkning av lagstadgad tid 2 §: a last day that falls on a Sunday, another
//!   allmän helgdag, a Saturday, midsommarafton, julafton or nyårsafton moves to the next vardag.
//!
//! Pure functions of [`time::Date`]: no clock, no I/O. Holidays are given "as in force for that
//! year" for 1900–2199 (see [`helgdagar`] for the history and its sources). Years outside what
//! `time::Date` can represent (±9999) have no holidays and dates saturate; nothing here panics.

use time::{Date, Duration, Month, Weekday};

/// A named allmän helgdag (or, from [`ej_vardagar`], one of the three eves).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Helgdag {
    pub datum: Date,
    pub namn: &'static str,
}

/// The first year of lag (1952:48) om tiden för firandet av Marie bebådelsedag, midsommardagen och
/// allhelgonadagen: Marie bebådelsedag stops being a weekday holiday, midsommardagen becomes the
/// Saturday 20–26 June and alla helgons dag the Saturday 31 October–6 November.
/// The act was adopted on 22 February 1952 and first applied to the 1953 calendar.
/// Sources: Law Library of Congress blog "Midsommar becomes weekend holiday in Sweden in 1953"
/// (2023, citing SFS 1952:48 and the royal proclamation of the same day); Isof, "Allhelgonadagen"
/// and "Jungfru Marie bebådelsedag"; svenskahogtider.com, "Vad innebar kalenderreformen 1953?"
/// (citing Bringéus, Årets festdagar, 1999).
pub const FORSTA_AR_1952_48: i32 = 1953;

/// The first year första maj is a holiday: lag (1938:107) om den 1 majs likställande i vissa
/// hänseenden med allmän helgdag (utfärdad 1938-04-08, upphävd by 1989:253 from 1990-01-01).
/// The first 1 May observed under it was 1 May 1939 (svenskahogtider.com, "Vilket år blev 1 maj en
/// allmän helgdag i Sverige?"; Bibblan svarar). Uncertain: we have not seen the act's entry-into-force
/// clause; 1939 is what every source we found states.
pub const FORSTA_AR_FORSTA_MAJ: i32 = 1939;

/// The first year of lag (2004:1320): "Sveriges nationaldag" 6 June in, "Annandag pingst" out.
/// In force 2005-04-01, i.e. before both days in 2005 (annandag pingst 2005 would have been 16 May),
/// so the switch is exact at the year boundary (prop. 2004/05:23: "från och med år 2005").
pub const FORSTA_AR_2004_1320: i32 = 2005;

/// Builds a date known to be valid for any representable year (only called with days that exist
/// in the month). For a year `time` cannot represent, saturates to `Date::MIN` / `Date::MAX`.
fn datum(ar: i32, manad: Month, dag: u8) -> Date {
    Date::from_calendar_date(ar, manad, dag).unwrap_or(if ar < 0 { Date::MIN } else { Date::MAX })
}

fn plus_dagar(d: Date, dagar: i64) -> Date {
    d.saturating_add(Duration::days(dagar))
}

/// The first `veckodag` on or after `d` (saturating at `Date::MAX`).
fn samma_eller_nasta(d: Date, veckodag: Weekday) -> Date {
    let fran = i64::from(d.weekday().number_days_from_monday());
    let till = i64::from(veckodag.number_days_from_monday());
    plus_dagar(d, (till - fran).rem_euclid(7))
}

fn representerbart(ar: i32) -> bool {
    (Date::MIN.year()..=Date::MAX.year()).contains(&ar)
}

/// Påskdagen: "söndagen närmast efter den fullmåne som infaller på eller närmast efter den 21 mars"
/// (lag (1989:253) 2 §), computed with the Gregorian computus (the anonymous
/// Meeus/Jones/Butcher algorithm), i.e. the ecclesiastical full moon of the church tables, which is
/// what Swedish almanacs have used since the 1844 return from the "astronomical" Easter of 1740–1844
/// (general knowledge, not re-verified against a primary source here).
///
/// Always a Sunday between 22 March and 25 April. Saturates for years `time` cannot represent.
pub fn paskdagen(ar: i32) -> Date {
    let y = i64::from(ar);
    let a = y.rem_euclid(19);
    let b = y.div_euclid(100);
    let c = y.rem_euclid(100);
    let d = b.div_euclid(4);
    let e = b.rem_euclid(4);
    let f = (b + 8).div_euclid(25);
    let g = (b - f + 1).div_euclid(3);
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c.div_euclid(4);
    let k = c.rem_euclid(4);
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l).div_euclid(451);
    let n = h + l - 7 * m + 114;
    let manad = if n / 31 == 3 {
        Month::March
    } else {
        Month::April
    };
    // n % 31 + 1 is in 1..=31; the algorithm keeps it within 22–31 March or 1–25 April.
    let dag = u8::try_from(n % 31 + 1).unwrap_or(1);
    datum(ar, manad, dag)
}

/// Midsommardagen of `ar`: the Saturday 20–26 June from 1953 (lag (1952:48), now lag (1989:253)
/// 2 §); before 1953 Johannes döparens dag, fixed on 24 June (Isof; svenskahogtider.com, "Har
/// midsommar varit på samma datum varje år?", citing Bringéus 1999 pp. 162–163).
pub fn midsommardagen(ar: i32) -> Date {
    if ar >= FORSTA_AR_1952_48 {
        samma_eller_nasta(datum(ar, Month::June, 20), Weekday::Saturday)
    } else {
        datum(ar, Month::June, 24)
    }
}

/// Alla helgons dag of `ar` as a weekday holiday: the Saturday 31 October–6 November from 1953
/// (lag (1952:48), now lag (1989:253) 2 §). `None` before 1953: the 1772 helgdagsreduktion
/// (förordning 4 November 1772) removed 1 November as a holiday, and until 1953 the feast was kept
/// on the first Sunday of November, which is a Sunday holiday anyway and not separately named here
/// (Isof, "Allhelgonadagen": "Vid en almanacksreform 1772 togs dagen bort som helgdag, men togs
/// tillbaka år 1953"; svenskahogtider.com, "När började man fira alla helgons dag i Sverige?").
/// Note: this deliberately differs from the idea that 1 November was a fixed holiday before 1953;
/// every source we found says it was not.
pub fn alla_helgons_dag(ar: i32) -> Option<Date> {
    (ar >= FORSTA_AR_1952_48)
        .then(|| samma_eller_nasta(datum(ar, Month::October, 31), Weekday::Saturday))
}

/// The named allmänna helgdagar of `ar` as in force that year, sorted by date (ties keep the order
/// of lag (1989:253) 2 §, so a day that is two holidays appears twice, e.g. 1 May 2008 is both
/// Kristi himmelsfärdsdag and Första maj).
///
/// "Named" follows lag (1989:253) 1 §: every day that can fall on a weekday, plus påskdagen and
/// pingstdagen (which the act names although they are Sundays). Other Sunday feasts (before 1953:
/// kyndelsmässodagen, Mikaelidagen and allhelgonadagen, moved to Sundays in 1772; the böndagar; after
/// 1953: Jungfru Marie bebådelsedag) are holidays only as Sundays and are not listed, see
/// [`helgdag`].
///
/// History applied (1900–2199):
///
/// | days | years | source |
/// |---|---|---|
/// | nyårsdagen 1/1, trettondedag jul 6/1, långfredagen, påskdagen, annandag påsk, Kristi himmelsfärdsdag (påsk + 39), pingstdagen (påsk + 49), juldagen 25/12, annandag jul 26/12 | all | kept by the 1772 reduction (which removed only the third and fourth days of the great feasts, skärtorsdagen, the apostle days, Marie besökelsedag and gångdagarna: itu.se "Helgdagsreduktionen 1772"; svenskahogtider.com "Vilka svenska helgdagar avskaffades 1772?"); unchanged in lag (1989:253) |
/// | Marie bebådelsedag 25/3 | –1952 | red day until the 1952 reform moved it to a Sunday (Isof "Jungfru Marie bebådelsedag"; Nordiska museet via psykmuseet.se; NE "Marie bebådelsedag") |
/// | första maj 1/5 | 1939– | lag (1938:107); lag (1989:253) |
/// | midsommardagen 24/6 | –1952 | Johannes döparens dag, see [`midsommardagen`] |
/// | midsommardagen, Saturday 20–26/6 | 1953– | lag (1952:48); lag (1989:253) 2 § |
/// | alla helgons dag, Saturday 31/10–6/11 | 1953– | lag (1952:48); lag (1989:253) 2 § |
/// | annandag pingst (pingst + 1) | –2004 | lag (1989:253) in its original wording; removed by lag (2004:1320) |
/// | Sveriges nationaldag 6/6 | 2005– | lag (2004:1320), in force 2005-04-01 |
///
/// Uncertain: before 1953 the church moved the *celebration* of Marie bebådelsedag when 25 March fell
/// in Holy Week or Easter week; we found no source on whether the legal holiday moved with it, so we
/// keep it on 25 March (then possibly the same day as långfredagen, e.g. 1910 and 1932).
///
/// Counts: 12 a year 1900–1938, 13 in 1939–1952, 13 from 1953 on.
pub fn helgdagar(ar: i32) -> Vec<Helgdag> {
    if !representerbart(ar) {
        return Vec::new();
    }
    let pask = paskdagen(ar);
    let mut v = Vec::with_capacity(14);
    let mut lagg = |datum: Date, namn: &'static str| v.push(Helgdag { datum, namn });

    // lag (1989:253) 2 §: nyårsdagen den 1 januari
    lagg(datum(ar, Month::January, 1), "Nyårsdagen");
    // lag (1989:253) 2 §: trettondedag jul den 6 januari
    lagg(datum(ar, Month::January, 6), "Trettondedag jul");
    if ar < FORSTA_AR_1952_48 {
        // Before lag (1952:48): Marie bebådelsedag (vårfrudagen) den 25 mars.
        lagg(datum(ar, Month::March, 25), "Marie bebådelsedag");
    }
    // lag (1989:253) 2 §: långfredagen, fredagen närmast före påskdagen
    lagg(plus_dagar(pask, -2), "Långfredagen");
    // lag (1989:253) 2 §: påskdagen (computus, see paskdagen)
    lagg(pask, "Påskdagen");
    // lag (1989:253) 2 §: annandag påsk, dagen efter påskdagen
    lagg(plus_dagar(pask, 1), "Annandag påsk");
    if ar >= FORSTA_AR_FORSTA_MAJ {
        // lag (1938:107); lag (1989:253) 1 §: första maj
        lagg(datum(ar, Month::May, 1), "Första maj");
    }
    // lag (1989:253) 2 §: Kristi himmelsfärdsdag, sjätte torsdagen efter påskdagen (påsk + 39)
    lagg(plus_dagar(pask, 39), "Kristi himmelsfärdsdag");
    // lag (1989:253) 2 §: pingstdagen, sjunde söndagen efter påskdagen (påsk + 49)
    lagg(plus_dagar(pask, 49), "Pingstdagen");
    if ar < FORSTA_AR_2004_1320 {
        // lag (1989:253) 2 § in its wording before lag (2004:1320): annandag pingst
        lagg(plus_dagar(pask, 50), "Annandag pingst");
    } else {
        // lag (1989:253) 2 § as amended by lag (2004:1320): nationaldagen den 6 juni
        lagg(datum(ar, Month::June, 6), "Sveriges nationaldag");
    }
    // lag (1989:253) 2 § (from 1953), Johannes döparens dag 24 June before
    lagg(midsommardagen(ar), "Midsommardagen");
    if let Some(d) = alla_helgons_dag(ar) {
        // lag (1989:253) 2 §: den lördag som infaller under tiden den 31 oktober–6 november
        lagg(d, "Alla helgons dag");
    }
    // lag (1989:253) 2 §: juldagen den 25 december, annandag jul den 26 december
    lagg(datum(ar, Month::December, 25), "Juldagen");
    lagg(datum(ar, Month::December, 26), "Annandag jul");

    v.sort_by_key(|h| h.datum); // stable: ties keep the statutory order
    v
}

/// Midsommarafton, julafton and nyårsafton of `ar`: not holidays, but lag (1930:173) 2 § treats
/// them like holidays. Midsommarafton is the day before midsommardagen: the Friday 19–25 June from
/// 1953, 23 June before (svenskahogtider.com, citing Bringéus 1999).
///
/// History of 2 § (for the record; we apply today's wording to every year, because this system
/// computes deadlines for current cases and the older years matter only for naming holidays):
/// the 1930 wording covered "söndag eller annan allmän helgdag" (SvJT 1930 s. 381); lag (1961:70),
/// from 1961-06-01: also Saturdays in June–September, påskafton, midsommarafton and julafton;
/// lag (1965:127): every Saturday, midsommarafton and julafton; lag (1974:756) (prop. 1974:147):
/// nyårsafton added; lag (1987:1212): today's wording.
pub fn ej_vardagar(ar: i32) -> Vec<Helgdag> {
    if !representerbart(ar) {
        return Vec::new();
    }
    vec![
        Helgdag {
            datum: plus_dagar(midsommardagen(ar), -1),
            namn: "Midsommarafton",
        },
        Helgdag {
            datum: datum(ar, Month::December, 24),
            namn: "Julafton",
        },
        Helgdag {
            datum: datum(ar, Month::December, 31),
            namn: "Nyårsafton",
        },
    ]
}

/// The names of the holidays (from [`helgdagar`]) falling on `d`; empty if none.
pub fn helgdagsnamn(d: Date) -> Vec<&'static str> {
    helgdagar(d.year())
        .into_iter()
        .filter(|h| h.datum == d)
        .map(|h| h.namn)
        .collect()
}

/// The eve (from [`ej_vardagar`]) falling on `d`, if any.
pub fn aftonnamn(d: Date) -> Option<&'static str> {
    ej_vardagar(d.year())
        .into_iter()
        .find(|h| h.datum == d)
        .map(|h| h.namn)
}

/// An allmän helgdag: every Sunday (lag (1989:253) 1 §: "söndagar, däribland påskdagen och
/// pingstdagen") or a named holiday of [`helgdagar`] for that year.
pub fn helgdag(d: Date) -> bool {
    d.weekday() == Weekday::Sunday || helgdagar(d.year()).iter().any(|h| h.datum == d)
}

/// A vardag in the sense of lag (1930:173) 2 §: not a Sunday or other allmän helgdag, not a
/// Saturday, not midsommarafton, julafton or nyårsafton.
pub fn vardag(d: Date) -> bool {
    d.weekday() != Weekday::Saturday
        && !helgdag(d)
        && !ej_vardagar(d.year()).iter().any(|h| h.datum == d)
}

/// `d` if it is a vardag, else the next vardag: lag (1930:173) 2 § ("får åtgärden vidtas nästa
/// vardag"). Idempotent. At most a handful of days later (the longest run is the Christmas and
/// New Year weeks).
pub fn nasta_vardag(d: Date) -> Date {
    let mut dag = d;
    while !vardag(dag) {
        match dag.next_day() {
            Some(nasta) => dag = nasta,
            None => return dag, // Date::MAX: nothing later can be represented
        }
    }
    dag
}

/// The first vardag strictly after `d` (lag (1930:173) 2 § sense of vardag), e.g. "närmast
/// följande arbetsdag" in DelgL 22 §. Returns `d` only for `Date::MAX`.
pub fn forsta_vardag_efter(d: Date) -> Date {
    d.next_day().map_or(d, nasta_vardag)
}

/// The first day strictly after `d` that is neither a Saturday nor an allmän helgdag: the stricter
/// reading of "arbetsdag" in DelgL 22 §, under which midsommarafton, julafton and nyårsafton count
/// as working days. Lots uses it for the latest day of a kontrollmeddelande, so that sending by
/// that day is never late whichever reading a court takes. Returns `d` only for `Date::MAX`.
pub fn forsta_arbetsdag_efter_strikt(d: Date) -> Date {
    let mut dag = d;
    loop {
        match dag.next_day() {
            Some(nasta) => dag = nasta,
            None => return dag,
        }
        if dag.weekday() != Weekday::Saturday && !helgdag(dag) {
            return dag;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use time::macros::{date, format_description};

    fn p(s: &str) -> Date {
        Date::parse(s, format_description!("[year]-[month]-[day]")).unwrap()
    }

    /// What a day is, as seen through the public API.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    enum Typ {
        /// A named holiday of that name (the day may carry other names too).
        Helg(&'static str),
        /// One of the three eves.
        Afton(&'static str),
        /// An ordinary Saturday (not a vardag, not a holiday).
        Lordag,
        /// An ordinary Sunday (a holiday, not named).
        Sondag,
        /// A vardag.
        Vardag,
    }

    fn stammer(d: Date, typ: Typ) -> bool {
        let namn = helgdagsnamn(d);
        match typ {
            Typ::Helg(n) => namn.contains(&n) && helgdag(d) && !vardag(d),
            Typ::Afton(n) => {
                aftonnamn(d) == Some(n) && namn.is_empty() && !helgdag(d) && !vardag(d)
            }
            Typ::Lordag => {
                d.weekday() == Weekday::Saturday
                    && namn.is_empty()
                    && aftonnamn(d).is_none()
                    && !helgdag(d)
                    && !vardag(d)
            }
            Typ::Sondag => {
                d.weekday() == Weekday::Sunday && namn.is_empty() && helgdag(d) && !vardag(d)
            }
            Typ::Vardag => namn.is_empty() && aftonnamn(d).is_none() && vardag(d),
        }
    }

    use Typ::*;

    /// (date, what it is, the rule)
    #[rustfmt::skip]
    const GYLLENE: &[(&str, Typ, &str)] = &[
        // DOMAIN.md checks for 2026
        ("2026-01-01", Helg("Nyårsdagen"), "lag (1989:253) 2 §: nyårsdagen den 1 januari"),
        ("2026-01-06", Helg("Trettondedag jul"), "lag (1989:253) 2 §: trettondedag jul den 6 januari"),
        ("2026-04-02", Vardag, "skärtorsdagen is no holiday (removed 1772)"),
        ("2026-04-03", Helg("Långfredagen"), "lag (1989:253) 2 §: fredagen närmast före påskdagen"),
        ("2026-04-04", Lordag, "påskafton: a Saturday, not named in 1930:173 2 §"),
        ("2026-04-05", Helg("Påskdagen"), "lag (1989:253) 2 §: computus, påsk 5 April 2026"),
        ("2026-04-06", Helg("Annandag påsk"), "lag (1989:253) 2 §: dagen efter påskdagen"),
        ("2026-05-01", Helg("Första maj"), "lag (1989:253) 1 §: första maj"),
        ("2026-05-14", Helg("Kristi himmelsfärdsdag"), "lag (1989:253) 2 §: sjätte torsdagen efter påskdagen"),
        ("2026-05-24", Helg("Pingstdagen"), "lag (1989:253) 2 §: sjunde söndagen efter påskdagen"),
        ("2026-05-25", Vardag, "lag (2004:1320): annandag pingst no longer a holiday"),
        ("2026-06-06", Helg("Sveriges nationaldag"), "lag (2004:1320): nationaldagen den 6 juni"),
        ("2026-06-19", Afton("Midsommarafton"), "lag (1930:173) 2 §: midsommarafton, Friday before midsommardagen"),
        ("2026-06-20", Helg("Midsommardagen"), "lag (1989:253) 2 §: lördagen 20–26 juni"),
        ("2026-10-31", Helg("Alla helgons dag"), "lag (1989:253) 2 §: lördagen 31 oktober–6 november"),
        ("2026-11-01", Sondag, "allhelgonadagen 1 November is only a church day"),
        ("2026-12-24", Afton("Julafton"), "lag (1930:173) 2 §: julafton"),
        ("2026-12-25", Helg("Juldagen"), "lag (1989:253) 2 §: juldagen den 25 december"),
        ("2026-12-26", Helg("Annandag jul"), "lag (1989:253) 2 §: annandag jul den 26 december"),
        ("2026-12-27", Sondag, "lag (1989:253) 1 §: söndagar"),
        ("2026-12-28", Vardag, "the week between Christmas and New Year has ordinary vardagar"),
        ("2026-12-31", Afton("Nyårsafton"), "lag (1930:173) 2 § as amended by lag (1974:756): nyårsafton"),
        ("2027-01-01", Helg("Nyårsdagen"), "lag (1989:253) 2 §: nyårsdagen on a Friday"),
        // Early Easter
        ("2008-03-21", Helg("Långfredagen"), "computus: påsk 23 March 2008, långfredag −2"),
        ("2008-03-23", Helg("Påskdagen"), "computus: earliest Easter in 1900–2199 (23 March)"),
        ("2008-05-01", Helg("Kristi himmelsfärdsdag"), "påsk + 39 = 1 May 2008"),
        ("2008-05-01", Helg("Första maj"), "lag (1989:253): same day as Kristi himmelsfärd"),
        ("2008-05-11", Helg("Pingstdagen"), "påsk + 49"),
        ("1913-03-23", Helg("Påskdagen"), "computus: påsk 23 March 1913"),
        ("1913-03-25", Helg("Marie bebådelsedag"), "before lag (1952:48): Marie bebådelsedag 25 March"),
        ("1913-05-01", Helg("Kristi himmelsfärdsdag"), "påsk + 39; första maj not yet a holiday (lag 1938:107)"),
        // Late Easter
        ("2038-04-23", Helg("Långfredagen"), "computus: påsk 25 April 2038"),
        ("2038-04-25", Helg("Påskdagen"), "computus: latest Easter (25 April)"),
        ("2038-06-03", Helg("Kristi himmelsfärdsdag"), "påsk + 39"),
        ("2038-06-13", Helg("Pingstdagen"), "påsk + 49"),
        ("2038-06-14", Vardag, "after 2004: no annandag pingst"),
        ("1943-04-25", Helg("Påskdagen"), "computus: påsk 25 April 1943"),
        ("1943-06-03", Helg("Kristi himmelsfärdsdag"), "påsk + 39"),
        ("1943-06-14", Helg("Annandag pingst"), "before lag (2004:1320): annandag pingst"),
        ("1943-06-23", Afton("Midsommarafton"), "before 1953: midsommarafton 23 June (a Wednesday)"),
        ("1943-06-24", Helg("Midsommardagen"), "before lag (1952:48): midsommardagen 24 June (a Thursday)"),
        ("1943-05-01", Helg("Första maj"), "lag (1938:107): första maj, here on a Saturday"),
        // The 2005 switch
        ("2003-06-06", Vardag, "before lag (2004:1320): 6 June a vardag"),
        ("2003-06-09", Helg("Annandag pingst"), "before lag (2004:1320): annandag pingst (påsk 20 April)"),
        ("2004-05-31", Helg("Annandag pingst"), "before lag (2004:1320): annandag pingst (påsk 11 April)"),
        ("2005-05-16", Vardag, "lag (2004:1320), in force 2005-04-01: annandag pingst gone"),
        ("2005-06-06", Helg("Sveriges nationaldag"), "lag (2004:1320): nationaldagen from 2005"),
        // The 1953 switch and första maj
        ("1936-05-01", Vardag, "before lag (1938:107): 1 May a vardag"),
        ("1939-05-01", Helg("Första maj"), "lag (1938:107): first 1 May holiday"),
        ("1950-11-01", Vardag, "1772–1952: 1 November no holiday"),
        ("1952-03-25", Helg("Marie bebådelsedag"), "before lag (1952:48): 25 March"),
        ("1952-06-21", Lordag, "before 1953 the Saturday 20–26 June is not midsommardagen"),
        ("1952-06-24", Helg("Midsommardagen"), "before lag (1952:48): 24 June (a Tuesday)"),
        ("1953-03-25", Vardag, "lag (1952:48): Marie bebådelsedag moved to a Sunday"),
        ("1953-06-20", Helg("Midsommardagen"), "lag (1952:48): first Saturday midsommardag"),
        ("1953-10-31", Helg("Alla helgons dag"), "lag (1952:48): first Saturday alla helgons dag"),
        // Other years
        ("2025-06-20", Afton("Midsommarafton"), "midsommarafton 2025"),
        ("2025-06-21", Helg("Midsommardagen"), "lag (1989:253) 2 §: lördagen 20–26 juni"),
        ("2027-06-26", Helg("Midsommardagen"), "lag (1989:253) 2 §: latest possible (26 June)"),
        ("2021-11-06", Helg("Alla helgons dag"), "lag (1989:253) 2 §: latest possible (6 November)"),
        ("2025-11-01", Helg("Alla helgons dag"), "lag (1989:253) 2 §: lördagen 31 oktober–6 november"),
        ("2021-12-24", Afton("Julafton"), "julafton on a Friday"),
        ("2021-12-25", Helg("Juldagen"), "juldagen on a Saturday"),
        ("2024-02-29", Vardag, "leap day, a Thursday"),
        ("2028-02-29", Vardag, "leap day, a Tuesday"),
        ("1900-04-15", Helg("Påskdagen"), "computus: påsk 1900"),
        ("2000-04-23", Helg("Påskdagen"), "computus: påsk 2000"),
    ];

    #[test]
    fn gyllene_tabell_kalender() {
        for &(s, typ, regel) in GYLLENE {
            let d = p(s);
            assert!(
                stammer(d, typ),
                "{s}: expected {typ:?} ({regel}); got names {:?}, afton {:?}, helgdag {}, vardag {}",
                helgdagsnamn(d),
                aftonnamn(d),
                helgdag(d),
                vardag(d)
            );
        }
    }

    #[test]
    fn nasta_vardag_exempel() {
        // lag (1930:173) 2 §
        assert_eq!(nasta_vardag(date!(2026 - 12 - 24)), date!(2026 - 12 - 28));
        assert_eq!(nasta_vardag(date!(2026 - 12 - 31)), date!(2027 - 01 - 04));
        assert_eq!(nasta_vardag(date!(2026 - 04 - 03)), date!(2026 - 04 - 07));
        assert_eq!(nasta_vardag(date!(2026 - 06 - 19)), date!(2026 - 06 - 22));
        assert_eq!(nasta_vardag(date!(2026 - 03 - 10)), date!(2026 - 03 - 10));
        assert_eq!(
            forsta_vardag_efter(date!(2026 - 03 - 10)),
            date!(2026 - 03 - 11)
        );
        assert_eq!(
            forsta_vardag_efter(date!(2026 - 04 - 02)),
            date!(2026 - 04 - 07)
        );
        assert_eq!(forsta_vardag_efter(Date::MAX), Date::MAX);
    }

    #[test]
    fn utanfor_intervallet_panikar_inte() {
        assert!(helgdagar(i32::MAX).is_empty());
        assert!(ej_vardagar(i32::MIN).is_empty());
        assert_eq!(paskdagen(i32::MAX), Date::MAX);
        assert_eq!(paskdagen(i32::MIN), Date::MIN);
        assert_eq!(nasta_vardag(Date::MAX), nasta_vardag(Date::MAX));
        let _ = helgdagar(9999);
        let _ = helgdagar(-9999);
    }

    /// Expected number of named holidays, from the history table on [`helgdagar`].
    fn forvantat_antal(ar: i32) -> usize {
        match ar {
            ..=1938 => 12,     // incl. Marie bebådelsedag, without första maj
            1939..=1952 => 13, // + första maj (lag 1938:107)
            _ => 13,           // lag (1952:48): − Marie bebådelsedag, + alla helgons dag
        }
    }

    fn datum_strategi() -> impl Strategy<Value = Date> {
        let fran = date!(1900 - 01 - 01).to_julian_day();
        let till = date!(2199 - 12 - 31).to_julian_day();
        (fran..=till).prop_map(|j| Date::from_julian_day(j).unwrap())
    }

    /// Independent of `vardag`: checks the raw lists.
    fn verkligen_vardag(d: Date) -> bool {
        !matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday)
            && helgdagar(d.year()).iter().all(|h| h.datum != d)
            && ej_vardagar(d.year()).iter().all(|h| h.datum != d)
    }

    proptest! {
        #[test]
        fn ratt_antal_helgdagar(ar in 1900i32..=2199) {
            let v = helgdagar(ar);
            prop_assert_eq!(v.len(), forvantat_antal(ar));
            prop_assert!(v.windows(2).all(|w| w[0].datum <= w[1].datum), "sorted");
            prop_assert!(v.iter().all(|h| h.datum.year() == ar));
            let namn: Vec<_> = v.iter().map(|h| h.namn).collect();
            prop_assert_eq!(namn.contains(&"Sveriges nationaldag"), ar >= 2005);
            prop_assert_eq!(namn.contains(&"Annandag pingst"), ar < 2005);
            prop_assert_eq!(namn.contains(&"Första maj"), ar >= 1939);
            prop_assert_eq!(namn.contains(&"Alla helgons dag"), ar >= 1953);
            prop_assert_eq!(namn.contains(&"Marie bebådelsedag"), ar < 1953);
            let pask = paskdagen(ar);
            prop_assert_eq!(pask.weekday(), Weekday::Sunday);
            prop_assert!(pask >= datum(ar, Month::March, 22) && pask <= datum(ar, Month::April, 25));
            let ms = midsommardagen(ar);
            if ar >= 1953 {
                prop_assert_eq!(ms.weekday(), Weekday::Saturday);
                prop_assert!((20..=26).contains(&ms.day()) && ms.month() == Month::June);
                prop_assert_eq!(ej_vardagar(ar)[0].datum.weekday(), Weekday::Friday);
            } else {
                prop_assert_eq!(ms, datum(ar, Month::June, 24));
            }
            let e = ej_vardagar(ar);
            prop_assert_eq!(e.len(), 3);
            prop_assert!(e.iter().all(|h| !v.iter().any(|x| x.datum == h.datum)), "an eve is never a named holiday");
        }

        #[test]
        fn nasta_vardag_ar_vardag_och_idempotent(d in datum_strategi()) {
            let n = nasta_vardag(d);
            prop_assert!(verkligen_vardag(n), "{} -> {}", d, n);
            prop_assert_eq!(nasta_vardag(n), n);
            prop_assert!(n >= d);
            // minimal: nothing in between is a vardag, and the gap is short
            let mut x = d;
            while x < n {
                prop_assert!(!verkligen_vardag(x));
                x = x.next_day().unwrap();
            }
            prop_assert!((n - d).whole_days() <= 5);
            prop_assert_eq!(vardag(d), n == d);
        }

        #[test]
        fn forsta_vardag_efter_ar_senare(d in datum_strategi()) {
            let n = forsta_vardag_efter(d);
            prop_assert!(n > d);
            prop_assert!(verkligen_vardag(n));
            prop_assert_eq!(n, nasta_vardag(d.next_day().unwrap()));
        }

        #[test]
        fn sondag_alltid_helgdag(d in datum_strategi()) {
            if d.weekday() == Weekday::Sunday {
                prop_assert!(helgdag(d));
            }
            if helgdag(d) {
                prop_assert!(!vardag(d));
            }
        }
    }
}
