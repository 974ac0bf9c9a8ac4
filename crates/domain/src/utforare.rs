//! Utförare as organisations: egen regi, LOV and LOU providers, their contracts,
//! and the reconciliation of what was granted, delivered and billed.
//!
//! Uppsala's framework decisions became cost drivers because delivery and billing
//! drifted from the assessed need (seed 002); so every invoice line is held against
//! the order, the reported delivery, the decision's period and the contract before
//! payment, and every difference is flagged to the beställare.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use time::Date;

use crate::forsorjningsstod::Manad;
use crate::ids::{AvtalId, BeslutId, UtforarId};
use crate::insats::InsatsTyp;

/// Öre. Prices and invoice amounts are kept in öre so that no sum is rounded.
pub type Ore = i64;

/// Hundredths of a unit: an hour of 1,25 is 125. Delivery and billing may be in parts of hours.
pub type Hundradelar = i64;

/// How the provider came to deliver for the nämnd.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Regiform {
    /// The kommun's own units.
    EgenRegi,
    /// Lag (2008:962) om valfrihetssystem: the person chooses among approved providers.
    Lov,
    /// Lag (2016:1145) om offentlig upphandling: the nämnd procured the provider.
    Lou,
}

impl Regiform {
    pub const ALLA: [Regiform; 3] = [Regiform::EgenRegi, Regiform::Lov, Regiform::Lou];

    pub fn kod(self) -> &'static str {
        match self {
            Regiform::EgenRegi => "egen_regi",
            Regiform::Lov => "lov",
            Regiform::Lou => "lou",
        }
    }

    pub fn fran_kod(kod: &str) -> Option<Self> {
        Self::ALLA.into_iter().find(|r| r.kod() == kod)
    }

    pub fn namn(self) -> &'static str {
        match self {
            Regiform::EgenRegi => "Egen regi",
            Regiform::Lov => "Valfrihetssystem (LOV)",
            Regiform::Lou => "Upphandlad (LOU)",
        }
    }
}

/// What a contract prices by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Prisenhet {
    Timme,
    Dygn,
    Tillfalle,
}

impl Prisenhet {
    pub const ALLA: [Prisenhet; 3] = [Prisenhet::Timme, Prisenhet::Dygn, Prisenhet::Tillfalle];

    /// The code also used in the invoice CSV's `enhet` column.
    pub fn kod(self) -> &'static str {
        match self {
            Prisenhet::Timme => "timme",
            Prisenhet::Dygn => "dygn",
            Prisenhet::Tillfalle => "tillfalle",
        }
    }

    pub fn fran_kod(kod: &str) -> Option<Self> {
        let kod = kod.trim().to_lowercase();
        let kod = if kod == "tillfälle" {
            "tillfalle"
        } else {
            &kod
        };
        Self::ALLA.into_iter().find(|r| r.kod() == kod)
    }

    pub fn namn(self) -> &'static str {
        match self {
            Prisenhet::Timme => "timmar",
            Prisenhet::Dygn => "dygn",
            Prisenhet::Tillfalle => "tillfällen",
        }
    }
}

/// A provider organisation. Its staff are users with the utförare role on an
/// enhet that belongs to it; the access rule stays the one of `/uppdrag`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Utforarorganisation {
    pub id: UtforarId,
    pub namn: String,
    pub organisationsnummer: String,
    pub regiform: Regiform,
    /// LOV 9 kap. 2 §: the provider the nämnd assigns when the person does not choose.
    pub ickevalsalternativ: bool,
}

impl Utforarorganisation {
    /// What is wrong with the provider as registered, field by field.
    pub fn fel(&self) -> Vec<(&'static str, &'static str)> {
        let mut fel = vec![];
        let n = self.namn.trim().chars().count();
        if n == 0 || n > 200 {
            fel.push(("namn", "Skriv utförarens namn, högst 200 tecken."));
        }
        if las_organisationsnummer(&self.organisationsnummer).is_none() {
            fel.push((
                "organisationsnummer",
                "Skriv organisationsnumret med tio siffror, till exempel 556677-8899. Kontrollsiffran ska stämma.",
            ));
        }
        // LOV 9 kap. 2 §: the ickevalsalternativ is one of the providers in the valfrihetssystem.
        if self.ickevalsalternativ && self.regiform != Regiform::Lov {
            fel.push((
                "ickevalsalternativ",
                "Bara en utförare i valfrihetssystemet (LOV) kan vara ickevalsalternativ.",
            ));
        }
        fel
    }
}

