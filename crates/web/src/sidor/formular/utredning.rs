//! The forms of the steps of utredning: inleda, kommunicera, synpunkter,
//! begäran om avgörande: each step's fields, and beside them how its input
//! becomes the domain's command. Rules about the values live in the domain.

use super::*;

/// The fields of a step of this phase, with sensible defaults.
pub(super) fn falt(typ: KommandoTyp, a: &Arende, ctx: &FaltKontext) -> Vec<Falt> {
    use KommandoTyp as T;
    match typ {
        T::InledUtredning | T::AvslutaUtredning => falt_inled_eller_avsluta_utredning(ctx),
        T::RegistreraSynpunkter => falt_registrera_synpunkter(ctx),
        T::Kommunicera => falt_kommunicera(ctx),
        T::RegistreraSvar => falt_registrera_svar(a, ctx),
        T::MeddelaDrojsmal => falt_meddela_drojsmal(ctx),
        T::BegarAvgorande => falt_begar_avgorande(ctx),
        T::AvslaBegaranOmAvgorande => falt_avsla_begaran_om_avgorande(ctx),
        T::BeraknaForsorjningsstod => super::forsorjningsstod::falt(ctx),
        T::AnsokManad => super::forsorjningsstod::falt_ansokan(ctx),
        _ => vec![],
    }
}

/// Parses the form of a step of this phase; every error is gathered in `l`.
pub(super) fn tolka(typ: KommandoTyp, l: &mut Lasare, ctx: &FaltKontext) -> Option<Kommando> {
    use KommandoTyp as T;
    match typ {
        T::InledUtredning => tolka_inled_utredning(l),
        T::AvslutaUtredning => tolka_avsluta_utredning(l),
        T::RegistreraSynpunkter => tolka_registrera_synpunkter(l),
        T::Kommunicera => tolka_kommunicera(l),
        T::RegistreraSvar => tolka_registrera_svar(l),
        T::MeddelaDrojsmal => tolka_meddela_drojsmal(l),
        T::BegarAvgorande => tolka_begar_avgorande(l),
        T::AvslaBegaranOmAvgorande => tolka_avsla_begaran_om_avgorande(l),
        T::BeraknaForsorjningsstod => super::forsorjningsstod::tolka(l, ctx),
        T::AnsokManad => super::forsorjningsstod::tolka_ansokan(l, ctx),
        _ => None,
    }
}

fn falt_inled_eller_avsluta_utredning(ctx: &FaltKontext) -> Vec<Falt> {
    let idag = ctx.idag;
    vec![datumfalt(idag)]
}

fn tolka_inled_utredning(l: &mut Lasare) -> Option<Kommando> {
    l.datum("datum")
        .map(|datum| Kommando::InledUtredning { datum })
}

fn tolka_avsluta_utredning(l: &mut Lasare) -> Option<Kommando> {
    l.datum("datum")
        .map(|datum| Kommando::AvslutaUtredning { datum })
}

fn falt_registrera_synpunkter(ctx: &FaltKontext) -> Vec<Falt> {
    let idag = ctx.idag;
    vec![
        datumfalt(idag),
        Falt::textarea("synpunkter", "Den enskildes egen syn på sin situation"),
        Falt::textarea("mal", "Den enskildes egna mål"),
    ]
}

fn tolka_registrera_synpunkter(l: &mut Lasare) -> Option<Kommando> {
    l.datum("datum")
        .map(|datum| Kommando::RegistreraSynpunkter {
            datum,
            synpunkter: l.text("synpunkter"),
            mal: l.text("mal"),
        })
}

fn falt_kommunicera(ctx: &FaltKontext) -> Vec<Falt> {
    let idag = ctx.idag;
    vec![
        datumfalt(idag),
        Falt::textarea("material", "Vilket material kommunicerades?").kravs(),
        Falt::val("satt", "Hur?", "radio", par(&Kommunikationssatt::ALLA, Kommunikationssatt::kod, Kommunikationssatt::namn)).kravs().varde("brev"),
        // FL 25 §: the letter says exactly what was enclosed and how the rest can be read.
        Falt::val("bifogat", "Dokument som skickas med brevet", "checkboxes", ctx.dokument.iter().map(|(id, namn)| (id.to_string(), namn.clone())))
            .hjalp("Brevet räknar upp just de dokument du väljer här. Bifoga dokumentet till ärendet först om det saknas."),
        Falt::text("tillgangligt", "Hur kan den enskilde annars ta del av materialet?")
            .hjalp("Till exempel: kan läsas på Mina sidor, visades vid möte den 2 april. Lämna tomt om allt skickas med."),
        Falt::datum("svar_senast", "Svar senast")
            .kravs()
            .varde(idag + time::Duration::days(14))
            .hjalp("Om dagen är en lördag, söndag eller helgdag flyttas den till nästa vardag."),
    ]
}

