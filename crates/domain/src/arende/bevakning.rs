//! Bevakningar: the deadlines a case's events create, derived by rule so that
//! the store can project them into a table ("what is due this week" is one query).

use serde::{Deserialize, Serialize};
use time::Date;

use super::{Arende, svar_senast};
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
}

impl BevakningsTyp {
    pub const ALLA: [Self; 17] = [
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
        }
    }

    /// The end of the appeal period needs someone to confirm they saw it, and a
    /// requested meeting is booked outside Lots, so the handläggare confirms it;
    /// the others end by themselves when what they wait for is registered.
    /// The reviews of a placement's length are judgements made outside a step, so
    /// they are confirmed by kvittering too.
    pub fn kan_kvitteras(self) -> bool {
        matches!(
            self,
            Self::Overklagandetid | Self::MoteBegart | Self::Placeringstid | Self::Traningslagenhet
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bevakning {
    /// Stable within the case, so a kvittering can name it.
    pub nyckel: String,
    pub typ: BevakningsTyp,
    pub datum: Date,
    pub beslut: Option<BeslutId>,
}

/// The case's open bevakningar. A closed case watches nothing.
pub fn bevakningar(a: &Arende) -> Vec<Bevakning> {
    let mut ut = vec![];
    if a.ar_avslutat() {
        return ut;
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
            i if i.ar_heldygnsvard() => (
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

/// FL 11 §: an application still undecided is prompted for a delay notice four
/// months after the oldest undecided one came in, and again when the day the person
/// was last given has passed.
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
    let datum = a
        .drojsmal
        .last()
        .map_or_else(|| frister::drojsmal_paminnelse(aldsta), |(_, nytt)| *nytt);
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
    for (n, m) in a.motesforfragningar.iter().enumerate() {
        let nyckel = mote_nyckel(n, m.datum);
        if !a.kvitterade.contains(&nyckel) {
            ut.push(Bevakning {
                nyckel,
                typ: BevakningsTyp::MoteBegart,
                datum: svar_senast(m.datum),
                beslut: None,
            });
        }
    }
}