/// An organisationsnummer as NNNNNN-NNNN, if it has ten digits and its check digit
/// holds (the Luhn algorithm, as Skatteverket gives the numbers).
pub fn las_organisationsnummer(s: &str) -> Option<String> {
    let siffror: Vec<u32> = s
        .chars()
        .filter(|c| !matches!(c, '-' | ' '))
        .map(|c| c.to_digit(10))
        .collect::<Option<Vec<_>>>()?;
    if siffror.len() != 10 {
        return None;
    }
    let summa: u32 = siffror
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let x = if i % 2 == 0 { d * 2 } else { *d };
            x / 10 + x % 10
        })
        .sum();
    if !summa.is_multiple_of(10) {
        return None;
    }
    let t: String = siffror
        .iter()
        .map(|d| char::from(b'0' + *d as u8))
        .collect();
    Some(format!("{}-{}", &t[..6], &t[6..]))
}

/// A contract: what the provider may deliver, when, at what price, up to what ceiling.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Avtal {
    pub id: AvtalId,
    pub utforare: UtforarId,
    pub fran: Date,
    pub till: Date,
    pub insatser: Vec<InsatsTyp>,
    pub prisenhet: Prisenhet,
    pub pris: Ore,
    /// The most the provider may bill under the contract in one month, all orders together.
    pub tak_per_manad: Option<Ore>,
}

impl Avtal {
    /// What is wrong with the contract as written, field by field.
    pub fn fel(&self) -> Vec<(&'static str, &'static str)> {
        let mut fel = vec![];
        if self.till < self.fran {
            fel.push(("till", "Avtalet kan inte sluta innan det börjar."));
        }
        if self.insatser.is_empty() {
            fel.push(("insatser", "Välj minst en insats som avtalet gäller."));
        }
        if self.pris <= 0 {
            fel.push(("pris", "Priset ska vara mer än noll kronor."));
        }
        if self.tak_per_manad.is_some_and(|t| t <= 0) {
            fel.push((
                "tak",
                "Taket ska vara mer än noll kronor, eller lämnas tomt.",
            ));
        }
        fel
    }

    pub fn galler(&self, insats: InsatsTyp, manad: Manad) -> bool {
        self.insatser.contains(&insats) && overlappar(manad, self.fran, Some(self.till))
    }

    /// Whether the contract covers the insats on the day.
    pub fn galler_dag(&self, insats: InsatsTyp, dag: Date) -> bool {
        self.insatser.contains(&insats) && self.fran <= dag && dag <= self.till
    }

    /// The contract ended with `sista` as its last day: a new version of the same
    /// contract. Ending never lengthens a contract, and it cannot end before it began.
    pub fn avsluta(&self, sista: Date) -> Result<Avtal, &'static str> {
        if sista < self.fran {
            return Err("Avtalet kan inte sluta innan det börjar.");
        }
        if sista > self.till {
            return Err(
                "Avtalet slutar redan tidigare. Ändra avtalets villkor om det ska förlängas.",
            );
        }
        Ok(Avtal {
            till: sista,
            ..self.clone()
        })
    }
}

/// Whether a new order for `insats` on `dag` may go to a provider (issue 17): not after
/// the provider's last day (`slut`), and not under a contract that has ended. A provider
/// whose contracts for the insats have all ended before the day takes no new orders; the
/// running ones are listed on the provider's page for the beställare to move. A provider
/// with no contract for the insats at all is left to the reconciliation (`inget_avtal`).
pub fn kan_bestallas(
    slut: Option<Date>,
    avtal: &[Avtal],
    insats: InsatsTyp,
    dag: Date,
) -> Result<(), &'static str> {
    if slut.is_some_and(|s| s < dag) {
        return Err(
            "Utföraren har upphört och kan inte ta emot nya beställningar. Välj en annan utförare.",
        );
    }
    let for_insatsen: Vec<&Avtal> = avtal
        .iter()
        .filter(|a| a.insatser.contains(&insats))
        .collect();
    let i_kraft = for_insatsen.iter().any(|a| a.galler_dag(insats, dag));
    let upphort = for_insatsen.iter().any(|a| a.till < dag);
    if upphort && !i_kraft {
        return Err(
            "Avtalet med utföraren om insatsen har upphört och tar inte emot nya beställningar. Välj en annan utförare.",
        );
    }
    Ok(())
}

