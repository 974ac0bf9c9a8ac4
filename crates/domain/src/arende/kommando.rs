//! The steps of a case: the `Kommando` enum, the registry of their kinds
//! (`KommandoTyp`, each with the phase that owns its rules), and the two entry
//! points `kan` and `handle`, which route to the phase modules.
//!
//! `kan` says whether a kind of step is open in the case's current state; the
//! case page offers exactly those steps. `handle` checks `kan` first, then the
//! input, and returns the events to store. Nothing is stored when it refuses.
//! The rules of each step sit in its phase module (`aktualisering`,
//! `utredning`, `beslut`, `overklagande`, `verkstallighet`, `uppfoljning`,
//! `journal`, `dialog`, `avslut`); only what holds for every phase is here.

use serde::{Deserialize, Serialize};
use time::{Date, Time};

use super::*;
use crate::delegation::Delegationsordning;
use crate::forsorjningsstod::fordjupad::FordjupadVal;
use crate::frister::Fl45Undantag;
use crate::identitet::Kon;
use crate::insats::{Lagrum, Utfall};
use crate::instrument::Svar;
use crate::livsomrade::Avsnitt;
use crate::organisation::Roll;

/// Who acts, when, and under which delegationsordning.
#[derive(Debug, Clone)]
pub struct Kontext<'a> {
    pub idag: Date,
    pub aktor: AnvandarId,
    pub roll: Roll,
    pub delegationsordning: &'a Delegationsordning,
}

/// A fact of a command that the rules refuse, with the Swedish text that says why.
///
/// `fakta` names the fact as the command, or the event it carries, names it: a
/// field such as `datum` or `beslut`, or a path into a payload such as
/// `ombud.namn` or `forhandsinformation.datum`. It is the domain's name, not a
/// form's: the web maps it to the field of the form that carries that fact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Faktafel {
    pub fakta: &'static str,
    pub text: String,
}

