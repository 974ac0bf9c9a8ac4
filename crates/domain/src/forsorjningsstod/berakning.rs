//! One month's försörjningsstöd, line by line: riksnorm + approved reasonable costs + approved
//! items for livsföringen i övrigt − the household's counted income = försörjningsstöd, or the
//! amount by which income exceeds the need (SoL 12 kap. 1 § and 7–8 §§).
//!
//! The same [`Manadsberakning`] is what the handläggare sees, what the decision letter prints
//! and what Mina sidor shows: nobody is given an amount without the lines behind it.
//!
//! Each line applied for gets its own result (bifall, delvis bifall or avslag), and a line that
//! was not approved in full must carry its reason, so that the letter can say what was refused,
//! why, and how to appeal it (FL 32–33 §§). A deposit on a bank statement is never counted as
//! income until the person has been asked and the handläggare has ruled on it with a reason
//! (seed 003: deposits counted without asking).

use serde::{Deserialize, Serialize};

use super::jobbstimulans::{self, Jobbstimulans};
use super::riksnorm::{HushallsFel, NormHushall, Normberakning, Riksnorm};
use super::{Kronor, Manad};

/// The reasonable costs outside the norm (SoL 12 kap. 7 § p. 2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Kostnadsslag {
    Boende,
    Hushallsel,
    Arbetsresor,
    Hemforsakring,
    FackOchAkassa,
}

/// Items for livsföringen i övrigt, applied for one by one (SoL 12 kap. 1 §).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Livsforingsslag {
    Tandvard,
    Glasogon,
    LakarvardOchMedicin,
    Hemutrustning,
    Annat,
}

/// What a line of the application is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(tag = "slag", content = "vad", rename_all = "snake_case")]
pub enum Post {
    Riksnorm,
    Kostnad(Kostnadsslag),
    Livsforing(Livsforingsslag),
}

impl Post {
    pub fn text(self) -> &'static str {
        match self {
            Post::Riksnorm => "Riksnormen",
            Post::Kostnad(k) => match k {
                Kostnadsslag::Boende => "Boende (hyra eller avgift)",
                Kostnadsslag::Hushallsel => "Hushållsel",
                Kostnadsslag::Arbetsresor => "Arbetsresor",
                Kostnadsslag::Hemforsakring => "Hemförsäkring",
                Kostnadsslag::FackOchAkassa => "Fackförening och a-kassa",
            },
            Post::Livsforing(l) => match l {
                Livsforingsslag::Tandvard => "Tandvård",
                Livsforingsslag::Glasogon => "Glasögon",
                Livsforingsslag::LakarvardOchMedicin => "Läkarvård och medicin",
                Livsforingsslag::Hemutrustning => "Möbler och hemutrustning",
                Livsforingsslag::Annat => "Annat",
            },
        }
    }

    /// The provision the line is decided under.
    pub fn lagrum(self) -> &'static str {
        match self {
            Post::Riksnorm => "12 kap. 7 § första stycket 1 socialtjänstlagen (2025:400)",
            Post::Kostnad(_) => "12 kap. 7 § första stycket 2 socialtjänstlagen (2025:400)",
            Post::Livsforing(_) => "12 kap. 1 § socialtjänstlagen (2025:400)",
        }
    }
}

/// Kinds of income, each counted in the month it is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Inkomstslag {
    Lon,
    Akassa,
    Sjukpenning,
    Aktivitetsstod,
    Etableringsersattning,
    Bostadsbidrag,
    Barnbidrag,
    Underhallsstod,
    Studiemedel,
    Pension,
    Ovrig,
}

impl Inkomstslag {
    pub const ALLA: [Inkomstslag; 11] = [
        Inkomstslag::Lon,
        Inkomstslag::Akassa,
        Inkomstslag::Sjukpenning,
        Inkomstslag::Aktivitetsstod,
        Inkomstslag::Etableringsersattning,
        Inkomstslag::Bostadsbidrag,
        Inkomstslag::Barnbidrag,
        Inkomstslag::Underhallsstod,
        Inkomstslag::Studiemedel,
        Inkomstslag::Pension,
        Inkomstslag::Ovrig,
    ];