/// Days a kommun has to pay an invoice from its receipt: a public authority pays within
/// 30 days (lag (2013:513) om betalningsvillkor i kommersiella avtal, which implements
/// directive 2011/7/EU art. 4).
pub const BETALNINGSTID_DAGAR: i64 = 30;

/// Days before the payment day that a difference's bevakning falls due, so the beställare
/// has time to take it up with the provider and the payment can be stopped.
pub const AVVIKELSE_MARGINAL_DAGAR: i64 = 10;

/// A difference flagged on `flaggad` (the day the invoice or the delivery came in):
/// (the bevakning's deadline, the payment day). The duty behind it: the kommun must check
/// and follow up what a private provider carries out (kommunallagen (2017:725) 10 kap.
/// 8 §) and the nämnd must keep sufficient internal control (KL 6 kap. 6 §), so a
/// difference is resolved before the invoice is paid.
pub fn avvikelsefrist(flaggad: Date) -> (Date, Date) {
    let betalning = flaggad + time::Duration::days(BETALNINGSTID_DAGAR);
    (
        betalning - time::Duration::days(AVVIKELSE_MARGINAL_DAGAR),
        betalning,
    )
}

/// How a flagged difference was resolved. The beställare approves it with a reason, or
/// disputes the line with the provider; a later delivery report that matches closes it as
/// `Stammer`. Each closes its bevakning, so the invoice is paid on a checked basis (KL 10
/// kap. 8 §, 6 kap. 6 §; `avvikelsefrist`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Avvikelsehantering {
    Godkand,
    Bestriden,
    Stammer,
}

/// The longest reason for approving or disputing a difference.
pub const MOTIVERING_MAX: usize = 2000;

impl Avvikelsehantering {
    /// The stable code stored.
    pub fn kod(self) -> &'static str {
        match self {
            Self::Godkand => "godkand",
            Self::Bestriden => "bestriden",
            Self::Stammer => "stammer",
        }
    }
    pub fn fran_kod(kod: &str) -> Option<Self> {
        [Self::Godkand, Self::Bestriden, Self::Stammer]
            .into_iter()
            .find(|h| h.kod() == kod)
    }
    pub fn namn(self) -> &'static str {
        match self {
            Self::Godkand => "Godkänd med motivering",
            Self::Bestriden => "Raden är bestriden hos utföraren",
            Self::Stammer => "Stämmer nu: leveransen har rapporterats",
        }
    }

    /// The beställare's choice on the form and its reason, trimmed. An approval needs
    /// the reason, since it lets pay what the order did not say; a dispute is taken up
    /// with the provider and may go without. `Stammer` is never a person's choice.
    pub fn tolka(val: &str, motivering: &str) -> Result<(Self, String), &'static str> {
        let motivering = motivering.trim();
        let hantering = match val.trim() {
            "godkand" => Self::Godkand,
            "bestriden" => Self::Bestriden,
            _ => return Err("Välj om du godkänner avvikelsen eller bestrider raden."),
        };
        if hantering == Self::Godkand && motivering.is_empty() {
            return Err("Skriv varför avvikelsen kan godkännas.");
        }
        if motivering.chars().count() > MOTIVERING_MAX {
            return Err("Motiveringen får vara högst 2 000 tecken.");
        }
        Ok((hantering, motivering.to_owned()))
    }
}

/// Whether the order under LOV went to the provider the person chose, or to
/// the ickevalsalternativ because the person did not choose (LOV 9 kap. 2 §).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Val {
    /// Not a LOV order: egen regi or a procured provider.
    EjValfrihet,
    Valt,
    Ickeval,
}

impl Val {
    pub fn kod(self) -> &'static str {
        match self {
            Val::EjValfrihet => "ej_valfrihet",
            Val::Valt => "valt",
            Val::Ickeval => "ickeval",
        }
    }

    pub fn fran_kod(kod: &str) -> Option<Self> {
        [Val::EjValfrihet, Val::Valt, Val::Ickeval]
            .into_iter()
            .find(|v| v.kod() == kod)
    }
}

