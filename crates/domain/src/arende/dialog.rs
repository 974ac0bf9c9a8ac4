//! The dialogue between the person and the handläggare: secure messages,
//! requests for documents or information (komplettering), and requests for a
//! meeting. All of it lives in the case's events (DESIGN.md, Events) so it is
//! part of the personakt like any other step (SoL 14 kap.).
//!
//! The person acts through Mina sidor, whose system account has no role that
//! the rules could depend on: nothing here looks at the role or the
//! delegationsordning.

use serde::{Deserialize, Serialize};
use time::{Date, Time};

use super::kommando::{Fel, fel_fas, tillstand};
use super::{Arende, Avvisning, Faktafel, Handelse, Kommando, KommandoTyp, Kontext, bevakning};
use crate::frister;
use crate::ids::*;
use crate::kalender::forsta_vardag_efter;

/// The working days within which the unit promises to answer a message from
/// the person. Not a statutory time limit: the unit's own service promise,
/// shown to the person when they write, in the spirit of FL 6 § (help to the
/// individual "utan onödigt dröjsmål"). The same time is used for booking a
/// meeting the person asked for.
pub const MEDDELANDE_SVARSTID: u32 = 2;

/// The working days the arbetsledare has to answer a request for another handläggare
/// (issue 19 item 5). No statute sets it: the person keeps working with the
/// handläggare they asked to be rid of until the answer comes, so the answer must
/// not wait longer than it takes to talk with both and find who can take over. A
/// working week is what Verdandi's stories (seed 003) and the rights guide (seed 000,
/// "be att få prata med en chef eller en annan handläggare") make reasonable, within
/// FL 9 § ("så snabbt ... som möjligt") and FL 6 § (service without delay).
pub const HANDLAGGARBYTE_SVARSTID: u32 = 5;

/// The day a request for another handläggare is to be answered by:
/// [`HANDLAGGARBYTE_SVARSTID`] working days after it was made (working days as in
/// [`svar_senast`]).
pub fn handlaggarbyte_svar_senast(begard: Date) -> Date {
    arbetsdagar_efter(begard, HANDLAGGARBYTE_SVARSTID)
}

/// The `n`th working day after `dag` (a vardag as [`svar_senast`] says).
fn arbetsdagar_efter(dag: Date, n: u32) -> Date {
    (0..n).fold(dag, |d, _| forsta_vardag_efter(d))
}

/// The longest text the person or the handläggare can write in one message or
/// answer. Long enough for a letter; short enough to read on a phone.
pub const MEDDELANDE_MAX_TECKEN: usize = 5000;

/// The day the unit promises an answer by: [`MEDDELANDE_SVARSTID`] working days
/// after the day the message was sent. A working day is a vardag in the sense of
/// lag (1930:173) 2 § (not Saturday, Sunday, an allmän helgdag, midsommarafton,
/// julafton or nyårsafton); a message sent on a non-working day counts from the
/// next working day, as a letter arriving then would.
pub fn svar_senast(skickat: Date) -> Date {
    arbetsdagar_efter(skickat, MEDDELANDE_SVARSTID)
}

/// Who wrote: the person (or an ombud under a fullmakt, FL 14 §, named as
/// given) or the handläggare.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "typ", rename_all = "snake_case")]
pub enum Avsandare {
    Enskild { ombud: Option<String> },
    Handlaggare,
}

impl Avsandare {
    pub fn enskild(&self) -> bool {
        matches!(self, Self::Enskild { .. })
    }
}

/// What the person can be asked to hand in. The catalogue follows the areas
/// Socialstyrelsen's guide to the utredning of ekonomiskt bistånd says the
/// handläggare covers with the person (seed 001, "Utreda": ekonomisk situation,
/// bostadssituation, arbetsliv och utbildning, fysisk och psykisk hälsa) and the
/// authorities it names for samverkan (seed 001, "Samverka": Arbetsförmedlingen,
/// Försäkringskassan, hälso- och sjukvården). The guide names areas, not
/// documents: the document for each area is the one units commonly ask for.
/// Anything else is `Annat`, described in the request's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Handlingstyp {
    /// Ekonomisk situation.
    Kontoutdrag,
    /// Bostadssituation.
    Hyresavi,
    /// Arbetsliv.
    Lonespecifikation,
    /// Samverkan med Försäkringskassan.
    BeslutForsakringskassan,
    /// Utbildning.
    BeslutCsn,
    /// Fysisk och psykisk hälsa; samverkan med hälso- och sjukvården.
    Lakarintyg,
    /// Samverkan med Arbetsförmedlingen.
    HandlingsplanArbetsformedlingen,
    /// Who the person is.
    IdHandling,
    /// Described in the request's text.
    Annat,
}

impl Handlingstyp {
    pub const ALLA: [Self; 9] = [
        Self::Kontoutdrag,
        Self::Hyresavi,
        Self::Lonespecifikation,
        Self::BeslutForsakringskassan,
        Self::BeslutCsn,
        Self::Lakarintyg,
        Self::HandlingsplanArbetsformedlingen,
        Self::IdHandling,
        Self::Annat,
    ];

    pub fn kod(self) -> &'static str {
        match self {
            Self::Kontoutdrag => "kontoutdrag",
            Self::Hyresavi => "hyresavi",
            Self::Lonespecifikation => "lonespecifikation",
            Self::BeslutForsakringskassan => "beslut_forsakringskassan",
            Self::BeslutCsn => "beslut_csn",
            Self::Lakarintyg => "lakarintyg",
            Self::HandlingsplanArbetsformedlingen => "handlingsplan_arbetsformedlingen",
            Self::IdHandling => "id_handling",
            Self::Annat => "annat",
        }
    }

    pub fn fran_kod(k: &str) -> Option<Self> {
        Self::ALLA.into_iter().find(|t| t.kod() == k)
    }

    pub fn namn(self) -> &'static str {
        match self {
            Self::Kontoutdrag => "Kontoutdrag för de senaste tre månaderna",
            Self::Hyresavi => "Hyresavi eller hyreskontrakt",
            Self::Lonespecifikation => "Lönespecifikation",
            Self::BeslutForsakringskassan => "Beslut från Försäkringskassan",
            Self::BeslutCsn => "Beslut från CSN",
            Self::Lakarintyg => "Läkarintyg",
            Self::HandlingsplanArbetsformedlingen => "Handlingsplan från Arbetsförmedlingen",
            Self::IdHandling => "Id-handling",
            Self::Annat => "Annat",
        }
    }

    /// `Annat` names nothing that can be recognised again, so it is never
    /// "redan inlämnad".
    pub fn kan_vara_inlamnad(self) -> bool {
        self != Self::Annat
    }
}

