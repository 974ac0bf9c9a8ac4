//! Bedömningsinstrument: versioned, reusable forms that Lots scores (AUDIT, DUDIT,
//! FREDA-kortfrågor, FIA), used in the utredning together with the person (docs/domain.md,
//! The process, step 2).
//!
//! The item texts belong to the instruments' publishers, so Lots does not reproduce them: every
//! item has a short label in our own words, the handläggare asks the questions from the
//! instrument's own form and records the answer (its score) here, and [`Instrument::manual`]
//! names the manual to ask from.
//!
//! The definitions are data per edition ([`Instrumentversion`]): a new edition is a new table
//! entry, and the scoring code stays as it is. A [`Resultat`] carries its version and the
//! cut-offs it was read against, so a result already in the record reads the same after a new
//! edition is added.

use serde::{Deserialize, Serialize};

use crate::identitet::Kon;

/// The instruments Lots scores.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Instrument {
    Audit,
    Dudit,
    Freda,
    Fia,
}

impl Instrument {
    pub const ALLA: [Instrument; 4] = [
        Instrument::Audit,
        Instrument::Dudit,
        Instrument::Freda,
        Instrument::Fia,
    ];

    /// The stable code stored in events and URLs; the same as the serialized form.
    pub fn kod(self) -> &'static str {
        match self {
            Instrument::Audit => "audit",
            Instrument::Dudit => "dudit",
            Instrument::Freda => "freda",
            Instrument::Fia => "fia",
        }
    }

    pub fn fran_kod(kod: &str) -> Option<Self> {
        Self::ALLA.into_iter().find(|i| i.kod() == kod)
    }

    /// The name shown on the page.
    pub fn namn(self) -> &'static str {
        match self {
            Instrument::Audit => "AUDIT",
            Instrument::Dudit => "DUDIT",
            Instrument::Freda => "FREDA-kortfrågor",
            Instrument::Fia => "FIA – förutsättningar inför arbete",
        }
    }

    /// The short name used in one-line summaries.
    pub fn kortnamn(self) -> &'static str {
        match self {
            Instrument::Audit => "AUDIT",
            Instrument::Dudit => "DUDIT",
            Instrument::Freda => "FREDA",
            Instrument::Fia => "FIA",
        }
    }

    /// The manual the questions are asked from; Lots shows this reference instead of the item
    /// texts, which are the publishers' (issue: "entered as the answers and scores the
    /// handläggare records, with a reference to the manual, not reproduced").
    pub fn manual(self) -> &'static str {
        match self {
            Instrument::Audit => {
                "Babor, Higgins-Biddle, Saunders & Monteiro: AUDIT – The Alcohol Use Disorders \
                 Identification Test. Guidelines for Use in Primary Care, 2:a uppl., WHO 2001. \
                 Svensk version och gränsvärden: Socialstyrelsen, Nationella riktlinjer för vård \
                 och stöd vid missbruk och beroende."
            }
            Instrument::Dudit => {
                "Berman, Bergman, Palmstierna & Schlyter: DUDIT – Drug Use Disorders \
                 Identification Test, manual (Karolinska institutet); European Addiction \
                 Research 11 (2005) 22–31."
            }
            Instrument::Freda => {
                "Socialstyrelsen: Manual för FREDA. Standardiserade bedömningsmetoder för \
                 socialtjänstens arbete mot våld i nära relationer (2014, artikelnummer \
                 2014-6-15). Frågorna ställs ur FREDA-kortfrågor; etiketterna i Lots är egna."
            }
            Instrument::Fia => {
                "Socialstyrelsen: FIA – förutsättningar inför arbete. Manual till \
                 bedömningsmetoden (2014). Intervjun görs ur FIA-formuläret; områdena och \
                 skalan i Lots är en egen sammanställning för resultatet."
            }
        }
    }

    /// The edition new answers are recorded with.
    pub fn aktuell(self) -> &'static Instrumentversion {
        match self {
            Instrument::Audit => &AUDIT_2001,
            Instrument::Dudit => &DUDIT_2005,
            Instrument::Freda => &FREDA_2014,
            Instrument::Fia => &FIA_2014,
        }
    }

    /// The version string of the current edition.
    pub fn version(self) -> &'static str {
        self.aktuell().version
    }

    /// The items of the current edition, in order.
    pub fn fragor(self) -> &'static [Fraga] {
        self.aktuell().fragor
    }
}

/// How an item's answers are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Skala {
    /// The answer is the score printed on the instrument's form.
    Poang,
    /// 0 = nej, 1 = ja.
    JaNej,
    /// 1–4, from no obstacle to a major obstacle (FIA, Lots's own scale).
    Hinder,
}

impl Skala {
    /// The answer as the page shows it.
    pub fn etikett(self, varde: u8) -> String {
        match (self, varde) {
            (Skala::JaNej, 0) => "nej".into(),
            (Skala::JaNej, 1) => "ja".into(),
            (Skala::Hinder, 1) => "inget hinder".into(),
            (Skala::Hinder, 2) => "litet hinder".into(),
            (Skala::Hinder, 3) => "visst hinder".into(),
            (Skala::Hinder, 4) => "stort hinder".into(),
            _ => varde.to_string(),
        }
    }

    /// The allowed answers in words, for an error message: "0, 2 eller 4 poäng".
    fn beskriv(self, tillatna: &[u8]) -> String {
        match self {
            Skala::JaNej => "svaret ja eller nej".into(),
            Skala::Hinder => match (tillatna.first(), tillatna.last()) {
                (Some(&f), Some(&s)) => format!(
                    "en bedömning från {f} ({}) till {s} ({})",
                    self.etikett(f),
                    self.etikett(s)
                ),
                _ => "någon bedömning".into(),
            },
            Skala::Poang => {
                let sammanhangande = tillatna.windows(2).all(|w| w[1] == w[0] + 1);
                match tillatna {
                    [] => "några poäng".into(),
                    [f, .., s] if sammanhangande && tillatna.len() > 2 => {
                        format!("{f}–{s} poäng")
                    }
                    [ensam] => format!("{ensam} poäng"),
                    [forsta @ .., sista] => {
                        let borjan: Vec<String> = forsta.iter().map(u8::to_string).collect();
                        format!("{} eller {sista} poäng", borjan.join(", "))
                    }
                }
            }
        }
    }
}