/// The order's terms when it goes to a provider organisation, recorded on the case
/// with the order: which provider, whether the person chose it under LOV, and what
/// was granted per month in the unit the provider reports and bills in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Villkor {
    pub utforare: UtforarId,
    pub val: Val,
    pub prisenhet: Prisenhet,
    /// Hundredths of the unit per calendar month; `None` when the decision's
    /// omfattning is not a quantity.
    pub beviljat_per_manad: Option<Hundradelar>,
}

impl Val {
    /// How the choice reads on the case and the order.
    pub fn namn(self) -> &'static str {
        match self {
            Val::EjValfrihet => "Inte valfrihet (egen regi eller upphandlad)",
            Val::Valt => "Den enskilde valde utföraren (LOV)",
            Val::Ickeval => "Ickevalsalternativet: den enskilde valde inte (LOV 9 kap. 2 §)",
        }
    }
}

/// Checks the terms against the provider they name: LOV 9 kap. 1–2 §§, the person
/// chooses among the approved providers, and one who does not choose gets the
/// nämnd's ickevalsalternativ; outside LOV there is no choice to record.
pub fn kontrollera_villkor(org: &Utforarorganisation, v: &Villkor) -> Result<(), &'static str> {
    match (org.regiform, v.val) {
        (Regiform::Lov, Val::EjValfrihet) => {
            Err("Utföraren är ett valfrihetssystem (LOV): ange om den enskilde valde utföraren.")
        }
        (Regiform::Lov, Val::Ickeval) if !org.ickevalsalternativ => Err(
            "Utföraren är inte nämndens ickevalsalternativ. Den som inte väljer får ickevalsalternativet (LOV 9 kap. 2 §).",
        ),
        (Regiform::EgenRegi | Regiform::Lou, Val::Valt | Val::Ickeval) => {
            Err("Valfrihet gäller bara utförare i valfrihetssystem (LOV).")
        }
        _ if v.beviljat_per_manad.is_some_and(|b| b <= 0) => {
            Err("Det beviljade per månad ska vara mer än noll, eller lämnas tomt.")
        }
        _ => Ok(()),
    }
}

/// An order as reconciliation sees it: the decision behind it and what was granted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bestallning {
    pub beslut: BeslutId,
    pub utforare: UtforarId,
    pub insats: InsatsTyp,
    /// The decision's period; an open end means until further notice.
    pub fran: Option<Date>,
    pub till: Option<Date>,
    /// Granted per month in the contract's unit; `None` when the decision's
    /// omfattning is not given as a quantity (then nothing is counted against it).
    pub beviljat_per_manad: Option<Hundradelar>,
}

/// The provider's report of delivery against an order for a month.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Leverans {
    pub beslut: BeslutId,
    pub manad: Manad,
    pub antal: Hundradelar,
}

/// One line of a provider's invoice, as sent: the order it names, the month, the
/// unit, the quantity and the price per unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fakturarad {
    /// 1-based line number in the file (or entry order when entered by hand).
    pub rad: usize,
    /// The order's reference as the provider wrote it; it need not name any order.
    pub bestallning: String,
    pub manad: Manad,
    pub enhet: Prisenhet,
    pub antal: Hundradelar,
    pub a_pris: Ore,
}

impl Fakturarad {
    /// antal × à-pris in öre, rounded to the nearest öre.
    pub fn belopp(&self) -> Ore {
        (self.antal * self.a_pris + 50).div_euclid(100)
    }
}

