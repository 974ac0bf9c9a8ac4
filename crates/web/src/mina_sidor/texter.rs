//! The translation layer: every text on Mina sidor comes from a catalogue, one
//! file per language (crates/web/texter/), so more languages can follow without
//! touching a page. Swedish is the source language and the fallback.

use std::collections::HashMap;
use std::sync::OnceLock;

use lots_domain::arende::{Avslutsorsak, Handlingstyp};
use lots_domain::insats::{InsatsTyp, Utfall};

#[derive(Debug)]
pub struct Texter {
    pub sprak: &'static str,
    texter: HashMap<String, String>,
}

const SVENSKA: &str = include_str!("../../texter/sv.toml");
const ENGELSKA: &str = include_str!("../../texter/en.toml");

/// The languages Mina sidor speaks: (code, its own name for itself).
pub const SPRAK: [(&str, &str); 2] = [("sv", "Svenska"), ("en", "English")];

/// The cookie that keeps the person's choice of language.
pub const SPRAKKAKA: &str = "lots_sprak";

impl Texter {
    fn las(sprak: &'static str, toml_text: &str) -> Self {
        let tabell: toml::Table = match toml_text.parse() {
            Ok(t) => t,
            Err(e) => {
                // A broken catalogue is a build mistake; the catalogue test catches it.
                tracing::error!(error = %e, sprak, "text catalogue unreadable");
                toml::Table::new()
            }
        };
        let mut texter = HashMap::new();
        platta("", &tabell, &mut texter);
        Self { sprak, texter }
    }

    /// The text for a key. A missing key shows the key itself (and the test of
    /// the catalogue fails), never an empty page.
    pub fn t<'a>(&'a self, nyckel: &'a str) -> &'a str {
        self.texter
            .get(nyckel)
            .map(String::as_str)
            .unwrap_or(nyckel)
    }

    /// A text with `{namn}` placeholders filled in.
    pub fn f(&self, nyckel: &str, par: &[(&str, &str)]) -> String {
        let mut s = self.t(nyckel).to_owned();
        for (namn, varde) in par {
            s = s.replace(&format!("{{{namn}}}"), varde);
        }
        s
    }

    pub fn har(&self, nyckel: &str) -> bool {
        self.texter.contains_key(nyckel)
    }

    /// The domain's names (insatser, outcomes, documents, reasons) in this language.
    pub fn insats(&self, i: InsatsTyp) -> String {
        self.t(&format!("insats.{}", i.kod())).to_owned()
    }
    pub fn utfall(&self, u: Utfall) -> String {
        self.t(&format!("utfall.{}", u.kod())).to_owned()
    }
    pub fn handling(&self, h: Handlingstyp) -> String {
        self.t(&format!("handling.{}", h.kod())).to_owned()
    }
    pub fn avslutsorsak(&self, o: Avslutsorsak) -> String {
        self.t(&format!("avslutsorsak.{}", o.kod())).to_owned()
    }
}

fn platta(prefix: &str, t: &toml::Table, ut: &mut HashMap<String, String>) {
    for (k, v) in t {
        let nyckel = if prefix.is_empty() {
            k.clone()
        } else {
            format!("{prefix}.{k}")
        };
        match v {
            toml::Value::String(s) => {
                ut.insert(nyckel, s.clone());
            }
            toml::Value::Table(under) => platta(&nyckel, under, ut),
            _ => {}
        }
    }
}

pub fn svenska() -> &'static Texter {
    static T: OnceLock<Texter> = OnceLock::new();
    T.get_or_init(|| Texter::las("sv", SVENSKA))
}

fn engelska() -> &'static Texter {
    static T: OnceLock<Texter> = OnceLock::new();
    T.get_or_init(|| Texter::las("en", ENGELSKA))
}

/// The catalogue for a language code; Swedish for anything else.
pub fn for_kod(kod: &str) -> &'static Texter {
    match kod {
        "en" => engelska(),
        _ => svenska(),
    }
}

