//! PDF letters for Lots, rendered with typst as a library.
//!
//! Four letters are supported: [`Dokumentmotor::beslutsbrev`] (a written decision with
//! everything FL 31–33 §§ require), [`Dokumentmotor::processbeslut`] (a late appeal
//! dismissed, FL 45 §, or a request for a decision rejected, FL 12 §),
//! [`Dokumentmotor::kommuniceringsbrev`] (FL 25 §) and
//! [`Dokumentmotor::kontrollmeddelande`] (förenklad delgivning, delgivningslagen 22–24 §§).
//!
//! Output is PDF/A-2b, tagged, with every font embedded, and identical input gives identical
//! bytes. Data never reaches typst as markup: the input is serialised to JSON and handed to the
//! template as a data file that the template reads with `json(..)`, so a motivering containing
//! `#panic("x")` or `*bold*` is printed literally.
//!
//! Build one [`Dokumentmotor`] at start-up (it loads the fonts and the typst standard library)
//! and share it, for example in an `Arc`; it is `Send + Sync`.

mod format;
mod motor;
mod vy;

use serde::Serialize;
use time::Date;

pub use motor::Dokumentmotor;

/// Everything that can go wrong when a letter is rendered.
///
/// The messages never contain personal data from the input: text that typst quotes in its
/// diagnostics is replaced by `…`.
#[derive(Debug, thiserror::Error)]
pub enum DokumentFel {
    /// A field the letter must contain is empty.
    #[error("uppgift saknas i underlaget: {0}")]
    SaknasUppgift(&'static str),
    /// The personnummer is not twelve characters `YYYYMMDDNNNN` (with or without separator).
    #[error("personnumret har fel format (ska vara ÅÅÅÅMMDD-NNNN)")]
    Personnummer,
    /// A date could not be formatted or is outside what a PDF can carry.
    #[error("ogiltigt datum")]
    Datum,
    /// The input could not be serialised for the template.
    #[error("underlaget kunde inte serialiseras: {0}")]
    Serialisering(String),
    /// The template failed to compile or lay out (a bug in a template).
    #[error("mallen kunde inte sättas: {0}")]
    Typst(String),
    /// The text contains characters that no embedded font can show (for example CJK or
    /// emoji); PDF/A does not allow missing glyphs.
    #[error("texten innehåller tecken som inget inbyggt typsnitt kan visa")]
    TeckenSaknas,
    /// The PDF export failed (for example a PDF/A rule was broken).
    #[error("pdf-exporten misslyckades: {0}")]
    Pdf(String),
}

/// The sending authority: kommun, nämnd and how to reach it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Namnd {
    /// For example "Exempelby kommun".
    pub kommun: String,
    /// For example "Socialnämnden".
    pub namnd: String,
    /// Förvaltning or unit, for example "Socialförvaltningen, Vuxenenheten".
    pub enhet: Option<String>,
    /// Postal address lines, for example `["Box 123", "123 45 Exempelby"]`. Appeals are sent
    /// here.
    pub postadress: Vec<String>,
    /// Switchboard or reception phone number.
    pub telefon: String,
    pub epost: Option<String>,
}

/// The person the letter is about and sent to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mottagare {
    pub namn: String,
    /// Twelve characters `YYYYMMDDNNNN`, with or without a `-` or `+` after the date; shown
    /// as `YYYYMMDD-NNNN`. The last four may contain letters (reservnummer).
    pub personnummer: String,
    /// Address lines. Never printed when `skyddade_personuppgifter` is set.
    pub adress: Vec<String>,
    /// Skyddade personuppgifter: the letter carries no address at all.
    pub skyddade_personuppgifter: bool,
}

/// A named official with a title.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Tjansteperson {
    pub namn: String,
    /// For example "socialsekreterare" or "enhetschef".
    pub titel: String,
}

/// Who the person can contact about the case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Kontakt {
    pub namn: String,
    pub titel: String,
    /// Direct phone number; when absent the nämnd's number is shown.
    pub telefon: Option<String>,
    pub epost: Option<String>,
}

