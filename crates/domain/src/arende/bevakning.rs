//! Bevakningar: the deadlines a case's events create, derived by rule so that
//! the store can project them into a table ("what is due this week" is one query).

use serde::{Deserialize, Serialize};
use time::Date;

use super::{Arende, KommandoTyp, handlaggarbyte_svar_senast, kan, kandidater, svar_senast};
use crate::frister;
use crate::ids::BeslutId;
use crate::insats::InsatsTyp;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Hash, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum BevakningsTyp {
    /// The reply deadline of a kommunicering (FL 25 §).
    SvarKommunicering,
    /// The last day to appeal (FL 44 §).
    Overklagandetid,
    /// Three months to enforcement, or to resumption after an interruption (SoL 34 kap. 1 §).
    Verkstallighet,
    /// The next follow-up (seed 004: every third month).
    Uppfoljning,
    /// Four weeks to decide, or reject, a begäran om avgörande (FL 12 §).
    BegaranOmAvgorande,
    /// A message from the person waits for an answer (the unit's promised answer time).
    ObesvaratMeddelande,
    /// The last day to hand in a requested komplettering, while nothing has come.
    KompletteringSenast,
    /// A komplettering has been handed in and waits for the handläggare to look at it.
    KompletteringAttGranska,
    /// The person asked for a meeting; confirmed by kvittering once it is booked.
    MoteBegart,
    /// A decision not yet sent to the person (FL 33 §): from the day it is made.
    BeslutOskickat,
    /// The person asked for another handläggare: the enhet's arbetsledare answers in
    /// writing within `HANDLAGGARBYTE_SVARSTID` working days (issue 19 item 5).
    Handlaggarbyte,
    /// The kontrollmeddelande of a förenklad delgivning, by the first working day
    /// after sending (DelgL 22 §).
    Kontrollmeddelande,
    /// An appeal came in: try whether it came in time (FL 45 §).
    Rattidsprovning,
    /// An appeal came in on time: consider changing the decision (FL 38–39 §§).
    Omprovning,
    /// An appeal to forward to förvaltningsrätten without delay (FL 46 §).
    Overlamnande,
    /// The decision on an application is delayed: tell the person why and when it
    /// will come (FL 11 §).
    Drojsmal,
    /// A placement in heldygnsvård has lasted three months: follow up whether the
    /// need remains (seed 004 §4.2).
    Placeringstid,
    /// A träningslägenhet reaches four years, its longest time (seed 004 §4.2.5).
    Traningslagenhet,
    /// A planned payment of försörjningsstöd is to go out by its day: late money
    /// means unpaid rent (seed 003).
    Utbetalning,
    /// The person applied for a month that is not yet calculated.
    Manadsansokan,
    /// Six months in a row with försörjningsstöd: choose whether to deepen the
    /// investigation (Socialstyrelsen, *Att utreda behov av försörjningsstöd*).
    FordjupadUtredning,
    /// A positive screening for violence in a close relationship: assess the risk and offer
    /// protection (SoL 5 kap. 11 §; SOSFS 2014:4 5 kap. 1 §). Confirmed by kvittering.
    Skyddsbedomning,
    /// The plan toward self-sufficiency is due for its follow-up (seed 001: the plan says
    /// when it is followed up).
    PlanUppfoljning,
}

impl BevakningsTyp {
    pub const ALLA: [Self; 23] = [
        Self::SvarKommunicering,
        Self::Overklagandetid,
        Self::Verkstallighet,
        Self::Uppfoljning,
        Self::BegaranOmAvgorande,
        Self::ObesvaratMeddelande,
        Self::KompletteringSenast,
        Self::KompletteringAttGranska,
        Self::MoteBegart,
        Self::BeslutOskickat,
        Self::Kontrollmeddelande,
        Self::Rattidsprovning,
        Self::Omprovning,
        Self::Overlamnande,
        Self::Drojsmal,
        Self::Placeringstid,
        Self::Traningslagenhet,
        Self::Utbetalning,
        Self::Manadsansokan,
        Self::FordjupadUtredning,
        Self::Skyddsbedomning,
        Self::PlanUppfoljning,
        Self::Handlaggarbyte,
    ];

