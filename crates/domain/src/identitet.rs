//! Identities of persons: personnummer, samordningsnummer and reservnummer.
//!
//! Parse, don't validate: an `Identitet` can only exist if its number is valid.

use serde::{Deserialize, Serialize};
use time::{Date, Month};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Hash)]
#[serde(rename_all = "snake_case")]
pub enum IdentitetsTyp {
    Personnummer,
    Samordningsnummer,
    Reservnummer,
}

impl IdentitetsTyp {
    pub fn kod(self) -> &'static str {
        match self {
            Self::Personnummer => "personnummer",
            Self::Samordningsnummer => "samordningsnummer",
            Self::Reservnummer => "reservnummer",
        }
    }

    pub fn fran_kod(kod: &str) -> Option<Self> {
        match kod {
            "personnummer" => Some(Self::Personnummer),
            "samordningsnummer" => Some(Self::Samordningsnummer),
            "reservnummer" => Some(Self::Reservnummer),
            _ => None,
        }
    }

    pub fn namn(self) -> &'static str {
        match self {
            Self::Personnummer => "Personnummer",
            Self::Samordningsnummer => "Samordningsnummer",
            Self::Reservnummer => "Reservnummer",
        }
    }
}

/// A person's identity. Personnummer and samordningsnummer are stored as
/// twelve digits with century (YYYYMMDDNNNC).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Identitet {
    typ: IdentitetsTyp,
    varde: String,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IdentitetsFel {
    #[error("Ange ett nummer.")]
    Tomt,
    #[error("Numret ska ha formen ÅÅÅÅMMDD-NNNN eller ÅÅMMDD-NNNN.")]
    FelFormat,
    #[error("Datumet i numret finns inte.")]
    OmojligtDatum,
    #[error("Kontrollsiffran stämmer inte. Kontrollera numret.")]
    FelKontrollsiffra,
    #[error("Ett reservnummer ska vara 4–20 tecken: bokstäver, siffror eller bindestreck.")]
    FelReservnummer,
}

impl Identitet {
    /// Parses a personnummer or samordningsnummer; which one is decided by the day
    /// (samordningsnummer: day + 60, SKV 707). `idag` decides the century of a
    /// ten-digit number: "-" means under 100 years, "+" 100 or older.
    pub fn tolka(text: &str, idag: Date) -> Result<Self, IdentitetsFel> {
        let text = text.trim();
        if text.is_empty() {
            return Err(IdentitetsFel::Tomt);
        }
        let plus = text.contains('+');
        let siffror: String = text
            .chars()
            .filter(|c| !matches!(c, '-' | '+' | ' '))
            .collect();
        if !siffror.chars().all(|c| c.is_ascii_digit()) {
            return Err(IdentitetsFel::FelFormat);
        }
        let tolv = match siffror.len() {
            12 => siffror,
            10 => {
                let yy: i32 = siffror[0..2]
                    .parse()
                    .map_err(|_| IdentitetsFel::FelFormat)?;
                // The century is the latest one that makes the person younger than
                // 100 ("-") or at least 100 ("+"): folkbokföringslag (1991:481) 18 §.
                let mut ar = (idag.year() / 100) * 100 + yy;
                if ar > idag.year() {
                    ar -= 100;
                }
                if plus {
                    ar -= 100;
                }
                format!("{ar:04}{}", &siffror[2..])
            }
            _ => return Err(IdentitetsFel::FelFormat),
        };
        let ar: i32 = tolv[0..4].parse().map_err(|_| IdentitetsFel::FelFormat)?;
        let manad: u8 = tolv[4..6].parse().map_err(|_| IdentitetsFel::FelFormat)?;
        let dag: u8 = tolv[6..8].parse().map_err(|_| IdentitetsFel::FelFormat)?;
        let (typ, verklig_dag) = if dag > 60 {
            (IdentitetsTyp::Samordningsnummer, dag - 60)
        } else {
            (IdentitetsTyp::Personnummer, dag)
        };
        let manad = Month::try_from(manad).map_err(|_| IdentitetsFel::OmojligtDatum)?;
        let fodd = Date::from_calendar_date(ar, manad, verklig_dag)
            .map_err(|_| IdentitetsFel::OmojligtDatum)?;
        if fodd > idag {
            return Err(IdentitetsFel::OmojligtDatum);
        }
        if luhn(&tolv[2..11]) != tolv.as_bytes()[11] - b'0' {
            return Err(IdentitetsFel::FelKontrollsiffra);
        }
        Ok(Self { typ, varde: tolv })
    }

    /// A reservnummer has no national format (DOMAIN.md, Identities): it may
    /// contain letters and need not pass Luhn.
    pub fn reservnummer(text: &str) -> Result<Self, IdentitetsFel> {
        let text = text.trim().to_uppercase();
        if text.is_empty() {
            return Err(IdentitetsFel::Tomt);
        }
        let giltig = (4..=20).contains(&text.chars().count())
            && text.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
        if !giltig {
            return Err(IdentitetsFel::FelReservnummer);
        }
        Ok(Self {
            typ: IdentitetsTyp::Reservnummer,
            varde: text,
        })
    }

    /// Restores a value read back from storage, where it was valid when written.
    pub fn fran_lagrat(typ: IdentitetsTyp, varde: String) -> Self {
        Self { typ, varde }
    }

    pub fn typ(&self) -> IdentitetsTyp {
        self.typ
    }

    /// Twelve digits for personnummer and samordningsnummer; as written for reservnummer.
    pub fn varde(&self) -> &str {
        &self.varde
    }