/// Why a command was refused. Texts are Swedish: they are shown to staff as they are.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Avvisning {
    /// The step is not open in the case's current state.
    #[error("{0}")]
    Tillstand(String),
    /// The input is wrong; each error names the fact of the command it concerns.
    #[error("Uppgifterna behöver rättas.")]
    Fakta(Vec<Faktafel>),
    /// The delegationsordning gives the user no right to this decision.
    #[error("{0}")]
    Delegation(String),
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
        /// The day the person can expect a decision; None takes the default for what
        /// was applied for (`frister::beslut_vantas`).
        beslut_vantas: Option<Date>,
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
    Omprova {
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
        /// The terms when the unit belongs to a provider organisation (issue 17 item 5).
        villkor: Option<crate::utforare::Villkor>,
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
    /// The person asks for another handläggare, with or without a reason (issue 19 item 5).
    BegarHandlaggarbyte {
        datum: Date,
        fran: Avsandare,
        skal: String,
    },
    /// The arbetsledare answers the `begaran`th request for another handläggare in
    /// writing: granted (the case goes to `ny_handlaggare`) or refused with reasons.
    BesvaraHandlaggarbyte {
        begaran: usize,
        datum: Date,
        beviljad: bool,
        ny_handlaggare: Option<AnvandarId>,
        motivering: String,
    },
    /// The handläggare books the meeting the person asked for (the `forfragan`th request):
    /// the day, time and place the person then sees on Mina sidor.
    BokaMote {
        forfragan: usize,
        datum: Date,
        klockslag: Time,
        plats: String,
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
    AterkallaAnsokan(AterkallelseUppgifter),
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
    RegistreraMisslyckadDelgivning(MisslyckadDelgivningUppgifter),
    /// A granted decision will not be carried out: the person declined, moved or died.
    RegistreraUpphorande(UpphorandeUppgifter),
    /// FL 11 §: the person is told the decision will be substantially delayed.
    MeddelaDrojsmal(DrojsmalUppgifter),
    /// Försörjningsstöd for one month, line by line (SoL 12 kap. 1 § and 7–8 §§), with
    /// the year's riksnorm table the caller read: the domain checks that it is the
    /// month's own year and computes everything else.
    BeraknaForsorjningsstod {
        datum: Date,
        underlag: Box<Underlag>,
        tabell: Box<Riksnorm>,
        /// Months in which the person received försörjningsstöd outside this case:
        /// paid in the person's other cases, or registered from another kommun
        /// (jobbstimulans counts aid wherever it was received).
        andra_manader: Vec<Manad>,
        /// Choices about a deepened investigation recorded in the person's other cases:
        /// one that answers this month's run of aid is not asked for again.
        andra_val: Vec<FordjupadVal>,
    },
    /// An assessment instrument's answers (AUDIT, DUDIT, FREDA, FIA), scored by Lots. `kon` is
    /// the person's legal sex as their identity gives it, for the cut-offs that depend on it.
    RegistreraInstrument {
        datum: Date,
        svar: Box<Svar>,
        kon: Option<Kon>,
    },
    /// One life area of the grundutredning, written or rewritten.
    SkrivUtredningsavsnitt(Avsnitt),
    /// The assessment that ends the grundutredning, with its förslag till beslut.
    BedomGrundutredning {
        datum: Date,
        bedomning: String,
        forslag: Option<ForslagTillBeslut>,
    },
    /// After six months in a row with aid: start a deepened investigation, or say why not.
    ValjFordjupadUtredning {
        datum: Date,
        inleds: bool,
        skal: String,
    },
    /// The person applies for a month (on Mina sidor, or staff register it from paper).
    AnsokManad(Box<Manadsansokan>),
    /// The medsökande of a joint application confirms it, or says what is wrong (on Mina
    /// sidor, with their own login).
    BekraftaGemensamAnsokan(crate::forsorjningsstod::berakning::Bekraftelse),
    /// The plan toward self-sufficiency, first or revised: the rules number the version.
    SkrivPlan(Box<crate::forsorjningsstod::plan::Sjalvforsorjningsplan>),
    /// The person's answer to the plan: agrees, or what they think.
    SvaraPaPlan {
        datum: Date,
        version: u32,
        instammer: bool,
        synpunkt: String,
        fran: Avsandare,
    },
    /// A follow-up of the plan, by numbers and in the person's words.
    FoljUppPlan(Box<crate::forsorjningsstod::plan::Planuppfoljning>),
    /// Aid ends, with the reason reported to Socialstyrelsen.
    AvslutaForsorjningsstod {
        datum: Date,
        orsak: crate::forsorjningsstod::plan::Slutorsak,
        kommentar: String,
    },
    /// A payment of a granted försörjningsstöd decision: to whom, which account,
    /// how much and when. Never above what the month's calculation approved.
    PlaneraUtbetalning {
        id: UtbetalningId,
        beslut: BeslutId,
        mottagare: Mottagare,
        konto: Konto,
        belopp: Kronor,
        dag: Date,
        manuell: bool,
        /// The kommun's attest limit now (its setting, or `ATTESTGRANS`).
        attestgrans: Kronor,
    },
    /// A second person's attest of a payment that needs one (four eyes).
    AttesteraUtbetalning {
        utbetalning: UtbetalningId,
        datum: Date,
    },
    /// The payment went to the bank.
    RegistreraUtbetald {
        utbetalning: UtbetalningId,
        datum: Date,
    },
    /// A planned payment is cancelled before it is sent, with the reason.
    MakuleraUtbetalning {
        utbetalning: UtbetalningId,
        datum: Date,
        skal: String,
    },
}

/// The phases of a case. Each owns the `kan` and `handle` rules of its steps,
/// the fold of the events they produce, and their tests, in the module of the
/// same name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Fas {
    Aktualisering,
    Utredning,
    Beslut,
    Overklagande,
    Verkstallighet,
    Uppfoljning,
    Journal,
    Dialog,
    Avslut,
}

impl Fas {
    /// The order the case page groups the open steps in: the course of a case, then
    /// what goes on throughout it, and the case itself last.
    pub const ORDNING: [Self; 9] = [
        Self::Aktualisering,
        Self::Utredning,
        Self::Beslut,
        Self::Overklagande,
        Self::Verkstallighet,
        Self::Uppfoljning,
        Self::Dialog,
        Self::Journal,
        Self::Avslut,
    ];

    /// The heading of the phase's group of steps.
    pub fn namn(self) -> &'static str {
        match self {
            Self::Aktualisering => "Ansökan och aktualisering",
            Self::Utredning => "Utredning",
            Self::Beslut => "Beslut",
            Self::Overklagande => "Överklagande",
            Self::Verkstallighet => "Verkställighet",
            Self::Uppfoljning => "Uppföljning",
            Self::Dialog => "Dialog med den enskilde",
            Self::Journal => "Journal och dokument",
            Self::Avslut => "Ärendet",
        }
    }
}

