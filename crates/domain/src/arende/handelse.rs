//! The events of a case. Kinds are only ever added, never removed or renamed
//! (DESIGN.md, Events). Events hold facts, never display text.

use serde::{Deserialize, Serialize};
use time::{Date, Time};

use super::aktualisering::AterkallelseUppgifter;
use super::beslut::MisslyckadDelgivningUppgifter;
use super::dialog::{Avsandare, Handlingstyp, Motestyp};
use super::utredning::{DrojsmalUppgifter, ForslagTillBeslut};
use super::verkstallighet::UpphorandeUppgifter;
use crate::delegation::DelegationsRef;
use crate::forsorjningsstod::berakning::{Manadsansokan, Manadsberakning, Underlag};
use crate::forsorjningsstod::fordjupad::FordjupadVal;
use crate::forsorjningsstod::utbetalning::Utbetalning;
use crate::frister::Fl45Undantag;
use crate::ids::*;
use crate::insats::{InsatsTyp, Lagrum, Utfall};
use crate::instrument::{Resultat, Svar};
use crate::livsomrade::Avsnitt;

/// The schema version written with every event payload.
pub const SCHEMA_VERSION: i64 = 1;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kanal {
    Papper,
    Telefon,
    Besok,
    Digital,
}

impl Kanal {
    pub const ALLA: [Kanal; 4] = [Kanal::Papper, Kanal::Telefon, Kanal::Besok, Kanal::Digital];
    pub fn kod(self) -> &'static str {
        match self {
            Kanal::Papper => "papper",
            Kanal::Telefon => "telefon",
            Kanal::Besok => "besok",
            Kanal::Digital => "digital",
        }
    }
    pub fn fran_kod(k: &str) -> Option<Self> {
        Self::ALLA.into_iter().find(|x| x.kod() == k)
    }
    pub fn namn(self) -> &'static str {
        match self {
            Kanal::Papper => "Papper (post)",
            Kanal::Telefon => "Telefon",
            Kanal::Besok => "Besök",
            Kanal::Digital => "Digitalt",
        }
    }
}

/// An ombud acting under a fullmakt (FL 14 §). The fullmakt may be oral, but is
/// then documented here; its scope is recorded as given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ombud {
    pub namn: String,
    pub kontakt: String,
    pub fullmakt_omfattning: String,
    pub fullmakt_datum: Date,
    pub muntlig: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "typ", rename_all = "snake_case")]