/// One item of an instrument: its number on the form, a short label in Lots's own words (not
/// the publisher's text) and the answers it allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Fraga {
    pub nummer: u8,
    pub etikett: &'static str,
    pub tillatna: &'static [u8],
    pub skala: Skala,
}

impl Fraga {
    pub fn hogsta(&self) -> u8 {
        self.tillatna.iter().copied().max().unwrap_or(0)
    }
}

/// What a score means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Niva {
    /// AUDIT at or above the cut-off for the person's sex.
    Riskbruk,
    /// DUDIT at or above the cut-off for the person's sex.
    DrogrelateradeProblem,
    SkadligtBruk,
    TroligtBeroende,
}

impl Niva {
    pub fn namn(self) -> &'static str {
        match self {
            Niva::Riskbruk => "riskbruk",
            Niva::DrogrelateradeProblem => "drogrelaterade problem",
            Niva::SkadligtBruk => "skadligt bruk",
            Niva::TroligtBeroende => "troligt beroende",
        }
    }
}

/// A band that applies whatever the person's sex: from `fran` up to the next band.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Band {
    pub fran: u8,
    pub niva: Niva,
}

/// How an edition is scored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "slag", rename_all = "snake_case")]
pub enum Poangsattning {
    /// The answers are summed; the first cut-off depends on legal sex, the bands above do not.
    Summa {
        kvinnor: u8,
        man: u8,
        niva: Niva,
        band: &'static [Band],
    },
    /// Yes/no screening: any yes is a positive screening.
    Screening,
    /// No total: each area is rated, and the areas rated `stort_hinder` or more are the result.
    Omraden { stort_hinder: u8 },
}

/// One edition of an instrument, as Lots encodes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Instrumentversion {
    pub instrument: Instrument,
    pub version: &'static str,
    pub fragor: &'static [Fraga],
    pub poangsattning: Poangsattning,
    /// Whether the person rates each item too, beside the handläggare (FIA).
    pub egen_skattning: bool,
}

/// Every edition Lots knows, old ones kept so that answers recorded with them can be scored
/// and read again.
pub const VERSIONER: &[Instrumentversion] = &[AUDIT_2001, DUDIT_2005, FREDA_2014, FIA_2014];

const NOLL_TILL_FYRA: &[u8] = &[0, 1, 2, 3, 4];
const NOLL_TVA_FYRA: &[u8] = &[0, 2, 4];
const JA_NEJ: &[u8] = &[0, 1];
const HINDERSKALA: &[u8] = &[1, 2, 3, 4];

const fn poang(nummer: u8, etikett: &'static str, tillatna: &'static [u8]) -> Fraga {
    Fraga {
        nummer,
        etikett,
        tillatna,
        skala: Skala::Poang,
    }
}

/// AUDIT as in the WHO manual, 2nd ed. (Babor et al. 2001): ten items, 1–8 scored 0–4, 9–10
/// scored 0, 2 or 4, total 0–40. Cut-offs: 6 for women and 8 for men indicate riskbruk (the
/// Swedish cut-offs, Socialstyrelsen's Nationella riktlinjer för vård och stöd vid missbruk och
/// beroende); 16–19 skadligt bruk and 20 or more troligt beroende whatever the sex (WHO manual,
/// zones III and IV).
pub const AUDIT_2001: Instrumentversion = Instrumentversion {
    instrument: Instrument::Audit,
    version: "2001",
    fragor: &[
        poang(1, "Hur ofta alkohol dricks", NOLL_TILL_FYRA),
        poang(2, "Mängd en vanlig dag", NOLL_TILL_FYRA),
        poang(3, "Tillfällen med mycket alkohol", NOLL_TILL_FYRA),
        poang(4, "Kunde inte sluta", NOLL_TILL_FYRA),
        poang(5, "Har inte gjort det som förväntades", NOLL_TILL_FYRA),
        poang(6, "Alkohol på morgonen", NOLL_TILL_FYRA),
        poang(7, "Skuld eller ånger", NOLL_TILL_FYRA),
        poang(8, "Minnesluckor", NOLL_TILL_FYRA),
        poang(9, "Skada på sig själv eller andra", NOLL_TVA_FYRA),
        poang(10, "Andras oro för drickandet", NOLL_TVA_FYRA),
    ],
    poangsattning: Poangsattning::Summa {
        kvinnor: 6,
        man: 8,
        niva: Niva::Riskbruk,
        band: &[
            Band {
                fran: 16,
                niva: Niva::SkadligtBruk,
            },
            Band {
                fran: 20,
                niva: Niva::TroligtBeroende,
            },
        ],
    },
    egen_skattning: false,
};

/// DUDIT as in Berman et al. (2005) and its manual: eleven items, 1–9 scored 0–4, 10–11 scored
/// 0, 2 or 4, total 0–44. Cut-offs: 2 for women and 6 for men indicate drogrelaterade problem;
/// 25 or more troligt beroende whatever the sex.
pub const DUDIT_2005: Instrumentversion = Instrumentversion {
    instrument: Instrument::Dudit,
    version: "2005",
    fragor: &[
        poang(1, "Hur ofta droger används", NOLL_TILL_FYRA),
        poang(2, "Flera droger vid samma tillfälle", NOLL_TILL_FYRA),
        poang(3, "Antal gånger en vanlig dag", NOLL_TILL_FYRA),
        poang(4, "Kraftigt påverkad", NOLL_TILL_FYRA),
        poang(5, "Sug efter droger", NOLL_TILL_FYRA),
        poang(6, "Kunde inte sluta", NOLL_TILL_FYRA),
        poang(7, "Har inte gjort det som förväntades", NOLL_TILL_FYRA),
        poang(8, "Droger på morgonen", NOLL_TILL_FYRA),
        poang(9, "Skuld eller ånger", NOLL_TILL_FYRA),
        poang(10, "Skada på sig själv eller andra", NOLL_TVA_FYRA),
        poang(11, "Andras oro för droganvändningen", NOLL_TVA_FYRA),
    ],
    poangsattning: Poangsattning::Summa {
        kvinnor: 2,
        man: 6,
        niva: Niva::DrogrelateradeProblem,
        band: &[Band {
            fran: 25,
            niva: Niva::TroligtBeroende,
        }],
    },
    egen_skattning: false,
};

const fn ja_nej(nummer: u8, etikett: &'static str) -> Fraga {
    Fraga {
        nummer,
        etikett,
        tillatna: JA_NEJ,
        skala: Skala::JaNej,
    }
}

