//! Swedish local time. Dates in the law are Swedish calendar days; instants are UTC.

use time::{Date, Month, OffsetDateTime, UtcOffset, Weekday};

/// The last Sunday of a month.
fn sista_sondagen(ar: i32, manad: Month) -> Date {
    let mut d = Date::from_calendar_date(ar, manad, manad.length(ar)).unwrap_or(Date::MIN);
    while d.weekday() != Weekday::Sunday {
        d = d.previous_day().unwrap_or(d);
    }
    d
}

/// Sweden's offset at an instant: CET, and CEST from 01:00 UTC on the last
/// Sunday of March to 01:00 UTC on the last Sunday of October (EU directive 2000/84/EG).
pub fn svensk_offset(nu: OffsetDateTime) -> UtcOffset {
    let utc = nu.to_offset(UtcOffset::UTC);
    let ar = utc.year();
    let start = sista_sondagen(ar, Month::March)
        .with_hms(1, 0, 0)
        .map(|t| t.assume_utc());
    let slut = sista_sondagen(ar, Month::October)
        .with_hms(1, 0, 0)
        .map(|t| t.assume_utc());
    let sommar = matches!((start, slut), (Ok(s), Ok(e)) if utc >= s && utc < e);
    UtcOffset::from_hms(if sommar { 2 } else { 1 }, 0, 0).unwrap_or(UtcOffset::UTC)
}

/// A month's name in Swedish, as letters and pages write it: "mars".
pub fn manadsnamn(m: Month) -> &'static str {
    const NAMN: [&str; 12] = [
        "januari",
        "februari",
        "mars",
        "april",
        "maj",
        "juni",
        "juli",
        "augusti",
        "september",
        "oktober",
        "november",
        "december",
    ];
    NAMN[usize::from(u8::from(m)) - 1]
}

/// Today's date in Sweden at the instant `nu`.
pub fn svensk_dag(nu: OffsetDateTime) -> Date {
    nu.to_offset(svensk_offset(nu)).date()
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn late_evening_utc_is_already_tomorrow_in_sweden() {
        assert_eq!(
            svensk_dag(datetime!(2026-11-23 23:30 UTC)),
            time::macros::date!(2026 - 11 - 24)
        );
        assert_eq!(
            svensk_dag(datetime!(2026-07-01 22:30 UTC)),
            time::macros::date!(2026 - 07 - 02)
        );
        assert_eq!(
            svensk_dag(datetime!(2026-07-01 21:30 UTC)),
            time::macros::date!(2026 - 07 - 01)
        );
    }

    #[test]
    fn summer_time_starts_and_ends_at_one_utc_on_the_last_sunday() {
        // 2026: 29 March and 25 October.
        assert_eq!(
            svensk_offset(datetime!(2026-03-29 00:59 UTC)).whole_hours(),
            1
        );
        assert_eq!(
            svensk_offset(datetime!(2026-03-29 01:00 UTC)).whole_hours(),
            2
        );
        assert_eq!(
            svensk_offset(datetime!(2026-10-25 00:59 UTC)).whole_hours(),
            2
        );
        assert_eq!(
            svensk_offset(datetime!(2026-10-25 01:00 UTC)).whole_hours(),
            1
        );
    }
}
