//! Begäran om registerutdrag (GDPR art. 15; issue 18 item 7): the person asks what the
//! nämnd holds about them, and the answer is owed within a time the law sets. The PDF is
//! made elsewhere (the web's `registerutdrag`); what is here is the request as a thing
//! with a last day, so that no request is forgotten in a pile of post.
//!
//! * **The last day.** The controller answers "utan onödigt dröjsmål och under alla
//!   omständigheter senast en månad efter att ha mottagit begäran" (art. 12.3). The month is
//!   counted by the EU's own rule for time limits, förordning (EEG, Euratom) nr 1182/71:
//!   from the day it came in to the same date of the next month, or that month's last day
//!   if it has no such date (art. 3.2 c), and a limit that ends on a Saturday, Sunday or
//!   holiday ends on the next working day (art. 3.4). That is the same day as lag
//!   (1930:173) gives, so [`plus_manader`] and [`nasta_vardag`] serve.
//! * **Extension.** "Med ytterligare två månader där så krävs, med beaktande av hur
//!   komplicerad begäran är och antalet inkomna begäranden", and the person is told of it,
//!   with the reasons, within the first month (art. 12.3). So an extension needs a reason,
//!   is decided before the first last day passes, and ends at most three months after the
//!   request came in.
//! * **The answer.** The extract is sent; or sent with parts withheld (OSL 12 kap. 1 §,
//!   26 kap. 1 and 5 §§: what secrecy keeps from the person themself); or refused, for a
//!   request that is "uppenbart ogrundad eller orimlig" (art. 12.5). When anything is
//!   withheld or refused, the person is told why and that they may complain to IMY and go
//!   to court (art. 12.4), so the reason is required.

use time::Date;

use crate::frister::plus_manader;
use crate::kalender::nasta_vardag;

/// The last day to answer a request that came in on `mottagen` (art. 12.3; förordning
/// 1182/71 art. 3.2 c and 3.4).
pub fn svar_senast(mottagen: Date) -> Date {
    nasta_vardag(plus_manader(mottagen, 1))
}

/// The latest an extension may reach: two further months (art. 12.3), that is three
/// months from the day the request came in, moved as the first limit is.
pub fn langst_forlangd(mottagen: Date) -> Date {
    nasta_vardag(plus_manader(mottagen, 3))
}

/// How the request came in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kanal {
    Brev,
    Besok,
    Telefon,
    Epost,
}

impl Kanal {
    pub const ALLA: [Kanal; 4] = [Kanal::Brev, Kanal::Besok, Kanal::Telefon, Kanal::Epost];

    pub fn kod(self) -> &'static str {
        match self {
            Kanal::Brev => "brev",
            Kanal::Besok => "besok",
            Kanal::Telefon => "telefon",
            Kanal::Epost => "epost",
        }
    }

    pub fn namn(self) -> &'static str {
        match self {
            Kanal::Brev => "Brev",
            Kanal::Besok => "Besök",
            Kanal::Telefon => "Telefon",
            Kanal::Epost => "E-post",
        }
    }

    pub fn fran_kod(kod: &str) -> Option<Self> {
        Self::ALLA.into_iter().find(|k| k.kod() == kod)
    }
}

/// What the nämnd answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Utfall {
    /// The whole extract was sent.
    Lamnat,
    /// Sent with parts withheld under secrecy (OSL 12 kap. 1 §; 26 kap.).
    LamnatMedUndantag,
    /// Refused as manifestly unfounded or excessive (art. 12.5).
    Avslag,
}

impl Utfall {
    pub const ALLA: [Utfall; 3] = [Utfall::Lamnat, Utfall::LamnatMedUndantag, Utfall::Avslag];

    pub fn kod(self) -> &'static str {
        match self {
            Utfall::Lamnat => "lamnat",
            Utfall::LamnatMedUndantag => "lamnat_med_undantag",
            Utfall::Avslag => "avslag",
        }
    }

    pub fn namn(self) -> &'static str {
        match self {
            Utfall::Lamnat => "Lämnat",
            Utfall::LamnatMedUndantag => "Lämnat med uppgifter undantagna",
            Utfall::Avslag => "Avslag",
        }
    }

    pub fn fran_kod(kod: &str) -> Option<Self> {
        Self::ALLA.into_iter().find(|k| k.kod() == kod)
    }

    /// Something was kept from the person: they are owed the reasons and their ways to
    /// complain (art. 12.4).
    pub fn kraver_skal(self) -> bool {
        self != Utfall::Lamnat
    }
}

