//! Utredning: the inquiry into what was applied for or reported (SoL 11 kap.
//! 1 §), the person's own views and goals, kommunicering of the material before
//! a decision against the person (FL 25 §), and the person's rights while the
//! decision is awaited: a notice of delay (FL 11 §) and a request for a
//! decision after six months (FL 12 §).

use serde::{Deserialize, Serialize};

use super::kommando::{Fel, fel_fas, tillstand};
use super::*;
use crate::forsorjningsstod::fordjupad::FordjupadVal;
use crate::forsorjningsstod::{berakning, hinder};
use crate::insats::Utfall;
use crate::instrument;
use crate::livsomrade::Avsnitt;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Kommunicering {
    pub id: KommuniceringId,
    pub datum: Date,
    pub material: String,
    pub satt: Kommunikationssatt,
    pub svar_senast: Date,
    pub svar: Option<(Date, String)>,
}

/// The utredning's förslag till beslut: what the handläggare proposes the decision-maker
/// decides, written with the bedömning (issue 20 item 5). The decision form starts from it
/// (the proposed outcome chosen, the proposal shown beside it); the decision itself is still
/// the decision-maker's, under the delegationsordning.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ForslagTillBeslut {
    /// The outcome proposed, when the proposal names one.
    pub utfall: Option<Utfall>,
    /// The proposal in words, for example "Ansökan om öppenvård beviljas".
    pub text: String,
}

/// FL 11 §: the notice that the decision will be substantially delayed: the
/// day the person was told, why, the day the decision is now expected, and
/// how the person was told. The step and its event carry the same facts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DrojsmalUppgifter {
    pub datum: Date,
    pub skal: String,
    pub nytt_datum: Date,
    pub satt: Kommunikationssatt,
}

impl Arende {
    /// Kommuniceringar that still wait for the person's reply: not answered, and
    /// no decision taken since (FL 25 §: the reply matters until the decision).
    pub fn vantande_kommuniceringar(&self) -> impl Iterator<Item = &Kommunicering> {
        self.kommuniceringar
            .iter()
            .filter(|k| k.svar.is_none() && !self.beslut.iter().any(|b| b.beslut.datum >= k.datum))
    }
}

impl Arende {
    /// The day the person was last told to expect a decision, while something applied for
    /// is undecided: the new day of the latest FL 11 § notice, or else the day given when
    /// the utredning started, if what waits was applied for by then (a later application
    /// was not part of that promise).
    pub fn vantat_beslut(&self) -> Option<Date> {
        let obeslutade = self.obeslutade_insatser();
        let aldsta = self
            .ansokta
            .iter()
            .filter(|(i, _)| obeslutade.contains(i))
            .map(|(_, d)| *d)
            .min()?;
        if let Some((_, nytt)) = self.drojsmal.last() {
            return Some(*nytt);
        }
        let inledd = self.utredning_inledd?;
        self.beslut_vantas.filter(|_| aldsta <= inledd)
    }
}

/// FL 12 §: whether the person may ask for a decision on `idag`: their own
/// application, undecided for six months, not asked before (what `handle`
/// accepts for `BegarAvgorande`).
pub fn kan_begara_avgorande(a: &Arende, idag: Date) -> bool {
    super::kan(Some(a), KommandoTyp::BegarAvgorande).is_ok()
        && idag >= frister::begaran_om_avgorande_tidigast(a.inkom)
}

pub(super) fn kan(a: &Arende, typ: KommandoTyp) -> Result<(), String> {
    use KommandoTyp as T;
    match typ {
        T::InledUtredning => {
            if a.utredning_inledd.is_some() {
                tillstand("Utredningen är redan inledd.")
            } else {
                Ok(())
            }
        }
        T::RegistreraSynpunkter => {
            if a.utredning_inledd.is_none() {
                tillstand("Inled utredningen först.")
            } else {
                Ok(())
            }
        }
        T::AvslutaUtredning => match (a.utredning_inledd, a.utredning_avslutad) {
            (None, _) => tillstand("Ingen utredning är inledd."),
            (_, Some(_)) => tillstand("Utredningen är redan avslutad."),
            _ => Ok(()),
        },
        T::Kommunicera => {
            if a.utredning_inledd.is_none() {
                tillstand("Det finns inget utredningsmaterial att kommunicera än.")
            } else if a.obeslutade_insatser().is_empty() {
                tillstand("Det finns inget obeslutat att kommunicera inför.")
            } else {
                Ok(())
            }
        }
        T::RegistreraSvar => {
            if a.kommuniceringar.iter().any(|k| k.svar.is_none()) {
                Ok(())
            } else {
                tillstand("Ingen kommunicering väntar på svar.")
            }
        }
        T::BegarAvgorande => {
            if a.typ != AktualiseringsTyp::Ansokan {
                tillstand(
                    "Begäran om avgörande gäller ärenden som den enskilde själv har inlett (FL 12 §).",
                )
            } else if a.begaran_om_avgorande.is_some() {
                tillstand("En begäran om avgörande får göras en gång i ett ärende (FL 12 §).")
            } else if a.obeslutade_insatser().is_empty() {
                tillstand("Ärendet är redan avgjort.")
            } else {
                Ok(())
            }
        }
        T::AvslaBegaranOmAvgorande => match a.begaran_om_avgorande {
            Some((_, None)) if !a.obeslutade_insatser().is_empty() => Ok(()),
            _ => tillstand("Ingen begäran om avgörande väntar på svar."),
        },
        T::BekraftaGemensamAnsokan => {
            if a.manadsansokningar.iter().any(|x| x.medsokande.is_some()) {
                Ok(())
            } else {
                tillstand("Ärendet har ingen gemensam månadsansökan att bekräfta.")
            }
        }
        T::BeraknaForsorjningsstod | T::AnsokManad => {
            if a.ansokta
                .iter()
                .any(|(i, _)| *i == InsatsTyp::Forsorjningsstod)
            {
                Ok(())
            } else {
                tillstand(
                    "Ärendet gäller inte försörjningsstöd. Registrera ansökan om försörjningsstöd först.",
                )
            }
        }
        // The grundutredning is written while the utredning is open (FL 23 §; SoL 14 kap.).
        T::SkrivUtredningsavsnitt | T::BedomGrundutredning => {
            if a.utredning_inledd.is_none() {
                tillstand("Inled utredningen först.")
            } else if a.utredning_avslutad.is_some() {
                tillstand("Utredningen är avslutad.")
            } else if typ == T::BedomGrundutredning && a.utredningsavsnitt.is_empty() {
                tillstand("Skriv minst ett livsområde innan bedömningen.")
            } else {
                Ok(())
            }
        }
        T::ValjFordjupadUtredning => {
            if a.fordjupad_vantar().is_some() {
                Ok(())
            } else {
                tillstand(
                    "Det finns inget att ta ställning till: personen har inte fått försörjningsstöd sex månader i följd, eller så är valet redan gjort.",
                )
            }
        }
        T::MeddelaDrojsmal => {
            if a.obeslutade_insatser().is_empty() {
                tillstand("Det finns inget obeslutat som dröjer.")
            } else {
                Ok(())
            }
        }
        _ => Ok(()),
    }
}

