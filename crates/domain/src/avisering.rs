//! Aviseringar (issue 19 item 3): the person may choose to be told by e-mail or SMS
//! that something new is on Mina sidor. Which events tell, how the address is read,
//! how often a failed send is tried again, and how long events are gathered into one
//! notification are rules, so they live here; sending is the web layer's.
//!
//! # What a notification may say (OSL 26 kap. 1 §)
//!
//! Secrecy in the socialtjänst covers every uppgift om en enskilds personliga
//! förhållanden unless it is clear that it can be disclosed without the person or a
//! close relative suffering harm (OSL 26 kap. 1 §, a presumption of secrecy). That a
//! person is in contact with socialtjänsten at all is such an uppgift. An e-mail or
//! SMS leaves the kommun's control: it passes mail servers and operators and is read
//! on a phone that a partner, a parent or an abuser may pick up. So a notification
//! says only that something is new on Mina sidor, in the same words every time:
//!
//! - no name of the person, no personnummer, no case number or diarienummer, no
//!   insats, no date of a decision or meeting, no handläggare's name;
//! - not the nämnd's or the enhet's name, nor "socialtjänsten": the sender is the
//!   kommun's general address (the operator's `smtp.from`, documented in
//!   docs/avisering.md), and "Mina sidor" is what many of a kommun's e-services call
//!   the person's page;
//! - no link: the address of the server could itself name the service, and a
//!   message that asks to be clicked teaches people to follow phishing. The person
//!   goes to Mina sidor the way they always do.
//!
//! Choosing the channel is the person's own act, with the address verified by a code
//! sent to it, so a notification cannot be sent to an address someone else typed.

use time::Duration;

use crate::arende::{Avsandare, Handelse, partsinsyn};

/// How the person wants to be told.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kanal {
    Epost,
    Sms,
}

impl Kanal {
    pub fn kod(self) -> &'static str {
        match self {
            Kanal::Epost => "epost",
            Kanal::Sms => "sms",
        }
    }

    pub fn fran_kod(kod: &str) -> Option<Self> {
        match kod {
            "epost" => Some(Kanal::Epost),
            "sms" => Some(Kanal::Sms),
            _ => None,
        }
    }

    /// The address as typed, checked and in one form: an e-mail address in lower
    /// case, a Swedish mobile number as +467…
    pub fn tolka_adress(self, text: &str) -> Result<String, Adressfel> {
        match self {
            Kanal::Epost => tolka_epost(text),
            Kanal::Sms => tolka_mobilnummer(text),
        }
    }
}

/// Why an address was not accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Adressfel {
    #[error("tom")]
    Tom,
    #[error("inte en e-postadress")]
    Epost,
    #[error("inte ett mobilnummer")]
    Mobilnummer,
}

/// An e-mail address in the form the SMTP envelope takes it: one `@`, a local part
/// and a domain with a dot, no spaces or angle brackets (which would break the
/// envelope), at most 254 characters (RFC 5321 4.5.3.1.3).
pub fn tolka_epost(text: &str) -> Result<String, Adressfel> {
    let t = text.trim();
    if t.is_empty() {
        return Err(Adressfel::Tom);
    }
    let (lokal, doman) = t.split_once('@').ok_or(Adressfel::Epost)?;
    let tillatet = |c: char| !c.is_whitespace() && !c.is_control() && !"<>()[],;:\"\\@".contains(c);
    if t.len() > 254
        || lokal.is_empty()
        || lokal.len() > 64
        || !lokal.chars().all(tillatet)
        || !doman.chars().all(|c| tillatet(c) && c != '_')
        || !doman.contains('.')
        || doman.starts_with('.')
        || doman.ends_with('.')
        || doman.contains("..")
    {
        return Err(Adressfel::Epost);
    }
    Ok(format!("{lokal}@{}", doman.to_lowercase()))
}

/// A Swedish mobile number (070, 072, 073, 076, 079: the 07 series of PTS's numbering
/// plan for mobile services), written 070-123 45 67, 0701234567 or +46 70 123 45 67;
/// given back as +4670…
pub fn tolka_mobilnummer(text: &str) -> Result<String, Adressfel> {
    let t = text.trim();
    if t.is_empty() {
        return Err(Adressfel::Tom);
    }
    if !t
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '+' | '(' | ')'))
    {
        return Err(Adressfel::Mobilnummer);
    }
    let siffror: String = t.chars().filter(char::is_ascii_digit).collect();
    let nationellt = if t.starts_with('+') {
        siffror.strip_prefix("46").map(|r| format!("0{r}"))
    } else if let Some(r) = siffror.strip_prefix("0046") {
        Some(format!("0{r}"))
    } else {
        Some(siffror)
    }
    .ok_or(Adressfel::Mobilnummer)?;
    if nationellt.len() != 10 || !nationellt.starts_with("07") {
        return Err(Adressfel::Mobilnummer);
    }
    Ok(format!("+46{}", &nationellt[1..]))
}