    pub fn kod(self) -> &'static str {
        match self {
            Self::SvarKommunicering => "svar_kommunicering",
            Self::Overklagandetid => "overklagandetid",
            Self::Verkstallighet => "verkstallighet",
            Self::Uppfoljning => "uppfoljning",
            Self::BegaranOmAvgorande => "begaran_om_avgorande",
            Self::ObesvaratMeddelande => "obesvarat_meddelande",
            Self::KompletteringSenast => "komplettering_senast",
            Self::KompletteringAttGranska => "komplettering_att_granska",
            Self::MoteBegart => "mote_begart",
            Self::BeslutOskickat => "beslut_oskickat",
            Self::Kontrollmeddelande => "kontrollmeddelande",
            Self::Rattidsprovning => "rattidsprovning",
            Self::Omprovning => "omprovning",
            Self::Overlamnande => "overlamnande",
            Self::Drojsmal => "drojsmal",
            Self::Placeringstid => "placeringstid",
            Self::Traningslagenhet => "traningslagenhet",
            Self::Utbetalning => "utbetalning",
            Self::Manadsansokan => "manadsansokan",
            Self::FordjupadUtredning => "fordjupad_utredning",
            Self::Skyddsbedomning => "skyddsbedomning",
            Self::PlanUppfoljning => "plan_uppfoljning",
            Self::Handlaggarbyte => "handlaggarbyte",
        }
    }

    pub fn fran_kod(k: &str) -> Option<Self> {
        Self::ALLA.into_iter().find(|t| t.kod() == k)
    }

    pub fn namn(self) -> &'static str {
        match self {
            Self::SvarKommunicering => "Svar på kommunicering",
            Self::Overklagandetid => "Överklagandetiden går ut",
            Self::Verkstallighet => "Tre månader till verkställighet",
            Self::Uppfoljning => "Uppföljning",
            Self::BegaranOmAvgorande => "Begäran om avgörande ska besvaras",
            Self::ObesvaratMeddelande => "Meddelande från den enskilde att besvara",
            Self::KompletteringSenast => "Sista dag för begärd komplettering",
            Self::KompletteringAttGranska => "Inlämnad komplettering att granska",
            Self::MoteBegart => "Den enskilde vill boka ett möte",
            Self::BeslutOskickat => "Beslutet är inte skickat till den enskilde",
            Self::Kontrollmeddelande => "Kontrollmeddelande ska skickas",
            Self::Rattidsprovning => "Pröva om överklagandet kom in i tid",
            Self::Omprovning => "Ompröva det överklagade beslutet",
            Self::Overlamnande => "Överlämna överklagandet till förvaltningsrätten",
            Self::Drojsmal => "Beslutet dröjer: meddela den enskilde",
            Self::Placeringstid => "Placeringen har pågått tre månader: följ upp behovet",
            Self::Traningslagenhet => "Träningslägenheten når fyra år",
            Self::Utbetalning => "Utbetalning av försörjningsstöd ska skickas",
            Self::Manadsansokan => "Månadsansökan om försörjningsstöd att beräkna",
            Self::FordjupadUtredning => {
                "Försörjningsstöd sex månader i följd: ta ställning till fördjupad utredning"
            }
            Self::Skyddsbedomning => {
                "Våld i nära relation: gör en riskbedömning och erbjud skydd och stöd"
            }
            Self::PlanUppfoljning => "Planen mot egen försörjning ska följas upp",
            Self::Handlaggarbyte => "Den enskilde vill ha en annan handläggare: besvara begäran",
        }
    }

    /// The bevakning is the enhet's arbetsledare's, not the case's handläggare's: the
    /// request for another handläggare is about the handläggare, who must neither
    /// answer it nor be the one reminded of it (issue 19 item 5). It is not confirmed
    /// by kvittering either (`kan_kvitteras`), so nobody can make it go away unanswered.
    pub fn for_arbetsledare(self) -> bool {
        self == Self::Handlaggarbyte
    }

    /// The end of the appeal period needs someone to confirm they saw it, and a
    /// requested meeting is booked outside Lots, so the handläggare confirms it;
    /// the others end by themselves when what they wait for is registered.
    /// The reviews of a placement's length are judgements made outside a step, so
    /// they are confirmed by kvittering too.
    pub fn kan_kvitteras(self) -> bool {
        matches!(
            self,
            Self::Overklagandetid
                | Self::MoteBegart
                | Self::Placeringstid
                | Self::Traningslagenhet
                | Self::Skyddsbedomning
        )
    }
}

impl BevakningsTyp {
    /// The step that clears a bevakning of this kind, so the case page and the lists can
    /// link to it (issue 20: a bevakning links to the step that clears it). `None` when
    /// the case waits for the person and no step of the staff's ends the wait. When the
    /// step is not open yet, `Bevakning::atgard` says which to take first.
    pub fn steg(self) -> Option<KommandoTyp> {
        use KommandoTyp as T;
        Some(match self {
            // FL 25 §: the deadline is for the person's answer; registering it ends the wait.
            Self::SvarKommunicering => T::RegistreraSvar,
            // The meeting is booked with its day, time and place for the person to see
            // (a meeting arranged outside Lots can still be confirmed by kvittering).
            Self::MoteBegart => T::BokaMote,
            // Confirmed by kvittering (`kan_kvitteras`): the end of the appeal period is
            // seen, a placement's length and a risk assessment are judged outside a step.
            Self::Overklagandetid
            | Self::Placeringstid
            | Self::Traningslagenhet
            | Self::Skyddsbedomning => T::KvitteraBevakning,
            // SoL 34 kap. 1 §: the decision is carried out once the insats has begun.
            Self::Verkstallighet => T::StartaVerkstallighet,
            // seed 004 §2.9: a registered follow-up moves the next one on.
            Self::Uppfoljning => T::RegistreraUppfoljning,
            // FL 12 §: the case is decided within four weeks, or the request is rejected
            // in a decision of its own (`atgard` when a decision cannot be made yet).
            Self::BegaranOmAvgorande => T::FattaBeslut,
            // The unit's promised answer time: an answer to the person ends the wait.
            Self::ObesvaratMeddelande => T::SkickaMeddelande,
            // The person hands the komplettering in (on Mina sidor, or on paper, which the
            // staff then register under the dialogue's steps); nothing the staff do ends
            // the person's time.
            Self::KompletteringSenast => return None,
            // What was handed in is looked at and accepted.
            Self::KompletteringAttGranska => T::GodtaKomplettering,
            // FL 33 §: the decision is sent to the person.
            Self::BeslutOskickat => T::SkickaBeslut,
            // Only a written answer ends it (issue 19 item 5).
            Self::Handlaggarbyte => T::BesvaraHandlaggarbyte,
            // DelgL 22 §: the kontrollmeddelande is sent.
            Self::Kontrollmeddelande => T::RegistreraKontrollmeddelande,
            // FL 45 §: the nämnd tries whether the appeal came in time.
            Self::Rattidsprovning => T::ProvaRattidighet,
            // FL 38–39 §§: the decision is considered for change.
            Self::Omprovning => T::Omprova,
            // FL 46 §: the appeal is forwarded to förvaltningsrätten.
            Self::Overlamnande => T::Overlamna,
            // FL 11 §: the person is told why the decision is delayed and when it comes.
            Self::Drojsmal => T::MeddelaDrojsmal,
            // seed 003: the payment is sent (after its attest, see `atgard`).
            Self::Utbetalning => T::RegistreraUtbetald,
            // The month applied for is calculated.
            Self::Manadsansokan => T::BeraknaForsorjningsstod,
            // Socialstyrelsen, *Att utreda behov av försörjningsstöd*: the choice is made.
            Self::FordjupadUtredning => T::ValjFordjupadUtredning,
            // seed 001: the plan is followed up on its day.
            Self::PlanUppfoljning => T::FoljUppPlan,
        })
    }
}

/// What to do now about a bevakning: the step, and what its form should start with
/// chosen, so the link from the bevakning opens the right decision or bevakning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Atgard {
    pub steg: KommandoTyp,
    /// The decision the step acts on, for a step taken per decision.
    pub beslut: Option<BeslutId>,
    /// The bevakning itself, for a kvittering.
    pub nyckel: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bevakning {
    /// Stable within the case, so a kvittering can name it.
    pub nyckel: String,
    pub typ: BevakningsTyp,
    pub datum: Date,
    pub beslut: Option<BeslutId>,
}

