//! Swedish formatting of dates and identity numbers.

use time::{Date, Month, Weekday};

use crate::DokumentFel;

const MANADER: [&str; 12] = [
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

fn manad(m: Month) -> &'static str {
    MANADER[usize::from(u8::from(m)) - 1]
}

fn veckodag(d: Weekday) -> &'static str {
    match d {
        Weekday::Monday => "måndag",
        Weekday::Tuesday => "tisdag",
        Weekday::Wednesday => "onsdag",
        Weekday::Thursday => "torsdag",
        Weekday::Friday => "fredag",
        Weekday::Saturday => "lördag",
        Weekday::Sunday => "söndag",
    }
}

/// `2026-03-10`.
pub(crate) fn iso(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

/// `10 mars 2026`.
pub(crate) fn lang(d: Date) -> String {
    format!("{} {} {}", d.day(), manad(d.month()), d.year())
}

/// `tisdag 10 mars 2026`.
pub(crate) fn med_veckodag(d: Date) -> String {
    format!("{} {}", veckodag(d.weekday()), lang(d))
}

/// Normalises a personnummer, samordningsnummer or reservnummer to `YYYYMMDD-NNNN`.
///
/// Accepts twelve characters with an optional `-` or `+` after the eighth. The first eight
/// must be digits; the last four digits or letters (reservnummer such as `T123`).
pub(crate) fn personnummer(s: &str) -> Result<String, DokumentFel> {
    let s = s.trim();
    let kompakt: String = match s.len() {
        12 => s.to_owned(),
        13 if matches!(s.as_bytes().get(8), Some(b'-' | b'+')) => {
            let (a, b) = s.split_at(8);
            format!("{a}{}", &b[1..])
        }
        _ => return Err(DokumentFel::Personnummer),
    };
    let (datum, nummer) = kompakt.split_at(8);
    if !datum.bytes().all(|b| b.is_ascii_digit())
        || !nummer.bytes().all(|b| b.is_ascii_alphanumeric())
    {
        return Err(DokumentFel::Personnummer);
    }
    Ok(format!("{datum}-{}", nummer.to_ascii_uppercase()))
}

/// Splits free text into paragraphs at blank lines, trimming each and dropping empty ones.
pub(crate) fn stycken(text: &str) -> Vec<String> {
    let text = text.replace("\r\n", "\n");
    let mut ut = Vec::new();
    let mut aktuellt: Vec<&str> = Vec::new();
    for rad in text.split('\n') {
        if rad.trim().is_empty() {
            if !aktuellt.is_empty() {
                ut.push(aktuellt.join("\n"));
                aktuellt.clear();
            }
        } else {
            aktuellt.push(rad.trim_end());
        }
    }
    if !aktuellt.is_empty() {
        ut.push(aktuellt.join("\n"));
    }
    ut
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn datum() {
        assert_eq!(iso(date!(2026 - 03 - 05)), "2026-03-05");
        assert_eq!(lang(date!(2026 - 03 - 05)), "5 mars 2026");
        assert_eq!(med_veckodag(date!(2026 - 04 - 02)), "torsdag 2 april 2026");
        assert_eq!(med_veckodag(date!(2026 - 08 - 01)), "lördag 1 augusti 2026");
    }

    #[test]
    fn pnr() {
        assert_eq!(personnummer("196408233234").unwrap(), "19640823-3234");
        assert_eq!(personnummer("19640823-3234").unwrap(), "19640823-3234");
        assert_eq!(personnummer("19640823+3234").unwrap(), "19640823-3234");
        assert_eq!(personnummer("19800101-t123").unwrap(), "19800101-T123");
        assert!(personnummer("640823-3234").is_err());
        assert!(personnummer("1964O8233234").is_err());
        assert!(personnummer("19640823-32345").is_err());
        assert!(personnummer("19640823-32ä4").is_err());
    }

    #[test]
    fn styckesindelning() {
        assert_eq!(
            stycken("Ett.\nTvå.\r\n\r\n\n  \nTre.  \n"),
            vec!["Ett.\nTvå.".to_owned(), "Tre.".to_owned()]
        );
        assert!(stycken("  \n ").is_empty());
    }
}