/// FREDA-kortfrågor (Socialstyrelsen, Manual för FREDA, 2014): screening questions about
/// violence in close relationships, modelled as three yes/no questions. The labels are Lots's
/// own words, not the manual's wording; the questions are asked from the manual's form. Any yes
/// is a positive screening, which starts the safety routine (see [`Resultat::skyddsrutin`]).
pub const FREDA_2014: Instrumentversion = Instrumentversion {
    instrument: Instrument::Freda,
    version: "2014",
    fragor: &[
        ja_nej(1, "Utsatt för fysiskt våld av närstående"),
        ja_nej(2, "Rädd för någon närstående"),
        ja_nej(3, "Hotad eller kontrollerad av närstående"),
    ],
    poangsattning: Poangsattning::Screening,
    egen_skattning: false,
};

const fn omrade(nummer: u8, etikett: &'static str) -> Fraga {
    Fraga {
        nummer,
        etikett,
        tillatna: HINDERSKALA,
        skala: Skala::Hinder,
    }
}

/// FIA (Socialstyrelsen, FIA – förutsättningar inför arbete, 2014) is a structured interview,
/// not a scored test: its sections are Social livssituation, Mål och arbete and
/// Arbetsmarknadsinsatser och krav, followed by a sammanställning that the handläggare and the
/// person make together. What Lots models is that sammanställning, not the interview:
///
/// - Areas 1–9 are nine of the thirteen livsområden of Social livssituation as Socialstyrelsen's
///   Metodguiden lists them; the other four were not found in the sources at hand and are left
///   out rather than guessed.
/// - Areas 10–14 are Lots's own grouping of the two work sections, not the manual's headings.
/// - The scale 1–4 (inget, litet, visst, stort hinder) is Lots's, not FIA's. Both the
///   handläggare and the person rate each area, because FIA is meant to involve the person in
///   the work for change (Metodguiden, "Syfte").
pub const FIA_2014: Instrumentversion = Instrumentversion {
    instrument: Instrument::Fia,
    version: "2014",
    fragor: &[
        omrade(1, "Boende"),
        omrade(2, "Situationen hemma"),
        omrade(3, "Socialt nätverk"),
        omrade(4, "Kroppslig hälsa"),
        omrade(5, "Psykisk hälsa"),
        omrade(6, "Funktionsnedsättning"),
        omrade(7, "Levnadsvanor och beteenden"),
        omrade(8, "Skulder"),
        omrade(9, "Våld i nära relation"),
        omrade(10, "Utbildning"),
        omrade(11, "Arbetslivserfarenhet"),
        omrade(12, "Svenska språket"),
        omrade(13, "Mål och motivation inför arbete"),
        omrade(14, "Förutsättningar för insatser och krav"),
    ],
    poangsattning: Poangsattning::Omraden { stort_hinder: 4 },
    egen_skattning: true,
};

impl Instrumentversion {
    /// An edition Lots knows.
    pub fn hitta(instrument: Instrument, version: &str) -> Option<&'static Instrumentversion> {
        VERSIONER
            .iter()
            .find(|v| v.instrument == instrument && v.version == version)
    }

    /// The highest possible total: the sum of every item's highest answer.
    pub fn max(&self) -> u8 {
        self.fragor.iter().map(Fraga::hogsta).sum()
    }

    /// Checks that an edition's table can be scored: items numbered 1, 2, … in order, each with
    /// answers in ascending order, and cut-offs ascending within the range. Run by the tests
    /// over [`VERSIONER`], so a mistyped new edition fails the build, not a person's result.
    pub fn kontrollera(&self) -> Result<(), String> {
        for (i, f) in self.fragor.iter().enumerate() {
            if usize::from(f.nummer) != i + 1 {
                return Err(format!("fråga {} har nummer {}", i + 1, f.nummer));
            }
            if f.tillatna.is_empty() || f.tillatna.windows(2).any(|w| w[1] <= w[0]) {
                return Err(format!(
                    "fråga {}: svaren ska stå i stigande ordning",
                    f.nummer
                ));
            }
        }
        let summa: u32 = self.fragor.iter().map(|f| u32::from(f.hogsta())).sum();
        if summa > u32::from(u8::MAX) {
            return Err("högsta summan ryms inte i en byte".into());
        }
        if let Poangsattning::Summa {
            kvinnor, man, band, ..
        } = self.poangsattning
        {
            let mut granser = vec![kvinnor.min(man), kvinnor.max(man)];
            granser.extend(band.iter().map(|b| b.fran));
            if granser.windows(2).any(|w| w[1] <= w[0]) || granser.iter().any(|&g| g > self.max()) {
                return Err("gränserna ska stiga och ligga inom poängskalan".into());
            }
        }
        Ok(())
    }
}

/// Legal sex, as a cut-off is chosen by it. Kept apart from [`Kon`] so that a result has a
/// stable serialized form of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Konsgrans {
    Kvinnor,
    Man,
}

impl Konsgrans {
    fn namn(self) -> &'static str {
        match self {
            Konsgrans::Kvinnor => "kvinnor",
            Konsgrans::Man => "män",
        }
    }
}

impl From<Kon> for Konsgrans {
    fn from(kon: Kon) -> Self {
        match kon {
            Kon::Kvinna => Konsgrans::Kvinnor,
            Kon::Man => Konsgrans::Man,
        }
    }
}

/// The answers the handläggare records from the instrument's form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Svar {
    pub instrument: Instrument,
    pub version: String,
    /// One answer per item, in item order: the score on the form (AUDIT, DUDIT), 0/1 for
    /// nej/ja (FREDA), the handläggare's rating 1–4 (FIA).
    pub svar: Vec<u8>,
    /// FIA: the person's own rating per area, in area order; `None` where the person did not
    /// want to rate it. Empty when no own ratings were recorded, and for other instruments.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub egen_skattning: Vec<Option<u8>>,
    /// The person agreed to the instrument being used and its result kept in the record.
    pub samtycke: bool,
}

impl Svar {
    /// Answers recorded with the current edition.
    pub fn ny(instrument: Instrument, svar: Vec<u8>, samtycke: bool) -> Self {
        Self {
            instrument,
            version: instrument.version().to_owned(),
            svar,
            egen_skattning: Vec::new(),
            samtycke,
        }
    }
}

