//! The forms of the steps of utredning: inleda, kommunicera, synpunkter,
//! begäran om avgörande: each step's fields, and beside them how its input
//! becomes the domain's command. Rules about the values live in the domain.

use super::*;

/// The fields of a step of this phase, with sensible defaults.
pub(super) fn falt(typ: KommandoTyp, a: &Arende, ctx: &FaltKontext) -> Vec<Falt> {
    use KommandoTyp as T;
    match typ {
        T::InledUtredning => falt_inled_utredning(a, ctx),
        T::AvslutaUtredning => falt_inled_eller_avsluta_utredning(ctx),
        T::RegistreraSynpunkter => falt_registrera_synpunkter(ctx),
        T::Kommunicera => falt_kommunicera(ctx),
        T::RegistreraSvar => falt_registrera_svar(a, ctx),
        T::MeddelaDrojsmal => falt_meddela_drojsmal(ctx),
        T::BegarAvgorande => falt_begar_avgorande(ctx),
        T::AvslaBegaranOmAvgorande => falt_avsla_begaran_om_avgorande(ctx),
        T::BeraknaForsorjningsstod => super::forsorjningsstod::falt(ctx),
        T::AnsokManad => super::forsorjningsstod::falt_ansokan(ctx),
        T::BekraftaGemensamAnsokan => super::forsorjningsstod::falt_bekrafta(a, ctx),
        T::ValjFordjupadUtredning => falt_fordjupad(a, ctx),
        T::RegistreraInstrument => falt_instrument(ctx),
        T::SkrivUtredningsavsnitt => falt_livsomrade(a, ctx),
        T::BedomGrundutredning => falt_bedomning(a, ctx),
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
        T::BekraftaGemensamAnsokan => super::forsorjningsstod::tolka_bekrafta(l, ctx),
        T::ValjFordjupadUtredning => tolka_fordjupad(l),
        T::RegistreraInstrument => tolka_instrument(l, ctx),
        T::SkrivUtredningsavsnitt => tolka_livsomrade(l),
        T::BedomGrundutredning => tolka_bedomning(l),
        _ => None,
    }
}

fn falt_fordjupad(a: &Arende, ctx: &FaltKontext) -> Vec<Falt> {
    let hjalp = match a.fordjupad_vantar() {
        Some(f) => format!(
            "Personen har fått försörjningsstöd {} månader i följd, sedan {}. Ta ställning till om situationen behöver utredas djupare: arbetsförmåga, hälsa, behov av stöd från andra.",
            f.manader,
            f.fran.namn()
        ),
        None => String::new(),
    };
    vec![
        datumfalt(ctx.idag),
        Falt::val(
            "inleds",
            "Inleds en fördjupad utredning?",
            "radio",
            [
                (
                    "ja".to_string(),
                    "Ja, en fördjupad utredning inleds".to_string(),
                ),
                ("nej".to_string(), "Nej".to_string()),
            ],
        )
        .kravs()
        .hjalp(&hjalp),
        Falt::textarea("skal", "Vad den ska titta på, eller varför den inte behövs").kravs(),
    ]
}

fn tolka_fordjupad(l: &mut Lasare) -> Option<Kommando> {
    let datum = l.datum("datum");
    let inleds = match l.text("inleds").as_str() {
        "ja" => Some(true),
        "nej" => Some(false),
        _ => {
            l.fel("inleds", "Välj om en fördjupad utredning inleds.");
            None
        }
    };
    Some(Kommando::ValjFordjupadUtredning {
        datum: datum?,
        inleds: inleds?,
        skal: l.text("skal"),
    })
}

fn falt_livsomrade(a: &Arende, ctx: &FaltKontext) -> Vec<Falt> {
    use lots_domain::livsomrade::Livsomrade;
    // Which areas are written shows in the choice, so the handläggare sees what is left.
    // The areas of the case's kind: ASI's for the addiction unit, the guide's for ekonomiskt bistånd.
    let alternativ = Livsomrade::for_arende(a).iter().map(|o| {
        let skriven = a.utredningsavsnitt.iter().any(|x| x.omrade == *o);
        (
            o.kod().to_string(),
            if skriven {
                format!("{} (skrivet, skriv om)", o.namn())
            } else {
                o.namn().to_string()
            },
        )
    });
    vec![
        datumfalt(ctx.idag),
        Falt::val("omrade", "Livsområde", "radio", alternativ).kravs(),
        Falt::textarea("personens_ord", "Personens egna ord")
            .hjalp("Hur personen själv beskriver sin situation i området, så nära som möjligt det personen sa."),
        Falt::textarea("handlaggarens", "Det som har kommit fram")
            .kravs()
            .hjalp("Fakta och din bild av området: vad som fungerar, vad som hindrar."),
        Falt::textarea("mal", "Personens mål i området"),
    ]
}

