//! The forms of the steps of uppföljning and bevakningar: each step's fields,
//! and beside them how its input becomes the domain's command. Rules about the
//! values live in the domain.

use super::*;

/// The fields of a step of this phase, with sensible defaults.
pub(super) fn falt(typ: KommandoTyp, a: &Arende, ctx: &FaltKontext) -> Vec<Falt> {
    use KommandoTyp as T;
    match typ {
        T::RegistreraUppfoljning => falt_registrera_uppfoljning(typ, a, ctx),
        T::KvitteraBevakning => falt_kvittera_bevakning(a, ctx),
        _ => vec![],
    }
}

/// Parses the form of a step of this phase; every error is gathered in `l`.
pub(super) fn tolka(typ: KommandoTyp, l: &mut Lasare, _ctx: &FaltKontext) -> Option<Kommando> {
    use KommandoTyp as T;
    match typ {
        T::RegistreraUppfoljning => tolka_registrera_uppfoljning(l),
        T::KvitteraBevakning => tolka_kvittera_bevakning(l),
        _ => None,
    }
}

fn falt_registrera_uppfoljning(typ: KommandoTyp, a: &Arende, ctx: &FaltKontext) -> Vec<Falt> {
    let idag = ctx.idag;
    let mut b = beslut_falt(a, typ);
    b.kravs = false;
    vec![
        b,
        datumfalt(idag),
        Falt::val(
            "maluppfyllelse",
            "Hur går det med målen?",
            "radio",
            par(
                &Maluppfyllelse::ALLA,
                Maluppfyllelse::kod,
                Maluppfyllelse::namn,
            ),
        )
        .kravs(),
        Falt::textarea("enskildes_synpunkt", "Den enskildes egen bedömning").kravs(),
        Falt::textarea("kommentar", "Handläggarens kommentar"),
        Falt::datum("nasta", "Nästa uppföljning")
            .hjalp("Lämna tomt om det inte behövs någon fler uppföljning."),
    ]
}

fn tolka_registrera_uppfoljning(l: &mut Lasare) -> Option<Kommando> {
    let beslut: Option<BeslutId> = l.text("beslut").parse().ok();
    let datum = l.datum("datum");
    let maluppfyllelse = l.kod(
        "maluppfyllelse",
        Maluppfyllelse::fran_kod,
        "Välj hur det går med målen.",
    );
    let nasta = l.valfritt_datum("nasta");
    match (datum, maluppfyllelse) {
        (Some(datum), Some(maluppfyllelse)) => Some(Kommando::RegistreraUppfoljning {
            beslut,
            datum,
            maluppfyllelse,
            enskildes_synpunkt: l.text("enskildes_synpunkt"),
            kommentar: l.text("kommentar"),
            nasta,
        }),
        _ => None,
    }
}

fn falt_kvittera_bevakning(a: &Arende, ctx: &FaltKontext) -> Vec<Falt> {
    let idag = ctx.idag;
    vec![
        Falt::val(
            "nyckel",
            "Bevakning",
            "select",
            bevakningar(a)
                .into_iter()
                .filter(|b| b.typ.kan_kvitteras())
                .map(|b| (b.nyckel.clone(), format!("{} {}", b.typ.namn(), b.datum))),
        )
        .kravs(),
        datumfalt(idag),
    ]
}

fn tolka_kvittera_bevakning(l: &mut Lasare) -> Option<Kommando> {
    l.datum("datum").map(|datum| Kommando::KvitteraBevakning {
        nyckel: l.text("nyckel"),
        datum,
    })
}
