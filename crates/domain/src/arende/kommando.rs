//! Commands on a case and the rules that accept or refuse them.
//!
//! `kan` says whether a kind of step is open in the case's current state; the
//! case page offers exactly those steps. `handle` checks `kan` first, then the
//! input, and returns the events to store. Nothing is stored when it refuses.

use serde::{Deserialize, Serialize};
use time::Date;

use super::*;
use crate::delegation::Delegationsordning;
use crate::frister::{self, Fl45Undantag};
use crate::insats::{Lagrum, Utfall};
use crate::organisation::Roll;

/// Who acts, when, and under which delegationsordning.
#[derive(Debug, Clone)]
pub struct Kontext<'a> {
    pub idag: Date,
    pub aktor: AnvandarId,
    pub roll: Roll,
    pub delegationsordning: &'a Delegationsordning,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FaltFel {
    pub falt: &'static str,
    pub text: String,
}

/// Why a command was refused. Texts are Swedish: they are shown to staff as they are.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Avvisning {
    /// The step is not open in the case's current state.
    #[error("{0}")]
    Tillstand(String),
    /// The input is wrong; each error belongs to a field of the form.
    #[error("Uppgifterna behöver rättas.")]
    Falt(Vec<FaltFel>),
    /// The delegationsordning gives the user no right to this decision.
    #[error("{0}")]
    Delegation(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NyttBeslut {
    pub id: BeslutId,
    pub utfall: Utfall,
    pub mal: String,
    pub omfattning: String,
    pub period_fran: Option<Date>,
    pub period_till: Option<Date>,
    /// In a delvis bifall: what was applied for and what is refused (FL 32 §).
    pub avslagen_del: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kommando {
    /// Starts a case: the event must be an ansökan, anmälan or information.
    Aktualisera(Handelse),
    AnsokInsats {
        insats: InsatsTyp,
        datum: Date,
        kanal: Kanal,
    },
    Forhandsbedom {
        datum: Date,
        utfall: ForhandsbedomningsUtfall,
        skal: String,
    },
    InledUtredning {
        datum: Date,
    },
    RegistreraSynpunkter {
        datum: Date,
        synpunkter: String,
        mal: String,
    },
    BifogaDokument {
        dokument: DokumentId,
        namn: String,
        sha256: String,
        storlek: u64,
        innehallstyp: String,
    },
    AvslutaUtredning {
        datum: Date,
    },
    Kommunicera {
        id: KommuniceringId,
        datum: Date,
        material: String,
        satt: Kommunikationssatt,
        svar_senast: Date,
        /// The case's documents sent with the letter (FL 25 §: the letter says exactly these).
        bifogat: Vec<DokumentId>,
        /// How the material was otherwise made available, e.g. "kan läsas på Mina sidor".
        tillgangligt: String,
    },
    RegistreraSvar {
        kommunicering: KommuniceringId,
        datum: Date,
        svar: String,
    },
    FattaBeslut {
        id: BeslutId,
        insats: InsatsTyp,
        utfall: Utfall,
        lagrum: Lagrum,
        mal: String,
        omfattning: String,
        period_fran: Option<Date>,
        period_till: Option<Date>,
        motivering: String,
        datum: Date,
        kommunicering_obehovlig: Option<String>,
        /// FL 31 §: the official who presented the case, when one took part.
        foredragande: Option<AnvandarId>,
        /// For delvis bifall: what was applied for and what is refused.
        avslagen_del: String,
    },
    SkickaBeslut {
        beslut: BeslutId,
        datum: Date,
        satt: Utskickssatt,
        forenklad_delgivning: bool,
        /// DelgL 23 §: when and how the person was told beforehand that förenklad
        /// delgivning may be used, if that is recorded with this step.
        forhandsinformation: Option<(Date, Kanal)>,
    },
    RegistreraDelgivning {
        beslut: BeslutId,
        datum: Date,
        satt: String,
    },
    RegistreraOverklagande {
        beslut: BeslutId,
        inkom: Date,
        text: String,
    },
    ProvaRattidighet {
        beslut: BeslutId,
        datum: Date,
        undantag: Option<Fl45Undantag>,
    },
    Ompova {
        beslut: BeslutId,
        datum: Date,
        motivering: String,
        nytt: Option<NyttBeslut>,
        /// FL 37 §: on the nämnd's own initiative, not after an appeal.
        eget_initiativ: bool,
        /// FL 37 § andra stycket: the ground for a change to the party's disadvantage.
        grund: Option<Fl37Grund>,
        /// Where the rules cannot tell whether a change is to the party's
        /// disadvantage (the same outcome, another scope): what the nämnd states.
        till_nackdel: Option<bool>,
    },
    Overlamna {
        beslut: BeslutId,
        datum: Date,
    },
    RegistreraDom {
        beslut: BeslutId,
        datum: Date,
        utfall: DomUtfall,
        malnummer: String,
    },
    Bestall {
        beslut: BeslutId,
        utforare: EnhetId,
        datum: Date,
        uppdrag: String,
    },
    StartaVerkstallighet {
        beslut: BeslutId,
        datum: Date,
    },
    AvbrytVerkstallighet {
        beslut: BeslutId,
        datum: Date,
        orsak: String,
    },
    AterupptaVerkstallighet {
        beslut: BeslutId,
        datum: Date,
    },
    AvslutaVerkstallighet {
        beslut: BeslutId,
        datum: Date,
        orsak: String,
    },
    RegistreraEjVerkstallt {
        beslut: BeslutId,
        datum: Date,
        skal: String,
    },
    RegistreraUppfoljning {
        beslut: Option<BeslutId>,
        datum: Date,
        maluppfyllelse: Maluppfyllelse,
        enskildes_synpunkt: String,
        kommentar: String,
        nasta: Option<Date>,
    },
    KvitteraBevakning {
        nyckel: String,
        datum: Date,
    },
    TilldelaHandlaggare {
        handlaggare: AnvandarId,
    },
    SkrivJournal {
        id: JournalId,
        datum: Date,
        text: String,
    },
    RattaJournal {
        id: JournalId,
        rattar: JournalId,
        datum: Date,
        text: String,
    },
    RegistreraInvandning {
        anteckning: JournalId,
        datum: Date,
        text: String,
    },
    AvslutaArende {
        datum: Date,
        orsak: Avslutsorsak,
        kommentar: String,
    },
    RattaDatum {
        beslut: BeslutId,
        vad: RattatDatum,
        datum: Date,
        skal: String,
    },
    BegarAvgorande {
        datum: Date,
    },
    /// A letter Lots generated; issued by the system together with the step it belongs to.
    RegistreraBrev {
        dokument: DokumentId,
        typ: BrevTyp,
        datum: Date,
        sha256: String,
        storlek: u64,
        beslut: Option<BeslutId>,
        kommunicering: Option<KommuniceringId>,
        /// The version of the nämnd's particulars (address, phone, court) printed.
        namnduppgifter: Option<i64>,
    },
    AvslaBegaranOmAvgorande {
        datum: Date,
        motivering: String,
    },
    /// A secure message, from the person through Mina sidor or from the handläggare.
    SkickaMeddelande {
        id: MeddelandeId,
        datum: Date,
        fran: Avsandare,
        text: String,
    },
    /// The handläggare asks for documents or information.
    BegarKomplettering {
        id: KompletteringId,
        datum: Date,
        handlingar: Vec<Handlingstyp>,
        beskrivning: String,
        /// What will be accepted, e.g. "PDF, foto eller kopia".
        godtas: String,
        senast: Date,
        /// Why a document already accepted is needed again.
        skal_trots_inlamnad: Option<String>,
        /// A fact the caller supplies from the store: the kinds of document already
        /// accepted in any of the person's cases (`Store::godtagna_handlingar`).
        redan_inlamnade: Vec<Handlingstyp>,
    },
    /// The person (or ombud) answers a request. Documents are attached first, with
    /// `BifogaDokument` in the same call.
    LamnaKomplettering {
        begaran: KompletteringId,
        datum: Date,
        fran: Avsandare,
        text: String,
        dokument: Vec<DokumentId>,
    },
    GodtaKomplettering {
        begaran: KompletteringId,
        datum: Date,
    },
    /// The person asks for a meeting.
    BegarMote {
        datum: Date,
        typ: Motestyp,
        fran: Avsandare,
        text: String,
    },
    /// The utförare writes the genomförandeplan with the person, or a new
    /// version of it. Who may is the policy's question (the ordered unit's
    /// utförare); the rules here are about the decision and the text.
    UpprattaGenomforandeplan {
        beslut: BeslutId,
        datum: Date,
        mal: String,
        genomforande: String,
        delaktighet: String,
        uppfoljning: Option<Date>,
    },
    /// The person withdraws the application for an insats (återkallelse).
    AterkallaAnsokan {
        insats: InsatsTyp,
        datum: Date,
        kanal: Kanal,
        kommentar: String,
    },
    /// DelgL 23 §: the person was told beforehand that förenklad delgivning may be used.
    InformeraOmForenkladDelgivning {
        datum: Date,
        kanal: Kanal,
    },
    /// DelgL 22 §: the kontrollmeddelande was sent.
    RegistreraKontrollmeddelande {
        beslut: BeslutId,
        datum: Date,
    },
    /// The service failed: returned mail, a wrong address.
    RegistreraMisslyckadDelgivning {
        beslut: BeslutId,
        datum: Date,
        skal: String,
    },
    /// A granted decision will not be carried out: the person declined, moved or died.
    RegistreraUpphorande {
        beslut: BeslutId,
        datum: Date,
        orsak: Upphorandeorsak,
        kommentar: String,
    },
    /// FL 11 §: the person is told the decision will be substantially delayed.
    MeddelaDrojsmal {
        datum: Date,
        skal: String,
        nytt_datum: Date,
        satt: Kommunikationssatt,
    },
}

macro_rules! kommandotyper {
    ($($typ:ident => $kod:literal, $namn:literal;)*) => {
        /// The kinds of step, for listing what the case page offers.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum KommandoTyp { $($typ),* }

        impl KommandoTyp {
            pub const ALLA: &'static [KommandoTyp] = &[$(KommandoTyp::$typ),*];
            pub fn kod(self) -> &'static str {
                match self { $(KommandoTyp::$typ => $kod),* }
            }
            pub fn fran_kod(kod: &str) -> Option<Self> {
                Self::ALLA.iter().copied().find(|t| t.kod() == kod)
            }
            /// The label of the step, as a button or heading.
            pub fn namn(self) -> &'static str {
                match self { $(KommandoTyp::$typ => $namn),* }
            }
        }
    };
}

