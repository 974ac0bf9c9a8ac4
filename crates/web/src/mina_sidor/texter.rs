//! The translation layer: every text on Mina sidor comes from a Fluent file,
//! one per language (crates/web/texter/<language>/mina_sidor.ftl), so more
//! languages can follow without touching a page (docs/design.md, Texts).
//! Swedish is the source language and the fallback.

use std::sync::OnceLock;

use lots_domain::arende::{Avslutsorsak, Handlingstyp};
use lots_domain::insats::{InsatsTyp, Utfall};

pub use crate::texter::Katalog as Texter;

mod filer {
    // (language code, file): written by build.rs from crates/web/texter/.
    include!(concat!(env!("OUT_DIR"), "/sprak.rs"));
}

/// The cookie that keeps the person's choice of language.
pub const SPRAKKAKA: &str = "lots_sprak";

/// Every language Mina sidor has a file for, Swedish first.
fn alla() -> &'static [Texter] {
    static ALLA: OnceLock<Vec<Texter>> = OnceLock::new();
    ALLA.get_or_init(|| {
        filer::MINA_SIDOR
            .iter()
            .map(|(kod, ftl)| {
                let reserv = (*kod != "sv").then(svenska);
                Texter::las(kod, ftl, reserv)
            })
            .collect()
    })
}

/// The languages Mina sidor speaks: (code, its own name for itself).
pub fn sprak() -> Vec<(&'static str, String)> {
    alla()
        .iter()
        .map(|k| (k.sprak, k.t("sprak-namn")))
        .collect()
}

impl Texter {
    /// The domain's names (insatser, outcomes, documents, reasons) in this language.
    pub fn insats(&self, i: InsatsTyp) -> String {
        self.t(&format!("insats-{}", i.kod()))
    }
    pub fn utfall(&self, u: Utfall) -> String {
        self.t(&format!("utfall-{}", u.kod()))
    }
    pub fn handling(&self, h: Handlingstyp) -> String {
        self.t(&format!("handling-{}", h.kod()))
    }
    pub fn avslutsorsak(&self, o: Avslutsorsak) -> String {
        self.t(&format!("avslutsorsak-{}", o.kod()))
    }
    /// A day as the person says it: "3 mars 2026", "3 March 2026".
    pub fn dag(&self, d: time::Date) -> String {
        format!(
            "{} {}",
            d.day(),
            self.f(
                &format!("manad-{}", u8::from(d.month())),
                &[("ar", &d.year().to_string())]
            )
        )
    }
}

pub fn svenska() -> &'static Texter {
    static T: OnceLock<Texter> = OnceLock::new();
    T.get_or_init(|| {
        let ftl = filer::MINA_SIDOR
            .iter()
            .find(|(k, _)| *k == "sv")
            .map(|(_, f)| *f)
            .unwrap_or_default();
        Texter::las("sv", ftl, None)
    })
}