/// What the person asks to meet about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Motestyp {
    /// A follow-up of the insats or plan (seed 004: followed up with the person).
    Uppfoljning,
    /// A personal meeting with the handläggare.
    Personligt,
    /// A meeting about the plan toward self-sufficiency (issue 16: the person may ask for one).
    Planen,
}

impl Motestyp {
    pub const ALLA: [Self; 3] = [Self::Uppfoljning, Self::Personligt, Self::Planen];
    pub fn kod(self) -> &'static str {
        match self {
            Self::Uppfoljning => "uppfoljning",
            Self::Personligt => "personligt",
            Self::Planen => "planen",
        }
    }
    pub fn fran_kod(k: &str) -> Option<Self> {
        Self::ALLA.into_iter().find(|t| t.kod() == k)
    }
    pub fn namn(self) -> &'static str {
        match self {
            Self::Uppfoljning => "Uppföljningsmöte",
            Self::Personligt => "Personligt möte",
            Self::Planen => "Möte om planen mot egen försörjning",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meddelande {
    pub id: MeddelandeId,
    pub datum: Date,
    pub fran: Avsandare,
    pub text: String,
}

/// One answer to a request for komplettering.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KompletteringSvar {
    pub datum: Date,
    pub fran: Avsandare,
    pub text: String,
    pub dokument: Vec<DokumentId>,
}

/// A request for documents or information and what came of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Komplettering {
    pub id: KompletteringId,
    pub begard: Date,
    pub handlingar: Vec<Handlingstyp>,
    pub beskrivning: String,
    /// What will be accepted, e.g. "PDF, foto eller kopia".
    pub godtas: String,
    pub senast: Date,
    /// Why a document already accepted is asked for again.
    pub skal_trots_inlamnad: Option<String>,
    pub svar: Vec<KompletteringSvar>,
    pub godtagen: Option<Date>,
}

impl Komplettering {
    /// Still waiting: for the person to hand something in, or for the handläggare to accept it.
    pub fn oppen(&self) -> bool {
        self.godtagen.is_none()
    }

    /// Waits for the person: not accepted, and nothing handed in yet.
    pub fn vantar_pa_enskild(&self) -> bool {
        self.oppen() && self.svar.is_empty()
    }
}

/// The person's request for a meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Motesforfragan {
    pub datum: Date,
    pub typ: Motestyp,
    pub fran: Avsandare,
    pub text: String,
    /// When and where the meeting is, once the handläggare booked it in Lots.
    #[serde(default)]
    pub bokat: Option<Motesbokning>,
}

/// A booked meeting: what the person is told on Mina sidor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Motesbokning {
    pub datum: Date,
    pub klockslag: Time,
    pub plats: String,
}

/// The person's request for another handläggare (issue 19 item 5): with or without
/// a reason, about the handläggare who had the case when it was made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Handlaggarbyte {
    pub datum: Date,
    pub fran: Avsandare,
    /// The person's reason, if they gave one; none is required.
    pub skal: String,
    /// Whom the request is about: the case's handläggare when it was made.
    pub handlaggare: Option<AnvandarId>,
    /// The arbetsledare's written answer, once given.
    #[serde(default)]
    pub svar: Option<HandlaggarbyteSvar>,
}

/// The arbetsledare's written answer to a request for another handläggare.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HandlaggarbyteSvar {
    pub datum: Date,
    /// Granted: the case went to `ny_handlaggare`.
    pub beviljad: bool,
    pub ny_handlaggare: Option<AnvandarId>,
    /// The answer in writing: why, or what happens now. Shown to the person.
    pub motivering: String,
    /// Who answered.
    pub av: AnvandarId,
}

impl Arende {
    /// The request for another handläggare that waits for an answer, with its place.
    pub fn vantande_handlaggarbyte(&self) -> Option<(usize, &Handlaggarbyte)> {
        self.handlaggarbyten
            .iter()
            .enumerate()
            .find(|(_, b)| b.svar.is_none())
    }

    pub fn komplettering(&self, id: KompletteringId) -> Option<&Komplettering> {
        self.kompletteringar.iter().find(|k| k.id == id)
    }

    fn komplettering_mut(&mut self, id: KompletteringId) -> Option<&mut Komplettering> {
        self.kompletteringar.iter_mut().find(|k| k.id == id)
    }

    /// The kinds of document accepted in this case, each with the day it was
    /// accepted (the first time, if asked for again). `Annat` is left out: it
    /// names nothing that can be recognised again.
    pub fn godtagna_handlingar(&self) -> Vec<(Handlingstyp, Date)> {
        let mut ut: Vec<(Handlingstyp, Date)> = vec![];
        for k in &self.kompletteringar {
            let Some(godtagen) = k.godtagen else { continue };
            for t in k.handlingar.iter().filter(|t| t.kan_vara_inlamnad()) {
                match ut.iter_mut().find(|(x, _)| x == t) {
                    Some((_, d)) => *d = (*d).min(godtagen),
                    None => ut.push((*t, godtagen)),
                }
            }
        }
        ut
    }

    /// The `n`th request for a meeting has been answered: booked in Lots, or its bevakning
    /// kvitterad because it was booked outside Lots.
    pub fn mote_bokat(&self, n: usize) -> bool {
        self.motesforfragningar.get(n).is_some_and(|m| {
            m.bokat.is_some()
                || self
                    .kvitterade
                    .contains(&bevakning::mote_nyckel(n, m.datum))
        })
    }

    /// The requests a booking can answer: those not kvitterade (a kvittering says the
    /// meeting was arranged outside Lots). A booked one can be booked again at another time.
    pub fn bokningsbara_moten(&self) -> impl Iterator<Item = (usize, &Motesforfragan)> {
        self.motesforfragningar.iter().enumerate().filter(|(n, m)| {
            !self
                .kvitterade
                .contains(&bevakning::mote_nyckel(*n, m.datum))
        })
    }

    /// The messages from the person that still wait for an answer: those after
    /// the handläggare's latest message.
    pub fn obesvarade_meddelanden(&self) -> &[Meddelande] {
        let fran = self
            .meddelanden
            .iter()
            .rposition(|m| m.fran == Avsandare::Handlaggare)
            .map_or(0, |i| i + 1);
        &self.meddelanden[fran..]
    }
}

