//! The typst engine: fonts, standard library, templates and a minimal `World`.

use std::sync::LazyLock;

use serde::Serialize;
use time::Date;
use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::ecow::EcoVec;
use typst::foundations::{Bytes, Datetime, Duration, Smart};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

use crate::vy::{BeslutVy, KommuniceringVy, KontrollVy, ProcessbeslutVy};
use crate::{Beslutsbrev, DokumentFel, Kommuniceringsbrev, Kontrollmeddelande, Processbeslut};

const GEMENSAM: &str = include_str!("../templates/gemensam.typ");
const BESLUTSBREV: &str = include_str!("../templates/beslutsbrev.typ");
const PROCESSBESLUT: &str = include_str!("../templates/processbeslut.typ");
const KOMMUNICERINGSBREV: &str = include_str!("../templates/kommuniceringsbrev.typ");
const KONTROLLMEDDELANDE: &str = include_str!("../templates/kontrollmeddelande.typ");
const RAPPORT: &str = include_str!("../templates/rapport.typ");

/// The path under which a render's data is visible to the templates (`json("/data.json")`).
const DATA_SOKVAG: &str = "/data.json";

/// How many renders an unused entry may survive in typst's global memoisation cache. Without
/// eviction the cache would grow for as long as the process lives.
const CACHE_ALDER: usize = 10;

/// Fonts, the typst standard library and the parsed templates, built once.
///
/// `Send + Sync`: share one in an `Arc` and render from any thread. Each render builds only a
/// small borrowed `World` around its data.
pub struct Dokumentmotor {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
    gemensam: Source,
    beslutsbrev: Source,
    processbeslut: Source,
    kommuniceringsbrev: Source,
    kontrollmeddelande: Source,
    rapport: Source,
    data_id: FileId,
    standards: PdfStandards,
}

impl std::fmt::Debug for Dokumentmotor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Dokumentmotor")
            .field("fonts", &self.fonts.len())
            .finish_non_exhaustive()
    }
}

fn fil_id(sokvag: &str) -> Result<FileId, DokumentFel> {
    let vpath = VirtualPath::new(sokvag)
        .map_err(|e| DokumentFel::Typst(format!("ogiltig mallsökväg {sokvag}: {e:?}")))?;
    Ok(RootedPath::new(VirtualRoot::Project, vpath).intern())
}

fn kalla(sokvag: &str, text: &str) -> Result<Source, DokumentFel> {
    Ok(Source::new(fil_id(sokvag)?, text.to_owned()))
}

static DELAD: LazyLock<Result<Dokumentmotor, String>> =
    LazyLock::new(|| Dokumentmotor::ny().map_err(|e| e.to_string()));

impl Dokumentmotor {
    /// Loads the embedded fonts (typst-assets), builds the font book and the standard library,
    /// and parses the templates. Takes some tens of milliseconds; do it once.
    pub fn ny() -> Result<Self, DokumentFel> {
        let fonts: Vec<Font> = typst_assets::fonts()
            .flat_map(|data| Font::iter(Bytes::new(data)))
            .collect();
        if fonts.is_empty() {
            return Err(DokumentFel::Typst("inga typsnitt inbyggda".to_owned()));
        }
        let book = FontBook::from_fonts(&fonts);
        let standards = PdfStandards::new(&[PdfStandard::A_2b])
            .map_err(|e| DokumentFel::Pdf(e.message().to_string()))?;
        Ok(Self {
            library: LazyHash::new(Library::builder().build()),
            book: LazyHash::new(book),
            fonts,
            gemensam: kalla("/gemensam.typ", GEMENSAM)?,
            beslutsbrev: kalla("/beslutsbrev.typ", BESLUTSBREV)?,
            processbeslut: kalla("/processbeslut.typ", PROCESSBESLUT)?,
            kommuniceringsbrev: kalla("/kommuniceringsbrev.typ", KOMMUNICERINGSBREV)?,
            kontrollmeddelande: kalla("/kontrollmeddelande.typ", KONTROLLMEDDELANDE)?,
            rapport: kalla("/rapport.typ", RAPPORT)?,
            data_id: fil_id(DATA_SOKVAG)?,
            standards,
        })
    }