kommandotyper! {
    Aktualisera => "aktualisera", "Registrera ansökan, anmälan eller information";
    AnsokInsats => "ansok-insats", "Registrera ansökan om ytterligare insats";
    Forhandsbedom => "forhandsbedom", "Gör förhandsbedömning";
    InledUtredning => "inled-utredning", "Inled utredning";
    RegistreraSynpunkter => "synpunkter", "Registrera den enskildes synpunkter och mål";
    BifogaDokument => "dokument", "Bifoga dokument";
    AvslutaUtredning => "avsluta-utredning", "Avsluta utredningen";
    Kommunicera => "kommunicera", "Kommunicera underlag";
    RegistreraSvar => "svar", "Registrera svar på kommunicering";
    FattaBeslut => "beslut", "Fatta beslut";
    SkickaBeslut => "skicka-beslut", "Registrera att beslutet skickats";
    RegistreraDelgivning => "delgivning", "Registrera delgivning";
    RegistreraOverklagande => "overklagande", "Registrera överklagande";
    ProvaRattidighet => "rattidsprovning", "Pröva om överklagandet kom in i tid";
    Ompova => "omprovning", "Ompröva beslutet";
    Overlamna => "overlamna", "Överlämna till förvaltningsrätten";
    RegistreraDom => "dom", "Registrera domstolens avgörande";
    Bestall => "bestall", "Beställ insats från utförare";
    StartaVerkstallighet => "verkstallighet-start", "Registrera att insatsen har börjat";
    AvbrytVerkstallighet => "verkstallighet-avbrott", "Registrera avbrott i insatsen";
    AterupptaVerkstallighet => "verkstallighet-ateruppta", "Registrera att insatsen har återupptagits";
    AvslutaVerkstallighet => "verkstallighet-slut", "Registrera att insatsen har avslutats";
    RegistreraEjVerkstallt => "ej-verkstallt", "Registrera skäl till att verkställigheten dröjer";
    RegistreraUppfoljning => "uppfoljning", "Registrera uppföljning";
    KvitteraBevakning => "kvittera", "Kvittera bevakning";
    TilldelaHandlaggare => "tilldela", "Byt handläggare";
    SkrivJournal => "journal", "Skriv journalanteckning";
    RattaJournal => "ratta-journal", "Rätta journalanteckning";
    RegistreraInvandning => "invandning", "Registrera invändning mot journalanteckning";
    AvslutaArende => "avsluta", "Avsluta ärendet";
    RattaDatum => "ratta-datum", "Rätta ett felaktigt datum";
    RegistreraBrev => "brev", "Spara brev i personakten";
    BegarAvgorande => "begaran-om-avgorande", "Registrera begäran om avgörande";
    AvslaBegaranOmAvgorande => "avsla-begaran", "Avslå begäran om avgörande";
    SkickaMeddelande => "meddelande", "Skicka meddelande till den enskilde";
    BegarKomplettering => "begar-komplettering", "Begär komplettering";
    LamnaKomplettering => "lamna-komplettering", "Registrera inlämnad komplettering";
    GodtaKomplettering => "godta-komplettering", "Godta inlämnad komplettering";
    BegarMote => "begar-mote", "Registrera att den enskilde vill ha ett möte";
    UpprattaGenomforandeplan => "genomforandeplan", "Skriv genomförandeplan";
    AterkallaAnsokan => "aterkallelse", "Registrera att den enskilde återkallar sin ansökan";
    InformeraOmForenkladDelgivning => "forhandsinformation", "Registrera att den enskilde informerats om förenklad delgivning";
    RegistreraKontrollmeddelande => "kontrollmeddelande", "Registrera att kontrollmeddelandet skickats";
    RegistreraMisslyckadDelgivning => "delgivning-misslyckad", "Registrera att delgivningen misslyckades";
    OmprovaEgetInitiativ => "omprovning-eget-initiativ", "Ompröva beslutet på nämndens eget initiativ";
    RegistreraUpphorande => "verkstallighet-upphor", "Registrera att beslutet inte ska verkställas";
    MeddelaDrojsmal => "drojsmal", "Meddela att beslutet dröjer";
}