impl Bevakning {
    /// The step to take now about this bevakning in the case `a`: the one that clears
    /// it (`BevakningsTyp::steg`), or the one that has to come first. Only a step `kan`
    /// allows is given, so a link made from it is never refused; `None` when the case
    /// waits for the person.
    pub fn atgard(&self, a: &Arende) -> Option<Atgard> {
        use KommandoTyp as T;
        let for_beslut = |t: T| {
            self.beslut
                .is_some_and(|id| kandidater(a, t).iter().any(|b| b.id() == id))
        };
        let steg = match self.typ {
            // SoL 34 kap. 1 §: after an interruption the insats is resumed; an insats not
            // yet ordered from its utförare is ordered before it can begin.
            BevakningsTyp::Verkstallighet => [
                T::StartaVerkstallighet,
                T::AterupptaVerkstallighet,
                T::Bestall,
            ]
            .into_iter()
            .find(|t| for_beslut(*t))?,
            // A payment that needs a second person's attest gets it before it is sent.
            BevakningsTyp::Utbetalning
                if a.utbetalningar.iter().any(|u| {
                    self.nyckel == format!("utbetalning:{}", u.id) && u.vantar_pa_attest()
                }) =>
            {
                T::AttesteraUtbetalning
            }
            // FL 12 §: while the case cannot be decided yet, the request is answered by
            // rejecting it in a decision of its own.
            BevakningsTyp::BegaranOmAvgorande if kan(Some(a), T::FattaBeslut).is_err() => {
                T::AvslaBegaranOmAvgorande
            }
            t => t.steg()?,
        };
        kan(Some(a), steg).ok()?;
        Some(Atgard {
            steg,
            beslut: self.beslut.filter(|_| for_beslut(steg)),
            nyckel: (steg == T::KvitteraBevakning).then(|| self.nyckel.clone()),
        })
    }
}

/// The case's open bevakningar. A closed case watches nothing.
pub fn bevakningar(a: &Arende) -> Vec<Bevakning> {
    let mut ut = vec![];
    if a.avslutat() {
        return ut;
    }
    if let Some(m) = a.vantande_manadsansokan() {
        ut.push(Bevakning {
            nyckel: format!("manadsansokan:{}", m.manad),
            typ: BevakningsTyp::Manadsansokan,
            datum: m.datum,
            beslut: None,
        });
    }
    // Safety first: a positive screening waits for its risk assessment even in a case that
    // is otherwise quiet.
    for d in &a.skyddsrutiner {
        let nyckel = format!("skydd:{d}");
        if !a.kvitterade.contains(&nyckel) {
            ut.push(Bevakning {
                nyckel,
                typ: BevakningsTyp::Skyddsbedomning,
                datum: *d,
                beslut: None,
            });
        }
    }
    if let Some(f) = a.fordjupad_vantar() {
        ut.push(Bevakning {
            nyckel: format!("fordjupad:{}", f.fran),
            typ: BevakningsTyp::FordjupadUtredning,
            // Due with the sixth month: the choice belongs to the next month's work.
            datum: f.fran.plus(f.manader).forsta_dagen(),
            beslut: None,
        });
    }
    // While aid goes on, the plan is followed up on the day it says.
    if a.bistand_avslutat.is_none()
        && let (Some(plan), Some(datum)) = (a.planering.aktuell(), a.planering.nasta_uppfoljning())
    {
        ut.push(Bevakning {
            nyckel: format!("plan:{}:{datum}", plan.version),
            typ: BevakningsTyp::PlanUppfoljning,
            datum,
            beslut: None,
        });
    }
    for u in a.utbetalningar.iter().filter(|u| u.vantar()) {
        ut.push(Bevakning {
            nyckel: format!("utbetalning:{}", u.id),
            typ: BevakningsTyp::Utbetalning,
            datum: u.dag,
            beslut: Some(u.beslut),
        });
    }
    for k in a.vantande_kommuniceringar() {
        ut.push(Bevakning {
            nyckel: format!("svar:{}", k.id),
            typ: BevakningsTyp::SvarKommunicering,
            datum: k.svar_senast,
            beslut: None,
        });
    }
    for b in a.gallande_beslut() {
        let id = b.id();
        beslutets(a, b, &mut ut);
        if let Some(sista) = b.sista_dag_overklagande() {
            let nyckel = format!("overklagande:{id}");
            if b.overklagande.is_none() && !a.kvitterade.contains(&nyckel) {
                ut.push(Bevakning {
                    nyckel,
                    typ: BevakningsTyp::Overklagandetid,
                    datum: sista,
                    beslut: Some(id),
                });
            }
        }
        let v = &b.verkstallighet;
        // A reason for the delay explains it; only a reason that ends the duty
        // (declined, moved, died) stops the watch (SoL 34 kap. 1–2 §§).
        if b.beviljar() && v.upphort.is_none() {
            // SoL 34 kap. 1 §: not carried out within three months of the decision,
            // or interrupted and not resumed within three months.
            let fran = match (v.paborjad, v.avbruten()) {
                (None, _) => Some(b.beviljat_datum()),
                (Some(_), Some(avbrott)) if v.avslutad.is_none() => Some(avbrott),
                _ => None,
            };
            if let Some(fran) = fran {
                ut.push(Bevakning {
                    nyckel: format!("verkstallighet:{id}:{fran}"),
                    typ: BevakningsTyp::Verkstallighet,
                    datum: frister::verkstallighet_tre_manader(fran),
                    beslut: Some(id),
                });
            }
        }
    }
    // seed 004 §2.9: every insats is followed up every third month while it runs
    // and when it ends, each on its own; a follow-up that books no next one does
    // not silence the reminder while the insats runs.
    for (beslut, datum) in a.nasta_uppfoljningar() {
        ut.push(Bevakning {
            nyckel: format!("uppfoljning:{beslut}"),
            typ: BevakningsTyp::Uppfoljning,
            datum,
            beslut: Some(beslut),
        });
    }
    // A next follow-up booked for the case as a whole is watched as booked, unless a
    // follow-up of an insats already falls on that day.
    if let Some(u) = a.uppfoljningar.last()
        && let Some(nasta) = u.nasta
        && !ut
            .iter()
            .any(|b| b.typ == BevakningsTyp::Uppfoljning && b.datum == nasta)
    {
        ut.push(Bevakning {
            nyckel: format!("uppfoljning:{nasta}"),
            typ: BevakningsTyp::Uppfoljning,
            datum: nasta,
            beslut: u.beslut,
        });
    }
    // The follow-up agreed with the person in the genomförandeplan (seed 004
    // §2.8.1, §2.9) is watched too, so a promise made to the person does not lapse
    // unseen. One bevakning per insats: the earlier of the agreed day and the one
    // the rules above give, since a follow-up then serves both.
    for (beslut, nar) in a.planerade_uppfoljningar() {
        let plan = Bevakning {
            nyckel: format!("uppfoljning:plan:{beslut}"),
            typ: BevakningsTyp::Uppfoljning,
            datum: nar,
            beslut: Some(beslut),
        };
        match ut
            .iter_mut()
            .find(|b| b.typ == BevakningsTyp::Uppfoljning && b.beslut == Some(beslut))
        {
            Some(b) if nar < b.datum => *b = plan,
            Some(_) => {}
            None => ut.push(plan),
        }
    }
    if let Some((begard, None)) = a.begaran_om_avgorande
        && !a.obeslutade_insatser().is_empty()
    {
        ut.push(Bevakning {
            nyckel: format!("begaran:{begard}"),
            typ: BevakningsTyp::BegaranOmAvgorande,
            datum: frister::begaran_om_avgorande_svar(begard),
            beslut: None,
        });
    }
    drojsmal(a, &mut ut);
    dialog(a, &mut ut);
    ut.sort_by(|x, y| x.datum.cmp(&y.datum).then(x.typ.cmp(&y.typ)));
    ut
}

