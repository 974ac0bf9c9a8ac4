//! Synpunkter och klagomål (issue 19 item 4). The nämnd is to receive and investigate
//! complaints and suggestions on the quality of its work from the persons it serves, their
//! relatives and anyone else (SOSFS 2011:9 5 kap. 3 §), and to compile and analyse them so
//! that they are used in the quality work (5 kap. 6 §): the quarterly report to the nämnd
//! here. The rights guide (seed 000) names the right to complain, and Verdandi's stories
//! (seed 003) ask for a way to be heard that does not go through the handläggare.
//!
//! What is here is pure: the kinds and categories, what a sender must and must not give,
//! the day an answer is promised by, and the quarterly counts with small cells
//! suppressed. Storing, assigning and reading them is the store's and the web's.
//!
//! A complaint that reveals a risk of missförhållande goes to Lex Sarah handling (SoL 27
//! kap.) only when a person decides so: Lots never routes a complaint by its words. Words
//! are a poor signal either way: "vanvård" may be a quote of a letter, and the gravest
//! account may use none of the words a list would hold; a false route sends the sender's
//! words to people who should not read them, a missed one gives false comfort. The duty
//! to report rests on the staff who read it, and the button that hands it over asks for
//! their reason.

use time::Date;

use crate::frister::plus_veckor;
use crate::kalender::nasta_vardag;
use crate::oppen_uppfoljning::{Cell, fordelning};
use crate::rapport::Kvartal;

/// The weeks within which the nämnd promises an answer. No statute sets it: SOSFS 2011:9
/// 5 kap. 3 § asks that complaints be received and investigated, FL 9 § that matters be
/// handled quickly. Three weeks is the promise Swedish kommuner commonly make in their
/// synpunktshantering, long enough to talk with those concerned, short enough that the
/// sender is still waiting for it.
pub const SVARSTID_VECKOR: u32 = 3;

/// The longest text a sender may write: a letter's length, as a message on Mina sidor.
pub const MAX_TECKEN: usize = 5000;

/// The longest name or contact detail: a name, a phone number or an e-mail address.
pub const MAX_KONTAKT: usize = 200;

/// The day an answer is promised by: [`SVARSTID_VECKOR`] weeks after the day it came in
/// (lag (1930:173) 1 §), moved to the next vardag if that is not one (2 §).
pub fn svar_senast(inkom: Date) -> Date {
    nasta_vardag(plus_veckor(inkom, SVARSTID_VECKOR))
}

/// The day a Lex Sarah report handed over on `overlamnad` is to be taken up by: that same
/// day. The duty is to report "genast" and the investigation begins without delay (SoL
/// 27 kap.; formerly SoL (2001:453) 14 kap. 3 §, 6 §), so the receiver's bevakning is the
/// day it reaches them, not a period after it.
pub fn lex_sarah_bevakas(overlamnad: Date) -> Date {
    overlamnad
}

macro_rules! kodlista {
    ($(#[$m:meta])* $typ:ident { $($(#[$vm:meta])* $v:ident => $kod:literal, $namn:literal;)* }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $typ { $($(#[$vm])* $v),* }

        impl $typ {
            pub const ALLA: &'static [$typ] = &[$($typ::$v),*];
            /// The stable code stored and sent in forms.
            pub fn kod(self) -> &'static str {
                match self { $($typ::$v => $kod),* }
            }
            pub fn fran_kod(kod: &str) -> Option<Self> {
                Self::ALLA.iter().copied().find(|t| t.kod() == kod)
            }
            /// The Swedish name staff and reports use.
            pub fn namn(self) -> &'static str {
                match self { $($typ::$v => $namn),* }
            }
        }
    };
}

kodlista! {
    /// What the sender wants to say.
    Slag {
        Klagomal => "klagomal", "Klagomål";
        Forslag => "forslag", "Förslag";
        Berom => "berom", "Beröm";
    }
}

kodlista! {
    /// What it is about: the categories the quarterly report counts (5 kap. 6 §: compile
    /// so that patterns and trends show).
    Kategori {
        Bemotande => "bemotande", "Bemötande";
        Handlaggning => "handlaggning", "Handläggning och beslut";
        Tillganglighet => "tillganglighet", "Att nå socialtjänsten";
        Insats => "insats", "Stöd och insatser";
        Information => "information", "Information";
        Annat => "annat", "Annat";
    }
}

