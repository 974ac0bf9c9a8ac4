//! The form of the step "Beräkna försörjningsstöd för en månad" (issue 15): the
//! household, the reasonable costs, items for livsföringen i övrigt, incomes and
//! deposits on the bank statement. The rules are the domain's
//! (`lots_domain::forsorjningsstod`); the form runs the same calculation before it
//! sends the command, so that an error stands beside the line it is about.

use lots_domain::forsorjningsstod::berakning::{
    self, Berakningsfel, Forklaring, Inkomst, Inkomstslag, Insattning, InsattningsBeslut,
    Kostnadsslag, Livsforingsslag, Manadsansokan, Post, Rad, Tillgang, Tillgangsslag, Underlag,
};
use lots_domain::forsorjningsstod::hinder::Forsorjningshinder;
use lots_domain::forsorjningsstod::riksnorm::{HushallsFel, NormBarn, NormHushall, Vuxna};
use lots_domain::forsorjningsstod::{Kronor, Manad};

use super::*;
use crate::formular::{fran_serde_kod as fran_kod, serde_kod as kod};

/// The reasonable costs (SoL 12 kap. 7 § p. 2): kind, and the fields for the amount
/// applied for, the amount approved and the reason.
const KOSTNADER: [(Kostnadsslag, &str, &str, &str); 5] = [
    (
        Kostnadsslag::Boende,
        "boende_sokt",
        "boende_godkant",
        "boende_skal",
    ),
    (Kostnadsslag::Hushallsel, "el_sokt", "el_godkant", "el_skal"),
    (
        Kostnadsslag::Arbetsresor,
        "resor_sokt",
        "resor_godkant",
        "resor_skal",
    ),
    (
        Kostnadsslag::Hemforsakring,
        "forsakring_sokt",
        "forsakring_godkant",
        "forsakring_skal",
    ),
    (
        Kostnadsslag::FackOchAkassa,
        "fack_sokt",
        "fack_godkant",
        "fack_skal",
    ),
];

/// Items for livsföringen i övrigt (SoL 12 kap. 1 §): kind, description, applied,
/// approved, reason.
const LIVSFORING: [(&str, &str, &str, &str, &str); 3] = [
    (
        "livs1_slag",
        "livs1_beskrivning",
        "livs1_sokt",
        "livs1_godkant",
        "livs1_skal",
    ),
    (
        "livs2_slag",
        "livs2_beskrivning",
        "livs2_sokt",
        "livs2_godkant",
        "livs2_skal",
    ),
    (
        "livs3_slag",
        "livs3_beskrivning",
        "livs3_sokt",
        "livs3_godkant",
        "livs3_skal",
    ),
];

/// Incomes: whose, kind, amount.
const INKOMSTER: [(&str, &str, &str); 5] = [
    ("ink1_medlem", "ink1_slag", "ink1_belopp"),
    ("ink2_medlem", "ink2_slag", "ink2_belopp"),
    ("ink3_medlem", "ink3_slag", "ink3_belopp"),
    ("ink4_medlem", "ink4_slag", "ink4_belopp"),
    ("ink5_medlem", "ink5_slag", "ink5_belopp"),
];

/// Deposits: date, amount, the person's label, the person's words, the ruling, its reason.
const INSATTNINGAR: [(&str, &str, &str, &str, &str, &str); 2] = [
    (
        "ins1_datum",
        "ins1_belopp",
        "ins1_forklaring",
        "ins1_text",
        "ins1_raknas",
        "ins1_skal",
    ),
    (
        "ins2_datum",
        "ins2_belopp",
        "ins2_forklaring",
        "ins2_text",
        "ins2_raknas",
        "ins2_skal",
    ),
];

/// Assets: whose, kind, value, assessment, consequence.
const TILLGANGAR: [(&str, &str, &str, &str, &str); 2] = [
    (
        "till1_medlem",
        "till1_slag",
        "till1_varde",
        "till1_bedomning",
        "till1_konsekvens",
    ),
    (
        "till2_medlem",
        "till2_slag",
        "till2_varde",
        "till2_bedomning",
        "till2_konsekvens",
    ),
];

const TILLGANGSSLAG: [Tillgangsslag; 5] = [
    Tillgangsslag::Sparande,
    Tillgangsslag::Bil,
    Tillgangsslag::Bostad,
    Tillgangsslag::Arv,
    Tillgangsslag::Annat,
];

const LIVSFORINGSSLAG: [Livsforingsslag; 5] = [
    Livsforingsslag::Tandvard,
    Livsforingsslag::Glasogon,
    Livsforingsslag::LakarvardOchMedicin,
    Livsforingsslag::Hemutrustning,
    Livsforingsslag::Annat,
];

fn val<T: Copy + serde::Serialize>(
    alla: &[T],
    text: fn(T) -> &'static str,
) -> Vec<(String, String)> {
    alla.iter().map(|&x| (kod(x), text(x).to_owned())).collect()
}

