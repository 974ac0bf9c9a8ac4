//! The forms of the steps of överklagande and omprövning: each step's fields,
//! and beside them how its input becomes the domain's command. Rules about the
//! values live in the domain.

use super::*;

/// What the form says above its fields, before the user fills them in.
pub(super) fn ingress(typ: KommandoTyp) -> &'static str {
    match typ {
        KommandoTyp::ProvaRattidighet => {
            "Lots räknar ut sista dagen att överklaga från delgivningen (FL 44 §). Ett överklagande som kommit in för sent avvisas, om inte ett undantag i FL 45 § gäller."
        }
        _ => "",
    }
}

/// The fields of a step of this phase, with sensible defaults.
pub(super) fn falt(typ: KommandoTyp, a: &Arende, ctx: &FaltKontext) -> Vec<Falt> {
    use KommandoTyp as T;
    match typ {
        T::RegistreraOverklagande => falt_registrera_overklagande(typ, a, ctx),
        T::ProvaRattidighet => falt_prova_rattidighet(typ, a, ctx),
        T::Omprova | T::OmprovaEgetInitiativ => falt_omprova(typ, a, ctx),
        T::Overlamna => falt_overlamna(typ, a, ctx),
        T::RegistreraDom => falt_registrera_dom(typ, a, ctx),
        _ => vec![],
    }
}

/// Parses the form of a step of this phase; every error is gathered in `l`.
pub(super) fn tolka(typ: KommandoTyp, l: &mut Lasare, _ctx: &FaltKontext) -> Option<Kommando> {
    use KommandoTyp as T;
    match typ {
        T::RegistreraOverklagande => tolka_registrera_overklagande(l),
        T::ProvaRattidighet => tolka_prova_rattidighet(l),
        T::Omprova | T::OmprovaEgetInitiativ => tolka_omprova(typ, l),
        T::Overlamna => tolka_overlamna(l),
        T::RegistreraDom => tolka_registrera_dom(l),
        _ => None,
    }
}

fn falt_registrera_overklagande(typ: KommandoTyp, a: &Arende, ctx: &FaltKontext) -> Vec<Falt> {
    let idag = ctx.idag;
    vec![
        beslut_falt(a, typ),
        Falt::datum("inkom", "Överklagandet kom in till nämnden")
            .kravs()
            .varde(idag),
        Falt::textarea("text", "Vad överklagandet gäller").kravs(),
    ]
}

fn tolka_registrera_overklagande(l: &mut Lasare) -> Option<Kommando> {
    let beslut = l.id("beslut", VALJ_BESLUT);
    let inkom = l.datum("inkom");
    match (beslut, inkom) {
        (Some(beslut), Some(inkom)) => Some(Kommando::RegistreraOverklagande {
            beslut,
            inkom,
            text: l.text("text"),
        }),
        _ => None,
    }
}

fn falt_prova_rattidighet(typ: KommandoTyp, a: &Arende, ctx: &FaltKontext) -> Vec<Falt> {
    let idag = ctx.idag;
    vec![
        beslut_falt(a, typ),
        datumfalt(idag),
        Falt::val(
            "undantag",
            "Om överklagandet kom in för sent: gäller något undantag i 45 § förvaltningslagen?",
            "radio",
            [
                ("".to_string(), "Inget undantag".to_string()),
                (
                    "felaktig_overklagandehanvisning".to_string(),
                    "Förseningen beror på att nämnden gett fel besked om hur man överklagar"
                        .to_string(),
                ),
                (
                    "inkom_till_domstolen_i_tid".to_string(),
                    "Överklagandet kom in till förvaltningsrätten i tid".to_string(),
                ),
            ],
        )
        .varde(""),
    ]
}

fn tolka_prova_rattidighet(l: &mut Lasare) -> Option<Kommando> {
    let beslut = l.id("beslut", VALJ_BESLUT);
    let datum = l.datum("datum");
    let undantag = match l.text("undantag").as_str() {
        "felaktig_overklagandehanvisning" => Some(Fl45Undantag::FelaktigOverklagandehanvisning),
        "inkom_till_domstolen_i_tid" => Some(Fl45Undantag::InkomTillDomstolenITid),
        _ => None,
    };
    match (beslut, datum) {
        (Some(beslut), Some(datum)) => Some(Kommando::ProvaRattidighet {
            beslut,
            datum,
            undantag,
        }),
        _ => None,
    }
}

