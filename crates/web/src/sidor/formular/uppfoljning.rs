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
        T::SkrivPlan => falt_plan(a, ctx),
        T::SvaraPaPlan => falt_plansvar(a, ctx),
        T::FoljUppPlan => falt_planuppfoljning(a, ctx),
        T::AvslutaForsorjningsstod => falt_bistand_slut(ctx),
        _ => vec![],
    }
}

/// Parses the form of a step of this phase; every error is gathered in `l`.
pub(super) fn tolka(typ: KommandoTyp, l: &mut Lasare, ctx: &FaltKontext) -> Option<Kommando> {
    use KommandoTyp as T;
    match typ {
        T::RegistreraUppfoljning => tolka_registrera_uppfoljning(l),
        T::KvitteraBevakning => tolka_kvittera_bevakning(l),
        T::SkrivPlan => tolka_plan(l),
        T::SvaraPaPlan => tolka_plansvar(l),
        T::FoljUppPlan => tolka_planuppfoljning(l, ctx),
        T::AvslutaForsorjningsstod => tolka_bistand_slut(l),
        _ => None,
    }
}

/// The form's field for a fact of the plan the rules refuse.
pub(super) fn falt_for(fakta: &str) -> Option<&'static str> {
    match fakta {
        "aktiviteter" => Some(AKTIVITETER[0].1),
        "deltagande" => Some(DELTAGANDE[0].0),
        _ => None,
    }
}

/// The plan's activity rows: type, description and who answers, a row each. Four rows fit
/// a plan a person can keep in mind; a revision can replace them.
const AKTIVITETER: [(&str, &str, &str); 4] = [
    ("aktivitet_1_typ", "aktivitet_1", "aktivitet_1_ansvarig"),
    ("aktivitet_2_typ", "aktivitet_2", "aktivitet_2_ansvarig"),
    ("aktivitet_3_typ", "aktivitet_3", "aktivitet_3_ansvarig"),
    ("aktivitet_4_typ", "aktivitet_4", "aktivitet_4_ansvarig"),
];

/// Participation per activity in a follow-up: planned and attended, a row each.
const DELTAGANDE: [(&str, &str); 4] = [
    ("planerat_1", "deltagit_1"),
    ("planerat_2", "deltagit_2"),
    ("planerat_3", "deltagit_3"),
    ("planerat_4", "deltagit_4"),
];

/// The plan's form; a revision starts from the current version, so only what changes is
/// typed again.
fn falt_plan(a: &Arende, ctx: &FaltKontext) -> Vec<Falt> {
    use lots_domain::forsorjningsstod::plan::{Aktivitetstyp, Ansvarig};
    let nu = a.planering.aktuell();
    let med = |f: Falt, v: Option<String>| match v {
        Some(v) => f.varde(v),
        None => f,
    };
    let mut ut = vec![
        datumfalt(ctx.idag),
        med(
            Falt::textarea("mal", "Mål").kravs().hjalp(
                "Vad personen vill nå, gärna med personens egna ord: ett arbete, en utbildning, en ersättning som räcker.",
            ),
            nu.map(|p| p.mal.clone()),
        ),
        med(
            Falt::textarea("delmal", "Delmål").hjalp("Ett delmål per rad, i den ordning de ska nås."),
            nu.map(|p| p.delmal.join("\n")),
        ),
    ];
    for (i, (typ, text, ansvarig)) in AKTIVITETER.iter().enumerate() {
        let x = nu.and_then(|p| p.aktiviteter.get(i));
        let n = i + 1;
        let mut t = Falt::val(
            typ,
            &format!("Aktivitet {n}: slag"),
            "select",
            par(
                &Aktivitetstyp::ALLA,
                Aktivitetstyp::kod,
                Aktivitetstyp::namn,
            ),
        );
        let mut b = Falt::text(text, &format!("Aktivitet {n}: vad det är"));
        let mut v = Falt::val(
            ansvarig,
            &format!("Aktivitet {n}: vem ansvarar"),
            "select",
            par(&Ansvarig::ALLA, Ansvarig::kod, Ansvarig::namn),
        );
        if i == 0 {
            b = b.kravs().hjalp("Till exempel: Rusta och matcha hos Arbetsförmedlingen, sfi på Komvux, praktik på kommunens lager. Lämna raderna du inte behöver tomma.");
        }
        if let Some(x) = x {
            t = t.varde(x.typ.kod());
            b = b.varde(&x.beskrivning);
            v = v.varde(x.ansvarig.kod());
        }
        ut.extend([t, b, v]);
    }
    ut.extend([
        med(
            Falt::textarea("personens_del", "Det personen gör").kravs(),
            nu.map(|p| p.personens_del.clone()),
        ),
        med(
            Falt::textarea("socialtjanstens_del", "Det socialtjänsten gör").kravs(),
            nu.map(|p| p.socialtjanstens_del.clone()),
        ),
        med(
            Falt::textarea("samverkan", "Vem ansvarar för vad när andra är med").hjalp(
                "Arbetsförmedlingen, Försäkringskassan, vården: vad var och en gör, och hur ni håller kontakten.",
            ),
            nu.map(|p| p.samverkan.clone()),
        ),
        Falt::datum("uppfoljning", "Följs upp senast")
            .kravs()
            .varde(ctx.idag + time::Duration::days(30)),
        med(
            Falt::text("uppfoljningssatt", "Hur planen följs upp")
                .kravs()
                .hjalp("Till exempel: möte på kontoret, trepartsmöte med Arbetsförmedlingen."),
            nu.map(|p| p.uppfoljningssatt.clone()),
        ),
    ]);
    ut
}