macro_rules! kommandotyper {
    ($($typ:ident => $kod:literal, $namn:literal, $fas:ident;)*) => {
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
            /// The phase whose module holds the step's rules.
            pub fn fas(self) -> Fas {
                match self { $(KommandoTyp::$typ => Fas::$fas),* }
            }
        }
    };
}

// The registry of steps: kind, the code in forms and URLs, the label, and the
// phase that owns its rules. A new step is one line here.
kommandotyper! {
    Aktualisera => "aktualisera", "Registrera ansökan, anmälan eller information", Aktualisering;
    AnsokInsats => "ansok-insats", "Registrera ansökan om ytterligare insats", Aktualisering;
    Forhandsbedom => "forhandsbedom", "Gör förhandsbedömning", Aktualisering;
    InledUtredning => "inled-utredning", "Inled utredning", Utredning;
    RegistreraSynpunkter => "synpunkter", "Registrera den enskildes synpunkter och mål", Utredning;
    BifogaDokument => "dokument", "Bifoga dokument", Journal;
    AvslutaUtredning => "avsluta-utredning", "Avsluta utredningen", Utredning;
    Kommunicera => "kommunicera", "Kommunicera underlag", Utredning;
    RegistreraSvar => "svar", "Registrera svar på kommunicering", Utredning;
    FattaBeslut => "beslut", "Fatta beslut", Beslut;
    SkickaBeslut => "skicka-beslut", "Registrera att beslutet skickats", Beslut;
    RegistreraDelgivning => "delgivning", "Registrera delgivning", Beslut;
    RegistreraOverklagande => "overklagande", "Registrera överklagande", Overklagande;
    ProvaRattidighet => "rattidsprovning", "Pröva om överklagandet kom in i tid", Overklagande;
    Omprova => "omprovning", "Ompröva beslutet", Overklagande;
    Overlamna => "overlamna", "Överlämna till förvaltningsrätten", Overklagande;
    RegistreraDom => "dom", "Registrera domstolens avgörande", Overklagande;
    Bestall => "bestall", "Beställ insats från utförare", Verkstallighet;
    StartaVerkstallighet => "verkstallighet-start", "Registrera att insatsen har börjat", Verkstallighet;
    AvbrytVerkstallighet => "verkstallighet-avbrott", "Registrera avbrott i insatsen", Verkstallighet;
    AterupptaVerkstallighet => "verkstallighet-ateruppta", "Registrera att insatsen har återupptagits", Verkstallighet;
    AvslutaVerkstallighet => "verkstallighet-slut", "Registrera att insatsen har avslutats", Verkstallighet;
    RegistreraEjVerkstallt => "ej-verkstallt", "Registrera skäl till att verkställigheten dröjer", Verkstallighet;
    RegistreraUppfoljning => "uppfoljning", "Registrera uppföljning", Uppfoljning;
    KvitteraBevakning => "kvittera", "Kvittera bevakning", Uppfoljning;
    TilldelaHandlaggare => "tilldela", "Byt handläggare", Aktualisering;
    SkrivJournal => "journal", "Skriv journalanteckning", Journal;
    RattaJournal => "ratta-journal", "Rätta journalanteckning", Journal;
    RegistreraInvandning => "invandning", "Registrera invändning mot journalanteckning", Journal;
    AvslutaArende => "avsluta", "Avsluta ärendet", Avslut;
    RattaDatum => "ratta-datum", "Rätta ett felaktigt datum", Beslut;
    RegistreraBrev => "brev", "Spara brev i personakten", Journal;
    BegarAvgorande => "begaran-om-avgorande", "Registrera begäran om avgörande", Utredning;
    AvslaBegaranOmAvgorande => "avsla-begaran", "Avslå begäran om avgörande", Utredning;
    SkickaMeddelande => "meddelande", "Skicka meddelande till den enskilde", Dialog;
    BegarKomplettering => "begar-komplettering", "Begär komplettering", Dialog;
    LamnaKomplettering => "lamna-komplettering", "Registrera inlämnad komplettering", Dialog;
    GodtaKomplettering => "godta-komplettering", "Godta inlämnad komplettering", Dialog;
    BegarMote => "begar-mote", "Registrera att den enskilde vill ha ett möte", Dialog;
    BokaMote => "boka-mote", "Boka mötet som den enskilde bett om", Dialog;
    BegarHandlaggarbyte => "begar-handlaggarbyte", "Registrera att den enskilde vill ha en annan handläggare", Dialog;
    BesvaraHandlaggarbyte => "besvara-handlaggarbyte", "Besvara begäran om annan handläggare", Dialog;
    UpprattaGenomforandeplan => "genomforandeplan", "Skriv genomförandeplan", Verkstallighet;
    AterkallaAnsokan => "aterkallelse", "Registrera att den enskilde återkallar sin ansökan", Aktualisering;
    InformeraOmForenkladDelgivning => "forhandsinformation", "Registrera att den enskilde informerats om förenklad delgivning", Beslut;
    RegistreraKontrollmeddelande => "kontrollmeddelande", "Registrera att kontrollmeddelandet skickats", Beslut;
    RegistreraMisslyckadDelgivning => "delgivning-misslyckad", "Registrera att delgivningen misslyckades", Beslut;
    OmprovaEgetInitiativ => "omprovning-eget-initiativ", "Ompröva beslutet på nämndens eget initiativ", Overklagande;
    RegistreraUpphorande => "verkstallighet-upphor", "Registrera att beslutet inte ska verkställas", Verkstallighet;
    MeddelaDrojsmal => "drojsmal", "Meddela att beslutet dröjer", Utredning;
    BeraknaForsorjningsstod => "forsorjningsstod", "Beräkna försörjningsstöd för en månad", Utredning;
    AnsokManad => "manadsansokan", "Registrera månadsansökan om försörjningsstöd", Utredning;
    BekraftaGemensamAnsokan => "bekrafta-gemensam", "Bekräfta gemensam månadsansökan", Utredning;
    PlaneraUtbetalning => "utbetalning", "Planera utbetalning av försörjningsstöd", Verkstallighet;
    AttesteraUtbetalning => "attestera-utbetalning", "Attestera utbetalning", Verkstallighet;
    RegistreraUtbetald => "utbetald", "Registrera att utbetalningen har skickats", Verkstallighet;
    MakuleraUtbetalning => "makulera-utbetalning", "Makulera en planerad utbetalning", Verkstallighet;
    ValjFordjupadUtredning => "fordjupad-utredning", "Ta ställning till fördjupad utredning", Utredning;
    RegistreraInstrument => "instrument", "Registrera bedömningsinstrument", Utredning;
    SkrivUtredningsavsnitt => "livsomrade", "Skriv ett livsområde i utredningen", Utredning;
    BedomGrundutredning => "bedom-utredning", "Skriv utredningens bedömning", Utredning;
    SkrivPlan => "plan", "Skriv planen mot egen försörjning", Uppfoljning;
    SvaraPaPlan => "plan-svar", "Registrera den enskildes svar på planen", Uppfoljning;
    FoljUppPlan => "plan-uppfoljning", "Följ upp planen mot egen försörjning", Uppfoljning;
    AvslutaForsorjningsstod => "forsorjningsstod-slut", "Avsluta försörjningsstödet", Uppfoljning;
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
            Kommando::Omprova {
                eget_initiativ: false,
                ..
            } => T::Omprova,
            Kommando::Omprova {
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
            Kommando::BokaMote { .. } => T::BokaMote,
            Kommando::BegarHandlaggarbyte { .. } => T::BegarHandlaggarbyte,
            Kommando::BesvaraHandlaggarbyte { .. } => T::BesvaraHandlaggarbyte,
            Kommando::UpprattaGenomforandeplan { .. } => T::UpprattaGenomforandeplan,
            Kommando::AterkallaAnsokan { .. } => T::AterkallaAnsokan,
            Kommando::InformeraOmForenkladDelgivning { .. } => T::InformeraOmForenkladDelgivning,
            Kommando::RegistreraKontrollmeddelande { .. } => T::RegistreraKontrollmeddelande,
            Kommando::RegistreraMisslyckadDelgivning { .. } => T::RegistreraMisslyckadDelgivning,
            Kommando::RegistreraUpphorande { .. } => T::RegistreraUpphorande,
            Kommando::MeddelaDrojsmal { .. } => T::MeddelaDrojsmal,
            Kommando::BeraknaForsorjningsstod { .. } => T::BeraknaForsorjningsstod,
            Kommando::AnsokManad(_) => T::AnsokManad,
            Kommando::BekraftaGemensamAnsokan(_) => T::BekraftaGemensamAnsokan,
            Kommando::PlaneraUtbetalning { .. } => T::PlaneraUtbetalning,
            Kommando::AttesteraUtbetalning { .. } => T::AttesteraUtbetalning,
            Kommando::RegistreraUtbetald { .. } => T::RegistreraUtbetald,
            Kommando::MakuleraUtbetalning { .. } => T::MakuleraUtbetalning,
            Kommando::ValjFordjupadUtredning { .. } => T::ValjFordjupadUtredning,
            Kommando::RegistreraInstrument { .. } => T::RegistreraInstrument,
            Kommando::SkrivUtredningsavsnitt(_) => T::SkrivUtredningsavsnitt,
            Kommando::BedomGrundutredning { .. } => T::BedomGrundutredning,
            Kommando::SkrivPlan(_) => T::SkrivPlan,
            Kommando::SvaraPaPlan { .. } => T::SvaraPaPlan,
            Kommando::FoljUppPlan(_) => T::FoljUppPlan,
            Kommando::AvslutaForsorjningsstod { .. } => T::AvslutaForsorjningsstod,
        }
    }
}
/// The decisions a per-decision step can act on now. One source for both the
/// case page's choices and the check in `handle`.
pub fn kandidater(a: &Arende, typ: KommandoTyp) -> Vec<&BeslutLage> {
    a.gallande_beslut()
        .filter(|b| match typ.fas() {
            Fas::Beslut => beslut::kandidat(typ, b),
            Fas::Overklagande => overklagande::kandidat(typ, b),
            Fas::Verkstallighet => verkstallighet::kandidat(typ, b),
            Fas::Uppfoljning => uppfoljning::kandidat(typ, b),
            Fas::Aktualisering | Fas::Utredning | Fas::Journal | Fas::Dialog | Fas::Avslut => false,
        })
        .collect()
}