/// The bevakningar of one decision in force: sending and service, the handling of
/// an appeal, and the length of a placement.
fn beslutets(a: &Arende, b: &super::BeslutLage, ut: &mut Vec<Bevakning>) {
    let id = b.id();
    let mut bevaka = |nyckel: String, typ: BevakningsTyp, datum: Date| {
        if !a.kvitterade.contains(&nyckel) {
            ut.push(Bevakning {
                nyckel,
                typ,
                datum,
                beslut: Some(id),
            });
        }
    };
    // FL 33 §: the person is told the decision at once; until then no appeal time runs.
    if b.oskickat() {
        bevaka(
            format!("oskickat:{id}"),
            BevakningsTyp::BeslutOskickat,
            b.beslut.datum,
        );
    }
    if let Some((skickat, _, true)) = b.skickat
        && b.kontrollmeddelande.is_none()
    {
        bevaka(
            format!("kontroll:{id}"),
            BevakningsTyp::Kontrollmeddelande,
            frister::forenklad_delgivning(skickat).kontrollmeddelande,
        );
    }
    if let Some(o) = b.overklagande.as_ref().filter(|o| o.pagar())
        && let Some(inkom) = o.inkom
    {
        let senast = frister::overklagande_handlaggning(inkom);
        match o.rattidsprovning {
            // FL 45 §: the nämnd tries first whether the appeal came in time.
            None => bevaka(
                format!("rattidsprovning:{id}"),
                BevakningsTyp::Rattidsprovning,
                senast,
            ),
            Some((true, _)) if o.overlamnat.is_none() => {
                if o.omprovat.is_none() {
                    // FL 38–39 §§: consider changing the decision before it goes up.
                    bevaka(
                        format!("omprovning:{id}"),
                        BevakningsTyp::Omprovning,
                        senast,
                    );
                }
                // FL 46 §: forwarded to the court without delay.
                bevaka(
                    format!("overlamnande:{id}"),
                    BevakningsTyp::Overlamnande,
                    senast,
                );
            }
            _ => {}
        }
    }
    let v = &b.verkstallighet;
    if b.beviljar() && v.avslutad.is_none() && v.upphort.is_none() {
        let start = b.beslut.period_fran.unwrap_or(b.beslut.datum);
        let (typ, slut) = match b.beslut.insats {
            // seed 004 §4.2.5: a träningslägenhet for at most four years.
            InsatsTyp::Traningslagenhet => {
                (BevakningsTyp::Traningslagenhet, frister::plus_ar(start, 4))
            }
            // seed 004 §4.2: a placement normally for at most three months, then
            // followed up for whether the need remains.
            i if i.heldygnsvard() => (
                BevakningsTyp::Placeringstid,
                frister::plus_manader(start, 3),
            ),
            _ => return,
        };
        // A decision whose own period ends first needs a new decision anyway.
        if b.beslut.period_till.is_none_or(|till| till > slut) {
            bevaka(format!("{}:{id}", typ.kod()), typ, slut);
        }
    }
}

/// FL 11 §: an application still undecided is prompted for a delay notice a week
/// before the day the person was last told to expect a decision (when the utredning
/// started, or in the latest notice), so the notice reaches them before it passes;
/// without such a day, four months after the oldest undecided one came in.
fn drojsmal(a: &Arende, ut: &mut Vec<Bevakning>) {
    let obeslutade = a.obeslutade_insatser();
    let Some(aldsta) = a
        .ansokta
        .iter()
        .filter(|(i, _)| obeslutade.contains(i))
        .map(|(_, d)| *d)
        .min()
    else {
        return;
    };
    let datum = a.vantat_beslut().map_or_else(
        || frister::drojsmal_paminnelse(aldsta),
        |d| d - time::Duration::days(frister::DROJSMAL_VARNING_DAGAR),
    );
    ut.push(Bevakning {
        nyckel: format!("drojsmal:{datum}"),
        typ: BevakningsTyp::Drojsmal,
        datum,
        beslut: None,
    });
}

/// The key of the bevakning of the `n`th request for a meeting. Requests have no
/// id of their own; their place in the case's history is stable.
pub(super) fn mote_nyckel(n: usize, datum: Date) -> String {
    format!("mote:{n}:{datum}")
}