fn tolka_plan(l: &mut Lasare) -> Option<Kommando> {
    use lots_domain::forsorjningsstod::plan::{
        Aktivitet, Aktivitetstyp, Ansvarig, Sjalvforsorjningsplan,
    };
    let datum = l.datum("datum");
    let uppfoljning = l.datum("uppfoljning");
    let mut aktiviteter = vec![];
    for (typ, text, ansvarig) in AKTIVITETER {
        let beskrivning = l.text(text);
        if beskrivning.trim().is_empty() {
            continue;
        }
        let typ = l.kod(
            typ,
            Aktivitetstyp::fran_kod,
            "Välj vilket slags aktivitet det är.",
        );
        let ansvarig = l.kod(ansvarig, Ansvarig::fran_kod, "Välj vem som ansvarar.");
        if let (Some(typ), Some(ansvarig)) = (typ, ansvarig) {
            aktiviteter.push(Aktivitet {
                typ,
                beskrivning,
                ansvarig,
            });
        }
    }
    let delmal = l
        .text("delmal")
        .lines()
        .map(str::trim)
        .filter(|r| !r.is_empty())
        .map(str::to_owned)
        .collect();
    Some(Kommando::SkrivPlan(Box::new(Sjalvforsorjningsplan {
        version: 0,
        datum: datum?,
        mal: l.text("mal"),
        delmal,
        aktiviteter,
        personens_del: l.text("personens_del"),
        socialtjanstens_del: l.text("socialtjanstens_del"),
        samverkan: l.text("samverkan"),
        uppfoljning: uppfoljning?,
        uppfoljningssatt: l.text("uppfoljningssatt"),
    })))
}

/// The person's answer told to the handläggare, at a meeting or on paper.
fn falt_plansvar(a: &Arende, ctx: &FaltKontext) -> Vec<Falt> {
    let version = a.planering.aktuell().map_or(0, |p| p.version);
    vec![
        datumfalt(ctx.idag),
        Falt::val(
            "version",
            "Version av planen",
            "radio",
            [(
                version.to_string(),
                format!("Version {version}, den aktuella"),
            )],
        )
        .kravs()
        .varde(version),
        Falt::val(
            "instammer",
            "Håller personen med om planen?",
            "radio",
            [
                ("ja".to_string(), "Ja".to_string()),
                ("nej".to_string(), "Nej, inte helt".to_string()),
            ],
        )
        .kravs(),
        Falt::textarea("synpunkt", "Vad personen tycker")
            .hjalp("Med personens egna ord. Krävs när personen inte håller med."),
    ]
}

fn tolka_plansvar(l: &mut Lasare) -> Option<Kommando> {
    let datum = l.datum("datum");
    let version = l.id("version", "Välj planens version.");
    let instammer = match l.text("instammer").as_str() {
        "ja" => Some(true),
        "nej" => Some(false),
        _ => {
            l.fel("instammer", "Välj om personen håller med om planen.");
            None
        }
    };
    Some(Kommando::SvaraPaPlan {
        datum: datum?,
        version: version?,
        instammer: instammer?,
        synpunkt: l.text("synpunkt"),
        fran: Avsandare::Enskild { ombud: None },
    })
}

