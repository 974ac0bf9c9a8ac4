//! How events read to staff, in Swedish. Events hold facts; the words live here.

use lots_domain::arende::*;
use lots_domain::frister;
use lots_domain::ids::{AnvandarId, EnhetId};
use lots_store::{Anvandare, Enhet};

pub struct Namn<'a> {
    pub anvandare: &'a [Anvandare],
    pub enheter: &'a [Enhet],
}

impl Namn<'_> {
    pub fn person(&self, id: AnvandarId) -> String {
        self.anvandare
            .iter()
            .find(|a| a.id == id)
            .map(|a| a.namn.clone())
            .unwrap_or_else(|| "okänd".into())
    }
    pub fn enhet(&self, id: EnhetId) -> String {
        self.enheter
            .iter()
            .find(|e| e.id == id)
            .map(|e| e.namn.clone())
            .unwrap_or_else(|| "okänd enhet".into())
    }
}

fn insats_for(a: &Arende, beslut: lots_domain::ids::BeslutId) -> String {
    a.beslut_lage(beslut)
        .map(|b| b.beslut.insats.namn().to_string())
        .unwrap_or_else(|| "beslutet".into())
}

/// Who wrote, as staff read it.
pub fn avsandare(fran: &Avsandare) -> String {
    match fran {
        Avsandare::Handlaggare => "handläggaren".into(),
        Avsandare::Enskild { ombud: None } => "den enskilde".into(),
        Avsandare::Enskild { ombud: Some(namn) } => format!("ombudet {namn}"),
    }
}

/// The documents' names in a sentence.
pub fn handlingsnamn(h: &[Handlingstyp]) -> String {
    h.iter().map(|t| t.namn()).collect::<Vec<_>>().join(", ")
}

/// An amount as the letters write it: "16 010 kr", with a no-break space between
/// the groups so a screen reader and a line break keep the number whole.
pub fn kr(belopp: i64) -> String {
    let siffror = belopp.unsigned_abs().to_string();
    let mut ut = String::new();
    for (i, c) in siffror.chars().enumerate() {
        if i > 0 && (siffror.len() - i).is_multiple_of(3) {
            ut.push('\u{a0}');
        }
        ut.push(c);
    }
    let tecken = if belopp < 0 { "−" } else { "" };
    format!("{tecken}{ut}\u{a0}kr")
}

/// A month's calculation line by line, as staff read it: the norm's parts, each line
/// applied for with its result and reason, each income and what of it counts, and the
/// sum (SoL 12 kap. 1 § and 7–8 §§).
pub fn berakningsrader(
    b: &lots_domain::forsorjningsstod::berakning::Manadsberakning,
) -> Vec<String> {
    use lots_domain::forsorjningsstod::berakning::{Inkomstkalla, Utfall};
    let mut d = vec![];
    for r in &b.norm.rader {
        d.push(format!("  {}: {}", normtext(r.post), kr(r.belopp)));
    }
    for r in &b.rader {
        let mut rad = format!(
            "{}: sökt {}, godkänt {}",
            radtext(r, b.manad),
            kr(r.ansokt),
            kr(r.godkant)
        );
        if r.utfall != Utfall::Bifall {
            rad.push_str(&format!(" ({})", r.utfall.text().to_lowercase()));
        }
        if !r.skal.is_empty() {
            rad.push_str(&format!(". Skäl: {}", r.skal));
        }
        d.push(rad);
    }
    for i in &b.inkomster {
        let kalla = match i.kalla {
            Inkomstkalla::Inkomst { inkomst } => inkomst.text().to_string(),
            Inkomstkalla::Insattning { datum, forklaring } => format!(
                "Insättning {datum} ({})",
                forklaring.map_or("Ingen förklaring lämnad", |f| f.text())
            ),
        };
        let mut rad = format!("Inkomst, {kalla} ({}): {}", i.medlem, kr(i.belopp));
        if i.raknas != i.belopp {
            rad.push_str(&format!(", räknas {}", kr(i.raknas)));
        }
        if i.jobbstimulans {
            rad.push_str(". 25 % räknas inte (jobbstimulans, 12 kap. 8 § socialtjänstlagen)");
        }
        if !i.skal.is_empty() {
            rad.push_str(&format!(". {}", i.skal));
        }
        d.push(rad);
    }
    d.push(format!(
        "Godkänt behov {} − inkomster {} = {}",
        kr(b.behov),
        kr(b.inkomst),
        kr(b.resultat)
    ));
    if b.resultat < 0 {
        d.push("Inkomsterna är högre än behovet: inget försörjningsstöd för månaden.".into());
    }
    if b.jobbstimulans.galler() {
        d.push(format!(
            "Jobbstimulans gäller (12 kap. 8 § socialtjänstlagen): {} månader kvar efter denna.",
            b.jobbstimulans.kvar_efter()
        ));
    }
    d
}