kodlista! {
    /// What came of the investigation, as the report counts it.
    Utfall {
        /// Something was changed because of it.
        Atgardat => "atgardat", "Åtgärdat";
        /// Explained to the sender; nothing needed to change.
        Forklarat => "forklarat", "Förklarat, ingen åtgärd";
        /// Too little to go on (an anonymous complaint without details).
        EjUtrett => "ej_utrett", "Kunde inte utredas";
        /// Handed over to a Lex Sarah investigation (also counted there).
        LexSarah => "lex_sarah", "Lämnat till Lex Sarah-utredning";
    }
}

/// How it came in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kanal {
    /// Logged in on Mina sidor: the sender is known and reads the answer there.
    MinaSidor,
    /// The public page, without logging in.
    Webb,
}

impl Kanal {
    pub fn kod(self) -> &'static str {
        match self {
            Kanal::MinaSidor => "mina_sidor",
            Kanal::Webb => "webb",
        }
    }
    pub fn fran_kod(kod: &str) -> Option<Self> {
        [Kanal::MinaSidor, Kanal::Webb]
            .into_iter()
            .find(|k| k.kod() == kod)
    }
}

/// What a sender writes. Only the kind, the category and the text are required:
/// nothing that identifies the sender is (SOSFS 2011:9 5 kap. 3 § makes no condition of
/// it, and an anonymous complaint is still a complaint).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inskick {
    pub slag: Slag,
    pub kategori: Kategori,
    pub text: String,
    /// Optional: who writes.
    pub namn: String,
    /// Optional: a phone number or an e-mail address to be answered on.
    pub kontakt: String,
}

/// A fault in what was sent, by the field it concerns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fel {
    pub falt: &'static str,
    pub text: String,
}

impl Inskick {
    /// Parses a form's values; every fault at once, or what was sent, trimmed.
    pub fn tolka(
        slag: &str,
        kategori: &str,
        text: &str,
        namn: &str,
        kontakt: &str,
    ) -> Result<Self, Vec<Fel>> {
        let mut fel = vec![];
        let slag = Slag::fran_kod(slag.trim());
        if slag.is_none() {
            fel.push(Fel {
                falt: "slag",
                text: "Välj vad du vill lämna.".into(),
            });
        }
        let kategori = Kategori::fran_kod(kategori.trim());
        if kategori.is_none() {
            fel.push(Fel {
                falt: "kategori",
                text: "Välj vad det gäller.".into(),
            });
        }
        let text = text.trim();
        if text.is_empty() {
            fel.push(Fel {
                falt: "text",
                text: "Skriv vad du vill säga.".into(),
            });
        }
        let n = text.chars().count();
        if n > MAX_TECKEN {
            fel.push(Fel {
                falt: "text",
                text: format!("Texten får vara högst {MAX_TECKEN} tecken. Den är {n} tecken."),
            });
        }
        for (falt, varde) in [("namn", namn), ("kontakt", kontakt)] {
            if varde.trim().chars().count() > MAX_KONTAKT {
                fel.push(Fel {
                    falt,
                    text: format!("Högst {MAX_KONTAKT} tecken."),
                });
            }
        }
        match (slag, kategori) {
            (Some(slag), Some(kategori)) if fel.is_empty() => Ok(Self {
                slag,
                kategori,
                text: text.to_owned(),
                namn: namn.trim().to_owned(),
                kontakt: kontakt.trim().to_owned(),
            }),
            _ => Err(fel),
        }
    }
}

/// The nämnd's answer to a complaint: what the investigation came to, and the written
/// answer the sender reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Svar {
    pub utfall: Utfall,
    pub text: String,
}

impl Svar {
    /// Parses the answer form; every fault at once, or the answer, trimmed.
    pub fn tolka(utfall: &str, text: &str) -> Result<Self, Vec<Fel>> {
        let mut fel = vec![];
        let utfall = Utfall::fran_kod(utfall.trim());
        if utfall.is_none() {
            fel.push(Fel {
                falt: "utfall",
                text: "Välj vad utredningen ledde till.".into(),
            });
        }
        let text = text.trim();
        if text.is_empty() {
            // Whoever wrote reads it: SOSFS 2011:9 5 kap. 3 § asks that complaints be
            // investigated, and an answer nobody can read closes nothing.
            fel.push(Fel {
                falt: "svar",
                text: "Skriv svaret. Den som skrev läser det, på Mina sidor eller som ni kontaktar hen.".into(),
            });
        }
        if text.chars().count() > MAX_TECKEN {
            fel.push(Fel {
                falt: "svar",
                text: format!("Svaret får vara högst {MAX_TECKEN} tecken."),
            });
        }
        match utfall {
            Some(utfall) if fel.is_empty() => Ok(Self {
                utfall,
                text: text.to_owned(),
            }),
            _ => Err(fel),
        }
    }
}