pub(super) fn handle(
    a: &Arende,
    kommando: Kommando,
    ctx: &Kontext,
    fel: &mut Fel,
) -> Result<Vec<Handelse>, Avvisning> {
    let idag = ctx.idag;
    Ok(match kommando {
        Kommando::InledUtredning {
            datum,
            beslut_vantas,
        } => {
            fel.inte_framtid(datum, idag, "datum");
            fel.inte_fore(datum, a.inkom, "datum", "ärendets start");
            // FL 12 §: after six months the person may ask for a decision; a later day
            // would be a promise the law already calls late.
            let sex_manader = frister::begaran_om_avgorande_slutdag(a.inkom);
            if let Some(d) = beslut_vantas {
                fel.om(
                    d <= datum,
                    "beslut_vantas",
                    "Dagen då beslut väntas måste vara efter att utredningen inleds.",
                );
                fel.om(
                    d > sex_manader,
                    "beslut_vantas",
                    "Dagen då beslut väntas får inte vara mer än sex månader efter att ärendet kom in (FL 12 §). Meddela i stället att beslutet dröjer (FL 11 §).",
                );
            }
            let beslut_vantas = beslut_vantas.or_else(|| a.standard_beslut_vantas(datum));
            vec![Handelse::UtredningInledd {
                datum,
                beslut_vantas,
            }]
        }
        Kommando::RegistreraSynpunkter {
            datum,
            synpunkter,
            mal,
        } => {
            fel.inte_framtid(datum, idag, "datum");
            fel.om(
                synpunkter.trim().is_empty() && mal.trim().is_empty(),
                "synpunkter",
                "Skriv den enskildes synpunkter eller mål.",
            );
            vec![Handelse::SynpunkterRegistrerade {
                datum,
                synpunkter,
                mal,
            }]
        }
        Kommando::AvslutaUtredning { datum } => {
            fel.inte_framtid(datum, idag, "datum");
            if let Some(inledd) = a.utredning_inledd {
                fel.inte_fore(datum, inledd, "datum", "att utredningen inleddes");
            }
            vec![Handelse::UtredningAvslutad { datum }]
        }
        Kommando::Kommunicera {
            id,
            datum,
            material,
            satt,
            svar_senast,
            bifogat,
            tillgangligt,
        } => {
            fel.inte_framtid(datum, idag, "datum");
            fel.text_kravs(
                &material,
                "material",
                "Beskriv vilket material som kommunicerades.",
            );
            // FL 25 §: what was enclosed is recorded as it was, so only the case's own documents.
            fel.om(
                bifogat.iter().any(|d| !a.dokument.contains(d)),
                "bifogat",
                "Välj bland ärendets dokument.",
            );
            fel.inte_for_lang(&tillgangligt, "tillgangligt");
            fel.om(
                svar_senast <= datum,
                "svar_senast",
                "Svarsfristen måste vara efter dagen för kommuniceringen.",
            );
            // lag (1930:173) 2 §: a deadline on a non-working day moves to the next one.
            let svar_senast = frister::svarsfrist(svar_senast);
            vec![Handelse::Kommunicerad {
                id,
                datum,
                material,
                satt,
                svar_senast,
                bifogat,
                tillgangligt: tillgangligt.trim().to_string(),
            }]
        }
        Kommando::RegistreraSvar {
            kommunicering,
            datum,
            svar,
        } => {
            let k = a
                .kommuniceringar
                .iter()
                .find(|k| k.id == kommunicering && k.svar.is_none());
            fel.om(
                k.is_none(),
                "kommunicering",
                "Välj en kommunicering som väntar på svar.",
            );
            if let Some(k) = k {
                fel.inte_fore(datum, k.datum, "datum", "kommuniceringen");
            }
            fel.inte_framtid(datum, idag, "datum");
            fel.text_kravs(
                &svar,
                "svar",
                "Skriv vad den enskilde svarade, eller att hen avstod.",
            );
            vec![Handelse::KommuniceringBesvarad {
                kommunicering,
                datum,
                svar,
            }]
        }
        Kommando::BegarAvgorande { datum } => {
            fel.inte_framtid(datum, idag, "datum");
            // FL 12 §: after six months without a decision.
            let tidigast = frister::begaran_om_avgorande_tidigast(a.inkom);
            fel.om(
                datum < tidigast,
                "datum",
                format!("En begäran om avgörande kan göras när ärendet varit oavgjort i sex månader, tidigast {tidigast} (FL 12 §)."),
            );
            vec![Handelse::BegaranOmAvgorande { datum }]
        }
        Kommando::AvslaBegaranOmAvgorande { datum, motivering } => {
            fel.inte_framtid(datum, idag, "datum");
            if let Some((begard, _)) = a.begaran_om_avgorande {
                fel.inte_fore(datum, begard, "datum", "begäran");
            }
            fel.text_kravs(
                &motivering,
                "motivering",
                "Skriv varför ärendet inte kan avgöras nu (FL 12 §).",
            );
            fel.klart()?;
            // The rejection is a decision about the undecided applications: it is taken
            // under the delegationsordning like a decision on them (KL 6 kap. 37 §).
            let insatser = a.obeslutade_insatser();
            let delegation = ctx
                .delegationsordning
                .behorighet_for_alla(ctx.roll, &insatser, Utfall::Avslag)
                .ok_or_else(|| {
                    Avvisning::Delegation(format!(
                        "Du har inte delegation att avslå en begäran om avgörande i ett ärende om {}. Beslutet ska fattas av den som har delegation enligt delegationsordningen version {}.",
                        insatser.iter().map(|i| i.namn().to_lowercase()).collect::<Vec<_>>().join(", "),
                        ctx.delegationsordning.version
                    ))
                })?;
            vec![Handelse::BegaranOmAvgorandeAvslagen {
                datum,
                motivering,
                delegation: Some(delegation),
            }]
        }
        Kommando::AnsokManad(ansokan) => {
            fel.inte_framtid(ansokan.datum, idag, "datum");
            if berakning::kontrollera_ansokan(&ansokan).is_err() {
                fel.om(
                    true,
                    "belopp",
                    "Beloppen ska vara hela kronor, noll eller mer.",
                );
            }
            fel.inte_for_lang(&ansokan.ovrigt, "ovrigt");
            fel.om(
                ansokan.bada_undertecknat && ansokan.medsokande.is_none(),
                "medsokande",
                "Skriv den medsökandes personnummer: båda har skrivit under en gemensam ansökan.",
            );
            fel.om(
                ansokan.bilagor.len() > berakning::MAX_BILAGOR,
                "bilagor",
                "En månadsansökan kan ha högst fem bilagor.",
            );
            // A document sent with the application is uploaded in the same step, first.
            fel.om(
                ansokan
                    .bilagor
                    .iter()
                    .any(|b| !a.dokument.contains(&b.dokument)),
                "bilagor",
                "En bilaga finns inte i ärendet. Ladda upp den först.",
            );
            vec![Handelse::ManadsansokanInlamnad(ansokan)]
        }
        Kommando::BekraftaGemensamAnsokan(b) => {
            fel.inte_framtid(b.datum, idag, "datum");
            fel.om(
                !a.manadsansokningar
                    .iter()
                    .any(|x| x.manad == b.manad && x.medsokande.as_ref() == Some(&b.medsokande)),
                "manad",
                "Det finns ingen gemensam ansökan för månaden med dig som medsökande.",
            );
            fel.om(
                !b.stammer && b.text.trim().is_empty(),
                "text",
                "Skriv vad som är fel i ansökan.",
            );
            fel.inte_for_lang(&b.text, "text");
            vec![Handelse::GemensamAnsokanBekraftad(b)]
        }
        Kommando::BeraknaForsorjningsstod {
            datum,
            underlag,
            tabell,
            andra_manader,
            andra_val,
        } => {
            fel.inte_framtid(datum, idag, "datum");
            // HSLF-FS 2015:30: each adult's försörjningshinder is reported for the month.
            if let Err(e) = hinder::kontrollera(&underlag.hushall, &underlag.forsorjningshinder) {
                fel.om(true, "forsorjningshinder", e.to_string());
            }
            // SoF 12 kap. 2 §: makar and sambor apply together and both are parties; each
            // adult is reported by personnummer (HSLF-FS 2015:30 3 §).
            {
                use crate::forsorjningsstod::riksnorm::Vuxna;
                match (underlag.hushall.vuxna, &underlag.medsokande) {
                    (Vuxna::Sambo, None) => fel.om(
                        true,
                        "medsokande",
                        "Skriv den medsökandes personnummer eller samordningsnummer: båda vuxna i en gemensam ansökan är parter och rapporteras till Socialstyrelsen.",
                    ),
                    (Vuxna::Ensam, Some(_)) => fel.om(
                        true,
                        "medsokande",
                        "En medsökande finns bara i en gemensam ansökan (makar eller sambor).",
                    ),
                    _ => {}
                }
            }
            // The months with aid before, for jobbstimulans (SoL 12 kap. 8 §): those this
            // case calculated with aid and those received outside it. A recalculation of
            // the month itself does not count.
            let mut med_stod = a.manader_med_stod(andra_manader, &underlag.annan_kommun);
            med_stod.remove(&underlag.manad);
            let tabeller = [*tabell];
            match berakning::berakna(&tabeller, &underlag, &med_stod) {
                Ok(b) => {
                    // Only a run this case has not answered itself takes another case's choice.
                    let fordjupad_annat_arende = b
                        .foljd
                        .filter(|f| !a.fordjupad.iter().any(|v| v.fran == f.fran))
                        .and_then(|f| {
                            andra_val
                                .iter()
                                .filter(|v| v.fran == f.fran)
                                .max_by_key(|v| v.datum)
                                .cloned()
                        });
                    vec![Handelse::ForsorjningsstodBeraknat {
                        datum,
                        underlag,
                        berakning: Box::new(b),
                        fordjupad_annat_arende,
                    }]
                }
                Err(e) => {
                    fel.om(true, berakningsfakta(&e), e.to_string());
                    vec![]
                }
            }
        }
        Kommando::ValjFordjupadUtredning {
            datum,
            inleds,
            skal,
        } => {
            fel.inte_fore(datum, a.inkom, "datum", "ärendets start");
            fel.inte_framtid(datum, idag, "datum");
            // The choice is the handläggare's to explain either way: what the deepened
            // investigation will look at, or why the situation does not call for one.
            fel.text_kravs(
                &skal,
                "skal",
                if inleds {
                    "Skriv vad den fördjupade utredningen ska titta på."
                } else {
                    "Skriv varför en fördjupad utredning inte inleds."
                },
            );
            fel.inte_for_lang(&skal, "skal");
            match a.fordjupad_vantar() {
                Some(f) => vec![Handelse::FordjupadUtredningVald(FordjupadVal {
                    datum,
                    fran: f.fran,
                    inleds,
                    skal: skal.trim().to_string(),
                })],
                None => vec![],
            }
        }
        Kommando::SkrivUtredningsavsnitt(avsnitt) => {
            fel.inte_fore(avsnitt.datum, a.inkom, "datum", "ärendets start");
            fel.inte_framtid(avsnitt.datum, idag, "datum");
            // The area is the handläggare's documentation: what was found is written, and the
            // person's own words where they gave them (SoL 14 kap. 1 §).
            fel.text_kravs(
                &avsnitt.handlaggarens,
                "handlaggarens",
                "Skriv vad som har kommit fram om området.",
            );
            fel.om(
                !crate::livsomrade::Livsomrade::for_arende(a).contains(&avsnitt.omrade),
                "omrade",
                "Välj ett av livsområdena för det här slaget av ärende.",
            );
            for (text, falt) in [
                (&avsnitt.personens_ord, "personens_ord"),
                (&avsnitt.handlaggarens, "handlaggarens"),
                (&avsnitt.mal, "mal"),
            ] {
                fel.inte_for_lang(text, falt);
            }
            vec![Handelse::UtredningsavsnittSkrivet(Avsnitt {
                personens_ord: avsnitt.personens_ord.trim().to_string(),
                handlaggarens: avsnitt.handlaggarens.trim().to_string(),
                mal: avsnitt.mal.trim().to_string(),
                ..avsnitt
            })]
        }
        Kommando::BedomGrundutredning {
            datum,
            bedomning,
            forslag,
        } => {
            fel.inte_fore(datum, a.inkom, "datum", "ärendets start");
            fel.inte_framtid(datum, idag, "datum");
            fel.text_kravs(
                &bedomning,
                "bedomning",
                "Skriv bedömningen: vad utredningen visar om behovet och vägen till egen försörjning.",
            );
            fel.inte_for_lang(&bedomning, "bedomning");
            // A proposal with neither an outcome nor words is no proposal.
            let forslag = forslag
                .map(|f| ForslagTillBeslut {
                    utfall: f.utfall,
                    text: f.text.trim().to_string(),
                })
                .filter(|f| f.utfall.is_some() || !f.text.is_empty());
            if let Some(f) = &forslag {
                fel.inte_for_lang(&f.text, "forslag");
            }
            vec![Handelse::GrundutredningBedomd {
                datum,
                bedomning: bedomning.trim().to_string(),
                forslag,
            }]
        }
        Kommando::RegistreraInstrument { datum, svar, kon } => {
            fel.inte_fore(datum, a.inkom, "datum", "ärendets start");
            fel.inte_framtid(datum, idag, "datum");
            match instrument::poangsatt(&svar, kon) {
                Ok(resultat) => vec![Handelse::InstrumentRegistrerat {
                    datum,
                    svar,
                    resultat: Box::new(resultat),
                }],
                Err(e) => {
                    fel.om(
                        true,
                        if matches!(e, instrument::Instrumentfel::SamtyckeSaknas) {
                            "samtycke"
                        } else {
                            "svar"
                        },
                        e.to_string(),
                    );
                    vec![]
                }
            }
        }
        Kommando::MeddelaDrojsmal(d) => {
            fel.inte_fore(d.datum, a.inkom, "datum", "ärendets start");
            fel.inte_framtid(d.datum, idag, "datum");
            // FL 11 §: the notice says why the decision is delayed.
            fel.text_kravs(&d.skal, "skal", "Skriv varför beslutet dröjer.");
            fel.om(
                d.nytt_datum <= d.datum,
                "nytt_datum",
                "Ange när beslutet nu väntas, ett datum efter meddelandet.",
            );
            vec![Handelse::DrojsmalMeddelat(d)]
        }
        annan => return Err(fel_fas(&annan)),
    })
}