/// The bevakningar of the dialogue with the person.
fn dialog(a: &Arende, ut: &mut Vec<Bevakning>) {
    // The oldest message not yet answered carries the promise made when it was sent;
    // a later message from the person does not move it.
    if let Some(m) = a.obesvarade_meddelanden().first() {
        ut.push(Bevakning {
            nyckel: format!("meddelande:{}", m.id),
            typ: BevakningsTyp::ObesvaratMeddelande,
            datum: svar_senast(m.datum),
            beslut: None,
        });
    }
    for k in a.kompletteringar.iter().filter(|k| k.oppen()) {
        match k.svar.first() {
            None => ut.push(Bevakning {
                nyckel: format!("komplettering:{}", k.id),
                typ: BevakningsTyp::KompletteringSenast,
                datum: k.senast,
                beslut: None,
            }),
            Some(forsta) => ut.push(Bevakning {
                nyckel: format!("komplettering_granska:{}", k.id),
                typ: BevakningsTyp::KompletteringAttGranska,
                datum: forsta.datum,
                beslut: None,
            }),
        }
    }
    if let Some((n, b)) = a.vantande_handlaggarbyte() {
        ut.push(Bevakning {
            nyckel: format!("handlaggarbyte:{n}"),
            typ: BevakningsTyp::Handlaggarbyte,
            datum: handlaggarbyte_svar_senast(b.datum),
            beslut: None,
        });
    }
    for (n, m) in a.motesforfragningar.iter().enumerate() {
        let nyckel = mote_nyckel(n, m.datum);
        if !a.mote_bokat(n) {
            ut.push(Bevakning {
                nyckel,
                typ: BevakningsTyp::MoteBegart,
                datum: svar_senast(m.datum),
                beslut: None,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::arende::testfall::*;

    /// The named states of `testfall` and a few more, so every kind of bevakning
    /// occurs in at least one.
    fn alla_tillstand() -> Vec<(&'static str, Fall)> {
        let mut ut: Vec<(&'static str, Fall)> = TABELL
            .iter()
            .map(|&(namn, bygg, _, _)| (namn, bygg()))
            .collect();
        ut.extend([
            ("överklagat", overklagat()),
            ("rättidsprövat i tid", rattidsprovat_i_tid()),
            ("omprövat", omprovat()),
            (
                "meddelande från den enskilde",
                utredning_pagar().med_som(
                    meddelande(M1, date!(2026 - 01 - 20), enskild(), "Hur går det?"),
                    &mina_sidor(),
                ),
            ),
            (
                "möte begärt",
                utredning_pagar().med_som(
                    Kommando::BegarMote {
                        datum: date!(2026 - 01 - 20),
                        typ: Motestyp::Uppfoljning,
                        fran: enskild(),
                        text: "Jag vill träffas".into(),
                    },
                    &mina_sidor(),
                ),
            ),
            (
                "annan handläggare begärd",
                utredning_pagar().med_som(
                    Kommando::BegarHandlaggarbyte {
                        datum: date!(2026 - 01 - 20),
                        fran: enskild(),
                        skal: String::new(),
                    },
                    &mina_sidor(),
                ),
            ),
            (
                "våld i nära relation",
                utredning_pagar().med(Kommando::RegistreraInstrument {
                    datum: date!(2026 - 01 - 20),
                    svar: Box::new(crate::instrument::Svar::ny(
                        crate::instrument::Instrument::Freda,
                        vec![0, 1, 0],
                        true,
                    )),
                    kon: Some(crate::identitet::Kon::Kvinna),
                }),
            ),
            (
                "begäran om avgörande under utredningen",
                begart(utredning_pagar()),
            ),
            (
                "begäran om avgörande före utredning",
                begart(ansokan_registrerad()),
            ),
            ("placering", placering(InsatsTyp::Hvb, None)),
            (
                "träningslägenhet",
                placering(InsatsTyp::Traningslagenhet, None),
            ),
            (
                "plan mot egen försörjning",
                forsorjningsstod().med(sjalvforsorjningsplan(
                    date!(2026 - 03 - 02),
                    date!(2026 - 04 - 01),
                )),
            ),
            ("sex månader med försörjningsstöd", sex_manader()),
            ("planerad utbetalning", utbetalning(false)),
            ("utbetalning att attestera", utbetalning(true)),
            (
                "månadsansökan",
                sex_manader().med(Kommando::AnsokManad(Box::new(
                    crate::forsorjningsstod::berakning::Manadsansokan {
                        manad: crate::forsorjningsstod::Manad::for_dag(date!(2026 - 04 - 01)),
                        datum: date!(2026 - 04 - 01),
                        kostnader: vec![(
                            crate::forsorjningsstod::berakning::Kostnadsslag::Boende,
                            6_480,
                        )],
                        inkomster: vec![],
                        insattningar: vec![],
                        ovrigt: String::new(),
                        bilagor: vec![],
                        medsokande: None,
                        bada_undertecknat: false,
                    },
                ))),
            ),
        ]);
        ut
    }

    fn forsorjningsstod() -> Fall {
        Fall::ny().med(ansokan(
            date!(2025 - 10 - 01),
            vec![InsatsTyp::Forsorjningsstod],
        ))
    }

    /// A payment of October's decision planned for 25 October; made by hand, it waits
    /// for a second person's attest.
    fn utbetalning(manuell: bool) -> Fall {
        use crate::forsorjningsstod::utbetalning::{ATTESTGRANS, Konto, Mottagare};
        let f = forsorjningsstod()
            .med(Kommando::InledUtredning {
                datum: date!(2025 - 10 - 02),
                beslut_vantas: None,
            })
            .med(manadsberakning(
                date!(2025 - 10 - 05),
                crate::forsorjningsstod::Manad::for_dag(date!(2025 - 10 - 01)),
                6_000,
            ))
            .med(Kommando::AvslutaUtredning {
                datum: date!(2025 - 10 - 06),
            })
            .med_som(
                fatta(
                    B_BIFALL,
                    InsatsTyp::Forsorjningsstod,
                    Utfall::Bifall,
                    date!(2025 - 10 - 07),
                ),
                &arbetsledare(),
            );
        f.med(Kommando::PlaneraUtbetalning {
            id: crate::ids::UtbetalningId(Uuid::from_u128(77)),
            beslut: B_BIFALL,
            mottagare: Mottagare::Enskild,
            konto: Konto::Bankgiro("50501055".into()),
            belopp: 5_000,
            dag: date!(2025 - 10 - 25),
            manuell,
            attestgrans: ATTESTGRANS,
        })
    }

    /// Six months in a row calculated, October to March.
    fn sex_manader() -> Fall {
        let mut f = forsorjningsstod();
        for d in [
            date!(2025 - 10 - 01),
            date!(2025 - 11 - 01),
            date!(2025 - 12 - 01),
            date!(2026 - 01 - 01),
            date!(2026 - 02 - 01),
            date!(2026 - 03 - 01),
        ] {
            f.steg(manadsberakning(
                date!(2026 - 06 - 01),
                crate::forsorjningsstod::Manad::for_dag(d),
                6_000,
            ));
        }
        f
    }

    /// FL 12 §: the person asks for a decision after six months.
    fn begart(f: Fall) -> Fall {
        let mut senare = ktx();
        senare.idag = date!(2026 - 08 - 03);
        f.med_som(
            Kommando::BegarAvgorande {
                datum: date!(2026 - 07 - 20),
            },
            &senare,
        )
    }

    /// issue 20: a bevakning links to the step that clears it, and only to one `kan`
    /// allows, so the link is never refused; only the person's komplettering has none.
    #[test]
    fn bevakning_leder_till_ett_oppet_steg() {
        let mut sedda = std::collections::BTreeSet::new();
        for (tillstand, f) in alla_tillstand() {
            let Some(a) = &f.a else { continue };
            for b in bevakningar(a) {
                sedda.insert(b.typ);
                let Some(x) = b.atgard(a) else {
                    assert_eq!(
                        b.typ,
                        BevakningsTyp::KompletteringSenast,
                        "{tillstand}: {b:?}"
                    );
                    continue;
                };
                assert_eq!(kan(Some(a), x.steg), Ok(()), "{tillstand}: {b:?}");
                if let Some(id) = x.beslut {
                    assert!(
                        kandidater(a, x.steg).iter().any(|k| k.id() == id),
                        "{tillstand}: {b:?}"
                    );
                }
                if x.steg == T::KvitteraBevakning {
                    assert!(b.typ.kan_kvitteras(), "{tillstand}: {b:?}");
                    assert_eq!(x.nyckel.as_deref(), Some(b.nyckel.as_str()));
                }
            }
        }
        // Every kind occurs.
        assert_eq!(sedda.len(), BevakningsTyp::ALLA.len(), "{sedda:?}");
    }

    /// Taking the step a bevakning links to, with a valid command, clears it.
    #[test]
    fn bevakningens_steg_tar_bort_den() {
        let fall: Vec<(Fall, Kommando)> = vec![
            (
                kommunicerat_vantar_svar(),
                Kommando::RegistreraSvar {
                    kommunicering: K1,
                    datum: date!(2026 - 02 - 10),
                    svar: "Håller inte med".into(),
                },
            ),
            (
                bifall_fattat(),
                Kommando::SkickaBeslut {
                    beslut: B_BIFALL,
                    datum: date!(2026 - 02 - 06),
                    satt: Utskickssatt::Brev,
                    forenklad_delgivning: true,
                    forhandsinformation: Some((date!(2026 - 01 - 13), Kanal::Besok)),
                },
            ),
            (
                bifall_skickat_utan_kontroll(),
                Kommando::RegistreraKontrollmeddelande {
                    beslut: B_BIFALL,
                    datum: date!(2026 - 02 - 09),
                },
            ),
            (
                bestallt(),
                Kommando::StartaVerkstallighet {
                    beslut: B_BIFALL,
                    datum: date!(2026 - 02 - 16),
                },
            ),
            (
                avbrutet(),
                Kommando::AterupptaVerkstallighet {
                    beslut: B_BIFALL,
                    datum: date!(2026 - 03 - 20),
                },
            ),
            (
                verkstallighet_pagar(),
                uppfoljning(
                    Some(B_BIFALL),
                    date!(2026 - 05 - 15),
                    Some(date!(2026 - 08 - 14)),
                ),
            ),
            (
                avslag_delgivet(),
                Kommando::KvitteraBevakning {
                    nyckel: format!("overklagande:{B_AVSLAG}"),
                    datum: date!(2026 - 03 - 16),
                },
            ),
            (
                overklagat(),
                Kommando::ProvaRattidighet {
                    beslut: B_AVSLAG,
                    datum: date!(2026 - 03 - 06),
                    undantag: None,
                },
            ),
            (
                rattidsprovat_i_tid(),
                omprova(B_AVSLAG, date!(2026 - 03 - 09), None),
            ),
            (
                omprovat(),
                Kommando::Overlamna {
                    beslut: B_AVSLAG,
                    datum: date!(2026 - 03 - 10),
                },
            ),
        ];
        for (f, k) in fall {
            let typ = k.typ();
            let a = f.arende();
            let fore: Vec<Bevakning> = bevakningar(a)
                .into_iter()
                .filter(|b| b.atgard(a).is_some_and(|x| x.steg == typ))
                .collect();
            assert!(!fore.is_empty(), "{typ:?}: no bevakning links to it");
            let efter = f.med(k);
            let kvar = bevakningar(efter.arende());
            for b in fore {
                assert!(
                    !kvar
                        .iter()
                        .any(|x| x.nyckel == b.nyckel && x.datum == b.datum),
                    "{typ:?} left {b:?}"
                );
            }
        }
    }

    #[test]
    fn bevakning_svar_pa_kommunicering_flyttas_fran_helg() {
        // Saturday 14 February → Monday 16 February (lag (1930:173) 2 §).
        let f = kommunicerat_vantar_svar();
        assert_eq!(
            av_typ(f.arende(), BevakningsTyp::SvarKommunicering),
            vec![Bevakning {
                nyckel: format!("svar:{K1}"),
                typ: BevakningsTyp::SvarKommunicering,
                datum: date!(2026 - 02 - 16),
                beslut: None,
            }]
        );
        // Långfredagen 3 April 2026 → Tuesday 7 April, after Easter Monday.
        let f = utredning_avslutad().med(Kommando::Kommunicera {
            bifogat: vec![],
            tillgangligt: String::new(),
            id: K2,
            datum: date!(2026 - 03 - 25),
            material: "Utredningen".into(),
            satt: Kommunikationssatt::Digitalt,
            svar_senast: date!(2026 - 04 - 03),
        });
        let b = av_typ(f.arende(), BevakningsTyp::SvarKommunicering);
        assert_eq!(
            b.iter().map(|b| b.datum).collect::<Vec<_>>(),
            vec![date!(2026 - 04 - 07)]
        );
    }

    #[test]
    fn bevakning_svar_forsvinner_vid_svar_eller_beslut() {
        assert!(
            av_typ(
                kommunicering_besvarad().arende(),
                BevakningsTyp::SvarKommunicering
            )
            .is_empty()
        );
        let mut k = fatta(
            B_AVSLAG,
            InsatsTyp::Oppenvardsbehandling,
            Utfall::Avslag,
            date!(2026 - 02 - 05),
        );
        if let Kommando::FattaBeslut {
            kommunicering_obehovlig,
            ..
        } = &mut k
        {
            *kommunicering_obehovlig = Some("Brådskande".into());
        }
        let f = kommunicerat_vantar_svar().med(k);
        assert!(av_typ(f.arende(), BevakningsTyp::SvarKommunicering).is_empty());
    }

    #[test]
    fn bevakning_overklagandetid_fl_44() {
        let f = avslag_delgivet();
        let nyckel = format!("overklagande:{B_AVSLAG}");
        assert_eq!(
            bevakningar(f.arende()),
            vec![Bevakning {
                nyckel: nyckel.clone(),
                typ: BevakningsTyp::Overklagandetid,
                datum: date!(2026 - 03 - 13),
                beslut: Some(B_AVSLAG),
            }]
        );
        // Not before the decision is served.
        assert!(av_typ(avslag_fattat().arende(), BevakningsTyp::Overklagandetid).is_empty());
        // Gone once an appeal arrives.
        assert!(av_typ(overklagat().arende(), BevakningsTyp::Overklagandetid).is_empty());
        // Gone once kvitterad; then nothing more can be kvitterad.
        let mut f = f;
        f.steg(Kommando::KvitteraBevakning {
            nyckel: nyckel.clone(),
            datum: date!(2026 - 03 - 16),
        });
        assert_eq!(f.arende().kvitterade, vec![nyckel]);
        assert!(bevakningar(f.arende()).is_empty());
        assert!(f.kan(T::KvitteraBevakning).is_err());
    }

    #[test]
    fn bevakning_bara_overklagandetid_kan_kvitteras() {
        let f = kommunicerat_vantar_svar();
        assert!(f.kan(T::KvitteraBevakning).is_err());
        // An open reply deadline beside the appeal period: only the latter can be kvitterad.
        let f = avslag_delgivet()
            .med(Kommando::AnsokInsats {
                insats: InsatsTyp::Kontaktperson,
                datum: date!(2026 - 03 - 01),
                kanal: Kanal::Besok,
            })
            .med(Kommando::Kommunicera {
                bifogat: vec![],
                tillgangligt: String::new(),
                id: K2,
                datum: date!(2026 - 03 - 01),
                material: "Tillägg".into(),
                satt: Kommunikationssatt::Brev,
                svar_senast: date!(2026 - 03 - 20),
            });
        assert_eq!(
            av_typ(f.arende(), BevakningsTyp::SvarKommunicering).len(),
            1
        );
        let r = f.forsok(Kommando::KvitteraBevakning {
            nyckel: format!("svar:{K2}"),
            datum: IDAG,
        });
        assert_eq!(falt(r), vec!["nyckel"]);
    }

    #[test]
    fn bevakning_verkstallighet_sol_34_kap_1() {
        // Decided 5 February: three months to 5 May.
        let forvantad = |id: BeslutId, fran: Date, datum: Date| Bevakning {
            nyckel: format!("verkstallighet:{id}:{fran}"),
            typ: BevakningsTyp::Verkstallighet,
            datum,
            beslut: Some(id),
        };
        let f = bifall_fattat();
        assert_eq!(
            av_typ(f.arende(), BevakningsTyp::Verkstallighet),
            vec![forvantad(
                B_BIFALL,
                date!(2026 - 02 - 05),
                date!(2026 - 05 - 05)
            )]
        );
        // Ordering is not enforcing.
        assert_eq!(
            av_typ(bestallt().arende(), BevakningsTyp::Verkstallighet).len(),
            1
        );
        // Gone once it starts.
        assert!(
            av_typ(
                verkstallighet_pagar().arende(),
                BevakningsTyp::Verkstallighet
            )
            .is_empty()
        );
        // Back after an interruption, counted from it: 2 March → 2 June.
        let f = avbrutet();
        assert_eq!(
            av_typ(f.arende(), BevakningsTyp::Verkstallighet),
            vec![forvantad(
                B_BIFALL,
                date!(2026 - 03 - 02),
                date!(2026 - 06 - 02)
            )]
        );
        // Gone again once resumed, and once ended.
        let aterupptagen = f.clone().med(Kommando::AterupptaVerkstallighet {
            beslut: B_BIFALL,
            datum: date!(2026 - 03 - 20),
        });
        assert!(av_typ(aterupptagen.arende(), BevakningsTyp::Verkstallighet).is_empty());
        let avslutad = f.med(Kommando::AvslutaVerkstallighet {
            beslut: B_BIFALL,
            datum: date!(2026 - 03 - 20),
            orsak: "Flyttat".into(),
        });
        assert!(av_typ(avslutad.arende(), BevakningsTyp::Verkstallighet).is_empty());
        // An avslag has nothing to enforce.
        assert!(av_typ(avslag_fattat().arende(), BevakningsTyp::Verkstallighet).is_empty());
    }

    #[test]
    fn bevakning_verkstallighet_andra_avbrottet_raknas_fran_det() {
        let f = avbrutet()
            .med(Kommando::AterupptaVerkstallighet {
                beslut: B_BIFALL,
                datum: date!(2026 - 03 - 20),
            })
            .med(Kommando::AvbrytVerkstallighet {
                beslut: B_BIFALL,
                datum: date!(2026 - 04 - 30),
                orsak: "Paus".into(),
            });
        let b = av_typ(f.arende(), BevakningsTyp::Verkstallighet);
        assert_eq!(
            b.iter().map(|b| b.datum).collect::<Vec<_>>(),
            vec![date!(2026 - 07 - 30)]
        );
    }

    #[test]
    fn bevakning_uppfoljning_fran_senaste() {
        // Started 16 February, not followed up: three months later.
        let b = av_typ(verkstallighet_pagar().arende(), BevakningsTyp::Uppfoljning);
        assert_eq!(
            b,
            vec![Bevakning {
                nyckel: format!("uppfoljning:{B_BIFALL}"),
                typ: BevakningsTyp::Uppfoljning,
                datum: date!(2026 - 05 - 16),
                beslut: Some(B_BIFALL),
            }]
        );
        // As booked at the latest follow-up.
        let f = uppfoljning_bokad();
        let b = av_typ(f.arende(), BevakningsTyp::Uppfoljning);
        assert_eq!(
            b.iter().map(|b| (b.datum, b.beslut)).collect::<Vec<_>>(),
            vec![(date!(2026 - 08 - 14), Some(B_BIFALL))]
        );
        // A later follow-up that books another date moves it.
        let f = f.med(uppfoljning(
            Some(B_BIFALL),
            date!(2026 - 06 - 12),
            Some(date!(2026 - 09 - 14)),
        ));
        let b = av_typ(f.arende(), BevakningsTyp::Uppfoljning);
        assert_eq!(
            b.iter().map(|b| b.datum).collect::<Vec<_>>(),
            vec![date!(2026 - 09 - 14)]
        );
        // One that books none does not silence it while the insats runs (seed 004 §2.9:
        // every third month): three months after it.
        let f = f.med(uppfoljning(Some(B_BIFALL), date!(2026 - 06 - 13), None));
        let b = av_typ(f.arende(), BevakningsTyp::Uppfoljning);
        assert_eq!(
            b.iter().map(|b| b.datum).collect::<Vec<_>>(),
            vec![date!(2026 - 09 - 13)]
        );
        // Once the insats has ended and been followed up at its end, nothing is owed.
        let f = f
            .med(Kommando::AvslutaVerkstallighet {
                beslut: B_BIFALL,
                datum: date!(2026 - 06 - 14),
                orsak: "Klar".into(),
            })
            .med(uppfoljning(Some(B_BIFALL), date!(2026 - 06 - 15), None));
        assert!(av_typ(f.arende(), BevakningsTyp::Uppfoljning).is_empty());
    }

    /// seed 004 §2.9: each running insats has its own next follow-up; following up one
    /// does not silence the other.
    #[test]
    fn bevakning_uppfoljning_per_insats() {
        const B2: BeslutId = BeslutId(Uuid::from_u128(104));
        let mut f = verkstallighet_pagar()
            .med(Kommando::AnsokInsats {
                insats: InsatsTyp::Kontaktperson,
                datum: date!(2026 - 02 - 17),
                kanal: Kanal::Besok,
            })
            .med(fatta(
                B2,
                InsatsTyp::Kontaktperson,
                Utfall::Bifall,
                date!(2026 - 02 - 18),
            ))
            .med(Kommando::Bestall {
                beslut: B2,
                utforare: UTFORARE,
                datum: date!(2026 - 02 - 18),
                uppdrag: "Kontaktperson".into(),
                villkor: None,
            })
            .med(Kommando::StartaVerkstallighet {
                beslut: B2,
                datum: date!(2026 - 03 - 02),
            });
        f.steg(uppfoljning(
            Some(B_BIFALL),
            date!(2026 - 05 - 15),
            Some(date!(2026 - 08 - 14)),
        ));
        let mut b: Vec<(Option<BeslutId>, Date)> = av_typ(f.arende(), BevakningsTyp::Uppfoljning)
            .into_iter()
            .map(|b| (b.beslut, b.datum))
            .collect();
        b.sort();
        let mut vantat = vec![
            (Some(B_BIFALL), date!(2026 - 08 - 14)),
            (Some(B2), date!(2026 - 06 - 02)),
        ];
        vantat.sort();
        assert_eq!(b, vantat);
    }

    #[test]
    fn bevakning_uppfoljning_kraver_datum_efter_denna() {
        let f = verkstallighet_pagar();
        let r = f.forsok(uppfoljning(
            Some(B_BIFALL),
            date!(2026 - 05 - 15),
            Some(date!(2026 - 05 - 15)),
        ));
        assert_eq!(falt(r), vec!["nasta"]);
    }

    #[test]
    fn bevakning_inga_i_avslutat_arende() {
        let f = avslag_delgivet();
        assert!(!bevakningar(f.arende()).is_empty());
        let f = f.med(avsluta(date!(2026 - 03 - 01)));
        assert!(bevakningar(f.arende()).is_empty());
        for &(tillstand, bygg, status, _) in TABELL {
            if status == Some(Status::Avslutat) {
                assert!(bevakningar(bygg().arende()).is_empty(), "{tillstand}");
            }
        }
    }

    #[test]
    fn bevakningar_ordnas_efter_datum() {
        // Pushed in the order kommunicering, appeal, enforcement; dated otherwise.
        let f = bifall_skickat_forenklad()
            .med(Kommando::AnsokInsats {
                insats: InsatsTyp::Kontaktperson,
                datum: date!(2026 - 02 - 10),
                kanal: Kanal::Besok,
            })
            .med(Kommando::Kommunicera {
                bifogat: vec![],
                tillgangligt: String::new(),
                id: K2,
                datum: date!(2026 - 02 - 10),
                material: "Tillägg".into(),
                satt: Kommunikationssatt::Brev,
                svar_senast: date!(2026 - 03 - 20),
            });
        let b: Vec<(BevakningsTyp, Date)> = bevakningar(f.arende())
            .into_iter()
            .map(|b| (b.typ, b.datum))
            .collect();
        assert_eq!(
            b,
            vec![
                (BevakningsTyp::Overklagandetid, date!(2026 - 03 - 13)),
                (BevakningsTyp::SvarKommunicering, date!(2026 - 03 - 20)),
                (BevakningsTyp::Verkstallighet, date!(2026 - 05 - 05)),
                (BevakningsTyp::Drojsmal, date!(2026 - 06 - 10)),
            ]
        );
        for &(tillstand, bygg, _, _) in TABELL {
            if let Some(a) = bygg().a {
                let b = bevakningar(&a);
                assert!(
                    b.windows(2).all(|w| w[0].datum <= w[1].datum),
                    "{tillstand}: {b:?}"
                );
            }
        }
    }
}
