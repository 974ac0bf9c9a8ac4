//! The forms of the steps of verkställighet: each step's fields, and beside
//! them how its input becomes the domain's command. Rules about the values live
//! in the domain.

use super::*;

/// The fields of a step of this phase, with sensible defaults.
pub(super) fn falt(typ: KommandoTyp, a: &Arende, ctx: &FaltKontext) -> Vec<Falt> {
    use KommandoTyp as T;
    match typ {
        T::StartaVerkstallighet | T::AterupptaVerkstallighet => {
            falt_starta_eller_ateruppta_verkstallighet(typ, a, ctx)
        }
        T::Bestall => falt_bestall(typ, a, ctx),
        T::AvbrytVerkstallighet | T::AvslutaVerkstallighet => {
            falt_avbryt_eller_avsluta_verkstallighet(typ, a, ctx)
        }
        T::RegistreraEjVerkstallt => falt_registrera_ej_verkstallt(typ, a, ctx),
        T::RegistreraUpphorande => falt_registrera_upphorande(typ, a, ctx),
        T::UpprattaGenomforandeplan => falt_uppratta_genomforandeplan(),
        _ => vec![],
    }
}

/// Parses the form of a step of this phase; every error is gathered in `l`.
pub(super) fn tolka(typ: KommandoTyp, l: &mut Lasare, ctx: &FaltKontext) -> Option<Kommando> {
    use KommandoTyp as T;
    match typ {
        T::StartaVerkstallighet | T::AterupptaVerkstallighet => {
            tolka_starta_eller_ateruppta_verkstallighet(typ, l)
        }
        T::Bestall => tolka_bestall(l, ctx),
        T::AvbrytVerkstallighet | T::AvslutaVerkstallighet => {
            tolka_avbryt_eller_avsluta_verkstallighet(typ, l)
        }
        T::RegistreraEjVerkstallt => tolka_registrera_ej_verkstallt(l),
        T::RegistreraUpphorande => tolka_registrera_upphorande(l),
        T::UpprattaGenomforandeplan => tolka_uppratta_genomforandeplan(l),
        _ => None,
    }
}

fn falt_starta_eller_ateruppta_verkstallighet(
    typ: KommandoTyp,
    a: &Arende,
    ctx: &FaltKontext,
) -> Vec<Falt> {
    let idag = ctx.idag;
    vec![beslut_falt(a, typ), datumfalt(idag)]
}

fn tolka_starta_eller_ateruppta_verkstallighet(
    typ: KommandoTyp,
    l: &mut Lasare,
) -> Option<Kommando> {
    let beslut = l.id("beslut", VALJ_BESLUT);
    let datum = l.datum("datum");
    match (beslut, datum) {
        (Some(beslut), Some(datum)) => Some(match typ {
            KommandoTyp::StartaVerkstallighet => Kommando::StartaVerkstallighet { beslut, datum },
            _ => Kommando::AterupptaVerkstallighet { beslut, datum },
        }),
        _ => None,
    }
}

fn falt_bestall(typ: KommandoTyp, a: &Arende, ctx: &FaltKontext) -> Vec<Falt> {
    let idag = ctx.idag;
    vec![
        beslut_falt(a, typ),
        Falt::val(
            "utforare",
            "Utförare",
            "select",
            ctx.enheter
                .iter()
                .filter(|e| e.utforare)
                .map(|e| (e.id.to_string(), e.namn.clone())),
        )
        .kravs(),
        datumfalt(idag),
        Falt::textarea("uppdrag", "Uppdraget: vad utföraren behöver veta").kravs(),
    ]
}

fn tolka_bestall(l: &mut Lasare, ctx: &FaltKontext) -> Option<Kommando> {
    let beslut = l.id("beslut", VALJ_BESLUT);
    let utforare: Option<EnhetId> = l.id("utforare", "Välj utförare.");
    let utforare = utforare.filter(|u| ctx.enheter.iter().any(|e| e.id == *u && e.utforare));
    if utforare.is_none() && !l.fel.iter().any(|e| e.falt == "utforare") {
        l.fel("utforare", "Välj utförare.");
    }
    let datum = l.datum("datum");
    match (beslut, utforare, datum) {
        (Some(beslut), Some(utforare), Some(datum)) => Some(Kommando::Bestall {
            beslut,
            utforare,
            datum,
            uppdrag: l.text("uppdrag"),
        }),
        _ => None,
    }
}

