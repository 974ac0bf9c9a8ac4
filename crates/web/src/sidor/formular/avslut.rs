//! The forms of the steps of avslut: each step's fields, and beside them how
//! its input becomes the domain's command. Rules about the values live in the
//! domain.

use super::*;

/// What the form says above its fields, before the user fills them in.
pub(super) fn ingress(typ: KommandoTyp) -> &'static str {
    match typ {
        KommandoTyp::AvslutaArende => {
            "Ett ärende avslutas när inget återstår: inga obesvarade uppföljningar och inga beslut som väntar på verkställighet."
        }
        _ => "",
    }
}

/// The fields of a step of this phase, with sensible defaults.
pub(super) fn falt(typ: KommandoTyp, _a: &Arende, ctx: &FaltKontext) -> Vec<Falt> {
    use KommandoTyp as T;
    match typ {
        T::AvslutaArende => falt_avsluta_arende(ctx),
        _ => vec![],
    }
}

/// Parses the form of a step of this phase; every error is gathered in `l`.
pub(super) fn tolka(typ: KommandoTyp, l: &mut Lasare, _ctx: &FaltKontext) -> Option<Kommando> {
    use KommandoTyp as T;
    match typ {
        T::AvslutaArende => tolka_avsluta_arende(l),
        _ => None,
    }
}

fn falt_avsluta_arende(ctx: &FaltKontext) -> Vec<Falt> {
    let idag = ctx.idag;
    vec![
        datumfalt(idag),
        Falt::val(
            "orsak",
            "Varför avslutas ärendet?",
            "radio",
            par(
                &Avslutsorsak::VALBARA,
                Avslutsorsak::kod,
                Avslutsorsak::namn,
            ),
        )
        .kravs(),
        Falt::textarea("kommentar", "Kommentar"),
    ]
}

fn tolka_avsluta_arende(l: &mut Lasare) -> Option<Kommando> {
    let datum = l.datum("datum");
    let orsak = l.kod(
        "orsak",
        Avslutsorsak::fran_kod,
        "Välj varför ärendet avslutas.",
    );
    match (datum, orsak) {
        (Some(datum), Some(orsak)) => Some(Kommando::AvslutaArende {
            datum,
            orsak,
            kommentar: l.text("kommentar"),
        }),
        _ => None,
    }
}