/// Each adult's försörjningshinder: the applicant's, then the make's or sambo's.
const HINDER: [&str; 2] = ["hinder_sokande", "hinder_make"];

/// The form's field for a fact of this step the domain refuses.
pub(super) fn falt_for(fakta: &str) -> Option<&'static str> {
    (fakta == "forsorjningshinder").then_some(HINDER[0])
}

pub(super) fn falt(ctx: &FaltKontext) -> Vec<Falt> {
    let mut ut = vec![
        datumfalt(ctx.idag),
        Falt::text("manad", "Månad")
            .kravs()
            .hjalp("Månaden ansökan gäller, skriven ÅÅÅÅ-MM. Månaden räknas med sitt eget års riksnorm.")
            .varde(Manad::for_dag(ctx.idag)),
        Falt::val(
            "vuxna",
            "Vuxna i ansökan",
            "radio",
            [
                ("ensam".to_string(), "En vuxen".to_string()),
                ("sambo".to_string(), "Två vuxna som är gifta eller sambor (gemensam ansökan)".to_string()),
            ],
        )
        .kravs()
        .varde("ensam"),
        Falt::val(
            "hinder_sokande",
            "Försörjningshinder, sökande",
            "select",
            val(&Forsorjningshinder::ALLA, Forsorjningshinder::text),
        )
        .hjalp("Det som hindrar den vuxna från att försörja sig själv den här månaden, enligt Socialstyrelsens indelning. Rapporteras till Socialstyrelsen varje månad."),
        Falt::val(
            "hinder_make",
            "Försörjningshinder, make eller sambo",
            "select",
            val(&Forsorjningshinder::ALLA, Forsorjningshinder::text),
        )
        .hjalp("Bara vid gemensam ansökan: båda vuxna räknas och rapporteras."),
        Falt::text("medsokande", "Medsökandes personnummer")
            .hjalp("Bara vid gemensam ansökan: make eller sambo är part i ansökan och rapporteras till Socialstyrelsen med personnummer eller samordningsnummer, ÅÅÅÅMMDD-NNNN."),
        Falt::text("barn", "Barnens åldrar")
            .hjalp("Hela år, åtskilda med kommatecken, till exempel 5, 8. Lämna tomt om inga barn bor i hushållet."),
        Falt::text("barn_forskola", "Barn som äter lunch i förskolan")
            .hjalp("Barnens ordningsnummer i listan ovan (1 för det första), för barn upp till 6 år som inte äter lunch hemma fem vardagar."),
        Falt::text("barn_vaxelvis", "Barn som bor här växelvis")
            .hjalp("Ordningsnummer för barn som bor hos varje förälder halva tiden. Deras personliga kostnader räknas till hälften."),
        Falt::text("medboende", "Andra som delar bostaden")
            .hjalp("Antal personer som bor i bostaden utan att vara make, sambo eller barn till sökande, till exempel en kompis. Hushållets gemensamma kostnader delas då med alla som bor där (12 kap. 2 § socialtjänstförordningen).")
            .varde("0"),
        Falt::text("annan_kommun", "Månader med försörjningsstöd från en annan kommun")
            .hjalp("ÅÅÅÅ-MM, åtskilda med kommatecken, till exempel 2026-01, 2026-02. De räknas för jobbstimulans som månaderna här."),
        Falt::text("norm_godkant", "Reducerad norm")
            .hjalp("Lämna tomt för hela riksnormen. Skriv ett lägre belopp bara om normen ska sättas ned, och skälet nedan."),
        Falt::textarea("norm_skal", "Skäl för reducerad norm"),
    ];
    for (slag, sokt, godkant, skal) in KOSTNADER {
        let namn = Post::Kostnad(slag).text();
        ut.push(
            Falt::text(sokt, &format!("{namn}: sökt belopp"))
                .hjalp("Hela kronor per månad. Lämna tomt om inget söks."),
        );
        ut.push(Falt::text(godkant, &format!("{namn}: godkänt belopp")));
        ut.push(Falt::textarea(skal, &format!("{namn}: skäl")).hjalp("Skälet när mindre än det sökta godkänns, och din bedömning när hyran är högre än kommunens riktvärde."));
    }
    for (i, (slag, beskrivning, sokt, godkant, skal)) in LIVSFORING.into_iter().enumerate() {
        let n = i + 1;
        ut.push(Falt::val(
            slag,
            &format!("Livsföring i övrigt {n}: vad"),
            "select",
            val(&LIVSFORINGSSLAG, |x| Post::Livsforing(x).text()),
        ));
        ut.push(Falt::text(
            beskrivning,
            &format!("Livsföring i övrigt {n}: beskrivning"),
        ));
        ut.push(Falt::text(
            sokt,
            &format!("Livsföring i övrigt {n}: sökt belopp"),
        ));
        ut.push(Falt::text(
            godkant,
            &format!("Livsföring i övrigt {n}: godkänt belopp"),
        ));
        ut.push(Falt::textarea(
            skal,
            &format!("Livsföring i övrigt {n}: skäl"),
        ));
    }
    inkomstfalt(&mut ut);
    for (i, (datum, belopp, forklaring, text, raknas, skal)) in INSATTNINGAR.into_iter().enumerate()
    {
        let n = i + 1;
        insattningsfalt(&mut ut, n, (datum, belopp, forklaring, text));
        ut.push(Falt::val(
            raknas,
            &format!("Insättning {n}: räknas den som inkomst?"),
            "select",
            [
                ("ja".to_string(), "Ja".to_string()),
                ("nej".to_string(), "Nej".to_string()),
            ],
        ));
        ut.push(Falt::textarea(skal, &format!("Insättning {n}: din bedömning och skälet")).hjalp("En insättning räknas aldrig som inkomst utan att den enskilde har fått säga vad den var och du har skrivit din bedömning."));
    }
    for (i, (medlem, slag, varde, bedomning, konsekvens)) in TILLGANGAR.into_iter().enumerate() {
        let n = i + 1;
        ut.push(Falt::text(medlem, &format!("Tillgång {n}: vems")));
        ut.push(Falt::val(
            slag,
            &format!("Tillgång {n}: slag"),
            "select",
            val(&TILLGANGSSLAG, Tillgangsslag::text),
        ));
        ut.push(Falt::text(varde, &format!("Tillgång {n}: värde i kronor")));
        ut.push(Falt::textarea(
            bedomning,
            &format!("Tillgång {n}: din bedömning"),
        ));
        ut.push(
            Falt::textarea(konsekvens, &format!("Tillgång {n}: vad bedömningen får för följd"))
                .hjalp("Till exempel: bilen behövs för arbetet och behöver inte säljas, eller: sparpengarna ska användas först och är med som inkomst."),
        );
    }
    if let Some(forra) = ctx
        .arende
        .and_then(|a| a.senaste_forsorjningsstod.as_deref())
    {
        fyll_fran_forra(&mut ut, &forra.underlag);
    }
    // What the person applied for comes first: their amounts, incomes and deposits
    // with their own labels; the handläggare approves and rules.
    if let Some((a, ansokan)) = ctx
        .arende
        .and_then(|a| Some((a, a.vantande_manadsansokan()?)))
    {
        fyll_fran_ansokan(&mut ut, ansokan);
        if let Some(x) = ut.iter_mut().find(|x| x.namn == "medsokande") {
            x.hjalp = gemensam_lage(a, ansokan.manad).unwrap_or_else(|| x.hjalp.clone());
        }
    }
    ut
}