pub enum Anmalare {
    Anonym,
    Namngiven {
        namn: String,
        relation: String,
        kontakt: String,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ForhandsbedomningsUtfall {
    InledUtredning,
    InledEj,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kommunikationssatt {
    Brev,
    Digitalt,
    Mote,
    Telefon,
}

impl Kommunikationssatt {
    pub const ALLA: [Self; 4] = [Self::Brev, Self::Digitalt, Self::Mote, Self::Telefon];
    pub fn kod(self) -> &'static str {
        match self {
            Self::Brev => "brev",
            Self::Digitalt => "digitalt",
            Self::Mote => "mote",
            Self::Telefon => "telefon",
        }
    }
    pub fn fran_kod(k: &str) -> Option<Self> {
        Self::ALLA.into_iter().find(|x| x.kod() == k)
    }
    pub fn namn(self) -> &'static str {
        match self {
            Self::Brev => "Brev",
            Self::Digitalt => "Digitalt (Mina sidor)",
            Self::Mote => "Vid möte",
            Self::Telefon => "Per telefon",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Utskickssatt {
    Brev,
    Digitalt,
    Personligen,
}

impl Utskickssatt {
    pub const ALLA: [Self; 3] = [Self::Brev, Self::Digitalt, Self::Personligen];
    pub fn kod(self) -> &'static str {
        match self {
            Self::Brev => "brev",
            Self::Digitalt => "digitalt",
            Self::Personligen => "personligen",
        }
    }
    pub fn fran_kod(k: &str) -> Option<Self> {
        Self::ALLA.into_iter().find(|x| x.kod() == k)
    }
    pub fn namn(self) -> &'static str {
        match self {
            Self::Brev => "Brev",
            Self::Digitalt => "Digitalt (Mina sidor)",
            Self::Personligen => "Lämnat personligen",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DomUtfall {
    /// The appeal was rejected; the nämnd's decision stands.
    Avslag,
    /// The court granted the appeal; what it grants must be carried out.
    Bifall,
    /// Sent back to the nämnd for a new decision.
    Aterforvisning,
}

impl DomUtfall {
    pub const ALLA: [Self; 3] = [Self::Avslag, Self::Bifall, Self::Aterforvisning];
    pub fn kod(self) -> &'static str {
        match self {
            Self::Avslag => "avslag",
            Self::Bifall => "bifall",
            Self::Aterforvisning => "aterforvisning",
        }
    }
    pub fn fran_kod(k: &str) -> Option<Self> {
        Self::ALLA.into_iter().find(|x| x.kod() == k)
    }
    pub fn namn(self) -> &'static str {
        match self {
            Self::Avslag => "Överklagandet avslogs",
            Self::Bifall => "Överklagandet bifölls",
            Self::Aterforvisning => "Återförvisat till nämnden",
        }
    }
}

/// Letters Lots writes from the case's facts and keeps in the personakt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BrevTyp {
    Beslutsbrev,
    Kommuniceringsbrev,
    Kontrollmeddelande,
    /// FL 45 §: a late appeal dismissed, with appeal instructions.
    Avvisningsbeslut,
    /// FL 12 §: a request for a decision rejected, with appeal instructions.
    BeslutOmBegaranOmAvgorande,
}

impl BrevTyp {
    pub fn namn(self) -> &'static str {
        match self {
            Self::Beslutsbrev => "Beslutsbrev",
            Self::Kommuniceringsbrev => "Kommuniceringsbrev",
            Self::Kontrollmeddelande => "Kontrollmeddelande",
            Self::Avvisningsbeslut => "Beslut om avvisning av överklagande",
            Self::BeslutOmBegaranOmAvgorande => "Beslut om begäran om avgörande",
        }
    }
}

/// A dated fact about a decision that can be corrected when it was entered wrongly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RattatDatum {
    Skickat,
    Delgiven,
    VerkstallighetPaborjad,
}

impl RattatDatum {
    pub const ALLA: [Self; 3] = [Self::Skickat, Self::Delgiven, Self::VerkstallighetPaborjad];
    pub fn kod(self) -> &'static str {
        match self {
            Self::Skickat => "skickat",
            Self::Delgiven => "delgiven",
            Self::VerkstallighetPaborjad => "verkstallighet_paborjad",
        }
    }
    pub fn fran_kod(k: &str) -> Option<Self> {
        Self::ALLA.into_iter().find(|x| x.kod() == k)
    }
    pub fn namn(self) -> &'static str {
        match self {
            Self::Skickat => "Dagen beslutet skickades",
            Self::Delgiven => "Dagen beslutet delgavs",
            Self::VerkstallighetPaborjad => "Dagen insatsen började",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Maluppfyllelse {
    Uppnatt,
    DelvisUppnatt,
    EjUppnatt,
}

impl Maluppfyllelse {
    pub const ALLA: [Self; 3] = [Self::Uppnatt, Self::DelvisUppnatt, Self::EjUppnatt];
    pub fn kod(self) -> &'static str {
        match self {
            Self::Uppnatt => "uppnatt",
            Self::DelvisUppnatt => "delvis_uppnatt",
            Self::EjUppnatt => "ej_uppnatt",
        }
    }
    pub fn fran_kod(k: &str) -> Option<Self> {
        Self::ALLA.into_iter().find(|x| x.kod() == k)
    }
    pub fn namn(self) -> &'static str {
        match self {
            Self::Uppnatt => "Målen är uppnådda",
            Self::DelvisUppnatt => "Målen är delvis uppnådda",
            Self::EjUppnatt => "Målen är inte uppnådda",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Avslutsorsak {
    MalUppnatt,
    InsatsAvslutad,
    BeslutUtanInsats,
    AnsokanAtertagen,
    InledsEj,
    Flyttat,
    Avliden,
    Annat,
}

impl Avslutsorsak {
    /// The reasons a handläggare can choose; `InledsEj` comes only from a förhandsbedömning.
    pub const VALBARA: [Self; 7] = [
        Self::MalUppnatt,
        Self::InsatsAvslutad,
        Self::BeslutUtanInsats,
        Self::AnsokanAtertagen,
        Self::Flyttat,
        Self::Avliden,
        Self::Annat,
    ];
    pub fn kod(self) -> &'static str {
        match self {
            Self::MalUppnatt => "mal_uppnatt",
            Self::InsatsAvslutad => "insats_avslutad",
            Self::BeslutUtanInsats => "beslut_utan_insats",
            Self::AnsokanAtertagen => "ansokan_atertagen",
            Self::InledsEj => "inleds_ej",
            Self::Flyttat => "flyttat",
            Self::Avliden => "avliden",
            Self::Annat => "annat",
        }
    }
    pub fn fran_kod(k: &str) -> Option<Self> {
        Self::VALBARA.into_iter().find(|x| x.kod() == k)
    }
    pub fn namn(self) -> &'static str {
        match self {
            Self::MalUppnatt => "Målen är uppnådda",
            Self::InsatsAvslutad => "Insatsen är avslutad",
            Self::BeslutUtanInsats => "Beslutat, ingen insats att verkställa",
            Self::AnsokanAtertagen => "Ansökan återtagen",
            Self::InledsEj => "Utredning inleds inte",
            Self::Flyttat => "Personen har flyttat från kommunen",
            Self::Avliden => "Personen har avlidit",
            Self::Annat => "Annat skäl",
        }
    }
}