/// The point in the nämnd's delegationsordning a decision was made under.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Delegation {
    /// For example "3.2".
    pub punkt: String,
    /// Which version of the delegationsordning, for example "beslutad 2025-12-10".
    pub version: String,
}

/// The outcome of a decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Beslutsutfall {
    Bifall,
    DelvisBifall,
    Avslag,
    Avvisning,
}

impl Beslutsutfall {
    /// Whether the decision goes against the person, so the letter must say how to appeal
    /// (avslag, delvis bifall, avvisning).
    pub fn gar_emot(self) -> bool {
        !matches!(self, Beslutsutfall::Bifall)
    }
}

/// How long a granted insats applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Period {
    pub fran: Date,
    /// `None` means tills vidare.
    pub till: Option<Date>,
}

/// A written decision (FL 31–33 §§; seed 004 §2.4–2.5).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Beslutsbrev {
    pub avsandare: Namnd,
    /// The date of the decision; also the letter's date and the PDF's creation date.
    pub beslutsdatum: Date,
    pub mottagare: Mottagare,
    /// Case reference (diarienummer), for example "SN 2026/0142".
    pub arende: String,
    /// What was applied for, as a noun phrase: "stödboende".
    pub ansokan: String,
    pub ansokningsdatum: Option<Date>,
    pub utfall: Beslutsutfall,
    /// The insats granted or refused, for example "Stödboende, Exempelgården".
    pub insats: String,
    /// For example "11 kap. 1 § socialtjänstlagen (2025:400)".
    pub lagrum: String,
    /// The goal of the insats. Required for bifall and delvis bifall.
    pub mal: Option<String>,
    /// Scope and frequency. Required for bifall and delvis bifall.
    pub omfattning: Option<String>,
    /// How long the decision applies. Required for bifall and delvis bifall.
    pub period: Option<Period>,
    /// For delvis bifall: the part of the application that is refused.
    pub avslagen_del: Option<String>,
    /// The klargörande motivering: the provisions applied and the decisive circumstances.
    /// Paragraphs are separated by a blank line.
    pub motivering: String,
    pub beslutsfattare: Tjansteperson,
    /// `None` when the nämnd (or its utskott) decided itself rather than under delegation.
    pub delegation: Option<Delegation>,
    pub foredragande: Option<Tjansteperson>,
    /// The court that hears an appeal, for example "Förvaltningsrätten i Luleå". Required
    /// when the decision goes against the person.
    pub forvaltningsratt: String,
    /// The last day an appeal can reach the nämnd, when known (it is when the letter is sent
    /// with förenklad delgivning). Computed by the caller.
    pub sista_dag_att_overklaga: Option<Date>,
    /// Who the person can contact, also for help with an appeal.
    pub kontakt: Kontakt,
    /// A preview of a decision not yet taken, from the decision form (issue 20 item 5):
    /// every page says "Förhandsgranskning – inte skickat", so that a printed or saved copy
    /// is never taken for the letter the person receives.
    pub forhandsgranskning: bool,
}

/// Kommunicering before a decision (FL 25 §).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Kommuniceringsbrev {
    pub avsandare: Namnd,
    /// The letter's date.
    pub datum: Date,
    pub mottagare: Mottagare,
    pub arende: String,
    /// What the case is about, as a noun phrase: "din ansökan om stödboende".
    pub arendet_galler: String,
    /// The material the decision will be based on, one entry per document.
    pub material: Vec<String>,
    /// The documents sent with the letter, by name, exactly as the case records
    /// them (FL 25 §). Empty when nothing is enclosed: the letter then says so.
    pub bifogat: Vec<String>,
    /// How the material can otherwise be read, as recorded, e.g. "kan läsas på Mina sidor".
    pub tillgangligt: Option<String>,
    /// The last day for the person's comments.
    pub svara_senast: Date,
    pub kontakt: Kontakt,
}

