//! The forms of the steps of dialog with the person: meddelanden and kompletteringar: each step's fields, and beside them how its
//! input becomes the domain's command. Rules about the values live in the domain.

use super::*;

/// What the form says above its fields, before the user fills them in.
pub(super) fn ingress(typ: KommandoTyp) -> &'static str {
    use KommandoTyp as T;
    match typ {
        T::SkickaMeddelande => {
            "Den enskilde läser meddelandet på Mina sidor. Skriv så att det går att förstå utan att ha läst ärendet."
        }
        T::BegarKomplettering => {
            "Begär bara det som behövs för utredningen (FL 9 §). En handling som redan lämnats in och godtagits begärs inte igen utan att du skriver varför."
        }
        T::LamnaKomplettering => {
            "För det den enskilde lämnat in på papper eller i receptionen. Skanna handlingarna och bifoga dem som dokument i ärendet."
        }
        _ => "",
    }
}

/// The fields of this phase's steps, with sensible defaults.
pub(super) fn falt(typ: KommandoTyp, a: &Arende, ctx: &FaltKontext) -> Vec<Falt> {
    use KommandoTyp as T;
    let idag = ctx.idag;
    let datum = || Falt::datum("datum", "Datum").kravs().varde(idag);
    match typ {
        T::SkickaMeddelande => vec![
            Falt::textarea("text", "Meddelande")
                .kravs()
                .hjalp(&format!("Högst {MEDDELANDE_MAX_TECKEN} tecken.")),
        ],
        T::BegarKomplettering => vec![
            Falt::val(
                "handlingar",
                "Vad behöver den enskilde lämna in?",
                "checkboxes",
                handlingstyp_val(ctx),
            ),
            Falt::textarea("beskrivning", "Beskriv vad som behövs")
                .hjalp("Krävs om du väljer Annat eller inte väljer någon handling."),
            Falt::text("godtas", "Vad godtas?")
                .kravs()
                .varde("PDF, foto eller kopia"),
            Falt::datum("senast", "Lämnas senast")
                .kravs()
                .varde(idag + time::Duration::days(14))
                .hjalp(
                    "Om dagen är en lördag, söndag eller helgdag flyttas den till nästa vardag.",
                ),
            Falt::textarea(
                "skal",
                "Om en handling redan är inlämnad: varför behövs den igen?",
            ),
        ],
        T::LamnaKomplettering => vec![
            Falt::val(
                "begaran",
                "Begäran om komplettering",
                "select",
                a.kompletteringar
                    .iter()
                    .filter(|k| k.oppen())
                    .map(|k| (k.id.to_string(), komplettering_text(k))),
            )
            .kravs(),
            Falt::datum("datum", "Lämnades in").kravs().varde(idag),
            Falt::textarea("text", "Vad den enskilde lämnade in")
                .kravs()
                .hjalp("Skanna handlingarna och bifoga dem med Bifoga dokument."),
        ],
        T::GodtaKomplettering => vec![
            Falt::val(
                "begaran",
                "Inlämnad komplettering",
                "select",
                a.kompletteringar
                    .iter()
                    .filter(|k| k.oppen() && !k.svar.is_empty())
                    .map(|k| (k.id.to_string(), komplettering_text(k))),
            )
            .kravs(),
            datum(),
        ],
        T::BegarMote => vec![],
        _ => vec![],
    }
}

/// Parses the form of one of this phase's steps; every error is gathered in `l`.
pub(super) fn tolka(typ: KommandoTyp, l: &mut Lasare, ctx: &FaltKontext) -> Option<Kommando> {
    use KommandoTyp as T;
    let f = l.f;
    match typ {
        T::SkickaMeddelande => Some(Kommando::SkickaMeddelande {
            id: MeddelandeId::ny(),
            datum: ctx.idag,
            fran: Avsandare::Handlaggare,
            text: l.text("text"),
        }),
        T::BegarKomplettering => {
            let mut handlingar = vec![];
            for v in f.alla("handlingar") {
                match Handlingstyp::fran_kod(v) {
                    Some(t) => handlingar.push(t),
                    None => l.fel("handlingar", "Okänd handling."),
                }
            }
            let senast = l.datum("senast");
            senast.map(|senast| Kommando::BegarKomplettering {
                id: KompletteringId::ny(),
                datum: ctx.idag,
                handlingar,
                beskrivning: l.text("beskrivning"),
                godtas: l.text("godtas"),
                senast,
                skal_trots_inlamnad: Some(l.text("skal")).filter(|s| !s.is_empty()),
                redan_inlamnade: ctx.godtagna.iter().map(|(t, _, _)| *t).collect(),
            })
        }
        T::LamnaKomplettering => {
            let begaran = l.id("begaran", "Välj begäran om komplettering.");
            let datum = l.datum("datum");
            match (begaran, datum) {
                // On paper, at reception: the person's own answer, registered by staff.
                (Some(begaran), Some(datum)) => Some(Kommando::LamnaKomplettering {
                    begaran,
                    datum,
                    fran: Avsandare::Enskild { ombud: None },
                    text: l.text("text"),
                    dokument: vec![],
                }),
                _ => None,
            }
        }
        T::GodtaKomplettering => {
            let begaran = l.id("begaran", "Välj kompletteringen.");
            let datum = l.datum("datum");
            match (begaran, datum) {
                (Some(begaran), Some(datum)) => {
                    Some(Kommando::GodtaKomplettering { begaran, datum })
                }
                _ => None,
            }
        }
        T::BegarMote => {
            l.fel("innehall", "Den enskilde begär möte på Mina sidor.");
            None
        }
        _ => None,
    }
}
