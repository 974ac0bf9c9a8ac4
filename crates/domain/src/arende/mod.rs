//! The ärende: its state, folded from its events, and the rules of the process
//! (DOMAIN.md, "The process"; Socialstyrelsen's national information structure).
//!
//! The rules are organised by the phases of a case, one module each:
//! `aktualisering`, `utredning`, `beslut` (beslut and delgivning),
//! `overklagande` (överklagande and omprövning), `verkstallighet`,
//! `uppfoljning`, `journal`, `dialog` and `avslut`. Each owns its steps' `kan`
//! and `handle` rules, the fold of the events they produce, and its tests.
//! `kommando` holds the steps and routes `kan` and `handle` to the phases;
//! this module holds the state and routes each event to its phase's fold.

mod aktualisering;
mod avslut;
mod beslut;
mod bevakning;
pub mod brev;
mod dialog;
mod handelse;
mod journal;
mod kommando;
mod overklagande;
pub mod partsinsyn;
pub mod rimlighet;
mod uppfoljning;
mod utredning;
mod verkstallighet;

#[cfg(test)]
pub(crate) mod testfall;
#[cfg(test)]
mod tests;

pub use aktualisering::{
    AktualiseringsTyp, AterkallelseUppgifter, MojligDubblett, mojlig_dubblett,
};
pub use beslut::{BeslutLage, MisslyckadDelgivningUppgifter, rattbara};
pub use bevakning::{Atgard, Bevakning, BevakningsTyp, bevakningar};
pub use brev::{Brev, brev_for_steg};
pub use dialog::{
    Avsandare, HANDLAGGARBYTE_SVARSTID, Handlaggarbyte, HandlaggarbyteSvar, Handlingstyp,
    Komplettering, KompletteringSvar, MEDDELANDE_MAX_TECKEN, MEDDELANDE_SVARSTID, Meddelande,
    Motesbokning, Motesforfragan, Motestyp, handlaggarbyte_svar_senast, svar_senast,
};
pub use handelse::*;
pub use kommando::{
    Avvisning, Faktafel, Fas, Kommando, KommandoTyp, Kontext, handle, kan, kandidater,
};
pub use overklagande::{Andring, NyttBeslut, Overklagande, andring};
pub use uppfoljning::Uppfoljning;
pub use utredning::{DrojsmalUppgifter, ForslagTillBeslut, Kommunicering, kan_begara_avgorande};
pub use verkstallighet::{Genomforandeplan, PLAN_MAX_TECKEN, UpphorandeUppgifter, Verkstallighet};

use serde::{Deserialize, Serialize};
use time::Date;

use crate::forsorjningsstod::berakning::{Manadsansokan, SparadBerakning, Underlag};
use crate::forsorjningsstod::fordjupad::{Foljd, FordjupadVal};
use crate::forsorjningsstod::hinder::Forsorjningshinder;
use crate::forsorjningsstod::riksnorm::Riksnorm;
use crate::forsorjningsstod::utbetalning::{Konto, Mottagare, Utbetalning};
use crate::forsorjningsstod::{Kronor, Manad};
use crate::frister;
use crate::ids::*;
use crate::insats::InsatsTyp;

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
    /// The day the person was told to expect a decision when the utredning started.
    #[serde(default)]
    pub beslut_vantas: Option<Date>,
    /// Secure messages between the person and the handläggare, oldest first.
    #[serde(default)]
    pub meddelanden: Vec<Meddelande>,
    /// Requests for documents or information, oldest first.
    #[serde(default)]
    pub kompletteringar: Vec<Komplettering>,
    /// The person's requests for a meeting, oldest first.
    #[serde(default)]
    pub motesforfragningar: Vec<Motesforfragan>,
    /// The person's requests for another handläggare, oldest first, each with its answer.
    #[serde(default)]
    pub handlaggarbyten: Vec<Handlaggarbyte>,
    /// The current genomförandeplan of each ordered insats, one per decision.
    #[serde(default)]
    pub genomforandeplaner: Vec<Genomforandeplan>,
    /// Försörjningsstöd calculated in the case: each month once (the latest
    /// calculation), with the amount to be paid, oldest month first.
    #[serde(default)]
    pub forsorjningsstod: Vec<(Manad, Kronor)>,
    /// The calculation of the newest month, so the next month's form starts from it
    /// ("same as last month?") and the decision is written from it.
    #[serde(default)]
    pub senaste_forsorjningsstod: Option<Box<SparadBerakning>>,
    /// Each calculated month's household (the latest calculation of the month), oldest
    /// first: read to show how the household changed (`forsorjningsstod::hushall`).
    #[serde(default)]
    pub hushall: Vec<(Manad, crate::forsorjningsstod::riksnorm::NormHushall)>,
    /// Payments of försörjningsstöd, in the order planned.
    #[serde(default)]
    pub utbetalningar: Vec<Utbetalning>,
    /// The person's monthly applications, the newest for each month, oldest month first.
    #[serde(default)]
    pub manadsansokningar: Vec<Manadsansokan>,
    /// The medsökandes' word on joint applications, the newest per month, oldest month first.
    #[serde(default)]
    pub bekraftelser: Vec<crate::forsorjningsstod::berakning::Bekraftelse>,
    /// Each calculated month's försörjningshinder per adult, the applicant first, oldest
    /// month first: what is reported to Socialstyrelsen and how it changed over time.
    #[serde(default)]
    pub forsorjningshinder: Vec<(Manad, Vec<Forsorjningshinder>)>,
    /// The choices about a deepened investigation, one per run of aid: made in this case,
    /// or in another of the person's cases for the same run.
    #[serde(default)]
    pub fordjupad: Vec<FordjupadVal>,
    /// The days a screening for violence in a close relationship was positive: each asks for
    /// a risk assessment and protection, confirmed by kvittering when done.
    #[serde(default)]
    pub skyddsrutiner: Vec<Date>,
    /// The grundutredning's life areas as last written, in the areas' order.
    #[serde(default)]
    pub utredningsavsnitt: Vec<crate::livsomrade::Avsnitt>,
    /// The grundutredning's assessment: the day and the text.
    #[serde(default)]
    pub utredningsbedomning: Option<(Date, String)>,
    /// The förslag till beslut written with the newest assessment, if any.
    #[serde(default)]
    pub forslag_till_beslut: Option<ForslagTillBeslut>,
    /// The plan toward self-sufficiency: its versions, the person's answers, the follow-ups.
    #[serde(default)]
    pub planering: crate::forsorjningsstod::plan::Planering,
    /// The end of aid, with its reason: cleared when a later month is calculated again.
    #[serde(default)]
    pub bistand_avslutat: Option<(Date, crate::forsorjningsstod::plan::Slutorsak)>,
}

