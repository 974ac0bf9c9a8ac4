//! The reports the law asks of the nämnd, as pure selections over folded cases:
//!
//! * ej verkställda beslut to IVO and the revisorer, once per quarter (SoL 34 kap. 1–2 §§);
//! * the statistics to kommunfullmäktige, once per quarter (SoL 34 kap. 3 §);
//! * the list of decisions taken under delegation, reported to the nämnd (KL 7 kap. 8 §).
//!
//! A decision *waits* from the day it was granted until the insats starts, and again from the day
//! an insats is interrupted until it is resumed ([`Vantan`]). A wait that lasts beyond three months
//! ([`frister::verkstallighet_tre_manader`]) is reportable from the day after the three months
//! ended, and stays reportable every quarter until it ends.
//!
//! Counting by whole days: a decision enforced on day X was still not enforced when day X began.
//! So a decision enforced the day after its three months ended was not enforced "inom tre månader"
//! and is reported (with the date it was enforced, SoL 34 kap. 2 §); one enforced on the last day
//! of the three months is not.
//!
//! A wait can also end without the insats being carried out: the case is closed, the insats is
//! ended while interrupted, the decision is replaced after omprövning or sent back by the court, or
//! its period runs out ([`Upphorande`]). From then on there is nothing left to enforce, so the
//! decision leaves the report (in the quarter it ended, it is listed once more with that date).
//!
//! No I/O and no clock: the quarter and the day are passed in (DESIGN.md, principle 7).

use std::fmt;

use time::{Date, Month};

use crate::arende::{Arende, BeslutLage, DomUtfall, Upphorandeorsak};
use crate::delegation::DelegationsRef;
use crate::frister;
use crate::identitet::{Identitet, Kon};
use crate::ids::{AnvandarId, ArendeId, BeslutId, PersonId};
use crate::insats::{InsatsTyp, Lagrum, Utfall};

/// A calendar quarter: the reporting period of SoL 34 kap. 1 § and 3 §.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Kvartal {
    ar: i32,
    nummer: u8,
}

impl Kvartal {
    /// `nummer` is 1–4.
    pub fn ny(ar: i32, nummer: u8) -> Option<Self> {
        let giltigt =
            (1..=4).contains(&nummer) && Date::from_calendar_date(ar, Month::December, 31).is_ok();
        giltigt.then_some(Self { ar, nummer })
    }

    /// The quarter a day falls in.
    pub fn for_dag(d: Date) -> Self {
        Self {
            ar: d.year(),
            nummer: (u8::from(d.month()) - 1) / 3 + 1,
        }
    }

    /// The last quarter that has ended before `idag`: the default period of a report.
    pub fn senast_avslutade(idag: Date) -> Self {
        Self::for_dag(idag).foregaende()
    }

    pub fn foregaende(self) -> Self {
        if self.nummer == 1 {
            Self {
                ar: self.ar - 1,
                nummer: 4,
            }
        } else {
            Self {
                ar: self.ar,
                nummer: self.nummer - 1,
            }
        }
    }

    pub fn ar(self) -> i32 {
        self.ar
    }

    pub fn nummer(self) -> u8 {
        self.nummer
    }

    fn forsta_manad(self) -> Month {
        Month::January.nth_next((self.nummer - 1) * 3)
    }

    pub fn forsta_dag(self) -> Date {
        Date::from_calendar_date(self.ar, self.forsta_manad(), 1).unwrap_or(Date::MIN)
    }

    pub fn sista_dag(self) -> Date {
        let manad = self.forsta_manad().nth_next(2);
        Date::from_calendar_date(self.ar, manad, manad.length(self.ar)).unwrap_or(Date::MAX)
    }

    pub fn innehaller(self, d: Date) -> bool {
        self.forsta_dag() <= d && d <= self.sista_dag()
    }

    /// Whether the quarter has ended on `idag`: only then is its report complete.
    pub fn passerat(self, idag: Date) -> bool {
        self.sista_dag() < idag
    }
}

impl fmt::Display for Kvartal {
    /// "kvartal 3 2026"
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "kvartal {} {}", self.nummer, self.ar)
    }
}

/// Decisions the reporting duty covers: bistånd under SoL 11 kap. 1 § and 12 kap. 1 §
/// (SoL 34 kap. 1 §).
pub fn omfattas_av_rapportering(lagrum: Lagrum) -> bool {
    match lagrum {
        // SoL 34 kap. 1 §: "beslut om bistånd enligt 11 kap. 1 § eller 12 kap. 1 §"
        Lagrum::Sol11Kap1 | Lagrum::Sol12Kap1 => true,
    }
}

/// Why a wait ended without the insats being carried out. Closing the case or the end of the
/// decision's period is not among them: the duty to report lasts until the decision is carried
/// out or ends for a recorded reason (SoL 34 kap. 1–2 §§), whatever happens to the case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Upphorande {
    /// The person declined, moved away or died, recorded with its day.
    Upphort(Upphorandeorsak),
    /// The insats was ended while it was interrupted.
    InsatsenAvslutad,
    /// The decision was replaced after omprövning (FL 37–39 §§).
    BeslutetErsatt,
    /// The court sent the case back to the nämnd.
    Aterforvisat,
}

impl Upphorande {
    /// How the store names it (`vantan.upphorande`).
    pub fn kod(self) -> &'static str {
        match self {
            Self::Upphort(orsak) => orsak.kod(),
            Self::InsatsenAvslutad => "insatsen_avslutad",
            Self::BeslutetErsatt => "beslutet_ersatt",
            Self::Aterforvisat => "aterforvisat",
        }
    }

    pub fn fran_kod(kod: &str) -> Option<Self> {
        Upphorandeorsak::fran_kod(kod)
            .map(Self::Upphort)
            .or_else(|| {
                [
                    Self::InsatsenAvslutad,
                    Self::BeslutetErsatt,
                    Self::Aterforvisat,
                ]
                .into_iter()
                .find(|x| x.kod() == kod)
            })
    }

    pub fn namn(self) -> &'static str {
        match self {
            Self::Upphort(orsak) => orsak.namn(),
            Self::InsatsenAvslutad => "Insatsen avslutades under avbrottet",
            Self::BeslutetErsatt => "Beslutet ersattes efter omprövning",
            Self::Aterforvisat => "Domstolen återförvisade ärendet",
        }
    }
}