/// The letters of this phase: the kommuniceringsbrev of material sent by letter
/// or on Mina sidor (FL 25 §), and the decision rejecting a request for a
/// decision (FL 12 §), which can be appealed.
pub(super) fn brev(fore: &Arende, h: &Handelse, ut: &mut Vec<Brev>) {
    match h {
        Handelse::Kommunicerad {
            id,
            datum,
            material,
            satt: Kommunikationssatt::Brev | Kommunikationssatt::Digitalt,
            svar_senast,
            bifogat,
            tillgangligt,
        } => ut.push(Brev::Kommuniceringsbrev {
            kommunicering: *id,
            datum: *datum,
            material: material
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_owned)
                .collect(),
            // FL 25 §: the letter names what was recorded as enclosed, nothing more.
            bifogat: bifogat.clone(),
            tillgangligt: Some(tillgangligt.trim().to_string()).filter(|t| !t.is_empty()),
            svara_senast: *svar_senast,
        }),
        Handelse::BegaranOmAvgorandeAvslagen {
            datum,
            motivering,
            delegation,
        } => {
            if let Some((begard, _)) = fore.begaran_om_avgorande {
                ut.push(Brev::BeslutOmBegaranOmAvgorande {
                    datum: *datum,
                    begard,
                    insatser: fore.obeslutade_insatser(),
                    motivering: motivering.clone(),
                    delegation: delegation.clone(),
                });
            }
        }
        _ => {}
    }
}