/// A line of the norm in words.
fn normtext(p: lots_domain::forsorjningsstod::riksnorm::Normpost) -> String {
    use lots_domain::forsorjningsstod::riksnorm::Normpost;
    match p {
        Normpost::Vuxen => "Personliga kostnader, vuxen".into(),
        Normpost::Sambo => "Personliga kostnader, två vuxna som lever tillsammans".into(),
        Normpost::Barn {
            alder,
            utan_lunch,
            andel_procent,
        } => {
            let mut t = format!("Personliga kostnader, barn {alder} år");
            if utan_lunch {
                t.push_str(", äter lunch i förskolan");
            }
            if andel_procent < 100 {
                t.push_str(&format!(", bor här {andel_procent} % av tiden"));
            }
            t
        }
        Normpost::Gemensamma { egna, alla, .. } if egna == alla => {
            format!("Hushållsgemensamma kostnader, {alla} personer")
        }
        Normpost::Gemensamma { egna, alla, hela } => format!(
            "Hushållsgemensamma kostnader, {egna} av {alla} personer i ett delat boende ({hela} kr delat med {alla})"
        ),
    }
}

/// A decided line's name: the riksnorm of the month, or what was applied for and the
/// words it was described with.
pub fn radtext(
    r: &lots_domain::forsorjningsstod::berakning::Beslutsrad,
    manad: lots_domain::forsorjningsstod::Manad,
) -> String {
    use lots_domain::forsorjningsstod::berakning::Post;
    match (r.post, r.beskrivning.is_empty()) {
        (Post::Riksnorm, _) => format!("Riksnormen för {}", manad.namn()),
        (p, true) => p.text().to_string(),
        (p, false) => format!("{}: {}", p.text(), r.beskrivning),
    }
}

/// A monthly application as the person made it, line by line.
pub fn ansokningsrader(a: &lots_domain::forsorjningsstod::berakning::Manadsansokan) -> Vec<String> {
    use lots_domain::forsorjningsstod::berakning::Post;
    let mut d: Vec<String> = a
        .kostnader
        .iter()
        .map(|(k, b)| format!("{}: {}", Post::Kostnad(*k).text(), kr(*b)))
        .collect();
    d.extend(a.inkomster.iter().map(|i| {
        format!(
            "Inkomst, {} ({}): {}",
            i.slag.text(),
            i.medlem,
            kr(i.belopp)
        )
    }));
    d.extend(a.insattningar.iter().map(|i| {
        let vad = i.forklaring.map_or("ingen förklaring", |f| f.text());
        let mut t = format!("Insättning {}: {} ({vad})", i.datum, kr(i.belopp));
        if !i.personens_text.trim().is_empty() {
            t.push_str(&format!(". \"{}\"", i.personens_text.trim()));
        }
        t
    }));
    if !a.ovrigt.trim().is_empty() {
        d.push(format!("Övrigt: {}", a.ovrigt.trim()));
    }
    if let Some(m) = &a.medsokande {
        d.push(if a.bada_undertecknat {
            format!(
                "Gemensam ansökan med {}: båda har skrivit under.",
                m.visning()
            )
        } else {
            format!(
                "Gemensam ansökan med {}: den medsökande bekräftar den på Mina sidor.",
                m.visning()
            )
        });
    }
    d.extend(
        a.bilagor
            .iter()
            .map(|b| format!("Bilaga: {} ({})", b.namn, b.handling.namn())),
    );
    d
}

/// "Hushållet ändrades från <månad>: …" when the month's household differs from the
/// month calculated before it in the case (issue 15, item 1).
pub fn hushallsrad(
    manad: lots_domain::forsorjningsstod::Manad,
    andringar: &[lots_domain::forsorjningsstod::hushall::Hushallsandring],
) -> Option<String> {
    if andringar.is_empty() {
        return None;
    }
    let vad: Vec<String> = andringar.iter().map(|h| h.text()).collect();
    Some(format!(
        "Hushållet ändrades från {}: {}.",
        manad.namn(),
        vad.join("; ")
    ))
}

/// Each adult's försörjningshinder for the month, the applicant first.
pub fn hinderrader(
    hinder: &[lots_domain::forsorjningsstod::hinder::Forsorjningshinder],
) -> Vec<String> {
    const VEM: [&str; 2] = ["Sökande", "Make eller sambo"];
    hinder
        .iter()
        .zip(VEM)
        .map(|(h, vem)| format!("Försörjningshinder, {}: {}.", vem.to_lowercase(), h.text()))
        .collect()
}

/// The household's assets as recorded with the month: value, assessment, consequence.
pub fn tillgangsrader(u: &lots_domain::forsorjningsstod::berakning::Underlag) -> Vec<String> {
    u.tillgangar
        .iter()
        .map(|t| {
            format!(
                "Tillgång, {} ({}): {}. Bedömning: {} Följd: {}",
                t.slag.text(),
                t.medlem,
                kr(t.varde),
                t.bedomning.trim(),
                t.konsekvens.trim()
            )
        })
        .collect()
}

/// A heading and detail lines for one event.
/// The utredning's förslag till beslut as one line: the outcome proposed and the words.
pub fn forslag_till_beslut(f: &lots_domain::arende::ForslagTillBeslut) -> String {
    match (f.utfall, f.text.as_str()) {
        (Some(u), "") => format!("Förslag till beslut: {}.", u.namn()),
        (Some(u), text) => format!("Förslag till beslut ({}): {text}", u.namn().to_lowercase()),
        (None, text) => format!("Förslag till beslut: {text}"),
    }
}

