//! The forms of the steps of journal and documents: each step's fields, and
//! beside them how its input becomes the domain's command. Rules about the
//! values live in the domain.

use super::*;

/// What the form says above its fields, before the user fills them in.
pub(super) fn ingress(typ: KommandoTyp) -> &'static str {
    match typ {
        KommandoTyp::RegistreraInvandning => {
            "Om den enskilde menar att något i journalen är fel antecknas det bredvid anteckningen (SoL 14 kap. 6 §). Anteckningen ändras inte."
        }
        _ => "",
    }
}

/// The fields of a step of this phase, with sensible defaults.
pub(super) fn falt(typ: KommandoTyp, _a: &Arende, ctx: &FaltKontext) -> Vec<Falt> {
    use KommandoTyp as T;
    match typ {
        T::BifogaDokument => falt_bifoga_dokument(),
        T::SkrivJournal => falt_skriv_journal(ctx),
        T::RattaJournal => falt_ratta_journal(ctx),
        T::RegistreraInvandning => falt_registrera_invandning(ctx),
        T::RegistreraBrev => falt_registrera_brev(),
        _ => vec![],
    }
}

/// Parses the form of a step of this phase; every error is gathered in `l`.
pub(super) fn tolka(typ: KommandoTyp, l: &mut Lasare, _ctx: &FaltKontext) -> Option<Kommando> {
    use KommandoTyp as T;
    match typ {
        T::BifogaDokument => tolka_bifoga_dokument(l),
        T::SkrivJournal => tolka_skriv_journal(l),
        T::RattaJournal => tolka_ratta_journal(l),
        T::RegistreraInvandning => tolka_registrera_invandning(l),
        T::RegistreraBrev => tolka_registrera_brev(l),
        _ => None,
    }
}

fn falt_bifoga_dokument() -> Vec<Falt> {
    vec![
        Falt::text("namn", "Dokumentets namn")
            .kravs()
            .hjalp("Till exempel Läkarintyg eller Hyreskontrakt."),
        Falt::fil("fil", "Fil")
            .kravs()
            .hjalp("PDF, JPEG eller PNG, högst 10 MB."),
    ]
}

fn tolka_bifoga_dokument(l: &mut Lasare) -> Option<Kommando> {
    l.fel("fil", "Dokument laddas upp med sitt eget formulär.");
    None
}

fn falt_skriv_journal(ctx: &FaltKontext) -> Vec<Falt> {
    let idag = ctx.idag;
    vec![
        datumfalt(idag),
        Falt::textarea("text", "Anteckning").kravs(),
    ]
}

fn tolka_skriv_journal(l: &mut Lasare) -> Option<Kommando> {
    l.datum("datum").map(|datum| Kommando::SkrivJournal {
        id: JournalId::ny(),
        datum,
        text: l.text("text"),
    })
}

fn falt_ratta_journal(ctx: &FaltKontext) -> Vec<Falt> {
    let idag = ctx.idag;
    vec![
        Falt::val(
            "rattar",
            "Anteckning som rättas",
            "select",
            journal_val(ctx),
        )
        .kravs(),
        datumfalt(idag),
        Falt::textarea("text", "Rättad text")
            .kravs()
            .hjalp("Originalet finns kvar och går att läsa."),
    ]
}

fn tolka_ratta_journal(l: &mut Lasare) -> Option<Kommando> {
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

fn falt_registrera_invandning(ctx: &FaltKontext) -> Vec<Falt> {
    let idag = ctx.idag;
    vec![
        Falt::val(
            "anteckning",
            "Anteckningen som den enskilde menar är fel",
            "select",
            journal_val(ctx),
        )
        .kravs(),
        datumfalt(idag),
        Falt::textarea("text", "Vad den enskilde menar är fel, med hens egna ord").kravs(),
    ]
}

fn tolka_registrera_invandning(l: &mut Lasare) -> Option<Kommando> {
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

fn falt_registrera_brev() -> Vec<Falt> {
    vec![]
}

fn tolka_registrera_brev(l: &mut Lasare) -> Option<Kommando> {
    l.fel("innehall", "Brev skapas av Lots när ett steg kräver det.");
    None
}