pub(super) fn tillstand<T>(text: impl Into<String>) -> Result<T, String> {
    Err(text.into())
}

/// A per-decision step is open when some decision waits for it.
pub(super) fn per_beslut(a: &Arende, typ: KommandoTyp) -> Result<(), String> {
    if kandidater(a, typ).is_empty() {
        tillstand(format!(
            "{}: inget beslut i ärendet väntar på det steget.",
            typ.namn()
        ))
    } else {
        Ok(())
    }
}

/// Whether a kind of step is open in the current state (`None`: no case yet).
/// What holds for every phase is checked here; the rest is the phase's own `kan`.
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
    if oppet_krav && a.avslutat() {
        return tillstand("Ärendet är avslutat.");
    }
    // An anmälan or information is assessed first (SoL 14 kap. 2 §); until then
    // only documentation and the dialogue with the person go on.
    let vantar_forhandsbedomning =
        a.typ != AktualiseringsTyp::Ansokan && a.forhandsbedomning.is_none();
    if vantar_forhandsbedomning
        && !matches!(
            typ,
            T::Forhandsbedom
                | T::SkrivJournal
                | T::BifogaDokument
                | T::TilldelaHandlaggare
                // The dialogue with the person goes on whatever the case's stage.
                | T::SkickaMeddelande
                | T::BegarKomplettering
                | T::LamnaKomplettering
                | T::GodtaKomplettering
                | T::BegarMote
                | T::BokaMote
                | T::BegarHandlaggarbyte
                | T::BesvaraHandlaggarbyte
        )
    {
        return tillstand("Gör förhandsbedömningen först.");
    }
    match typ.fas() {
        Fas::Aktualisering => aktualisering::kan(a, typ),
        Fas::Utredning => utredning::kan(a, typ),
        Fas::Beslut => beslut::kan(a, typ),
        Fas::Overklagande => overklagande::kan(a, typ),
        Fas::Verkstallighet => verkstallighet::kan(a, typ),
        Fas::Uppfoljning => uppfoljning::kan(a, typ),
        Fas::Journal => journal::kan(a, typ),
        Fas::Dialog => dialog::kan(a, typ),
        Fas::Avslut => avslut::kan(a, typ),
    }
}