/// Whether both adults stand behind the joint application for `manad`, for the handläggare;
/// with a warning when the other adult must not learn where the applicant is.
pub(crate) fn gemensam_lage(a: &Arende, manad: Manad) -> Option<String> {
    use lots_domain::forsorjningsstod::berakning::GemensamStatus as G;
    let status = a.gemensam_status(manad)?;
    let mut s = match status {
        G::Undertecknad => "Gemensam ansökan: båda vuxna har skrivit under.".to_owned(),
        G::Bekraftad(b) => format!(
            "Gemensam ansökan: den medsökande bekräftade den {}.",
            b.datum
        ),
        G::Invand(b) => format!(
            "Gemensam ansökan: den medsökande säger att ansökan är fel ({}): \"{}\"",
            b.datum,
            b.text.trim()
        ),
        G::Vantar => {
            "Gemensam ansökan: den medsökande har inte bekräftat den än. Båda är parter; fråga den medsökande innan beslutet.".to_owned()
        }
    };
    // A positive FREDA screening means violence in the relationship: the other adult sees the
    // joint application and its decision on Mina sidor, never the rest of the case.
    if !a.skyddsrutiner.is_empty() {
        s.push_str(" Obs! Våld i nära relation har konstaterats i ärendet. Den medsökande ser den gemensamma ansökan och beslutet på Mina sidor, men inte adress, kontaktuppgifter, journal eller andra ärenden. Skriv inget i ansökan eller beslutet som röjer var den sökande finns.");
    }
    Some(s)
}