/// The control message of förenklad delgivning (delgivningslagen 22–24 §§).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Kontrollmeddelande {
    pub avsandare: Namnd,
    /// The date of this message (the working day after `skickad`).
    pub datum: Date,
    pub mottagare: Mottagare,
    pub arende: String,
    /// The document that was sent, for example "Beslut om bistånd (stödboende)".
    pub handling: String,
    /// The date of the document that was sent, if it differs from `skickad`.
    pub handlingens_datum: Option<Date>,
    /// The day the document was sent.
    pub skickad: Date,
    /// The day the person is considered served, when the caller has computed it.
    pub anses_delgiven: Option<Date>,
    pub kontakt: Kontakt,
}

/// What a decision about the handling of a case decided (rather than the
/// application itself). Each is a decision that can be appealed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Processbeslutsslag {
    /// FL 45 §: an appeal that came in too late is dismissed.
    AvvisatOverklagande {
        /// The decision appealed, as a noun phrase: "beslutet den 30 april 2026 om kontaktperson".
        overklagat_beslut: String,
        /// The day the appeal reached the nämnd.
        inkom: Date,
        /// The day the person was served the decision.
        delgiven: Date,
        /// The last day an appeal could come in (FL 44 §).
        sista_dag: Date,
    },
    /// FL 12 §: the person's written request that the case be decided is rejected.
    AvslagenBegaranOmAvgorande {
        /// The day the request came in.
        begard: Date,
        /// What the case is about, as a noun phrase: "din ansökan om kontaktperson".
        arendet_galler: String,
    },
}

/// A decision about the handling of a case: a late appeal dismissed (FL 45 §) or
/// a request for a decision rejected (FL 12 §). Both can be appealed, so the
/// letter carries the appeal instructions (FL 33 §).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Processbeslut {
    pub avsandare: Namnd,
    /// The date of the decision; also the letter's date.
    pub beslutsdatum: Date,
    pub mottagare: Mottagare,
    /// Case reference (diarienummer).
    pub arende: String,
    pub slag: Processbeslutsslag,
    /// The reasons, beyond what `slag` says. Required for a rejected request.
    pub motivering: String,
    pub beslutsfattare: Tjansteperson,
    pub delegation: Option<Delegation>,
    /// The court that hears an appeal.
    pub forvaltningsratt: String,
    pub kontakt: Kontakt,
}

/// Renders a decision letter with a shared, lazily built engine.
///
/// Convenience for callers that do not keep their own [`Dokumentmotor`].
pub fn beslutsbrev(brev: &Beslutsbrev) -> Result<Vec<u8>, DokumentFel> {
    Dokumentmotor::delad()?.beslutsbrev(brev)
}

/// Renders a decision about the handling of a case with a shared, lazily built engine.
pub fn processbeslut(brev: &Processbeslut) -> Result<Vec<u8>, DokumentFel> {
    Dokumentmotor::delad()?.processbeslut(brev)
}

/// Renders a kommuniceringsbrev with a shared, lazily built engine.
pub fn kommuniceringsbrev(brev: &Kommuniceringsbrev) -> Result<Vec<u8>, DokumentFel> {
    Dokumentmotor::delad()?.kommuniceringsbrev(brev)
}

/// Renders a kontrollmeddelande with a shared, lazily built engine.
pub fn kontrollmeddelande(brev: &Kontrollmeddelande) -> Result<Vec<u8>, DokumentFel> {
    Dokumentmotor::delad()?.kontrollmeddelande(brev)
}

/// One table of a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rapportsektion {
    pub rubrik: String,
    pub kolumner: Vec<String>,
    /// Each row has as many cells as there are columns.
    pub rader: Vec<Vec<String>>,
    /// Shown instead of an empty table.
    pub tom: String,
}

/// A report for the nämnd, IVO or the auditors, as a landscape table document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rapport {
    pub kommun: String,
    pub titel: String,
    pub undertitel: String,
    /// The day the report was made; also the PDF's date.
    pub datum: Date,
    pub sektioner: Vec<Rapportsektion>,
    /// Sources and explanations under the tables.
    pub noter: Vec<String>,
}

/// Renders a report with a shared, lazily built engine.
pub fn rapport(r: &Rapport) -> Result<Vec<u8>, DokumentFel> {
    Dokumentmotor::delad()?.rapport(r)
}
