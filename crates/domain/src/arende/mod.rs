//! The ärende: its state, folded from its events, and the rules of the process
//! (DOMAIN.md, "The process"; Socialstyrelsen's national information structure).

mod bevakning;
mod dialog;
mod handelse;
mod kommando;
pub mod partsinsyn;

pub use bevakning::{Bevakning, BevakningsTyp, bevakningar};
pub use dialog::{
    Avsandare, Handlingstyp, Komplettering, KompletteringSvar, MEDDELANDE_MAX_TECKEN,
    MEDDELANDE_SVARSTID, Meddelande, Motesforfragan, Motestyp, svar_senast,
};
pub use handelse::*;
pub use kommando::{
    Andring, Avvisning, FaltFel, Kommando, KommandoTyp, Kontext, NyttBeslut, andring, handle, kan,
    kan_begara_avgorande, kandidater, rattbara,
};

use serde::{Deserialize, Serialize};
use time::Date;

use crate::frister;
use crate::ids::*;
use crate::insats::InsatsTyp;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AktualiseringsTyp {
    Ansokan,
    Anmalan,
    Information,
}

impl AktualiseringsTyp {
    pub fn namn(self) -> &'static str {
        match self {
            Self::Ansokan => "Ansökan",
            Self::Anmalan => "Anmälan",
            Self::Information => "Övrig information",
        }
    }
}

/// Where the case stands, derived from its facts (never stored on its own).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Hash)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Forhandsbedomning,
    Aktualiserad,
    Utredning,
    BeslutVantar,
    Beslutad,
    Verkstalls,
    Avslutat,
}