/// Why answers cannot be scored. The messages are shown on the page.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Instrumentfel {
    #[error(
        "Personens samtycke är inte registrerat. Lots poängsätter inte ett instrument utan samtycke."
    )]
    SamtyckeSaknas,
    #[error("Lots känner inte till version {version} av {}.", instrument.namn())]
    OkandVersion {
        instrument: Instrument,
        version: String,
    },
    #[error("{} har {vantat} frågor, men {fatt} svar har angetts.", instrument.namn())]
    AntalSvar {
        instrument: Instrument,
        vantat: usize,
        fatt: usize,
    },
    #[error("Fråga {fraga} kan bara ha {tillatna}.")]
    OgiltigtSvar {
        fraga: u8,
        varde: u8,
        tillatna: String,
    },
    #[error("{} har ingen egen bedömning av personen.", instrument.namn())]
    EgenSkattningEjTillamplig { instrument: Instrument },
    #[error(
        "Personens egen bedömning ska anges för alla {vantat} områden (tomma där personen inte ville bedöma), men {fatt} har angetts."
    )]
    EgenSkattningAntal { vantat: usize, fatt: usize },
    #[error("Personens egen bedömning av fråga {fraga} kan bara ha {tillatna}.")]
    OgiltigEgenSkattning {
        fraga: u8,
        varde: u8,
        tillatna: String,
    },
}

/// What the answers mean.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "slag", rename_all = "snake_case")]
pub enum Tolkning {
    /// The total is below the cut-off for the person's sex: `niva` is the level not reached.
    UnderGransen {
        niva: Niva,
        kon: Konsgrans,
        grans: u8,
    },
    /// The total is at or above the cut-off for the person's sex, below the bands.
    OverGransen {
        niva: Niva,
        kon: Konsgrans,
        grans: u8,
    },
    /// The total is in a band that applies whatever the sex; `till` is `None` for the top band.
    Band {
        niva: Niva,
        fran: u8,
        till: Option<u8>,
    },
    /// The person's legal sex is not known (a reservnummer), and the total is below the bands,
    /// where the cut-off depends on sex: Lots does not guess, it shows both.
    KonOkant {
        niva: Niva,
        kvinnor: u8,
        man: u8,
        over_kvinnors_grans: bool,
        over_mans_grans: bool,
    },
    /// At least one yes: the items answered yes.
    PositivScreening {
        ja: Vec<u8>,
    },
    NegativScreening,
    /// A rating of areas with no total; the major obstacles are in [`Resultat::stora_hinder`].
    Omradesbedomning,
}

/// An area rated a major obstacle, by the handläggare, the person, or both.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Omradeshinder {
    pub nummer: u8,
    pub omrade: String,
    pub handlaggare: u8,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub egen: Option<u8>,
}

/// A scored instrument, as it goes into the record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Resultat {
    pub instrument: Instrument,
    pub version: String,
    /// The total, for instruments that have one (AUDIT, DUDIT).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summa: Option<u8>,
    /// The highest possible total, so the record reads "9 av 40" without the table.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<u8>,
    pub tolkning: Tolkning,
    /// FIA: the areas rated a major obstacle, in area order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stora_hinder: Vec<Omradeshinder>,
}

/// What a positive FREDA screening requires of the handläggare.
pub const SKYDDSRUTIN: &str = "Positiv screening för våld i nära relation: gör en riskbedömning \
(till exempel FREDA-farlighetsbedömning) och erbjud skydd och stöd. Visa aldrig detta för \
personens partner.";

impl Resultat {
    /// A positive FREDA screening: the safety routine must follow. The nämnd shall assess the
    /// risk of further violence, with a standardised method (SOSFS 2014:4 5 kap. 1 §, as
    /// Kunskapsguiden "Bedöma risk och behov av stöd" reads it), and offer protection and
    /// support (issue text; Socialstyrelsen, Manual för FREDA, 2014).
    pub fn kraver_skyddsrutin(&self) -> bool {
        matches!(self.tolkning, Tolkning::PositivScreening { .. })
    }

    /// The prompt the page shows the handläggare when the safety routine applies.
    pub fn skyddsrutin(&self) -> Option<&'static str> {
        self.kraver_skyddsrutin().then_some(SKYDDSRUTIN)
    }

    /// Never shown to the person's partner, nor in anything the partner reads (a joint
    /// application's letters, Mina sidor): the issue says so for the routine, and any FREDA
    /// result is held back, not only a positive one, because that the questions were asked at
    /// all can put the person at risk. Lots's own reading of the issue; the domain only says so,
    /// the pages and letters must honour it.
    pub fn dolj_for_partner(&self) -> bool {
        self.instrument == Instrument::Freda
    }

    /// A plain one-line summary for the case page, e.g. "AUDIT 9 av 40: riskbruk (gränsen för
    /// män är 8)".
    pub fn sammanfattning(&self) -> String {
        let namn = self.instrument.kortnamn();
        let borjan = match (self.summa, self.max) {
            (Some(s), Some(m)) => format!("{namn} {s} av {m}"),
            (Some(s), None) => format!("{namn} {s}"),
            _ => namn.to_owned(),
        };
        let text = match &self.tolkning {
            Tolkning::UnderGransen { niva, kon, grans } => format!(
                "under gränsen för {} (gränsen för {} är {grans})",
                niva.namn(),
                kon.namn()
            ),
            Tolkning::OverGransen { niva, kon, grans } => {
                format!("{} (gränsen för {} är {grans})", niva.namn(), kon.namn())
            }
            Tolkning::Band {
                niva,
                fran,
                till: Some(till),
            } => format!("{} ({fran}–{till} poäng)", niva.namn()),
            Tolkning::Band {
                niva,
                fran,
                till: None,
            } => format!("{} ({fran} poäng eller mer)", niva.namn()),
            Tolkning::KonOkant {
                niva,
                kvinnor,
                man,
                over_kvinnors_grans,
                over_mans_grans,
            } => {
                let lage = match (over_kvinnors_grans, over_mans_grans) {
                    (true, true) => format!(
                        "når gränsen för {} både för kvinnor ({kvinnor}) och för män ({man})",
                        niva.namn()
                    ),
                    (false, false) => format!(
                        "under gränsen för {} både för kvinnor ({kvinnor}) och för män ({man})",
                        niva.namn()
                    ),
                    (true, false) => format!(
                        "når gränsen för {} för kvinnor ({kvinnor}) men inte för män ({man})",
                        niva.namn()
                    ),
                    (false, true) => format!(
                        "når gränsen för {} för män ({man}) men inte för kvinnor ({kvinnor})",
                        niva.namn()
                    ),
                };
                format!(
                    "juridiskt kön okänt, så den könsberoende gränsen kunde inte tillämpas; summan {lage}"
                )
            }
            Tolkning::PositivScreening { ja } => {
                let fragor: Vec<String> = ja.iter().map(u8::to_string).collect();
                format!(
                    "positiv screening (ja på fråga {}): gör en riskbedömning och erbjud skydd",
                    lista(&fragor)
                )
            }
            Tolkning::NegativScreening => "inget ja på frågorna".into(),
            Tolkning::Omradesbedomning if self.stora_hinder.is_empty() => {
                "inget område bedömt som stort hinder".into()
            }
            Tolkning::Omradesbedomning => {
                // The edition's own top of the scale; an edition no longer known leaves the
                // areas unannotated rather than guessing who rated what.
                let stort = match Instrumentversion::hitta(self.instrument, &self.version)
                    .map(|v| v.poangsattning)
                {
                    Some(Poangsattning::Omraden { stort_hinder }) => Some(stort_hinder),
                    _ => None,
                };
                let mut delar = Vec::new();
                for h in &self.stora_hinder {
                    let mut del = h.omrade.to_lowercase();
                    let vem = stort.map(|s| (h.handlaggare >= s, h.egen.is_some_and(|e| e >= s)));
                    match vem {
                        Some((true, false)) => del.push_str(" (handläggarens bedömning)"),
                        Some((false, true)) => del.push_str(" (personens egen bedömning)"),
                        _ => {}
                    }
                    delar.push(del);
                }
                format!("stort hinder inom {}", lista(&delar))
            }
        };
        format!("{borjan}: {text}")
    }
}

