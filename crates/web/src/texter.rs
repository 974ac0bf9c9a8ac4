//! Texts through Project Fluent (docs/design.md, Texts): one `.ftl` file per
//! language and audience under `crates/web/texter/<language>/`, read into the
//! binary at build time. Fluent chooses the plural form by the language's CLDR
//! rules, so "1 anteckning" and "2 anteckningar" are one message, and a new
//! language is a new translation file, not code.
//!
//! The staff workspace speaks Swedish (`texter/sv/personal.ftl`, through [`t`]
//! and [`f`] from the templates); Mina sidor speaks every language it has a file
//! for (`texter/<language>/mina_sidor.ftl`, through `mina_sidor::texter`).

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

/// One language's messages for one audience.
pub struct Katalog {
    /// The language code, as in `<html lang>` and the language cookie.
    pub sprak: &'static str,
    bundle: FluentBundle<FluentResource>,
    /// The message ids in the file's order, for the tests and the fallback.
    nycklar: Vec<String>,
    /// Where a message missing here is taken from (Swedish, the source language).
    reserv: Option<&'static Katalog>,
}

impl std::fmt::Debug for Katalog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Katalog")
            .field("sprak", &self.sprak)
            .field("meddelanden", &self.nycklar.len())
            .finish()
    }
}

impl Katalog {
    /// Reads a translation file. A broken file is a build mistake that the
    /// catalogue tests catch; here it is logged and what parsed is kept.
    pub fn las(sprak: &'static str, ftl: &str, reserv: Option<&'static Katalog>) -> Self {
        let resurs = match FluentResource::try_new(ftl.to_owned()) {
            Ok(r) => r,
            Err((r, fel)) => {
                tracing::error!(sprak, fel = ?fel, "translation file does not parse");
                r
            }
        };
        let nycklar = ftl
            .lines()
            .filter_map(|rad| {
                let (id, _) = rad.split_once('=')?;
                let id = id.trim_end();
                let giltig = id.starts_with(|c: char| c.is_ascii_alphabetic())
                    && id
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
                giltig.then(|| id.to_owned())
            })
            .collect();
        let langid: LanguageIdentifier = sprak.parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![langid]);
        // Fluent wraps each placeable in U+2068/U+2069 for mixed-direction text by
        // default; the pages set `lang`/`dir` themselves, and stray marks would
        // reach screen readers, copied text and the tests.
        bundle.set_use_isolating(false);
        if let Err(fel) = bundle.add_resource(resurs) {
            tracing::error!(sprak, fel = ?fel, "translation file has duplicate messages");
        }
        Self {
            sprak,
            bundle,
            nycklar,
            reserv,
        }
    }

    /// The text of a message without variables.
    pub fn t(&self, nyckel: &str) -> String {
        self.formatera(nyckel, None)
    }

    /// A message with `{ $namn }` variables filled in with text.
    pub fn f(&self, nyckel: &str, par: &[(&str, &str)]) -> String {
        let mut args = FluentArgs::new();
        for (namn, varde) in par {
            args.set(*namn, *varde);
        }
        self.formatera(nyckel, Some(&args))
    }

    /// A message that shows a count: `namn` is passed as a number, so the
    /// message's `{ $namn -> [one] … *[other] … }` picks the language's plural form.
    pub fn antal(&self, nyckel: &str, namn: &str, antal: u64, par: &[(&str, &str)]) -> String {
        let mut args = FluentArgs::new();
        args.set(namn, FluentValue::from(antal));
        for (n, varde) in par {
            args.set(*n, *varde);
        }
        self.formatera(nyckel, Some(&args))
    }

    /// Whether this language itself has the message (not through the fallback).
    pub fn har(&self, nyckel: &str) -> bool {
        self.bundle.has_message(nyckel)
    }

    /// Every message id in this language's file.
    pub fn nycklar(&self) -> &[String] {
        &self.nycklar
    }

    /// A missing message or variable is a mistake the catalogue tests catch. In a
    /// release build the page shows the message id rather than a blank; in a debug
    /// build (every test) it panics, so no test passes over a page with a hole.
    fn formatera(&self, nyckel: &str, args: Option<&FluentArgs>) -> String {
        let Some(monster) = self.bundle.get_message(nyckel).and_then(|m| m.value()) else {
            if let Some(r) = self.reserv {
                tracing::error!(sprak = self.sprak, nyckel, "text missing, Swedish shown");
                debug_assert!(false, "text missing in {}: {nyckel}", self.sprak);
                return r.formatera(nyckel, args);
            }
            tracing::error!(sprak = self.sprak, nyckel, "text missing");
            debug_assert!(false, "text missing in {}: {nyckel}", self.sprak);
            return nyckel.to_owned();
        };
        let mut fel = vec![];
        let text = self.bundle.format_pattern(monster, args, &mut fel);
        if !fel.is_empty() {
            tracing::error!(sprak = self.sprak, nyckel, fel = ?fel, "text incomplete");
            debug_assert!(false, "text {nyckel} in {}: {fel:?}", self.sprak);
        }
        text.into_owned()
    }

    /// The variables a message uses, as Fluent reports them when none is given:
    /// for the test that every language fills in the same ones.
    #[cfg(test)]
    pub(crate) fn variabler(&self, nyckel: &str) -> Vec<String> {
        use fluent_bundle::FluentError;
        use fluent_bundle::resolver::ResolverError;
        use fluent_bundle::resolver::errors::ReferenceKind;
        let Some(monster) = self.bundle.get_message(nyckel).and_then(|m| m.value()) else {
            return vec![];
        };
        let mut fel = vec![];
        self.bundle.format_pattern(monster, None, &mut fel);
        let mut ut: Vec<String> = fel
            .into_iter()
            .filter_map(|f| match f {
                FluentError::ResolverError(ResolverError::Reference(ReferenceKind::Variable {
                    id,
                })) => Some(id),
                _ => None,
            })
            .collect();
        ut.sort();
        ut.dedup();
        ut
    }
}