/// The grounds in FL 37 § andra stycket on which the nämnd may change its own
/// decision to the party's disadvantage. No other ground allows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Fl37Grund {
    /// FL 37 § andra stycket 1: the decision says it may be revoked or changed (förbehåll).
    Forbehall,
    /// FL 37 § andra stycket 2: tvingande säkerhetsskäl require the change.
    Sakerhetsskal,
    /// FL 37 § andra stycket 3: the decision rested on false or misleading information
    /// from the party.
    OriktigaUppgifter,
}

impl Fl37Grund {
    pub const ALLA: [Self; 3] = [
        Self::Forbehall,
        Self::Sakerhetsskal,
        Self::OriktigaUppgifter,
    ];
    pub fn kod(self) -> &'static str {
        match self {
            Self::Forbehall => "forbehall",
            Self::Sakerhetsskal => "sakerhetsskal",
            Self::OriktigaUppgifter => "oriktiga_uppgifter",
        }
    }
    pub fn fran_kod(k: &str) -> Option<Self> {
        Self::ALLA.into_iter().find(|x| x.kod() == k)
    }
    pub fn namn(self) -> &'static str {
        match self {
            Self::Forbehall => {
                "Det framgår av beslutet att det får återkallas eller ändras (FL 37 § andra stycket 1)"
            }
            Self::Sakerhetsskal => {
                "Tvingande säkerhetsskäl kräver ändringen (FL 37 § andra stycket 2)"
            }
            Self::OriktigaUppgifter => {
                "Beslutet grundades på oriktiga eller vilseledande uppgifter från den enskilde (FL 37 § andra stycket 3)"
            }
        }
    }
}

/// Why a granted decision will never be carried out: the only reasons that end the
/// duty to report it to IVO without it being carried out (SoL 34 kap. 1–2 §§).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Upphorandeorsak {
    /// The person declined the insats.
    TackatNej,
    /// The person moved from the kommun.
    Flyttat,
    /// The person died.
    Avliden,
}

impl Upphorandeorsak {
    pub const ALLA: [Self; 3] = [Self::TackatNej, Self::Flyttat, Self::Avliden];
    pub fn kod(self) -> &'static str {
        match self {
            Self::TackatNej => "tackat_nej",
            Self::Flyttat => "flyttat",
            Self::Avliden => "avliden",
        }
    }
    pub fn fran_kod(k: &str) -> Option<Self> {
        Self::ALLA.into_iter().find(|x| x.kod() == k)
    }
    pub fn namn(self) -> &'static str {
        match self {
            Self::TackatNej => "Den enskilde har tackat nej till insatsen",
            Self::Flyttat => "Den enskilde har flyttat från kommunen",
            Self::Avliden => "Den enskilde har avlidit",
        }
    }
}