    pub fn text(self) -> &'static str {
        match self {
            Inkomstslag::Lon => "Lön",
            Inkomstslag::Akassa => "A-kassa",
            Inkomstslag::Sjukpenning => "Sjukpenning",
            Inkomstslag::Aktivitetsstod => "Aktivitetsstöd",
            Inkomstslag::Etableringsersattning => "Etableringsersättning",
            Inkomstslag::Bostadsbidrag => "Bostadsbidrag",
            Inkomstslag::Barnbidrag => "Barnbidrag",
            Inkomstslag::Underhallsstod => "Underhållsstöd",
            Inkomstslag::Studiemedel => "Studiemedel",
            Inkomstslag::Pension => "Pension",
            Inkomstslag::Ovrig => "Annan inkomst",
        }
    }

    /// Income from employment: the only kind jobbstimulans applies to (SoL 12 kap. 8 §).
    pub fn ar_arbetsinkomst(self) -> bool {
        self == Inkomstslag::Lon
    }
}

/// A household member's income for the month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Inkomst {
    /// Whose income: the name or role as shown ("Sökande", "Medsökande", a child's first name).
    pub medlem: String,
    pub slag: Inkomstslag,
    pub belopp: Kronor,
}

/// What the person says a deposit on the bank statement was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Forklaring {
    /// A loan that is to be paid back.
    Lan,
    Gava,
    /// Money back for something already paid (a refund, a returned item).
    Aterbetalning,
    /// Taken back by Kronofogden before it could be used.
    Kronofogden,
    /// A transfer between the person's own accounts.
    EgenOverforing,
    Annat,
}

impl Forklaring {
    pub const ALLA: [Forklaring; 6] = [
        Forklaring::Lan,
        Forklaring::Gava,
        Forklaring::Aterbetalning,
        Forklaring::Kronofogden,
        Forklaring::EgenOverforing,
        Forklaring::Annat,
    ];

    pub fn text(self) -> &'static str {
        match self {
            Forklaring::Lan => "Lån som ska betalas tillbaka",
            Forklaring::Gava => "Gåva",
            Forklaring::Aterbetalning => "Återbetalning",
            Forklaring::Kronofogden => "Togs av Kronofogden",
            Forklaring::EgenOverforing => "Överföring mellan egna konton",
            Forklaring::Annat => "Annat",
        }
    }
}

/// The handläggare's ruling on a deposit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InsattningsBeslut {
    pub raknas_som_inkomst: bool,
    pub skal: String,
}

/// A deposit on a bank statement that is not one of the incomes above.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Insattning {
    pub medlem: String,
    pub datum: time::Date,
    pub belopp: Kronor,
    /// The person's own label and words; `None` until the person has been asked.
    pub forklaring: Option<Forklaring>,
    #[serde(default)]
    pub personens_text: String,
    pub beslut: Option<InsattningsBeslut>,
}

/// Kinds of asset the household may have (SoL 12 kap. 1 §: the right to aid presumes
/// the need cannot be met otherwise, assets included).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Tillgangsslag {
    Sparande,
    Bil,
    Bostad,
    Arv,
    Annat,
}

impl Tillgangsslag {
    pub fn text(self) -> &'static str {
        match self {
            Tillgangsslag::Sparande => "Sparande",
            Tillgangsslag::Bil => "Bil",
            Tillgangsslag::Bostad => "Bostadsrätt eller hus",
            Tillgangsslag::Arv => "Arv",
            Tillgangsslag::Annat => "Annan tillgång",
        }
    }
}

/// An asset, with the handläggare's assessment and its consequence (for instance:
/// the car is needed for work and is not to be sold; the savings are to be used
/// first and the month is computed with them as income).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tillgang {
    pub medlem: String,
    pub slag: Tillgangsslag,
    /// The value as known, in kronor.
    pub varde: Kronor,
    pub bedomning: String,
    pub konsekvens: String,
}

