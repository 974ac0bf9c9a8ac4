//! The forms of the steps of avslut: each step's fields, and beside them how its
//! input becomes the domain's command. Rules about the values live in the domain.

use super::*;

/// What the form says above its fields, before the user fills them in.
pub(super) fn ingress(typ: KommandoTyp) -> &'static str {
    use KommandoTyp as T;
    match typ {
        T::AvslutaArende => {
            "Ett ärende avslutas när inget återstår: inga obesvarade uppföljningar och inga beslut som väntar på verkställighet."
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
        T::AvslutaArende => vec![
            datum(),
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
        ],
        _ => vec![],
    }
}

/// Parses the form of one of this phase's steps; every error is gathered in `l`.
pub(super) fn tolka(typ: KommandoTyp, l: &mut Lasare, _ctx: &FaltKontext) -> Option<Kommando> {
    use KommandoTyp as T;
    match typ {
        T::AvslutaArende => {
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
        _ => None,
    }
}