/// A written decision (FL 31–32 §§; seed 004 §2.4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Beslut {
    pub id: BeslutId,
    pub insats: InsatsTyp,
    pub utfall: Utfall,
    pub lagrum: Lagrum,
    pub mal: String,
    pub omfattning: String,
    pub period_fran: Option<Date>,
    pub period_till: Option<Date>,
    pub motivering: String,
    pub datum: Date,
    pub beslutsfattare: AnvandarId,
    pub delegation: DelegationsRef,
    /// Why kommunicering was obviously unnecessary (FL 25 §), when it was not done.
    pub kommunicering_obehovlig: Option<String>,
    /// The decision this one replaces after omprövning (FL 38–39 §§).
    pub ersatter: Option<BeslutId>,
    /// FL 31 §: the official who presented the case, when one took part.
    #[serde(default)]
    pub foredragande: Option<AnvandarId>,
    /// For delvis bifall: what was applied for and what is refused (empty in older
    /// decisions and in those from omprövning).
    #[serde(default)]
    pub avslagen_del: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Handelse {
    AnsokanRegistrerad {
        person: PersonId,
        enhet: EnhetId,
        handlaggare: Option<AnvandarId>,
        kanal: Kanal,
        inkom: Date,
        insatser: Vec<InsatsTyp>,
        beskrivning: String,
        ombud: Option<Ombud>,
    },
    AnmalanRegistrerad {
        person: PersonId,
        enhet: EnhetId,
        handlaggare: Option<AnvandarId>,
        kanal: Kanal,
        inkom: Date,
        anmalare: Anmalare,
        beskrivning: String,
    },
    InformationRegistrerad {
        person: PersonId,
        enhet: EnhetId,
        handlaggare: Option<AnvandarId>,
        kanal: Kanal,
        inkom: Date,
        kalla: String,
        beskrivning: String,
    },
    InsatsAnsokt {
        insats: InsatsTyp,
        datum: Date,
        kanal: Kanal,
    },
    Forhandsbedomd {
        datum: Date,
        utfall: ForhandsbedomningsUtfall,
        skal: String,
    },
    UtredningInledd {
        datum: Date,
        /// The day the person was told to expect a decision (issue 19); absent in
        /// events stored before it was recorded.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        beslut_vantas: Option<Date>,
    },
    SynpunkterRegistrerade {
        datum: Date,
        synpunkter: String,
        mal: String,
    },
    DokumentBifogat {
        dokument: DokumentId,
        namn: String,
        sha256: String,
        storlek: u64,
        innehallstyp: String,
    },
    UtredningAvslutad {
        datum: Date,
    },
    Kommunicerad {
        id: KommuniceringId,
        datum: Date,
        material: String,
        satt: Kommunikationssatt,
        svar_senast: Date,
        /// The case's documents sent with it (FL 25 §); empty in older events.
        #[serde(default)]
        bifogat: Vec<DokumentId>,
        /// How the material was otherwise made available; empty when not recorded.
        #[serde(default)]
        tillgangligt: String,
    },
    KommuniceringBesvarad {
        kommunicering: KommuniceringId,
        datum: Date,
        svar: String,
    },
    BeslutFattat(Beslut),
    BeslutSkickat {
        beslut: BeslutId,
        datum: Date,
        satt: Utskickssatt,
        forenklad_delgivning: bool,
    },
    BeslutDelgivet {
        beslut: BeslutId,
        datum: Date,
        satt: String,
    },
    OverklagandeInkommit {
        beslut: BeslutId,
        inkom: Date,
        text: String,
    },
    RattidsprovningGjord {
        beslut: BeslutId,
        i_tid: bool,
        sista_dag: Option<Date>,
        undantag: Option<Fl45Undantag>,
        datum: Date,
    },
    OverklagandeAvvisat {
        beslut: BeslutId,
        datum: Date,
    },
    Omprovat {
        beslut: BeslutId,
        datum: Date,
        andrat: bool,
        motivering: String,
        /// FL 37 §: omprövning on the nämnd's own initiative, not after an appeal (FL 38–39 §§).
        #[serde(default)]
        eget_initiativ: bool,
        /// The FL 37 § andra stycket ground for a change to the party's disadvantage.
        #[serde(default)]
        grund: Option<Fl37Grund>,
        /// The change is to the party's disadvantage (FL 37 § andra stycket), as the
        /// domain judged it or, where it cannot tell, as the nämnd stated.
        #[serde(default)]
        till_nackdel: bool,
    },
    OverklagandeForfallit {
        beslut: BeslutId,
        datum: Date,
    },
    OverlamnatTillForvaltningsratten {
        beslut: BeslutId,
        datum: Date,
    },
    DomMeddelad {
        beslut: BeslutId,
        datum: Date,
        utfall: DomUtfall,
        malnummer: String,
    },
    Bestalld {
        beslut: BeslutId,
        utforare: EnhetId,
        datum: Date,
        uppdrag: String,
        /// The provider's terms and the person's choice under LOV; absent in orders to
        /// a unit of no provider organisation, and in orders made before issue 17.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        villkor: Option<crate::utforare::Villkor>,
    },
    VerkstallighetPaborjad {
        beslut: BeslutId,
        datum: Date,
    },
    VerkstallighetAvbruten {
        beslut: BeslutId,
        datum: Date,
        orsak: String,
    },
    VerkstallighetAterupptagen {
        beslut: BeslutId,
        datum: Date,
    },
    VerkstallighetAvslutad {
        beslut: BeslutId,
        datum: Date,
        orsak: String,
    },
    VerkstallsEj {
        beslut: BeslutId,
        datum: Date,
        skal: String,
    },
    Uppfoljd {
        beslut: Option<BeslutId>,
        datum: Date,
        maluppfyllelse: Maluppfyllelse,
        enskildes_synpunkt: String,
        kommentar: String,
        nasta: Option<Date>,
    },
    BevakningKvitterad {
        nyckel: String,
        datum: Date,
    },
    HandlaggareTilldelad {
        handlaggare: AnvandarId,
    },
    JournalAntecknad {
        id: JournalId,
        datum: Date,
        text: String,
        rattar: Option<JournalId>,
    },
    JournalInvandning {
        anteckning: JournalId,
        datum: Date,
        text: String,
    },
    ArendeAvslutat {
        datum: Date,
        orsak: Avslutsorsak,
        kommentar: String,
    },
    /// A dated fact entered wrongly, corrected; the original event stays in the history.
    DatumRattat {
        beslut: BeslutId,
        vad: RattatDatum,
        datum: Date,
        skal: String,
    },
    /// A letter generated from the case's facts and stored with its hash, so what
    /// was sent can be shown again byte for byte.
    BrevSkapat {
        dokument: DokumentId,
        typ: BrevTyp,
        datum: Date,
        sha256: String,
        storlek: u64,
        beslut: Option<BeslutId>,
        kommunicering: Option<KommuniceringId>,
        /// The version of the nämnd's particulars (address, phone, förvaltningsrätt)
        /// the letter printed; absent in letters from before they were versioned.
        #[serde(default)]
        namnduppgifter: Option<i64>,
    },
    /// FL 12 §: the person asks in writing for the case to be decided.
    BegaranOmAvgorande {
        datum: Date,
    },
    /// FL 12 §: the nämnd rejects the request in a special decision.
    BegaranOmAvgorandeAvslagen {
        datum: Date,
        motivering: String,
        /// The point of the delegationsordning the rejection was made under, like
        /// any decision; absent in rejections from before it was recorded.
        #[serde(default)]
        delegation: Option<DelegationsRef>,
    },
    /// A secure message between the person and the handläggare.
    MeddelandeSkickat {
        id: MeddelandeId,
        datum: Date,
        fran: Avsandare,
        text: String,
    },
    /// The handläggare asks for documents or information by `senast`.
    KompletteringBegard {
        id: KompletteringId,
        datum: Date,
        handlingar: Vec<Handlingstyp>,
        beskrivning: String,
        godtas: String,
        senast: Date,
        /// Why documents already accepted are asked for again.
        skal_trots_inlamnad: Option<String>,
        /// Which of `handlingar` were already accepted when they were asked for.
        begard_igen: Vec<Handlingstyp>,
    },
    /// The person (or ombud) hands in an answer: text, documents attached in the case, or both.
    KompletteringLamnad {
        begaran: KompletteringId,
        datum: Date,
        fran: Avsandare,
        text: String,
        dokument: Vec<DokumentId>,
    },
    /// The handläggare accepts what was handed in.
    KompletteringGodtagen {
        begaran: KompletteringId,
        datum: Date,
    },
    /// The person asks for a meeting.
    MoteBegart {
        datum: Date,
        typ: Motestyp,
        fran: Avsandare,
        text: String,
    },
    /// The person asked for another handläggare (issue 19 item 5); `handlaggare` is
    /// whom it is about, the case's handläggare then.
    HandlaggarbyteBegart {
        datum: Date,
        fran: Avsandare,
        skal: String,
        handlaggare: Option<AnvandarId>,
    },
    /// The arbetsledare `av` answered the `begaran`th request in writing. A grant is
    /// followed by `HandlaggareTilldelad` in the same step.
    HandlaggarbyteBesvarat {
        begaran: usize,
        datum: Date,
        beviljad: bool,
        ny_handlaggare: Option<AnvandarId>,
        motivering: String,
        av: AnvandarId,
    },
    /// The meeting the person asked for is booked, or booked again at another time.
    MoteBokat {
        forfragan: usize,
        datum: Date,
        klockslag: Time,
        plats: String,
    },
    /// The utförare wrote the genomförandeplan with the person, or a new version
    /// of it (seed 004 §2.8.1). The latest version is the plan.
    GenomforandeplanUpprattad {
        beslut: BeslutId,
        datum: Date,
        mal: String,
        genomforande: String,
        delaktighet: String,
        uppfoljning: Option<Date>,
    },
    /// The person withdrew the application for an insats (återkallelse): the
    /// insats needs no decision any more. When and how it was said is recorded.
    AnsokanAterkallad(AterkallelseUppgifter),
    /// DelgL 23 §: the person was told beforehand that förenklad delgivning may be used.
    InformeradOmForenkladDelgivning {
        datum: Date,
        kanal: Kanal,
    },
    /// DelgL 22 §: the kontrollmeddelande of a förenklad delgivning was sent.
    KontrollmeddelandeSkickat {
        beslut: BeslutId,
        datum: Date,
    },
    /// The service failed (returned mail, wrong address): the decision is not served
    /// and must be sent again.
    DelgivningMisslyckad(MisslyckadDelgivningUppgifter),
    /// A granted decision will not be carried out, for a reason that ends the duty
    /// to report it (SoL 34 kap. 1–2 §§).
    VerkstallighetUpphort(UpphorandeUppgifter),
    /// FL 11 §: the person was told the decision will be substantially delayed, why,
    /// and when it is now expected.
    DrojsmalMeddelat(DrojsmalUppgifter),
    /// One month's försörjningsstöd was calculated: what it was calculated from and the
    /// result line by line, kept as it was, whatever later tables say. A new
    /// calculation of the same month replaces the earlier one in the case's state.
    ForsorjningsstodBeraknat {
        datum: Date,
        underlag: Box<Underlag>,
        berakning: Box<Manadsberakning>,
        /// A choice about a deepened investigation made in another of the person's cases
        /// for the same run of aid, so it is not asked for again here.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        fordjupad_annat_arende: Option<FordjupadVal>,
    },
    /// An assessment instrument was used with the person's consent: the answers as recorded and
    /// the result Lots scored, kept as scored whatever later versions say.
    InstrumentRegistrerat {
        datum: Date,
        svar: Box<Svar>,
        resultat: Box<Resultat>,
    },
    /// A life area of the grundutredning was written: the person's words beside the handläggare's.
    UtredningsavsnittSkrivet(Avsnitt),
    /// The grundutredning's assessment, and the förslag till beslut written with it.
    GrundutredningBedomd {
        datum: Date,
        bedomning: String,
        #[serde(default)]
        forslag: Option<ForslagTillBeslut>,
    },
    /// Six months in a row with aid: a deepened investigation is started, or why not.
    FordjupadUtredningVald(FordjupadVal),
    /// The person applied for a month: amounts, incomes, deposits with their labels.
    ManadsansokanInlamnad(Box<Manadsansokan>),
    /// The medsökande confirmed the joint application for a month, or said what is wrong.
    GemensamAnsokanBekraftad(crate::forsorjningsstod::berakning::Bekraftelse),
    /// A version of the plan toward self-sufficiency was written.
    PlanSkriven(Box<crate::forsorjningsstod::plan::Sjalvforsorjningsplan>),
    /// The person answered a version of the plan.
    PlanBesvarad {
        svar: crate::forsorjningsstod::plan::Plansvar,
        fran: Avsandare,
    },
    /// The plan was followed up.
    PlanUppfoljd(Box<crate::forsorjningsstod::plan::Planuppfoljning>),
    /// Aid ended, with its reason.
    ForsorjningsstodAvslutat {
        datum: Date,
        orsak: crate::forsorjningsstod::plan::Slutorsak,
        kommentar: String,
    },
    /// A payment was planned: receiver, account, amount, day, who registered it.
    UtbetalningPlanerad(Box<Utbetalning>),
    /// A second person attested the payment.
    UtbetalningAttesterad {
        utbetalning: UtbetalningId,
        datum: Date,
        av: AnvandarId,
    },
    /// The payment was sent to the bank.
    UtbetalningSkickad {
        utbetalning: UtbetalningId,
        datum: Date,
    },
    /// A planned payment was cancelled before it was sent.
    UtbetalningMakulerad {
        utbetalning: UtbetalningId,
        datum: Date,
        skal: String,
    },
}