/// The catalogue for a language code; Swedish for anything else.
pub fn for_kod(kod: &str) -> &'static Texter {
    if kod == "sv" {
        return svenska();
    }
    alla()
        .iter()
        .find(|k| k.sprak == kod)
        .unwrap_or_else(svenska)
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

    /// Every message a page or handler asks for is in the catalogue: scans the
    /// sources for `t("…")`, `f("…"` and `antal("…"`.
    #[test]
    fn varje_nyckel_finns_i_katalogen() {
        let t = svenska();
        assert!(t.nycklar().len() > 50, "the catalogue parsed");
        let saknas = crate::texter::tests::nycklar_i_kallor(
            t,
            &["src/mina_sidor", "templates/mina_sidor"],
            "texter.rs",
        );
        assert!(saknas.is_empty(), "missing texts: {saknas:#?}");
    }

    /// The keys built from a code at run time.
    #[test]
    fn nycklar_fran_koder_finns() {
        use lots_domain::arende::{BrevTyp, DomUtfall, Kanal, Utskickssatt};
        let t = svenska();
        let mut nycklar: Vec<String> = vec![];
        nycklar.extend(Kanal::ALLA.iter().map(|k| format!("kanal-{}", k.kod())));
        nycklar.extend(
            Utskickssatt::ALLA
                .iter()
                .map(|k| format!("utskick-{}", k.kod())),
        );
        nycklar.extend(DomUtfall::ALLA.iter().map(|k| format!("dom-{}", k.kod())));
        for b in [
            BrevTyp::Beslutsbrev,
            BrevTyp::Kommuniceringsbrev,
            BrevTyp::Kontrollmeddelande,
            BrevTyp::Avvisningsbeslut,
            BrevTyp::BeslutOmBegaranOmAvgorande,
        ] {
            nycklar.push(format!("brev-{}", super::super::tidslinje::brevkod(b)));
        }
        for k in ["ansokan", "anmalan", "information"] {
            nycklar.push(format!("arendetyp-{k}"));
        }
        for k in [
            lots_domain::avisering::Kanal::Epost,
            lots_domain::avisering::Kanal::Sms,
        ] {
            nycklar.push(format!("avisering-kanal_{}", k.kod()));
        }
        for k in [
            "avisering-fel_tom",
            "avisering-fel_epost",
            "avisering-fel_mobil",
        ] {
            nycklar.push(k.to_owned());
        }
        for o in lots_domain::fullmakt::Omfattning::ALLA {
            nycklar.push(format!("fullmakt-omfattning_{}", o.kod()));
        }
        nycklar.extend(super::super::ansokan::nycklar());
        // Synpunkter och klagomål: the kinds and categories (issue 19 item 4).
        nycklar.extend(
            lots_domain::klagomal::Slag::ALLA
                .iter()
                .map(|x| format!("synpunkt-slag_{}", x.kod())),
        );
        nycklar.extend(
            lots_domain::klagomal::Kategori::ALLA
                .iter()
                .map(|x| format!("synpunkt-kategori_{}", x.kod())),
        );
        nycklar.extend(
            InsatsTyp::ALLA
                .iter()
                .map(|i| format!("insats-{}", i.kod())),
        );
        nycklar.extend(Utfall::ALLA.iter().map(|i| format!("utfall-{}", i.kod())));
        nycklar.extend(
            Handlingstyp::ALLA
                .iter()
                .map(|i| format!("handling-{}", i.kod())),
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
                | O::Annat => nycklar.push(format!("avslutsorsak-{}", o.kod())),
            }
        }
        let saknas: Vec<_> = nycklar.iter().filter(|k| !t.har(k)).collect();
        assert!(saknas.is_empty(), "missing texts: {saknas:?}");
    }

    /// Every language has every Swedish message and no other, with the same
    /// variables; every language names itself.
    #[test]
    fn varje_sprak_ar_komplett() {
        let sv = svenska();
        assert!(alla().len() >= 2, "sv and en at least");
        assert_eq!(alla()[0].sprak, "sv", "Swedish first");
        let mut saknas = vec![];
        for k in alla() {
            for n in sv.nycklar() {
                if !k.har(n) {
                    saknas.push(format!("{}: {n}", k.sprak));
                } else if k.variabler(n) != sv.variabler(n) {
                    saknas.push(format!(
                        "{}: {n} has {:?}, Swedish {:?}",
                        k.sprak,
                        k.variabler(n),
                        sv.variabler(n)
                    ));
                }
            }
            for n in k.nycklar() {
                if !sv.har(n) {
                    saknas.push(format!("{}: {n} is not in Swedish", k.sprak));
                }
            }
            assert_eq!(k.nycklar().len(), sv.nycklar().len(), "{}", k.sprak);
        }
        saknas.sort();
        assert!(saknas.is_empty(), "not translated: {saknas:#?}");
        assert_eq!(for_kod("en").sprak, "en");
        assert_eq!(for_kod("xx").sprak, "sv");
        assert_eq!(
            sprak(),
            [("sv", "Svenska".to_owned()), ("en", "English".to_owned())]
        );
    }

    /// A count shows in the language's plural form (CLDR: Swedish and English
    /// both have one and other).
    #[test]
    fn plural_efter_sprak() {
        let sv = for_kod("sv");
        let en = for_kod("en");
        let undanhallna = |t: &Texter, n| t.antal("journal-undanhallna", "antal", n, &[]);
        assert!(undanhallna(sv, 1).starts_with("1 anteckning visas inte här."));
        assert!(undanhallna(sv, 2).starts_with("2 anteckningar visas inte här."));
        assert!(undanhallna(en, 1).starts_with("1 entry is not shown here."));
        assert!(undanhallna(en, 2).starts_with("2 entries are not shown here."));
        let svarstid = |t: &Texter, n| t.antal("dialog-svarstid", "dagar", n, &[]);
        assert_eq!(svarstid(sv, 1), "Vi svarar inom 1 arbetsdag.");
        assert_eq!(svarstid(sv, 2), "Vi svarar inom 2 arbetsdagar.");
        assert_eq!(svarstid(en, 1), "We answer within 1 working day.");
        assert_eq!(svarstid(en, 2), "We answer within 2 working days.");
    }

    /// Multi-line messages keep their line breaks (the appeal's text is stored).
    #[test]
    fn radbrytningar_behalls() {
        assert_eq!(
            svenska().f("overklaga-text", &[("andring", "A"), ("skal", "B")]),
            "Jag vill att beslutet ändras så här:\nA\n\nSkäl:\nB"
        );
    }
}