pub(super) fn kan(a: &Arende, typ: KommandoTyp) -> Result<(), String> {
    use KommandoTyp as T;
    match typ {
        T::LamnaKomplettering => {
            if a.kompletteringar.iter().any(Komplettering::oppen) {
                Ok(())
            } else {
                tillstand("Ingen begäran om komplettering väntar på svar.")
            }
        }
        T::GodtaKomplettering => {
            if a.kompletteringar
                .iter()
                .any(|k| k.oppen() && !k.svar.is_empty())
            {
                Ok(())
            } else {
                tillstand("Ingen inlämnad komplettering väntar på att godtas.")
            }
        }
        // One request at a time: a second while the first waits would be the same request.
        T::BegarHandlaggarbyte => {
            if a.vantande_handlaggarbyte().is_some() {
                tillstand("En begäran om annan handläggare väntar redan på svar.")
            } else {
                Ok(())
            }
        }
        T::BesvaraHandlaggarbyte => {
            if a.vantande_handlaggarbyte().is_some() {
                Ok(())
            } else {
                tillstand("Ingen begäran om annan handläggare väntar på svar.")
            }
        }
        T::BokaMote => {
            if a.bokningsbara_moten().next().is_some() {
                Ok(())
            } else {
                tillstand("Den enskilde har inte bett om något möte som kan bokas här.")
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
        Kommando::SkickaMeddelande {
            id,
            datum,
            fran,
            text,
        } => {
            // The same id twice is the same message sent twice (a double click):
            // it is refused rather than stored again.
            if a.meddelanden.iter().any(|m| m.id == id) {
                return Err(Avvisning::Tillstand("Meddelandet är redan skickat.".into()));
            }
            fel.inte_framtid(datum, idag, "datum");
            fel.inte_fore(datum, a.inkom, "datum", "ärendets start");
            if let Avsandare::Enskild { ombud: Some(namn) } = &fran {
                fel.text_kravs(namn, "ombud", "Skriv ombudets namn.");
            }
            fel.meddelandetext(&text, "text", "Skriv ett meddelande.");
            vec![Handelse::MeddelandeSkickat {
                id,
                datum,
                fran,
                text,
            }]
        }
        Kommando::BegarKomplettering {
            id,
            datum,
            handlingar,
            beskrivning,
            godtas,
            senast,
            skal_trots_inlamnad,
            redan_inlamnade,
        } => {
            if a.komplettering(id).is_some() {
                return Err(Avvisning::Tillstand(
                    "Begäran om komplettering är redan skickad.".into(),
                ));
            }
            fel.inte_framtid(datum, idag, "datum");
            fel.inte_fore(datum, a.inkom, "datum", "ärendets start");
            let mut valda: Vec<Handlingstyp> = vec![];
            for t in handlingar {
                if !valda.contains(&t) {
                    valda.push(t);
                }
            }
            let beskrivning = beskrivning.trim().to_owned();
            fel.om(
                valda.is_empty() && beskrivning.is_empty(),
                "handlingar",
                "Välj vilka handlingar som behövs, eller beskriv vad som behövs.",
            );
            fel.om(
                valda.contains(&Handlingstyp::Annat) && beskrivning.is_empty(),
                "beskrivning",
                "Beskriv vad som avses med Annat.",
            );
            fel.inte_for_lang(&beskrivning, "beskrivning");
            fel.text_kravs(
                &godtas,
                "godtas",
                "Skriv vad som godtas, till exempel PDF, foto eller kopia.",
            );
            fel.om(
                senast < datum,
                "senast",
                "Sista dagen kan inte ligga före dagen för begäran.",
            );
            // A document the person has already handed in and had accepted, in this
            // case or another, is not asked for again without a reason: the
            // utredning is not to be larger than needed (FL 9 §; DOMAIN.md, The process).
            let godtagna_har: Vec<Handlingstyp> = a
                .godtagna_handlingar()
                .into_iter()
                .map(|(t, _)| t)
                .collect();
            let begard_igen: Vec<Handlingstyp> = valda
                .iter()
                .copied()
                .filter(|t| {
                    t.kan_vara_inlamnad()
                        && (redan_inlamnade.contains(t) || godtagna_har.contains(t))
                })
                .collect();
            let skal_trots_inlamnad = skal_trots_inlamnad
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty());
            if !begard_igen.is_empty() && skal_trots_inlamnad.is_none() {
                let namn: Vec<&str> = begard_igen.iter().map(|t| t.namn()).collect();
                fel.om(
                    true,
                    "skal",
                    if namn.len() == 1 {
                        format!(
                            "{} är redan inlämnad och godtagen. Skriv varför den behövs igen.",
                            namn[0]
                        )
                    } else {
                        format!(
                            "{} är redan inlämnade och godtagna. Skriv varför de behövs igen.",
                            lista(&namn)
                        )
                    },
                );
            }
            // lag (1930:173) 2 §: a last day on a non-working day moves to the next one.
            let senast = frister::svarsfrist(senast);
            vec![Handelse::KompletteringBegard {
                id,
                datum,
                handlingar: valda,
                beskrivning,
                godtas,
                senast,
                skal_trots_inlamnad,
                begard_igen,
            }]
        }
        Kommando::LamnaKomplettering {
            begaran,
            datum,
            fran,
            text,
            dokument,
        } => {
            let k = a
                .komplettering(begaran)
                .filter(|k| k.oppen())
                .ok_or_else(|| {
                    Avvisning::Fakta(vec![Faktafel {
                        fakta: "begaran",
                        text: "Välj en begäran om komplettering som väntar på svar.".into(),
                    }])
                })?;
            fel.inte_framtid(datum, idag, "datum");
            fel.inte_fore(datum, k.begard, "datum", "begäran");
            fel.enskild(&fran, "En komplettering");
            fel.om(
                text.trim().is_empty() && dokument.is_empty(),
                "text",
                "Skriv ett svar eller bifoga minst ett dokument.",
            );
            fel.inte_for_lang(&text, "text");
            fel.om(
                dokument.iter().any(|d| !a.dokument.contains(d)),
                "dokument",
                "Ett dokument i svaret finns inte i ärendet. Ladda upp det först.",
            );
            vec![Handelse::KompletteringLamnad {
                begaran,
                datum,
                fran,
                text,
                dokument,
            }]
        }
        Kommando::GodtaKomplettering { begaran, datum } => {
            let k = a
                .komplettering(begaran)
                .filter(|k| k.oppen() && !k.svar.is_empty())
                .ok_or_else(|| {
                    Avvisning::Fakta(vec![Faktafel {
                        fakta: "begaran",
                        text: "Välj en komplettering som lämnats in och inte redan godtagits."
                            .into(),
                    }])
                })?;
            fel.inte_framtid(datum, idag, "datum");
            if let Some(forsta) = k.svar.first() {
                fel.inte_fore(datum, forsta.datum, "datum", "att kompletteringen lämnades");
            }
            vec![Handelse::KompletteringGodtagen { begaran, datum }]
        }
        Kommando::BegarMote {
            datum,
            typ,
            fran,
            text,
        } => {
            fel.inte_framtid(datum, idag, "datum");
            fel.inte_fore(datum, a.inkom, "datum", "ärendets start");
            fel.enskild(&fran, "En begäran om möte");
            fel.inte_for_lang(&text, "text");
            vec![Handelse::MoteBegart {
                datum,
                typ,
                fran,
                text,
            }]
        }
        Kommando::BokaMote {
            forfragan,
            datum,
            klockslag,
            plats,
        } => {
            fel.om(
                !a.bokningsbara_moten().any(|(n, _)| n == forfragan),
                "forfragan",
                "Välj ett möte som den enskilde bett om och som inte redan ordnats utanför Lots.",
            );
            // A booking is a promise to the person: it cannot lie in the past.
            fel.om(
                datum < idag,
                "datum",
                format!(
                    "Mötet kan inte bokas till en dag som redan har varit (i dag är det {idag})."
                ),
            );
            fel.text_kravs(&plats, "plats", "Skriv var mötet är, till exempel adress och våning, eller att det är ett telefon- eller videomöte.");
            fel.inte_for_lang(&plats, "plats");
            vec![Handelse::MoteBokat {
                forfragan,
                datum,
                klockslag,
                plats: plats.trim().to_owned(),
            }]
        }
        Kommando::BegarHandlaggarbyte { datum, fran, skal } => {
            fel.inte_framtid(datum, idag, "datum");
            fel.inte_fore(datum, a.inkom, "datum", "ärendets start");
            fel.enskild(&fran, "En begäran om annan handläggare");
            fel.inte_for_lang(&skal, "skal");
            vec![Handelse::HandlaggarbyteBegart {
                datum,
                fran,
                skal: skal.trim().to_owned(),
                handlaggare: a.handlaggare,
            }]
        }
        Kommando::BesvaraHandlaggarbyte {
            begaran,
            datum,
            beviljad,
            ny_handlaggare,
            motivering,
        } => {
            let b = a
                .vantande_handlaggarbyte()
                .filter(|(n, _)| *n == begaran)
                .map(|(_, b)| b)
                .ok_or_else(|| {
                    Avvisning::Fakta(vec![Faktafel {
                        fakta: "begaran",
                        text: "Välj en begäran om annan handläggare som väntar på svar.".into(),
                    }])
                })?;
            // The handläggare the person asked to be rid of never answers the request:
            // they would be judge in their own matter (FL 16 § 1, jäv). The policy keeps
            // them from the form; this keeps them from the step whatever the caller.
            fel.om(
                b.handlaggare == Some(ctx.aktor),
                "begaran",
                "Begäran gäller dig. En arbetsledare som inte är handläggare i ärendet besvarar den.",
            );
            fel.inte_framtid(datum, idag, "datum");
            fel.inte_fore(datum, b.datum, "datum", "begäran");
            // The answer is in writing and the person reads it: a refusal with its
            // reasons (FL 32 §), a grant with who takes over.
            fel.meddelandetext(
                &motivering,
                "motivering",
                if beviljad {
                    "Skriv svaret till den enskilde, till exempel vem som tar över och när."
                } else {
                    "Skriv varför begäran inte beviljas. Den enskilde läser skälen."
                },
            );
            let ny = if beviljad { ny_handlaggare } else { None };
            if beviljad {
                fel.om(
                    ny.is_none(),
                    "ny_handlaggare",
                    "Välj vem som blir ny handläggare.",
                );
                fel.om(
                    ny.is_some() && ny == b.handlaggare,
                    "ny_handlaggare",
                    "Välj en annan handläggare än den som begäran gäller.",
                );
            }
            let mut ut = vec![Handelse::HandlaggarbyteBesvarat {
                begaran,
                datum,
                beviljad,
                ny_handlaggare: ny,
                motivering: motivering.trim().to_owned(),
                av: ctx.aktor,
            }];
            // Granted: the case is reassigned in the same step, by the event that
            // reassigns any case.
            if let Some(ny) = ny.filter(|n| a.handlaggare != Some(*n)) {
                ut.push(Handelse::HandlaggareTilldelad { handlaggare: ny });
            }
            ut
        }
        annan => return Err(fel_fas(&annan)),
    })
}