const PERSONAL: &str = include_str!("../texter/sv/personal.ftl");

/// The staff workspace's texts (Swedish).
pub fn personal() -> &'static Katalog {
    static K: OnceLock<Katalog> = OnceLock::new();
    K.get_or_init(|| Katalog::las("sv", PERSONAL, None))
}

// The staff helpers take references: askama passes a template's arguments
// borrowed (`&(x)`), except literals and calls.

/// A staff text, for the templates: `{{ crate::texter::t("meny-sok") }}`.
pub fn t(nyckel: &str) -> String {
    personal().t(nyckel)
}

/// A staff text with variables: `{{ crate::texter::f("x", [("namn", namn.as_str())]) }}`.
pub fn f(nyckel: &str, par: &[(&str, &str)]) -> String {
    personal().f(nyckel, par)
}

/// A count, whatever integer type the page holds it in.
pub trait Tal {
    fn tal(&self) -> u64;
}

macro_rules! tal {
    ($($t:ty),*) => {$(
        impl Tal for $t {
            fn tal(&self) -> u64 {
                u64::try_from(*self).unwrap_or(u64::MAX)
            }
        }
    )*};
}
tal!(usize, u32, u64, i32, i64);

impl<T: Tal> Tal for &T {
    fn tal(&self) -> u64 {
        (**self).tal()
    }
}

/// A staff text that shows a count as `{ $antal }`, in the right plural form.
pub fn antal(nyckel: &str, antal: impl Tal, par: &[(&str, &str)]) -> String {
    tal(nyckel, &[("antal", antal)], par)
}