/// "a", "a och b", "a, b och c".
fn lista(delar: &[String]) -> String {
    match delar {
        [] => String::new(),
        [ensam] => ensam.clone(),
        [forsta @ .., sista] => format!("{} och {sista}", forsta.join(", ")),
    }
}

/// Scores the recorded answers with the edition they were recorded with. `kon` is the person's
/// legal sex (`Identitet::kon`); `None` when it is not known, and then a cut-off that depends
/// on sex is not applied (see [`Tolkning::KonOkant`]).
pub fn poangsatt(svar: &Svar, kon: Option<Kon>) -> Result<Resultat, Instrumentfel> {
    // Consent first: the utredning is made together with the person (docs/domain.md, The
    // process, step 2), and the issue asks for consent recorded before a result exists.
    if !svar.samtycke {
        return Err(Instrumentfel::SamtyckeSaknas);
    }
    let version = Instrumentversion::hitta(svar.instrument, &svar.version).ok_or_else(|| {
        Instrumentfel::OkandVersion {
            instrument: svar.instrument,
            version: svar.version.clone(),
        }
    })?;
    if svar.svar.len() != version.fragor.len() {
        return Err(Instrumentfel::AntalSvar {
            instrument: svar.instrument,
            vantat: version.fragor.len(),
            fatt: svar.svar.len(),
        });
    }
    for (f, &v) in version.fragor.iter().zip(&svar.svar) {
        if !f.tillatna.contains(&v) {
            return Err(Instrumentfel::OgiltigtSvar {
                fraga: f.nummer,
                varde: v,
                tillatna: f.skala.beskriv(f.tillatna),
            });
        }
    }
    let egna = kontrollera_egen_skattning(version, svar)?;

    let mut resultat = Resultat {
        instrument: svar.instrument,
        version: version.version.to_owned(),
        summa: None,
        max: None,
        tolkning: Tolkning::Omradesbedomning,
        stora_hinder: Vec::new(),
    };
    match version.poangsattning {
        Poangsattning::Summa {
            kvinnor,
            man,
            niva,
            band,
        } => {
            let summa: u8 = svar.svar.iter().sum();
            resultat.summa = Some(summa);
            resultat.max = Some(version.max());
            resultat.tolkning = tolka_summa(summa, kon, kvinnor, man, niva, band);
        }
        Poangsattning::Screening => {
            // Socialstyrelsen, Manual för FREDA (2014): any yes is a positive screening.
            let ja: Vec<u8> = version
                .fragor
                .iter()
                .zip(&svar.svar)
                .filter(|&(_, &v)| v > 0)
                .map(|(f, _)| f.nummer)
                .collect();
            resultat.tolkning = if ja.is_empty() {
                Tolkning::NegativScreening
            } else {
                Tolkning::PositivScreening { ja }
            };
        }
        Poangsattning::Omraden { stort_hinder } => {
            // Either rating counts: an obstacle the person sees is an obstacle to plan for,
            // even where the handläggare rates it lower (FIA involves the person, Metodguiden).
            resultat.stora_hinder = version
                .fragor
                .iter()
                .zip(&svar.svar)
                .zip(egna)
                .filter(|&((_, &h), e)| h >= stort_hinder || e.is_some_and(|e| e >= stort_hinder))
                .map(|((f, &h), e)| Omradeshinder {
                    nummer: f.nummer,
                    omrade: f.etikett.to_owned(),
                    handlaggare: h,
                    egen: e,
                })
                .collect();
        }
    }
    Ok(resultat)
}

/// The person's own ratings, one per item (`None` where not given), after checking them.
fn kontrollera_egen_skattning(
    version: &Instrumentversion,
    svar: &Svar,
) -> Result<Vec<Option<u8>>, Instrumentfel> {
    let n = version.fragor.len();
    if !version.egen_skattning {
        if svar.egen_skattning.is_empty() {
            return Ok(vec![None; n]);
        }
        return Err(Instrumentfel::EgenSkattningEjTillamplig {
            instrument: svar.instrument,
        });
    }
    if svar.egen_skattning.is_empty() {
        return Ok(vec![None; n]);
    }
    if svar.egen_skattning.len() != n {
        return Err(Instrumentfel::EgenSkattningAntal {
            vantat: n,
            fatt: svar.egen_skattning.len(),
        });
    }
    for (f, e) in version.fragor.iter().zip(&svar.egen_skattning) {
        if let Some(v) = *e
            && !f.tillatna.contains(&v)
        {
            return Err(Instrumentfel::OgiltigEgenSkattning {
                fraga: f.nummer,
                varde: v,
                tillatna: f.skala.beskriv(f.tillatna),
            });
        }
    }
    Ok(svar.egen_skattning.clone())
}