/// The fact a calculation error is about, as the command names it.
fn berakningsfakta(e: &berakning::Berakningsfel) -> &'static str {
    use berakning::Berakningsfel as B;
    const RADER: [&str; 12] = [
        "rader.0", "rader.1", "rader.2", "rader.3", "rader.4", "rader.5", "rader.6", "rader.7",
        "rader.8", "rader.9", "rader.10", "rader.11",
    ];
    const INKOMSTER: [&str; 8] = [
        "inkomster.0",
        "inkomster.1",
        "inkomster.2",
        "inkomster.3",
        "inkomster.4",
        "inkomster.5",
        "inkomster.6",
        "inkomster.7",
    ];
    match e {
        B::NormSaknas { .. } => "manad",
        B::Hushall(_) => "hushall",
        B::ReduceradNorm { .. } => "reducerad_norm",
        B::Negativt { rad }
        | B::MerAnSokt { rad }
        | B::SkalSaknas { rad }
        | B::HyraOverTak { rad, .. } => RADER.get(*rad).copied().unwrap_or("rader"),
        B::NegativInkomst { rad } => INKOMSTER.get(*rad).copied().unwrap_or("inkomster"),
        B::ObedomdInsattning { .. } => "insattningar",
        B::ObedomdTillgang { .. } => "tillgangar",
    }
}