fn falt_avbryt_eller_avsluta_verkstallighet(
    typ: KommandoTyp,
    a: &Arende,
    ctx: &FaltKontext,
) -> Vec<Falt> {
    let idag = ctx.idag;
    vec![
        beslut_falt(a, typ),
        datumfalt(idag),
        Falt::textarea("orsak", "Orsak").kravs(),
    ]
}

fn tolka_avbryt_eller_avsluta_verkstallighet(typ: KommandoTyp, l: &mut Lasare) -> Option<Kommando> {
    let beslut = l.id("beslut", VALJ_BESLUT);
    let datum = l.datum("datum");
    let orsak = l.text("orsak");
    match (beslut, datum) {
        (Some(beslut), Some(datum)) => Some(if typ == KommandoTyp::AvbrytVerkstallighet {
            Kommando::AvbrytVerkstallighet {
                beslut,
                datum,
                orsak,
            }
        } else {
            Kommando::AvslutaVerkstallighet {
                beslut,
                datum,
                orsak,
            }
        }),
        _ => None,
    }
}

fn falt_registrera_ej_verkstallt(typ: KommandoTyp, a: &Arende, ctx: &FaltKontext) -> Vec<Falt> {
    let idag = ctx.idag;
    vec![
        beslut_falt(a, typ),
        datumfalt(idag),
        Falt::textarea("skal", "Varför dröjer verkställigheten?").kravs().hjalp("Skälet rapporteras till IVO med beslutet. Det avslutar inte skyldigheten att verkställa (SoL 34 kap. 1 §)."),
    ]
}

fn tolka_registrera_ej_verkstallt(l: &mut Lasare) -> Option<Kommando> {
    let beslut = l.id("beslut", VALJ_BESLUT);
    let datum = l.datum("datum");
    match (beslut, datum) {
        (Some(beslut), Some(datum)) => Some(Kommando::RegistreraEjVerkstallt {
            beslut,
            datum,
            skal: l.text("skal"),
        }),
        _ => None,
    }
}

fn falt_registrera_upphorande(typ: KommandoTyp, a: &Arende, ctx: &FaltKontext) -> Vec<Falt> {
    let idag = ctx.idag;
    vec![
        beslut_falt(a, typ),
        Falt::datum("datum", "Från vilken dag").kravs().varde(idag),
        Falt::val(
            "orsak",
            "Varför ska beslutet inte verkställas?",
            "radio",
            par(
                &Upphorandeorsak::ALLA,
                Upphorandeorsak::kod,
                Upphorandeorsak::namn,
            ),
        )
        .kravs(),
        Falt::textarea("kommentar", "Kommentar")
            .hjalp("Till exempel när och hur den enskilde tackade nej."),
    ]
}

fn tolka_registrera_upphorande(l: &mut Lasare) -> Option<Kommando> {
    let beslut = l.id("beslut", VALJ_BESLUT);
    let datum = l.datum("datum");
    let orsak = l.kod(
        "orsak",
        Upphorandeorsak::fran_kod,
        "Välj varför beslutet inte ska verkställas.",
    );
    match (beslut, datum, orsak) {
        (Some(beslut), Some(datum), Some(orsak)) => {
            Some(Kommando::RegistreraUpphorande(UpphorandeUppgifter {
                beslut,
                datum,
                orsak,
                kommentar: l.text("kommentar"),
            }))
        }
        _ => None,
    }
}

fn falt_uppratta_genomforandeplan() -> Vec<Falt> {
    vec![]
}

fn tolka_uppratta_genomforandeplan(l: &mut Lasare) -> Option<Kommando> {
    l.fel(
        "innehall",
        "Genomförandeplanen skrivs av utföraren, under Uppdrag.",
    );
    None
}