/// The person's own application for a month (issue 15, item 7): the amounts they apply
/// for, their incomes, and each deposit with what they say it was. Made on Mina sidor,
/// or registered by staff from paper or a phone call the same way.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manadsansokan {
    pub manad: Manad,
    pub datum: time::Date,
    /// The reasonable costs applied for, each with its amount.
    #[serde(default)]
    pub kostnader: Vec<(Kostnadsslag, Kronor)>,
    #[serde(default)]
    pub inkomster: Vec<Inkomst>,
    /// Deposits as the person labels them; the handläggare rules on each.
    #[serde(default)]
    pub insattningar: Vec<Insattning>,
    /// Anything else the person wants to say or apply for, in their own words.
    #[serde(default)]
    pub ovrigt: String,
    /// Documents sent with the application (issue 15, item 7), each attached to the case
    /// in the same step (`Kommando::BifogaDokument`), with what the sender says it is.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bilagor: Vec<Manadsbilaga>,
    /// The other adult of a joint application (makar or sambor). Both are parties to it
    /// and both must be informed (see `Bekraftelse`); the medsökande confirms it on Mina
    /// sidor with their own login.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub medsokande: Option<crate::identitet::Identitet>,
    /// On paper: both adults signed the application, which is the medsökande's
    /// confirmation.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub bada_undertecknat: bool,
}

/// The medsökande's word on a joint application for a month: it is right, or what is wrong.
///
/// Makar and sambor support each other (ÄktB 6 kap. 1 § for makar; sambor are treated alike
/// in bistånd), so their needs and incomes are assessed together under one norm for the
/// couple (SoL 12 kap. 1 § and 7 §; SoF 2025:468 12 kap. 2 §). Both are therefore parties to
/// the joint application and to the decision on it, and both are told the decision with how
/// to appeal (FL 33 §). The application counts as made by both only when the other adult has
/// confirmed it, on Mina sidor or by signing the paper.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bekraftelse {
    pub manad: Manad,
    pub datum: time::Date,
    pub medsokande: crate::identitet::Identitet,
    /// True: the application is right. False: the medsökande says it is wrong, in `text`.
    pub stammer: bool,
    #[serde(default)]
    pub text: String,
}

/// Where the medsökande's confirmation of a month's joint application stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GemensamStatus<'a> {
    /// Both adults signed the paper application.
    Undertecknad,
    Bekraftad(&'a Bekraftelse),
    /// The medsökande says it is wrong.
    Invand(&'a Bekraftelse),
    Vantar,
}

/// A document sent with a monthly application: which of the case's documents, what kind
/// of document the sender says it is, and its name as sent (so every reader can list it
/// without reading the file).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manadsbilaga {
    pub dokument: crate::ids::DokumentId,
    pub handling: crate::arende::Handlingstyp,
    pub namn: String,
}

/// The most documents one monthly application takes.
pub const MAX_BILAGOR: usize = 5;

/// Why a monthly application cannot be received as it is.
pub fn kontrollera_ansokan(a: &Manadsansokan) -> Result<(), &'static str> {
    if a.kostnader
        .iter()
        .any(|(_, b)| !(0..=1_000_000).contains(b))
        || a.inkomster
            .iter()
            .any(|i| !(0..=1_000_000).contains(&i.belopp))
        || a.insattningar
            .iter()
            .any(|i| !(0..=1_000_000).contains(&i.belopp))
    {
        return Err("belopp");
    }
    Ok(())
}

/// A line applied for, and the handläggare's assessment of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rad {
    pub post: Post,
    /// What it is, in the person's or handläggare's words ("Hyra mars", "Akut tandvård").
    #[serde(default)]
    pub beskrivning: String,
    pub ansokt: Kronor,
    pub godkant: Kronor,
    /// Required when less than applied for was approved, and for a rent above the kommun's
    /// ceiling that is approved anyway.
    #[serde(default)]
    pub skal: String,
}