impl Arende {
    pub(super) fn tillampa_utredning(&mut self, h: &Handelse) {
        match h {
            Handelse::ManadsansokanInlamnad(ansokan) => {
                self.manadsansokningar.retain(|x| x.manad != ansokan.manad);
                self.manadsansokningar.push((**ansokan).clone());
                self.manadsansokningar.sort_by_key(|x| x.manad);
            }
            Handelse::GemensamAnsokanBekraftad(b) => {
                self.bekraftelser
                    .retain(|x| !(x.manad == b.manad && x.medsokande == b.medsokande));
                self.bekraftelser.push(b.clone());
                self.bekraftelser.sort_by_key(|x| x.manad);
            }
            Handelse::FordjupadUtredningVald(v) => self.fordjupad.push(v.clone()),
            Handelse::UtredningsavsnittSkrivet(avsnitt) => {
                self.utredningsavsnitt
                    .retain(|x| x.omrade != avsnitt.omrade);
                self.utredningsavsnitt.push(avsnitt.clone());
                self.utredningsavsnitt.sort_by_key(|x| x.omrade);
            }
            Handelse::GrundutredningBedomd {
                datum,
                bedomning,
                forslag,
            } => {
                self.utredningsbedomning = Some((*datum, bedomning.clone()));
                // The newest bedömning is the utredning's word: without a proposal it has none.
                self.forslag_till_beslut = forslag.clone();
            }
            Handelse::InstrumentRegistrerat {
                datum, resultat, ..
            } if resultat.kraver_skyddsrutin() && !self.skyddsrutiner.contains(datum) => {
                self.skyddsrutiner.push(*datum);
            }
            Handelse::InstrumentRegistrerat { .. } => {}
            Handelse::ForsorjningsstodBeraknat {
                underlag,
                berakning,
                fordjupad_annat_arende,
                ..
            } => {
                let m = berakning.manad;
                self.forsorjningshinder.retain(|(x, _)| *x != m);
                if !underlag.forsorjningshinder.is_empty() {
                    self.forsorjningshinder
                        .push((m, underlag.forsorjningshinder.clone()));
                    self.forsorjningshinder.sort_by_key(|(x, _)| *x);
                }
                // One choice per run of aid: a later calculation may carry the same one again.
                if let Some(v) = fordjupad_annat_arende
                    && !self.fordjupad.iter().any(|x| x.fran == v.fran)
                {
                    self.fordjupad.push(v.clone());
                }
                // Aid calculated for a month after it ended has started again.
                if self
                    .bistand_avslutat
                    .is_some_and(|(slut, _)| m.forsta_dagen() > slut)
                {
                    self.bistand_avslutat = None;
                }
                self.forsorjningsstod.retain(|(x, _)| *x != m);
                self.forsorjningsstod.push((m, berakning.bistand()));
                self.forsorjningsstod.sort_by_key(|(x, _)| *x);
                self.hushall.retain(|(x, _)| *x != m);
                self.hushall.push((m, underlag.hushall.clone()));
                self.hushall.sort_by_key(|(x, _)| *x);
                if self
                    .senaste_forsorjningsstod
                    .as_ref()
                    .is_none_or(|s| s.berakning.manad <= m)
                {
                    self.senaste_forsorjningsstod = Some(Box::new(berakning::SparadBerakning {
                        underlag: (**underlag).clone(),
                        berakning: (**berakning).clone(),
                    }));
                }
            }
            Handelse::SynpunkterRegistrerade { .. } => {}
            Handelse::UtredningInledd {
                datum,
                beslut_vantas,
            } => {
                self.utredning_inledd = Some(*datum);
                self.beslut_vantas = *beslut_vantas;
            }
            Handelse::UtredningAvslutad { datum } => self.utredning_avslutad = Some(*datum),
            Handelse::Kommunicerad {
                id,
                datum,
                material,
                satt,
                svar_senast,
                ..
            } => self.kommuniceringar.push(Kommunicering {
                id: *id,
                datum: *datum,
                material: material.clone(),
                satt: *satt,
                svar_senast: *svar_senast,
                svar: None,
            }),
            Handelse::KommuniceringBesvarad {
                kommunicering,
                datum,
                svar,
            } => {
                if let Some(k) = self
                    .kommuniceringar
                    .iter_mut()
                    .find(|k| k.id == *kommunicering)
                {
                    k.svar = Some((*datum, svar.clone()));
                }
            }
            Handelse::DrojsmalMeddelat(DrojsmalUppgifter {
                datum, nytt_datum, ..
            }) => self.drojsmal.push((*datum, *nytt_datum)),
            Handelse::BegaranOmAvgorande { datum } => {
                self.begaran_om_avgorande = Some((*datum, None))
            }
            Handelse::BegaranOmAvgorandeAvslagen { datum, .. } => {
                if let Some(b) = self.begaran_om_avgorande.as_mut() {
                    b.1 = Some(*datum);
                }
            }
            // Events of other phases are folded there (`Arende::tillampa`).
            _ => {}
        }
    }

    /// The day the person can expect a decision when an utredning opens on `inledd` and
    /// the handläggare gave no day of their own: the default for what was applied for
    /// (FL 9 §), never past the six months after which the person may ask for a decision
    /// (FL 12 §), and none at all when that leaves no day after the opening. One rule for
    /// "Inled utredning" and for a förhandsbedömning that opens one (SoL 14 kap. 2 §).
    pub(crate) fn standard_beslut_vantas(&self, inledd: Date) -> Option<Date> {
        let insatser: Vec<InsatsTyp> = self.ansokta.iter().map(|(i, _)| *i).collect();
        frister::beslut_vantas(inledd, &insatser)
            .map(|d| d.min(frister::begaran_om_avgorande_slutdag(self.inkom)))
            .filter(|d| *d > inledd)
    }
}

#[cfg(test)]
mod tests {
    use crate::arende::testfall::*;
    use crate::forsorjningsstod::Manad;
    use crate::forsorjningsstod::fordjupad::FordjupadVal;

    fn forsorjningsstod_sokt() -> Fall {
        Fall::ny().med(ansokan(
            date!(2025 - 10 - 01),
            vec![InsatsTyp::Forsorjningsstod],
        ))
    }

    fn m(ar: i32, nr: u8) -> Manad {
        Manad::ny(ar, nr).unwrap()
    }

    #[test]
    fn sex_manader_i_folj_ger_bevakning_om_fordjupad_utredning() {
        let mut f = forsorjningsstod_sokt();
        let manader = [
            m(2025, 10),
            m(2025, 11),
            m(2025, 12),
            m(2026, 1),
            m(2026, 2),
        ];
        for manad in manader {
            f.steg(manadsberakning(date!(2026 - 06 - 01), manad, 6_000));
        }
        assert!(bevakning_av(f.arende(), BevakningsTyp::FordjupadUtredning).is_empty());
        assert!(f.kan(KommandoTyp::ValjFordjupadUtredning).is_err());
        f.steg(manadsberakning(date!(2026 - 06 - 01), m(2026, 3), 6_000));
        // The sixth month: the choice is due with the next month.
        assert_eq!(
            bevakning_av(f.arende(), BevakningsTyp::FordjupadUtredning),
            vec![date!(2026 - 04 - 01)]
        );
        // Not starting one needs its reason.
        let r = f.forsok(Kommando::ValjFordjupadUtredning {
            datum: date!(2026 - 06 - 02),
            inleds: false,
            skal: " ".into(),
        });
        assert_eq!(falt(r), vec!["skal"]);
        let h = f.steg(Kommando::ValjFordjupadUtredning {
            datum: date!(2026 - 06 - 02),
            inleds: true,
            skal: "Oklar arbetsförmåga: FIA och kontakt med vården.".into(),
        });
        assert!(matches!(
            &h[0],
            Handelse::FordjupadUtredningVald(FordjupadVal { fran, inleds: true, .. }) if *fran == m(2025, 10)
        ));
        assert!(bevakning_av(f.arende(), BevakningsTyp::FordjupadUtredning).is_empty());
        // Once per run: the seventh month does not ask again.
        f.steg(manadsberakning(date!(2026 - 06 - 01), m(2026, 4), 6_000));
        assert!(bevakning_av(f.arende(), BevakningsTyp::FordjupadUtredning).is_empty());
        assert!(f.kan(KommandoTyp::ValjFordjupadUtredning).is_err());
    }