fn fyll_fran_ansokan(falt: &mut [Falt], a: &Manadsansokan) {
    satt(falt, "manad", a.manad);
    if let Some(x) = falt.iter_mut().find(|x| x.namn == "manad") {
        x.hjalp = format!(
            "Ifyllt från den enskildes ansökan för {} ({}). Godkänn, sätt ned med skäl eller avslå varje rad.",
            a.manad.namn(),
            a.datum
        );
        // What was sent with the application, so the handläggare knows what lies in the
        // case without asking again (issue 15, item 7).
        if !a.bilagor.is_empty() {
            let vad: Vec<String> = a
                .bilagor
                .iter()
                .map(|b| format!("{} ({})", b.namn, b.handling.namn()))
                .collect();
            x.hjalp
                .push_str(&format!(" Skickat med ansökan: {}.", vad.join(", ")));
        }
    }
    for (slag, sokt, _, _) in KOSTNADER {
        if let Some((_, b)) = a.kostnader.iter().find(|(k, _)| *k == slag) {
            satt(falt, sokt, b);
        }
    }
    // A joint application is calculated for both adults.
    if let Some(m) = &a.medsokande {
        satt(falt, "medsokande", m.visning());
        satt(falt, "vuxna", "sambo");
    }
    for ((medlem, slag, belopp), i) in INKOMSTER.into_iter().zip(&a.inkomster) {
        satt(falt, medlem, &i.medlem);
        satt(falt, slag, kod(i.slag));
        satt(falt, belopp, i.belopp);
    }
    for ((datum, belopp, forklaring, text, _, _), i) in
        INSATTNINGAR.into_iter().zip(&a.insattningar)
    {
        satt(falt, datum, i.datum);
        satt(falt, belopp, i.belopp);
        if let Some(f) = i.forklaring {
            satt(falt, forklaring, kod(f));
        }
        satt(falt, text, &i.personens_text);
    }
}

/// Staff register an application that came on paper or by phone, the same way as
/// the person does on Mina sidor.
pub(super) fn falt_ansokan(ctx: &FaltKontext) -> Vec<Falt> {
    let mut ut = vec![
        datumfalt(ctx.idag),
        Falt::text("manad", "Månad ansökan gäller")
            .kravs()
            .hjalp("ÅÅÅÅ-MM, till exempel 2026-04.")
            .varde(Manad::for_dag(ctx.idag)),
        Falt::text("medsokande", "Medsökandes personnummer")
            .hjalp("Bara vid gemensam ansökan (makar eller sambor): båda är parter. Den medsökande bekräftar ansökan på Mina sidor, eller genom att skriva under pappersansökan."),
        Falt::kryss("bada_undertecknat", "Båda vuxna har skrivit under ansökan"),
    ];
    for (slag, sokt, _, _) in KOSTNADER {
        ut.push(Falt::text(
            sokt,
            &format!("{}: sökt belopp", Post::Kostnad(slag).text()),
        ));
    }
    inkomstfalt(&mut ut);
    for (i, (datum, belopp, forklaring, text, _, _)) in INSATTNINGAR.into_iter().enumerate() {
        insattningsfalt(&mut ut, i + 1, (datum, belopp, forklaring, text));
    }
    ut.push(Falt::textarea(
        "ovrigt",
        "Annat den enskilde söker eller vill säga",
    ));
    // Scanned documents that came with the paper application, each with what it is; a
    // kind already accepted for the person is marked so (issue 15, item 7).
    for (n, (fil, typ)) in BILAGOR.into_iter().enumerate() {
        ut.push(
            Falt::fil(fil, &format!("Bifogat dokument {}", n + 1))
                .hjalp("PDF, JPEG eller PNG, högst 10 MB sammanlagt."),
        );
        ut.push(Falt::val(
            typ,
            &format!("Bifogat dokument {}: vad det är", n + 1),
            "select",
            std::iter::once((String::new(), String::new())).chain(super::handlingstyp_val(ctx)),
        ));
    }
    ut
}

/// The file fields of a monthly application registered by staff, and their kinds
/// (`uppladdning::manadsbilagor` reads them).
const BILAGOR: [(&str, &str); crate::uppladdning::MANADSBILAGOR] = [
    ("bil1_fil", "bil1_typ"),
    ("bil2_fil", "bil2_typ"),
    ("bil3_fil", "bil3_typ"),
];

pub(super) fn tolka_ansokan(l: &mut Lasare, ctx: &FaltKontext) -> Option<Kommando> {
    let datum = l.datum("datum");
    let manad = match l.text("manad").parse::<Manad>() {
        Ok(m) => Some(m),
        Err(text) => {
            l.fel("manad", text);
            None
        }
    };
    let mut kostnader = vec![];
    for (slag, sokt, _, _) in KOSTNADER {
        if let Some(b) = belopp(l, sokt) {
            kostnader.push((slag, b));
        }
    }
    let inkomster = las_inkomster(l);
    let mut insattningar = vec![];
    for (d, b_falt, forklaring, text, _, _) in INSATTNINGAR {
        if let Some(i) = las_insattning(l, d, b_falt, forklaring, text) {
            insattningar.push(i);
        }
    }
    let medsokande = las_medsokande(l, ctx);
    let bada_undertecknat = l.kryss("bada_undertecknat");
    let (datum, manad) = (datum?, manad?);
    if !l.fel.is_empty() {
        return None;
    }
    Some(Kommando::AnsokManad(Box::new(Manadsansokan {
        manad,
        datum,
        kostnader,
        inkomster,
        insattningar,
        ovrigt: l.text("ovrigt"),
        // The files are read by the step's handler and added there (`steg::utfor`).
        bilagor: vec![],
        medsokande,
        bada_undertecknat,
    })))
}