/// Collects field errors so a form shows all of them at once.
#[derive(Default)]
pub(crate) struct Fel(Vec<Faktafel>);

impl Fel {
    pub(crate) fn om(&mut self, villkor: bool, fakta: &'static str, text: impl Into<String>) {
        if villkor {
            self.0.push(Faktafel {
                fakta,
                text: text.into(),
            });
        }
    }
    pub(crate) fn text_kravs(&mut self, varde: &str, fakta: &'static str, text: &str) {
        self.om(varde.trim().is_empty(), fakta, text);
    }
    /// A fact that has happened cannot be dated in the future.
    pub(crate) fn inte_framtid(&mut self, datum: Date, idag: Date, fakta: &'static str) {
        self.om(datum > idag, fakta, "Datumet kan inte ligga i framtiden.");
    }
    pub(crate) fn inte_fore(
        &mut self,
        datum: Date,
        tidigast: Date,
        fakta: &'static str,
        vad: &str,
    ) {
        self.om(
            datum < tidigast,
            fakta,
            format!("Datumet kan inte ligga före {vad} ({tidigast})."),
        );
    }
    /// A text the person or the handläggare writes: required, and not longer than
    /// one message may be.
    pub(crate) fn meddelandetext(&mut self, varde: &str, fakta: &'static str, text: &str) {
        self.text_kravs(varde, fakta, text);
        self.inte_for_lang(varde, fakta);
    }
    pub(crate) fn inte_for_lang(&mut self, varde: &str, fakta: &'static str) {
        let n = varde.chars().count();
        self.om(
            n > MEDDELANDE_MAX_TECKEN,
            fakta,
            format!("Texten får vara högst {MEDDELANDE_MAX_TECKEN} tecken. Den är {n} tecken."),
        );
    }
    /// The person, or an ombud named by name.
    pub(crate) fn enskild(&mut self, fran: &Avsandare, vad: &str) {
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
    pub(crate) fn klart(&mut self) -> Result<(), Avvisning> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(Avvisning::Fakta(std::mem::take(&mut self.0)))
        }
    }
}