    #[test]
    fn en_manad_utan_stod_bryter_foljden_och_ett_val_i_ett_annat_arende_galler() {
        let mut f = forsorjningsstod_sokt();
        // October–December, no aid in January, February–May: four in a row, not six.
        for manad in [
            m(2025, 10),
            m(2025, 11),
            m(2025, 12),
            m(2026, 2),
            m(2026, 3),
            m(2026, 4),
            m(2026, 5),
        ] {
            f.steg(manadsberakning(date!(2026 - 06 - 01), manad, 6_000));
        }
        assert!(bevakning_av(f.arende(), BevakningsTyp::FordjupadUtredning).is_empty());
        // The months before came in the person's other cases; the choice was made there.
        let mut g = forsorjningsstod_sokt();
        let val = FordjupadVal {
            datum: date!(2026 - 05 - 04),
            fran: m(2025, 11),
            inleds: false,
            skal: "Börjar arbeta i juli.".into(),
        };
        let mut k = manadsberakning(date!(2026 - 06 - 01), m(2026, 5), 6_000);
        if let Kommando::BeraknaForsorjningsstod {
            andra_manader,
            andra_val,
            ..
        } = &mut k
        {
            *andra_manader = vec![
                m(2025, 11),
                m(2025, 12),
                m(2026, 1),
                m(2026, 2),
                m(2026, 3),
                m(2026, 4),
            ];
            *andra_val = vec![val.clone()];
        }
        g.steg(k);
        assert!(bevakning_av(g.arende(), BevakningsTyp::FordjupadUtredning).is_empty());
        assert_eq!(g.arende().fordjupad, vec![val]);
    }

    #[test]
    fn positiv_freda_screening_kraver_riskbedomning_tills_den_kvitteras() {
        use crate::instrument::{Instrument, Svar};
        let mut f = utredning_pagar();
        let freda = |svar: Vec<u8>, samtycke| Kommando::RegistreraInstrument {
            datum: date!(2026 - 01 - 20),
            svar: Box::new(Svar::ny(Instrument::Freda, svar, samtycke)),
            kon: Some(crate::identitet::Kon::Kvinna),
        };
        // Without consent nothing is recorded.
        assert_eq!(
            falt(f.forsok(freda(vec![1, 0, 0], false))),
            vec!["samtycke"]
        );
        f.steg(freda(vec![0, 0, 0], true));
        assert!(bevakning_av(f.arende(), BevakningsTyp::Skyddsbedomning).is_empty());
        f.steg(freda(vec![0, 1, 0], true));
        assert_eq!(
            bevakning_av(f.arende(), BevakningsTyp::Skyddsbedomning),
            vec![date!(2026 - 01 - 20)]
        );
        f.steg(Kommando::KvitteraBevakning {
            nyckel: "skydd:2026-01-20".into(),
            datum: date!(2026 - 01 - 21),
        });
        assert!(bevakning_av(f.arende(), BevakningsTyp::Skyddsbedomning).is_empty());
        // AUDIT scored by the person's sex: 7 is risky use for a woman.
        let h = f.steg(Kommando::RegistreraInstrument {
            datum: date!(2026 - 01 - 22),
            svar: Box::new(Svar::ny(
                Instrument::Audit,
                vec![2, 2, 1, 1, 1, 0, 0, 0, 0, 0],
                true,
            )),
            kon: Some(crate::identitet::Kon::Kvinna),
        });
        let Handelse::InstrumentRegistrerat { resultat, .. } = &h[0] else {
            panic!("{h:?}")
        };
        assert_eq!(resultat.summa, Some(7));
        assert!(
            resultat.sammanfattning().contains("riskbruk"),
            "{}",
            resultat.sammanfattning()
        );
    }

    /// The utredning has its case type's structure: ASI's areas for the addiction unit, the
    /// guide's for ekonomiskt bistånd (issue 20, item 5).
    #[test]
    fn livsomradena_foljer_arendets_slag() {
        use crate::livsomrade::{Avsnitt, Livsomrade};
        let f = utredning_pagar();
        assert_eq!(Livsomrade::for_arende(f.arende()), &Livsomrade::ASI);
        let avsnitt = |omrade| {
            Kommando::SkrivUtredningsavsnitt(Avsnitt {
                datum: IDAG,
                omrade,
                personens_ord: String::new(),
                handlaggarens: "Dricker dagligen sedan skilsmässan.".into(),
                mal: String::new(),
            })
        };
        assert_eq!(falt(f.forsok(avsnitt(Livsomrade::Ekonomi))), vec!["omrade"]);
        let f = f.med(avsnitt(Livsomrade::Alkohol));
        assert_eq!(f.arende().utredningsavsnitt[0].omrade, Livsomrade::Alkohol);
    }