/// A complaint as the quarterly report sees it: no text, no sender.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rapportrad {
    pub slag: Slag,
    pub kategori: Kategori,
    pub inkom: Date,
    pub svar_senast: Date,
    pub besvarad: Option<(Date, Utfall)>,
    /// Handed to a Lex Sarah investigation.
    pub lex_sarah: bool,
}

/// The quarter's report to the nämnd: what came in during the quarter, by kind and
/// category, and what came of it, answered in time or not. Every breakdown is suppressed
/// as the group follow-up of öppna insatser is (`oppen_uppfoljning::fordelning`): a
/// complaint is often about one meeting with one person, and a count of 1 to 4 with its
/// category can point at them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kvartalsrapport {
    pub kvartal: Kvartal,
    /// The quarter has not ended: the counts are so far.
    pub pagar: bool,
    pub totalt: Cell,
    pub per_slag: Vec<(Slag, Cell)>,
    pub per_kategori: Vec<(Kategori, Cell)>,
    /// Answered, by outcome; then not answered yet (the last cell).
    pub per_utfall: Vec<(Utfall, Cell)>,
    pub obesvarade: Cell,
    /// Answered by the day promised, answered late, not answered and past the day.
    pub i_tid: Cell,
    pub sent: Cell,
    pub forsenade_obesvarade: Cell,
    /// Not answered, and the day has not come.
    pub inom_tid: Cell,
    pub lex_sarah: Cell,
}