/// The co-applicant's number, read like any personnummer; whether one belongs here (a joint
/// application) is the domain's rule.
fn las_medsokande(l: &mut Lasare, ctx: &FaltKontext) -> Option<lots_domain::identitet::Identitet> {
    let text = l.text("medsokande");
    if text.trim().is_empty() {
        return None;
    }
    match lots_domain::identitet::Identitet::tolka(&text, ctx.idag) {
        Ok(i) => Some(i),
        Err(e) => {
            l.fel("medsokande", &e.to_string());
            None
        }
    }
}

/// The medsökande's word on a joint application, registered by staff when it came by phone
/// or letter (on Mina sidor the medsökande gives it themselves).
pub(super) fn falt_bekrafta(a: &Arende, ctx: &FaltKontext) -> Vec<Falt> {
    let manad = a
        .manadsansokningar
        .iter()
        .rev()
        .find(|x| x.medsokande.is_some())
        .map(|x| x.manad.to_string())
        .unwrap_or_default();
    vec![
        datumfalt(ctx.idag),
        Falt::text("manad", "Månad ansökan gäller")
            .kravs()
            .hjalp("ÅÅÅÅ-MM, till exempel 2026-04.")
            .varde(manad),
        Falt::text("medsokande", "Medsökandes personnummer").kravs(),
        Falt::val(
            "stammer",
            "Den medsökandes besked",
            "radio",
            [
                ("ja".to_owned(), "Ansökan stämmer".to_owned()),
                ("nej".to_owned(), "Något i ansökan är fel".to_owned()),
            ],
        )
        .kravs(),
        Falt::textarea("text", "Vad som är fel, med den medsökandes ord"),
    ]
}

pub(super) fn tolka_bekrafta(l: &mut Lasare, ctx: &FaltKontext) -> Option<Kommando> {
    let datum = l.datum("datum");
    let manad = match l.text("manad").parse::<Manad>() {
        Ok(m) => Some(m),
        Err(_) => {
            l.fel("manad", "Skriv månaden som ÅÅÅÅ-MM, till exempel 2026-04.");
            None
        }
    };
    let medsokande = las_medsokande(l, ctx);
    if medsokande.is_none() && l.text("medsokande").trim().is_empty() {
        l.fel("medsokande", "Skriv den medsökandes personnummer.");
    }
    let stammer = match l.text("stammer").as_str() {
        "ja" => Some(true),
        "nej" => Some(false),
        _ => {
            l.fel("stammer", "Välj om ansökan stämmer.");
            None
        }
    };
    let (datum, manad, medsokande, stammer) = (datum?, manad?, medsokande?, stammer?);
    Some(Kommando::BekraftaGemensamAnsokan(
        lots_domain::forsorjningsstod::berakning::Bekraftelse {
            manad,
            datum,
            medsokande,
            stammer,
            text: l.text("text"),
        },
    ))
}

fn satt(falt: &mut [Falt], namn: &str, varde: impl ToString) {
    if let Some(x) = falt.iter_mut().find(|x| x.namn == namn) {
        *x = std::mem::replace(x, Falt::text("", "")).varde(varde);
    }
}

/// The next month starts from the last: the household, the costs as approved with
/// their reasons, and the incomes. What was accepted is not asked for again; the
/// handläggare changes only what changed. One-off items and deposits are the month's own.
fn fyll_fran_forra(falt: &mut [Falt], u: &Underlag) {
    let nasta = u.manad.nasta();
    satt(falt, "manad", nasta);
    if let Some(x) = falt.iter_mut().find(|x| x.namn == "manad") {
        x.hjalp = format!(
            "Ifyllt från beräkningen för {}: ändra bara det som har ändrats sedan dess. Månaden skrivs ÅÅÅÅ-MM.",
            u.manad.namn()
        );
    }
    let h = &u.hushall;
    // A hinder often stays from month to month; the handläggare confirms or changes it.
    for (namn, hinder) in HINDER.into_iter().zip(&u.forsorjningshinder) {
        satt(falt, namn, hinder.kod());
    }
    if let Some(m) = &u.medsokande {
        satt(falt, "medsokande", m.visning());
    }
    satt(
        falt,
        "vuxna",
        match h.vuxna {
            Vuxna::Ensam => "ensam",
            Vuxna::Sambo => "sambo",
        },
    );
    let lista = |villkor: fn(&NormBarn) -> bool| {
        h.barn
            .iter()
            .enumerate()
            .filter(|(_, b)| villkor(b))
            .map(|(i, _)| (i + 1).to_string())
            .collect::<Vec<_>>()
            .join(", ")
    };
    satt(
        falt,
        "barn",
        h.barn
            .iter()
            .map(|b| b.alder.to_string())
            .collect::<Vec<_>>()
            .join(", "),
    );
    satt(falt, "barn_forskola", lista(|b| b.utan_lunch));
    satt(falt, "barn_vaxelvis", lista(|b| b.andel_procent < 100));
    satt(falt, "medboende", h.medboende);
    satt(
        falt,
        "annan_kommun",
        u.annan_kommun
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", "),
    );
    for (slag, sokt, godkant, skal) in KOSTNADER {
        if let Some(r) = u.rader.iter().find(|r| r.post == Post::Kostnad(slag)) {
            satt(falt, sokt, r.ansokt);
            satt(falt, godkant, r.godkant);
            satt(falt, skal, &r.skal);
        }
    }
    for ((medlem, slag, belopp), i) in INKOMSTER.into_iter().zip(&u.inkomster) {
        satt(falt, medlem, &i.medlem);
        satt(falt, slag, kod(i.slag));
        satt(falt, belopp, i.belopp);
    }
}