    /// A process-wide engine, built on first use. Used by the free functions
    /// [`crate::beslutsbrev`] and friends.
    pub fn delad() -> Result<&'static Self, DokumentFel> {
        DELAD.as_ref().map_err(|e| DokumentFel::Typst(e.clone()))
    }

    /// Renders a decision letter (beslut) to PDF/A-2b.
    pub fn beslutsbrev(&self, brev: &Beslutsbrev) -> Result<Vec<u8>, DokumentFel> {
        let vy = BeslutVy::ny(brev)?;
        self.rendera(&self.beslutsbrev, &vy, brev.beslutsdatum)
    }

    /// Renders a decision about the handling of a case (FL 45 §, FL 12 §) to PDF/A-2b.
    pub fn processbeslut(&self, brev: &Processbeslut) -> Result<Vec<u8>, DokumentFel> {
        let vy = ProcessbeslutVy::ny(brev)?;
        self.rendera(&self.processbeslut, &vy, brev.beslutsdatum)
    }

    /// Renders a kommuniceringsbrev (FL 25 §) to PDF/A-2b.
    pub fn kommuniceringsbrev(&self, brev: &Kommuniceringsbrev) -> Result<Vec<u8>, DokumentFel> {
        let vy = KommuniceringVy::ny(brev)?;
        self.rendera(&self.kommuniceringsbrev, &vy, brev.datum)
    }

    /// Renders the kontrollmeddelande of förenklad delgivning to PDF/A-2b.
    pub fn kontrollmeddelande(&self, brev: &Kontrollmeddelande) -> Result<Vec<u8>, DokumentFel> {
        let vy = KontrollVy::ny(brev)?;
        self.rendera(&self.kontrollmeddelande, &vy, brev.datum)
    }

    /// Renders a report (tables with headers) to PDF/A-2b, landscape.
    pub fn rapport(&self, r: &crate::Rapport) -> Result<Vec<u8>, DokumentFel> {
        let vy = crate::vy::RapportVy::ny(r)?;
        self.rendera(&self.rapport, &vy, r.datum)
    }

    fn rendera(
        &self,
        mall: &Source,
        data: &impl Serialize,
        datum: Date,
    ) -> Result<Vec<u8>, DokumentFel> {
        let json =
            serde_json::to_string(data).map_err(|e| DokumentFel::Serialisering(e.to_string()))?;
        let idag = Datetime::from_ymd(datum.year(), u8::from(datum.month()), datum.day())
            .ok_or(DokumentFel::Datum)?;
        // The data is also the PDF's document identifier (krilla stores only a hash of it), so
        // the identifier is stable for the same letter and differs between letters.
        let ident = format!("{}:{json}", mall.id().vpath().get_with_slash());
        let varld = Varld {
            motor: self,
            main: mall,
            data: Bytes::from_string(json),
            idag,
        };

        let resultat = typst::compile::<PagedDocument>(&varld);
        let dokument = resultat
            .output
            .map_err(|fel| DokumentFel::Typst(meddelanden(&fel)));
        // Warnings from our own templates are bugs; fail loudly rather than print a bad letter.
        let dokument = match dokument {
            Ok(_) if !resultat.warnings.is_empty() => {
                Err(DokumentFel::Typst(meddelanden(&resultat.warnings)))
            }
            annat => annat,
        };
        let pdf = dokument.and_then(|dokument| {
            let options = PdfOptions {
                ident: Smart::Custom(ident),
                creator: Smart::Custom(Some("Lots".to_owned())),
                timestamp: Some(Timestamp::new_utc(idag)),
                standards: self.standards.clone(),
                tagged: true,
                ..PdfOptions::default()
            };
            typst_pdf::pdf(&dokument, &options).map_err(|fel| {
                if fel
                    .iter()
                    .any(|d| d.message.contains("could not be displayed with font"))
                {
                    DokumentFel::TeckenSaknas
                } else {
                    DokumentFel::Pdf(meddelanden(&fel))
                }
            })
        });
        typst::comemo::evict(CACHE_ALDER);
        pdf
    }
}

/// Joins typst's diagnostics, replacing everything typst quotes (between backticks or double
/// quotes, which is where it puts values from the document) with `…`, so that no personal data
/// from the input ends up in an error message or a log.
fn meddelanden(fel: &EcoVec<SourceDiagnostic>) -> String {
    fel.iter()
        .map(|d| maskera(&d.message))
        .collect::<Vec<_>>()
        .join("; ")
}

fn maskera(text: &str) -> String {
    let mut ut = String::with_capacity(text.len());
    let mut citat: Option<char> = None;
    for c in text.chars() {
        match citat {
            Some(slut) if c == slut => {
                ut.push('…');
                ut.push(c);
                citat = None;
            }
            Some(_) => {}
            None => {
                ut.push(c);
                if c == '`' || c == '"' {
                    citat = Some(c);
                }
            }
        }
    }
    if citat.is_some() {
        ut.push('…');
    }
    ut
}

/// One render's view of the files: the templates and this render's data, nothing else (no
/// file system, no packages, no clock).
struct Varld<'a> {
    motor: &'a Dokumentmotor,
    main: &'a Source,
    data: Bytes,
    idag: Datetime,
}

impl Varld<'_> {
    fn kalla(&self, id: FileId) -> Option<&Source> {
        let m = self.motor;
        [self.main, &m.gemensam].into_iter().find(|s| s.id() == id)
    }
}

impl World for Varld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.motor.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.motor.book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        self.kalla(id)
            .cloned()
            .ok_or_else(|| FileError::NotFound(id.vpath().get_with_slash().into()))
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.motor.data_id {
            return Ok(self.data.clone());
        }
        self.kalla(id)
            .map(|s| Bytes::from_string(s.text().to_owned()))
            .ok_or_else(|| FileError::NotFound(id.vpath().get_with_slash().into()))
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.motor.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        Some(self.idag)
    }
}

#[cfg(test)]
mod tests {
    use super::maskera;

    #[test]
    fn citat_maskeras() {
        assert_eq!(
            maskera("the text `\"李\"` could not be displayed with font `\"Libertinus Serif\"`"),
            "the text `…` could not be displayed with font `…`"
        );
        assert_eq!(maskera("expected \"Åsa"), "expected \"…");
        assert_eq!(maskera("inga citat"), "inga citat");
    }
}