impl Arende {
    /// The month applied for that is not yet calculated, oldest first: what the
    /// handläggare's next calculation starts from.
    /// The months with försörjningsstöd that jobbstimulans counts (SoL 12 kap. 8 §): the
    /// months this case calculated with aid, those paid in the person's other cases
    /// (`andra`), and those recorded from another kommun with the month's calculation.
    pub fn manader_med_stod(
        &self,
        andra: impl IntoIterator<Item = Manad>,
        annan_kommun: &[Manad],
    ) -> std::collections::BTreeSet<Manad> {
        self.forsorjningsstod
            .iter()
            .filter(|(_, belopp)| *belopp > 0)
            .map(|(m, _)| *m)
            .chain(andra)
            .chain(annan_kommun.iter().copied())
            .collect()
    }

    /// The run of aid the newest calculated month ends, when it has reached six months and
    /// no choice about a deepened investigation answers it yet.
    pub fn fordjupad_vantar(&self) -> Option<Foljd> {
        let foljd = self.senaste_forsorjningsstod.as_ref()?.berakning.foljd?;
        (foljd.kraver_val() && !self.fordjupad.iter().any(|v| v.fran == foljd.fran))
            .then_some(foljd)
    }

    /// How the household changed, month by month: each calculated month compared with
    /// the one calculated before it (issue 15, item 1).
    pub fn hushallsandringar(
        &self,
    ) -> Vec<(
        Manad,
        Vec<crate::forsorjningsstod::hushall::Hushallsandring>,
    )> {
        crate::forsorjningsstod::hushall::historik(&self.hushall)
    }

    /// What changed in the household in month `m` since the month calculated before it.
    pub fn hushallsandring(
        &self,
        m: Manad,
    ) -> Vec<crate::forsorjningsstod::hushall::Hushallsandring> {
        self.hushallsandringar()
            .into_iter()
            .find(|(x, _)| *x == m)
            .map(|(_, a)| a)
            .unwrap_or_default()
    }