/// Everything one month's calculation is made from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Underlag {
    pub manad: Manad,
    pub hushall: NormHushall,
    /// A reduced norm, with its reason; `None` means the full norm.
    #[serde(default)]
    pub reducerad_norm: Option<(Kronor, String)>,
    #[serde(default)]
    pub rader: Vec<Rad>,
    #[serde(default)]
    pub inkomster: Vec<Inkomst>,
    #[serde(default)]
    pub insattningar: Vec<Insattning>,
    #[serde(default)]
    pub tillgangar: Vec<Tillgang>,
    /// Months with försörjningsstöd from another kommun, as the person or that kommun
    /// says: they count for jobbstimulans like this kommun's own.
    #[serde(default)]
    pub annan_kommun: Vec<Manad>,
    /// The kommun's rent ceiling for a household of this size, if it has one.
    #[serde(default)]
    pub hyrestak: Option<Kronor>,
    /// Each adult's försörjningshinder this month, the applicant first (HSLF-FS 2015:30).
    #[serde(default)]
    pub forsorjningshinder: Vec<super::hinder::Forsorjningshinder>,
    /// The co-applicant of a joint application (makar or sambor): a party to it, and reported
    /// to Socialstyrelsen by personnummer beside the applicant (HSLF-FS 2015:30 3 §).
    #[serde(default)]
    pub medsokande: Option<crate::identitet::Identitet>,
}

/// How a line, or the whole month, was decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Utfall {
    Bifall,
    DelvisBifall,
    Avslag,
}

impl Utfall {
    pub fn text(self) -> &'static str {
        match self {
            Utfall::Bifall => "Beviljas",
            Utfall::DelvisBifall => "Beviljas delvis",
            Utfall::Avslag => "Avslås",
        }
    }

    /// A result the person can appeal against (FL 41 §: it went against them).
    pub fn kan_overklagas(self) -> bool {
        self != Utfall::Bifall
    }
}

/// A decided line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Beslutsrad {
    pub post: Post,
    /// What it is, in the person's or handläggare's words, if they gave any.
    pub beskrivning: String,
    pub ansokt: Kronor,
    pub godkant: Kronor,
    pub utfall: Utfall,
    pub skal: String,
}

impl Beslutsrad {
    pub fn lagrum(&self) -> &'static str {
        self.post.lagrum()
    }
}

/// A counted income line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RaknadInkomst {
    pub medlem: String,
    pub kalla: Inkomstkalla,
    pub belopp: Kronor,
    pub raknas: Kronor,
    /// A quarter of this salary is not counted (SoL 12 kap. 8 §).
    pub jobbstimulans: bool,
    /// For a deposit: the handläggare's reason for the ruling.
    pub skal: String,
}

/// Where a counted income came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "slag", rename_all = "snake_case")]
pub enum Inkomstkalla {
    Inkomst {
        inkomst: Inkomstslag,
    },
    Insattning {
        datum: time::Date,
        forklaring: Option<Forklaring>,
    },
}

/// The month, calculated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manadsberakning {
    pub manad: Manad,
    pub norm: Normberakning,
    pub rader: Vec<Beslutsrad>,
    pub inkomster: Vec<RaknadInkomst>,
    pub jobbstimulans: Jobbstimulans,
    /// Approved need: the sum of the approved lines.
    pub behov: Kronor,
    /// Counted income.
    pub inkomst: Kronor,
    /// `behov − inkomst`: försörjningsstöd when positive, the surplus when negative.
    pub resultat: Kronor,
    /// The run of months in a row with aid this month ends, when it has aid: from six
    /// months the handläggare chooses whether to deepen the investigation.
    #[serde(default)]
    pub foljd: Option<super::fordjupad::Foljd>,
}

/// A month's calculation as the case keeps its newest: what it was made from and the
/// result, so the next month's form and the decision start from it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SparadBerakning {
    pub underlag: Underlag,
    pub berakning: Manadsberakning,
}

impl Manadsberakning {
    /// What is paid out.
    pub fn bistand(&self) -> Kronor {
        self.resultat.max(0)
    }

    /// The month's overall result: avslag when the income covers the approved need.
    pub fn utfall(&self) -> Utfall {
        if self.bistand() == 0 {
            Utfall::Avslag
        } else if self.rader.iter().all(|r| r.utfall == Utfall::Bifall) {
            Utfall::Bifall
        } else {
            Utfall::DelvisBifall
        }
    }

    /// The lines that went against the person: the letter gives appeal instructions for these.
    pub fn overklagbara(&self) -> impl Iterator<Item = &Beslutsrad> {
        self.rader.iter().filter(|r| r.utfall.kan_overklagas())
    }
}