impl Handelse {
    /// The stored `kind`: the serde tag, so queries can select by kind.
    pub fn kind(&self) -> &'static str {
        match self {
            Handelse::AnsokanRegistrerad { .. } => "ansokan_registrerad",
            Handelse::AnmalanRegistrerad { .. } => "anmalan_registrerad",
            Handelse::InformationRegistrerad { .. } => "information_registrerad",
            Handelse::InsatsAnsokt { .. } => "insats_ansokt",
            Handelse::Forhandsbedomd { .. } => "forhandsbedomd",
            Handelse::UtredningInledd { .. } => "utredning_inledd",
            Handelse::SynpunkterRegistrerade { .. } => "synpunkter_registrerade",
            Handelse::DokumentBifogat { .. } => "dokument_bifogat",
            Handelse::UtredningAvslutad { .. } => "utredning_avslutad",
            Handelse::Kommunicerad { .. } => "kommunicerad",
            Handelse::KommuniceringBesvarad { .. } => "kommunicering_besvarad",
            Handelse::BeslutFattat(_) => "beslut_fattat",
            Handelse::BeslutSkickat { .. } => "beslut_skickat",
            Handelse::BeslutDelgivet { .. } => "beslut_delgivet",
            Handelse::OverklagandeInkommit { .. } => "overklagande_inkommit",
            Handelse::RattidsprovningGjord { .. } => "rattidsprovning_gjord",
            Handelse::OverklagandeAvvisat { .. } => "overklagande_avvisat",
            Handelse::Omprovat { .. } => "omprovat",
            Handelse::OverklagandeForfallit { .. } => "overklagande_forfallit",
            Handelse::OverlamnatTillForvaltningsratten { .. } => {
                "overlamnat_till_forvaltningsratten"
            }
            Handelse::DomMeddelad { .. } => "dom_meddelad",
            Handelse::Bestalld { .. } => "bestalld",
            Handelse::VerkstallighetPaborjad { .. } => "verkstallighet_paborjad",
            Handelse::VerkstallighetAvbruten { .. } => "verkstallighet_avbruten",
            Handelse::VerkstallighetAterupptagen { .. } => "verkstallighet_aterupptagen",
            Handelse::VerkstallighetAvslutad { .. } => "verkstallighet_avslutad",
            Handelse::VerkstallsEj { .. } => "verkstalls_ej",
            Handelse::Uppfoljd { .. } => "uppfoljd",
            Handelse::BevakningKvitterad { .. } => "bevakning_kvitterad",
            Handelse::HandlaggareTilldelad { .. } => "handlaggare_tilldelad",
            Handelse::JournalAntecknad { .. } => "journal_antecknad",
            Handelse::JournalInvandning { .. } => "journal_invandning",
            Handelse::ArendeAvslutat { .. } => "arende_avslutat",
            Handelse::DatumRattat { .. } => "datum_rattat",
            Handelse::BrevSkapat { .. } => "brev_skapat",
            Handelse::BegaranOmAvgorande { .. } => "begaran_om_avgorande",
            Handelse::BegaranOmAvgorandeAvslagen { .. } => "begaran_om_avgorande_avslagen",
            Handelse::MeddelandeSkickat { .. } => "meddelande_skickat",
            Handelse::KompletteringBegard { .. } => "komplettering_begard",
            Handelse::KompletteringLamnad { .. } => "komplettering_lamnad",
            Handelse::KompletteringGodtagen { .. } => "komplettering_godtagen",
            Handelse::MoteBegart { .. } => "mote_begart",
            Handelse::MoteBokat { .. } => "mote_bokat",
            Handelse::HandlaggarbyteBegart { .. } => "handlaggarbyte_begart",
            Handelse::HandlaggarbyteBesvarat { .. } => "handlaggarbyte_besvarat",
            Handelse::GenomforandeplanUpprattad { .. } => "genomforandeplan_upprattad",
            Handelse::AnsokanAterkallad { .. } => "ansokan_aterkallad",
            Handelse::InformeradOmForenkladDelgivning { .. } => {
                "informerad_om_forenklad_delgivning"
            }
            Handelse::KontrollmeddelandeSkickat { .. } => "kontrollmeddelande_skickat",
            Handelse::DelgivningMisslyckad { .. } => "delgivning_misslyckad",
            Handelse::VerkstallighetUpphort { .. } => "verkstallighet_upphort",
            Handelse::DrojsmalMeddelat { .. } => "drojsmal_meddelat",
            Handelse::ForsorjningsstodBeraknat { .. } => "forsorjningsstod_beraknat",
            Handelse::ManadsansokanInlamnad(_) => "manadsansokan_inlamnad",
            Handelse::GemensamAnsokanBekraftad(_) => "gemensam_ansokan_bekraftad",
            Handelse::FordjupadUtredningVald(_) => "fordjupad_utredning_vald",
            Handelse::InstrumentRegistrerat { .. } => "instrument_registrerat",
            Handelse::UtredningsavsnittSkrivet(_) => "utredningsavsnitt_skrivet",
            Handelse::GrundutredningBedomd { .. } => "grundutredning_bedomd",
            Handelse::PlanSkriven(_) => "plan_skriven",
            Handelse::PlanBesvarad { .. } => "plan_besvarad",
            Handelse::PlanUppfoljd(_) => "plan_uppfoljd",
            Handelse::ForsorjningsstodAvslutat { .. } => "forsorjningsstod_avslutat",
            Handelse::UtbetalningPlanerad(_) => "utbetalning_planerad",
            Handelse::UtbetalningAttesterad { .. } => "utbetalning_attesterad",
            Handelse::UtbetalningSkickad { .. } => "utbetalning_skickad",
            Handelse::UtbetalningMakulerad { .. } => "utbetalning_makulerad",
        }
    }
}