pub fn beskriv(h: &Handelse, a: &Arende, n: &Namn) -> (String, Vec<String>) {
    use Handelse as H;
    let mut d: Vec<String> = vec![];
    let rubrik = match h {
        H::AnsokanRegistrerad {
            kanal,
            inkom,
            insatser,
            beskrivning,
            ombud,
            enhet,
            ..
        } => {
            d.push(format!(
                "Inkom {inkom} ({}) till {}.",
                kanal.namn().to_lowercase(),
                n.enhet(*enhet)
            ));
            d.push(format!(
                "Ansöker om: {}.",
                insatser
                    .iter()
                    .map(|i| i.namn())
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
            if !beskrivning.is_empty() {
                d.push(beskrivning.clone());
            }
            if let Some(o) = ombud {
                d.push(format!(
                    "Genom ombud: {} ({}). Fullmakt {}{}: {}",
                    o.namn,
                    o.kontakt,
                    o.fullmakt_datum,
                    if o.muntlig { ", muntlig" } else { "" },
                    o.fullmakt_omfattning
                ));
            }
            "Ansökan registrerad".into()
        }
        H::AnmalanRegistrerad {
            kanal,
            inkom,
            anmalare,
            beskrivning,
            ..
        } => {
            d.push(format!("Inkom {inkom} ({}).", kanal.namn().to_lowercase()));
            d.push(match anmalare {
                Anmalare::Anonym => "Anmälaren är anonym.".into(),
                Anmalare::Namngiven {
                    namn,
                    relation,
                    kontakt,
                } => format!("Anmälare: {namn}, {relation}, {kontakt}."),
            });
            d.push(beskrivning.clone());
            "Anmälan registrerad".into()
        }
        H::InformationRegistrerad {
            kanal,
            inkom,
            kalla,
            beskrivning,
            ..
        } => {
            d.push(format!(
                "Inkom {inkom} ({}) från {kalla}.",
                kanal.namn().to_lowercase()
            ));
            d.push(beskrivning.clone());
            "Information registrerad".into()
        }
        H::InsatsAnsokt {
            insats,
            datum,
            kanal,
        } => {
            d.push(format!(
                "{} ({}), {datum}.",
                insats.namn(),
                kanal.namn().to_lowercase()
            ));
            "Ansökan om ytterligare insats".into()
        }
        H::Forhandsbedomd {
            datum,
            utfall,
            skal,
        } => {
            d.push(format!(
                "{datum}: {}.",
                if *utfall == ForhandsbedomningsUtfall::InledUtredning {
                    "utredning inleds"
                } else {
                    "utredning inleds inte"
                }
            ));
            d.push(skal.clone());
            "Förhandsbedömning".into()
        }
        H::UtredningInledd {
            datum,
            beslut_vantas,
        } => {
            if let Some(v) = beslut_vantas {
                d.push(format!("Den enskilde kan vänta sig beslut senast {v}."));
            }
            format!("Utredning inledd {datum}")
        }
        H::SynpunkterRegistrerade {
            datum,
            synpunkter,
            mal,
        } => {
            if !synpunkter.is_empty() {
                d.push(format!("Egen syn: {synpunkter}"));
            }
            if !mal.is_empty() {
                d.push(format!("Egna mål: {mal}"));
            }
            format!("Den enskildes synpunkter och mål ({datum})")
        }
        H::DokumentBifogat { namn, storlek, .. } => {
            format!("Dokument bifogat: {namn} ({} kB)", storlek.div_ceil(1024))
        }
        H::UtredningAvslutad { datum } => format!("Utredning avslutad {datum}"),
        H::Kommunicerad {
            datum,
            material,
            satt,
            svar_senast,
            bifogat,
            tillgangligt,
            ..
        } => {
            d.push(format!(
                "{datum}, {}. Svar senast {svar_senast}.",
                satt.namn().to_lowercase()
            ));
            d.push(material.clone());
            if !bifogat.is_empty() {
                d.push(format!("Bifogade dokument: {}", bifogat.len()));
            }
            if !tillgangligt.is_empty() {
                d.push(format!("Tillgängligt: {tillgangligt}"));
            }
            "Underlag kommunicerat".into()
        }
        H::KommuniceringBesvarad { datum, svar, .. } => {
            d.push(svar.clone());
            format!("Svar på kommunicering ({datum})")
        }
        H::BeslutFattat(b) => {
            d.push(format!(
                "{}, {}. Beslutsdatum {}.",
                b.insats.namn(),
                b.lagrum.text(),
                b.datum
            ));
            d.push(format!(
                "Beslutat av {} enligt delegationsordning version {}, punkt {}.",
                n.person(b.beslutsfattare),
                b.delegation.version,
                b.delegation.punkt
            ));
            if b.ersatter.is_some() {
                d.push("Ersätter tidigare beslut efter omprövning.".into());
            }
            d.push(format!("Motivering: {}", b.motivering));
            format!("Beslut: {}", b.utfall.namn())
        }
        H::BeslutSkickat {
            beslut,
            datum,
            satt,
            forenklad_delgivning,
        } => {
            d.push(format!(
                "{}: skickat {datum} ({}).",
                insats_for(a, *beslut),
                satt.namn().to_lowercase()
            ));
            if *forenklad_delgivning {
                let f = frister::forenklad_delgivning(*datum);
                d.push(format!(
                    "Förenklad delgivning: kontrollmeddelandet ska skickas senast {}. När det är registrerat är den enskilde delgiven {}.",
                    f.kontrollmeddelande, f.delgiven,
                ));
            }
            "Beslutet skickat".into()
        }
        H::BeslutDelgivet {
            beslut,
            datum,
            satt,
        } => {
            d.push(format!(
                "{}: delgiven {datum} ({satt}). Sista dag att överklaga {}.",
                insats_for(a, *beslut),
                frister::sista_dag_overklagande(*datum)
            ));
            "Beslutet delgivet".into()
        }
        H::OverklagandeInkommit {
            beslut,
            inkom,
            text,
        } => {
            d.push(format!("{}: inkom {inkom}.", insats_for(a, *beslut)));
            d.push(text.clone());
            "Överklagande inkom".into()
        }
        H::RattidsprovningGjord {
            i_tid,
            sista_dag,
            undantag,
            ..
        } => {
            if let Some(s) = sista_dag {
                d.push(format!("Sista dag var {s}."));
            } else {
                d.push(
                    "Beslutet var inte delgivet, så tiden för att överklaga hade inte börjat."
                        .into(),
                );
            }
            if let Some(u) = undantag {
                d.push(match u {
                    frister::Fl45Undantag::FelaktigOverklagandehanvisning => {
                        "Prövas ändå: nämnden gav fel besked om hur man överklagar (FL 45 §)."
                            .into()
                    }
                    frister::Fl45Undantag::InkomTillDomstolenITid => {
                        "Prövas ändå: överklagandet kom in till förvaltningsrätten i tid (FL 45 §)."
                            .into()
                    }
                });
            }
            format!(
                "Rättidsprövning: {}",
                if *i_tid { "i tid" } else { "för sent" }
            )
        }
        H::OverklagandeAvvisat { datum, .. } => {
            format!("Överklagandet avvisat som för sent ({datum})")
        }
        H::Omprovat {
            datum,
            andrat,
            motivering,
            eget_initiativ,
            grund,
            till_nackdel,
            ..
        } => {
            if *eget_initiativ {
                d.push("På nämndens eget initiativ (FL 37 §).".into());
            }
            if *till_nackdel {
                d.push(format!(
                    "Ändringen är till nackdel för den enskilde. Grund: {}.",
                    grund.map_or("ingen angiven", Fl37Grund::namn)
                ));
            }
            d.push(motivering.clone());
            format!(
                "Omprövning {datum}: {}",
                if *andrat {
                    "beslutet ändras"
                } else {
                    "beslutet står fast"
                }
            )
        }
        H::OverklagandeForfallit { datum, .. } => {
            format!("Överklagandet förföll när beslutet ändrades ({datum})")
        }
        H::OverlamnatTillForvaltningsratten { datum, .. } => {
            format!("Överlämnat till förvaltningsrätten {datum}")
        }
        H::DomMeddelad {
            datum,
            utfall,
            malnummer,
            ..
        } => {
            d.push(format!("Mål {malnummer}, {datum}."));
            format!("Förvaltningsrätten: {}", utfall.namn().to_lowercase())
        }
        H::Bestalld {
            beslut,
            utforare,
            datum,
            uppdrag,
            villkor,
        } => {
            d.push(format!(
                "{} beställd från {} {datum}.",
                insats_for(a, *beslut),
                n.enhet(*utforare)
            ));
            if let Some(v) = villkor {
                d.push(format!("{}.", v.val.namn()));
                if let Some(b) = v.beviljat_per_manad {
                    d.push(format!(
                        "Beviljat {} {} per månad.",
                        lots_domain::utforare::antal_text(b),
                        v.prisenhet.namn()
                    ));
                }
            }
            d.push(uppdrag.clone());
            "Insats beställd".into()
        }
        H::VerkstallighetPaborjad { beslut, datum } => {
            format!("{} började {datum}", insats_for(a, *beslut))
        }
        H::VerkstallighetAvbruten {
            beslut,
            datum,
            orsak,
        } => {
            d.push(orsak.clone());
            format!("{} avbröts {datum}", insats_for(a, *beslut))
        }
        H::VerkstallighetAterupptagen { beslut, datum } => {
            format!("{} återupptogs {datum}", insats_for(a, *beslut))
        }
        H::VerkstallighetAvslutad {
            beslut,
            datum,
            orsak,
        } => {
            d.push(orsak.clone());
            format!("{} avslutades {datum}", insats_for(a, *beslut))
        }
        H::VerkstallsEj {
            beslut,
            datum,
            skal,
        } => {
            d.push(skal.clone());
            format!(
                "{}: skäl till att verkställigheten dröjer ({datum})",
                insats_for(a, *beslut)
            )
        }
        H::VerkstallighetUpphort(UpphorandeUppgifter {
            beslut,
            datum,
            orsak,
            kommentar,
        }) => {
            d.push(format!("{}.", orsak.namn()));
            if !kommentar.is_empty() {
                d.push(kommentar.clone());
            }
            format!("{} ska inte verkställas ({datum})", insats_for(a, *beslut))
        }
        H::AnsokanAterkallad(AterkallelseUppgifter {
            insats,
            datum,
            kanal,
            kommentar,
        }) => {
            d.push(format!(
                "Återkallad {datum} ({}).",
                kanal.namn().to_lowercase()
            ));
            if !kommentar.is_empty() {
                d.push(kommentar.clone());
            }
            format!("Ansökan om {} återkallad", insats.namn().to_lowercase())
        }
        H::InformeradOmForenkladDelgivning { datum, kanal } => {
            d.push(format!(
                "Informerad {datum} ({}) om att beslut kan delges med förenklad delgivning (23 § delgivningslagen).",
                kanal.namn().to_lowercase()
            ));
            "Information om förenklad delgivning".into()
        }
        H::KontrollmeddelandeSkickat { beslut, datum } => {
            // The domain derived the day of service when it applied this event.
            let delgiven = a.beslut_lage(*beslut).and_then(|b| b.delgiven);
            d.push(format!(
                "{}: kontrollmeddelande skickat {datum}.",
                insats_for(a, *beslut)
            ));
            if let Some(dg) = delgiven {
                d.push(format!(
                    "Delgiven {dg}. Sista dag att överklaga {}.",
                    frister::sista_dag_overklagande(dg)
                ));
            }
            "Kontrollmeddelande skickat".into()
        }
        H::DelgivningMisslyckad(MisslyckadDelgivningUppgifter {
            beslut,
            datum,
            skal,
        }) => {
            d.push(format!("{}: {skal}", insats_for(a, *beslut)));
            d.push("Beslutet är inte delgivet och ska skickas igen.".into());
            format!("Delgivningen misslyckades ({datum})")
        }
        H::ManadsansokanInlamnad(a) => {
            d.extend(ansokningsrader(a));
            format!("Månadsansökan för {} ({})", a.manad.namn(), a.datum)
        }
        H::GemensamAnsokanBekraftad(b) => {
            if !b.text.trim().is_empty() {
                d.push(format!("\"{}\"", b.text.trim()));
            }
            if b.stammer {
                format!(
                    "Medsökande {} bekräftade den gemensamma ansökan för {}",
                    b.medsokande.visning(),
                    b.manad.namn()
                )
            } else {
                format!(
                    "Medsökande {} säger att den gemensamma ansökan för {} är fel",
                    b.medsokande.visning(),
                    b.manad.namn()
                )
            }
        }
        H::UtbetalningPlanerad(u) => {
            use lots_domain::forsorjningsstod::utbetalning::Mottagare;
            let till = match &u.mottagare {
                Mottagare::Enskild => "den enskildes konto".to_string(),
                Mottagare::Hyresvard { namn } => format!("hyresvärden {namn}"),
            };
            d.push(format!("Till {till}, {}.", u.konto.text()));
            d.push(format!("Utbetalningsdag {}.", u.dag));
            if u.kraver_attest() {
                d.push("Ska attesteras av en annan person innan den skickas.".into());
            }
            format!(
                "Utbetalning planerad: {} för {}",
                kr(u.belopp),
                u.manad.namn()
            )
        }
        H::UtbetalningAttesterad { datum, av, .. } => {
            format!("Utbetalningen attesterad {datum} av {}", n.person(*av))
        }
        H::UtbetalningSkickad { datum, .. } => format!("Utbetalningen skickad {datum}"),
        H::UtbetalningMakulerad { datum, skal, .. } => {
            d.push(format!("Skäl: {skal}"));
            format!("Utbetalningen makulerad {datum}")
        }
        H::ForsorjningsstodBeraknat {
            underlag,
            berakning,
            fordjupad_annat_arende,
            ..
        } => {
            d.extend(hushallsrad(
                berakning.manad,
                &a.hushallsandring(berakning.manad),
            ));
            d.extend(berakningsrader(berakning));
            d.extend(tillgangsrader(underlag));
            d.extend(hinderrader(&underlag.forsorjningshinder));
            if let Some(f) = berakning.foljd.filter(|f| f.manader > 1) {
                d.push(format!(
                    "{} månader i följd med försörjningsstöd, sedan {}.",
                    f.manader,
                    f.fran.namn()
                ));
            }
            if let Some(v) = fordjupad_annat_arende {
                d.push(format!(
                    "Fördjupad utredning: ställning tagen {} i ett annat ärende.",
                    v.datum
                ));
            }
            format!(
                "Försörjningsstöd beräknat för {}: {}",
                berakning.manad.namn(),
                kr(berakning.bistand())
            )
        }
        H::UtredningsavsnittSkrivet(x) => {
            if !x.personens_ord.is_empty() {
                d.push(format!("Personens ord: {}", x.personens_ord));
            }
            d.push(x.handlaggarens.clone());
            if !x.mal.is_empty() {
                d.push(format!("Personens mål: {}", x.mal));
            }
            format!(
                "Utredning, {} ({})",
                x.omrade.namn().to_lowercase(),
                x.datum
            )
        }
        H::GrundutredningBedomd {
            datum,
            bedomning,
            forslag,
        } => {
            d.push(bedomning.clone());
            if let Some(f) = forslag {
                d.push(forslag_till_beslut(f));
            }
            format!("Utredningens bedömning ({datum})")
        }
        H::PlanSkriven(p) => {
            d.extend(
                sjalvforsorjningsplanrader(p)
                    .into_iter()
                    .map(|(etikett, text)| format!("{etikett}: {text}")),
            );
            format!(
                "Planen mot egen försörjning, version {} ({})",
                p.version, p.datum
            )
        }
        H::PlanBesvarad { svar, fran } => {
            if !svar.synpunkt.is_empty() {
                d.push(svar.synpunkt.clone());
            }
            d.push(format!("Från: {}", avsandare(fran)));
            if svar.instammer {
                format!(
                    "Personen håller med om planen, version {} ({})",
                    svar.version, svar.datum
                )
            } else {
                format!(
                    "Personen håller inte helt med om planen, version {} ({})",
                    svar.version, svar.datum
                )
            }
        }
        H::PlanUppfoljd(u) => {
            d.extend(planuppfoljningsrader(a, u));
            format!("Planen följd upp ({})", u.datum)
        }
        H::ForsorjningsstodAvslutat {
            datum,
            orsak,
            kommentar,
        } => {
            if !kommentar.is_empty() {
                d.push(kommentar.clone());
            }
            format!("Försörjningsstödet avslutat {datum}: {}", orsak.text())
        }
        H::FordjupadUtredningVald(v) => {
            d.push(format!(
                "Följden av månader med stöd började {}.",
                v.fran.namn()
            ));
            d.push(v.skal.clone());
            if v.inleds {
                format!("Fördjupad utredning inleds ({})", v.datum)
            } else {
                format!("Fördjupad utredning inleds inte ({})", v.datum)
            }
        }
        H::InstrumentRegistrerat {
            datum, resultat, ..
        } => {
            d.push(resultat.sammanfattning());
            if let Some(rutin) = resultat.skyddsrutin() {
                d.push(rutin.to_string());
            }
            d.push("Personen samtyckte till bedömningen.".into());
            format!("{} ({datum})", resultat.instrument.namn())
        }
        H::DrojsmalMeddelat(DrojsmalUppgifter {
            datum,
            skal,
            nytt_datum,
            satt,
        }) => {
            d.push(format!(
                "Meddelat {datum} ({}). Beslut väntas {nytt_datum}.",
                satt.namn().to_lowercase()
            ));
            d.push(format!("Skäl: {skal}"));
            "Besked om att beslutet dröjer (FL 11 §)".into()
        }
        H::Uppfoljd {
            datum,
            maluppfyllelse,
            enskildes_synpunkt,
            kommentar,
            nasta,
            ..
        } => {
            d.push(format!("{}.", maluppfyllelse.namn()));
            d.push(format!("Den enskilde: {enskildes_synpunkt}"));
            if !kommentar.is_empty() {
                d.push(kommentar.clone());
            }
            match nasta {
                Some(n) => d.push(format!("Nästa uppföljning {n}.")),
                None => d.push("Ingen fler uppföljning bokad.".into()),
            }
            format!("Uppföljning {datum}")
        }
        H::BevakningKvitterad { datum, .. } => format!("Bevakning kvitterad {datum}"),
        H::HandlaggareTilldelad { handlaggare } => {
            format!("Handläggare: {}", n.person(*handlaggare))
        }
        H::JournalAntecknad { datum, rattar, .. } => {
            if rattar.is_some() {
                format!("Journalanteckning rättad ({datum})")
            } else {
                format!("Journalanteckning ({datum})")
            }
        }
        H::JournalInvandning { datum, .. } => {
            format!("Den enskilde har invänt mot en journalanteckning ({datum})")
        }
        H::BrevSkapat {
            typ, datum, sha256, ..
        } => {
            d.push(format!(
                "Sparat i personakten. Kontrollsumma (SHA-256) {}…",
                &sha256[..sha256.len().min(16)]
            ));
            format!("{} skapat ({datum})", typ.namn())
        }
        H::DatumRattat {
            beslut,
            vad,
            datum,
            skal,
        } => {
            d.push(format!(
                "{}: {} är {datum}.",
                insats_for(a, *beslut),
                vad.namn()
            ));
            d.push(format!("Skäl: {skal}"));
            "Datum rättat".into()
        }
        H::BegaranOmAvgorande { datum } => {
            d.push(format!(
                "Nämnden ska avgöra ärendet eller avslå begäran senast {} (FL 12 §).",
                frister::begaran_om_avgorande_svar(*datum)
            ));
            format!("Begäran om avgörande ({datum})")
        }
        H::BegaranOmAvgorandeAvslagen {
            datum,
            motivering,
            delegation,
        } => {
            d.push(motivering.clone());
            if let Some(x) = delegation {
                d.push(format!(
                    "Delegation: punkt {} i delegationsordningen version {}",
                    x.punkt, x.version
                ));
            }
            format!("Begäran om avgörande avslogs ({datum})")
        }
        H::MeddelandeSkickat {
            datum, fran, text, ..
        } => {
            d.push(text.clone());
            match fran {
                Avsandare::Handlaggare => {
                    format!("Meddelande till den enskilde ({datum})")
                }
                Avsandare::Enskild { .. } => {
                    d.push(format!("Svar utlovat senast {}.", svar_senast(*datum)));
                    format!("Meddelande från {} ({datum})", avsandare(fran))
                }
            }
        }
        H::KompletteringBegard {
            datum,
            handlingar,
            beskrivning,
            godtas,
            senast,
            skal_trots_inlamnad,
            begard_igen,
            ..
        } => {
            if !handlingar.is_empty() {
                d.push(format!(
                    "Begärda handlingar: {}.",
                    handlingsnamn(handlingar)
                ));
            }
            if !beskrivning.is_empty() {
                d.push(beskrivning.clone());
            }
            d.push(format!("Godtas: {godtas}. Lämnas senast {senast}."));
            if !begard_igen.is_empty() {
                d.push(format!(
                    "Redan inlämnad och godtagen tidigare: {}.",
                    handlingsnamn(begard_igen)
                ));
            }
            if let Some(skal) = skal_trots_inlamnad {
                d.push(format!("Skäl att begära igen: {skal}"));
            }
            format!("Komplettering begärd ({datum})")
        }
        H::KompletteringLamnad {
            begaran,
            datum,
            fran,
            text,
            dokument,
        } => {
            if let Some(k) = a.komplettering(*begaran) {
                d.push(format!("Svar på begäran från {}.", k.begard));
            }
            if !text.is_empty() {
                d.push(text.clone());
            }
            if !dokument.is_empty() {
                d.push(format!(
                    "{} dokument bifogade, se Dokument.",
                    dokument.len()
                ));
            }
            format!("Komplettering lämnad av {} ({datum})", avsandare(fran))
        }
        H::KompletteringGodtagen { begaran, datum } => {
            if let Some(k) = a.komplettering(*begaran)
                && !k.handlingar.is_empty()
            {
                d.push(format!("Godtaget: {}.", handlingsnamn(&k.handlingar)));
            }
            format!("Komplettering godtagen ({datum})")
        }
        H::GenomforandeplanUpprattad {
            beslut,
            datum,
            mal,
            genomforande,
            delaktighet,
            uppfoljning,
        } => {
            d.push(format!("Den enskildes mål: {mal}"));
            d.push(format!("Genomförande: {genomforande}"));
            if !delaktighet.is_empty() {
                d.push(format!("Den enskildes delaktighet: {delaktighet}"));
            }
            match uppfoljning {
                Some(u) => d.push(format!("Följs upp {u}.")),
                None => d.push("Ingen uppföljning bestämd i planen.".into()),
            }
            format!("Genomförandeplan: {} ({datum})", insats_for(a, *beslut))
        }
        H::MoteBegart {
            datum,
            typ,
            fran,
            text,
        } => {
            if !text.is_empty() {
                d.push(text.clone());
            }
            d.push(format!(
                "Boka mötet senast {}. Den enskilde ser tiden och platsen på Mina sidor.",
                svar_senast(*datum)
            ));
            format!("{} begärt av {} ({datum})", typ.namn(), avsandare(fran))
        }
        H::MoteBokat {
            forfragan,
            datum,
            klockslag: k,
            plats,
        } => {
            d.push(format!("Plats: {plats}"));
            let vad = a
                .motesforfragningar
                .get(*forfragan)
                .map(|m| m.typ.namn())
                .unwrap_or("Möte");
            format!("{vad} bokat {datum} kl. {}", klockslag(*k))
        }
        H::HandlaggarbyteBegart {
            datum,
            fran,
            skal,
            handlaggare,
        } => {
            d.push(if skal.is_empty() {
                "Inget skäl angivet.".to_owned()
            } else {
                format!("Skäl: {skal}")
            });
            if let Some(h) = handlaggare {
                d.push(format!("Gäller handläggaren {}.", n.person(*h)));
            }
            d.push(format!(
                "Arbetsledaren svarar skriftligt senast {}. Den enskilde läser svaret på Mina sidor.",
                lots_domain::arende::handlaggarbyte_svar_senast(*datum)
            ));
            format!(
                "Begäran om annan handläggare från {} ({datum})",
                avsandare(fran)
            )
        }
        H::HandlaggarbyteBesvarat {
            datum,
            beviljad,
            ny_handlaggare,
            motivering,
            av,
            ..
        } => {
            d.push(format!("Svar: {motivering}"));
            if let Some(h) = ny_handlaggare {
                d.push(format!("Ny handläggare: {}.", n.person(*h)));
            }
            d.push(format!("Besvarad av {}.", n.person(*av)));
            if *beviljad {
                format!("Begäran om annan handläggare beviljad ({datum})")
            } else {
                format!("Begäran om annan handläggare avslagen ({datum})")
            }
        }
        H::ArendeAvslutat {
            datum,
            orsak,
            kommentar,
        } => {
            if !kommentar.is_empty() {
                d.push(kommentar.clone());
            }
            format!("Ärendet avslutat {datum}: {}", orsak.namn().to_lowercase())
        }
    };
    (rubrik, d)
}

/// A genomförandeplan as staff read it: (label, text), for the order and the case page.
pub fn planrader(p: &Genomforandeplan) -> Vec<(&'static str, String)> {
    vec![
        (
            "Upprättad",
            if p.version == 1 {
                p.datum.to_string()
            } else {
                format!("{} (version {})", p.datum, p.version)
            },
        ),
        ("Den enskildes mål", p.mal.clone()),
        ("Så genomförs insatsen", p.genomforande.clone()),
        (
            "Den enskildes delaktighet",
            if p.delaktighet.is_empty() {
                "Inte beskriven".into()
            } else {
                p.delaktighet.clone()
            },
        ),
        (
            "Uppföljning",
            p.uppfoljning
                .map(|d| d.to_string())
                .unwrap_or_else(|| "Inte bestämd i planen".into()),
        ),
    ]
}

/// The plan toward self-sufficiency as staff read it: (label, text).
pub fn sjalvforsorjningsplanrader(
    p: &lots_domain::forsorjningsstod::plan::Sjalvforsorjningsplan,
) -> Vec<(&'static str, String)> {
    let mut ut = vec![("Mål", p.mal.clone())];
    for (i, x) in p.delmal.iter().enumerate() {
        ut.push(("Delmål", format!("{}. {x}", i + 1)));
    }
    for x in &p.aktiviteter {
        ut.push((
            "Aktivitet",
            format!(
                "{} ({}). Ansvarar: {}",
                x.beskrivning,
                x.typ.namn(),
                x.ansvarig.namn()
            ),
        ));
    }
    ut.push(("Det personen gör", p.personens_del.clone()));
    ut.push(("Det socialtjänsten gör", p.socialtjanstens_del.clone()));
    if !p.samverkan.is_empty() {
        ut.push(("Vem ansvarar för vad", p.samverkan.clone()));
    }
    ut.push((
        "Uppföljning",
        format!("senast {}: {}", p.uppfoljning, p.uppfoljningssatt),
    ));
    ut
}

/// A follow-up of the plan in lines: attendance per activity, applications, sub-goals
/// reached, the person's own account.
pub fn planuppfoljningsrader(
    a: &Arende,
    u: &lots_domain::forsorjningsstod::plan::Planuppfoljning,
) -> Vec<String> {
    let plan = a
        .planering
        .versioner
        .iter()
        .find(|p| p.version == u.version);
    let mut d = vec![];
    for x in &u.deltagande {
        let namn = plan
            .and_then(|p| p.aktiviteter.get(x.aktivitet))
            .map_or("Aktivitet", |a| a.beskrivning.as_str());
        d.push(format!(
            "{namn}: deltog {} av {} planerade tillfällen.",
            x.deltagit, x.planerat
        ));
    }
    d.push(format!("Skickade ansökningar: {}.", u.ansokningar));
    for i in &u.uppnadda_delmal {
        if let Some(m) = plan.and_then(|p| p.delmal.get(*i)) {
            d.push(format!("Delmål nått: {m}"));
        }
    }
    d.push(format!("Personens berättelse: {}", u.enskildes_berattelse));
    d.push(u.hjalper.namn().to_string());
    if !u.kommentar.is_empty() {
        d.push(u.kommentar.clone());
    }
    if let Some(n) = u.nasta {
        d.push(format!("Nästa uppföljning: {n}"));
    }
    d
}

/// An instant as Swedish local time, for receipts and lists.
/// A time of day as Swedish text shows it: "13.30" is also common, but the forms take "13:30".
pub fn klockslag(k: time::Time) -> String {
    format!("{:02}:{:02}", k.hour(), k.minute())
}

pub fn lokal_tid(t: time::OffsetDateTime) -> String {
    t.to_offset(lots_domain::tid::svensk_offset(t))
        .format(&time::macros::format_description!(
            "[year]-[month]-[day] kl. [hour]:[minute]"
        ))
        .unwrap_or_default()
}

#[cfg(test)]
mod kronor_tests {
    use super::kr;

    #[test]
    fn belopp_med_tusentalsavgransning() {
        assert_eq!(kr(0), "0\u{a0}kr");
        assert_eq!(kr(950), "950\u{a0}kr");
        assert_eq!(kr(16_010), "16\u{a0}010\u{a0}kr");
        assert_eq!(kr(1_234_567), "1\u{a0}234\u{a0}567\u{a0}kr");
        assert_eq!(kr(-2_500), "−2\u{a0}500\u{a0}kr");
    }
}