    /// YYYYMMDD-NNNC, as on letters to the person.
    pub fn visning(&self) -> String {
        match self.typ {
            IdentitetsTyp::Reservnummer => self.varde.clone(),
            _ => format!("{}-{}", &self.varde[0..8], &self.varde[8..12]),
        }
    }

    /// Legal sex from the second-last digit: odd = man, even = woman.
    pub fn kon(&self) -> Option<Kon> {
        match self.typ {
            IdentitetsTyp::Reservnummer => None,
            _ => {
                let n = self.varde.as_bytes()[10] - b'0';
                Some(if n % 2 == 1 { Kon::Man } else { Kon::Kvinna })
            }
        }
    }

    pub fn fodelsedatum(&self) -> Option<Date> {
        if self.typ == IdentitetsTyp::Reservnummer {
            return None;
        }
        let ar: i32 = self.varde[0..4].parse().ok()?;
        let manad: u8 = self.varde[4..6].parse().ok()?;
        let mut dag: u8 = self.varde[6..8].parse().ok()?;
        if dag > 60 {
            dag -= 60;
        }
        Date::from_calendar_date(ar, Month::try_from(manad).ok()?, dag).ok()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kon {
    Man,
    Kvinna,
}

/// Luhn check digit over the nine digits YYMMDDNNN, weights 2,1,2,… from the left.
pub fn luhn(nio: &str) -> u8 {
    let summa: u32 = nio
        .bytes()
        .enumerate()
        .map(|(i, b)| {
            let v = u32::from(b - b'0') * if i % 2 == 0 { 2 } else { 1 };
            v / 10 + v % 10
        })
        .sum();
    ((10 - summa % 10) % 10) as u8
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use time::macros::date;

    const IDAG: Date = date!(2026 - 11 - 23);

    #[test]
    fn domainmd_example_personnummer_is_valid() {
        let id = Identitet::tolka("640823-3234", IDAG).unwrap();
        assert_eq!(id.typ(), IdentitetsTyp::Personnummer);
        assert_eq!(id.varde(), "196408233234");
        assert_eq!(id.kon(), Some(Kon::Man));
        assert_eq!(id.visning(), "19640823-3234");
    }

    #[test]
    fn domainmd_example_samordningsnummer_is_valid() {
        let id = Identitet::tolka("701063-2391", IDAG).unwrap();
        assert_eq!(id.typ(), IdentitetsTyp::Samordningsnummer);
        assert_eq!(id.fodelsedatum(), Some(date!(1970 - 10 - 03)));
    }

    #[test]
    fn wrong_check_digit_is_refused() {
        assert_eq!(
            Identitet::tolka("640823-3235", IDAG),
            Err(IdentitetsFel::FelKontrollsiffra)
        );
    }

    #[test]
    fn impossible_date_is_refused() {
        assert_eq!(
            Identitet::tolka("19650230-1234", IDAG),
            Err(IdentitetsFel::OmojligtDatum)
        );
        assert_eq!(
            Identitet::tolka("19651301-1234", IDAG),
            Err(IdentitetsFel::OmojligtDatum)
        );
    }

    #[test]
    fn future_birth_date_is_refused() {
        assert_eq!(
            Identitet::tolka("20301010-1234", IDAG),
            Err(IdentitetsFel::OmojligtDatum)
        );
    }

    #[test]
    fn plus_separator_means_hundred_years_or_older() {
        // folkbokföringslag (1991:481) 18 §: "+" from the year the person turns 100.
        let minus = Identitet::tolka("121212-1212", IDAG).unwrap();
        assert_eq!(minus.varde(), "201212121212");
        let plus = Identitet::tolka("121212+1212", IDAG).unwrap();
        assert_eq!(plus.varde(), "191212121212");
    }

    #[test]
    fn garbage_is_a_format_error() {
        assert_eq!(Identitet::tolka("abc", IDAG), Err(IdentitetsFel::FelFormat));
        assert_eq!(
            Identitet::tolka("12345", IDAG),
            Err(IdentitetsFel::FelFormat)
        );
        assert_eq!(Identitet::tolka("  ", IDAG), Err(IdentitetsFel::Tomt));
    }

    #[test]
    fn reservnummer_may_hold_letters_and_fail_luhn() {
        let id = Identitet::reservnummer("19800101-t123").unwrap();
        assert_eq!(id.typ(), IdentitetsTyp::Reservnummer);
        assert_eq!(id.varde(), "19800101-T123");
        assert!(Identitet::reservnummer("x").is_err());
        assert!(Identitet::reservnummer("ab cd").is_err());
    }

    proptest! {
        #[test]
        fn any_generated_number_with_luhn_digit_parses(
            ar in 1900i32..2026, manad in 1u8..=12, dag in 1u8..=28, nnn in 0u32..1000
        ) {
            let nio = format!("{:02}{:02}{:02}{:03}", ar % 100, manad, dag, nnn);
            let tolv = format!("{ar:04}{manad:02}{dag:02}{nnn:03}{}", luhn(&nio));
            let id = Identitet::tolka(&tolv, IDAG).unwrap();
            prop_assert_eq!(id.varde(), tolv.as_str());
            // Any other check digit is refused.
            let fel = (luhn(&nio) + 1) % 10;
            let fel_tolv = format!("{ar:04}{manad:02}{dag:02}{nnn:03}{fel}");
            prop_assert_eq!(Identitet::tolka(&fel_tolv, IDAG), Err(IdentitetsFel::FelKontrollsiffra));
        }

        #[test]
        fn parsing_never_panics(s in ".{0,30}") {
            let _ = Identitet::tolka(&s, IDAG);
            let _ = Identitet::reservnummer(&s);
        }
    }
}