    /// Where the medsökande's confirmation of the joint application for `manad` stands;
    /// None when that month's application is not joint.
    pub fn gemensam_status(
        &self,
        manad: Manad,
    ) -> Option<crate::forsorjningsstod::berakning::GemensamStatus<'_>> {
        use crate::forsorjningsstod::berakning::GemensamStatus as G;
        let ansokan = self.manadsansokningar.iter().find(|a| a.manad == manad)?;
        let medsokande = ansokan.medsokande.as_ref()?;
        if ansokan.bada_undertecknat {
            return Some(G::Undertecknad);
        }
        // A confirmation counts for the application as it was when confirmed: one sent again
        // after it asks again.
        Some(
            match self.bekraftelser.iter().find(|b| {
                b.manad == manad && &b.medsokande == medsokande && b.datum >= ansokan.datum
            }) {
                Some(b) if b.stammer => G::Bekraftad(b),
                Some(b) => G::Invand(b),
                None => G::Vantar,
            },
        )
    }

    pub fn vantande_manadsansokan(&self) -> Option<&Manadsansokan> {
        self.manadsansokningar
            .iter()
            .find(|a| !self.forsorjningsstod.iter().any(|(m, _)| *m == a.manad))
    }
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

    pub fn beslut_lage(&self, id: BeslutId) -> Option<&BeslutLage> {
        self.beslut.iter().find(|b| b.id() == id)
    }

    fn beslut_mut(&mut self, id: BeslutId) -> Option<&mut BeslutLage> {
        self.beslut.iter_mut().find(|b| b.id() == id)
    }

    /// Applies one event. Events were checked by `handle` before they were
    /// stored, so an event that does not fit is a fact we keep, not an error.
    /// Each event is folded by the phase that produces it.
    pub fn tillampa(&mut self, h: &Handelse) {
        use Handelse as H;
        match h {
            H::AnsokanRegistrerad { .. }
            | H::AnmalanRegistrerad { .. }
            | H::InformationRegistrerad { .. }
            | H::InsatsAnsokt { .. }
            | H::Forhandsbedomd { .. }
            | H::AnsokanAterkallad { .. }
            | H::HandlaggareTilldelad { .. } => self.tillampa_aktualisering(h),
            H::UtredningInledd { .. }
            | H::SynpunkterRegistrerade { .. }
            | H::UtredningAvslutad { .. }
            | H::Kommunicerad { .. }
            | H::KommuniceringBesvarad { .. }
            | H::DrojsmalMeddelat { .. }
            | H::ForsorjningsstodBeraknat { .. }
            | H::ManadsansokanInlamnad(_)
            | H::GemensamAnsokanBekraftad(_)
            | H::FordjupadUtredningVald(_)
            | H::InstrumentRegistrerat { .. }
            | H::UtredningsavsnittSkrivet(_)
            | H::GrundutredningBedomd { .. }
            | H::BegaranOmAvgorande { .. }
            | H::BegaranOmAvgorandeAvslagen { .. } => self.tillampa_utredning(h),
            H::BeslutFattat(_)
            | H::BeslutSkickat { .. }
            | H::BeslutDelgivet { .. }
            | H::KontrollmeddelandeSkickat { .. }
            | H::DelgivningMisslyckad { .. }
            | H::InformeradOmForenkladDelgivning { .. }
            | H::DatumRattat { .. } => self.tillampa_beslut(h),
            H::OverklagandeInkommit { .. }
            | H::RattidsprovningGjord { .. }
            | H::OverklagandeAvvisat { .. }
            | H::Omprovat { .. }
            | H::OverklagandeForfallit { .. }
            | H::OverlamnatTillForvaltningsratten { .. }
            | H::DomMeddelad { .. } => self.tillampa_overklagande(h),
            H::Bestalld { .. }
            | H::VerkstallighetPaborjad { .. }
            | H::VerkstallighetAvbruten { .. }
            | H::VerkstallighetAterupptagen { .. }
            | H::VerkstallighetAvslutad { .. }
            | H::VerkstallsEj { .. }
            | H::VerkstallighetUpphort { .. }
            | H::GenomforandeplanUpprattad { .. }
            | H::UtbetalningPlanerad(_)
            | H::UtbetalningAttesterad { .. }
            | H::UtbetalningSkickad { .. }
            | H::UtbetalningMakulerad { .. } => self.tillampa_verkstallighet(h),
            H::Uppfoljd { .. }
            | H::BevakningKvitterad { .. }
            | H::PlanSkriven(_)
            | H::PlanBesvarad { .. }
            | H::PlanUppfoljd(_)
            | H::ForsorjningsstodAvslutat { .. } => self.tillampa_uppfoljning(h),
            H::DokumentBifogat { .. }
            | H::JournalAntecknad { .. }
            | H::JournalInvandning { .. }
            | H::BrevSkapat { .. } => self.tillampa_journal(h),
            H::MeddelandeSkickat { .. }
            | H::KompletteringBegard { .. }
            | H::KompletteringLamnad { .. }
            | H::KompletteringGodtagen { .. }
            | H::MoteBegart { .. }
            | H::MoteBokat { .. }
            | H::HandlaggarbyteBegart { .. }
            | H::HandlaggarbyteBesvarat { .. } => self.tillampa_dialog(h),
            H::ArendeAvslutat { .. } => self.tillampa_avslut(h),
        }
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
}