/// The bands apply whatever the sex (WHO AUDIT manual 2001, zones III–IV; Berman et al. 2005);
/// below them the cut-off is the one for the person's legal sex, and without a known sex both
/// are reported instead of one being guessed (issue text).
fn tolka_summa(
    summa: u8,
    kon: Option<Kon>,
    kvinnor: u8,
    man: u8,
    niva: Niva,
    band: &[Band],
) -> Tolkning {
    if let Some((i, b)) = band.iter().enumerate().rev().find(|(_, b)| summa >= b.fran) {
        return Tolkning::Band {
            niva: b.niva,
            fran: b.fran,
            till: band.get(i + 1).map(|nasta| nasta.fran - 1),
        };
    }
    match kon.map(Konsgrans::from) {
        Some(kon) => {
            let grans = match kon {
                Konsgrans::Kvinnor => kvinnor,
                Konsgrans::Man => man,
            };
            if summa >= grans {
                Tolkning::OverGransen { niva, kon, grans }
            } else {
                Tolkning::UnderGransen { niva, kon, grans }
            }
        }
        None => Tolkning::KonOkant {
            niva,
            kvinnor,
            man,
            over_kvinnors_grans: summa >= kvinnor,
            over_mans_grans: summa >= man,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Answers summing to `summa`: the items scored 0, 2 or 4 (the last `jamna` ones) take the
    /// largest even part, the others the rest, greedily.
    fn med_summa(instrument: Instrument, summa: u8) -> Svar {
        let fragor = instrument.fragor();
        let jamna = fragor
            .iter()
            .filter(|f| f.tillatna == NOLL_TVA_FYRA)
            .count() as u8;
        let mut hog = summa.min(4 * jamna) & !1;
        let mut rest = summa - hog;
        let svar = fragor
            .iter()
            .map(|f| {
                if f.tillatna == NOLL_TVA_FYRA {
                    let v = hog.min(4);
                    hog -= v;
                    v
                } else {
                    let v = rest.min(4);
                    rest -= v;
                    v
                }
            })
            .collect();
        let s = Svar::ny(instrument, svar, true);
        assert_eq!(s.svar.iter().sum::<u8>(), summa, "{instrument:?} {summa}");
        s
    }

    fn tolkning(instrument: Instrument, summa: u8, kon: Option<Kon>) -> Tolkning {
        poangsatt(&med_summa(instrument, summa), kon)
            .unwrap()
            .tolkning
    }

    fn under(instrument: Instrument, summa: u8, kon: Kon) -> bool {
        matches!(
            tolkning(instrument, summa, Some(kon)),
            Tolkning::UnderGransen { .. }
        )
    }

    fn over(instrument: Instrument, summa: u8, kon: Kon) -> bool {
        matches!(
            tolkning(instrument, summa, Some(kon)),
            Tolkning::OverGransen { .. }
        )
    }

    fn niva(instrument: Instrument, summa: u8, kon: Option<Kon>) -> Option<Niva> {
        match tolkning(instrument, summa, kon) {
            Tolkning::OverGransen { niva, .. } | Tolkning::Band { niva, .. } => Some(niva),
            _ => None,
        }
    }

    #[test]
    fn inbyggda_versioner_ar_giltiga() {
        for v in VERSIONER {
            assert_eq!(v.kontrollera(), Ok(()), "{:?}", v.instrument);
        }
        for i in Instrument::ALLA {
            assert!(VERSIONER.contains(i.aktuell()));
            assert_eq!(Instrument::fran_kod(i.kod()), Some(i));
            assert_eq!(serde_json::to_value(i).unwrap(), i.kod());
        }
        assert_eq!(AUDIT_2001.fragor.len(), 10);
        assert_eq!(AUDIT_2001.max(), 40);
        assert_eq!(DUDIT_2005.fragor.len(), 11);
        assert_eq!(DUDIT_2005.max(), 44);
        assert_eq!(FREDA_2014.fragor.len(), 3);
    }

    #[test]
    fn audit_granser_efter_kon() {
        use Instrument::Audit;
        assert!(under(Audit, 5, Kon::Kvinna));
        assert!(over(Audit, 6, Kon::Kvinna));
        assert!(under(Audit, 7, Kon::Man));
        assert!(over(Audit, 8, Kon::Man));
        for kon in [Kon::Kvinna, Kon::Man] {
            assert_eq!(niva(Audit, 15, Some(kon)), Some(Niva::Riskbruk));
            assert_eq!(niva(Audit, 16, Some(kon)), Some(Niva::SkadligtBruk));
            assert_eq!(niva(Audit, 19, Some(kon)), Some(Niva::SkadligtBruk));
            assert_eq!(niva(Audit, 20, Some(kon)), Some(Niva::TroligtBeroende));
            assert_eq!(niva(Audit, 40, Some(kon)), Some(Niva::TroligtBeroende));
        }
        let r = poangsatt(&med_summa(Audit, 40), Some(Kon::Man)).unwrap();
        assert_eq!((r.summa, r.max), (Some(40), Some(40)));
        assert_eq!(
            r.tolkning,
            Tolkning::Band {
                niva: Niva::TroligtBeroende,
                fran: 20,
                till: None
            }
        );
        assert_eq!(
            tolkning(Audit, 17, None),
            Tolkning::Band {
                niva: Niva::SkadligtBruk,
                fran: 16,
                till: Some(19)
            }
        );
    }

    #[test]
    fn dudit_granser_efter_kon() {
        use Instrument::Dudit;
        assert!(under(Dudit, 1, Kon::Kvinna));
        assert!(over(Dudit, 2, Kon::Kvinna));
        assert!(under(Dudit, 5, Kon::Man));
        assert!(over(Dudit, 6, Kon::Man));
        for kon in [Kon::Kvinna, Kon::Man] {
            assert_eq!(
                niva(Dudit, 24, Some(kon)),
                Some(Niva::DrogrelateradeProblem)
            );
            assert_eq!(niva(Dudit, 25, Some(kon)), Some(Niva::TroligtBeroende));
            assert_eq!(niva(Dudit, 44, Some(kon)), Some(Niva::TroligtBeroende));
        }
        let r = poangsatt(&med_summa(Dudit, 44), Some(Kon::Kvinna)).unwrap();
        assert_eq!((r.summa, r.max), (Some(44), Some(44)));
    }

    #[test]
    fn okant_kon_gissas_inte() {
        assert_eq!(
            tolkning(Instrument::Audit, 7, None),
            Tolkning::KonOkant {
                niva: Niva::Riskbruk,
                kvinnor: 6,
                man: 8,
                over_kvinnors_grans: true,
                over_mans_grans: false,
            }
        );
        assert!(matches!(
            tolkning(Instrument::Audit, 3, None),
            Tolkning::KonOkant {
                over_kvinnors_grans: false,
                over_mans_grans: false,
                ..
            }
        ));
        assert!(matches!(
            tolkning(Instrument::Dudit, 10, None),
            Tolkning::KonOkant {
                over_kvinnors_grans: true,
                over_mans_grans: true,
                ..
            }
        ));
        let r = poangsatt(&med_summa(Instrument::Audit, 7), None).unwrap();
        assert_eq!(
            r.sammanfattning(),
            "AUDIT 7 av 40: juridiskt kön okänt, så den könsberoende gränsen kunde inte \
             tillämpas; summan når gränsen för riskbruk för kvinnor (6) men inte för män (8)"
        );
    }

    #[test]
    fn sammanfattningar() {
        let s = |i, n, kon| poangsatt(&med_summa(i, n), kon).unwrap().sammanfattning();
        use Instrument::{Audit, Dudit};
        assert_eq!(
            s(Audit, 9, Some(Kon::Man)),
            "AUDIT 9 av 40: riskbruk (gränsen för män är 8)"
        );
        assert_eq!(
            s(Audit, 5, Some(Kon::Kvinna)),
            "AUDIT 5 av 40: under gränsen för riskbruk (gränsen för kvinnor är 6)"
        );
        assert_eq!(
            s(Audit, 18, Some(Kon::Kvinna)),
            "AUDIT 18 av 40: skadligt bruk (16–19 poäng)"
        );
        assert_eq!(
            s(Dudit, 30, None),
            "DUDIT 30 av 44: troligt beroende (25 poäng eller mer)"
        );
        assert_eq!(
            s(Dudit, 3, Some(Kon::Kvinna)),
            "DUDIT 3 av 44: drogrelaterade problem (gränsen för kvinnor är 2)"
        );
    }

    #[test]
    fn ogiltiga_poang_pa_fragor_med_0_2_4() {
        let mut s = med_summa(Instrument::Audit, 0);
        s.svar[8] = 3;
        let fel = poangsatt(&s, Some(Kon::Man)).unwrap_err();
        assert_eq!(
            fel,
            Instrumentfel::OgiltigtSvar {
                fraga: 9,
                varde: 3,
                tillatna: "0, 2 eller 4 poäng".into()
            }
        );
        assert_eq!(fel.to_string(), "Fråga 9 kan bara ha 0, 2 eller 4 poäng.");
        s.svar[8] = 0;
        s.svar[9] = 1;
        assert!(matches!(
            poangsatt(&s, None),
            Err(Instrumentfel::OgiltigtSvar { fraga: 10, .. })
        ));

        let mut d = med_summa(Instrument::Dudit, 0);
        d.svar[9] = 1;
        assert!(matches!(
            poangsatt(&d, None),
            Err(Instrumentfel::OgiltigtSvar { fraga: 10, .. })
        ));
        d.svar[9] = 0;
        d.svar[10] = 3;
        assert!(matches!(
            poangsatt(&d, None),
            Err(Instrumentfel::OgiltigtSvar { fraga: 11, .. })
        ));
        d.svar[10] = 0;
        d.svar[0] = 5;
        assert_eq!(
            poangsatt(&d, None).unwrap_err().to_string(),
            "Fråga 1 kan bara ha 0–4 poäng."
        );
    }

    #[test]
    fn fel_antal_svar() {
        let s = Svar::ny(Instrument::Audit, vec![0; 9], true);
        let fel = poangsatt(&s, None).unwrap_err();
        assert_eq!(
            fel,
            Instrumentfel::AntalSvar {
                instrument: Instrument::Audit,
                vantat: 10,
                fatt: 9
            }
        );
        assert_eq!(
            fel.to_string(),
            "AUDIT har 10 frågor, men 9 svar har angetts."
        );
        let d = Svar::ny(Instrument::Dudit, vec![0; 12], true);
        assert!(matches!(
            poangsatt(&d, None),
            Err(Instrumentfel::AntalSvar {
                vantat: 11,
                fatt: 12,
                ..
            })
        ));
        let f = Svar::ny(Instrument::Freda, vec![], true);
        assert!(matches!(
            poangsatt(&f, None),
            Err(Instrumentfel::AntalSvar { .. })
        ));
    }

    #[test]
    fn utan_samtycke_poangsatts_inget() {
        for i in Instrument::ALLA {
            let s = Svar::ny(i, vec![0; i.fragor().len()], false);
            assert_eq!(
                poangsatt(&s, Some(Kon::Kvinna)),
                Err(Instrumentfel::SamtyckeSaknas)
            );
        }
    }

    #[test]
    fn okand_version() {
        let mut s = med_summa(Instrument::Audit, 4);
        s.version = "1989".into();
        assert_eq!(
            poangsatt(&s, None).unwrap_err().to_string(),
            "Lots känner inte till version 1989 av AUDIT."
        );
    }

    #[test]
    fn freda_ja_kraver_skyddsrutin() {
        for ja in 0..3 {
            let mut svar = vec![0; 3];
            svar[ja] = 1;
            let r = poangsatt(&Svar::ny(Instrument::Freda, svar, true), None).unwrap();
            assert!(r.kraver_skyddsrutin());
            assert_eq!(r.skyddsrutin(), Some(SKYDDSRUTIN));
            assert!(r.dolj_for_partner());
            assert_eq!(r.summa, None);
        }
        let r = poangsatt(&Svar::ny(Instrument::Freda, vec![1, 0, 1], true), None).unwrap();
        assert_eq!(r.tolkning, Tolkning::PositivScreening { ja: vec![1, 3] });
        assert_eq!(
            r.sammanfattning(),
            "FREDA: positiv screening (ja på fråga 1 och 3): gör en riskbedömning och erbjud skydd"
        );
    }

    #[test]
    fn freda_bara_nej_kraver_ingen_skyddsrutin() {
        let r = poangsatt(&Svar::ny(Instrument::Freda, vec![0, 0, 0], true), None).unwrap();
        assert!(!r.kraver_skyddsrutin());
        assert_eq!(r.skyddsrutin(), None);
        assert_eq!(r.tolkning, Tolkning::NegativScreening);
        // Even a negative screening is held back from a partner: that it was asked is enough.
        assert!(r.dolj_for_partner());
        assert_eq!(
            poangsatt(&Svar::ny(Instrument::Freda, vec![0, 2, 0], true), None)
                .unwrap_err()
                .to_string(),
            "Fråga 2 kan bara ha svaret ja eller nej."
        );
        let audit = poangsatt(&med_summa(Instrument::Audit, 30), None).unwrap();
        assert!(!audit.kraver_skyddsrutin() && !audit.dolj_for_partner());
    }

    #[test]
    fn fia_stora_hinder() {
        let n = Instrument::Fia.fragor().len();
        let mut s = Svar::ny(Instrument::Fia, vec![1; n], true);
        let r = poangsatt(&s, None).unwrap();
        assert_eq!(r.tolkning, Tolkning::Omradesbedomning);
        assert!(r.stora_hinder.is_empty());
        assert_eq!(r.summa, None);
        assert_eq!(
            r.sammanfattning(),
            "FIA: inget område bedömt som stort hinder"
        );

        s.svar[0] = 4; // Boende, by the handläggare only.
        s.svar[7] = 4; // Skulder, by both.
        s.svar[4] = 3; // Psykisk hälsa: the person rates it a major obstacle.
        s.egen_skattning = vec![None; n];
        s.egen_skattning[7] = Some(4);
        s.egen_skattning[4] = Some(4);
        s.egen_skattning[0] = Some(2);
        let r = poangsatt(&s, Some(Kon::Kvinna)).unwrap();
        let omraden: Vec<(u8, &str)> = r
            .stora_hinder
            .iter()
            .map(|h| (h.nummer, h.omrade.as_str()))
            .collect();
        assert_eq!(
            omraden,
            [(1, "Boende"), (5, "Psykisk hälsa"), (8, "Skulder")]
        );
        assert_eq!(
            r.sammanfattning(),
            "FIA: stort hinder inom boende (handläggarens bedömning), psykisk hälsa (personens \
             egen bedömning) och skulder"
        );
    }

    #[test]
    fn fia_ogiltiga_bedomningar() {
        let n = Instrument::Fia.fragor().len();
        let mut s = Svar::ny(Instrument::Fia, vec![2; n], true);
        s.svar[2] = 0;
        assert_eq!(
            poangsatt(&s, None).unwrap_err().to_string(),
            "Fråga 3 kan bara ha en bedömning från 1 (inget hinder) till 4 (stort hinder)."
        );
        s.svar[2] = 2;
        s.egen_skattning = vec![Some(2); n - 1];
        assert_eq!(
            poangsatt(&s, None),
            Err(Instrumentfel::EgenSkattningAntal {
                vantat: n,
                fatt: n - 1
            })
        );
        s.egen_skattning.push(Some(5));
        assert!(matches!(
            poangsatt(&s, None),
            Err(Instrumentfel::OgiltigEgenSkattning { varde: 5, .. })
        ));
        let mut a = med_summa(Instrument::Audit, 3);
        a.egen_skattning = vec![Some(1); 10];
        assert_eq!(
            poangsatt(&a, None),
            Err(Instrumentfel::EgenSkattningEjTillamplig {
                instrument: Instrument::Audit
            })
        );
    }

    #[test]
    fn resultatet_har_stabil_form() {
        let r = poangsatt(&med_summa(Instrument::Audit, 9), Some(Kon::Man)).unwrap();
        let json = serde_json::to_value(&r).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "instrument": "audit",
                "version": "2001",
                "summa": 9,
                "max": 40,
                "tolkning": { "slag": "over_gransen", "niva": "riskbruk", "kon": "man", "grans": 8 },
            })
        );
        let tillbaka: Resultat = serde_json::from_value(json).unwrap();
        assert_eq!(tillbaka, r);

        let f = poangsatt(&Svar::ny(Instrument::Freda, vec![0, 1, 0], true), None).unwrap();
        assert_eq!(
            serde_json::to_value(&f).unwrap(),
            serde_json::json!({
                "instrument": "freda",
                "version": "2014",
                "tolkning": { "slag": "positiv_screening", "ja": [2] },
            })
        );
        let s = Svar::ny(Instrument::Dudit, vec![0; 11], true);
        let tillbaka: Svar = serde_json::from_str(&serde_json::to_string(&s).unwrap()).unwrap();
        assert_eq!(tillbaka, s);
    }

    fn giltiga_svar(instrument: Instrument) -> impl Strategy<Value = Vec<u8>> {
        let fragor = instrument.fragor();
        proptest::collection::vec(0usize..8, fragor.len()).prop_map(move |index| {
            fragor
                .iter()
                .zip(index)
                .map(|(f, i)| f.tillatna[i % f.tillatna.len()])
                .collect()
        })
    }

    proptest! {
        #[test]
        fn audit_summan_ar_summan_och_inom_skalan(svar in giltiga_svar(Instrument::Audit), man in any::<bool>()) {
            let summa: u8 = svar.iter().sum();
            let kon = if man { Kon::Man } else { Kon::Kvinna };
            let r = poangsatt(&Svar::ny(Instrument::Audit, svar, true), Some(kon)).unwrap();
            prop_assert_eq!(r.summa, Some(summa));
            prop_assert!(summa <= 40);
        }

        #[test]
        fn dudit_summan_ar_summan_och_inom_skalan(svar in giltiga_svar(Instrument::Dudit), kon in proptest::option::of(any::<bool>())) {
            let summa: u8 = svar.iter().sum();
            let kon = kon.map(|m| if m { Kon::Man } else { Kon::Kvinna });
            let r = poangsatt(&Svar::ny(Instrument::Dudit, svar, true), kon).unwrap();
            prop_assert_eq!(r.summa, Some(summa));
            prop_assert!(summa <= 44);
            prop_assert!(!r.sammanfattning().is_empty());
        }

        #[test]
        fn poangsattning_kraschar_aldrig(
            i in 0usize..4,
            svar in proptest::collection::vec(any::<u8>(), 0..16),
            egna in proptest::collection::vec(proptest::option::of(any::<u8>()), 0..16),
        ) {
            let mut s = Svar::ny(Instrument::ALLA[i], svar, true);
            s.egen_skattning = egna;
            let _ = poangsatt(&s, None);
        }
    }
}