/// A whole number of kronor; empty is `None`.
fn belopp(l: &mut Lasare, namn: &'static str) -> Option<Kronor> {
    let t: String = l
        .text(namn)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let t = t.trim_end_matches("kr");
    if t.is_empty() {
        return None;
    }
    match t.parse::<Kronor>() {
        Ok(b) if (0..=10_000_000).contains(&b) => Some(b),
        _ => {
            l.fel(namn, "Skriv beloppet i hela kronor, till exempel 4500.");
            None
        }
    }
}

/// A line's amount applied for and approved: both, or neither (the line is not in
/// this month); one without the other is an error beside the missing one.
fn sokt_och_godkant(
    l: &mut Lasare,
    sokt: &'static str,
    godkant: &'static str,
) -> Option<(Kronor, Kronor)> {
    match (belopp(l, sokt), belopp(l, godkant)) {
        (Some(s), Some(g)) => Some((s, g)),
        (None, None) => None,
        (Some(_), None) => {
            l.fel(godkant, "Skriv det godkända beloppet, 0 om inget godkänns.");
            None
        }
        (None, Some(_)) => {
            l.fel(sokt, "Skriv det sökta beloppet.");
            None
        }
    }
}

/// The fields of the incomes: whose, kind, amount.
fn inkomstfalt(ut: &mut Vec<Falt>) {
    for (i, (medlem, slag, belopp)) in INKOMSTER.into_iter().enumerate() {
        let n = i + 1;
        ut.push(
            Falt::text(medlem, &format!("Inkomst {n}: vems"))
                .hjalp("Till exempel Sökande, Medsökande eller barnets förnamn."),
        );
        ut.push(Falt::val(
            slag,
            &format!("Inkomst {n}: slag"),
            "select",
            val(&Inkomstslag::ALLA, Inkomstslag::text),
        ));
        ut.push(Falt::text(
            belopp,
            &format!("Inkomst {n}: belopp för månaden"),
        ));
    }
}

/// The fields of deposit `n` as the person describes it: date, amount, what it was,
/// their own words.
fn insattningsfalt(
    ut: &mut Vec<Falt>,
    n: usize,
    (datum, belopp, forklaring, text): (&'static str, &'static str, &'static str, &'static str),
) {
    ut.push(Falt::datum(
        datum,
        &format!("Insättning {n} på kontoutdraget: datum"),
    ));
    ut.push(Falt::text(belopp, &format!("Insättning {n}: belopp")));
    ut.push(Falt::val(
        forklaring,
        &format!("Insättning {n}: vad den enskilde säger att den var"),
        "select",
        val(&Forklaring::ALLA, Forklaring::text),
    ));
    ut.push(Falt::textarea(
        text,
        &format!("Insättning {n}: den enskildes egna ord"),
    ));
}

/// A deposit as the person describes it, without a ruling; `None` when the row is
/// empty (both date and amount, or neither: one without the other is an error).
fn las_insattning(
    l: &mut Lasare,
    d: &'static str,
    b_falt: &'static str,
    forklaring: &'static str,
    text: &'static str,
) -> Option<Insattning> {
    let dag = l.valfritt_datum(d);
    let b = belopp(l, b_falt);
    let (Some(dag), Some(b)) = (dag, b) else {
        if l.text(d).is_empty() != l.text(b_falt).is_empty() {
            l.fel(d, "Skriv både datum och belopp för insättningen.");
        }
        return None;
    };
    Some(Insattning {
        medlem: "Sökande".into(),
        datum: dag,
        belopp: b,
        forklaring: fran_kod(&l.text(forklaring)),
        personens_text: l.text(text),
        beslut: None,
    })
}