impl Status {
    pub const ALLA: [Status; 7] = [
        Status::Forhandsbedomning,
        Status::Aktualiserad,
        Status::Utredning,
        Status::BeslutVantar,
        Status::Beslutad,
        Status::Verkstalls,
        Status::Avslutat,
    ];
    pub fn kod(self) -> &'static str {
        match self {
            Status::Forhandsbedomning => "forhandsbedomning",
            Status::Aktualiserad => "aktualiserad",
            Status::Utredning => "utredning",
            Status::BeslutVantar => "beslut_vantar",
            Status::Beslutad => "beslutad",
            Status::Verkstalls => "verkstalls",
            Status::Avslutat => "avslutat",
        }
    }
    pub fn fran_kod(k: &str) -> Option<Self> {
        Self::ALLA.into_iter().find(|s| s.kod() == k)
    }
    pub fn namn(self) -> &'static str {
        match self {
            Status::Forhandsbedomning => "Förhandsbedömning",
            Status::Aktualiserad => "Aktualiserat",
            Status::Utredning => "Utredning pågår",
            Status::BeslutVantar => "Väntar på beslut",
            Status::Beslutad => "Beslutat",
            Status::Verkstalls => "Insats pågår",
            Status::Avslutat => "Avslutat",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Kommunicering {
    pub id: KommuniceringId,
    pub datum: Date,
    pub material: String,
    pub satt: Kommunikationssatt,
    pub svar_senast: Date,
    pub svar: Option<(Date, String)>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Overklagande {
    pub inkom: Option<Date>,
    pub rattidsprovning: Option<(bool, Option<Date>)>,
    pub avvisat: bool,
    pub omprovat: Option<bool>,
    pub forfallit: bool,
    pub overlamnat: Option<Date>,
    pub dom: Option<(Date, DomUtfall)>,
}

impl Overklagande {
    /// The appeal still awaits the nämnd or the court.
    pub fn pagar(&self) -> bool {
        !self.avvisat && !self.forfallit && self.dom.is_none()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Verkstallighet {
    pub bestalld: Option<(Date, EnhetId)>,
    pub paborjad: Option<Date>,
    /// Interruptions: start and, once resumed, the day it resumed.
    pub avbrott: Vec<(Date, Option<Date>)>,
    pub avslutad: Option<Date>,
    /// The latest reason recorded for the delay (SoL 34 kap. 1 §: reported with the
    /// decision). It explains the delay; it does not end the duty to carry it out.
    pub verkstalls_ej: Option<(Date, String)>,
    /// The decision will never be carried out, for a reason that ends the duty
    /// (the person declined, moved away or died), and the day that happened.
    #[serde(default)]
    pub upphort: Option<(Date, Upphorandeorsak)>,
}

impl Verkstallighet {
    pub fn avbruten(&self) -> Option<Date> {
        self.avbrott
            .last()
            .and_then(|(fran, till)| till.is_none().then_some(*fran))
    }
    pub fn pagar(&self) -> bool {
        self.paborjad.is_some() && self.avslutad.is_none()
    }

    /// Still owed: not started, and not ended for a reason that ends the duty.
    pub fn vantar(&self) -> bool {
        self.paborjad.is_none() && self.upphort.is_none()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BeslutLage {
    pub beslut: Beslut,
    pub ersatt_av: Option<BeslutId>,
    pub skickat: Option<(Date, Utskickssatt, bool)>,
    /// The day the kontrollmeddelande of a förenklad delgivning was sent (DelgL 22 §).
    #[serde(default)]
    pub kontrollmeddelande: Option<Date>,
    /// Served: by a recorded delgivning, or by förenklad delgivning once the
    /// kontrollmeddelande is recorded (DelgL 24 §), never assumed.
    pub delgiven: Option<Date>,
    /// Days a service failed (returned mail, wrong address); the decision was sent again.
    #[serde(default)]
    pub misslyckade_delgivningar: Vec<Date>,
    pub overklagande: Option<Overklagande>,
    pub verkstallighet: Verkstallighet,
}

impl BeslutLage {
    pub fn id(&self) -> BeslutId {
        self.beslut.id
    }

    /// In force: not replaced after omprövning or sent back by the court.
    pub fn galler(&self) -> bool {
        self.ersatt_av.is_none()
            && !matches!(
                self.overklagande.as_ref().and_then(|o| o.dom),
                Some((_, DomUtfall::Aterforvisning))
            )
    }

    /// Grants an insats that must be carried out: by the nämnd's decision or by
    /// the court's judgment.
    pub fn beviljar(&self) -> bool {
        self.galler()
            && (self.beslut.utfall.beviljar()
                || matches!(
                    self.overklagande.as_ref().and_then(|o| o.dom),
                    Some((_, DomUtfall::Bifall))
                ))
    }

    /// The day the three months of SoL 34 kap. 1 § count from: the decision,
    /// or the judgment that granted what the nämnd refused.
    pub fn beviljat_datum(&self) -> Date {
        match self.overklagande.as_ref().and_then(|o| o.dom) {
            Some((datum, DomUtfall::Bifall)) if !self.beslut.utfall.beviljar() => datum,
            _ => self.beslut.datum,
        }
    }

    /// FL 44 §: the last day to appeal, once the decision is served.
    pub fn sista_dag_overklagande(&self) -> Option<Date> {
        self.delgiven.map(frister::sista_dag_overklagande)
    }

    /// Not sent to the person and not served: no appeal instructions have reached
    /// them and no appeal time runs (FL 33 §, FL 44 §).
    pub fn oskickat(&self) -> bool {
        self.skickat.is_none() && self.delgiven.is_none()
    }

    /// Sent with förenklad delgivning, and the kontrollmeddelande not yet recorded:
    /// the person is not served (DelgL 22–24 §§).
    pub fn vantar_kontrollmeddelande(&self) -> bool {
        matches!(self.skickat, Some((_, _, true))) && self.kontrollmeddelande.is_none()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Uppfoljning {
    pub beslut: Option<BeslutId>,
    pub datum: Date,
    pub maluppfyllelse: Maluppfyllelse,
    pub nasta: Option<Date>,
}

/// The utförare's plan for carrying out an ordered insats, made with the person
/// (seed 004 §2.8.1: built on the person's self-determination, made by the
/// utförare together with the person from the nämnd's order, with goals from the
/// person's needs; SOSFS 2014:5 on documenting how an insats is carried out).
/// The state holds the latest version per decision; every version stays in the
/// case's history as its own event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Genomforandeplan {
    pub beslut: BeslutId,
    /// 1 for the first plan, counting up with every revision.
    pub version: u32,
    pub datum: Date,
    /// The person's goals, in their own words.
    pub mal: String,
    /// How the insats is carried out: what is done, by whom, when.
    pub genomforande: String,
    /// How the person took part, and what they think of the plan.
    pub delaktighet: String,
    /// When the plan is followed up with the person.
    pub uppfoljning: Option<Date>,
}

/// The longest text of one field of a genomförandeplan: as long as a message.
pub const PLAN_MAX_TECKEN: usize = MEDDELANDE_MAX_TECKEN;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Arende {
    pub id: ArendeId,
    pub person: PersonId,
    pub enhet: EnhetId,
    pub handlaggare: Option<AnvandarId>,
    pub typ: AktualiseringsTyp,
    pub inkom: Date,
    pub ansokta: Vec<(InsatsTyp, Date)>,
    pub forhandsbedomning: Option<ForhandsbedomningsUtfall>,
    pub utredning_inledd: Option<Date>,
    pub utredning_avslutad: Option<Date>,
    pub kommuniceringar: Vec<Kommunicering>,
    pub beslut: Vec<BeslutLage>,
    pub uppfoljningar: Vec<Uppfoljning>,
    pub kvitterade: Vec<String>,
    pub journal: Vec<JournalId>,
    pub avslut: Option<(Date, Avslutsorsak)>,
    /// FL 12 §: the day the person asked for a decision, and the day the request was rejected.
    #[serde(default)]
    pub begaran_om_avgorande: Option<(Date, Option<Date>)>,
    /// The documents attached in the case, so an answer can only point at its own.
    #[serde(default)]
    pub dokument: Vec<DokumentId>,
    /// Applied insatser the person withdrew (återkallelse), with the day.
    #[serde(default)]
    pub aterkallade: Vec<(InsatsTyp, Date)>,
    /// DelgL 23 §: the day the person was first told förenklad delgivning may be used.
    #[serde(default)]
    pub forhandsinformerad: Option<Date>,
    /// FL 11 § notices of delay: the day told, and the new expected decision day.
    #[serde(default)]
    pub drojsmal: Vec<(Date, Date)>,
    /// Secure messages between the person and the handläggare, oldest first.
    #[serde(default)]
    pub meddelanden: Vec<Meddelande>,
    /// Requests for documents or information, oldest first.
    #[serde(default)]
    pub kompletteringar: Vec<Komplettering>,
    /// The person's requests for a meeting, oldest first.
    #[serde(default)]
    pub motesforfragningar: Vec<Motesforfragan>,
    /// The current genomförandeplan of each ordered insats, one per decision.
    #[serde(default)]
    pub genomforandeplaner: Vec<Genomforandeplan>,
}

impl Arende {
    /// Folds a case's history from its first event. `None` if the history does
    /// not start with an aktualisering.
    pub fn fran_handelser<'a>(
        id: ArendeId,
        handelser: impl IntoIterator<Item = &'a Handelse>,
    ) -> Option<Self> {
        let mut iter = handelser.into_iter();
        let mut arende = Self::skapa(id, iter.next()?)?;
        for h in iter {
            arende.tillampa(h);
        }
        Some(arende)
    }

    /// The state a case starts in from its first event.
    pub fn skapa(id: ArendeId, forsta: &Handelse) -> Option<Self> {
        let (typ, person, enhet, handlaggare, inkom, ansokta) = match forsta {
            Handelse::AnsokanRegistrerad {
                person,
                enhet,
                handlaggare,
                inkom,
                insatser,
                ..
            } => (
                AktualiseringsTyp::Ansokan,
                *person,
                *enhet,
                *handlaggare,
                *inkom,
                insatser.iter().map(|i| (*i, *inkom)).collect(),
            ),
            Handelse::AnmalanRegistrerad {
                person,
                enhet,
                handlaggare,
                inkom,
                ..
            } => (
                AktualiseringsTyp::Anmalan,
                *person,
                *enhet,
                *handlaggare,
                *inkom,
                vec![],
            ),
            Handelse::InformationRegistrerad {
                person,
                enhet,
                handlaggare,
                inkom,
                ..
            } => (
                AktualiseringsTyp::Information,
                *person,
                *enhet,
                *handlaggare,
                *inkom,
                vec![],
            ),
            _ => return None,
        };
        Some(Self {
            id,
            person,
            enhet,
            handlaggare,
            typ,
            inkom,
            ansokta,
            forhandsbedomning: None,
            utredning_inledd: None,
            utredning_avslutad: None,
            kommuniceringar: vec![],
            beslut: vec![],
            uppfoljningar: vec![],
            kvitterade: vec![],
            journal: vec![],
            avslut: None,
            begaran_om_avgorande: None,
            dokument: vec![],
            meddelanden: vec![],
            kompletteringar: vec![],
            motesforfragningar: vec![],
            genomforandeplaner: vec![],
            aterkallade: vec![],
            forhandsinformerad: None,
            drojsmal: vec![],
        })
    }

    pub fn beslut_lage(&self, id: BeslutId) -> Option<&BeslutLage> {
        self.beslut.iter().find(|b| b.id() == id)
    }

    fn beslut_mut(&mut self, id: BeslutId) -> Option<&mut BeslutLage> {
        self.beslut.iter_mut().find(|b| b.id() == id)
    }

    /// Applies one event. Events were checked by `handle` before they were
    /// stored, so an event that does not fit is a fact we keep, not an error.
    pub fn tillampa(&mut self, h: &Handelse) {
        match h {
            Handelse::AnsokanRegistrerad { .. }
            | Handelse::AnmalanRegistrerad { .. }
            | Handelse::InformationRegistrerad { .. }
            | Handelse::SynpunkterRegistrerade { .. }
            | Handelse::BrevSkapat { .. } => {}
            Handelse::DokumentBifogat { dokument, .. } => self.dokument.push(*dokument),
            Handelse::InsatsAnsokt { insats, datum, .. } => self.ansokta.push((*insats, *datum)),
            Handelse::Forhandsbedomd { utfall, .. } => self.forhandsbedomning = Some(*utfall),
            Handelse::UtredningInledd { datum } => self.utredning_inledd = Some(*datum),
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
            Handelse::BeslutFattat(beslut) => {
                let mut overklagande = None;
                if let Some(gammalt) = beslut.ersatter.and_then(|id| self.beslut_mut(id)) {
                    gammalt.ersatt_av = Some(beslut.id);
                    // FL 46 §: an appeal of a decision changed at omprövning covers the new one.
                    overklagande = gammalt.overklagande.take();
                }
                self.beslut.push(BeslutLage {
                    beslut: beslut.clone(),
                    ersatt_av: None,
                    skickat: None,
                    kontrollmeddelande: None,
                    delgiven: None,
                    misslyckade_delgivningar: vec![],
                    overklagande,
                    verkstallighet: Verkstallighet::default(),
                });
            }
            Handelse::BeslutSkickat {
                beslut,
                datum,
                satt,
                forenklad_delgivning,
            } => {
                if let Some(b) = self.beslut_mut(*beslut) {
                    // DelgL 24 §: under förenklad delgivning the person is served only
                    // once the kontrollmeddelande has been sent too; not yet.
                    b.skickat = Some((*datum, *satt, *forenklad_delgivning));
                }
            }
            Handelse::BeslutDelgivet { beslut, datum, .. } => {
                if let Some(b) = self.beslut_mut(*beslut) {
                    b.delgiven = Some(*datum);
                }
            }
            Handelse::KontrollmeddelandeSkickat { beslut, datum } => {
                if let Some(b) = self.beslut_mut(*beslut) {
                    b.kontrollmeddelande = Some(*datum);
                    if let Some((skickat, _, true)) = b.skickat {
                        // DelgL 24 §: served two weeks after sending, the
                        // kontrollmeddelande having been sent (handle checked its day).
                        b.delgiven = Some(frister::forenklad_delgivning(skickat).delgiven);
                    }
                }
            }
            Handelse::DelgivningMisslyckad { beslut, datum, .. } => {
                if let Some(b) = self.beslut_mut(*beslut) {
                    // Returned mail or a wrong address: nothing was served, and the
                    // decision must be sent again (the failed sending stays in the history).
                    b.skickat = None;
                    b.kontrollmeddelande = None;
                    b.delgiven = None;
                    b.misslyckade_delgivningar.push(*datum);
                }
            }
            Handelse::AnsokanAterkallad { insats, datum, .. } => {
                self.aterkallade.push((*insats, *datum))
            }
            Handelse::InformeradOmForenkladDelgivning { datum, .. } => {
                self.forhandsinformerad.get_or_insert(*datum);
            }
            Handelse::VerkstallighetUpphort {
                beslut,
                datum,
                orsak,
                ..
            } => {
                if let Some(b) = self.beslut_mut(*beslut) {
                    b.verkstallighet.upphort = Some((*datum, *orsak));
                }
            }
            Handelse::DrojsmalMeddelat {
                datum, nytt_datum, ..
            } => self.drojsmal.push((*datum, *nytt_datum)),
            Handelse::OverklagandeInkommit { beslut, inkom, .. } => {
                if let Some(b) = self.beslut_mut(*beslut) {
                    b.overklagande = Some(Overklagande {
                        inkom: Some(*inkom),
                        ..Default::default()
                    });
                }
                // An appeal may arrive after the case was closed; it opens it again.
                self.avslut = None;
            }
            Handelse::RattidsprovningGjord {
                beslut,
                i_tid,
                sista_dag,
                ..
            } => {
                if let Some(o) = self
                    .beslut_mut(*beslut)
                    .and_then(|b| b.overklagande.as_mut())
                {
                    o.rattidsprovning = Some((*i_tid, *sista_dag));
                }
            }
            Handelse::OverklagandeAvvisat { beslut, .. } => {
                if let Some(o) = self
                    .beslut_mut(*beslut)
                    .and_then(|b| b.overklagande.as_mut())
                {
                    o.avvisat = true;
                }
            }
            Handelse::Omprovat {
                eget_initiativ: true,
                ..
            } => {}
            Handelse::Omprovat { beslut, andrat, .. } => {
                if let Some(o) = self
                    .beslut_mut(*beslut)
                    .and_then(|b| b.overklagande.as_mut())
                {
                    o.omprovat = Some(*andrat);
                }
            }
            Handelse::OverklagandeForfallit { beslut, .. } => {
                if let Some(o) = self
                    .beslut_mut(*beslut)
                    .and_then(|b| b.overklagande.as_mut())
                {
                    o.forfallit = true;
                }
            }
            Handelse::OverlamnatTillForvaltningsratten { beslut, datum } => {
                if let Some(o) = self
                    .beslut_mut(*beslut)
                    .and_then(|b| b.overklagande.as_mut())
                {
                    o.overlamnat = Some(*datum);
                }
            }
            Handelse::DomMeddelad {
                beslut,
                datum,
                utfall,
                ..
            } => {
                if let Some(o) = self
                    .beslut_mut(*beslut)
                    .and_then(|b| b.overklagande.as_mut())
                {
                    o.dom = Some((*datum, *utfall));
                }
            }
            Handelse::Bestalld {
                beslut,
                utforare,
                datum,
                ..
            } => {
                if let Some(b) = self.beslut_mut(*beslut) {
                    b.verkstallighet.bestalld = Some((*datum, *utforare));
                }
            }
            Handelse::VerkstallighetPaborjad { beslut, datum } => {
                if let Some(b) = self.beslut_mut(*beslut) {
                    b.verkstallighet.paborjad = Some(*datum);
                }
            }
            Handelse::VerkstallighetAvbruten { beslut, datum, .. } => {
                if let Some(b) = self.beslut_mut(*beslut) {
                    b.verkstallighet.avbrott.push((*datum, None));
                }
            }
            Handelse::VerkstallighetAterupptagen { beslut, datum } => {
                if let Some(sista) = self
                    .beslut_mut(*beslut)
                    .and_then(|b| b.verkstallighet.avbrott.last_mut())
                {
                    sista.1 = Some(*datum);
                }
            }
            Handelse::VerkstallighetAvslutad { beslut, datum, .. } => {
                if let Some(b) = self.beslut_mut(*beslut) {
                    b.verkstallighet.avslutad = Some(*datum);
                }
            }
            Handelse::VerkstallsEj {
                beslut,
                datum,
                skal,
            } => {
                if let Some(b) = self.beslut_mut(*beslut) {
                    b.verkstallighet.verkstalls_ej = Some((*datum, skal.clone()));
                }
            }
            Handelse::Uppfoljd {
                beslut,
                datum,
                maluppfyllelse,
                nasta,
                ..
            } => self.uppfoljningar.push(Uppfoljning {
                beslut: *beslut,
                datum: *datum,
                maluppfyllelse: *maluppfyllelse,
                nasta: *nasta,
            }),
            Handelse::BevakningKvitterad { nyckel, .. } => self.kvitterade.push(nyckel.clone()),
            Handelse::HandlaggareTilldelad { handlaggare } => self.handlaggare = Some(*handlaggare),
            Handelse::JournalAntecknad { id, .. } => self.journal.push(*id),
            Handelse::JournalInvandning { .. } => {}
            Handelse::ArendeAvslutat { datum, orsak, .. } => self.avslut = Some((*datum, *orsak)),
            Handelse::DatumRattat {
                beslut, vad, datum, ..
            } => {
                if let Some(b) = self.beslut_mut(*beslut) {
                    match vad {
                        RattatDatum::Skickat => {
                            if let Some(s) = b.skickat.as_mut() {
                                s.0 = *datum;
                                if s.2 && b.kontrollmeddelande.is_some() {
                                    // DelgL 24 §: the served day follows the sending day.
                                    b.delgiven =
                                        Some(frister::forenklad_delgivning(*datum).delgiven);
                                }
                            }
                        }
                        RattatDatum::Delgiven => b.delgiven = Some(*datum),
                        RattatDatum::VerkstallighetPaborjad => {
                            b.verkstallighet.paborjad = Some(*datum)
                        }
                    }
                }
            }
            Handelse::BegaranOmAvgorande { datum } => {
                self.begaran_om_avgorande = Some((*datum, None))
            }
            Handelse::BegaranOmAvgorandeAvslagen { datum, .. } => {
                if let Some(b) = self.begaran_om_avgorande.as_mut() {
                    b.1 = Some(*datum);
                }
            }
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
            }),
            Handelse::GenomforandeplanUpprattad {
                beslut,
                datum,
                mal,
                genomforande,
                delaktighet,
                uppfoljning,
            } => {
                let version = self.genomforandeplan(*beslut).map_or(1, |p| p.version + 1);
                let plan = Genomforandeplan {
                    beslut: *beslut,
                    version,
                    datum: *datum,
                    mal: mal.clone(),
                    genomforande: genomforande.clone(),
                    delaktighet: delaktighet.clone(),
                    uppfoljning: *uppfoljning,
                };
                // A new version replaces the plan; the earlier ones stay in the history.
                match self
                    .genomforandeplaner
                    .iter_mut()
                    .find(|p| p.beslut == *beslut)
                {
                    Some(p) => *p = plan,
                    None => self.genomforandeplaner.push(plan),
                }
            }
        }
    }

    /// The current genomförandeplan of an ordered insats, if one has been made.
    pub fn genomforandeplan(&self, beslut: BeslutId) -> Option<&Genomforandeplan> {
        self.genomforandeplaner.iter().find(|p| p.beslut == beslut)
    }

    /// Follow-ups agreed in a genomförandeplan and not yet made: (decision, day).
    /// Made means a follow-up of that insats (or of the whole case) after the plan
    /// was written, or on or after the agreed day. An insats that has ended, or
    /// is not carried out, has no plan to follow (its own follow-up at the end is
    /// `uppfoljningar_som_saknas`).
    pub fn planerade_uppfoljningar(&self) -> Vec<(BeslutId, Date)> {
        self.gallande_beslut()
            .filter(|b| {
                let v = &b.verkstallighet;
                v.avslutad.is_none() && v.upphort.is_none()
            })
            .filter_map(|b| {
                let plan = self.genomforandeplan(b.id())?;
                let nar = plan.uppfoljning?;
                let gjord = self.uppfoljningar.iter().any(|u| {
                    u.beslut.is_none_or(|x| x == b.id()) && (u.datum > plan.datum || u.datum >= nar)
                });
                (!gjord).then_some((b.id(), nar))
            })
            .collect()
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

    /// The `n`th request for a meeting has been booked: the handläggare kvitterade its bevakning.
    pub fn mote_bokat(&self, n: usize) -> bool {
        self.motesforfragningar.get(n).is_some_and(|m| {
            self.kvitterade
                .contains(&bevakning::mote_nyckel(n, m.datum))
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

    /// Kommuniceringar that still wait for the person's reply: not answered, and
    /// no decision taken since (FL 25 §: the reply matters until the decision).
    pub fn vantande_kommuniceringar(&self) -> impl Iterator<Item = &Kommunicering> {
        self.kommuniceringar
            .iter()
            .filter(|k| k.svar.is_none() && !self.beslut.iter().any(|b| b.beslut.datum >= k.datum))
    }

    pub fn ar_avslutat(&self) -> bool {
        self.avslut.is_some()
    }

    pub fn status(&self) -> Status {
        if self.avslut.is_some() {
            return Status::Avslutat;
        }
        if self.typ != AktualiseringsTyp::Ansokan && self.forhandsbedomning.is_none() {
            return Status::Forhandsbedomning;
        }
        if self
            .beslut
            .iter()
            .any(|b| b.galler() && b.verkstallighet.pagar())
        {
            return Status::Verkstalls;
        }
        if !self.obeslutade_insatser().is_empty() {
            return match (self.utredning_inledd, self.utredning_avslutad) {
                (None, _) => Status::Aktualiserad,
                (Some(_), None) => Status::Utredning,
                (Some(_), Some(_)) => Status::BeslutVantar,
            };
        }
        if self.beslut.is_empty() {
            return if self.utredning_inledd.is_some() && self.utredning_avslutad.is_none() {
                Status::Utredning
            } else {
                Status::Aktualiserad
            };
        }
        Status::Beslutad
    }

    /// Applied insatser that have no decision in force and were not withdrawn:
    /// "one decision per applied insats". A decision sent back by the court needs
    /// a new one.
    pub fn obeslutade_insatser(&self) -> Vec<InsatsTyp> {
        let mut kvar: Vec<InsatsTyp> = vec![];
        for (insats, _) in &self.ansokta {
            let beslutade = self
                .beslut
                .iter()
                .filter(|b| b.galler() && b.beslut.insats == *insats)
                .count();
            let aterkallade = self.aterkallade.iter().filter(|(i, _)| i == insats).count();
            let ansokta = self.ansokta.iter().filter(|(i, _)| i == insats).count();
            let redan = kvar.iter().filter(|i| *i == insats).count();
            if beslutade + aterkallade + redan < ansokta {
                kvar.push(*insats);
            }
        }
        kvar
    }

    /// The decisions in force, newest last.
    pub fn gallande_beslut(&self) -> impl Iterator<Item = &BeslutLage> {
        self.beslut.iter().filter(|b| b.galler())
    }

    /// Why the case cannot be closed now, if it cannot (DOMAIN.md, The process:
    /// never closed while a follow-up is owed or a decision is unenforced without
    /// a recorded reason).
    pub fn hinder_for_avslut(&self) -> Vec<String> {
        let mut hinder = vec![];
        // An application is a right to a decision: every applied insats ends in a
        // decision or in the person's own withdrawal (FL 12 §, SoL 11 kap. 1 §).
        for insats in self.obeslutade_insatser() {
            hinder.push(format!(
                "Ansökan om {} är inte avgjord. Fatta beslut, eller registrera att den enskilde har återkallat ansökan.",
                insats.namn()
            ));
        }
        for b in self.gallande_beslut() {
            let namn = b.beslut.insats.namn();
            if b.oskickat() {
                hinder.push(format!(
                    "Beslutet om {namn} är inte skickat till den enskilde (FL 33 §). Utan det börjar ingen överklagandetid."
                ));
            }
            if b.vantar_kontrollmeddelande() {
                hinder.push(format!(
                    "Kontrollmeddelandet för beslutet om {namn} är inte registrerat som skickat (DelgL 22 §)."
                ));
            }
            // SoL 34 kap. 1–2 §§: a reason for the delay does not end the duty to carry
            // the decision out; only doing so, or a reason that ends it, does.
            if b.beviljar() && b.verkstallighet.vantar() {
                hinder.push(format!(
                    "Beslutet om {namn} är inte verkställt. Registrera att insatsen har börjat, eller att den inte ska verkställas (den enskilde har tackat nej, flyttat eller avlidit) (SoL 34 kap. 1 §)."
                ));
            }
            if b.verkstallighet.pagar() {
                hinder.push(format!(
                    "Insatsen {namn} pågår. Avsluta verkställigheten först."
                ));
            }
            if b.overklagande.as_ref().is_some_and(|o| o.pagar()) {
                hinder.push(format!(
                    "Överklagandet av beslutet om {namn} är inte avgjort."
                ));
            }
        }
        if self.uppfoljning_skuld() {
            hinder.push("En uppföljning återstår (seed 004: varje insats följs upp, även när den avslutas).".into());
        }
        if self.utredning_inledd.is_some()
            && self.utredning_avslutad.is_none()
            && !self.beslut.is_empty()
        {
            hinder.push("Utredningen är inte avslutad.".into());
        }
        hinder
    }

    /// A follow-up is owed when the latest one booked another, or when an insats
    /// has been carried out and not been followed up since it started.
    pub fn uppfoljning_skuld(&self) -> bool {
        if self.uppfoljningar.last().is_some_and(|u| u.nasta.is_some()) {
            return true;
        }
        !self.uppfoljningar_som_saknas().is_empty()
    }

    /// The next follow-up owed for each insats (seed 004 §2.9: every third month
    /// while it runs, and when it ends): (decision, day). A follow-up counts for an
    /// insats when it names that decision or the whole case. While the insats runs,
    /// the next is the day the latest follow-up booked or, if it booked none, three
    /// months after it: a follow-up without a next day does not end the duty.
    pub fn nasta_uppfoljningar(&self) -> Vec<(BeslutId, Date)> {
        self.gallande_beslut()
            .filter(|b| b.verkstallighet.upphort.is_none())
            .filter_map(|b| {
                let v = &b.verkstallighet;
                let start = v.paborjad?;
                let galler =
                    |u: &&Uppfoljning| u.beslut.is_none_or(|x| x == b.id()) && u.datum >= start;
                let senaste = self.uppfoljningar.iter().rev().find(galler);
                match v.avslutad {
                    // Ended: followed up at the end, once.
                    Some(slut) => senaste
                        .is_none_or(|u| u.datum < slut)
                        .then_some((b.id(), slut)),
                    None => Some((
                        b.id(),
                        match senaste {
                            Some(u) => u.nasta.unwrap_or_else(|| frister::plus_manader(u.datum, 3)),
                            None => frister::plus_manader(start, 3),
                        },
                    )),
                }
            })
            .collect()
    }

    /// Insatser that started, or ended, without a follow-up since (seed 004 §2.9:
    /// followed up during the insats and when it ends): (decision, day it is owed from).
    pub fn uppfoljningar_som_saknas(&self) -> Vec<(BeslutId, Date)> {
        self.gallande_beslut()
            .filter_map(|b| {
                let v = &b.verkstallighet;
                let fran = v.avslutad.or(v.paborjad)?;
                let gjord = self.uppfoljningar.iter().any(|u| u.datum >= fran);
                (!gjord).then_some((b.id(), fran))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests;