/// "A, B och C".
fn lista(namn: &[&str]) -> String {
    match namn {
        [] => String::new(),
        [ett] => (*ett).to_owned(),
        [forsta @ .., sista] => format!("{} och {sista}", forsta.join(", ")),
    }
}

impl Arende {
    pub(super) fn tillampa_dialog(&mut self, h: &Handelse) {
        match h {
            Handelse::MeddelandeSkickat {
                id,
                datum,
                fran,
                text,
            } => self.meddelanden.push(Meddelande {
                id: *id,
                datum: *datum,
                fran: fran.clone(),
                text: text.clone(),
            }),
            Handelse::KompletteringBegard {
                id,
                datum,
                handlingar,
                beskrivning,
                godtas,
                senast,
                skal_trots_inlamnad,
                ..
            } => self.kompletteringar.push(Komplettering {
                id: *id,
                begard: *datum,
                handlingar: handlingar.clone(),
                beskrivning: beskrivning.clone(),
                godtas: godtas.clone(),
                senast: *senast,
                skal_trots_inlamnad: skal_trots_inlamnad.clone(),
                svar: vec![],
                godtagen: None,
            }),
            Handelse::KompletteringLamnad {
                begaran,
                datum,
                fran,
                text,
                dokument,
            } => {
                if let Some(k) = self.komplettering_mut(*begaran) {
                    k.svar.push(KompletteringSvar {
                        datum: *datum,
                        fran: fran.clone(),
                        text: text.clone(),
                        dokument: dokument.clone(),
                    });
                }
            }
            Handelse::KompletteringGodtagen { begaran, datum } => {
                if let Some(k) = self.komplettering_mut(*begaran) {
                    k.godtagen = Some(*datum);
                }
            }
            Handelse::MoteBegart {
                datum,
                typ,
                fran,
                text,
            } => self.motesforfragningar.push(Motesforfragan {
                datum: *datum,
                typ: *typ,
                fran: fran.clone(),
                text: text.clone(),
                bokat: None,
            }),
            Handelse::MoteBokat {
                forfragan,
                datum,
                klockslag,
                plats,
            } => {
                if let Some(m) = self.motesforfragningar.get_mut(*forfragan) {
                    m.bokat = Some(Motesbokning {
                        datum: *datum,
                        klockslag: *klockslag,
                        plats: plats.clone(),
                    });
                }
            }
            Handelse::HandlaggarbyteBegart {
                datum,
                fran,
                skal,
                handlaggare,
            } => self.handlaggarbyten.push(Handlaggarbyte {
                datum: *datum,
                fran: fran.clone(),
                skal: skal.clone(),
                handlaggare: *handlaggare,
                svar: None,
            }),
            Handelse::HandlaggarbyteBesvarat {
                begaran,
                datum,
                beviljad,
                ny_handlaggare,
                motivering,
                av,
            } => {
                if let Some(b) = self.handlaggarbyten.get_mut(*begaran) {
                    b.svar = Some(HandlaggarbyteSvar {
                        datum: *datum,
                        beviljad: *beviljad,
                        ny_handlaggare: *ny_handlaggare,
                        motivering: motivering.clone(),
                        av: *av,
                    });
                }
            }
            // Events of other phases are folded there (`Arende::tillampa`).
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::arende::testfall::*;

    #[test]
    fn svar_senast_ar_tva_arbetsdagar() {
        assert_eq!(MEDDELANDE_SVARSTID, 2);
        // Monday → Wednesday.
        assert_eq!(svar_senast(date!(2026 - 06 - 15)), date!(2026 - 06 - 17));
        // Friday → Tuesday.
        assert_eq!(svar_senast(date!(2026 - 06 - 12)), date!(2026 - 06 - 16));
        // Saturday: counts from Monday → Tuesday.
        assert_eq!(svar_senast(date!(2026 - 06 - 13)), date!(2026 - 06 - 16));
        // Thursday before midsommar: midsommarafton is no working day (lag (1930:173) 2 §) → Tuesday 23rd.
        assert_eq!(svar_senast(date!(2026 - 06 - 18)), date!(2026 - 06 - 23));
        // Maundy Thursday 2026: långfredag and annandag påsk are holidays → Tuesday 7, Wednesday 8 April.
        assert_eq!(svar_senast(date!(2026 - 04 - 02)), date!(2026 - 04 - 08));
    }

    #[test]
    fn meddelande_fran_enskild_blir_bevakning_tills_handlaggaren_svarar() {
        let mut f = utredning_pagar();
        let dag = date!(2026 - 06 - 11); // a Thursday
        f.steg_som(
            meddelande(M1, dag, enskild(), "När får jag besked?"),
            &mina_sidor(),
        );
        assert_eq!(
            f.arende().meddelanden.last().map(|m| m.text.as_str()),
            Some("När får jag besked?")
        );
        let b: Vec<Bevakning> = bevakningar(f.arende())
            .into_iter()
            .filter(|b| b.typ == BevakningsTyp::ObesvaratMeddelande)
            .collect();
        assert_eq!(b.len(), 1);
        assert_eq!(
            b[0].datum,
            date!(2026 - 06 - 15),
            "two working days: Friday, Monday"
        );
        assert_eq!(b[0].nyckel, format!("meddelande:{M1}"));
        // A second message keeps the promise made for the first.
        f.steg_som(
            meddelande(
                M2,
                date!(2026 - 06 - 12),
                Avsandare::Enskild {
                    ombud: Some("Anna Ombud".into()),
                },
                "Hallå?",
            ),
            &mina_sidor(),
        );
        assert_eq!(
            bevakning_av(f.arende(), BevakningsTyp::ObesvaratMeddelande),
            vec![date!(2026 - 06 - 15)]
        );
        // The handläggare answers: the bevakning goes away.
        f.steg(meddelande(
            M3,
            IDAG,
            Avsandare::Handlaggare,
            "Beslut kommer nästa vecka.",
        ));
        assert!(bevakning_av(f.arende(), BevakningsTyp::ObesvaratMeddelande).is_empty());
        // A message from the handläggare alone watches nothing.
        let mut g = utredning_pagar();
        g.steg(meddelande(M1, IDAG, Avsandare::Handlaggare, "Välkommen"));
        assert!(bevakning_av(g.arende(), BevakningsTyp::ObesvaratMeddelande).is_empty());
    }

    #[test]
    fn meddelande_kraver_text_hogst_5000_tecken() {
        let f = utredning_pagar();
        assert_eq!(
            falt(f.forsok(meddelande(M1, IDAG, enskild(), "  "))),
            vec!["text"]
        );
        let lang = "a".repeat(MEDDELANDE_MAX_TECKEN + 1);
        assert_eq!(
            falt(f.forsok(meddelande(M1, IDAG, enskild(), &lang))),
            vec!["text"]
        );
        // 5000 characters, counted as characters and not bytes.
        let precis = "å".repeat(MEDDELANDE_MAX_TECKEN);
        assert!(f.forsok(meddelande(M1, IDAG, enskild(), &precis)).is_ok());
        assert_eq!(
            falt(f.forsok(meddelande(
                M1,
                IDAG,
                Avsandare::Enskild {
                    ombud: Some(" ".into())
                },
                "Hej"
            ))),
            vec!["ombud"]
        );
        assert_eq!(
            falt(f.forsok(meddelande(M1, IDAG + Duration::days(1), enskild(), "Hej"))),
            vec!["datum"]
        );
    }

    #[test]
    fn meddelande_vagras_i_avslutat_arende_och_dubbelt() {
        let f = avslutat();
        let r = f.forsok(meddelande(M1, IDAG, enskild(), "Hej"));
        assert!(matches!(r, Err(Avvisning::Tillstand(t)) if t == "Ärendet är avslutat."));
        let mut f = utredning_pagar();
        f.steg(meddelande(M1, IDAG, enskild(), "Hej"));
        let r = f.forsok(meddelande(M1, IDAG, enskild(), "Hej"));
        assert!(matches!(r, Err(Avvisning::Tillstand(_))), "{r:?}");
    }

    #[test]
    fn dialogen_beror_inte_pa_roll_eller_delegation() {
        let tom = Delegationsordning {
            version: 1,
            punkter: vec![],
        };
        let ctx = Kontext {
            delegationsordning: &tom,
            ..mina_sidor()
        };
        let mut f = komplettering_begard();
        f.steg_som(meddelande(M1, IDAG, enskild(), "Hej"), &ctx);
        f.steg_som(bifoga(DOK), &ctx);
        f.steg_som(lamna(KB1, IDAG, "", vec![DOK]), &ctx);
        f.steg_som(
            Kommando::BegarMote {
                datum: IDAG,
                typ: Motestyp::Personligt,
                fran: enskild(),
                text: String::new(),
            },
            &ctx,
        );
    }

    #[test]
    fn komplettering_begard_bevakas_till_sista_dagen_sedan_granskning() {
        let mut f = komplettering_begard();
        let k = f.arende().komplettering(KB1).expect("request");
        assert_eq!(
            k.handlingar,
            vec![Handlingstyp::Kontoutdrag, Handlingstyp::Hyresavi]
        );
        assert_eq!(k.godtas, "PDF, foto eller kopia");
        assert_eq!(
            bevakning_av(f.arende(), BevakningsTyp::KompletteringSenast),
            vec![date!(2026 - 02 - 16)]
        );
        // Godta before anything is handed in: not open.
        assert!(f.kan(T::GodtaKomplettering).is_err());
        f.steg(bifoga(DOK));
        f.steg(lamna(KB1, date!(2026 - 02 - 10), "Kontoutdrag", vec![DOK]));
        assert!(bevakning_av(f.arende(), BevakningsTyp::KompletteringSenast).is_empty());
        assert_eq!(
            bevakning_av(f.arende(), BevakningsTyp::KompletteringAttGranska),
            vec![date!(2026 - 02 - 10)]
        );
        // Several answers are allowed while it is not accepted; the first one dates the bevakning.
        f.steg(lamna(
            KB1,
            date!(2026 - 02 - 12),
            "Hyresavin kommer på papper",
            vec![],
        ));
        assert_eq!(f.arende().komplettering(KB1).map(|k| k.svar.len()), Some(2));
        assert_eq!(
            bevakning_av(f.arende(), BevakningsTyp::KompletteringAttGranska),
            vec![date!(2026 - 02 - 10)]
        );
        f.steg(Kommando::GodtaKomplettering {
            begaran: KB1,
            datum: date!(2026 - 02 - 13),
        });
        assert!(bevakning_av(f.arende(), BevakningsTyp::KompletteringAttGranska).is_empty());
        assert_eq!(
            f.arende().godtagna_handlingar(),
            vec![
                (Handlingstyp::Kontoutdrag, date!(2026 - 02 - 13)),
                (Handlingstyp::Hyresavi, date!(2026 - 02 - 13))
            ]
        );
        // Accepted: no more answers, no second acceptance.
        assert!(f.kan(T::LamnaKomplettering).is_err());
        assert!(f.kan(T::GodtaKomplettering).is_err());
    }

    #[test]
    fn komplettering_sista_dag_pa_helg_flyttas_till_vardag() {
        // Saturday 14 February → Monday 16th (lag (1930:173) 2 §).
        let f = utredning_pagar().med(begar(
            KB1,
            date!(2026 - 02 - 02),
            vec![Handlingstyp::Lakarintyg],
            date!(2026 - 02 - 14),
        ));
        assert_eq!(
            f.arende().komplettering(KB1).map(|k| k.senast),
            Some(date!(2026 - 02 - 16))
        );
    }

    #[test]
    fn begaran_om_komplettering_kraver_innehall_godtas_och_rimlig_dag() {
        let f = utredning_pagar();
        let r = f.forsok(Kommando::BegarKomplettering {
            id: KB1,
            datum: date!(2026 - 02 - 02),
            handlingar: vec![],
            beskrivning: " ".into(),
            godtas: String::new(),
            senast: date!(2026 - 02 - 01),
            skal_trots_inlamnad: None,
            redan_inlamnade: vec![],
        });
        assert_eq!(falt(r), vec!["handlingar", "godtas", "senast"]);
        // Annat needs words.
        let r = f.forsok(begar(
            KB1,
            date!(2026 - 02 - 02),
            vec![Handlingstyp::Annat],
            date!(2026 - 02 - 16),
        ));
        assert_eq!(falt(r), vec!["beskrivning"]);
        // A description alone is enough.
        let r = f.forsok(begar_med(
            vec![],
            "Intyg från hyresvärden om skulden",
            None,
            vec![],
        ));
        assert!(r.is_ok(), "{r:?}");
    }

    #[test]
    fn redan_inlamnad_handling_kraver_skal_for_att_begaras_igen() {
        // Accepted in another of the person's cases: the store says so.
        let f = utredning_pagar();
        let igen = |skal: Option<&str>| {
            begar_med(
                vec![Handlingstyp::Kontoutdrag, Handlingstyp::Lakarintyg],
                "",
                skal,
                vec![Handlingstyp::Kontoutdrag, Handlingstyp::Annat],
            )
        };
        let r = f.forsok(igen(None));
        match r {
            Err(Avvisning::Fakta(fel)) => {
                assert_eq!(fel.len(), 1);
                assert_eq!(fel[0].fakta, "skal");
                assert_eq!(
                    fel[0].text,
                    "Kontoutdrag för de senaste tre månaderna är redan inlämnad och godtagen. Skriv varför den behövs igen."
                );
            }
            other => panic!("expected a field error, got {other:?}"),
        }
        assert_eq!(falt(f.forsok(igen(Some("  ")))), vec!["skal"]);
        let h = f
            .forsok(igen(Some("Behöver kontoutdrag för maj och juni")))
            .expect("accepted");
        assert!(matches!(
            &h[0],
            Handelse::KompletteringBegard { skal_trots_inlamnad: Some(s), begard_igen, .. }
                if s == "Behöver kontoutdrag för maj och juni" && begard_igen == &vec![Handlingstyp::Kontoutdrag]
        ));
        // Annat is never "redan inlämnad".
        let r = f.forsok(begar_med(
            vec![Handlingstyp::Annat],
            "Intyg från hyresvärden",
            None,
            vec![Handlingstyp::Annat],
        ));
        assert!(r.is_ok(), "{r:?}");
    }

    #[test]
    fn redan_godtagen_i_arendet_kraver_skal_aven_utan_uppgift_fran_lagret() {
        let mut f = komplettering_lamnad();
        f.steg(Kommando::GodtaKomplettering {
            begaran: KB1,
            datum: date!(2026 - 02 - 11),
        });
        let r = f.forsok(begar(
            KB2,
            IDAG,
            vec![Handlingstyp::Hyresavi, Handlingstyp::Kontoutdrag],
            IDAG + Duration::days(14),
        ));
        match r {
            Err(Avvisning::Fakta(fel)) => assert_eq!(
                fel[0].text,
                "Hyresavi eller hyreskontrakt och Kontoutdrag för de senaste tre månaderna är redan inlämnade och godtagna. Skriv varför de behövs igen."
            ),
            other => panic!("expected a field error, got {other:?}"),
        }
    }

    #[test]
    fn inlamning_kraver_text_eller_dokument_fran_arendet() {
        let f = komplettering_begard();
        let r = f.forsok(lamna(KB1, IDAG, " ", vec![]));
        assert_eq!(falt(r), vec!["text"]);
        // A document not attached in this case.
        let r = f.forsok(lamna(KB1, IDAG, "", vec![DOK2]));
        assert_eq!(falt(r), vec!["dokument"]);
        // The handläggare does not hand in for the person.
        let r = f.forsok(Kommando::LamnaKomplettering {
            begaran: KB1,
            datum: IDAG,
            fran: Avsandare::Handlaggare,
            text: "Svar".into(),
            dokument: vec![],
        });
        assert_eq!(falt(r), vec!["fran"]);
        // An unknown request.
        let r = f.forsok(lamna(KB2, IDAG, "Svar", vec![]));
        assert_eq!(falt(r), vec!["begaran"]);
        // Not before the request.
        let r = f.forsok(lamna(KB1, date!(2026 - 02 - 01), "Svar", vec![]));
        assert_eq!(falt(r), vec!["datum"]);
        // Late is allowed: the deadline is passed, but the answer is still welcome.
        assert!(f.forsok(lamna(KB1, IDAG, "Svar", vec![])).is_ok());
    }

    #[test]
    fn mote_begart_bevakas_tills_det_kvitteras() {
        let mut f = utredning_pagar();
        assert!(f.kan(T::KvitteraBevakning).is_err());
        let mote = |datum| Kommando::BegarMote {
            datum,
            typ: Motestyp::Uppfoljning,
            fran: enskild(),
            text: "Jag vill följa upp planen".into(),
        };
        f.steg_som(mote(date!(2026 - 06 - 11)), &mina_sidor());
        f.steg_som(mote(date!(2026 - 06 - 11)), &mina_sidor());
        let b: Vec<Bevakning> = bevakningar(f.arende())
            .into_iter()
            .filter(|b| b.typ == BevakningsTyp::MoteBegart)
            .collect();
        assert_eq!(b.len(), 2, "one per request, even on the same day");
        assert_ne!(b[0].nyckel, b[1].nyckel);
        assert_eq!(b[0].datum, date!(2026 - 06 - 15));
        assert!(BevakningsTyp::MoteBegart.kan_kvitteras());
        assert!(f.kan(T::KvitteraBevakning).is_ok());
        let nyckel = b[0].nyckel.clone();
        f.steg(Kommando::KvitteraBevakning {
            nyckel: nyckel.clone(),
            datum: IDAG,
        });
        let kvar: Vec<String> = bevakningar(f.arende())
            .into_iter()
            .filter(|b| b.typ == BevakningsTyp::MoteBegart)
            .map(|b| b.nyckel)
            .collect();
        assert_eq!(kvar, vec![b[1].nyckel.clone()]);
        // The key is stable: folding the history again gives the same.
        let igen = Arende::fran_handelser(ARENDE, &f.logg).expect("case");
        assert_eq!(bevakningar(&igen), bevakningar(f.arende()));
        // Only the person asks for a meeting.
        let r = f.forsok(Kommando::BegarMote {
            datum: IDAG,
            typ: Motestyp::Personligt,
            fran: Avsandare::Handlaggare,
            text: String::new(),
        });
        assert_eq!(falt(r), vec!["fran"]);
    }

    /// Issue 19 item 5: a request for another handläggare is the arbetsledare's to answer
    /// in writing within five working days; the handläggare it is about can neither answer
    /// it nor confirm its bevakning away; a grant reassigns the case in the same step.
    #[test]
    fn annan_handlaggare_besvaras_av_arbetsledaren() {
        let mut f = utredning_pagar();
        assert_eq!(f.arende().handlaggare, Some(HANDLAGGARE));
        assert!(f.kan(T::BesvaraHandlaggarbyte).is_err());
        // Thursday 11 June 2026; 19 June is midsommarafton, not a working day.
        let begard = date!(2026 - 06 - 11);
        f.steg_som(
            Kommando::BegarHandlaggarbyte {
                datum: begard,
                fran: enskild(),
                skal: String::new(),
            },
            &mina_sidor(),
        );
        assert!(f.kan(T::BegarHandlaggarbyte).is_err(), "one at a time");
        // Closing the case is no way around the answer.
        assert!(
            f.arende()
                .hinder_for_avslut()
                .iter()
                .any(|h| h.contains("annan handläggare"))
        );
        let b: Vec<Bevakning> = bevakningar(f.arende())
            .into_iter()
            .filter(|b| b.typ == BevakningsTyp::Handlaggarbyte)
            .collect();
        assert_eq!(b.len(), 1);
        assert_eq!(b[0].datum, date!(2026 - 06 - 18));
        assert_eq!(
            handlaggarbyte_svar_senast(date!(2026 - 06 - 15)),
            date!(2026 - 06 - 23)
        );
        assert!(BevakningsTyp::Handlaggarbyte.for_arbetsledare());
        assert!(!BevakningsTyp::Handlaggarbyte.kan_kvitteras());
        let r = f.forsok(Kommando::KvitteraBevakning {
            nyckel: b[0].nyckel.clone(),
            datum: IDAG,
        });
        assert!(r.is_err(), "not confirmed away: {r:?}");

        let svar = |beviljad, ny, motivering: &str| Kommando::BesvaraHandlaggarbyte {
            begaran: 0,
            datum: date!(2026 - 06 - 12),
            beviljad,
            ny_handlaggare: ny,
            motivering: motivering.into(),
        };
        // The handläggare it is about may not answer it (FL 16 §).
        let ctx = Kontext {
            idag: date!(2026 - 06 - 12),
            ..ktx()
        };
        let r = handle(Some(f.arende()), svar(false, None, "Nej."), &ctx);
        assert_eq!(falt(r), vec!["begaran"]);
        let al = Kontext {
            idag: date!(2026 - 06 - 12),
            ..arbetsledare()
        };
        // A refusal needs its reasons; a grant needs someone else.
        let r = handle(Some(f.arende()), svar(false, None, " "), &al);
        assert_eq!(falt(r), vec!["motivering"]);
        let r = handle(Some(f.arende()), svar(true, Some(HANDLAGGARE), "Ja."), &al);
        assert_eq!(falt(r), vec!["ny_handlaggare"]);
        let r = handle(Some(f.arende()), svar(true, None, "Ja."), &al);
        assert_eq!(falt(r), vec!["ny_handlaggare"]);

        let h = f.steg_som(
            svar(true, Some(HANDLAGGARE_2), "Lisa tar över från måndag."),
            &al,
        );
        assert_eq!(h.len(), 2, "the answer, and the case reassigned: {h:?}");
        assert_eq!(f.arende().handlaggare, Some(HANDLAGGARE_2));
        let b = &f.arende().handlaggarbyten[0];
        assert_eq!(b.handlaggare, Some(HANDLAGGARE));
        let s = b.svar.as_ref().expect("answered");
        assert!(s.beviljad);
        assert_eq!(s.av, ARBETSLEDARE);
        assert!(
            !bevakningar(f.arende())
                .iter()
                .any(|b| b.typ == BevakningsTyp::Handlaggarbyte)
        );
        // A new request may follow; refused, it leaves the case where it is.
        f.steg_som(
            Kommando::BegarHandlaggarbyte {
                datum: date!(2026 - 06 - 12),
                fran: enskild(),
                skal: "Jag vill ha någon annan igen.".into(),
            },
            &mina_sidor(),
        );
        let mut nej = svar(false, None, "Vi har inga andra handläggare lediga.");
        if let Kommando::BesvaraHandlaggarbyte { begaran, .. } = &mut nej {
            *begaran = 1;
        }
        f.steg_som(nej, &al);
        assert_eq!(f.arende().handlaggare, Some(HANDLAGGARE_2));
        assert!(
            !f.arende().handlaggarbyten[1]
                .svar
                .as_ref()
                .unwrap()
                .beviljad
        );
        let igen = Arende::fran_handelser(ARENDE, &f.logg).expect("case");
        assert_eq!(&igen, f.arende());
    }

    #[test]
    fn mote_bokas_med_dag_tid_och_plats() {
        let mut f = utredning_pagar();
        // Nothing asked for: nothing to book.
        assert!(f.kan(T::BokaMote).is_err());
        f.steg_som(
            Kommando::BegarMote {
                datum: IDAG,
                typ: Motestyp::Personligt,
                fran: enskild(),
                text: "Helst på förmiddagen".into(),
            },
            &mina_sidor(),
        );
        assert!(f.kan(T::BokaMote).is_ok());
        let boka = |forfragan, datum, plats: &str| Kommando::BokaMote {
            forfragan,
            datum,
            klockslag: time::macros::time!(9:30),
            plats: plats.into(),
        };
        // A request that does not exist, a day gone by, no place: all said at once.
        let r = f.forsok(boka(1, date!(2026 - 06 - 14), "  "));
        assert_eq!(falt(r), vec!["forfragan", "datum", "plats"]);
        f.steg(boka(0, date!(2026 - 06 - 18), "Storgatan 1"));
        // Booked: the bevakning is gone and the request says when and where.
        assert!(
            !bevakningar(f.arende())
                .iter()
                .any(|b| b.typ == BevakningsTyp::MoteBegart)
        );
        assert!(f.arende().mote_bokat(0));
        let bokat = f.arende().motesforfragningar[0].bokat.clone();
        assert_eq!(
            bokat.map(|b| (b.datum, b.plats)),
            Some((date!(2026 - 06 - 18), "Storgatan 1".to_owned()))
        );
        // Booked again at another time: the new time replaces the old.
        f.steg(boka(0, date!(2026 - 06 - 22), "Storgatan 1, plan 3"));
        assert_eq!(
            f.arende().motesforfragningar[0]
                .bokat
                .as_ref()
                .map(|b| b.datum),
            Some(date!(2026 - 06 - 22))
        );
        let igen = Arende::fran_handelser(ARENDE, &f.logg).expect("case");
        assert_eq!(&igen, f.arende());
        // A request confirmed by kvittering (arranged outside Lots) is not booked in Lots.
        f.steg_som(
            Kommando::BegarMote {
                datum: IDAG,
                typ: Motestyp::Uppfoljning,
                fran: enskild(),
                text: String::new(),
            },
            &mina_sidor(),
        );
        let nyckel = bevakningar(f.arende())
            .into_iter()
            .find(|b| b.typ == BevakningsTyp::MoteBegart)
            .expect("the new request is watched")
            .nyckel;
        f.steg(Kommando::KvitteraBevakning {
            nyckel,
            datum: IDAG,
        });
        let r = f.forsok(boka(1, date!(2026 - 06 - 18), "Storgatan 1"));
        assert_eq!(falt(r), vec!["forfragan"]);
    }

    #[test]
    fn avslutat_arende_bevakar_ingen_dialog() {
        let mut f = utredning_pagar();
        f.steg(meddelande(M1, IDAG, enskild(), "Hej"));
        f.steg(begar(
            KB1,
            IDAG,
            vec![Handlingstyp::IdHandling],
            IDAG + Duration::days(7),
        ));
        let dialog = |a: &Arende| {
            bevakningar(a)
                .into_iter()
                .filter(|b| {
                    matches!(
                        b.typ,
                        BevakningsTyp::ObesvaratMeddelande | BevakningsTyp::KompletteringSenast
                    )
                })
                .count()
        };
        assert_eq!(dialog(f.arende()), 2);
        f.steg(aterkalla(InsatsTyp::Oppenvardsbehandling, IDAG));
        f.steg(avsluta(IDAG));
        assert!(bevakningar(f.arende()).is_empty());
        for typ in [
            T::SkickaMeddelande,
            T::BegarKomplettering,
            T::LamnaKomplettering,
            T::GodtaKomplettering,
            T::BegarMote,
        ] {
            assert!(f.kan(typ).is_err(), "{typ:?}");
        }
    }

    #[test]
    fn gammalt_tillstand_utan_dialog_kan_lasas() {
        // States are stored serialized: one written before the dialogue existed still reads.
        let f = utredning_pagar();
        let mut json = serde_json::to_value(f.arende()).expect("json");
        let obj = json.as_object_mut().expect("object");
        for falt in [
            "dokument",
            "meddelanden",
            "kompletteringar",
            "motesforfragningar",
        ] {
            obj.remove(falt);
        }
        let a: Arende = serde_json::from_value(json).expect("old state");
        assert!(a.meddelanden.is_empty() && a.kompletteringar.is_empty());
    }
}