/// A fault in what was given, by the field it concerns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fel {
    pub falt: &'static str,
    pub text: String,
}

fn fel(falt: &'static str, text: impl Into<String>) -> Fel {
    Fel {
        falt,
        text: text.into(),
    }
}

/// The longest reason or note: a letter's paragraph.
pub const MAX_TECKEN: usize = 2000;

/// A request as staff register it: the day it came in may be earlier than today (a letter
/// opened on Monday came in on Friday), never later, and not more than a year back (an
/// older request registered now is a mistake in the date).
pub fn prova_mottagen(mottagen: Date, idag: Date) -> Result<(), Fel> {
    if mottagen > idag {
        return Err(fel(
            "mottagen",
            "Dagen begäran kom in kan inte ligga i framtiden.",
        ));
    }
    if mottagen < ett_ar_fore(idag) {
        return Err(fel(
            "mottagen",
            "Dagen begäran kom in ligger mer än ett år tillbaka. Kontrollera datumet.",
        ));
    }
    Ok(())
}

fn ett_ar_fore(idag: Date) -> Date {
    idag.replace_year(idag.year() - 1)
        .unwrap_or_else(|_| idag.previous_day().unwrap_or(idag))
}

/// An extension to `till` decided on `idag`, for a request that came in on `mottagen` and
/// was due on `senast` (art. 12.3). Once only: the two further months are the most there
/// are, so a second extension could only shorten the first or pass the limit.
pub fn prova_forlangning(
    mottagen: Date,
    senast: Date,
    redan_forlangd: bool,
    till: Date,
    skal: &str,
    idag: Date,
) -> Result<(), Vec<Fel>> {
    let mut f = vec![];
    if redan_forlangd {
        f.push(fel(
            "till",
            "Tiden är redan förlängd en gång. Längre än tre månader får den inte bli (GDPR art. 12.3).",
        ));
    }
    if idag > senast {
        f.push(fel(
            "till",
            format!(
                "Sista dagen {senast} har passerat. Förlängning ska beslutas och meddelas inom den första månaden (GDPR art. 12.3). Lämna utdraget så snart det går."
            ),
        ));
    }
    if till <= senast {
        f.push(fel("till", format!("Välj en dag efter {senast}.")));
    }
    let langst = langst_forlangd(mottagen);
    if till > langst {
        f.push(fel(
            "till",
            format!(
                "Förlängningen får vara högst två månader till, senast {langst} (GDPR art. 12.3)."
            ),
        ));
    }
    let skal = skal.trim();
    if skal.is_empty() {
        f.push(fel(
            "skal",
            "Skriv varför mer tid behövs. Skälen ska meddelas den enskilde (GDPR art. 12.3).",
        ));
    } else if skal.chars().count() > MAX_TECKEN {
        f.push(fel("skal", format!("Högst {MAX_TECKEN} tecken.")));
    }
    if f.is_empty() { Ok(()) } else { Err(f) }
}