/// How, and on which day, a wait ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slut {
    /// The insats started (SoL 34 kap. 2 §: the date is reported).
    Verkstallt(Date),
    /// The interrupted insats was resumed.
    Aterupptaget(Date),
    /// Nothing is left to enforce.
    Upphort(Date, Upphorande),
}

impl Slut {
    pub fn datum(self) -> Date {
        match self {
            Slut::Verkstallt(d) | Slut::Aterupptaget(d) | Slut::Upphort(d, _) => d,
        }
    }

    /// Carried out: started, or resumed after an interruption.
    pub fn verkstallt(self) -> bool {
        !matches!(self, Slut::Upphort(..))
    }

    pub fn text(self) -> String {
        match self {
            Slut::Verkstallt(d) => format!("Verkställt {d}"),
            Slut::Aterupptaget(d) => format!("Återupptaget {d}"),
            Slut::Upphort(d, u) => format!("{} {d}", u.namn()),
        }
    }
}

/// One wait of a granted decision: from the grant until the insats starts, or from an
/// interruption until it is resumed (SoL 34 kap. 1 §, first and second case).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Vantan {
    pub arende: ArendeId,
    pub person: PersonId,
    pub beslut: BeslutId,
    pub insats: InsatsTyp,
    pub lagrum: Lagrum,
    /// The day the three months count from for a decision not yet started: the decision, or the
    /// judgment that granted what the nämnd refused ([`BeslutLage::beviljat_datum`]).
    pub beslutsdatum: Date,
    /// The day the insats was interrupted, for a wait after an interruption.
    pub avbrott: Option<Date>,
    /// The last day of the three months ([`frister::verkstallighet_tre_manader`]).
    pub tre_manader: Date,
    /// How the wait ended, as far as is known now.
    pub slut: Option<Slut>,
    /// The reason registered for not enforcing the decision, if any.
    pub skal: Option<String>,
}

impl Vantan {
    /// The day the wait began.
    pub fn fran(&self) -> Date {
        self.avbrott.unwrap_or(self.beslutsdatum)
    }

    /// The first day the decision counts as not enforced within three months.
    pub fn rapporteras_fran(&self) -> Date {
        self.tre_manader.next_day().unwrap_or(Date::MAX)
    }

    /// SoL 34 kap. 1 §: the wait went beyond the three months.
    pub fn forsenad(&self) -> bool {
        self.slut.is_none_or(|s| s.datum() > self.tre_manader)
    }

    /// The quarter the decision was first reportable in.
    pub fn forsta_kvartal(&self) -> Kvartal {
        Kvartal::for_dag(self.rapporteras_fran())
    }

    /// How the wait had ended by the end of `dag`, if it had.
    pub fn slut_senast(&self, dag: Date) -> Option<Slut> {
        self.slut.filter(|s| s.datum() <= dag)
    }

    /// Still waiting, and beyond the three months, when `dag` ends: what SoL 34 kap. 3 §
    /// counts at the end of a quarter.
    pub fn vantar_efter_tre_manader(&self, dag: Date) -> bool {
        self.tre_manader < dag && self.slut.is_none_or(|s| s.datum() > dag)
    }

    /// Whole days waited until the wait ended, or until `dag` if it had not ended by then.
    pub fn vantat_dagar(&self, dag: Date) -> i64 {
        let till = self.slut_senast(dag).map_or(dag, Slut::datum);
        (till - self.fran()).whole_days()
    }

    /// The time since the wait began, on `dag` (SoL 34 kap. 3 §).
    pub fn tidsklass(&self, dag: Date) -> Tidsklass {
        if dag <= frister::plus_manader(self.fran(), 6) {
            Tidsklass::TreTillSex
        } else if dag <= frister::plus_manader(self.fran(), 12) {
            Tidsklass::SexTillTolv
        } else {
            Tidsklass::OverTolv
        }
    }
}

/// The day a decision stops being something to enforce, and why, if it has.
fn upphor(a: &Arende, b: &BeslutLage) -> Option<(Date, Upphorande)> {
    let dom = b.overklagande.as_ref().and_then(|o| o.dom);
    [
        b.verkstallighet
            .upphort
            .map(|(d, orsak)| (d, Upphorande::Upphort(orsak))),
        b.ersatt_av
            .and_then(|id| a.beslut_lage(id))
            .map(|ny| (ny.beslut.datum, Upphorande::BeslutetErsatt)),
        match dom {
            Some((d, DomUtfall::Aterforvisning)) => Some((d, Upphorande::Aterforvisat)),
            _ => None,
        },
    ]
    .into_iter()
    .flatten()
    .min_by_key(|(d, _)| *d)
}