/// A difference found before payment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "slag", rename_all = "snake_case")]
pub enum Avvikelse {
    /// The reported delivery is more than the decision granted for the month.
    LevereratMerAnBeviljat {
        beslut: BeslutId,
        manad: Manad,
        beviljat: Hundradelar,
        levererat: Hundradelar,
    },
    /// The invoice bills more for the order and month than was reported delivered.
    FaktureratMerAnLevererat {
        rad: usize,
        beslut: BeslutId,
        manad: Manad,
        levererat: Hundradelar,
        fakturerat: Hundradelar,
    },
    /// The month billed lies wholly outside the decision's period.
    FaktureratUtanforPeriod {
        rad: usize,
        beslut: BeslutId,
        manad: Manad,
    },
    /// The line names no order to this provider. Only what the provider sent is
    /// kept; nothing of any person is looked up (OSL 26 kap. 1 §).
    IngenBestallning { rad: usize, referens: String },
    /// The price per unit is above the contract's.
    PrisOverAvtal {
        rad: usize,
        beslut: BeslutId,
        avtalspris: Ore,
        a_pris: Ore,
    },
    /// No contract of the provider covers the insats and month.
    IngetAvtal { rad: usize, beslut: BeslutId },
    /// The line bills in another unit than the contract prices by.
    FelEnhet {
        rad: usize,
        beslut: BeslutId,
        avtal: Prisenhet,
        faktura: Prisenhet,
    },
    /// All lines under a contract for a month together exceed its ceiling.
    OverTak {
        avtal: AvtalId,
        manad: Manad,
        tak: Ore,
        fakturerat: Ore,
    },
}

impl Avvikelse {
    pub fn kod(&self) -> &'static str {
        match self {
            Avvikelse::LevereratMerAnBeviljat { .. } => "levererat_mer_an_beviljat",
            Avvikelse::FaktureratMerAnLevererat { .. } => "fakturerat_mer_an_levererat",
            Avvikelse::FaktureratUtanforPeriod { .. } => "fakturerat_utanfor_period",
            Avvikelse::IngenBestallning { .. } => "ingen_bestallning",
            Avvikelse::PrisOverAvtal { .. } => "pris_over_avtal",
            Avvikelse::IngetAvtal { .. } => "inget_avtal",
            Avvikelse::FelEnhet { .. } => "fel_enhet",
            Avvikelse::OverTak { .. } => "over_tak",
        }
    }

    /// Names the difference within its provider's month, the same each time the month is
    /// reconciled: its kind and its line, order or contract. Lines are numbered over the
    /// month's invoices in the order they came, so a later invoice does not renumber them.
    pub fn nyckel(&self) -> String {
        let kod = self.kod();
        match self {
            Avvikelse::FaktureratMerAnLevererat { rad, .. }
            | Avvikelse::FaktureratUtanforPeriod { rad, .. }
            | Avvikelse::IngenBestallning { rad, .. }
            | Avvikelse::PrisOverAvtal { rad, .. }
            | Avvikelse::IngetAvtal { rad, .. }
            | Avvikelse::FelEnhet { rad, .. } => format!("{kod}:rad{rad}"),
            Avvikelse::LevereratMerAnBeviljat { beslut, .. } => format!("{kod}:{beslut}"),
            Avvikelse::OverTak { avtal, .. } => format!("{kod}:{avtal}"),
        }
    }

    /// The order the difference concerns, when there is one: whose beställare is told.
    pub fn beslut(&self) -> Option<BeslutId> {
        match self {
            Avvikelse::LevereratMerAnBeviljat { beslut, .. }
            | Avvikelse::FaktureratMerAnLevererat { beslut, .. }
            | Avvikelse::FaktureratUtanforPeriod { beslut, .. }
            | Avvikelse::PrisOverAvtal { beslut, .. }
            | Avvikelse::IngetAvtal { beslut, .. }
            | Avvikelse::FelEnhet { beslut, .. } => Some(*beslut),
            Avvikelse::IngenBestallning { .. } | Avvikelse::OverTak { .. } => None,
        }
    }

    /// A plain Swedish sentence for the beställare and the report.
    pub fn text(&self) -> String {
        match self {
            Avvikelse::LevereratMerAnBeviljat {
                manad,
                beviljat,
                levererat,
                ..
            } => format!(
                "Levererat {} men beviljat {} för {}.",
                antal_text(*levererat),
                antal_text(*beviljat),
                manad.namn()
            ),
            Avvikelse::FaktureratMerAnLevererat {
                rad,
                manad,
                levererat,
                fakturerat,
                ..
            } => format!(
                "Rad {rad}: fakturerat {} men levererat {} för {}.",
                antal_text(*fakturerat),
                antal_text(*levererat),
                manad.namn()
            ),
            Avvikelse::FaktureratUtanforPeriod { rad, manad, .. } => format!(
                "Rad {rad}: {} ligger utanför beslutets period.",
                manad.namn()
            ),
            Avvikelse::IngenBestallning { rad, referens } => format!(
                "Rad {rad}: det finns ingen beställning till utföraren med referensen \"{referens}\"."
            ),
            Avvikelse::PrisOverAvtal {
                rad,
                avtalspris,
                a_pris,
                ..
            } => format!(
                "Rad {rad}: à-pris {} är högre än avtalets {}.",
                kronor_text(*a_pris),
                kronor_text(*avtalspris)
            ),
            Avvikelse::IngetAvtal { rad, .. } => {
                format!("Rad {rad}: inget avtal med utföraren gäller insatsen den månaden.")
            }
            Avvikelse::FelEnhet {
                rad,
                avtal,
                faktura,
                ..
            } => format!(
                "Rad {rad}: fakturerat i {} men avtalet prissätter i {}.",
                faktura.namn(),
                avtal.namn()
            ),
            Avvikelse::OverTak {
                manad,
                tak,
                fakturerat,
                ..
            } => format!(
                "Fakturerat {} under avtalet för {}, över taket {}.",
                kronor_text(*fakturerat),
                manad.namn(),
                kronor_text(*tak)
            ),
        }
    }
}