/// Whether an event is news the person should be told of: a decision, a request
/// for documents, a message from the handläggare, a delay notice, a booked meeting,
/// material to comment on. Only events the person sees on Mina sidor
/// (`partsinsyn::visas_for_enskild`), and never their own acts (a message they
/// wrote, a meeting they asked for).
pub fn ger_avisering(h: &Handelse) -> bool {
    use Handelse as H;
    partsinsyn::visas_for_enskild(h)
        && match h {
            // A decision, also one after omprövning and the FL 12 § decision.
            H::BeslutFattat(_) | H::Omprovat { .. } | H::BegaranOmAvgorandeAvslagen { .. } => true,
            // Asked to hand in documents (komplettering), or to comment before the
            // decision (FL 25 § kommunicering).
            H::KompletteringBegard { .. } | H::Kommunicerad { .. } => true,
            H::MeddelandeSkickat { fran, .. } => *fran == Avsandare::Handlaggare,
            // FL 11 §: the decision is delayed.
            H::DrojsmalMeddelat(_) => true,
            H::MoteBokat { .. } => true,
            _ => false,
        }
}

/// How long events are gathered before one notification goes: a handläggare who
/// decides, sends the letter and writes a message within minutes causes one
/// notification, not three.
pub const SAMLA: Duration = Duration::minutes(5);

/// The wait before the next attempt after `forsok` failed ones: one minute, doubled
/// each time, at most six hours, so a mail server that is down for a day is tried
/// some ten times and a short hiccup costs a minute.
pub fn nasta_forsok(forsok: u32) -> Duration {
    let minuter = 1i64 << forsok.saturating_sub(1).min(9);
    Duration::minutes(minuter.min(6 * 60))
}

/// After this many failed attempts a notification is given up (and recorded so).
/// With `nasta_forsok` that is about two days of trying.
pub const MAX_FORSOK: u32 = 16;

/// How long a verification code holds, and how many wrong tries it takes.
pub const KOD_GILTIG: Duration = Duration::minutes(15);
pub const KOD_FORSOK: i64 = 5;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::MeddelandeId;

    #[test]
    fn epostadresser() {
        assert_eq!(
            tolka_epost(" Anna.Ek@Exempel.SE ").as_deref(),
            Ok("Anna.Ek@exempel.se")
        );
        for fel in [
            "anna",
            "anna@",
            "@exempel.se",
            "anna@exempel",
            "anna ek@exempel.se",
            "anna@exempel..se",
            "<anna@exempel.se>",
            "anna@exempel.se\r\nRCPT TO:<x@y.se>",
        ] {
            assert_eq!(tolka_epost(fel), Err(Adressfel::Epost), "{fel}");
        }
        assert_eq!(tolka_epost("  "), Err(Adressfel::Tom));
    }

    #[test]
    fn mobilnummer() {
        for (text, vantat) in [
            ("070-123 45 67", "+46701234567"),
            ("0701234567", "+46701234567"),
            ("+46 70 123 45 67", "+46701234567"),
            ("0046701234567", "+46701234567"),
        ] {
            assert_eq!(tolka_mobilnummer(text).as_deref(), Ok(vantat), "{text}");
        }
        // A landline, a foreign number, too short, letters.
        for fel in ["08-123 456 78", "+4512345678", "070123", "070-ABC 45 67"] {
            assert_eq!(tolka_mobilnummer(fel), Err(Adressfel::Mobilnummer), "{fel}");
        }
    }

    #[test]
    fn bara_handlaggarens_meddelande_aviseras() {
        let meddelande = |fran| Handelse::MeddelandeSkickat {
            id: MeddelandeId::ny(),
            datum: time::macros::date!(2026 - 03 - 02),
            fran,
            text: "Hej".into(),
        };
        assert!(ger_avisering(&meddelande(Avsandare::Handlaggare)));
        assert!(!ger_avisering(&meddelande(Avsandare::Enskild {
            ombud: None
        })));
        assert!(!ger_avisering(&Handelse::UtredningInledd {
            datum: time::macros::date!(2026 - 03 - 02),
            beslut_vantas: None,
        }));
    }

    #[test]
    fn forsoken_glesas_ut() {
        assert_eq!(nasta_forsok(1), Duration::minutes(1));
        assert_eq!(nasta_forsok(2), Duration::minutes(2));
        assert_eq!(nasta_forsok(5), Duration::minutes(16));
        assert_eq!(nasta_forsok(30), Duration::hours(6));
        let totalt: Duration = (1..MAX_FORSOK).map(nasta_forsok).sum();
        assert!(totalt > Duration::days(1), "{totalt}");
    }
}
