//! The forms of the steps of journal and documents: each step's fields, and beside them how its
//! input becomes the domain's command. Rules about the values live in the domain.

use super::*;

/// What the form says above its fields, before the user fills them in.
pub(super) fn ingress(typ: KommandoTyp) -> &'static str {
    use KommandoTyp as T;
    match typ {
        T::RegistreraInvandning => {
            "Om den enskilde menar att något i journalen är fel antecknas det bredvid anteckningen (SoL 14 kap. 6 §). Anteckningen ändras inte."
        }
        _ => "",
    }
}

/// The fields of this phase's steps, with sensible defaults.
pub(super) fn falt(typ: KommandoTyp, _a: &Arende, ctx: &FaltKontext) -> Vec<Falt> {
    use KommandoTyp as T;
    let idag = ctx.idag;
    let datum = || Falt::datum("datum", "Datum").kravs().varde(idag);
    match typ {
        T::BifogaDokument => vec![
            Falt::text("namn", "Dokumentets namn")
                .kravs()
                .hjalp("Till exempel Läkarintyg eller Hyreskontrakt."),
            Falt::fil("fil", "Fil")
                .kravs()
                .hjalp("PDF, JPEG eller PNG, högst 10 MB."),
        ],
        T::SkrivJournal => vec![datum(), Falt::textarea("text", "Anteckning").kravs()],
        T::RattaJournal => vec![
            Falt::val(
                "rattar",
                "Anteckning som rättas",
                "select",
                journal_val(ctx),
            )
            .kravs(),
            datum(),
            Falt::textarea("text", "Rättad text")
                .kravs()
                .hjalp("Originalet finns kvar och går att läsa."),
        ],
        T::RegistreraInvandning => vec![
            Falt::val(
                "anteckning",
                "Anteckningen som den enskilde menar är fel",
                "select",
                journal_val(ctx),
            )
            .kravs(),
            datum(),
            Falt::textarea("text", "Vad den enskilde menar är fel, med hens egna ord").kravs(),
        ],
        T::RegistreraBrev => vec![],
        _ => vec![],
    }
}

/// Parses the form of one of this phase's steps; every error is gathered in `l`.
pub(super) fn tolka(typ: KommandoTyp, l: &mut Lasare, _ctx: &FaltKontext) -> Option<Kommando> {
    use KommandoTyp as T;
    match typ {
        T::BifogaDokument => {
            l.fel("fil", "Dokument laddas upp med sitt eget formulär.");
            None
        }
        T::SkrivJournal => l.datum("datum").map(|datum| Kommando::SkrivJournal {
            id: JournalId::ny(),
            datum,
            text: l.text("text"),
        }),
        T::RattaJournal => {
            let rattar = l.id("rattar", "Välj anteckningen som ska rättas.");
            let datum = l.datum("datum");
            match (rattar, datum) {
                (Some(rattar), Some(datum)) => Some(Kommando::RattaJournal {
                    id: JournalId::ny(),
                    rattar,
                    datum,
                    text: l.text("text"),
                }),
                _ => None,
            }
        }
        T::RegistreraInvandning => {
            let anteckning = l.id("anteckning", "Välj anteckningen.");
            let datum = l.datum("datum");
            match (anteckning, datum) {
                (Some(anteckning), Some(datum)) => Some(Kommando::RegistreraInvandning {
                    anteckning,
                    datum,
                    text: l.text("text"),
                }),
                _ => None,
            }
        }
        T::RegistreraBrev => {
            l.fel("innehall", "Brev skapas av Lots när ett steg kräver det.");
            None
        }
        _ => None,
    }
}