/// The kommun's guideline amount for the rent of this household: by the number in
/// the application (adults and children), the last amount for seven or more.
pub fn hyrestak_for(riktvarden: &[Kronor; 7], h: &NormHushall) -> Kronor {
    let antal = (h.vuxna.antal() as usize + h.barn.len()).clamp(1, 7);
    riktvarden[antal - 1]
}

/// Why a month cannot be calculated yet; each says what to do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Berakningsfel {
    #[error("Riksnormen för {ar} finns inte i Lots. Systemförvaltaren lägger till årets belopp.")]
    NormSaknas { ar: i32 },
    #[error(transparent)]
    Hushall(#[from] HushallsFel),
    #[error("Rad {}: beloppen får inte vara negativa.", rad + 1)]
    Negativt { rad: usize },
    #[error("Rad {}: det godkända beloppet kan inte vara högre än det sökta.", rad + 1)]
    MerAnSokt { rad: usize },
    #[error("Rad {}: skriv skälet när mindre än det sökta godkänns.", rad + 1)]
    SkalSaknas { rad: usize },
    #[error("Rad {}: hyran är högre än kommunens riktvärde ({tak} kr). Skriv bedömningen om den ändå godkänns.", rad + 1)]
    HyraOverTak { rad: usize, tak: Kronor },
    #[error("Den reducerade normen måste vara lägre än hela normen ({norm} kr) och ha ett skäl.")]
    ReduceradNorm { norm: Kronor },
    #[error("Inkomst {}: beloppet får inte vara negativt.", rad + 1)]
    NegativInkomst { rad: usize },
    #[error(
        "Insättningen {datum} på {belopp} kr har inte bedömts. Fråga personen vad den var och skriv din bedömning med skäl."
    )]
    ObedomdInsattning { datum: time::Date, belopp: Kronor },
    #[error("Tillgång {}: skriv din bedömning och vad den får för följd.", rad + 1)]
    ObedomdTillgang { rad: usize },
}