pub(super) fn valt_beslut(
    a: &Arende,
    typ: KommandoTyp,
    id: BeslutId,
) -> Result<&BeslutLage, Avvisning> {
    kandidater(a, typ)
        .into_iter()
        .find(|b| b.id() == id)
        .ok_or_else(|| {
            Avvisning::Fakta(vec![Faktafel {
                fakta: "beslut",
                text: "Välj ett beslut som väntar på det här steget.".into(),
            }])
        })
}

/// A command routed to a phase that does not own it: a mistake in the
/// registry (`kommandotyper!`), refused rather than stored.
pub(super) fn fel_fas(k: &Kommando) -> Avvisning {
    Avvisning::Tillstand(format!(
        "Steget {} hör inte till den här delen av reglerna.",
        k.typ().namn()
    ))
}

/// Applies the rules to a command: the events to append, or why not.
pub fn handle(
    a: Option<&Arende>,
    kommando: Kommando,
    ctx: &Kontext,
) -> Result<Vec<Handelse>, Avvisning> {
    kan(a, kommando.typ()).map_err(Avvisning::Tillstand)?;
    let mut fel = Fel::default();
    let Some(a) = a else {
        let Kommando::Aktualisera(h) = kommando else {
            unreachable!("kan() admits only Aktualisera without a case")
        };
        return aktualisering::aktualisera(h, ctx.idag, &mut fel);
    };
    let handelser = match kommando.typ().fas() {
        Fas::Aktualisering => aktualisering::handle(a, kommando, ctx, &mut fel)?,
        Fas::Utredning => utredning::handle(a, kommando, ctx, &mut fel)?,
        Fas::Beslut => beslut::handle(a, kommando, ctx, &mut fel)?,
        Fas::Overklagande => overklagande::handle(a, kommando, ctx, &mut fel)?,
        Fas::Verkstallighet => verkstallighet::handle(a, kommando, ctx, &mut fel)?,
        Fas::Uppfoljning => uppfoljning::handle(a, kommando, ctx, &mut fel)?,
        Fas::Journal => journal::handle(a, kommando, ctx, &mut fel)?,
        Fas::Dialog => dialog::handle(a, kommando, ctx, &mut fel)?,
        Fas::Avslut => avslut::handle(a, kommando, ctx, &mut fel)?,
    };
    fel.klart()?;
    Ok(handelser)
}