impl Kommando {
    pub fn typ(&self) -> KommandoTyp {
        use KommandoTyp as T;
        match self {
            Kommando::Aktualisera(_) => T::Aktualisera,
            Kommando::AnsokInsats { .. } => T::AnsokInsats,
            Kommando::Forhandsbedom { .. } => T::Forhandsbedom,
            Kommando::InledUtredning { .. } => T::InledUtredning,
            Kommando::RegistreraSynpunkter { .. } => T::RegistreraSynpunkter,
            Kommando::BifogaDokument { .. } => T::BifogaDokument,
            Kommando::AvslutaUtredning { .. } => T::AvslutaUtredning,
            Kommando::Kommunicera { .. } => T::Kommunicera,
            Kommando::RegistreraSvar { .. } => T::RegistreraSvar,
            Kommando::FattaBeslut { .. } => T::FattaBeslut,
            Kommando::SkickaBeslut { .. } => T::SkickaBeslut,
            Kommando::RegistreraDelgivning { .. } => T::RegistreraDelgivning,
            Kommando::RegistreraOverklagande { .. } => T::RegistreraOverklagande,
            Kommando::ProvaRattidighet { .. } => T::ProvaRattidighet,
            Kommando::Ompova {
                eget_initiativ: false,
                ..
            } => T::Ompova,
            Kommando::Ompova {
                eget_initiativ: true,
                ..
            } => T::OmprovaEgetInitiativ,
            Kommando::Overlamna { .. } => T::Overlamna,
            Kommando::RegistreraDom { .. } => T::RegistreraDom,
            Kommando::Bestall { .. } => T::Bestall,
            Kommando::StartaVerkstallighet { .. } => T::StartaVerkstallighet,
            Kommando::AvbrytVerkstallighet { .. } => T::AvbrytVerkstallighet,
            Kommando::AterupptaVerkstallighet { .. } => T::AterupptaVerkstallighet,
            Kommando::AvslutaVerkstallighet { .. } => T::AvslutaVerkstallighet,
            Kommando::RegistreraEjVerkstallt { .. } => T::RegistreraEjVerkstallt,
            Kommando::RegistreraUppfoljning { .. } => T::RegistreraUppfoljning,
            Kommando::KvitteraBevakning { .. } => T::KvitteraBevakning,
            Kommando::TilldelaHandlaggare { .. } => T::TilldelaHandlaggare,
            Kommando::SkrivJournal { .. } => T::SkrivJournal,
            Kommando::RattaJournal { .. } => T::RattaJournal,
            Kommando::RegistreraInvandning { .. } => T::RegistreraInvandning,
            Kommando::AvslutaArende { .. } => T::AvslutaArende,
            Kommando::RattaDatum { .. } => T::RattaDatum,
            Kommando::RegistreraBrev { .. } => T::RegistreraBrev,
            Kommando::BegarAvgorande { .. } => T::BegarAvgorande,
            Kommando::AvslaBegaranOmAvgorande { .. } => T::AvslaBegaranOmAvgorande,
            Kommando::SkickaMeddelande { .. } => T::SkickaMeddelande,
            Kommando::BegarKomplettering { .. } => T::BegarKomplettering,
            Kommando::LamnaKomplettering { .. } => T::LamnaKomplettering,
            Kommando::GodtaKomplettering { .. } => T::GodtaKomplettering,
            Kommando::BegarMote { .. } => T::BegarMote,
            Kommando::UpprattaGenomforandeplan { .. } => T::UpprattaGenomforandeplan,
            Kommando::AterkallaAnsokan { .. } => T::AterkallaAnsokan,
            Kommando::InformeraOmForenkladDelgivning { .. } => T::InformeraOmForenkladDelgivning,
            Kommando::RegistreraKontrollmeddelande { .. } => T::RegistreraKontrollmeddelande,
            Kommando::RegistreraMisslyckadDelgivning { .. } => T::RegistreraMisslyckadDelgivning,
            Kommando::RegistreraUpphorande { .. } => T::RegistreraUpphorande,
            Kommando::MeddelaDrojsmal { .. } => T::MeddelaDrojsmal,
        }
    }
}

/// The decisions a per-decision step can act on now. One source for both the
/// case page's choices and the check in `handle`.
pub fn kandidater(a: &Arende, typ: KommandoTyp) -> Vec<&BeslutLage> {
    use KommandoTyp as T;
    a.gallande_beslut()
        .filter(|b| {
            let o = b.overklagande.as_ref();
            let v = &b.verkstallighet;
            match typ {
                T::SkickaBeslut => b.skickat.is_none() && b.delgiven.is_none(),
                T::RegistreraDelgivning => b.delgiven.is_none(),
                T::RegistreraOverklagande => o.is_none(),
                T::ProvaRattidighet => o.is_some_and(|o| o.rattidsprovning.is_none()),
                // FL 39 §: only before the papers have gone to the court.
                T::Ompova => o.is_some_and(|o| {
                    matches!(o.rattidsprovning, Some((true, _)))
                        && o.omprovat.is_none()
                        && o.overlamnat.is_none()
                        && !o.forfallit
                }),
                T::Overlamna => o.is_some_and(|o| {
                    matches!(o.rattidsprovning, Some((true, _)))
                        && o.overlamnat.is_none()
                        && !o.forfallit
                }),
                // FL 37 §: the nämnd may change its own decision at any time, but not
                // once an appeal of it has gone to the court (FL 39 §) or been judged.
                T::OmprovaEgetInitiativ => {
                    o.is_none_or(|o| o.overlamnat.is_none() && o.dom.is_none())
                }
                T::RegistreraDom => o.is_some_and(|o| o.overlamnat.is_some() && o.dom.is_none()),
                T::RegistreraKontrollmeddelande => b.vantar_kontrollmeddelande(),
                // Once appealed, the appeal runs whatever became of the service.
                // A service recorded by other means (mottagningsbevis) has happened.
                T::RegistreraMisslyckadDelgivning => {
                    o.is_none()
                        && match b.skickat {
                            Some((_, _, true)) => true,
                            Some(_) => b.delgiven.is_none(),
                            None => false,
                        }
                }
                T::Bestall => b.beviljar() && v.bestalld.is_none() && v.upphort.is_none(),
                T::StartaVerkstallighet => v.bestalld.is_some() && v.paborjad.is_none(),
                T::AvbrytVerkstallighet => v.pagar() && v.avbruten().is_none(),
                T::AterupptaVerkstallighet => v.pagar() && v.avbruten().is_some(),
                T::AvslutaVerkstallighet => v.pagar(),
                // SoL 34 kap. 1 §: the reason for the delay may change while it lasts.
                T::RegistreraEjVerkstallt | T::RegistreraUpphorande => b.beviljar() && v.vantar(),
                T::RegistreraUppfoljning => v.paborjad.is_some(),
                // seed 004 §2.8.1: the utförare plans from the nämnd's order, for
                // as long as the insats goes on; a plan may come before the start.
                T::UpprattaGenomforandeplan => {
                    b.beviljar()
                        && v.bestalld.is_some()
                        && v.avslutad.is_none()
                        && v.upphort.is_none()
                }
                T::RattaDatum => !rattbara(b).is_empty(),
                _ => false,
            }
        })
        .collect()
}

/// The dated facts of a decision that exist and so can be corrected.
pub fn rattbara(b: &BeslutLage) -> Vec<RattatDatum> {
    let mut ut = vec![];
    if b.skickat.is_some() {
        ut.push(RattatDatum::Skickat);
    }
    if b.delgiven.is_some() {
        ut.push(RattatDatum::Delgiven);
    }
    if b.verkstallighet.paborjad.is_some() {
        ut.push(RattatDatum::VerkstallighetPaborjad);
    }
    ut
}

fn tillstand<T>(text: impl Into<String>) -> Result<T, String> {
    Err(text.into())
}