/// Every wait of every decision in the case that grants bistånd under SoL 11 kap. 1 § or
/// 12 kap. 1 §, whether or not it lasted beyond three months.
pub fn vantetider(a: &Arende) -> Vec<Vantan> {
    let mut ut = vec![];
    for b in &a.beslut {
        let dom = b.overklagande.as_ref().and_then(|o| o.dom);
        // Granted by the nämnd, or by the court's judgment (SoL 34 kap. 1 §: "gynnande beslut").
        let beviljat = b.beslut.utfall.beviljar() || matches!(dom, Some((_, DomUtfall::Bifall)));
        if !beviljat || !omfattas_av_rapportering(b.beslut.lagrum) {
            continue;
        }
        let upphort = upphor(a, b);
        let tidigast = |slut: Option<Slut>| -> Option<Slut> {
            match (slut, upphort) {
                (Some(s), Some((d, _))) if s.datum() <= d => Some(s),
                (_, Some((d, u))) => Some(Slut::Upphort(d, u)),
                (s, None) => s,
            }
        };
        let v = &b.verkstallighet;
        let beslutsdatum = b.beviljat_datum();
        let grund = Vantan {
            arende: a.id,
            person: a.person,
            beslut: b.id(),
            insats: b.beslut.insats,
            lagrum: b.beslut.lagrum,
            beslutsdatum,
            avbrott: None,
            // SoL 34 kap. 1 § 1: "inte har verkställts inom tre månader från dagen för beslutet"
            tre_manader: frister::verkstallighet_tre_manader(beslutsdatum),
            slut: tidigast(v.paborjad.map(Slut::Verkstallt)),
            skal: v.verkstalls_ej.as_ref().map(|(_, s)| s.clone()),
        };
        ut.push(grund.clone());
        for (fran, till) in &v.avbrott {
            let slut = till.map(Slut::Aterupptaget).or(v
                .avslutad
                .map(|d| Slut::Upphort(d, Upphorande::InsatsenAvslutad)));
            ut.push(Vantan {
                avbrott: Some(*fran),
                // SoL 34 kap. 1 § 2: "inte har verkställts på nytt inom tre månader från den dag
                // då verkställigheten avbröts"
                tre_manader: frister::verkstallighet_tre_manader(*fran),
                slut: tidigast(slut),
                skal: None,
                ..grund.clone()
            });
        }
    }
    ut
}

/// Which part of the quarterly report to IVO a decision belongs in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Avsnitt {
    /// Not enforced within three months, and not enforced at some point of the quarter after
    /// that (SoL 34 kap. 1 §): reported for the first time, or again because it still waits.
    EjVerkstallt,
    /// Reported in an earlier quarter and enforced in this one: the date is reported
    /// (SoL 34 kap. 2 §).
    VerkstalltEfterRapportering,
    /// Reported in an earlier quarter; in this one it stopped being enforceable.
    UpphortEfterRapportering,
}

impl Avsnitt {
    pub const ALLA: [Self; 3] = [
        Self::EjVerkstallt,
        Self::VerkstalltEfterRapportering,
        Self::UpphortEfterRapportering,
    ];

    pub fn namn(self) -> &'static str {
        match self {
            Self::EjVerkstallt => "Ej verkställda beslut",
            Self::VerkstalltEfterRapportering => "Verkställda efter rapportering",
            Self::UpphortEfterRapportering => "Upphörda utan verkställighet efter rapportering",
        }
    }
}

/// One line of the report to IVO for a quarter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IvoPost {
    pub avsnitt: Avsnitt,
    pub vantan: Vantan,
    /// How the wait ended, if it ended within or before the quarter.
    pub slut: Option<Slut>,
    /// Whole days waited by the end of the wait or of the quarter.
    pub vantat_dagar: i64,
}

/// The case's lines in the report to IVO and the revisorer for `kvartal`
/// (SoL 34 kap. 1–2 §§): every wait of a granted decision whose three months ended within or
/// before the quarter, and that was still waiting at some point of the quarter after that day.
pub fn ivo_poster(a: &Arende, kvartal: Kvartal) -> Vec<IvoPost> {
    vantetider(a)
        .into_iter()
        .filter_map(|v| ivo_post(v, kvartal))
        .collect()
}

/// The wait's line in the report to IVO for `kvartal`, if it has one (SoL 34 kap. 1–2 §§).
///
/// A wait has a line only if its three months ended before the quarter's last day, it did not
/// end before the quarter's first day, and it outlasted its three months. The store narrows the
/// waits it reads by exactly these conditions (`Rapporter::ivo_vantetider`); what follows
/// decides.
pub fn ivo_post(v: Vantan, kvartal: Kvartal) -> Option<IvoPost> {
    ivo_post_till(v, kvartal, kvartal.sista_dag())
}

/// The wait's line for the quarter `idag` falls in, as the quarter stands on `idag`: the same
/// rule as [`ivo_post`] with the quarter cut off at `idag`, so that an arbetsledare sees what
/// the report to IVO will hold if nothing changes before the quarter ends (issue 20). A wait
/// whose three months end after `idag` has no line yet.
pub fn ivo_post_hittills(v: Vantan, idag: Date) -> Option<IvoPost> {
    ivo_post_till(v, Kvartal::for_dag(idag), idag)
}

/// [`ivo_post`] with the quarter ending on `sista` (its last day, or today for the quarter
/// that goes on): the one rule both the report and the overview use.
fn ivo_post_till(v: Vantan, kvartal: Kvartal, sista: Date) -> Option<IvoPost> {
    let forsta = kvartal.forsta_dag();
    let sista = sista.min(kvartal.sista_dag());
    if !v.forsenad() {
        return None;
    }
    let rapporteras = v.rapporteras_fran();
    // SoL 34 kap. 1 §: the three months have not ended within the quarter.
    if rapporteras > sista {
        return None;
    }
    // The wait ended before the quarter began: nothing to report in it.
    if v.slut.is_some_and(|s| s.datum() < forsta) {
        return None;
    }
    let slut = v.slut_senast(sista);
    let avsnitt = match slut {
        // SoL 34 kap. 2 §: reported before, enforced now.
        Some(s) if rapporteras < forsta && s.verkstallt() => Avsnitt::VerkstalltEfterRapportering,
        Some(_) if rapporteras < forsta => Avsnitt::UpphortEfterRapportering,
        _ => Avsnitt::EjVerkstallt,
    };
    Some(IvoPost {
        avsnitt,
        vantat_dagar: v.vantat_dagar(sista),
        slut,
        vantan: v,
    })
}