fn falt_omprova(typ: KommandoTyp, a: &Arende, ctx: &FaltKontext) -> Vec<Falt> {
    let idag = ctx.idag;
    vec![
        beslut_falt(a, typ),
        datumfalt(idag),
        Falt::textarea("motivering", "Skäl vid omprövningen").kravs(),
        Falt::val(
            "andra",
            "Ändras beslutet?",
            "radio",
            [
                ("nej".to_string(), "Nej, beslutet står fast".to_string()),
                ("ja".to_string(), "Ja, beslutet ändras".to_string()),
            ],
        )
        .kravs()
        .varde("nej"),
        Falt::val(
            "nytt_utfall",
            "Nytt beslut (om det ändras)",
            "select",
            par(&Utfall::ALLA, Utfall::kod, Utfall::namn),
        ),
        Falt::textarea("mal", "Mål med insatsen (om det ändras)"),
        Falt::textarea("omfattning", "Omfattning (om det ändras)"),
        Falt::datum("period_fran", "Gäller från (om det ändras)"),
        Falt::datum("period_till", "Gäller till och med (om det ändras)"),
        Falt::textarea(
            "avslagen_del",
            "Det som avslås (om det ändras till delvis bifall)",
        )
        .hjalp("Vad den enskilde ansökte om och vilken del som inte beviljas (FL 32 §)."),
        Falt::val(
            "till_nackdel",
            "Är ändringen till nackdel för den enskilde?",
            "radio",
            [
                ("".to_string(), "Lots bedömer det".to_string()),
                ("ja".to_string(), "Ja".to_string()),
                ("nej".to_string(), "Nej".to_string()),
            ],
        )
        .varde("")
        .hjalp("Behöver bara anges när utfallet är detsamma men omfattningen eller målet ändras."),
        Falt::val(
            "grund",
            "Om ändringen är till nackdel: vilken grund i 37 § förvaltningslagen gäller?",
            "radio",
            std::iter::once((
                String::new(),
                "Ingen: beslutet ändras inte till nackdel".to_string(),
            ))
            .chain(par(&Fl37Grund::ALLA, Fl37Grund::kod, Fl37Grund::namn)),
        )
        .varde("")
        .hjalp("Ett beslut får ändras till nackdel för den enskilde bara i dessa fall."),
    ]
}

fn tolka_omprova(typ: KommandoTyp, l: &mut Lasare) -> Option<Kommando> {
    let beslut = l.id("beslut", VALJ_BESLUT);
    let datum = l.datum("datum");
    let nytt = if l.text("andra") == "ja" {
        let utfall = l.kod("nytt_utfall", Utfall::fran_kod, "Välj det nya beslutet.");
        let period_fran = l.valfritt_datum("period_fran");
        let period_till = l.valfritt_datum("period_till");
        utfall.map(|utfall| NyttBeslut {
            id: BeslutId::ny(),
            utfall,
            mal: l.text("mal"),
            omfattning: l.text("omfattning"),
            period_fran,
            period_till,
            avslagen_del: l.text("avslagen_del"),
        })
    } else {
        None
    };
    let grund = match l.text("grund").as_str() {
        "" => None,
        _ => l.kod("grund", Fl37Grund::fran_kod, "Välj en grund i listan."),
    };
    let till_nackdel = match l.text("till_nackdel").as_str() {
        "ja" => Some(true),
        "nej" => Some(false),
        _ => None,
    };
    match (beslut, datum) {
        (Some(beslut), Some(datum)) => Some(Kommando::Omprova {
            beslut,
            datum,
            motivering: l.text("motivering"),
            nytt,
            eget_initiativ: typ == KommandoTyp::OmprovaEgetInitiativ,
            grund,
            till_nackdel,
        }),
        _ => None,
    }
}

fn falt_overlamna(typ: KommandoTyp, a: &Arende, ctx: &FaltKontext) -> Vec<Falt> {
    let idag = ctx.idag;
    vec![beslut_falt(a, typ), datumfalt(idag)]
}

fn tolka_overlamna(l: &mut Lasare) -> Option<Kommando> {
    let beslut = l.id("beslut", VALJ_BESLUT);
    let datum = l.datum("datum");
    match (beslut, datum) {
        (Some(beslut), Some(datum)) => Some(Kommando::Overlamna { beslut, datum }),
        _ => None,
    }
}

fn falt_registrera_dom(typ: KommandoTyp, a: &Arende, ctx: &FaltKontext) -> Vec<Falt> {
    let idag = ctx.idag;
    vec![
        beslut_falt(a, typ),
        datumfalt(idag),
        Falt::val(
            "utfall",
            "Domstolens avgörande",
            "radio",
            par(&DomUtfall::ALLA, DomUtfall::kod, DomUtfall::namn),
        )
        .kravs(),
        Falt::text("malnummer", "Målnummer").kravs(),
    ]
}

fn tolka_registrera_dom(l: &mut Lasare) -> Option<Kommando> {
    let beslut = l.id("beslut", VALJ_BESLUT);
    let datum = l.datum("datum");
    let utfall = l.kod("utfall", DomUtfall::fran_kod, "Välj domstolens avgörande.");
    match (beslut, datum, utfall) {
        (Some(beslut), Some(datum), Some(utfall)) => Some(Kommando::RegistreraDom {
            beslut,
            datum,
            utfall,
            malnummer: l.text("malnummer"),
        }),
        _ => None,
    }
}