/// Whether a kind of step is open in the current state (`None`: no case yet).
pub fn kan(a: Option<&Arende>, typ: KommandoTyp) -> Result<(), String> {
    use KommandoTyp as T;
    let Some(a) = a else {
        return if typ == T::Aktualisera {
            Ok(())
        } else {
            tillstand("Ärendet finns inte.")
        };
    };
    if typ == T::Aktualisera {
        return tillstand("Ärendet är redan registrerat.");
    }
    // Documentation continues after a case is closed (SoL 14 kap. 3 §), and an
    // appeal can arrive after it; nothing else changes a closed case.
    let oppet_krav = !matches!(
        typ,
        T::SkrivJournal | T::RattaJournal | T::RegistreraInvandning | T::RegistreraOverklagande
    );
    if oppet_krav && a.ar_avslutat() {
        return tillstand("Ärendet är avslutat.");
    }
    let per_beslut = |typ| {
        if kandidater(a, typ).is_empty() {
            tillstand(format!(
                "{}: inget beslut i ärendet väntar på det steget.",
                typ.namn()
            ))
        } else {
            Ok(())
        }
    };
    let vantar_forhandsbedomning =
        a.typ != AktualiseringsTyp::Ansokan && a.forhandsbedomning.is_none();
    match typ {
        T::Aktualisera => unreachable!("handled above"),
        T::Forhandsbedom => {
            if a.typ == AktualiseringsTyp::Ansokan {
                tillstand("En ansökan utreds utan förhandsbedömning (SoL 14 kap. 2 §).")
            } else if a.forhandsbedomning.is_some() {
                tillstand("Förhandsbedömningen är redan gjord.")
            } else {
                Ok(())
            }
        }
        _ if vantar_forhandsbedomning
            && !matches!(
                typ,
                T::SkrivJournal
                    | T::BifogaDokument
                    | T::TilldelaHandlaggare
                    // The dialogue with the person goes on whatever the case's stage.
                    | T::SkickaMeddelande
                    | T::BegarKomplettering
                    | T::LamnaKomplettering
                    | T::GodtaKomplettering
                    | T::BegarMote
            ) =>
        {
            tillstand("Gör förhandsbedömningen först.")
        }
        T::AnsokInsats => Ok(()),
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
        T::BifogaDokument | T::TilldelaHandlaggare | T::SkrivJournal | T::RegistreraBrev => Ok(()),
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
        T::FattaBeslut => {
            if a.obeslutade_insatser().is_empty() {
                tillstand(
                    "Alla ansökta insatser har ett beslut. Registrera en ny ansökan om något mer söks.",
                )
            } else {
                Ok(())
            }
        }
        T::KvitteraBevakning => {
            if bevakningar(a).iter().any(|b| b.typ.kan_kvitteras()) {
                Ok(())
            } else {
                tillstand("Ingen bevakning kan kvitteras.")
            }
        }
        T::RattaJournal | T::RegistreraInvandning => {
            if a.journal.is_empty() {
                tillstand("Ärendet har inga journalanteckningar.")
            } else {
                Ok(())
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
        T::SkickaMeddelande | T::BegarKomplettering | T::BegarMote => Ok(()),
        T::AterkallaAnsokan => {
            if a.obeslutade_insatser().is_empty() {
                tillstand("Det finns ingen obeslutad ansökan att återkalla.")
            } else {
                Ok(())
            }
        }
        T::InformeraOmForenkladDelgivning => match a.forhandsinformerad {
            Some(d) => tillstand(format!(
                "Det är redan registrerat att den enskilde informerades om förenklad delgivning ({d})."
            )),
            None => Ok(()),
        },
        T::MeddelaDrojsmal => {
            if a.obeslutade_insatser().is_empty() {
                tillstand("Det finns inget obeslutat som dröjer.")
            } else {
                Ok(())
            }
        }
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
        T::AvslaBegaranOmAvgorande => match a.begaran_om_avgorande {
            Some((_, None)) if !a.obeslutade_insatser().is_empty() => Ok(()),
            _ => tillstand("Ingen begäran om avgörande väntar på svar."),
        },
        T::AvslutaArende => {
            let hinder = a.hinder_for_avslut();
            if hinder.is_empty() {
                Ok(())
            } else {
                Err(hinder.join(" "))
            }
        }
        T::SkickaBeslut
        | T::RegistreraDelgivning
        | T::RegistreraOverklagande
        | T::ProvaRattidighet
        | T::Ompova
        | T::Overlamna
        | T::RegistreraDom
        | T::Bestall
        | T::StartaVerkstallighet
        | T::AvbrytVerkstallighet
        | T::AterupptaVerkstallighet
        | T::AvslutaVerkstallighet
        | T::RegistreraEjVerkstallt
        | T::RegistreraUppfoljning
        | T::UpprattaGenomforandeplan
        | T::RattaDatum
        | T::OmprovaEgetInitiativ
        | T::RegistreraKontrollmeddelande
        | T::RegistreraMisslyckadDelgivning
        | T::RegistreraUpphorande => per_beslut(typ),
    }
}

/// Collects field errors so a form shows all of them at once.
#[derive(Default)]
struct Fel(Vec<FaltFel>);

impl Fel {
    fn om(&mut self, villkor: bool, falt: &'static str, text: impl Into<String>) {
        if villkor {
            self.0.push(FaltFel {
                falt,
                text: text.into(),
            });
        }
    }
    fn text_kravs(&mut self, varde: &str, falt: &'static str, text: &str) {
        self.om(varde.trim().is_empty(), falt, text);
    }
    /// A fact that has happened cannot be dated in the future.
    fn inte_framtid(&mut self, datum: Date, idag: Date, falt: &'static str) {
        self.om(datum > idag, falt, "Datumet kan inte ligga i framtiden.");
    }
    fn inte_fore(&mut self, datum: Date, tidigast: Date, falt: &'static str, vad: &str) {
        self.om(
            datum < tidigast,
            falt,
            format!("Datumet kan inte ligga före {vad} ({tidigast})."),
        );
    }
    /// A text the person or the handläggare writes: required, and not longer than
    /// one message may be.
    fn meddelandetext(&mut self, varde: &str, falt: &'static str, text: &str) {
        self.text_kravs(varde, falt, text);
        self.inte_for_lang(varde, falt);
    }
    fn inte_for_lang(&mut self, varde: &str, falt: &'static str) {
        let n = varde.chars().count();
        self.om(
            n > MEDDELANDE_MAX_TECKEN,
            falt,
            format!("Texten får vara högst {MEDDELANDE_MAX_TECKEN} tecken. Den är {n} tecken."),
        );
    }
    /// The person, or an ombud named by name.
    fn enskild(&mut self, fran: &Avsandare, vad: &str) {
        match fran {
            Avsandare::Handlaggare => self.om(
                true,
                "fran",
                format!("{vad} kommer från den enskilde eller ett ombud."),
            ),
            Avsandare::Enskild { ombud: Some(namn) } => {
                self.text_kravs(namn, "ombud", "Skriv ombudets namn.")
            }
            Avsandare::Enskild { ombud: None } => {}
        }
    }
    fn klart(&mut self) -> Result<(), Avvisning> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(Avvisning::Falt(std::mem::take(&mut self.0)))
        }
    }
}

fn valt_beslut(a: &Arende, typ: KommandoTyp, id: BeslutId) -> Result<&BeslutLage, Avvisning> {
    kandidater(a, typ)
        .into_iter()
        .find(|b| b.id() == id)
        .ok_or_else(|| {
            Avvisning::Falt(vec![FaltFel {
                falt: "beslut",
                text: "Välj ett beslut som väntar på det här steget.".into(),
            }])
        })
}

/// FL 12 §: whether the person may ask for a decision on `idag`: their own
/// application, undecided for six months, not asked before (what `handle`
/// accepts for `BegarAvgorande`).
pub fn kan_begara_avgorande(a: &Arende, idag: Date) -> bool {
    kan(Some(a), KommandoTyp::BegarAvgorande).is_ok()
        && idag >= frister::begaran_om_avgorande_tidigast(a.inkom)
}