fn tolka_livsomrade(l: &mut Lasare) -> Option<Kommando> {
    use lots_domain::livsomrade::{Avsnitt, Livsomrade};
    let datum = l.datum("datum");
    let omrade = l.kod("omrade", Livsomrade::fran_kod, "Välj livsområde.");
    Some(Kommando::SkrivUtredningsavsnitt(Avsnitt {
        datum: datum?,
        omrade: omrade?,
        personens_ord: l.text("personens_ord"),
        handlaggarens: l.text("handlaggarens"),
        mal: l.text("mal"),
    }))
}

fn falt_bedomning(a: &Arende, ctx: &FaltKontext) -> Vec<Falt> {
    let skrivna = a
        .utredningsavsnitt
        .iter()
        .map(|x| x.omrade.namn())
        .collect::<Vec<_>>()
        .join(", ");
    let mut bedomning = Falt::textarea("bedomning", "Bedömning")
        .kravs()
        .hjalp(&format!(
            "Vad utredningen visar om behovet, hindren och vägen till egen försörjning. Skrivna livsområden: {skrivna}."
        ));
    if let Some((_, text)) = &a.utredningsbedomning {
        bedomning = bedomning.varde(text);
    }
    // Issue 20 item 5: the förslag till beslut is written with the bedömning, and the
    // decision form starts from it.
    let forslag = a.forslag_till_beslut.as_ref();
    let mut utfall = Falt::val(
        "forslag_utfall",
        "Föreslaget utfall",
        "select",
        FORSLAG_UTFALL.iter().map(|u| (u.kod().to_string(), u.namn().to_string())),
    )
    .hjalp("Beslutsformuläret börjar med det här utfallet valt. Beslutet fattas av den som har delegation.");
    if let Some(u) = forslag.and_then(|f| f.utfall) {
        utfall = utfall.varde(u.kod());
    }
    let mut text = Falt::textarea("forslag", "Förslag till beslut").hjalp(
        "Vad du föreslår att nämnden beslutar, till exempel: Ansökan om öppenvård beviljas från och med 1 maj. Förslaget visas i beslutsformuläret.",
    );
    if let Some(f) = forslag {
        text = text.varde(&f.text);
    }
    vec![datumfalt(ctx.idag), bedomning, utfall, text]
}

/// The outcomes an utredning proposes: an application it has investigated is granted,
/// in part or not (an avvisning is decided without investigating the matter).
const FORSLAG_UTFALL: [Utfall; 3] = [Utfall::Bifall, Utfall::DelvisBifall, Utfall::Avslag];

fn tolka_bedomning(l: &mut Lasare) -> Option<Kommando> {
    let datum = l.datum("datum");
    let utfall = match l.text("forslag_utfall").as_str() {
        "" => None,
        kod => {
            let u = Utfall::fran_kod(kod).filter(|u| FORSLAG_UTFALL.contains(u));
            if u.is_none() {
                l.fel("forslag_utfall", "Välj ett utfall i listan, eller inget.");
            }
            u
        }
    };
    Some(Kommando::BedomGrundutredning {
        datum: datum?,
        bedomning: l.text("bedomning"),
        forslag: Some(ForslagTillBeslut {
            utfall,
            text: l.text("forslag"),
        }),
    })
}

/// The form's field for a fact of the instrument the rules refuse: the answers start at the
/// first item.
pub(super) fn falt_for(fakta: &str) -> Option<&'static str> {
    (fakta == "svar").then_some(FRAGOR[0].0)
}

/// One field per item, for the longest instrument (FIA, 14 areas): the item's score, and for
/// FIA the person's own rating beside it.
const FRAGOR: [(&str, &str); 14] = [
    ("fraga_1", "egen_1"),
    ("fraga_2", "egen_2"),
    ("fraga_3", "egen_3"),
    ("fraga_4", "egen_4"),
    ("fraga_5", "egen_5"),
    ("fraga_6", "egen_6"),
    ("fraga_7", "egen_7"),
    ("fraga_8", "egen_8"),
    ("fraga_9", "egen_9"),
    ("fraga_10", "egen_10"),
    ("fraga_11", "egen_11"),
    ("fraga_12", "egen_12"),
    ("fraga_13", "egen_13"),
    ("fraga_14", "egen_14"),
];