/// The answer given on `besvarad`, for a request that came in on `mottagen`.
pub fn prova_svar(
    mottagen: Date,
    besvarad: Date,
    idag: Date,
    utfall: Utfall,
    skal: &str,
) -> Result<(), Vec<Fel>> {
    let mut f = vec![];
    if besvarad > idag {
        f.push(fel("besvarad", "Dagen kan inte ligga i framtiden."));
    }
    if besvarad < mottagen {
        f.push(fel(
            "besvarad",
            format!("Dagen kan inte ligga före {mottagen}, då begäran kom in."),
        ));
    }
    let skal = skal.trim();
    if utfall.kraver_skal() && skal.is_empty() {
        f.push(fel(
            "skal",
            "Skriv skälen. Den enskilde ska få veta varför och att hen kan klaga hos Integritetsskyddsmyndigheten (GDPR art. 12.4).",
        ));
    }
    if skal.chars().count() > MAX_TECKEN {
        f.push(fel("skal", format!("Högst {MAX_TECKEN} tecken.")));
    }
    if f.is_empty() { Ok(()) } else { Err(f) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn en_manad_till_samma_datum_eller_manadens_sista_dag() {
        // A Tuesday to the same date: a Thursday, a vardag.
        assert_eq!(svar_senast(date!(2026 - 09 - 15)), date!(2026 - 10 - 15));
        // 31 January: February has no 31st, so its last day (1182/71 art. 3.2 c), a Saturday
        // in 2026, moved to Monday 2 March (art. 3.4).
        assert_eq!(svar_senast(date!(2026 - 01 - 31)), date!(2026 - 03 - 02));
        // 24 November to Christmas Eve, then juldagen and annandag jul and a weekend:
        // the next working day is Monday 28 December.
        assert_eq!(svar_senast(date!(2026 - 11 - 24)), date!(2026 - 12 - 28));
    }

    #[test]
    fn forlangning_hogst_tva_manader_till_och_med_skal_i_tid() {
        let mottagen = date!(2026 - 09 - 15);
        let senast = svar_senast(mottagen);
        assert_eq!(langst_forlangd(mottagen), date!(2026 - 12 - 15));
        assert!(
            prova_forlangning(
                mottagen,
                senast,
                false,
                date!(2026 - 12 - 15),
                "Många ärenden",
                senast
            )
            .is_ok()
        );
        let falt =
            |r: Result<(), Vec<Fel>>| r.unwrap_err().iter().map(|f| f.falt).collect::<Vec<_>>();
        assert_eq!(
            falt(prova_forlangning(
                mottagen,
                senast,
                false,
                date!(2026 - 12 - 16),
                "Många",
                senast
            )),
            ["till"]
        );
        assert_eq!(
            falt(prova_forlangning(
                mottagen, senast, false, senast, "Många", senast
            )),
            ["till"]
        );
        assert_eq!(
            falt(prova_forlangning(
                mottagen,
                senast,
                false,
                date!(2026 - 11 - 15),
                "  ",
                senast
            )),
            ["skal"]
        );
        // Once only.
        assert_eq!(
            falt(prova_forlangning(
                mottagen,
                senast,
                true,
                date!(2026 - 11 - 15),
                "Många",
                senast
            )),
            ["till"]
        );
        // Decided after the first last day: too late to extend.
        assert_eq!(
            falt(prova_forlangning(
                mottagen,
                senast,
                false,
                date!(2026 - 11 - 15),
                "Många",
                senast.next_day().unwrap()
            )),
            ["till"]
        );
    }

    #[test]
    fn undantag_och_avslag_kraver_skal() {
        let m = date!(2026 - 09 - 15);
        let d = date!(2026 - 09 - 20);
        assert!(prova_svar(m, d, d, Utfall::Lamnat, "").is_ok());
        for u in [Utfall::LamnatMedUndantag, Utfall::Avslag] {
            assert_eq!(prova_svar(m, d, d, u, " ").unwrap_err()[0].falt, "skal");
            assert!(prova_svar(m, d, d, u, "OSL 26 kap. 5 §: anmälarens namn").is_ok());
        }
        assert_eq!(
            prova_svar(m, date!(2026 - 09 - 14), d, Utfall::Lamnat, "").unwrap_err()[0].falt,
            "besvarad"
        );
        assert_eq!(
            prova_svar(m, date!(2026 - 09 - 21), d, Utfall::Lamnat, "").unwrap_err()[0].falt,
            "besvarad"
        );
    }

    #[test]
    fn mottagen_inte_i_framtiden_och_inte_for_langt_bak() {
        let idag = date!(2026 - 09 - 15);
        assert!(prova_mottagen(idag, idag).is_ok());
        assert!(prova_mottagen(date!(2026 - 09 - 11), idag).is_ok());
        assert!(prova_mottagen(date!(2026 - 09 - 16), idag).is_err());
        assert!(prova_mottagen(date!(2025 - 09 - 14), idag).is_err());
    }
}