    #[test]
    fn grundutredningen_skrivs_per_livsomrade_och_avslutas_med_en_bedomning() {
        use crate::livsomrade::{Avsnitt, Livsomrade};
        let mut f = Fall::ny().med(ansokan(
            date!(2026 - 01 - 12),
            vec![InsatsTyp::Forsorjningsstod],
        ));
        let avsnitt = |omrade, handlaggarens: &str| {
            Kommando::SkrivUtredningsavsnitt(Avsnitt {
                datum: date!(2026 - 01 - 20),
                omrade,
                personens_ord: "Jag vill jobba med barn.".into(),
                handlaggarens: handlaggarens.into(),
                mal: "Börja på barnskötarutbildning i höst.".into(),
            })
        };
        assert!(f.kan(KommandoTyp::SkrivUtredningsavsnitt).is_err());
        f.steg(Kommando::InledUtredning {
            datum: date!(2026 - 01 - 13),
            beslut_vantas: None,
        });
        assert!(f.kan(KommandoTyp::BedomGrundutredning).is_err());
        assert_eq!(
            falt(f.forsok(avsnitt(Livsomrade::ArbeteOchUtbildning, " "))),
            vec!["handlaggarens"]
        );
        f.steg(avsnitt(
            Livsomrade::ArbeteOchUtbildning,
            "Gymnasieexamen, inget arbete sedan 2024.",
        ));
        f.steg(avsnitt(Livsomrade::Boende, "Eget kontrakt."));
        // A rewritten area replaces the earlier version; the areas stay in the guide's order.
        f.steg(avsnitt(
            Livsomrade::ArbeteOchUtbildning,
            "Gymnasieexamen. Praktik via AF från mars.",
        ));
        let omraden: Vec<_> = f
            .arende()
            .utredningsavsnitt
            .iter()
            .map(|a| a.omrade)
            .collect();
        assert_eq!(
            omraden,
            vec![Livsomrade::ArbeteOchUtbildning, Livsomrade::Boende]
        );
        assert!(
            f.arende().utredningsavsnitt[0]
                .handlaggarens
                .contains("Praktik")
        );
        assert_eq!(
            falt(f.forsok(Kommando::BedomGrundutredning {
                datum: date!(2026 - 01 - 21),
                bedomning: String::new(),
                forslag: None,
            })),
            vec!["bedomning"]
        );
        f.steg(Kommando::BedomGrundutredning {
            datum: date!(2026 - 01 - 21),
            bedomning: "Arbetslöshet är hindret; planen byggs kring praktiken.".into(),
            forslag: Some(ForslagTillBeslut {
                utfall: Some(Utfall::Bifall),
                text: " Försörjningsstöd beviljas för februari. ".into(),
            }),
        });
        assert!(f.arende().utredningsbedomning.is_some());
        assert_eq!(
            f.arende().forslag_till_beslut,
            Some(ForslagTillBeslut {
                utfall: Some(Utfall::Bifall),
                text: "Försörjningsstöd beviljas för februari.".into(),
            })
        );
        // A new bedömning replaces the old, its proposal too; an empty proposal is none.
        f.steg(Kommando::BedomGrundutredning {
            datum: date!(2026 - 01 - 22),
            bedomning: "Hindret är hälsan; underlag från vården behövs.".into(),
            forslag: Some(ForslagTillBeslut {
                utfall: None,
                text: "  ".into(),
            }),
        });
        assert_eq!(f.arende().forslag_till_beslut, None);
    }

    #[test]
    fn forsorjningsstod_beslutas_fran_en_berakning_med_hinder_for_varje_vuxen() {
        let f = forsorjningsstod_sokt()
            .med(Kommando::InledUtredning {
                datum: date!(2025 - 10 - 02),
                beslut_vantas: None,
            })
            .med(Kommando::AvslutaUtredning {
                datum: date!(2025 - 10 - 03),
            });
        let beslut = || {
            fatta(
                B_BIFALL,
                InsatsTyp::Forsorjningsstod,
                Utfall::Bifall,
                date!(2025 - 10 - 06),
            )
        };
        assert_eq!(falt(f.forsok(beslut())), vec!["utfall"]);
        // A month without each adult's hinder is not calculated.
        let mut utan = manadsberakning(date!(2025 - 10 - 06), m(2025, 10), 6_000);
        if let Kommando::BeraknaForsorjningsstod { underlag, .. } = &mut utan {
            underlag.forsorjningshinder.clear();
        }
        assert_eq!(falt(f.forsok(utan)), vec!["forsorjningshinder"]);
        let f = f.med(manadsberakning(date!(2025 - 10 - 06), m(2025, 10), 6_000));
        assert!(f.forsok(beslut()).is_ok());
        // Avvisning needs no calculation.
        let g = forsorjningsstod_sokt();
        let r = g.forsok(fatta(
            B_BIFALL,
            InsatsTyp::Forsorjningsstod,
            Utfall::Avvisning,
            date!(2025 - 10 - 06),
        ));
        assert!(!falt(r).contains(&"utfall"));
    }

    #[test]
    fn fl_12_begaran_om_avgorande_efter_sex_manader_besvaras_inom_fyra_veckor() {
        let mut f = ansokan_registrerad();
        // Started 2026-01-12: not before six months have passed.
        let r = f.forsok(Kommando::BegarAvgorande { datum: IDAG });
        assert_eq!(falt(r), vec!["datum"]);
        let mut senare = ktx();
        senare.idag = date!(2026 - 08 - 03);
        f.steg_som(
            Kommando::BegarAvgorande {
                datum: date!(2026 - 07 - 20),
            },
            &senare,
        );
        // FL 12 §: four weeks to decide or reject.
        assert_eq!(
            bevakning_av(f.arende(), BevakningsTyp::BegaranOmAvgorande),
            vec![date!(2026 - 08 - 17)]
        );
        // Once per case.
        assert!(f.kan(T::BegarAvgorande).is_err());
        f.steg_som(
            Kommando::AvslaBegaranOmAvgorande {
                datum: date!(2026 - 08 - 03),
                motivering: "Vi väntar på läkarintyget som behövs.".into(),
            },
            &senare,
        );
        assert!(bevakning_av(f.arende(), BevakningsTyp::BegaranOmAvgorande).is_empty());
        assert!(f.kan(T::AvslaBegaranOmAvgorande).is_err());
    }