/// The instrument's own form: one choice per item with the answers it allows, in the
/// order of the form used with the person. Which instrument is chosen above the form
/// (`?instrument=`), so the items are the right ones without JavaScript.
fn falt_instrument(ctx: &FaltKontext) -> Vec<Falt> {
    use lots_domain::instrument::Instrument;
    let instrument = ctx.instrument.unwrap_or(Instrument::ALLA[0]);
    let v = instrument.aktuell();
    let mut ut = vec![
        datumfalt(ctx.idag),
        Falt::val(
            "instrument",
            "Instrument",
            "radio",
            [(instrument.kod().to_string(), instrument.namn().to_string())],
        )
        .kravs()
        .varde(instrument.kod())
        .hjalp(&format!(
            "Byt instrument med länkarna ovanför formuläret. {}",
            instrument.manual()
        )),
    ];
    for ((namn, egen), f) in FRAGOR.iter().zip(v.fragor) {
        let alternativ = f.tillatna.iter().map(|x| {
            let ord = f.skala.etikett(*x);
            let text = if ord == x.to_string() {
                ord
            } else {
                format!("{x} ({ord})")
            };
            (x.to_string(), text)
        });
        ut.push(Falt::val(
            namn,
            &format!("Fråga {}: {}", f.nummer, f.etikett),
            "select",
            alternativ.clone(),
        ));
        if v.egen_skattning {
            ut.push(Falt::val(
                egen,
                &format!("Fråga {}: personens egen skattning", f.nummer),
                "select",
                alternativ,
            ));
        }
    }
    ut.push(Falt::val(
        "samtycke",
        "Samtycke",
        "checkboxes",
        [(
            "ja".to_string(),
            "Personen har samtyckt till att instrumentet används och att resultatet dokumenteras"
                .to_string(),
        )],
    ));
    ut
}

fn tolka_instrument(l: &mut Lasare, ctx: &FaltKontext) -> Option<Kommando> {
    use lots_domain::instrument::{Instrument, Svar};
    let datum = l.datum("datum");
    let instrument = l.kod(
        "instrument",
        Instrument::fran_kod,
        "Välj vilket instrument som användes.",
    )?;
    let v = instrument.aktuell();
    let mut svar = vec![];
    let mut egen = vec![];
    for ((namn, egen_namn), f) in FRAGOR.iter().zip(v.fragor) {
        // An item left unanswered is never read as 0: that would lower the score silently.
        match l.text(namn).parse::<u8>() {
            Ok(n) => svar.push(n),
            Err(_) => l.fel(namn, &format!("Välj svaret på fråga {}.", f.nummer)),
        }
        if v.egen_skattning {
            // The person may choose not to rate an area.
            egen.push(l.text(egen_namn).parse::<u8>().ok());
        }
    }
    let samtycke = l.f.alla("samtycke").contains(&"ja");
    let datum = datum?;
    if !l.fel.is_empty() {
        return None;
    }
    let mut s = Svar::ny(instrument, svar, samtycke);
    s.egen_skattning = egen;
    Some(Kommando::RegistreraInstrument {
        datum,
        svar: Box::new(s),
        kon: ctx.kon,
    })
}

fn falt_inled_eller_avsluta_utredning(ctx: &FaltKontext) -> Vec<Falt> {
    let idag = ctx.idag;
    vec![datumfalt(idag)]
}

/// The day the utredning starts, and the day the person can expect a decision (issue 19):
/// the handläggare's, or left empty for the default for what was applied for, counted from
/// the day the utredning starts (`frister::beslut_vantas`). Not filled in beforehand: the
/// default depends on the start day, which may be written as an earlier day.
fn falt_inled_utredning(a: &Arende, ctx: &FaltKontext) -> Vec<Falt> {
    let insatser: Vec<_> = a.ansokta.iter().map(|(i, _)| *i).collect();
    let forval = match lots_domain::frister::beslut_vantas(ctx.idag, &insatser) {
        Some(d) => format!(" Inleds utredningen i dag blir det {d}."),
        None => String::new(),
    };
    let f = Falt::datum("beslut_vantas", "När kan den enskilde vänta sig beslut?").hjalp(&format!(
        "Den enskilde ser dagen på Mina sidor. Lämna tomt för det förvalda, räknat från dagen utredningen inleds: två veckor för ekonomiskt bistånd, sex veckor för stöd och behandling, åtta veckor för heldygnsvård.{forval} Räcker inte tiden, meddela att beslutet dröjer (FL 11 §); en påminnelse kommer en vecka före."
    ));
    vec![datumfalt(ctx.idag), f]
}

fn tolka_inled_utredning(l: &mut Lasare) -> Option<Kommando> {
    let datum = l.datum("datum");
    let beslut_vantas = l.valfritt_datum("beslut_vantas");
    Some(Kommando::InledUtredning {
        datum: datum?,
        beslut_vantas,
    })
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
