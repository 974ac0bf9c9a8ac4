//! Bevakningar: the deadlines a case's events create, derived by rule so that
//! the store can project them into a table ("what is due this week" is one query).

use serde::{Deserialize, Serialize};
use time::Date;

use super::{Arende, svar_senast};
use crate::frister;
use crate::ids::BeslutId;

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
}

impl BevakningsTyp {
    pub const ALLA: [Self; 9] = [
        Self::SvarKommunicering,
        Self::Overklagandetid,
        Self::Verkstallighet,
        Self::Uppfoljning,
        Self::BegaranOmAvgorande,
        Self::ObesvaratMeddelande,
        Self::KompletteringSenast,
        Self::KompletteringAttGranska,
        Self::MoteBegart,
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
        }
    }

    /// The end of the appeal period needs someone to confirm they saw it, and a
    /// requested meeting is booked outside Lots, so the handläggare confirms it;
    /// the others end by themselves when what they wait for is registered.
    pub fn kan_kvitteras(self) -> bool {
        matches!(self, Self::Overklagandetid | Self::MoteBegart)
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
        if b.beviljar() && v.verkstalls_ej.is_none() {
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
    // The next follow-up: as booked at the latest one, or three months after an
    // insats started if none has been made since (seed 004 §3: every third month).
    match a.uppfoljningar.last() {
        Some(u) if u.nasta.is_some() => {
            if let Some(nasta) = u.nasta {
                ut.push(Bevakning {
                    nyckel: format!("uppfoljning:{nasta}"),
                    typ: BevakningsTyp::Uppfoljning,
                    datum: nasta,
                    beslut: u.beslut,
                });
            }
        }
        _ => {
            for (beslut, fran) in a.uppfoljningar_som_saknas() {
                let slutat = a
                    .beslut_lage(beslut)
                    .is_some_and(|b| b.verkstallighet.avslutad.is_some());
                ut.push(Bevakning {
                    nyckel: format!("uppfoljning:{beslut}"),
                    typ: BevakningsTyp::Uppfoljning,
                    // At the end of an insats at once; during it, three months after the start.
                    datum: if slutat {
                        fran
                    } else {
                        frister::plus_manader(fran, 3)
                    },
                    beslut: Some(beslut),
                });
            }
        }
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
    dialog(a, &mut ut);
    ut.sort_by(|x, y| x.datum.cmp(&y.datum).then(x.typ.cmp(&y.typ)));
    ut
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