/// Applies the rules to a command: the events to append, or why not.
pub fn handle(
    a: Option<&Arende>,
    kommando: Kommando,
    ctx: &Kontext,
) -> Result<Vec<Handelse>, Avvisning> {
    kan(a, kommando.typ()).map_err(Avvisning::Tillstand)?;
    let mut fel = Fel::default();
    let idag = ctx.idag;
    let Some(a) = a else {
        let Kommando::Aktualisera(h) = kommando else {
            unreachable!("kan() admits only Aktualisera without a case")
        };
        match &h {
            Handelse::AnsokanRegistrerad {
                inkom,
                insatser,
                beskrivning: _,
                ombud,
                ..
            } => {
                fel.inte_framtid(*inkom, idag, "inkom");
                fel.om(
                    insatser.is_empty(),
                    "insatser",
                    "Välj minst en insats som ansökan gäller.",
                );
                if let Some(o) = ombud {
                    fel.text_kravs(&o.namn, "ombud_namn", "Skriv ombudets namn.");
                    fel.text_kravs(
                        &o.fullmakt_omfattning,
                        "fullmakt_omfattning",
                        "Skriv vad fullmakten omfattar.",
                    );
                    fel.inte_framtid(o.fullmakt_datum, idag, "fullmakt_datum");
                }
            }
            Handelse::AnmalanRegistrerad {
                inkom,
                anmalare,
                beskrivning,
                ..
            } => {
                fel.inte_framtid(*inkom, idag, "inkom");
                fel.text_kravs(beskrivning, "beskrivning", "Skriv vad anmälan gäller.");
                if let Anmalare::Namngiven { namn, .. } = anmalare {
                    fel.text_kravs(
                        namn,
                        "anmalare_namn",
                        "Skriv anmälarens namn, eller välj anonym anmälare.",
                    );
                }
            }
            Handelse::InformationRegistrerad {
                inkom,
                kalla,
                beskrivning,
                ..
            } => {
                fel.inte_framtid(*inkom, idag, "inkom");
                fel.text_kravs(kalla, "kalla", "Skriv varifrån informationen kom.");
                fel.text_kravs(
                    beskrivning,
                    "beskrivning",
                    "Skriv vad informationen gäller.",
                );
            }
            _ => {
                return Err(Avvisning::Tillstand(
                    "Ett ärende börjar med en ansökan, en anmälan eller annan information.".into(),
                ));
            }
        }
        fel.klart()?;
        return Ok(vec![h]);
    };

    let handelser = match kommando {
        Kommando::Aktualisera(_) => unreachable!("kan() refuses Aktualisera on a case"),
        Kommando::AnsokInsats {
            insats,
            datum,
            kanal,
        } => {
            fel.inte_framtid(datum, idag, "datum");
            fel.inte_fore(datum, a.inkom, "datum", "ärendets start");
            vec![Handelse::InsatsAnsokt {
                insats,
                datum,
                kanal,
            }]
        }
        Kommando::Forhandsbedom {
            datum,
            utfall,
            skal,
        } => {
            fel.inte_framtid(datum, idag, "datum");
            fel.inte_fore(datum, a.inkom, "datum", "att anmälan kom in");
            fel.text_kravs(&skal, "skal", "Skriv skälen för bedömningen.");
            let mut h = vec![Handelse::Forhandsbedomd {
                datum,
                utfall,
                skal,
            }];
            match utfall {
                // SoL 14 kap. 2 §: open an utredning without delay.
                ForhandsbedomningsUtfall::InledUtredning => {
                    h.push(Handelse::UtredningInledd { datum })
                }
                ForhandsbedomningsUtfall::InledEj => h.push(Handelse::ArendeAvslutat {
                    datum,
                    orsak: Avslutsorsak::InledsEj,
                    kommentar: String::new(),
                }),
            }
            h
        }
        Kommando::InledUtredning { datum } => {
            fel.inte_framtid(datum, idag, "datum");
            fel.inte_fore(datum, a.inkom, "datum", "ärendets start");
            vec![Handelse::UtredningInledd { datum }]
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
        Kommando::BifogaDokument {
            dokument,
            namn,
            sha256,
            storlek,
            innehallstyp,
        } => {
            fel.text_kravs(&namn, "namn", "Dokumentet behöver ett namn.");
            vec![Handelse::DokumentBifogat {
                dokument,
                namn,
                sha256,
                storlek,
                innehallstyp,
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
        Kommando::FattaBeslut {
            id,
            insats,
            utfall,
            lagrum,
            mal,
            omfattning,
            period_fran,
            period_till,
            motivering,
            datum,
            kommunicering_obehovlig,
            foredragande,
            avslagen_del,
        } => {
            fel.om(
                !a.obeslutade_insatser().contains(&insats),
                "insats",
                "Beslutet måste gälla en ansökt insats som inte redan har ett beslut.",
            );
            fel.inte_framtid(datum, idag, "datum");
            fel.inte_fore(datum, a.inkom, "datum", "ärendets start");
            // FL 32 §: a decision that can be expected to affect someone's situation
            // must state the reasons: provisions and decisive circumstances.
            fel.text_kravs(
                &motivering,
                "motivering",
                "Skriv en motivering: vilka bestämmelser och omständigheter som avgjort.",
            );
            if utfall != Utfall::Avvisning {
                // FL 23 §: the nämnd sees to it that the case is investigated as its nature requires.
                fel.om(
                    a.utredning_avslutad.is_none(),
                    "utfall",
                    "Utredningen måste vara avslutad innan beslut i sak fattas. Avvisning kan beslutas utan utredning.",
                );
            }
            if utfall.beviljar() {
                // seed 004 §2.4: the decision states goal, scope and period.
                fel.text_kravs(&mal, "mal", "Skriv målet med insatsen.");
                fel.text_kravs(&omfattning, "omfattning", "Skriv insatsens omfattning.");
                fel.om(
                    period_fran.is_none(),
                    "period_fran",
                    "Ange från vilket datum beslutet gäller.",
                );
            }
            if let (Some(fran), Some(till)) = (period_fran, period_till) {
                fel.om(
                    till < fran,
                    "period_till",
                    "Slutdatum kan inte vara före startdatum.",
                );
            }
            if utfall == Utfall::DelvisBifall {
                // FL 32 §: the person must see which part of the application is refused,
                // or the refusal cannot be understood or appealed.
                fel.text_kravs(
                    &avslagen_del,
                    "avslagen_del",
                    "Skriv vad som avslås: vad den enskilde ansökte om och vad som inte beviljas.",
                );
            }
            if utfall.ar_negativt() {
                // FL 25 §: before a decision against the party, the party must have had the
                // material and a chance to answer, unless that is obviously unnecessary.
                // The material must have been communicated after this insats was applied for.
                let ansokt = a
                    .ansokta
                    .iter()
                    .filter(|(i, _)| *i == insats)
                    .map(|(_, d)| *d)
                    .max()
                    .unwrap_or(a.inkom);
                let kommunicerat = a
                    .kommuniceringar
                    .iter()
                    .any(|k| k.datum >= ansokt && (k.svar.is_some() || k.svar_senast < datum));
                let skal = kommunicering_obehovlig.as_deref().unwrap_or("").trim();
                fel.om(
                    !kommunicerat && skal.is_empty(),
                    "kommunicering_obehovlig",
                    "Den enskilde ska få svara på underlaget innan beslut som går emot hen (FL 25 §). \
                     Vänta på svar eller svarsfristen, eller skriv varför kommunicering uppenbart är obehövlig.",
                );
            }
            fel.klart()?;
            let delegation = ctx.delegationsordning.behorighet(ctx.roll, insats, utfall).ok_or_else(|| {
                Avvisning::Delegation(format!(
                    "Du har inte delegation att besluta om {} ({}). Beslutet ska fattas av den som har delegation enligt delegationsordningen version {}.",
                    insats.namn(),
                    utfall.namn().to_lowercase(),
                    ctx.delegationsordning.version
                ))
            })?;
            vec![Handelse::BeslutFattat(Beslut {
                id,
                insats,
                utfall,
                lagrum,
                mal,
                omfattning,
                period_fran,
                period_till,
                motivering,
                datum,
                beslutsfattare: ctx.aktor,
                delegation,
                kommunicering_obehovlig: kommunicering_obehovlig.filter(|s| !s.trim().is_empty()),
                ersatter: None,
                foredragande,
                avslagen_del: if utfall == Utfall::DelvisBifall {
                    avslagen_del.trim().to_string()
                } else {
                    String::new()
                },
            })]
        }
        Kommando::SkickaBeslut {
            beslut,
            datum,
            satt,
            forenklad_delgivning,
            forhandsinformation,
        } => {
            let b = valt_beslut(a, KommandoTyp::SkickaBeslut, beslut)?;
            fel.inte_fore(datum, b.beslut.datum, "datum", "beslutsdagen");
            fel.inte_framtid(datum, idag, "datum");
            // Handed over in person, the person is served then and there; förenklad
            // delgivning is a way of sending by post (DelgL 22 §).
            fel.om(
                forenklad_delgivning && satt == Utskickssatt::Personligen,
                "forenklad_delgivning",
                "Ett beslut som lämnats personligen delges inte med förenklad delgivning. Registrera delgivningen i stället.",
            );
            let mut h = vec![];
            if forenklad_delgivning {
                // DelgL 23 §: only if the person was told beforehand, a fact with its day.
                let ny = forhandsinformation.filter(|_| a.forhandsinformerad.is_none());
                if let Some((dag, _)) = ny {
                    fel.inte_framtid(dag, idag, "forhandsinformation_datum");
                }
                match a.forhandsinformerad.or(ny.map(|(d, _)| d)) {
                    None => fel.om(
                        true,
                        "forhandsinformation_datum",
                        "Förenklad delgivning får bara användas om den enskilde i förväg fått veta att det kan ske (23 § delgivningslagen). Ange när och hur hen fick veta det.",
                    ),
                    Some(informerad) => fel.om(
                        informerad > datum,
                        "forhandsinformation_datum",
                        format!("Den enskilde informerades om förenklad delgivning {informerad}, efter att beslutet skickades. Informationen ska komma i förväg (23 § delgivningslagen)."),
                    ),
                }
                if let Some((datum, kanal)) = ny {
                    h.push(Handelse::InformeradOmForenkladDelgivning { datum, kanal });
                }
            }
            h.push(Handelse::BeslutSkickat {
                beslut,
                datum,
                satt,
                forenklad_delgivning,
            });
            h
        }
        Kommando::InformeraOmForenkladDelgivning { datum, kanal } => {
            fel.inte_framtid(datum, idag, "datum");
            vec![Handelse::InformeradOmForenkladDelgivning { datum, kanal }]
        }
        Kommando::RegistreraKontrollmeddelande { beslut, datum } => {
            let b = valt_beslut(a, KommandoTyp::RegistreraKontrollmeddelande, beslut)?;
            fel.inte_framtid(datum, idag, "datum");
            if let Some((skickat, _, _)) = b.skickat {
                // DelgL 22 §: "närmast följande arbetsdag" after the sending. Sent later,
                // förenklad delgivning has not happened: the person must be served
                // another way, so the late day is refused rather than recorded as service.
                let senast = frister::forenklad_delgivning(skickat).kontrollmeddelande;
                fel.om(
                    datum <= skickat,
                    "datum",
                    format!("Kontrollmeddelandet skickas dagen efter beslutet, tidigast {} (22 § delgivningslagen).", skickat.next_day().unwrap_or(skickat)),
                );
                fel.om(
                    datum > senast,
                    "datum",
                    format!("Kontrollmeddelandet skulle ha skickats senast {senast} (22 § delgivningslagen). Förenklad delgivning har då inte skett: registrera att delgivningen misslyckades och skicka beslutet igen, eller delge på annat sätt."),
                );
            }
            vec![Handelse::KontrollmeddelandeSkickat { beslut, datum }]
        }
        Kommando::RegistreraMisslyckadDelgivning {
            beslut,
            datum,
            skal,
        } => {
            let b = valt_beslut(a, KommandoTyp::RegistreraMisslyckadDelgivning, beslut)?;
            if let Some((skickat, _, _)) = b.skickat {
                fel.inte_fore(datum, skickat, "datum", "utskicket");
            }
            fel.inte_framtid(datum, idag, "datum");
            fel.text_kravs(
                &skal,
                "skal",
                "Skriv vad som hände, till exempel att brevet kom tillbaka eller att adressen var fel.",
            );
            vec![Handelse::DelgivningMisslyckad {
                beslut,
                datum,
                skal,
            }]
        }
        Kommando::RegistreraDelgivning {
            beslut,
            datum,
            satt,
        } => {
            let b = valt_beslut(a, KommandoTyp::RegistreraDelgivning, beslut)?;
            fel.inte_fore(datum, b.beslut.datum, "datum", "beslutsdagen");
            fel.inte_framtid(datum, idag, "datum");
            fel.text_kravs(
                &satt,
                "satt",
                "Skriv hur beslutet delgavs, till exempel med mottagningsbevis.",
            );
            vec![Handelse::BeslutDelgivet {
                beslut,
                datum,
                satt,
            }]
        }
        Kommando::RegistreraOverklagande {
            beslut,
            inkom,
            text,
        } => {
            let b = valt_beslut(a, KommandoTyp::RegistreraOverklagande, beslut)?;
            fel.inte_fore(inkom, b.beslut.datum, "inkom", "beslutsdagen");
            fel.inte_framtid(inkom, idag, "inkom");
            fel.text_kravs(&text, "text", "Skriv kort vad överklagandet gäller.");
            vec![Handelse::OverklagandeInkommit {
                beslut,
                inkom,
                text,
            }]
        }
        Kommando::ProvaRattidighet {
            beslut,
            datum,
            undantag,
        } => {
            let b = valt_beslut(a, KommandoTyp::ProvaRattidighet, beslut)?;
            fel.inte_framtid(datum, idag, "datum");
            fel.klart()?;
            let inkom = b
                .overklagande
                .as_ref()
                .and_then(|o| o.inkom)
                .unwrap_or(datum);
            let (i_tid, sista_dag, undantag) = match b.delgiven {
                Some(delgiven) => {
                    // FL 44–45 §§.
                    let p = frister::rattidsprovning(delgiven, inkom, undantag);
                    (p.i_tid, Some(p.sista_dag), p.undantag)
                }
                // The time to appeal has not begun before the decision is served.
                None => (true, None, None),
            };
            let mut h = vec![Handelse::RattidsprovningGjord {
                beslut,
                i_tid,
                sista_dag,
                undantag,
                datum,
            }];
            if !i_tid {
                // FL 45 §: a late appeal is dismissed.
                h.push(Handelse::OverklagandeAvvisat { beslut, datum });
            }
            h
        }
        Kommando::Ompova {
            beslut,
            datum,
            motivering,
            nytt,
            eget_initiativ,
            grund,
            till_nackdel,
        } => {
            let typ = if eget_initiativ {
                KommandoTyp::OmprovaEgetInitiativ
            } else {
                KommandoTyp::Ompova
            };
            let b = valt_beslut(a, typ, beslut)?;
            fel.inte_fore(datum, b.beslut.datum, "datum", "beslutsdagen");
            fel.inte_framtid(datum, idag, "datum");
            fel.text_kravs(&motivering, "motivering", "Skriv skälen för omprövningen.");
            let mut nackdel = false;
            if let Some(n) = &nytt {
                // FL 37 § andra stycket: never to the party's disadvantage, except on
                // one of the grounds listed there, which is then recorded.
                nackdel = match andring(&b.beslut, n) {
                    Andring::TillNackdel => true,
                    Andring::InteTillNackdel => false,
                    Andring::Oklar => till_nackdel.unwrap_or_else(|| {
                        fel.om(
                            true,
                            "till_nackdel",
                            "Ange om ändringen är till nackdel för den enskilde. Samma utfall med ändrad omfattning kan Lots inte bedöma.",
                        );
                        false
                    }),
                };
                fel.om(
                    nackdel && grund.is_none(),
                    "grund",
                    "Beslutet får inte ändras till nackdel för den enskilde, utom i de fall som räknas upp i 37 § andra stycket förvaltningslagen. Välj vilket som gäller, eller ändra inte beslutet till nackdel.",
                );
            }
            let mut h = vec![Handelse::Omprovat {
                beslut,
                datum,
                andrat: nytt.is_some(),
                motivering: motivering.clone(),
                eget_initiativ,
                grund: grund.filter(|_| nackdel),
                till_nackdel: nackdel,
            }];
            if let Some(n) = nytt {
                // What is granted, and for when, only matters when something is granted.
                fel.om(
                    n.utfall == b.beslut.utfall
                        && (!n.utfall.beviljar()
                            || (n.omfattning == b.beslut.omfattning
                                && n.mal == b.beslut.mal
                                && n.period_fran == b.beslut.period_fran
                                && n.period_till == b.beslut.period_till)),
                    "utfall",
                    "Ett ändrat beslut måste skilja sig från det gamla.",
                );
                if n.utfall.beviljar() {
                    // seed 004 §2.4, as for any decision that grants.
                    fel.text_kravs(&n.mal, "mal", "Skriv målet med insatsen.");
                    fel.text_kravs(&n.omfattning, "omfattning", "Skriv insatsens omfattning.");
                    fel.om(
                        n.period_fran.is_none(),
                        "period_fran",
                        "Ange från vilket datum beslutet gäller.",
                    );
                }
                if let (Some(fran), Some(till)) = (n.period_fran, n.period_till) {
                    fel.om(
                        till < fran,
                        "period_till",
                        "Slutdatum kan inte vara före startdatum.",
                    );
                }
                if n.utfall == Utfall::DelvisBifall {
                    // FL 32 §, as for any delvis bifall: the refused part is named.
                    fel.text_kravs(
                        &n.avslagen_del,
                        "avslagen_del",
                        "Skriv vad som avslås: vad den enskilde ansökte om och vad som inte beviljas.",
                    );
                }
                fel.klart()?;
                let delegation = ctx
                    .delegationsordning
                    .behorighet(ctx.roll, b.beslut.insats, n.utfall)
                    .ok_or_else(|| {
                        Avvisning::Delegation(format!(
                            "Du har inte delegation att besluta om {}.",
                            b.beslut.insats.namn()
                        ))
                    })?;
                h.push(Handelse::BeslutFattat(Beslut {
                    id: n.id,
                    insats: b.beslut.insats,
                    utfall: n.utfall,
                    lagrum: b.beslut.lagrum,
                    mal: n.mal,
                    omfattning: n.omfattning,
                    period_fran: n.period_fran,
                    period_till: n.period_till,
                    motivering,
                    datum,
                    beslutsfattare: ctx.aktor,
                    delegation,
                    kommunicering_obehovlig: None,
                    ersatter: Some(beslut),
                    foredragande: None,
                    avslagen_del: if n.utfall == Utfall::DelvisBifall {
                        n.avslagen_del.trim().to_string()
                    } else {
                        String::new()
                    },
                }));
                // FL 46 § andra stycket: if the nämnd changes an appealed decision as
                // the appellant asks, the appeal lapses; otherwise the new decision goes up too.
                if n.utfall == Utfall::Bifall && b.overklagande.is_some() {
                    h.push(Handelse::OverklagandeForfallit {
                        beslut: n.id,
                        datum,
                    });
                }
            }
            h
        }
        Kommando::Overlamna { beslut, datum } => {
            valt_beslut(a, KommandoTyp::Overlamna, beslut)?;
            fel.inte_framtid(datum, idag, "datum");
            vec![Handelse::OverlamnatTillForvaltningsratten { beslut, datum }]
        }
        Kommando::RegistreraDom {
            beslut,
            datum,
            utfall,
            malnummer,
        } => {
            let b = valt_beslut(a, KommandoTyp::RegistreraDom, beslut)?;
            if let Some(over) = b.overklagande.as_ref().and_then(|o| o.overlamnat) {
                fel.inte_fore(datum, over, "datum", "överlämnandet");
            }
            fel.inte_framtid(datum, idag, "datum");
            fel.text_kravs(&malnummer, "malnummer", "Skriv domstolens målnummer.");
            vec![Handelse::DomMeddelad {
                beslut,
                datum,
                utfall,
                malnummer,
            }]
        }
        Kommando::Bestall {
            beslut,
            utforare,
            datum,
            uppdrag,
        } => {
            let b = valt_beslut(a, KommandoTyp::Bestall, beslut)?;
            fel.inte_fore(datum, b.beslut.datum, "datum", "beslutsdagen");
            fel.inte_framtid(datum, idag, "datum");
            fel.text_kravs(
                &uppdrag,
                "uppdrag",
                "Beskriv uppdraget: vad utföraren behöver veta.",
            );
            vec![Handelse::Bestalld {
                beslut,
                utforare,
                datum,
                uppdrag,
            }]
        }
        Kommando::StartaVerkstallighet { beslut, datum } => {
            let b = valt_beslut(a, KommandoTyp::StartaVerkstallighet, beslut)?;
            fel.inte_fore(datum, b.beslut.datum, "datum", "beslutsdagen");
            fel.inte_framtid(datum, idag, "datum");
            vec![Handelse::VerkstallighetPaborjad { beslut, datum }]
        }
        Kommando::AvbrytVerkstallighet {
            beslut,
            datum,
            orsak,
        } => {
            let b = valt_beslut(a, KommandoTyp::AvbrytVerkstallighet, beslut)?;
            if let Some(start) = b.verkstallighet.paborjad {
                fel.inte_fore(datum, start, "datum", "att insatsen började");
            }
            fel.inte_framtid(datum, idag, "datum");
            fel.text_kravs(&orsak, "orsak", "Skriv orsaken till avbrottet.");
            vec![Handelse::VerkstallighetAvbruten {
                beslut,
                datum,
                orsak,
            }]
        }
        Kommando::AterupptaVerkstallighet { beslut, datum } => {
            let b = valt_beslut(a, KommandoTyp::AterupptaVerkstallighet, beslut)?;
            if let Some(avbrott) = b.verkstallighet.avbruten() {
                fel.inte_fore(datum, avbrott, "datum", "avbrottet");
            }
            fel.inte_framtid(datum, idag, "datum");
            vec![Handelse::VerkstallighetAterupptagen { beslut, datum }]
        }
        Kommando::AvslutaVerkstallighet {
            beslut,
            datum,
            orsak,
        } => {
            let b = valt_beslut(a, KommandoTyp::AvslutaVerkstallighet, beslut)?;
            if let Some(start) = b.verkstallighet.paborjad {
                fel.inte_fore(datum, start, "datum", "att insatsen började");
            }
            fel.inte_framtid(datum, idag, "datum");
            fel.text_kravs(&orsak, "orsak", "Skriv varför insatsen avslutades.");
            vec![Handelse::VerkstallighetAvslutad {
                beslut,
                datum,
                orsak,
            }]
        }
        Kommando::RegistreraEjVerkstallt {
            beslut,
            datum,
            skal,
        } => {
            let b = valt_beslut(a, KommandoTyp::RegistreraEjVerkstallt, beslut)?;
            fel.inte_fore(datum, b.beslut.datum, "datum", "beslutsdagen");
            fel.inte_framtid(datum, idag, "datum");
            fel.text_kravs(
                &skal,
                "skal",
                "Skriv varför verkställigheten dröjer, till exempel att det saknas en ledig plats.",
            );
            vec![Handelse::VerkstallsEj {
                beslut,
                datum,
                skal,
            }]
        }
        Kommando::RegistreraUppfoljning {
            beslut,
            datum,
            maluppfyllelse,
            enskildes_synpunkt,
            kommentar,
            nasta,
        } => {
            if let Some(id) = beslut {
                valt_beslut(a, KommandoTyp::RegistreraUppfoljning, id)?;
            }
            fel.inte_framtid(datum, idag, "datum");
            fel.text_kravs(
                &enskildes_synpunkt,
                "enskildes_synpunkt",
                "Skriv vad den enskilde själv tycker, eller att hen inte ville säga något.",
            );
            if let Some(n) = nasta {
                fel.om(
                    n <= datum,
                    "nasta",
                    "Nästa uppföljning måste vara efter den här.",
                );
            }
            vec![Handelse::Uppfoljd {
                beslut,
                datum,
                maluppfyllelse,
                enskildes_synpunkt,
                kommentar,
                nasta,
            }]
        }
        Kommando::KvitteraBevakning { nyckel, datum } => {
            fel.inte_framtid(datum, idag, "datum");
            let finns = bevakningar(a)
                .iter()
                .any(|b| b.nyckel == nyckel && b.typ.kan_kvitteras());
            fel.om(!finns, "nyckel", "Välj en bevakning som kan kvitteras.");
            vec![Handelse::BevakningKvitterad { nyckel, datum }]
        }
        Kommando::TilldelaHandlaggare { handlaggare } => {
            fel.om(
                a.handlaggare == Some(handlaggare),
                "handlaggare",
                "Den handläggaren har redan ärendet.",
            );
            vec![Handelse::HandlaggareTilldelad { handlaggare }]
        }
        Kommando::SkrivJournal { id, datum, text } => {
            fel.inte_framtid(datum, idag, "datum");
            fel.text_kravs(&text, "text", "Skriv anteckningen.");
            vec![Handelse::JournalAntecknad {
                id,
                datum,
                text,
                rattar: None,
            }]
        }
        Kommando::RattaJournal {
            id,
            rattar,
            datum,
            text,
        } => {
            // SoL 14 kap.; DESIGN.md principle 2: the original stays readable.
            fel.om(
                !a.journal.contains(&rattar),
                "rattar",
                "Välj anteckningen som ska rättas.",
            );
            fel.inte_framtid(datum, idag, "datum");
            fel.text_kravs(&text, "text", "Skriv den rättade texten.");
            vec![Handelse::JournalAntecknad {
                id,
                datum,
                text,
                rattar: Some(rattar),
            }]
        }
        Kommando::RegistreraInvandning {
            anteckning,
            datum,
            text,
        } => {
            // SoL 14 kap. 6 §: the person's view that an entry is wrong is noted beside it.
            fel.om(
                !a.journal.contains(&anteckning),
                "anteckning",
                "Välj anteckningen som invändningen gäller.",
            );
            fel.inte_framtid(datum, idag, "datum");
            fel.text_kravs(&text, "text", "Skriv vad den enskilde menar är fel.");
            vec![Handelse::JournalInvandning {
                anteckning,
                datum,
                text,
            }]
        }
        Kommando::RattaDatum {
            beslut,
            vad,
            datum,
            skal,
        } => {
            let b = valt_beslut(a, KommandoTyp::RattaDatum, beslut)?;
            fel.om(
                !rattbara(b).contains(&vad),
                "vad",
                "Beslutet har inget sådant datum att rätta.",
            );
            fel.inte_fore(datum, b.beslut.datum, "datum", "beslutsdagen");
            fel.inte_framtid(datum, idag, "datum");
            fel.text_kravs(&skal, "skal", "Skriv varför datumet rättas.");
            // The original event stays; the correction is a new one and every
            // bevakning that depends on the date is derived again (DESIGN.md principle 2).
            vec![Handelse::DatumRattat {
                beslut,
                vad,
                datum,
                skal,
            }]
        }
        Kommando::RegistreraBrev {
            dokument,
            typ,
            datum,
            sha256,
            storlek,
            beslut,
            kommunicering,
            namnduppgifter,
        } => {
            // The letter belongs to something in the case: a decision or a kommunicering.
            let finns = match (beslut, kommunicering) {
                (Some(b), _) => a.beslut_lage(b).is_some(),
                (None, Some(k)) => a.kommuniceringar.iter().any(|x| x.id == k),
                // FL 12 §: the letter of a rejected request for a decision.
                (None, None) => {
                    typ == BrevTyp::BeslutOmBegaranOmAvgorande
                        && matches!(a.begaran_om_avgorande, Some((_, Some(_))))
                }
            };
            fel.om(
                !finns,
                "brev",
                "Brevet hör inte till något beslut eller någon kommunicering i ärendet.",
            );
            vec![Handelse::BrevSkapat {
                dokument,
                typ,
                datum,
                sha256,
                storlek,
                beslut,
                kommunicering,
                namnduppgifter,
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
                    Avvisning::Falt(vec![FaltFel {
                        falt: "begaran",
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
                    Avvisning::Falt(vec![FaltFel {
                        falt: "begaran",
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
        Kommando::UpprattaGenomforandeplan {
            beslut,
            datum,
            mal,
            genomforande,
            delaktighet,
            uppfoljning,
        } => {
            let b = valt_beslut(a, KommandoTyp::UpprattaGenomforandeplan, beslut)?;
            fel.inte_framtid(datum, idag, "datum");
            if let Some((bestalld, _)) = b.verkstallighet.bestalld {
                fel.inte_fore(datum, bestalld, "datum", "beställningen");
            }
            // seed 004 §2.8.1: goals for the insats from the person's needs; SOSFS
            // 2014:5: how the insats is carried out is documented.
            fel.text_kravs(
                &mal,
                "mal",
                "Skriv den enskildes mål, gärna med hens egna ord.",
            );
            fel.text_kravs(
                &genomforande,
                "genomforande",
                "Skriv hur insatsen genomförs: vad som görs, av vem och när.",
            );
            fel.inte_for_lang(&mal, "mal");
            fel.inte_for_lang(&genomforande, "genomforande");
            fel.inte_for_lang(&delaktighet, "delaktighet");
            if let Some(u) = uppfoljning {
                fel.om(
                    u < datum,
                    "uppfoljning",
                    "Uppföljningen kan inte ligga före planens datum.",
                );
            }
            vec![Handelse::GenomforandeplanUpprattad {
                beslut,
                datum,
                mal: mal.trim().to_owned(),
                genomforande: genomforande.trim().to_owned(),
                delaktighet: delaktighet.trim().to_owned(),
                uppfoljning,
            }]
        }
        Kommando::AterkallaAnsokan {
            insats,
            datum,
            kanal,
            kommentar,
        } => {
            fel.om(
                !a.obeslutade_insatser().contains(&insats),
                "insats",
                "Välj en ansökt insats som inte har något beslut.",
            );
            let ansokt = a
                .ansokta
                .iter()
                .filter(|(i, _)| *i == insats)
                .map(|(_, d)| *d)
                .min()
                .unwrap_or(a.inkom);
            fel.inte_fore(datum, ansokt, "datum", "ansökan");
            fel.inte_framtid(datum, idag, "datum");
            // FL 27 §: what the person said orally is written down with when and how.
            fel.om(
                kanal != Kanal::Papper && kanal != Kanal::Digital && kommentar.trim().is_empty(),
                "kommentar",
                "Skriv vad den enskilde sa, när hen återkallade ansökan muntligt (FL 27 §).",
            );
            vec![Handelse::AnsokanAterkallad {
                insats,
                datum,
                kanal,
                kommentar,
            }]
        }
        Kommando::RegistreraUpphorande {
            beslut,
            datum,
            orsak,
            kommentar,
        } => {
            let b = valt_beslut(a, KommandoTyp::RegistreraUpphorande, beslut)?;
            fel.inte_fore(datum, b.beslut.datum, "datum", "beslutsdagen");
            fel.inte_framtid(datum, idag, "datum");
            vec![Handelse::VerkstallighetUpphort {
                beslut,
                datum,
                orsak,
                kommentar,
            }]
        }
        Kommando::MeddelaDrojsmal {
            datum,
            skal,
            nytt_datum,
            satt,
        } => {
            fel.inte_fore(datum, a.inkom, "datum", "ärendets start");
            fel.inte_framtid(datum, idag, "datum");
            // FL 11 §: the notice says why the decision is delayed.
            fel.text_kravs(&skal, "skal", "Skriv varför beslutet dröjer.");
            fel.om(
                nytt_datum <= datum,
                "nytt_datum",
                "Ange när beslutet nu väntas, ett datum efter meddelandet.",
            );
            vec![Handelse::DrojsmalMeddelat {
                datum,
                skal,
                nytt_datum,
                satt,
            }]
        }
        Kommando::AvslutaArende {
            datum,
            orsak,
            kommentar,
        } => {
            fel.inte_framtid(datum, idag, "datum");
            fel.inte_fore(datum, a.inkom, "datum", "ärendets start");
            fel.om(
                orsak == Avslutsorsak::InledsEj,
                "orsak",
                "Skälet Utredning inleds inte ges bara av en förhandsbedömning.",
            );
            fel.om(
                orsak == Avslutsorsak::Annat && kommentar.trim().is_empty(),
                "kommentar",
                "Skriv skälet när du väljer Annat skäl.",
            );
            vec![Handelse::ArendeAvslutat {
                datum,
                orsak,
                kommentar,
            }]
        }
    };
    fel.klart()?;
    Ok(handelser)
}

/// How a change at omprövning stands to the party (FL 37 § andra stycket).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Andring {
    /// Less is granted, or for a shorter time.
    TillNackdel,
    /// More is granted, or the same for as long or longer, or nothing was granted before.
    InteTillNackdel,
    /// The same outcome with another goal or scope: only the nämnd can judge it.
    Oklar,
}

/// Whether changing `gammalt` into `nytt` is to the party's disadvantage. Outcomes rank
/// bifall over delvis bifall over avslag and avvisning.
pub fn andring(gammalt: &Beslut, nytt: &NyttBeslut) -> Andring {
    fn rang(u: Utfall) -> u8 {
        match u {
            Utfall::Bifall => 2,
            Utfall::DelvisBifall => 1,
            Utfall::Avslag | Utfall::Avvisning => 0,
        }
    }
    match rang(nytt.utfall).cmp(&rang(gammalt.utfall)) {
        std::cmp::Ordering::Less => Andring::TillNackdel,
        std::cmp::Ordering::Greater => Andring::InteTillNackdel,
        // Nothing was granted, and nothing is: there is nothing to lose.
        std::cmp::Ordering::Equal if !nytt.utfall.beviljar() => Andring::InteTillNackdel,
        std::cmp::Ordering::Equal => {
            let borjar_senare = match (gammalt.period_fran, nytt.period_fran) {
                (Some(g), Some(n)) => n > g,
                (None, Some(_)) => true,
                _ => false,
            };
            let slutar_tidigare = match (gammalt.period_till, nytt.period_till) {
                (Some(g), Some(n)) => n < g,
                (None, Some(_)) => true,
                _ => false,
            };
            if borjar_senare || slutar_tidigare {
                Andring::TillNackdel
            } else if nytt.omfattning.trim() == gammalt.omfattning.trim()
                && nytt.mal.trim() == gammalt.mal.trim()
            {
                Andring::InteTillNackdel
            } else {
                Andring::Oklar
            }
        }
    }
}

/// "A, B och C".
fn lista(namn: &[&str]) -> String {
    match namn {
        [] => String::new(),
        [ett] => (*ett).to_owned(),
        [forsta @ .., sista] => format!("{} och {sista}", forsta.join(", ")),
    }
}