/// How long a set of waits took, in whole days: how many, the median and the longest. The
/// median of an even number of waits is the mean of the two in the middle, rounded down.
/// Used for the arbetsledare's overview of handläggningstider (issue 20); None when there
/// were none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spridning {
    pub antal: usize,
    pub median: i64,
    pub langst: i64,
}

pub fn spridning(mut dagar: Vec<i64>) -> Option<Spridning> {
    dagar.sort_unstable();
    let antal = dagar.len();
    let langst = *dagar.last()?;
    let mitt = antal / 2;
    let median = if antal % 2 == 1 {
        dagar[mitt]
    } else {
        (dagar[mitt - 1] + dagar[mitt]).div_euclid(2)
    };
    Some(Spridning {
        antal,
        median,
        langst,
    })
}

/// The de-identified id of a person in the report to IVO: the birth date and a running number
/// within the report, `YYYYMMDD-T123` (DOMAIN.md, Identities). `00000000` when the birth date is
/// unknown (a reservnummer).
pub fn ivo_id(fodd: Option<Date>, lopnummer: u32) -> String {
    let datum = fodd.map_or_else(
        || "00000000".to_string(),
        |d| format!("{:04}{:02}{:02}", d.year(), u8::from(d.month()), d.day()),
    );
    format!("{datum}-T{lopnummer:03}")
}

/// What the report may say about a person: legal sex and birth date, nothing that names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Avidentifierad {
    pub kon: Option<Kon>,
    pub fodd: Option<Date>,
}

impl Avidentifierad {
    /// Sex from the personnummer's second-last digit; birth date from its first eight.
    pub fn av(identitet: &Identitet) -> Self {
        Self {
            kon: identitet.kon(),
            fodd: identitet.fodelsedatum(),
        }
    }

    pub fn fodelsear(&self) -> Option<i32> {
        self.fodd.map(Date::year)
    }
}

/// Time since the wait began, in the classes of the statistics (SoL 34 kap. 3 §).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Tidsklass {
    /// More than three and at most six months.
    TreTillSex,
    /// More than six and at most twelve months.
    SexTillTolv,
    /// More than twelve months.
    OverTolv,
}

impl Tidsklass {
    pub const ALLA: [Self; 3] = [Self::TreTillSex, Self::SexTillTolv, Self::OverTolv];

    pub fn namn(self) -> &'static str {
        match self {
            Self::TreTillSex => "3–6 månader",
            Self::SexTillTolv => "6–12 månader",
            Self::OverTolv => "Mer än 12 månader",
        }
    }
}

/// Counts by legal sex.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Antal {
    pub kvinnor: u32,
    pub man: u32,
    pub okant: u32,
}

impl Antal {
    fn lagg_till(&mut self, kon: Option<Kon>) {
        match kon {
            Some(Kon::Kvinna) => self.kvinnor += 1,
            Some(Kon::Man) => self.man += 1,
            None => self.okant += 1,
        }
    }

    pub fn totalt(&self) -> u32 {
        self.kvinnor + self.man + self.okant
    }
}

/// The quarterly statistics to kommunfullmäktige (SoL 34 kap. 3 §): the decisions not enforced
/// within three months that still wait at the end of the quarter, by insats, by sex and by the
/// time since the wait began.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KfStatistik {
    pub kvartal: Kvartal,
    pub totalt: Antal,
    /// Only the insatser with at least one decision, in [`InsatsTyp::ALLA`] order.
    pub per_insats: Vec<(InsatsTyp, Antal)>,
    /// Every class, also the empty ones.
    pub per_tid: Vec<(Tidsklass, Antal)>,
    /// Of the total, the waits after an interruption.
    pub varav_avbrott: u32,
}

impl KfStatistik {
    /// The statistics of the cases' waits.
    pub fn berakna<'a>(
        kvartal: Kvartal,
        arenden: impl IntoIterator<Item = (&'a Arende, Avidentifierad)>,
    ) -> Self {
        let mut s = Self::ny(kvartal);
        for (a, person) in arenden {
            for v in vantetider(a) {
                s.rakna(&v, person);
            }
        }
        s
    }

    /// Nothing counted yet.
    pub fn ny(kvartal: Kvartal) -> Self {
        Self {
            kvartal,
            totalt: Antal::default(),
            per_insats: vec![],
            per_tid: Tidsklass::ALLA
                .into_iter()
                .map(|t| (t, Antal::default()))
                .collect(),
            varav_avbrott: 0,
        }
    }

    /// Counts the wait if it still waits, beyond its three months, when the quarter ends
    /// ([`Vantan::vantar_efter_tre_manader`]). The store reads only such waits
    /// (`Rapporter::kf_vantetider`); the rule is this one.
    pub fn rakna(&mut self, v: &Vantan, person: Avidentifierad) {
        let dag = self.kvartal.sista_dag();
        if !v.vantar_efter_tre_manader(dag) {
            return;
        }
        self.totalt.lagg_till(person.kon);
        if v.avbrott.is_some() {
            self.varav_avbrott += 1;
        }
        match self.per_insats.iter_mut().find(|(i, _)| *i == v.insats) {
            Some((_, n)) => n.lagg_till(person.kon),
            None => {
                let mut n = Antal::default();
                n.lagg_till(person.kon);
                self.per_insats.push((v.insats, n));
                self.per_insats
                    .sort_by_key(|(i, _)| InsatsTyp::ALLA.iter().position(|x| x == i));
            }
        }
        let klass = v.tidsklass(dag);
        if let Some((_, n)) = self.per_tid.iter_mut().find(|(t, _)| *t == klass) {
            n.lagg_till(person.kon);
        }
    }
}