/// Counts the complaints that came in during `kvartal` as they stand on `idag`.
pub fn kvartalsrapport(rader: &[Rapportrad], kvartal: Kvartal, idag: Date) -> Kvartalsrapport {
    let rader: Vec<&Rapportrad> = rader
        .iter()
        .filter(|r| kvartal.innehaller(r.inkom))
        .collect();
    let totalt = rader.len() as i64;
    let rakna = |f: &dyn Fn(&Rapportrad) -> bool| rader.iter().filter(|r| f(r)).count() as i64;

    let slag: Vec<i64> = Slag::ALLA
        .iter()
        .map(|s| rakna(&|r| r.slag == *s))
        .collect();
    let (slag, totalt_cell) = fordelning(&slag, totalt);
    let kategorier: Vec<i64> = Kategori::ALLA
        .iter()
        .map(|k| rakna(&|r| r.kategori == *k))
        .collect();
    let (kategorier, _) = fordelning(&kategorier, totalt);

    let mut utfall: Vec<i64> = Utfall::ALLA
        .iter()
        .map(|u| rakna(&|r| r.besvarad.is_some_and(|(_, x)| x == *u)))
        .collect();
    utfall.push(rakna(&|r| r.besvarad.is_none()));
    let (mut utfall, _) = fordelning(&utfall, totalt);
    let obesvarade = utfall.pop().unwrap_or(Cell::Dold);

    // Each complaint is in one of four: answered in time, answered late, open and late,
    // open and not yet due.
    let tid = [
        rakna(&|r| r.besvarad.is_some_and(|(d, _)| d <= r.svar_senast)),
        rakna(&|r| r.besvarad.is_some_and(|(d, _)| d > r.svar_senast)),
        rakna(&|r| r.besvarad.is_none() && idag > r.svar_senast),
        rakna(&|r| r.besvarad.is_none() && idag <= r.svar_senast),
    ];
    let (tid, _) = fordelning(&tid, totalt);

    Kvartalsrapport {
        kvartal,
        pagar: !kvartal.passerat(idag),
        totalt: totalt_cell,
        per_slag: Slag::ALLA.iter().copied().zip(slag).collect(),
        per_kategori: Kategori::ALLA.iter().copied().zip(kategorier).collect(),
        per_utfall: Utfall::ALLA.iter().copied().zip(utfall).collect(),
        obesvarade,
        i_tid: tid[0],
        sent: tid[1],
        forsenade_obesvarade: tid[2],
        inom_tid: tid[3],
        lex_sarah: Cell::ensam(rakna(&|r| r.lex_sarah)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn svar_inom_tre_veckor_flyttat_till_vardag() {
        // Monday 2 November 2026 + 3 weeks = Monday 23 November (lag (1930:173) 1 §).
        assert_eq!(svar_senast(date!(2026 - 11 - 02)), date!(2026 - 11 - 23));
        // Friday 5 June 2026 + 3 weeks = Friday 26 June; 19 June is midsommarafton,
        // but the last day is what counts: a vardag.
        assert_eq!(svar_senast(date!(2026 - 06 - 05)), date!(2026 - 06 - 26));
        // Saturday 5 December + 3 weeks = Saturday 26 December (annandag jul) → Monday 28
        // (lag (1930:173) 2 §).
        assert_eq!(svar_senast(date!(2026 - 12 - 05)), date!(2026 - 12 - 28));
    }

    #[test]
    fn inget_som_identifierar_kravs() {
        let i = Inskick::tolka("klagomal", "bemotande", "  Jag blev illa bemött. ", "", "")
            .expect("valid");
        assert_eq!(i.text, "Jag blev illa bemött.");
        assert!(i.namn.is_empty() && i.kontakt.is_empty());
        let fel = Inskick::tolka("", "okand", " ", "", &"x".repeat(201)).unwrap_err();
        let falt: Vec<&str> = fel.iter().map(|f| f.falt).collect();
        assert_eq!(falt, vec!["slag", "kategori", "text", "kontakt"]);
    }

    #[test]
    fn svaret_har_utfall_och_text() {
        let svar = Svar::tolka("atgardat", "  Vi har pratat med handläggaren. ").expect("valid");
        assert_eq!(svar.utfall, Utfall::Atgardat);
        assert_eq!(svar.text, "Vi har pratat med handläggaren.");
        let fel = Svar::tolka("okand", " ").unwrap_err();
        let falt: Vec<&str> = fel.iter().map(|f| f.falt).collect();
        assert_eq!(falt, vec!["utfall", "svar"]);
        let fel = Svar::tolka("forklarat", &"å".repeat(MAX_TECKEN + 1)).unwrap_err();
        assert_eq!(fel.len(), 1);
        assert!(fel[0].text.contains("högst"));
        assert!(Svar::tolka("forklarat", &"å".repeat(MAX_TECKEN)).is_ok());
    }

    fn rad(kategori: Kategori, inkom: Date, besvarad: Option<(Date, Utfall)>) -> Rapportrad {
        Rapportrad {
            slag: Slag::Klagomal,
            kategori,
            inkom,
            svar_senast: svar_senast(inkom),
            besvarad,
            lex_sarah: false,
        }
    }

    /// SOSFS 2011:9 5 kap. 6 §: the quarter's complaints by category and outcome, in time
    /// or not, with counts of 1–4 suppressed so they cannot be recomputed.
    #[test]
    fn kvartalet_raknas_och_sma_celler_doljs() {
        let kv = Kvartal::ny(2026, 4).unwrap();
        let in_ = date!(2026 - 10 - 05);
        let mut rader = vec![];
        for _ in 0..6 {
            rader.push(rad(
                Kategori::Bemotande,
                in_,
                Some((date!(2026 - 10 - 10), Utfall::Forklarat)),
            ));
        }
        rader.push(rad(
            Kategori::Handlaggning,
            in_,
            Some((date!(2026 - 12 - 01), Utfall::Atgardat)),
        ));
        rader.push(rad(Kategori::Handlaggning, in_, None));
        // Outside the quarter: not counted.
        rader.push(rad(Kategori::Annat, date!(2026 - 09 - 30), None));
        let r = kvartalsrapport(&rader, kv, date!(2027 - 01 - 10));
        assert!(!r.pagar);
        assert_eq!(r.totalt, Cell::Antal(8));
        // 6 and 2: the 2 is hidden, and so is the smallest other non-zero cell.
        let bem = r.per_kategori[0].1;
        let hand = r.per_kategori[1].1;
        assert_eq!((bem, hand), (Cell::Dold, Cell::Dold));
        assert_eq!(r.per_kategori[5].1, Cell::Antal(0));
        assert_eq!(r.per_slag[0].1, Cell::Antal(8));
        // 6 answered in time, 1 late, 1 open and past its day.
        assert_eq!(r.i_tid, Cell::Antal(6));
        assert_eq!(r.sent, Cell::Dold);
        assert_eq!(r.inom_tid, Cell::Antal(0));
        let k = kvartalsrapport(&rader, kv, date!(2026 - 11 - 01));
        assert!(k.pagar);
    }
}