/// The language the person chose (a cookie), else Swedish.
pub fn for_begaran(headers: &axum::http::HeaderMap) -> &'static Texter {
    crate::auth::kaka(headers, SPRAKKAKA)
        .map(|k| for_kod(&k))
        .unwrap_or_else(svenska)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every key a page or handler asks for is in the catalogue: scans the
    /// sources for `t("…")`, `f("…"` and `t.t("…")`.
    #[test]
    fn varje_nyckel_finns_i_katalogen() {
        let t = Texter::las("sv", SVENSKA);
        assert!(t.texter.len() > 50, "the catalogue parsed");
        let mut saknas = vec![];
        let rot = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut filer = vec![];
        for dir in ["src/mina_sidor", "templates/mina_sidor"] {
            for e in std::fs::read_dir(rot.join(dir)).expect("dir") {
                filer.push(e.expect("entry").path());
            }
        }
        let re = ["t(\"", "f(\""];
        for fil in filer.into_iter().filter(|f| !f.ends_with("texter.rs")) {
            let text = std::fs::read_to_string(&fil).expect("read");
            for m in re {
                for (i, _) in text.match_indices(m) {
                    let rest = &text[i + m.len()..];
                    let Some(slut) = rest.find('"') else { continue };
                    let nyckel = &rest[..slut];
                    if nyckel.contains('.') && !nyckel.contains(' ') && !t.har(nyckel) {
                        saknas.push(format!("{}: {nyckel}", fil.display()));
                    }
                }
            }
        }
        assert!(saknas.is_empty(), "missing texts: {saknas:#?}");
    }

    /// The keys built from a code at run time.
    #[test]
    fn nycklar_fran_koder_finns() {
        use lots_domain::arende::{BrevTyp, DomUtfall, Kanal, Utskickssatt};
        let t = svenska();
        let mut nycklar: Vec<String> = vec![];
        nycklar.extend(Kanal::ALLA.iter().map(|k| format!("kanal.{}", k.kod())));
        nycklar.extend(
            Utskickssatt::ALLA
                .iter()
                .map(|k| format!("utskick.{}", k.kod())),
        );
        nycklar.extend(DomUtfall::ALLA.iter().map(|k| format!("dom.{}", k.kod())));
        for b in [
            BrevTyp::Beslutsbrev,
            BrevTyp::Kommuniceringsbrev,
            BrevTyp::Kontrollmeddelande,
            BrevTyp::Avvisningsbeslut,
            BrevTyp::BeslutOmBegaranOmAvgorande,
        ] {
            nycklar.push(format!("brev.{}", super::super::tidslinje::brevkod(b)));
        }
        for k in ["ansokan", "anmalan", "information"] {
            nycklar.push(format!("arendetyp.{k}"));
        }
        for o in lots_domain::fullmakt::Omfattning::ALLA {
            nycklar.push(format!("fullmakt.omfattning_{}", o.kod()));
        }
        nycklar.extend(super::super::ansokan::nycklar());
        nycklar.extend(
            InsatsTyp::ALLA
                .iter()
                .map(|i| format!("insats.{}", i.kod())),
        );
        nycklar.extend(Utfall::ALLA.iter().map(|i| format!("utfall.{}", i.kod())));
        nycklar.extend(
            Handlingstyp::ALLA
                .iter()
                .map(|i| format!("handling.{}", i.kod())),
        );
        use Avslutsorsak as O;
        for o in [
            O::MalUppnatt,
            O::InsatsAvslutad,
            O::BeslutUtanInsats,
            O::AnsokanAtertagen,
            O::InledsEj,
            O::Flyttat,
            O::Avliden,
            O::Annat,
        ] {
            // A new reason added to the domain fails to compile here until it has its text.
            match o {
                O::MalUppnatt
                | O::InsatsAvslutad
                | O::BeslutUtanInsats
                | O::AnsokanAtertagen
                | O::InledsEj
                | O::Flyttat
                | O::Avliden
                | O::Annat => nycklar.push(format!("avslutsorsak.{}", o.kod())),
            }
        }
        let saknas: Vec<_> = nycklar.iter().filter(|k| !t.har(k)).collect();
        assert!(saknas.is_empty(), "missing texts: {saknas:?}");
    }

    /// Every language has every Swedish text, with the same placeholders.
    #[test]
    fn varje_sprak_ar_komplett() {
        let sv = Texter::las("sv", SVENSKA);
        let en = Texter::las("en", ENGELSKA);
        let mut saknas = vec![];
        for (k, v) in &sv.texter {
            match en.texter.get(k) {
                None => saknas.push(k.clone()),
                Some(e) => {
                    for del in v.split('{').skip(1) {
                        let namn = del.split('}').next().unwrap_or_default();
                        if !e.contains(&format!("{{{namn}}}")) {
                            saknas.push(format!("{k}: {{{namn}}}"));
                        }
                    }
                }
            }
        }
        saknas.sort();
        assert!(saknas.is_empty(), "not translated: {saknas:#?}");
        assert_eq!(for_kod("en").sprak, "en");
        assert_eq!(for_kod("xx").sprak, "sv");
    }

    #[test]
    fn platshallare_fylls_i() {
        let t = Texter::las("sv", "[a]\nb = \"Svara senast {datum}.\"\n");
        assert_eq!(
            t.f("a.b", &[("datum", "2026-12-01")]),
            "Svara senast 2026-12-01."
        );
        assert_eq!(t.t("a.saknas"), "a.saknas");
    }
}