/// One decision in the list of delegated decisions reported to the nämnd (KL 7 kap. 8 §;
/// DOMAIN.md, Decisions): no person names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Delegationsbeslut {
    pub arende: ArendeId,
    pub person: PersonId,
    pub beslut: BeslutId,
    pub datum: Date,
    pub insats: InsatsTyp,
    pub utfall: Utfall,
    pub lagrum: Lagrum,
    pub beslutsfattare: AnvandarId,
    pub delegation: DelegationsRef,
    /// Taken at omprövning, replacing an earlier decision.
    pub efter_omprovning: bool,
}

impl Delegationsbeslut {
    /// Dated from `fran` to `till`, both included.
    pub fn i_perioden(&self, fran: Date, till: Date) -> bool {
        fran <= self.datum && self.datum <= till
    }
}

/// The case's decisions dated from `fran` to `till`, both included.
pub fn delegationsbeslut(a: &Arende, fran: Date, till: Date) -> Vec<Delegationsbeslut> {
    arendets_beslut(a)
        .into_iter()
        .filter(|d| d.i_perioden(fran, till))
        .collect()
}

/// Every decision of the case, as the list for the nämnd shows it, in the order taken.
pub fn arendets_beslut(a: &Arende) -> Vec<Delegationsbeslut> {
    a.beslut
        .iter()
        .map(|b| &b.beslut)
        .map(|b| Delegationsbeslut {
            arende: a.id,
            person: a.person,
            beslut: b.id,
            datum: b.datum,
            insats: b.insats,
            utfall: b.utfall,
            lagrum: b.lagrum,
            beslutsfattare: b.beslutsfattare,
            delegation: b.delegation.clone(),
            efter_omprovning: b.ersatter.is_some(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use time::macros::date;
    use uuid::Uuid;

    use super::*;
    use crate::arende::{Avslutsorsak, Beslut, Handelse, Kanal};
    use crate::ids::EnhetId;

    const B: BeslutId = BeslutId(Uuid::from_u128(11));
    const B2: BeslutId = BeslutId(Uuid::from_u128(12));

    fn kv(ar: i32, n: u8) -> Kvartal {
        Kvartal::ny(ar, n).expect("a quarter")
    }

    fn beslut(id: BeslutId, datum: Date, utfall: Utfall, insats: InsatsTyp) -> Handelse {
        Handelse::BeslutFattat(Beslut {
            id,
            insats,
            utfall,
            lagrum: insats.lagrum(),
            mal: "Mål".into(),
            omfattning: "Omfattning".into(),
            period_fran: Some(datum),
            period_till: None,
            motivering: "Motivering".into(),
            datum,
            beslutsfattare: AnvandarId(Uuid::from_u128(4)),
            delegation: DelegationsRef {
                version: 2,
                punkt: "3.1".into(),
            },
            kommunicering_obehovlig: None,
            ersatter: None,
            foredragande: None,
            avslagen_del: String::new(),
        })
    }

    /// A case with one decision on `datum` granting an insats, then `sedan`.
    fn fall(datum: Date, sedan: &[Handelse]) -> Arende {
        let mut h = vec![
            Handelse::AnsokanRegistrerad {
                person: PersonId(Uuid::from_u128(2)),
                enhet: EnhetId(Uuid::from_u128(3)),
                handlaggare: None,
                kanal: Kanal::Besok,
                inkom: date!(2025 - 08 - 01),
                insatser: vec![InsatsTyp::Kontaktperson],
                beskrivning: String::new(),
                ombud: None,
            },
            beslut(B, datum, Utfall::Bifall, InsatsTyp::Kontaktperson),
        ];
        h.extend(sedan.iter().cloned());
        Arende::fran_handelser(ArendeId(Uuid::from_u128(1)), &h).expect("a case")
    }

    fn startad(datum: Date) -> Handelse {
        Handelse::VerkstallighetPaborjad { beslut: B, datum }
    }

    fn avsnitt(a: &Arende, k: Kvartal) -> Vec<Avsnitt> {
        ivo_poster(a, k).into_iter().map(|p| p.avsnitt).collect()
    }

    #[test]
    fn the_quarter_so_far_is_the_report_rule_cut_off_today() {
        // Decided 31 March: three months end 30 June, late from 1 July (Q3).
        let a = fall(date!(2026 - 03 - 31), &[]);
        let hittills = |idag: Date| -> Vec<Avsnitt> {
            vantetider(&a)
                .into_iter()
                .filter_map(|v| ivo_post_hittills(v, idag))
                .map(|p| p.avsnitt)
                .collect()
        };
        assert!(hittills(date!(2026 - 06 - 30)).is_empty(), "not late yet");
        assert_eq!(hittills(date!(2026 - 07 - 01)), [Avsnitt::EjVerkstallt]);
        // On the quarter's last day it agrees with the report for the ended quarter.
        assert_eq!(hittills(date!(2026 - 09 - 30)), avsnitt(&a, kv(2026, 3)),);
        let p = vantetider(&a)
            .into_iter()
            .find_map(|v| ivo_post_hittills(v, date!(2026 - 07 - 10)))
            .expect("a line");
        assert_eq!(p.vantat_dagar, 101, "31 March to 10 July");
        // Enforced in Q3 before today: a line with the date, as the report will have.
        let b = fall(date!(2026 - 03 - 31), &[startad(date!(2026 - 07 - 05))]);
        let p = vantetider(&b)
            .into_iter()
            .find_map(|v| ivo_post_hittills(v, date!(2026 - 07 - 10)))
            .expect("a line");
        assert_eq!(p.slut, Some(Slut::Verkstallt(date!(2026 - 07 - 05))));
    }

    #[test]
    fn spridning_gives_count_median_and_longest() {
        assert_eq!(spridning(vec![]), None);
        assert_eq!(
            spridning(vec![30, 10, 20]),
            Some(Spridning {
                antal: 3,
                median: 20,
                langst: 30
            })
        );
        assert_eq!(spridning(vec![1, 4, 2, 10]).map(|s| s.median), Some(3));
    }

    #[test]
    fn quarters_have_their_first_and_last_days_and_the_default_is_the_last_complete_one() {
        assert_eq!(kv(2026, 1).sista_dag(), date!(2026 - 03 - 31));
        assert_eq!(kv(2026, 2).forsta_dag(), date!(2026 - 04 - 01));
        assert_eq!(kv(2026, 2).sista_dag(), date!(2026 - 06 - 30));
        assert_eq!(kv(2026, 4).sista_dag(), date!(2026 - 12 - 31));
        assert_eq!(Kvartal::for_dag(date!(2026 - 09 - 30)), kv(2026, 3));
        assert_eq!(
            Kvartal::senast_avslutade(date!(2026 - 11 - 23)),
            kv(2026, 3)
        );
        assert_eq!(
            Kvartal::senast_avslutade(date!(2026 - 01 - 01)),
            kv(2025, 4)
        );
        assert!(kv(2026, 3).passerat(date!(2026 - 10 - 01)));
        assert!(!kv(2026, 3).passerat(date!(2026 - 09 - 30)));
        assert_eq!(Kvartal::ny(2026, 5), None);
        assert_eq!(Kvartal::ny(2026, 0), None);
        assert_eq!(kv(2026, 3).to_string(), "kvartal 3 2026");
    }

    #[test]
    fn sol_34_1_three_months_ending_on_the_last_day_of_a_quarter_are_reported_in_the_next() {
        // 31 March + three months = 30 June (lag (1930:173) 1 §): still within Q2, so the
        // decision is not late in Q2; from 1 July it is.
        let a = fall(date!(2026 - 03 - 31), &[]);
        assert!(avsnitt(&a, kv(2026, 2)).is_empty());
        let p = ivo_poster(&a, kv(2026, 3));
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].avsnitt, Avsnitt::EjVerkstallt);
        assert_eq!(p[0].vantan.tre_manader, date!(2026 - 06 - 30));
        assert_eq!(p[0].vantan.forsta_kvartal(), kv(2026, 3));
        assert_eq!(p[0].vantat_dagar, 183, "31 March to 30 September");
        // One day earlier the three months end on 29 June: late on 30 June, in Q2.
        let a = fall(date!(2026 - 03 - 29), &[]);
        assert_eq!(avsnitt(&a, kv(2026, 2)), [Avsnitt::EjVerkstallt]);
    }

    #[test]
    fn sol_34_1_enforced_on_the_last_day_of_the_three_months_is_not_reported() {
        let a = fall(date!(2026 - 03 - 15), &[startad(date!(2026 - 06 - 15))]);
        for k in [kv(2026, 1), kv(2026, 2), kv(2026, 3)] {
            assert!(ivo_poster(&a, k).is_empty(), "{k}");
        }
    }

    #[test]
    fn sol_34_1_and_2_enforced_the_day_after_the_three_months_is_reported_with_the_date() {
        // Not enforced "inom tre månader": reported once, in the quarter it became late, with
        // the date it was enforced (SoL 34 kap. 2 §).
        let a = fall(date!(2026 - 03 - 15), &[startad(date!(2026 - 06 - 16))]);
        let p = ivo_poster(&a, kv(2026, 2));
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].avsnitt, Avsnitt::EjVerkstallt);
        assert_eq!(p[0].slut, Some(Slut::Verkstallt(date!(2026 - 06 - 16))));
        assert_eq!(p[0].vantat_dagar, 93);
        assert!(ivo_poster(&a, kv(2026, 3)).is_empty());
        // Across a quarter boundary: three months end 30 June, enforced 1 July.
        let a = fall(date!(2026 - 03 - 31), &[startad(date!(2026 - 07 - 01))]);
        assert!(ivo_poster(&a, kv(2026, 2)).is_empty());
        assert_eq!(avsnitt(&a, kv(2026, 3)), [Avsnitt::EjVerkstallt]);
    }

    #[test]
    fn sol_34_2_a_decision_enforced_after_it_was_reported_is_reported_with_the_date() {
        // Late from 11 May (Q2), still waiting at the end of Q2 and Q3, enforced 3 October.
        let a = fall(date!(2026 - 02 - 10), &[startad(date!(2026 - 10 - 03))]);
        assert!(ivo_poster(&a, kv(2026, 1)).is_empty());
        let q2 = ivo_poster(&a, kv(2026, 2));
        assert_eq!(q2.len(), 1);
        assert_eq!(q2[0].avsnitt, Avsnitt::EjVerkstallt);
        assert_eq!(q2[0].slut, None, "as at the end of Q2 it was not enforced");
        let q3 = ivo_poster(&a, kv(2026, 3));
        assert_eq!(
            q3[0].avsnitt,
            Avsnitt::EjVerkstallt,
            "reported again: still waiting"
        );
        assert_eq!(q3[0].vantan.forsta_kvartal(), kv(2026, 2));
        let q4 = ivo_poster(&a, kv(2026, 4));
        assert_eq!(q4.len(), 1);
        assert_eq!(q4[0].avsnitt, Avsnitt::VerkstalltEfterRapportering);
        assert_eq!(q4[0].slut, Some(Slut::Verkstallt(date!(2026 - 10 - 03))));
        assert!(ivo_poster(&a, kv(2027, 1)).is_empty());
    }

    #[test]
    fn sol_34_2_enforced_on_the_first_day_of_the_next_quarter_belongs_to_that_quarter() {
        let a = fall(date!(2026 - 02 - 10), &[startad(date!(2026 - 07 - 01))]);
        assert_eq!(avsnitt(&a, kv(2026, 2)), [Avsnitt::EjVerkstallt]);
        assert_eq!(ivo_poster(&a, kv(2026, 2))[0].slut, None);
        assert_eq!(
            avsnitt(&a, kv(2026, 3)),
            [Avsnitt::VerkstalltEfterRapportering]
        );
    }

    #[test]
    fn sol_34_1_an_interruption_not_resumed_within_three_months_is_reported() {
        let avbrott = Handelse::VerkstallighetAvbruten {
            beslut: B,
            datum: date!(2026 - 04 - 20),
            orsak: "Platsen upphörde".into(),
        };
        let a = fall(
            date!(2026 - 02 - 01),
            &[startad(date!(2026 - 03 - 02)), avbrott.clone()],
        );
        assert!(
            ivo_poster(&a, kv(2026, 2)).is_empty(),
            "interrupted less than three months"
        );
        let p = ivo_poster(&a, kv(2026, 3));
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].avsnitt, Avsnitt::EjVerkstallt);
        assert_eq!(p[0].vantan.avbrott, Some(date!(2026 - 04 - 20)));
        assert_eq!(p[0].vantan.tre_manader, date!(2026 - 07 - 20));
        assert_eq!(p[0].vantan.beslutsdatum, date!(2026 - 02 - 01));
        // Resumed in Q4: reported in Q3, and with the date in Q4.
        let a = fall(
            date!(2026 - 02 - 01),
            &[
                startad(date!(2026 - 03 - 02)),
                avbrott.clone(),
                Handelse::VerkstallighetAterupptagen {
                    beslut: B,
                    datum: date!(2026 - 10 - 05),
                },
            ],
        );
        let q4 = ivo_poster(&a, kv(2026, 4));
        assert_eq!(q4.len(), 1);
        assert_eq!(q4[0].avsnitt, Avsnitt::VerkstalltEfterRapportering);
        assert_eq!(q4[0].slut, Some(Slut::Aterupptaget(date!(2026 - 10 - 05))));
        // Resumed within three months: never reported.
        let a = fall(
            date!(2026 - 02 - 01),
            &[
                startad(date!(2026 - 03 - 02)),
                avbrott,
                Handelse::VerkstallighetAterupptagen {
                    beslut: B,
                    datum: date!(2026 - 07 - 20),
                },
            ],
        );
        for k in [kv(2026, 2), kv(2026, 3), kv(2026, 4)] {
            assert!(ivo_poster(&a, k).is_empty(), "{k}");
        }
    }

    #[test]
    fn sol_34_1_the_reason_for_not_enforcing_goes_with_the_line_and_the_duty_stays() {
        let a = fall(
            date!(2026 - 01 - 10),
            &[Handelse::VerkstallsEj {
                beslut: B,
                datum: date!(2026 - 03 - 01),
                skal: "Väntar på ledig kontaktperson".into(),
            }],
        );
        let p = ivo_poster(&a, kv(2026, 2));
        assert_eq!(p.len(), 1);
        assert_eq!(
            p[0].vantan.skal.as_deref(),
            Some("Väntar på ledig kontaktperson")
        );
    }

    /// SoL 34 kap. 1–2 §§: a reason for the delay explains it; closing the case or the end of
    /// the decision's period does not end the duty. The decision is reported every quarter until
    /// it is carried out or ends for a recorded reason, and that day is reported once.
    #[test]
    fn sol_34_1_a_closed_case_stays_in_the_report_until_the_decision_ends_for_a_recorded_reason() {
        let a = fall(
            date!(2026 - 01 - 10),
            &[
                Handelse::VerkstallsEj {
                    beslut: B,
                    datum: date!(2026 - 05 - 01),
                    skal: "Väntar på plats".into(),
                },
                Handelse::ArendeAvslutat {
                    datum: date!(2026 - 08 - 14),
                    orsak: Avslutsorsak::Annat,
                    kommentar: String::new(),
                },
            ],
        );
        assert_eq!(avsnitt(&a, kv(2026, 2)), [Avsnitt::EjVerkstallt]);
        // Closed in Q3, never carried out: still reported, in Q3, Q4 and the next year.
        for k in [kv(2026, 3), kv(2026, 4), kv(2027, 1)] {
            let p = ivo_poster(&a, k);
            assert_eq!(p.len(), 1, "{k}");
            assert_eq!(p[0].avsnitt, Avsnitt::EjVerkstallt, "{k}");
            assert_eq!(p[0].vantan.skal.as_deref(), Some("Väntar på plats"));
        }
        // The person declined on 2 February 2027: reported once, in Q1 2027, then gone.
        let mut h = vec![Handelse::VerkstallighetUpphort(
            crate::arende::UpphorandeUppgifter {
                beslut: B,
                datum: date!(2027 - 02 - 02),
                orsak: Upphorandeorsak::TackatNej,
                kommentar: String::new(),
            },
        )];
        let mut b = a.clone();
        for x in h.drain(..) {
            b.tillampa(&x);
        }
        let q1 = ivo_poster(&b, kv(2027, 1));
        assert_eq!(q1[0].avsnitt, Avsnitt::UpphortEfterRapportering);
        assert_eq!(
            q1[0].slut,
            Some(Slut::Upphort(
                date!(2027 - 02 - 02),
                Upphorande::Upphort(Upphorandeorsak::TackatNej)
            ))
        );
        assert!(ivo_poster(&b, kv(2027, 2)).is_empty());
        // A period that ran out without the insats does not end the duty either.
        let mut c = fall(date!(2026 - 01 - 10), &[]);
        c.beslut[0].beslut.period_till = Some(date!(2026 - 03 - 31));
        assert_eq!(avsnitt(&c, kv(2026, 3)), [Avsnitt::EjVerkstallt]);
    }

    #[test]
    fn sol_34_1_only_granted_decisions_are_reported_and_a_judgment_starts_the_three_months() {
        let mut a = fall(
            date!(2026 - 01 - 10),
            &[
                startad(date!(2026 - 01 - 20)),
                beslut(B2, date!(2026 - 01 - 12), Utfall::Avslag, InsatsTyp::Hvb),
            ],
        );
        assert!(
            ivo_poster(&a, kv(2026, 2)).is_empty(),
            "an avslag is not enforced"
        );
        // The court grants what the nämnd refused on 1 March: three months from the judgment.
        for x in [
            Handelse::OverklagandeInkommit {
                beslut: B2,
                inkom: date!(2026 - 01 - 20),
                text: String::new(),
            },
            Handelse::DomMeddelad {
                beslut: B2,
                datum: date!(2026 - 03 - 01),
                utfall: DomUtfall::Bifall,
                malnummer: "1-26".into(),
            },
        ] {
            a.tillampa(&x);
        }
        let p = ivo_poster(&a, kv(2026, 2));
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].vantan.beslut, B2);
        assert_eq!(p[0].vantan.beslutsdatum, date!(2026 - 03 - 01));
        assert_eq!(p[0].vantan.tre_manader, date!(2026 - 06 - 01));
    }

    #[test]
    fn sol_34_3_statistics_count_what_still_waits_at_the_end_of_the_quarter() {
        let sju_manader = fall(date!(2026 - 02 - 20), &[]);
        let fyra_manader = fall(date!(2026 - 05 - 31), &[]);
        let over_ett_ar = fall(date!(2025 - 09 - 01), &[]);
        let verkstallt_i_tid = fall(date!(2026 - 05 - 31), &[startad(date!(2026 - 06 - 02))]);
        let verkstallt_sista_dagen = fall(date!(2026 - 01 - 05), &[startad(date!(2026 - 09 - 30))]);
        let kvinna = Avidentifierad {
            kon: Some(Kon::Kvinna),
            fodd: Some(date!(1980 - 01 - 01)),
        };
        let man = Avidentifierad {
            kon: Some(Kon::Man),
            fodd: Some(date!(1970 - 01 - 01)),
        };
        let s = KfStatistik::berakna(
            kv(2026, 3),
            [
                (&sju_manader, kvinna),
                (&fyra_manader, man),
                (&over_ett_ar, kvinna),
                (&verkstallt_i_tid, man),
                (&verkstallt_sista_dagen, man),
            ],
        );
        assert_eq!(
            s.totalt,
            Antal {
                kvinnor: 2,
                man: 1,
                okant: 0
            }
        );
        assert_eq!(s.per_insats, [(InsatsTyp::Kontaktperson, s.totalt)]);
        assert_eq!(
            s.per_tid,
            [
                (
                    Tidsklass::TreTillSex,
                    Antal {
                        kvinnor: 0,
                        man: 1,
                        okant: 0
                    }
                ),
                (
                    Tidsklass::SexTillTolv,
                    Antal {
                        kvinnor: 1,
                        man: 0,
                        okant: 0
                    }
                ),
                (
                    Tidsklass::OverTolv,
                    Antal {
                        kvinnor: 1,
                        man: 0,
                        okant: 0
                    }
                ),
            ]
        );
        assert_eq!(s.varav_avbrott, 0);
    }

    #[test]
    fn sol_34_3_six_months_exactly_is_in_the_lower_class() {
        // 31 March + 6 months = 30 September: at the end of Q3 exactly six months.
        let a = fall(date!(2026 - 03 - 31), &[]);
        let v = &vantetider(&a)[0];
        assert_eq!(v.tidsklass(date!(2026 - 09 - 30)), Tidsklass::TreTillSex);
        assert_eq!(v.tidsklass(date!(2026 - 10 - 01)), Tidsklass::SexTillTolv);
        assert_eq!(v.tidsklass(date!(2027 - 04 - 01)), Tidsklass::OverTolv);
    }

    #[test]
    fn sol_34_1_the_ivo_id_is_the_birth_date_and_a_running_number() {
        assert_eq!(ivo_id(Some(date!(1964 - 08 - 23)), 7), "19640823-T007");
        assert_eq!(ivo_id(None, 12), "00000000-T012");
        let pnr = Identitet::tolka("19640823-3234", date!(2026 - 01 - 01)).expect("valid");
        let a = Avidentifierad::av(&pnr);
        assert_eq!(a.kon, Some(Kon::Man));
        assert_eq!(a.fodelsear(), Some(1964));
    }

    #[test]
    fn every_way_a_wait_ends_has_a_code_that_reads_back() {
        let alla = [
            Upphorande::Upphort(Upphorandeorsak::TackatNej),
            Upphorande::Upphort(Upphorandeorsak::Flyttat),
            Upphorande::Upphort(Upphorandeorsak::Avliden),
            Upphorande::InsatsenAvslutad,
            Upphorande::BeslutetErsatt,
            Upphorande::Aterforvisat,
        ];
        for u in alla {
            assert_eq!(Upphorande::fran_kod(u.kod()), Some(u));
        }
        assert_eq!(Upphorande::fran_kod("okänd"), None);
    }

    #[test]
    fn the_list_for_the_namnd_has_every_decision_in_the_period() {
        let a = fall(date!(2026 - 03 - 31), &[]);
        assert_eq!(
            delegationsbeslut(&a, date!(2026 - 03 - 01), date!(2026 - 03 - 31)).len(),
            1
        );
        assert!(delegationsbeslut(&a, date!(2026 - 04 - 01), date!(2026 - 04 - 30)).is_empty());
        let d = &delegationsbeslut(&a, date!(2026 - 03 - 31), date!(2026 - 03 - 31))[0];
        assert_eq!(
            (d.delegation.version, d.delegation.punkt.as_str()),
            (2, "3.1")
        );
        assert_eq!(d.utfall, Utfall::Bifall);
    }
}