#[cfg(test)]
mod tests {
    use time::macros::date;

    use super::*;

    /// An event whose payload is a struct shared with its step is stored exactly as
    /// a variant with named fields was: the `kind` beside the facts, no nesting,
    /// and it loads back the same (DESIGN.md, Events: old events must still load).
    #[test]
    fn delad_nyttolast_lagras_platt() {
        let dag = date!(2026 - 05 - 04);
        let fall = [
            (
                Handelse::DrojsmalMeddelat(DrojsmalUppgifter {
                    datum: dag,
                    skal: "Väntar på läkarintyg".into(),
                    nytt_datum: date!(2026 - 06 - 01),
                    satt: Kommunikationssatt::Brev,
                }),
                vec!["datum", "kind", "nytt_datum", "satt", "skal"],
            ),
            (
                Handelse::AnsokanAterkallad(AterkallelseUppgifter {
                    insats: InsatsTyp::ALLA[0],
                    datum: dag,
                    kanal: Kanal::Telefon,
                    kommentar: "Sa det i telefon".into(),
                }),
                vec!["datum", "insats", "kanal", "kind", "kommentar"],
            ),
            (
                Handelse::VerkstallighetUpphort(UpphorandeUppgifter {
                    beslut: BeslutId::ny(),
                    datum: dag,
                    orsak: Upphorandeorsak::TackatNej,
                    kommentar: String::new(),
                }),
                vec!["beslut", "datum", "kind", "kommentar", "orsak"],
            ),
            (
                Handelse::DelgivningMisslyckad(MisslyckadDelgivningUppgifter {
                    beslut: BeslutId::ny(),
                    datum: dag,
                    skal: "Brevet kom tillbaka".into(),
                }),
                vec!["beslut", "datum", "kind", "skal"],
            ),
        ];
        for (h, vantade) in fall {
            let json = serde_json::to_value(&h).expect("serialises");
            let mut nycklar: Vec<&str> = json
                .as_object()
                .expect("an object")
                .keys()
                .map(String::as_str)
                .collect();
            nycklar.sort_unstable();
            assert_eq!(nycklar, vantade, "{}", h.kind());
            assert_eq!(json["kind"], h.kind());
            let igen: Handelse = serde_json::from_value(json).expect("loads again");
            assert_eq!(igen, h);
        }
    }
}