fn falt_planuppfoljning(a: &Arende, ctx: &FaltKontext) -> Vec<Falt> {
    use lots_domain::forsorjningsstod::plan::Hjalper;
    let Some(plan) = a.planering.aktuell() else {
        return vec![];
    };
    let mut ut = vec![datumfalt(ctx.idag)];
    for ((planerat, deltagit), x) in DELTAGANDE.iter().zip(&plan.aktiviteter) {
        ut.push(
            Falt::text(
                planerat,
                &format!("{}: planerade tillfällen", x.beskrivning),
            )
            .hjalp("Sedan förra uppföljningen. Lämna tomt om aktiviteten inte har tillfällen."),
        );
        ut.push(Falt::text(
            deltagit,
            &format!("{}: tillfällen personen deltog", x.beskrivning),
        ));
    }
    ut.extend([
        Falt::text(
            "ansokningar",
            "Skickade ansökningar om arbete eller utbildning",
        )
        .hjalp("Sedan förra uppföljningen."),
        Falt::val(
            "uppnadda_delmal",
            "Delmål som är nådda",
            "checkboxes",
            plan.delmal
                .iter()
                .enumerate()
                .map(|(i, d)| (i.to_string(), d.clone())),
        ),
        Falt::textarea("enskildes_berattelse", "Personens egen berättelse")
            .kravs()
            .hjalp("Hur det går, med personens egna ord."),
        Falt::val(
            "hjalper",
            "Tycker personen att planen hjälper?",
            "radio",
            par(&Hjalper::ALLA, Hjalper::kod, Hjalper::namn),
        )
        .kravs(),
        Falt::textarea("kommentar", "Handläggarens kommentar"),
        Falt::datum("nasta", "Nästa uppföljning")
            .hjalp("Lämna tomt om planen ska skrivas om nu: den nya versionen får en egen dag."),
    ]);
    ut
}

fn tolka_planuppfoljning(l: &mut Lasare, ctx: &FaltKontext) -> Option<Kommando> {
    use lots_domain::forsorjningsstod::plan::{Deltagande, Hjalper, Planuppfoljning};
    let datum = l.datum("datum");
    let antal = |l: &mut Lasare, namn: &'static str| -> Option<u32> {
        let t = l.text(namn);
        if t.trim().is_empty() {
            return Some(0);
        }
        let v = t.trim().parse::<u32>().ok().filter(|n| *n <= 1_000);
        if v.is_none() {
            l.fel(namn, "Skriv antalet som ett heltal, 0 eller mer.");
        }
        v
    };
    let aktiviteter = ctx
        .arende
        .and_then(|a| a.planering.aktuell())
        .map_or(0, |p| p.aktiviteter.len());
    let mut deltagande = vec![];
    for (i, (planerat, deltagit)) in DELTAGANDE.iter().enumerate().take(aktiviteter) {
        if let (Some(p), Some(d)) = (antal(l, planerat), antal(l, deltagit))
            && (p, d) != (0, 0)
        {
            deltagande.push(Deltagande {
                aktivitet: i,
                planerat: p,
                deltagit: d,
            });
        }
    }
    let ansokningar = antal(l, "ansokningar");
    let mut uppnadda_delmal = vec![];
    for v in l.f.alla("uppnadda_delmal") {
        match v.parse::<usize>() {
            Ok(i) => uppnadda_delmal.push(i),
            Err(_) => l.fel("uppnadda_delmal", "Välj bland planens delmål."),
        }
    }
    let hjalper = l.kod(
        "hjalper",
        Hjalper::fran_kod,
        "Välj om personen tycker att planen hjälper.",
    );
    let nasta = l.valfritt_datum("nasta");
    Some(Kommando::FoljUppPlan(Box::new(Planuppfoljning {
        datum: datum?,
        version: 0,
        deltagande,
        ansokningar: ansokningar?,
        uppnadda_delmal,
        enskildes_berattelse: l.text("enskildes_berattelse"),
        hjalper: hjalper?,
        kommentar: l.text("kommentar"),
        nasta,
    })))
}

fn falt_bistand_slut(ctx: &FaltKontext) -> Vec<Falt> {
    use lots_domain::forsorjningsstod::plan::Slutorsak;
    vec![
        datumfalt(ctx.idag),
        Falt::val(
            "orsak",
            "Varför behövs inte försörjningsstöd längre?",
            "radio",
            par(&Slutorsak::ALLA, Slutorsak::kod, Slutorsak::text),
        )
        .kravs()
        .hjalp("Skälet rapporteras till Socialstyrelsen med månadens statistik."),
        Falt::textarea("kommentar", "Kommentar").hjalp("Krävs när du väljer Annat skäl."),
    ]
}

fn tolka_bistand_slut(l: &mut Lasare) -> Option<Kommando> {
    use lots_domain::forsorjningsstod::plan::Slutorsak;
    let datum = l.datum("datum");
    let orsak = l.kod(
        "orsak",
        Slutorsak::fran_kod,
        "Välj varför försörjningsstödet slutar.",
    );
    Some(Kommando::AvslutaForsorjningsstod {
        datum: datum?,
        orsak: orsak?,
        kommentar: l.text("kommentar"),
    })
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