    /// Issue 11, item 8: rejecting a request for a decision is a decision, taken under
    /// the delegationsordning like a decision on the undecided applications; the
    /// point used is recorded.
    #[test]
    fn fl_12_avslag_pa_begaran_kraver_delegation_och_registrerar_punkten() {
        let mut f = Fall::ny().med(ansokan(
            date!(2026 - 01 - 12),
            vec![InsatsTyp::Oppenvardsbehandling, InsatsTyp::Hvb],
        ));
        let mut handlaggare = ktx();
        handlaggare.idag = date!(2026 - 08 - 03);
        f.steg_som(
            Kommando::BegarAvgorande {
                datum: date!(2026 - 07 - 20),
            },
            &handlaggare,
        );
        let avsla = Kommando::AvslaBegaranOmAvgorande {
            datum: date!(2026 - 08 - 03),
            motivering: "Vi väntar på läkarintyget som behövs.".into(),
        };
        // HVB is for the arbetsledare (point 3.5): the handläggare may not reject.
        let r = handle(f.a.as_ref(), avsla.clone(), &handlaggare);
        assert!(matches!(r, Err(Avvisning::Delegation(_))), "{r:?}");
        let mut al = arbetsledare();
        al.idag = date!(2026 - 08 - 03);
        let h = f.steg_som(avsla, &al);
        // Each undecided insats under its own point: both are recorded.
        let punkt = match h.as_slice() {
            [
                Handelse::BegaranOmAvgorandeAvslagen {
                    delegation: Some(d),
                    ..
                },
            ] => (d.version, d.punkt.clone()),
            _ => panic!("{h:?}"),
        };
        assert_eq!(punkt, (7, "3.1, 3.5".to_string()));
    }

    #[test]
    fn fl_12_galler_bara_arenden_som_den_enskilde_inlett() {
        let f = anmalan_vantar_forhandsbedomning();
        assert!(f.kan(T::BegarAvgorande).is_err());
    }

    /// FL 11 §: a delayed decision prompts the handläggare a week before the day the person
    /// was told, and the notice to the person is recorded with why and the new day, which the
    /// next prompt follows.
    #[test]
    fn fl_11_drojsmal_paminns_och_registreras() {
        let f = utredning_pagar();
        assert_eq!(
            f.arende().beslut_vantas,
            Some(date!(2026 - 02 - 24)),
            "FL 9 §: six weeks for öppenvård by default, from the start on 13 January"
        );
        let b = av_typ(f.arende(), BevakningsTyp::Drojsmal);
        assert_eq!(b.len(), 1);
        assert_eq!(
            b[0].datum,
            date!(2026 - 02 - 17),
            "a week before the expected day"
        );
        let r = f.forsok(Kommando::MeddelaDrojsmal(DrojsmalUppgifter {
            datum: IDAG,
            skal: " ".into(),
            nytt_datum: IDAG,
            satt: Kommunikationssatt::Brev,
        }));
        assert_eq!(falt(r), vec!["skal", "nytt_datum"]);
        let g = f.med(Kommando::MeddelaDrojsmal(DrojsmalUppgifter {
            datum: date!(2026 - 05 - 11),
            skal: "Vi väntar på läkarintyget".into(),
            nytt_datum: date!(2026 - 06 - 30),
            satt: Kommunikationssatt::Brev,
        }));
        let b = av_typ(g.arende(), BevakningsTyp::Drojsmal);
        assert_eq!(
            b[0].datum,
            date!(2026 - 06 - 23),
            "a week before the new day, so the person hears before it passes"
        );
        // Decided: nothing is delayed any more.
        assert!(av_typ(bifall_fattat().arende(), BevakningsTyp::Drojsmal).is_empty());
    }
}

#[cfg(test)]
mod beslut_vantas {
    use super::*;
    use crate::arende::testfall::*;
    use time::macros::date;

    fn drojsmal(a: &Arende) -> Vec<Date> {
        bevakningar(a)
            .into_iter()
            .filter(|b| b.typ == BevakningsTyp::Drojsmal)
            .map(|b| b.datum)
            .collect()
    }

    /// The day the person is told to expect a decision: the handläggare's, checked against
    /// the start and the six months of FL 12 §; or the default per insats (FL 9 § sets no
    /// period), never past those six months.
    #[test]
    fn fl_9_dagen_da_beslut_vantas() {
        let f = ansokan_registrerad();
        let r = f.forsok(Kommando::InledUtredning {
            datum: date!(2026 - 01 - 13),
            beslut_vantas: Some(date!(2026 - 01 - 13)),
        });
        assert_eq!(falt(r), vec!["beslut_vantas"]);
        let r = f.forsok(Kommando::InledUtredning {
            datum: date!(2026 - 01 - 13),
            beslut_vantas: Some(date!(2026 - 07 - 13)),
        });
        assert_eq!(falt(r), vec!["beslut_vantas"], "past the six months");
        let g = f.clone().med(Kommando::InledUtredning {
            datum: date!(2026 - 01 - 13),
            beslut_vantas: Some(date!(2026 - 03 - 31)),
        });
        assert_eq!(g.arende().vantat_beslut(), Some(date!(2026 - 03 - 31)));
        assert_eq!(drojsmal(g.arende()), vec![date!(2026 - 03 - 24)]);
        // Defaults: money two weeks, heldygnsvård eight, moved to a vardag.
        assert_eq!(
            frister::beslut_vantas(date!(2026 - 01 - 13), &[InsatsTyp::Forsorjningsstod]),
            Some(date!(2026 - 01 - 27))
        );
        assert_eq!(
            frister::beslut_vantas(
                date!(2026 - 01 - 13),
                &[InsatsTyp::Forsorjningsstod, InsatsTyp::Hvb]
            ),
            Some(date!(2026 - 03 - 10))
        );
        // Two weeks from 11 December is Christmas Day: the next vardag.
        assert_eq!(
            frister::beslut_vantas(date!(2026 - 12 - 11), &[InsatsTyp::Forsorjningsstod]),
            Some(date!(2026 - 12 - 28))
        );
        assert_eq!(frister::beslut_vantas(date!(2026 - 01 - 13), &[]), None);
        // Started late: the default stops at the six months (12 July).
        let sen = f.med(Kommando::InledUtredning {
            datum: date!(2026 - 06 - 15),
            beslut_vantas: None,
        });
        assert_eq!(sen.arende().beslut_vantas, Some(date!(2026 - 07 - 12)));
    }

    /// An application made after the utredning started was not part of the day given then:
    /// the four-month prompt watches it. A decision ends the watch.
    #[test]
    fn senare_ansokan_omfattas_inte() {
        let f = utredning_pagar().med(Kommando::AnsokInsats {
            insats: InsatsTyp::Kontaktperson,
            datum: date!(2026 - 02 - 02),
            kanal: Kanal::Besok,
        });
        // Öppenvården is still undecided too, and was covered: its day holds.
        assert_eq!(f.arende().vantat_beslut(), Some(date!(2026 - 02 - 24)));
        assert!(bifall_fattat().arende().vantat_beslut().is_none());
    }
}