/// The incomes of the form: whose (the applicant when not said), kind, amount.
fn las_inkomster(l: &mut Lasare) -> Vec<Inkomst> {
    let mut inkomster = vec![];
    for (medlem, slag, b) in INKOMSTER {
        let Some(b) = belopp(l, b) else { continue };
        let Some(s) = fran_kod::<Inkomstslag>(&l.text(slag)) else {
            l.fel(slag, "Välj vilket slags inkomst det är.");
            continue;
        };
        let vem = Some(l.text(medlem))
            .filter(|v| !v.trim().is_empty())
            .unwrap_or_else(|| "Sökande".into());
        inkomster.push(Inkomst {
            medlem: vem,
            slag: s,
            belopp: b,
        });
    }
    inkomster
}

/// Ordinal numbers (1-based) into the list of children.
fn ordningsnummer(l: &mut Lasare, namn: &'static str, antal: usize) -> Vec<usize> {
    let t = l.text(namn);
    let mut ut = vec![];
    for d in t.split(',').map(str::trim).filter(|d| !d.is_empty()) {
        match d.parse::<usize>() {
            Ok(n) if (1..=antal).contains(&n) => ut.push(n - 1),
            _ => {
                l.fel(
                    namn,
                    &format!(
                        "Skriv barnens ordningsnummer, 1 till {antal}, åtskilda med kommatecken."
                    ),
                );
                return vec![];
            }
        }
    }
    ut
}