fn tolka_kommunicera(l: &mut Lasare) -> Option<Kommando> {
    let f = l.f;
    let datum = l.datum("datum");
    let satt = l.kod(
        "satt",
        Kommunikationssatt::fran_kod,
        "Välj hur materialet kommunicerades.",
    );
    let svar_senast = l.datum("svar_senast");
    match (datum, satt, svar_senast) {
        (Some(datum), Some(satt), Some(svar_senast)) => {
            let mut bifogat = vec![];
            for v in f.alla("bifogat") {
                match v.parse::<DokumentId>() {
                    Ok(d) => bifogat.push(d),
                    Err(_) => l.fel("bifogat", "Välj bland ärendets dokument."),
                }
            }
            Some(Kommando::Kommunicera {
                id: KommuniceringId::ny(),
                datum,
                material: l.text("material"),
                satt,
                svar_senast,
                bifogat,
                tillgangligt: l.text("tillgangligt"),
            })
        }
        _ => None,
    }
}

fn falt_registrera_svar(a: &Arende, ctx: &FaltKontext) -> Vec<Falt> {
    let idag = ctx.idag;
    vec![
        Falt::val(
            "kommunicering",
            "Kommunicering",
            "select",
            a.kommuniceringar
                .iter()
                .filter(|k| k.svar.is_none())
                .map(|k| {
                    (
                        k.id.to_string(),
                        format!("{} (svar senast {})", k.datum, k.svar_senast),
                    )
                }),
        )
        .kravs(),
        datumfalt(idag),
        Falt::textarea("svar", "Den enskildes svar").kravs(),
    ]
}

fn tolka_registrera_svar(l: &mut Lasare) -> Option<Kommando> {
    let kommunicering = l.id("kommunicering", "Välj kommunicering.");
    let datum = l.datum("datum");
    match (kommunicering, datum) {
        (Some(kommunicering), Some(datum)) => Some(Kommando::RegistreraSvar {
            kommunicering,
            datum,
            svar: l.text("svar"),
        }),
        _ => None,
    }
}

fn falt_meddela_drojsmal(ctx: &FaltKontext) -> Vec<Falt> {
    let idag = ctx.idag;
    vec![
        Falt::datum("datum", "När fick den enskilde beskedet?")
            .kravs()
            .varde(idag),
        Falt::textarea("skal", "Varför dröjer beslutet?").kravs(),
        Falt::datum("nytt_datum", "När väntas beslutet nu?").kravs(),
        Falt::val(
            "satt",
            "Hur fick den enskilde beskedet?",
            "radio",
            par(
                &Kommunikationssatt::ALLA,
                Kommunikationssatt::kod,
                Kommunikationssatt::namn,
            ),
        )
        .kravs()
        .varde("brev"),
    ]
}

fn tolka_meddela_drojsmal(l: &mut Lasare) -> Option<Kommando> {
    let datum = l.datum("datum");
    let nytt_datum = l.datum("nytt_datum");
    let satt = l.kod(
        "satt",
        Kommunikationssatt::fran_kod,
        "Välj hur den enskilde fick beskedet.",
    );
    match (datum, nytt_datum, satt) {
        (Some(datum), Some(nytt_datum), Some(satt)) => {
            Some(Kommando::MeddelaDrojsmal(DrojsmalUppgifter {
                datum,
                skal: l.text("skal"),
                nytt_datum,
                satt,
            }))
        }
        _ => None,
    }
}

fn falt_begar_avgorande(ctx: &FaltKontext) -> Vec<Falt> {
    let idag = ctx.idag;
    vec![Falt::datum("datum", "Begäran kom in").kravs().varde(idag)]
}

fn tolka_begar_avgorande(l: &mut Lasare) -> Option<Kommando> {
    l.datum("datum")
        .map(|datum| Kommando::BegarAvgorande { datum })
}

fn falt_avsla_begaran_om_avgorande(ctx: &FaltKontext) -> Vec<Falt> {
    let idag = ctx.idag;
    vec![
        datumfalt(idag),
        Falt::textarea("motivering", "Varför kan ärendet inte avgöras nu?")
            .kravs()
            .hjalp("Ett avslag på begäran kan överklagas särskilt (FL 12 §)."),
    ]
}

fn tolka_avsla_begaran_om_avgorande(l: &mut Lasare) -> Option<Kommando> {
    l.datum("datum")
        .map(|datum| Kommando::AvslaBegaranOmAvgorande {
            datum,
            motivering: l.text("motivering"),
        })
}