/// Computes the month. `med_stod` holds the months in which försörjningsstöd was granted before,
/// from which jobbstimulans is derived.
pub fn berakna(
    tabeller: &[Riksnorm],
    u: &Underlag,
    med_stod: &std::collections::BTreeSet<Manad>,
) -> Result<Manadsberakning, Berakningsfel> {
    let ar = u.manad.ar();
    let tabell = super::riksnorm::for_ar(tabeller, ar).ok_or(Berakningsfel::NormSaknas { ar })?;
    let norm = tabell.berakna(&u.hushall)?;

    let mut rader = Vec::with_capacity(u.rader.len() + 1);
    let (norm_godkant, norm_skal) = match &u.reducerad_norm {
        None => (norm.norm, String::new()),
        Some((belopp, skal)) => {
            if *belopp < 0 || *belopp >= norm.norm || skal.trim().is_empty() {
                return Err(Berakningsfel::ReduceradNorm { norm: norm.norm });
            }
            (*belopp, skal.trim().to_string())
        }
    };
    rader.push(beslutsrad(
        Post::Riksnorm,
        String::new(),
        norm.norm,
        norm_godkant,
        norm_skal,
    ));

    for (i, r) in u.rader.iter().enumerate() {
        if r.ansokt < 0 || r.godkant < 0 {
            return Err(Berakningsfel::Negativt { rad: i });
        }
        if r.godkant > r.ansokt {
            return Err(Berakningsfel::MerAnSokt { rad: i });
        }
        let skal = r.skal.trim();
        if r.godkant < r.ansokt && skal.is_empty() {
            return Err(Berakningsfel::SkalSaknas { rad: i });
        }
        if let (Post::Kostnad(Kostnadsslag::Boende), Some(tak)) = (r.post, u.hyrestak)
            && r.godkant > tak
            && skal.is_empty()
        {
            return Err(Berakningsfel::HyraOverTak { rad: i, tak });
        }
        rader.push(beslutsrad(
            r.post,
            r.beskrivning.trim().into(),
            r.ansokt,
            r.godkant,
            skal.into(),
        ));
    }

    let jobb = jobbstimulans::for_manad(med_stod, u.manad);
    let mut inkomster = Vec::with_capacity(u.inkomster.len() + u.insattningar.len());
    for (i, ink) in u.inkomster.iter().enumerate() {
        if ink.belopp < 0 {
            return Err(Berakningsfel::NegativInkomst { rad: i });
        }
        let jobbstimulans = ink.slag.ar_arbetsinkomst() && jobb.galler();
        inkomster.push(RaknadInkomst {
            medlem: ink.medlem.clone(),
            kalla: Inkomstkalla::Inkomst { inkomst: ink.slag },
            belopp: ink.belopp,
            raknas: jobbstimulans::raknad_arbetsinkomst(ink.belopp, jobbstimulans),
            jobbstimulans,
            skal: String::new(),
        });
    }
    for ins in &u.insattningar {
        let Some(beslut) = ins.beslut.as_ref().filter(|b| !b.skal.trim().is_empty()) else {
            return Err(Berakningsfel::ObedomdInsattning {
                datum: ins.datum,
                belopp: ins.belopp,
            });
        };
        inkomster.push(RaknadInkomst {
            medlem: ins.medlem.clone(),
            kalla: Inkomstkalla::Insattning {
                datum: ins.datum,
                forklaring: ins.forklaring,
            },
            belopp: ins.belopp,
            raknas: if beslut.raknas_som_inkomst {
                ins.belopp.max(0)
            } else {
                0
            },
            jobbstimulans: false,
            skal: beslut.skal.trim().to_string(),
        });
    }

    // An asset is recorded with an assessment and its consequence; what it means in
    // money (savings to use first) is entered as income, so the sum stays explained.
    for (i, t) in u.tillgangar.iter().enumerate() {
        if t.varde < 0 || t.bedomning.trim().is_empty() || t.konsekvens.trim().is_empty() {
            return Err(Berakningsfel::ObedomdTillgang { rad: i });
        }
    }
    let behov: Kronor = rader.iter().map(|r| r.godkant).sum();
    let inkomst: Kronor = inkomster.iter().map(|r| r.raknas).sum();
    let foljd = (behov > inkomst)
        .then(|| {
            let mut alla = med_stod.clone();
            alla.insert(u.manad);
            super::fordjupad::foljd(&alla, u.manad)
        })
        .flatten();
    Ok(Manadsberakning {
        manad: u.manad,
        norm,
        rader,
        inkomster,
        jobbstimulans: jobb,
        behov,
        inkomst,
        resultat: behov - inkomst,
        foljd,
    })
}