pub(super) fn tolka(l: &mut Lasare, ctx: &FaltKontext) -> Option<Kommando> {
    let datum = l.datum("datum");
    let manad = match l.text("manad").parse::<Manad>() {
        Ok(m) => Some(m),
        Err(text) => {
            l.fel("manad", text);
            None
        }
    };
    let vuxna = match l.text("vuxna").as_str() {
        "ensam" => Some(Vuxna::Ensam),
        "sambo" => Some(Vuxna::Sambo),
        _ => {
            l.fel("vuxna", "Välj om ansökan gäller en vuxen eller två.");
            None
        }
    };
    // The co-applicant's number, read like any personnummer; whether one belongs here (a joint
    // application) is the domain's rule.
    let medsokande = las_medsokande(l, ctx);
    let mut barn = vec![];
    for d in l
        .text("barn")
        .split(',')
        .map(str::trim)
        .filter(|d| !d.is_empty())
    {
        match d.parse::<u8>() {
            Ok(a) if a <= 20 => barn.push(NormBarn::heltid(a)),
            _ => {
                l.fel(
                    "barn",
                    "Skriv barnens åldrar i hela år, 0 till 20, åtskilda med kommatecken.",
                );
                barn.clear();
                break;
            }
        }
    }
    for i in ordningsnummer(l, "barn_forskola", barn.len()) {
        barn[i].utan_lunch = true;
    }
    for i in ordningsnummer(l, "barn_vaxelvis", barn.len()) {
        barn[i].andel_procent = 50;
    }
    let medboende = match l.text("medboende").trim() {
        "" => 0,
        t => match t.parse::<u8>() {
            Ok(n) if n <= 20 => n,
            _ => {
                l.fel(
                    "medboende",
                    "Skriv antalet som ett heltal, 0 om ingen annan bor där.",
                );
                0
            }
        },
    };
    let reducerad_norm = belopp(l, "norm_godkant").map(|b| (b, l.text("norm_skal")));
    let mut annan_kommun = vec![];
    for d in l
        .text("annan_kommun")
        .split(',')
        .map(str::trim)
        .filter(|d| !d.is_empty())
    {
        match d.parse::<Manad>() {
            Ok(m) => annan_kommun.push(m),
            Err(text) => {
                l.fel("annan_kommun", text);
                break;
            }
        }
    }

    // Each line, and the field its errors belong beside.
    let mut rader: Vec<(Rad, &'static str, &'static str)> = vec![];
    for (slag, sokt, godkant, skal) in KOSTNADER {
        if let Some((s, g)) = sokt_och_godkant(l, sokt, godkant) {
            let rad = Rad {
                post: Post::Kostnad(slag),
                beskrivning: String::new(),
                ansokt: s,
                godkant: g,
                skal: l.text(skal),
            };
            rader.push((rad, godkant, skal));
        }
    }
    for (slag, beskrivning, sokt, godkant, skal) in LIVSFORING {
        if let Some((s, g)) = sokt_och_godkant(l, sokt, godkant) {
            let Some(vad) = fran_kod::<Livsforingsslag>(&l.text(slag)) else {
                l.fel(slag, "Välj vad ansökan gäller.");
                continue;
            };
            let rad = Rad {
                post: Post::Livsforing(vad),
                beskrivning: l.text(beskrivning),
                ansokt: s,
                godkant: g,
                skal: l.text(skal),
            };
            rader.push((rad, godkant, skal));
        }
    }
    let inkomster = las_inkomster(l);
    let mut insattningar: Vec<(Insattning, &'static str)> = vec![];
    for (d, b_falt, forklaring, text, raknas, skal) in INSATTNINGAR {
        let Some(mut i) = las_insattning(l, d, b_falt, forklaring, text) else {
            continue;
        };
        let skaltext = l.text(skal);
        i.beslut = match l.text(raknas).as_str() {
            "ja" | "nej" if !skaltext.trim().is_empty() => Some(InsattningsBeslut {
                raknas_som_inkomst: l.text(raknas) == "ja",
                skal: skaltext,
            }),
            _ => None,
        };
        insattningar.push((i, skal));
    }

    let mut tillgangar: Vec<(Tillgang, &'static str)> = vec![];
    for (medlem, slag, varde, bedomning, konsekvens) in TILLGANGAR {
        let Some(v) = belopp(l, varde) else { continue };
        let Some(s) = fran_kod::<Tillgangsslag>(&l.text(slag)) else {
            l.fel(slag, "Välj vilket slags tillgång det är.");
            continue;
        };
        let vem = Some(l.text(medlem))
            .filter(|v| !v.trim().is_empty())
            .unwrap_or_else(|| "Sökande".into());
        tillgangar.push((
            Tillgang {
                medlem: vem,
                slag: s,
                varde: v,
                bedomning: l.text(bedomning),
                konsekvens: l.text(konsekvens),
            },
            bedomning,
        ));
    }
    let mut forsorjningshinder = vec![];
    let antal_vuxna = vuxna.map_or(1, |v| v.antal() as usize);
    for (namn, text) in HINDER
        .into_iter()
        .zip([
            "Välj sökandens försörjningshinder.",
            "Välj försörjningshinder för make eller sambo: båda vuxna i en gemensam ansökan rapporteras.",
        ])
        .take(antal_vuxna)
    {
        match Forsorjningshinder::fran_kod(&l.text(namn)) {
            Some(h) => forsorjningshinder.push(h),
            None => l.fel(namn, text),
        }
    }
    if antal_vuxna < 2 && !l.text(HINDER[1]).is_empty() {
        l.fel(
            HINDER[1],
            "Ansökan gäller en vuxen. Välj två vuxna om make eller sambo söker tillsammans med sökande.",
        );
    }
    let (datum, manad, vuxna) = (datum?, manad?, vuxna?);
    if !l.fel.is_empty() {
        return None;
    }
    let hushall = NormHushall {
        vuxna,
        barn,
        medboende,
    };
    let hyrestak = ctx
        .hyresriktvarden
        .map(|r| berakning::hyrestak_for(&r, &hushall));
    let underlag = Underlag {
        manad,
        hushall,
        reducerad_norm,
        rader: rader.iter().map(|r| r.0.clone()).collect(),
        inkomster,
        insattningar: insattningar.iter().map(|i| i.0.clone()).collect(),
        tillgangar: tillgangar.iter().map(|t| t.0.clone()).collect(),
        annan_kommun,
        hyrestak,
        forsorjningshinder,
        medsokande,
    };
    let Some(tabell) = ctx.riksnorm.iter().find(|t| t.ar == manad.ar()) else {
        l.fel(
            "manad",
            &Berakningsfel::NormSaknas { ar: manad.ar() }.to_string(),
        );
        return None;
    };
    // The domain's calculation, run here so that its errors stand beside their lines.
    if let Err(e) = berakning::berakna(std::slice::from_ref(tabell), &underlag, &Default::default())
    {
        let falt = match &e {
            Berakningsfel::NormSaknas { .. } => "manad",
            Berakningsfel::Hushall(HushallsFel::UtanLunch { .. }) => "barn_forskola",
            Berakningsfel::Hushall(_) => "barn",
            Berakningsfel::ReduceradNorm { .. } => "norm_godkant",
            Berakningsfel::Negativt { rad } | Berakningsfel::MerAnSokt { rad } => {
                rader.get(*rad).map_or("manad", |r| r.1)
            }
            Berakningsfel::SkalSaknas { rad } | Berakningsfel::HyraOverTak { rad, .. } => {
                rader.get(*rad).map_or("manad", |r| r.2)
            }
            Berakningsfel::NegativInkomst { .. } => "ink1_belopp",
            Berakningsfel::ObedomdTillgang { rad } => {
                tillgangar.get(*rad).map_or("till1_bedomning", |t| t.1)
            }
            Berakningsfel::ObedomdInsattning { .. } => insattningar
                .iter()
                .find(|i| i.0.beslut.is_none())
                .map_or("ins1_skal", |i| i.1),
        };
        l.fel(falt, &e.to_string());
        return None;
    }
    Some(Kommando::BeraknaForsorjningsstod {
        datum,
        underlag: Box::new(underlag),
        tabell: Box::new(tabell.clone()),
        andra_manader: ctx.andra_manader.to_vec(),
        andra_val: ctx.andra_val.to_vec(),
    })
}

/// The form's own name for an attachment field, for an error beside it.
pub(super) fn bilagefalt(namn: &str) -> Option<&'static str> {
    BILAGOR
        .into_iter()
        .flat_map(|(fil, typ)| [fil, typ])
        .find(|x| *x == namn)
}