/// "1,5" for 150 hundredths.
pub fn antal_text(h: Hundradelar) -> String {
    let hel = h / 100;
    let del = (h % 100).abs();
    match del {
        0 => hel.to_string(),
        d if d % 10 == 0 => format!("{hel},{}", d / 10),
        d => format!("{hel},{d:02}"),
    }
}

/// "1 234,50 kr".
pub fn kronor_text(ore: Ore) -> String {
    let kr = ore.div_euclid(100);
    let o = ore.rem_euclid(100);
    let siffror = kr.to_string();
    let mut grupperat = String::new();
    for (i, c) in siffror.chars().enumerate() {
        if i > 0 && (siffror.len() - i).is_multiple_of(3) && c != '-' {
            grupperat.push('\u{a0}');
        }
        grupperat.push(c);
    }
    format!("{grupperat},{o:02}\u{a0}kr")
}

/// Whether any day of the month lies within [fran, till] (an open end is open).
fn overlappar(manad: Manad, fran: Date, till: Option<Date>) -> bool {
    let forsta = manad.forsta_dagen();
    let sista = manad
        .nasta()
        .forsta_dagen()
        .previous_day()
        .unwrap_or(forsta);
    fran <= sista && till.is_none_or(|t| t >= forsta)
}

/// Holds one provider's invoice against its orders, reported delivery and
/// contracts. Every rule is applied to every line; a line may carry several
/// differences. Orders and contracts of other providers are ignored, so a line
/// naming another provider's order is a line with no order.
pub fn stam_av(
    utforare: UtforarId,
    bestallningar: &[Bestallning],
    avtal: &[Avtal],
    leveranser: &[Leverans],
    faktura: &[Fakturarad],
) -> Vec<Avvikelse> {
    let mut ut = Vec::new();
    let egna: BTreeMap<BeslutId, &Bestallning> = bestallningar
        .iter()
        .filter(|b| b.utforare == utforare)
        .map(|b| (b.beslut, b))
        .collect();
    let avtal: Vec<&Avtal> = avtal.iter().filter(|a| a.utforare == utforare).collect();

    let mut levererat: BTreeMap<(BeslutId, Manad), Hundradelar> = BTreeMap::new();
    for l in leveranser.iter().filter(|l| egna.contains_key(&l.beslut)) {
        *levererat.entry((l.beslut, l.manad)).or_default() += l.antal;
    }

    // Granted against delivered: SoL 4 kap. 1 §, the decision sets the scope;
    // delivery beyond it is not what was granted.
    for ((beslut, manad), antal) in &levererat {
        if let Some(beviljat) = egna.get(beslut).and_then(|b| b.beviljat_per_manad)
            && *antal > beviljat
        {
            ut.push(Avvikelse::LevereratMerAnBeviljat {
                beslut: *beslut,
                manad: *manad,
                beviljat,
                levererat: *antal,
            });
        }
    }

    // Billed against delivered is counted over all lines for the order and month,
    // so that one delivery billed on two lines is caught on the line that exceeds.
    let mut fakturerat: BTreeMap<(BeslutId, Manad), Hundradelar> = BTreeMap::new();
    let mut per_avtal: BTreeMap<(AvtalId, Manad), Ore> = BTreeMap::new();
    for rad in faktura {
        let Some(b) = rad
            .bestallning
            .trim()
            .parse::<BeslutId>()
            .ok()
            .and_then(|id| egna.get(&id))
        else {
            ut.push(Avvikelse::IngenBestallning {
                rad: rad.rad,
                referens: rad.bestallning.trim().to_string(),
            });
            continue;
        };
        let fran = b.fran.unwrap_or(Date::MIN);
        if b.fran.is_none() || !overlappar(rad.manad, fran, b.till) {
            ut.push(Avvikelse::FaktureratUtanforPeriod {
                rad: rad.rad,
                beslut: b.beslut,
                manad: rad.manad,
            });
        }
        let summa = fakturerat.entry((b.beslut, rad.manad)).or_default();
        *summa += rad.antal;
        let lev = levererat.get(&(b.beslut, rad.manad)).copied().unwrap_or(0);
        if *summa > lev {
            ut.push(Avvikelse::FaktureratMerAnLevererat {
                rad: rad.rad,
                beslut: b.beslut,
                manad: rad.manad,
                levererat: lev,
                fakturerat: *summa,
            });
        }
        match avtal.iter().find(|a| a.galler(b.insats, rad.manad)) {
            None => ut.push(Avvikelse::IngetAvtal {
                rad: rad.rad,
                beslut: b.beslut,
            }),
            Some(a) => {
                if a.prisenhet != rad.enhet {
                    ut.push(Avvikelse::FelEnhet {
                        rad: rad.rad,
                        beslut: b.beslut,
                        avtal: a.prisenhet,
                        faktura: rad.enhet,
                    });
                }
                if rad.a_pris > a.pris {
                    ut.push(Avvikelse::PrisOverAvtal {
                        rad: rad.rad,
                        beslut: b.beslut,
                        avtalspris: a.pris,
                        a_pris: rad.a_pris,
                    });
                }
                *per_avtal.entry((a.id, rad.manad)).or_default() += rad.belopp();
            }
        }
    }

    for ((id, manad), summa) in per_avtal {
        if let Some(tak) = avtal
            .iter()
            .find(|a| a.id == id)
            .and_then(|a| a.tak_per_manad)
            && summa > tak
        {
            ut.push(Avvikelse::OverTak {
                avtal: id,
                manad,
                tak,
                fakturerat: summa,
            });
        }
    }
    ut
}