/// A staff text with several counts (each chooses its own plural form) and text
/// variables.
pub fn tal<T: Tal>(nyckel: &str, tal: &[(&str, T)], par: &[(&str, &str)]) -> String {
    let mut args = FluentArgs::new();
    for (namn, n) in tal {
        args.set(*namn, FluentValue::from(n.tal()));
    }
    for (namn, varde) in par {
        args.set(*namn, *varde);
    }
    personal().formatera(nyckel, Some(&args))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Every `t("…")`, `f("…"`, `antal("…"` and `tal("…"` in the given sources, and
    /// every menu entry (`"meny-…"`), names a message the catalogue has.
    pub(crate) fn nycklar_i_kallor(k: &Katalog, kataloger: &[&str], undanta: &str) -> Vec<String> {
        let rot = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut filer = vec![];
        for dir in kataloger {
            for e in std::fs::read_dir(rot.join(dir)).expect("dir") {
                let p = e.expect("entry").path();
                if p.is_file() {
                    filer.push(p);
                }
            }
        }
        let mut saknas = vec![];
        for fil in filer.into_iter().filter(|f| !f.ends_with(undanta)) {
            let text = std::fs::read_to_string(&fil).expect("read");
            for m in ["t(\"", "f(\"", "antal(\"", "tal(\"", "\"meny-"] {
                for (i, _) in text.match_indices(m) {
                    // A call of its own (`t("`, `.t("`, `::t("`), not `from_static("`.
                    let fore = text[..i].chars().next_back().unwrap_or(' ');
                    if m != "\"meny-" && (fore.is_alphanumeric() || fore == '_') {
                        continue;
                    }
                    let rest = &text[i + m.len()..];
                    let rest = if m == "\"meny-" { &text[i + 1..] } else { rest };
                    let Some(slut) = rest.find('"') else { continue };
                    let nyckel = &rest[..slut];
                    if nyckel.contains('-') && !nyckel.contains(' ') && !k.har(nyckel) {
                        saknas.push(format!("{}: {nyckel}", fil.display()));
                    }
                }
            }
        }
        saknas
    }

    #[test]
    fn personalens_texter_finns() {
        let k = personal();
        assert!(k.nycklar().len() > 20, "the staff catalogue parsed");
        let saknas = nycklar_i_kallor(k, &["templates", "src", "src/sidor"], "texter.rs");
        assert!(saknas.is_empty(), "missing texts: {saknas:#?}");
        for n in k.nycklar() {
            assert!(k.har(n), "{n} is in the file but not in the bundle");
        }
    }

    #[test]
    fn platshallare_och_plural() {
        let k = Katalog::las(
            "sv",
            "a-b = Svara senast { $datum }.\nc = { $antal ->\n    [one] { $antal } anteckning\n   *[other] { $antal } anteckningar\n}\n",
            None,
        );
        // No isolation marks around the date.
        assert_eq!(
            k.f("a-b", &[("datum", "2026-12-01")]),
            "Svara senast 2026-12-01."
        );
        assert_eq!(k.antal("c", "antal", 1, &[]), "1 anteckning");
        assert_eq!(k.antal("c", "antal", 2, &[]), "2 anteckningar");
        assert_eq!(k.antal("c", "antal", 0, &[]), "0 anteckningar");
        assert_eq!(k.nycklar(), ["a-b", "c"]);
        assert_eq!(k.variabler("a-b"), ["datum"]);
    }

    /// The staff's counts choose their form too, several in one sentence.
    #[test]
    fn personalens_plural() {
        let datum = [("datum", "2026-09-30")];
        assert_eq!(
            tal(
                "rapport_kf-totalt",
                &[("kvinnor", 1u32), ("man", 2), ("okant", 0), ("avbrott", 1)],
                &datum
            ),
            "ej verkställda beslut den 2026-09-30: 1 kvinna, 2 män. \
             Av dem gäller 1 insats som avbrutits och inte återupptagits."
        );
        assert_eq!(
            tal(
                "rapport_kf-totalt",
                &[("kvinnor", 2u32), ("man", 1), ("okant", 3), ("avbrott", 2)],
                &datum
            ),
            "ej verkställda beslut den 2026-09-30: 2 kvinnor, 1 man och 3 med okänt kön. \
             Av dem gäller 2 insatser som avbrutits och inte återupptagits."
        );
        assert!(antal("sok-forfina", 1usize, &[]).starts_with("Fler än 1 person matchar."));
        assert!(antal("sok-forfina", 50usize, &[]).starts_with("Fler än 50 personer matchar."));
        assert_eq!(antal("admin-antal_konton", 1usize, &[]), "1 konto");
        assert_eq!(antal("admin-antal_konton", 2usize, &[]), "2 konton");
    }

    /// A missing message is a test failure, not a blank on the page.
    #[test]
    #[should_panic(expected = "text missing in sv: saknas-helt")]
    fn saknad_text_faller_testet() {
        let k = Katalog::las("sv", "a = A\n", None);
        let _ = k.t("saknas-helt");
    }

    /// A message used without the variable it needs is a test failure too.
    #[test]
    #[should_panic(expected = "text a-b in sv")]
    fn saknad_variabel_faller_testet() {
        let k = Katalog::las("sv", "a-b = Svara senast { $datum }.\n", None);
        let _ = k.t("a-b");
    }
}