fn beslutsrad(
    post: Post,
    beskrivning: String,
    ansokt: Kronor,
    godkant: Kronor,
    skal: String,
) -> Beslutsrad {
    let utfall = if godkant >= ansokt {
        Utfall::Bifall
    } else if godkant == 0 {
        Utfall::Avslag
    } else {
        Utfall::DelvisBifall
    };
    Beslutsrad {
        post,
        beskrivning,
        ansokt,
        godkant,
        utfall,
        skal,
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use time::macros::date;

    use super::*;
    use crate::forsorjningsstod::riksnorm::{NormBarn, Vuxna};

    fn mars() -> Manad {
        Manad::ny(2026, 3).unwrap()
    }

    fn familj() -> Underlag {
        Underlag {
            manad: mars(),
            hushall: NormHushall {
                vuxna: Vuxna::Sambo,
                barn: vec![NormBarn::heltid(5), NormBarn::heltid(8)],
                medboende: 0,
            },
            reducerad_norm: None,
            rader: vec![
                Rad {
                    post: Post::Kostnad(Kostnadsslag::Boende),
                    beskrivning: "Hyra".into(),
                    ansokt: 9_500,
                    godkant: 9_500,
                    skal: String::new(),
                },
                Rad {
                    post: Post::Kostnad(Kostnadsslag::Hushallsel),
                    beskrivning: String::new(),
                    ansokt: 600,
                    godkant: 600,
                    skal: String::new(),
                },
            ],
            inkomster: vec![
                Inkomst {
                    medlem: "Medsökande".into(),
                    slag: Inkomstslag::Lon,
                    belopp: 8_000,
                },
                Inkomst {
                    medlem: "Sökande".into(),
                    slag: Inkomstslag::Barnbidrag,
                    belopp: 2_500,
                },
            ],
            insattningar: vec![],
            tillgangar: vec![],
            annan_kommun: vec![],
            hyrestak: Some(10_000),
            forsorjningshinder: vec![],
            medsokande: Some(
                crate::identitet::Identitet::tolka(
                    "19850505-1238",
                    time::macros::date!(2026 - 03 - 01),
                )
                .expect("a valid number"),
            ),
        }
    }

    fn tabeller() -> Vec<Riksnorm> {
        Riksnorm::inbyggda()
    }

    #[test]
    fn norm_plus_kostnader_minus_inkomster() {
        let b = berakna(&tabeller(), &familj(), &BTreeSet::new()).unwrap();
        assert_eq!(b.norm.norm, 16_010);
        assert_eq!(b.behov, 16_010 + 9_500 + 600);
        assert_eq!(b.inkomst, 10_500);
        assert_eq!(b.resultat, 26_110 - 10_500);
        assert_eq!(b.bistand(), 15_610);
        assert_eq!(b.utfall(), Utfall::Bifall);
        assert_eq!(b.overklagbara().count(), 0);
    }

    #[test]
    fn jobbstimulans_harleds_ur_historiken() {
        let stod: BTreeSet<Manad> = (0..6)
            .map(|i| Manad::ny(2025, 9).unwrap().plus(i))
            .collect();
        let b = berakna(&tabeller(), &familj(), &stod).unwrap();
        assert!(b.jobbstimulans.galler());
        // 75 % of the salary counts; child benefit counts in full.
        assert_eq!(b.inkomst, 6_000 + 2_500);
        assert!(b.inkomster[0].jobbstimulans);
        // Five months of aid is not enough.
        let fem: BTreeSet<Manad> = stod.iter().copied().skip(1).collect();
        let b = berakna(&tabeller(), &familj(), &fem).unwrap();
        assert_eq!(b.inkomst, 10_500);
    }

    #[test]
    fn delvis_bifall_och_avslag_per_rad() {
        let mut u = familj();
        u.rader.push(Rad {
            post: Post::Livsforing(Livsforingsslag::Tandvard),
            beskrivning: "Akut tandvård".into(),
            ansokt: 4_000,
            godkant: 2_500,
            skal: "Behandlingen enligt kostnadsförslaget är akut till 2 500 kr; resten kan vänta."
                .into(),
        });
        u.rader.push(Rad {
            post: Post::Livsforing(Livsforingsslag::Hemutrustning),
            beskrivning: "Soffa".into(),
            ansokt: 6_000,
            godkant: 0,
            skal: "En soffa ingår i grundutrustningen som beviljades i januari.".into(),
        });
        let b = berakna(&tabeller(), &u, &BTreeSet::new()).unwrap();
        let utfall: Vec<_> = b.rader.iter().map(|r| r.utfall).collect();
        assert_eq!(
            utfall,
            [
                Utfall::Bifall,
                Utfall::Bifall,
                Utfall::Bifall,
                Utfall::DelvisBifall,
                Utfall::Avslag
            ]
        );
        assert_eq!(b.utfall(), Utfall::DelvisBifall);
        assert_eq!(b.overklagbara().count(), 2);
        assert_eq!(b.bistand(), 15_610 + 2_500);
        assert_eq!(
            b.rader[4].lagrum(),
            "12 kap. 1 § socialtjänstlagen (2025:400)"
        );
    }

    #[test]
    fn skal_kravs_nar_mindre_godkanns() {
        let mut u = familj();
        u.rader[1].godkant = 400;
        assert_eq!(
            berakna(&tabeller(), &u, &BTreeSet::new()),
            Err(Berakningsfel::SkalSaknas { rad: 1 })
        );
        u.rader[1].godkant = 700;
        assert_eq!(
            berakna(&tabeller(), &u, &BTreeSet::new()),
            Err(Berakningsfel::MerAnSokt { rad: 1 })
        );
    }

    #[test]
    fn hyra_over_riktvardet_kraver_bedomning() {
        let mut u = familj();
        u.rader[0].ansokt = 11_000;
        u.rader[0].godkant = 11_000;
        assert_eq!(
            berakna(&tabeller(), &u, &BTreeSet::new()),
            Err(Berakningsfel::HyraOverTak {
                rad: 0,
                tak: 10_000
            })
        );
        u.rader[0].skal = "Familjen har bott här i tio år; flytt prövas vid nästa ansökan.".into();
        assert!(berakna(&tabeller(), &u, &BTreeSet::new()).is_ok());
    }

    #[test]
    fn insattning_raknas_aldrig_utan_bedomning() {
        let mut u = familj();
        u.insattningar.push(Insattning {
            medlem: "Sökande".into(),
            datum: date!(2026 - 02 - 14),
            belopp: 3_000,
            forklaring: Some(Forklaring::Lan),
            personens_text: "Lånade av min bror till tandläkaren, betalar tillbaka i april.".into(),
            beslut: None,
        });
        assert!(matches!(
            berakna(&tabeller(), &u, &BTreeSet::new()),
            Err(Berakningsfel::ObedomdInsattning { belopp: 3_000, .. })
        ));
        u.insattningar[0].beslut = Some(InsattningsBeslut {
            raknas_som_inkomst: false,
            skal: "Lånet ska betalas tillbaka och är inte en inkomst.".into(),
        });
        let b = berakna(&tabeller(), &u, &BTreeSet::new()).unwrap();
        assert_eq!(b.inkomst, 10_500);
        assert_eq!(b.inkomster.len(), 3);
        u.insattningar[0].beslut = Some(InsattningsBeslut {
            raknas_som_inkomst: true,
            skal: "Gåvan täcker löpande kostnader.".into(),
        });
        assert_eq!(
            berakna(&tabeller(), &u, &BTreeSet::new()).unwrap().inkomst,
            13_500
        );
    }

    #[test]
    fn tillgang_kraver_bedomning_och_foljd() {
        let mut u = familj();
        u.tillgangar.push(Tillgang {
            medlem: "Medsökande".into(),
            slag: Tillgangsslag::Bil,
            varde: 25_000,
            bedomning: "Bilen behövs för arbetet, som börjar kl. 05 då inga bussar går.".into(),
            konsekvens: String::new(),
        });
        assert_eq!(
            berakna(&tabeller(), &u, &BTreeSet::new()),
            Err(Berakningsfel::ObedomdTillgang { rad: 0 })
        );
        u.tillgangar[0].konsekvens = "Bilen behöver inte säljas.".into();
        assert!(berakna(&tabeller(), &u, &BTreeSet::new()).is_ok());
    }

    #[test]
    fn inkomst_over_behovet_ger_avslag() {
        let mut u = familj();
        u.inkomster[0].belopp = 30_000;
        let b = berakna(&tabeller(), &u, &BTreeSet::new()).unwrap();
        assert!(b.resultat < 0);
        assert_eq!(b.bistand(), 0);
        assert_eq!(b.utfall(), Utfall::Avslag);
    }

    #[test]
    fn ar_utan_norm() {
        let mut u = familj();
        u.manad = Manad::ny(2027, 1).unwrap();
        assert_eq!(
            berakna(&tabeller(), &u, &BTreeSet::new()),
            Err(Berakningsfel::NormSaknas { ar: 2027 })
        );
    }

    #[test]
    fn reducerad_norm_kraver_skal() {
        let mut u = familj();
        u.reducerad_norm = Some((12_000, String::new()));
        assert!(matches!(
            berakna(&tabeller(), &u, &BTreeSet::new()),
            Err(Berakningsfel::ReduceradNorm { .. })
        ));
        u.reducerad_norm = Some((12_000, "Resor ingår inte den här månaden.".into()));
        let b = berakna(&tabeller(), &u, &BTreeSet::new()).unwrap();
        assert_eq!(b.rader[0].utfall, Utfall::DelvisBifall);
        assert_eq!(b.utfall(), Utfall::DelvisBifall);
    }
}