/// A CSV error: the line and column named, in Swedish, so the provider can fix the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvFel {
    pub rad: usize,
    pub kolumn: Option<&'static str>,
    pub text: String,
}

impl std::fmt::Display for CsvFel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.kolumn {
            Some(k) => write!(f, "Rad {}, kolumn {k}: {}", self.rad, self.text),
            None => write!(f, "Rad {}: {}", self.rad, self.text),
        }
    }
}

/// The invoice CSV's columns, in order (docs/utforare.md).
pub const FAKTURA_KOLUMNER: [&str; 5] = ["bestallning", "period", "enhet", "antal", "a_pris"];

/// The most lines one file may hold: an invoice of one provider for one month.
pub const FAKTURA_MAX_RADER: usize = 5000;

/// Reads an invoice CSV: a header line naming `FAKTURA_KOLUMNER` in order,
/// separated by semicolons (as Swedish spreadsheets save), then one line per
/// order and month. Decimals take a comma or a point. Every error is returned,
/// each naming its line and column; nothing is returned if any line is wrong.
pub fn las_faktura_csv(text: &str) -> Result<Vec<Fakturarad>, Vec<CsvFel>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut rader = text
        .lines()
        .enumerate()
        .filter(|(_, r)| !r.trim().is_empty());
    let mut fel = Vec::new();
    let Some((_, rubrik)) = rader.next() else {
        return Err(vec![CsvFel {
            rad: 1,
            kolumn: None,
            text: "Filen är tom. Första raden ska vara rubrikerna bestallning;period;enhet;antal;a_pris.".into(),
        }]);
    };
    let rubriker: Vec<String> = rubrik
        .split(';')
        .map(|k| k.trim().trim_matches('"').to_lowercase())
        .collect();
    if rubriker != FAKTURA_KOLUMNER {
        return Err(vec![CsvFel {
            rad: 1,
            kolumn: None,
            text: format!(
                "Rubrikraden ska vara {} (semikolon mellan kolumnerna).",
                FAKTURA_KOLUMNER.join(";")
            ),
        }]);
    }
    let mut ut = Vec::new();
    for (i, rad) in rader {
        let nr = i + 1;
        if ut.len() + fel.len() >= FAKTURA_MAX_RADER {
            fel.push(CsvFel {
                rad: nr,
                kolumn: None,
                text: format!("Filen får ha högst {FAKTURA_MAX_RADER} rader. Dela upp den."),
            });
            break;
        }
        let falt: Vec<&str> = rad.split(';').map(|f| f.trim().trim_matches('"')).collect();
        if falt.len() != FAKTURA_KOLUMNER.len() {
            fel.push(CsvFel {
                rad: nr,
                kolumn: None,
                text: format!(
                    "Raden har {} kolumner men ska ha {}.",
                    falt.len(),
                    FAKTURA_KOLUMNER.len()
                ),
            });
            continue;
        }
        let fore = fel.len();
        let mut f = |kolumn: &'static str, text: &str| {
            fel.push(CsvFel {
                rad: nr,
                kolumn: Some(kolumn),
                text: text.into(),
            })
        };
        if falt[0].is_empty() || falt[0].chars().count() > 100 {
            f(
                "bestallning",
                "Skriv beställningens referens som den står på uppdraget.",
            );
        }
        let manad = falt[1].parse::<Manad>().map_err(|e| f("period", e)).ok();
        let enhet = Prisenhet::fran_kod(falt[2]);
        if enhet.is_none() {
            f("enhet", "Enheten ska vara timme, dygn eller tillfalle.");
        }
        let antal = las_decimal(falt[3]).filter(|a| *a > 0 && *a <= 100_000 * 100);
        if antal.is_none() {
            f(
                "antal",
                "Antalet ska vara ett positivt tal med högst två decimaler, till exempel 12,5.",
            );
        }
        let a_pris = las_decimal(falt[4]).filter(|p| *p >= 0 && *p <= 10_000_000 * 100);
        if a_pris.is_none() {
            f(
                "a_pris",
                "À-priset ska vara kronor med högst två decimaler, till exempel 450,00.",
            );
        }
        if fel.len() > fore {
            continue;
        }
        if let (Some(manad), Some(enhet), Some(antal), Some(a_pris)) = (manad, enhet, antal, a_pris)
        {
            ut.push(Fakturarad {
                rad: nr,
                bestallning: falt[0].to_string(),
                manad,
                enhet,
                antal,
                a_pris,
            });
        }
    }
    if ut.is_empty() && fel.is_empty() {
        fel.push(CsvFel {
            rad: 2,
            kolumn: None,
            text: "Filen har inga fakturarader under rubrikraden.".into(),
        });
    }
    if fel.is_empty() { Ok(ut) } else { Err(fel) }
}

/// "12,5" or "12.50" as hundredths (1250); at most two decimals, no sign, no spaces inside
/// except as thousands separators.
pub fn las_decimal(s: &str) -> Option<i64> {
    let s: String = s
        .trim()
        .chars()
        .filter(|c| *c != ' ' && *c != '\u{a0}')
        .collect();
    let (hel, del) = match s.split_once([',', '.']) {
        Some((h, d)) => (h, d),
        None => (s.as_str(), ""),
    };
    if hel.is_empty()
        || !hel.chars().all(|c| c.is_ascii_digit())
        || del.len() > 2
        || !del.chars().all(|c| c.is_ascii_digit())
        || hel.len() > 12
    {
        return None;
    }
    let hel: i64 = hel.parse().ok()?;
    let del: i64 = match del.len() {
        0 => 0,
        1 => del.parse::<i64>().ok()? * 10,
        _ => del.parse().ok()?,
    };
    hel.checked_mul(100)?.checked_add(del)
}

#[cfg(test)]
mod tests;
