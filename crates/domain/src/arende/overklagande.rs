//! Överklagande and omprövning: an appeal arrives, is tried for being in time
//! (FL 44–45 §§), considered for omprövning (FL 38–39 §§), forwarded to the
//! förvaltningsrätt and judged; and omprövning on the nämnd's own initiative
//! (FL 37 §), never to the party's disadvantage except on the grounds in
//! FL 37 § andra stycket.

use serde::{Deserialize, Serialize};

use super::kommando::{Fel, fel_fas, per_beslut, valt_beslut};
use super::*;
use crate::insats::Utfall;

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

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NyttBeslut {
    pub id: BeslutId,
    pub utfall: Utfall,
    pub mal: String,
    pub omfattning: String,
    pub period_fran: Option<Date>,
    pub period_till: Option<Date>,
    /// In a delvis bifall: what was applied for and what is refused (FL 32 §).
    pub avslagen_del: String,
}

/// How a change at omprövning stands to the party (FL 37 § andra stycket).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Andring {
    /// Less is granted, or for a shorter time.
    TillNackdel,
    /// More is granted, or the same for as long or longer, or nothing was granted before.
    InteTillNackdel,
    /// The same outcome with another goal or scope: only the nämnd can judge it.
    Oklar,
}

/// Whether changing `gammalt` into `nytt` is to the party's disadvantage. Outcomes rank
/// bifall over delvis bifall over avslag and avvisning.
pub fn andring(gammalt: &Beslut, nytt: &NyttBeslut) -> Andring {
    fn rang(u: Utfall) -> u8 {
        match u {
            Utfall::Bifall => 2,
            Utfall::DelvisBifall => 1,
            Utfall::Avslag | Utfall::Avvisning => 0,
        }
    }
    match rang(nytt.utfall).cmp(&rang(gammalt.utfall)) {
        std::cmp::Ordering::Less => Andring::TillNackdel,
        std::cmp::Ordering::Greater => Andring::InteTillNackdel,
        // Nothing was granted, and nothing is: there is nothing to lose.
        std::cmp::Ordering::Equal if !nytt.utfall.beviljar() => Andring::InteTillNackdel,
        std::cmp::Ordering::Equal => {
            let borjar_senare = match (gammalt.period_fran, nytt.period_fran) {
                (Some(g), Some(n)) => n > g,
                (None, Some(_)) => true,
                _ => false,
            };
            let slutar_tidigare = match (gammalt.period_till, nytt.period_till) {
                (Some(g), Some(n)) => n < g,
                (None, Some(_)) => true,
                _ => false,
            };
            if borjar_senare || slutar_tidigare {
                Andring::TillNackdel
            } else if nytt.omfattning.trim() == gammalt.omfattning.trim()
                && nytt.mal.trim() == gammalt.mal.trim()
            {
                Andring::InteTillNackdel
            } else {
                Andring::Oklar
            }
        }
    }
}

pub(super) fn kandidat(typ: KommandoTyp, b: &BeslutLage) -> bool {
    use KommandoTyp as T;
    let o = b.overklagande.as_ref();
    match typ {
        T::RegistreraOverklagande => o.is_none(),
        T::ProvaRattidighet => o.is_some_and(|o| o.rattidsprovning.is_none()),
        // FL 39 §: only before the papers have gone to the court.
        T::Omprova => o.is_some_and(|o| {
            matches!(o.rattidsprovning, Some((true, _)))
                && o.omprovat.is_none()
                && o.overlamnat.is_none()
                && !o.forfallit
        }),
        T::Overlamna => o.is_some_and(|o| {
            matches!(o.rattidsprovning, Some((true, _))) && o.overlamnat.is_none() && !o.forfallit
        }),
        // FL 37 §: the nämnd may change its own decision at any time, but not
        // once an appeal of it has gone to the court (FL 39 §) or been judged.
        T::OmprovaEgetInitiativ => o.is_none_or(|o| o.overlamnat.is_none() && o.dom.is_none()),
        T::RegistreraDom => o.is_some_and(|o| o.overlamnat.is_some() && o.dom.is_none()),
        _ => false,
    }
}

pub(super) fn kan(a: &Arende, typ: KommandoTyp) -> Result<(), String> {
    per_beslut(a, typ)
}

pub(super) fn handle(
    a: &Arende,
    kommando: Kommando,
    ctx: &Kontext,
    fel: &mut Fel,
) -> Result<Vec<Handelse>, Avvisning> {
    let idag = ctx.idag;
    Ok(match kommando {
        Kommando::RegistreraOverklagande {
            beslut,
            inkom,
            text,
        } => {
            let b = valt_beslut(a, KommandoTyp::RegistreraOverklagande, beslut)?;
            fel.inte_fore(inkom, b.beslut.datum, "inkom", "beslutsdagen");
            fel.inte_framtid(inkom, idag, "inkom");
            fel.text_kravs(&text, "text", "Skriv kort vad överklagandet gäller.");
            vec![Handelse::OverklagandeInkommit {
                beslut,
                inkom,
                text,
            }]
        }
        Kommando::ProvaRattidighet {
            beslut,
            datum,
            undantag,
        } => {
            let b = valt_beslut(a, KommandoTyp::ProvaRattidighet, beslut)?;
            fel.inte_framtid(datum, idag, "datum");
            fel.klart()?;
            let inkom = b
                .overklagande
                .as_ref()
                .and_then(|o| o.inkom)
                .unwrap_or(datum);
            let (i_tid, sista_dag, undantag) = match b.delgiven {
                Some(delgiven) => {
                    // FL 44–45 §§.
                    let p = frister::rattidsprovning(delgiven, inkom, undantag);
                    (p.i_tid, Some(p.sista_dag), p.undantag)
                }
                // The time to appeal has not begun before the decision is served.
                None => (true, None, None),
            };
            let mut h = vec![Handelse::RattidsprovningGjord {
                beslut,
                i_tid,
                sista_dag,
                undantag,
                datum,
            }];
            if !i_tid {
                // FL 45 §: a late appeal is dismissed.
                h.push(Handelse::OverklagandeAvvisat { beslut, datum });
            }
            h
        }
        Kommando::Omprova {
            beslut,
            datum,
            motivering,
            nytt,
            eget_initiativ,
            grund,
            till_nackdel,
        } => {
            let typ = if eget_initiativ {
                KommandoTyp::OmprovaEgetInitiativ
            } else {
                KommandoTyp::Omprova
            };
            let b = valt_beslut(a, typ, beslut)?;
            fel.inte_fore(datum, b.beslut.datum, "datum", "beslutsdagen");
            fel.inte_framtid(datum, idag, "datum");
            fel.text_kravs(&motivering, "motivering", "Skriv skälen för omprövningen.");
            let mut nackdel = false;
            if let Some(n) = &nytt {
                // FL 37 § andra stycket: never to the party's disadvantage, except on
                // one of the grounds listed there, which is then recorded.
                nackdel = match andring(&b.beslut, n) {
                    Andring::TillNackdel => true,
                    Andring::InteTillNackdel => false,
                    Andring::Oklar => till_nackdel.unwrap_or_else(|| {
                        fel.om(
                            true,
                            "till_nackdel",
                            "Ange om ändringen är till nackdel för den enskilde. Samma utfall med ändrad omfattning kan Lots inte bedöma.",
                        );
                        false
                    }),
                };
                fel.om(
                    nackdel && grund.is_none(),
                    "grund",
                    "Beslutet får inte ändras till nackdel för den enskilde, utom i de fall som räknas upp i 37 § andra stycket förvaltningslagen. Välj vilket som gäller, eller ändra inte beslutet till nackdel.",
                );
            }
            let mut h = vec![Handelse::Omprovat {
                beslut,
                datum,
                andrat: nytt.is_some(),
                motivering: motivering.clone(),
                eget_initiativ,
                grund: grund.filter(|_| nackdel),
                till_nackdel: nackdel,
            }];
            if let Some(n) = nytt {
                // What is granted, and for when, only matters when something is granted.
                fel.om(
                    n.utfall == b.beslut.utfall
                        && (!n.utfall.beviljar()
                            || (n.omfattning == b.beslut.omfattning
                                && n.mal == b.beslut.mal
                                && n.period_fran == b.beslut.period_fran
                                && n.period_till == b.beslut.period_till)),
                    "utfall",
                    "Ett ändrat beslut måste skilja sig från det gamla.",
                );
                if n.utfall.beviljar() {
                    // seed 004 §2.4, as for any decision that grants.
                    fel.text_kravs(&n.mal, "mal", "Skriv målet med insatsen.");
                    fel.text_kravs(&n.omfattning, "omfattning", "Skriv insatsens omfattning.");
                    fel.om(
                        n.period_fran.is_none(),
                        "period_fran",
                        "Ange från vilket datum beslutet gäller.",
                    );
                }
                if let (Some(fran), Some(till)) = (n.period_fran, n.period_till) {
                    fel.om(
                        till < fran,
                        "period_till",
                        "Slutdatum kan inte vara före startdatum.",
                    );
                }
                if n.utfall == Utfall::DelvisBifall {
                    // FL 32 §, as for any delvis bifall: the refused part is named.
                    fel.text_kravs(
                        &n.avslagen_del,
                        "avslagen_del",
                        "Skriv vad som avslås: vad den enskilde ansökte om och vad som inte beviljas.",
                    );
                }
                fel.klart()?;
                let delegation = ctx
                    .delegationsordning
                    .behorighet(ctx.roll, b.beslut.insats, n.utfall)
                    .ok_or_else(|| {
                        Avvisning::Delegation(format!(
                            "Du har inte delegation att besluta om {}.",
                            b.beslut.insats.namn()
                        ))
                    })?;
                h.push(Handelse::BeslutFattat(Beslut {
                    id: n.id,
                    insats: b.beslut.insats,
                    utfall: n.utfall,
                    lagrum: b.beslut.lagrum,
                    mal: n.mal,
                    omfattning: n.omfattning,
                    period_fran: n.period_fran,
                    period_till: n.period_till,
                    motivering,
                    datum,
                    beslutsfattare: ctx.aktor,
                    delegation,
                    kommunicering_obehovlig: None,
                    ersatter: Some(beslut),
                    foredragande: None,
                    avslagen_del: if n.utfall == Utfall::DelvisBifall {
                        n.avslagen_del.trim().to_string()
                    } else {
                        String::new()
                    },
                }));
                // FL 46 § andra stycket: if the nämnd changes an appealed decision as
                // the appellant asks, the appeal lapses; otherwise the new decision goes up too.
                if n.utfall == Utfall::Bifall && b.overklagande.is_some() {
                    h.push(Handelse::OverklagandeForfallit {
                        beslut: n.id,
                        datum,
                    });
                }
            }
            h
        }
        Kommando::Overlamna { beslut, datum } => {
            valt_beslut(a, KommandoTyp::Overlamna, beslut)?;
            fel.inte_framtid(datum, idag, "datum");
            vec![Handelse::OverlamnatTillForvaltningsratten { beslut, datum }]
        }
        Kommando::RegistreraDom {
            beslut,
            datum,
            utfall,
            malnummer,
        } => {
            let b = valt_beslut(a, KommandoTyp::RegistreraDom, beslut)?;
            if let Some(over) = b.overklagande.as_ref().and_then(|o| o.overlamnat) {
                fel.inte_fore(datum, over, "datum", "överlämnandet");
            }
            fel.inte_framtid(datum, idag, "datum");
            fel.text_kravs(&malnummer, "malnummer", "Skriv domstolens målnummer.");
            vec![Handelse::DomMeddelad {
                beslut,
                datum,
                utfall,
                malnummer,
            }]
        }
        annan => return Err(fel_fas(&annan)),
    })
}

/// FL 45 §: a late appeal is dismissed in a decision of its own, with appeal
/// instructions; due when the step dismissed it after a served decision.
pub(super) fn brev(fore: &Arende, h: &Handelse, steg: &[Handelse], ut: &mut Vec<Brev>) {
    let Handelse::OverklagandeAvvisat { beslut, datum } = h else {
        return;
    };
    let sista_dag = steg.iter().find_map(|x| match x {
        Handelse::RattidsprovningGjord {
            beslut: b,
            sista_dag,
            ..
        } if b == beslut => *sista_dag,
        _ => None,
    });
    let Some(sista_dag) = sista_dag else {
        return;
    };
    let Some(b) = fore.beslut_lage(*beslut) else {
        return;
    };
    let Some(delgiven) = b.delgiven else {
        return;
    };
    ut.push(Brev::Avvisningsbeslut {
        beslut: *beslut,
        datum: *datum,
        inkom: b
            .overklagande
            .as_ref()
            .and_then(|o| o.inkom)
            .unwrap_or(*datum),
        delgiven,
        sista_dag,
    });
}

impl Arende {
    pub(super) fn tillampa_overklagande(&mut self, h: &Handelse) {
        match h {
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
            // Events of other phases are folded there (`Arende::tillampa`).
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::arende::testfall::*;

    /// FL 45 §: no appeal is dismissed as late on a service that is only assumed.
    #[test]
    fn fl_45_ingen_avvisning_pa_antagen_delgivning() {
        let mut f = avslag_fattat().med(Kommando::SkickaBeslut {
            beslut: B_AVSLAG,
            datum: date!(2026 - 02 - 17),
            satt: Utskickssatt::Brev,
            forenklad_delgivning: true,
            forhandsinformation: Some((date!(2026 - 01 - 13), Kanal::Besok)),
        });
        // Five weeks would have passed long ago, but no kontrollmeddelande is recorded.
        f.steg(Kommando::RegistreraOverklagande {
            beslut: B_AVSLAG,
            inkom: date!(2026 - 06 - 01),
            text: "Jag överklagar".into(),
        });
        let h = f.steg(Kommando::ProvaRattidighet {
            beslut: B_AVSLAG,
            datum: date!(2026 - 06 - 02),
            undantag: None,
        });
        assert!(matches!(
            h[0],
            Handelse::RattidsprovningGjord { i_tid: true, .. }
        ));
        assert!(
            !h.iter()
                .any(|x| matches!(x, Handelse::OverklagandeAvvisat { .. }))
        );
    }

    #[test]
    fn fl_45_sent_overklagande_avvisas() {
        // Served 20 February; last day Friday 13 March; came in Monday 16 March.
        let mut f = overklagat_den(date!(2026 - 03 - 16));
        let d = date!(2026 - 03 - 17);
        let h = f.steg(Kommando::ProvaRattidighet {
            beslut: B_AVSLAG,
            datum: d,
            undantag: None,
        });
        assert_eq!(
            h,
            vec![
                Handelse::RattidsprovningGjord {
                    beslut: B_AVSLAG,
                    i_tid: false,
                    sista_dag: Some(date!(2026 - 03 - 13)),
                    undantag: None,
                    datum: d,
                },
                Handelse::OverklagandeAvvisat {
                    beslut: B_AVSLAG,
                    datum: d
                },
            ]
        );
        let o = f.beslut(B_AVSLAG).overklagande.clone().unwrap();
        assert!(o.avvisat && !o.pagar());
        // A dismissed appeal goes neither to omprövning nor to the court, and does not hold the case open.
        assert!(f.kan(T::Omprova).is_err());
        assert!(f.kan(T::Overlamna).is_err());
        assert_eq!(f.kan(T::AvslutaArende), Ok(()));
    }

    #[test]
    fn fl_44_overklagande_sista_dagen_ar_i_tid() {
        let mut f = overklagat_den(date!(2026 - 03 - 13));
        let h = f.steg(Kommando::ProvaRattidighet {
            beslut: B_AVSLAG,
            datum: date!(2026 - 03 - 16),
            undantag: None,
        });
        assert_eq!(h.len(), 1);
        assert!(
            matches!(
                h[0],
                Handelse::RattidsprovningGjord {
                    i_tid: true,
                    undantag: None,
                    ..
                }
            ),
            "{h:?}"
        );
    }

    #[test]
    fn fl_45_undantag_gor_sent_overklagande_i_tid() {
        for undantag in [
            Fl45Undantag::FelaktigOverklagandehanvisning,
            Fl45Undantag::InkomTillDomstolenITid,
        ] {
            let mut f = overklagat_den(date!(2026 - 03 - 16));
            let d = date!(2026 - 03 - 17);
            let h = f.steg(Kommando::ProvaRattidighet {
                beslut: B_AVSLAG,
                datum: d,
                undantag: Some(undantag),
            });
            assert_eq!(
                h,
                vec![Handelse::RattidsprovningGjord {
                    beslut: B_AVSLAG,
                    i_tid: true,
                    sista_dag: Some(date!(2026 - 03 - 13)),
                    undantag: Some(undantag),
                    datum: d,
                }]
            );
            assert!(f.beslut(B_AVSLAG).overklagande.as_ref().unwrap().pagar());
            assert_eq!(f.kan(T::Overlamna), Ok(()));
            assert_eq!(f.kan(T::Omprova), Ok(()));
        }
    }

    #[test]
    fn fl_45_forenklad_delgivning_ger_fem_veckor_fran_utskick() {
        // Sent 6 February, served 20 February, last day 13 March.
        let i_tid = |inkom| {
            let mut f = bifall_skickat_forenklad().med(Kommando::RegistreraOverklagande {
                beslut: B_BIFALL,
                inkom,
                text: "Vill ha mer".into(),
            });
            let h = f.steg(Kommando::ProvaRattidighet {
                beslut: B_BIFALL,
                datum: date!(2026 - 03 - 20),
                undantag: None,
            });
            matches!(h[0], Handelse::RattidsprovningGjord { i_tid: true, .. })
        };
        assert!(i_tid(date!(2026 - 03 - 13)));
        assert!(!i_tid(date!(2026 - 03 - 16)));
    }

    #[test]
    fn overklagande_fore_delgivning_ar_i_tid() {
        // The time to appeal has not begun before service; nothing forbids appealing early.
        let mut f = bifall_fattat().med(Kommando::RegistreraOverklagande {
            beslut: B_BIFALL,
            inkom: date!(2026 - 02 - 06),
            text: "Vill ha mer".into(),
        });
        let h = f.steg(Kommando::ProvaRattidighet {
            beslut: B_BIFALL,
            datum: date!(2026 - 02 - 09),
            undantag: None,
        });
        assert!(
            matches!(
                h[..],
                [Handelse::RattidsprovningGjord {
                    i_tid: true,
                    sista_dag: None,
                    ..
                }]
            ),
            "{h:?}"
        );
    }

    #[test]
    fn fl_39_omprovning_efter_overlamnande_vagras() {
        // Straight from rättidsprövning to the court, without omprövning.
        let f = rattidsprovat_i_tid().med(Kommando::Overlamna {
            beslut: B_AVSLAG,
            datum: date!(2026 - 03 - 10),
        });
        let fel = f.kan(T::Omprova).unwrap_err();
        let r = f.forsok(omprova(
            B_AVSLAG,
            date!(2026 - 03 - 11),
            Some(nytt(Utfall::Bifall, date!(2026 - 03 - 11))),
        ));
        assert_eq!(r, Err(Avvisning::Tillstand(fel)));
        // And only once (the table's "omprövat" shows it closes after one).
        assert!(omprovat().kan(T::Omprova).is_err());
    }

    #[test]
    fn omprovning_kraver_rattidsprovat_overklagande() {
        assert!(overklagat().kan(T::Omprova).is_err());
        assert!(avslag_delgivet().kan(T::Omprova).is_err());
    }

    #[test]
    fn fl_46_omprovning_till_bifall_far_overklagandet_att_forfalla_och_nya_beslutet_ska_verkstallas()
     {
        let mut f = rattidsprovat_i_tid();
        let d = date!(2026 - 03 - 09);
        let h = f.steg(omprova(B_AVSLAG, d, Some(nytt(Utfall::Bifall, d))));
        assert_eq!(h.len(), 3, "{h:?}");
        assert!(
            matches!(
                h[0],
                Handelse::Omprovat {
                    beslut: B_AVSLAG,
                    andrat: true,
                    ..
                }
            ),
            "{h:?}"
        );
        let Handelse::BeslutFattat(ny) = &h[1] else {
            panic!("{h:?}")
        };
        assert_eq!(
            (ny.id, ny.utfall, ny.ersatter, ny.insats),
            (
                B_NY,
                Utfall::Bifall,
                Some(B_AVSLAG),
                InsatsTyp::Oppenvardsbehandling
            )
        );
        assert_eq!(
            ny.delegation,
            DelegationsRef {
                version: 7,
                punkt: "3.1".into()
            }
        );
        assert_eq!(
            h[2],
            Handelse::OverklagandeForfallit {
                // FL 46 §: the appeal now covers the new decision, and lapses with it.
                beslut: B_NY,
                datum: d
            }
        );

        let a = f.arende();
        let gammalt = a.beslut_lage(B_AVSLAG).unwrap();
        assert_eq!(gammalt.ersatt_av, Some(B_NY));
        assert!(!gammalt.galler());
        let nytt_lage = a.beslut_lage(B_NY).unwrap();
        assert!(nytt_lage.overklagande.as_ref().unwrap().forfallit);
        assert!(nytt_lage.galler() && nytt_lage.beviljar());
        assert!(a.obeslutade_insatser().is_empty());

        // The appeal has lapsed: nothing goes to the court.
        assert!(f.kan(T::Overlamna).is_err());
        // The new decision must be enforced (SoL 34 kap. 1 §).
        let bestall: Vec<BeslutId> = kandidater(a, T::Bestall).iter().map(|b| b.id()).collect();
        assert_eq!(bestall, vec![B_NY]);
        assert!(
            a.hinder_for_avslut()
                .iter()
                .any(|h| h.contains("34 kap. 1 §")),
            "{:?}",
            a.hinder_for_avslut()
        );
        let verk: Vec<_> = bevakningar(a)
            .into_iter()
            .filter(|b| b.typ == BevakningsTyp::Verkstallighet)
            .collect();
        assert_eq!(verk.len(), 1);
        assert_eq!(
            (verk[0].beslut, verk[0].datum),
            (Some(B_NY), date!(2026 - 06 - 09))
        );
    }

    #[test]
    fn omprovning_utan_andring_lamnar_overklagandet_for_domstolen() {
        let f = omprovat();
        let o = f.beslut(B_AVSLAG).overklagande.clone().unwrap();
        assert_eq!(o.omprovat, Some(false));
        assert!(o.pagar());
        assert!(f.beslut(B_AVSLAG).galler());
    }

    #[test]
    fn omprovning_maste_andra_nagot() {
        let f = rattidsprovat_i_tid();
        let d = date!(2026 - 03 - 09);
        let mut n = nytt(Utfall::Avslag, d);
        n.omfattning = "Två samtal i veckan".into();
        assert_eq!(
            falt(f.forsok(omprova(B_AVSLAG, d, Some(n)))),
            vec!["utfall"]
        );
    }

    /// FL 46 § andra stycket: if the nämnd changes the decision otherwise than the appellant asks,
    /// the appeal is deemed to cover the new decision, which goes up to the court too.
    #[test]
    fn fl_46_omprovning_pa_annat_satt_overklagandet_gar_vidare() {
        let mut f = rattidsprovat_i_tid();
        let d = date!(2026 - 03 - 09);
        let h = f.steg(omprova(B_AVSLAG, d, Some(nytt(Utfall::DelvisBifall, d))));
        assert!(
            !h.iter()
                .any(|h| matches!(h, Handelse::OverklagandeForfallit { .. })),
            "{h:?}"
        );
        // The appeal still has to reach the court...
        assert_eq!(f.kan(T::Overlamna), Ok(()));
        // ...and, until it is decided, the case cannot be closed.
        assert!(
            f.arende()
                .hinder_for_avslut()
                .iter()
                .any(|h| h.contains("Överklagandet")),
            "{:?}",
            f.arende().hinder_for_avslut()
        );
    }

    /// seed 004 §2.4: a decision granting an insats states how long it applies; a new decision
    /// made at omprövning is a decision like any other.
    #[test]
    fn seed_004_2_4_omprovning_till_bifall_kraver_period() {
        let f = rattidsprovat_i_tid();
        let d = date!(2026 - 03 - 09);
        let mut n = nytt(Utfall::Bifall, d);
        n.period_fran = None;
        assert_eq!(
            falt(f.forsok(omprova(B_AVSLAG, d, Some(n)))),
            vec!["period_fran"]
        );
    }

    #[test]
    fn dom_bifall_pa_avslag_ska_verkstallas_fran_domen() {
        let mut f = overlamnat();
        f.steg(Kommando::RegistreraDom {
            beslut: B_AVSLAG,
            datum: date!(2026 - 05 - 20),
            utfall: DomUtfall::Bifall,
            malnummer: "UM 1234-26".into(),
        });
        let b = f.beslut(B_AVSLAG);
        assert!(b.beviljar());
        assert_eq!(b.beviljat_datum(), date!(2026 - 05 - 20));
        assert_eq!(f.kan(T::Bestall), Ok(()));
        let verk: Vec<Date> = bevakningar(f.arende())
            .into_iter()
            .filter(|b| b.typ == BevakningsTyp::Verkstallighet)
            .map(|b| b.datum)
            .collect();
        assert_eq!(verk, vec![date!(2026 - 08 - 20)]);
    }

    #[test]
    fn dom_aterforvisning_kraver_nytt_beslut() {
        let mut f = overlamnat();
        f.steg(Kommando::RegistreraDom {
            beslut: B_AVSLAG,
            datum: date!(2026 - 05 - 20),
            utfall: DomUtfall::Aterforvisning,
            malnummer: "UM 1234-26".into(),
        });
        let a = f.arende();
        assert!(!a.beslut_lage(B_AVSLAG).unwrap().galler());
        assert_eq!(
            a.obeslutade_insatser(),
            vec![InsatsTyp::Oppenvardsbehandling]
        );
        assert_eq!(a.status(), Status::BeslutVantar);
        assert_eq!(f.kan(T::FattaBeslut), Ok(()));
    }

    #[test]
    fn overklagande_pa_avslutat_arende_oppnar_det_igen() {
        let mut f = avslutat();
        assert!(bevakningar(f.arende()).is_empty());
        f.steg(Kommando::RegistreraOverklagande {
            beslut: B_BIFALL,
            inkom: date!(2026 - 06 - 10),
            text: "Vill fortsätta behandlingen".into(),
        });
        let a = f.arende();
        assert!(!a.avslutat());
        assert_eq!(a.status(), Status::Beslutad);
        assert!(
            a.hinder_for_avslut()
                .iter()
                .any(|h| h.contains("Överklagandet")),
            "{:?}",
            a.hinder_for_avslut()
        );
        assert_eq!(f.kan(T::ProvaRattidighet), Ok(()));
        // Served 20 February: far too late, dismissed; then the case can be closed again.
        let h = f.steg(Kommando::ProvaRattidighet {
            beslut: B_BIFALL,
            datum: date!(2026 - 06 - 11),
            undantag: None,
        });
        assert!(
            matches!(h.last(), Some(Handelse::OverklagandeAvvisat { .. })),
            "{h:?}"
        );
        assert_eq!(f.kan(T::AvslutaArende), Ok(()));
    }

    /// FL 37 § andra stycket: which changes are to the party's disadvantage.
    #[test]
    fn fl_37_andring_till_nackdel_eller_inte() {
        let d = date!(2026 - 03 - 01);
        let slut = Some(date!(2026 - 12 - 31));
        let delvis = beviljat(Utfall::DelvisBifall, "Två samtal", d, slut);
        // Worse: less is granted.
        assert_eq!(
            andring(&delvis, &till(Utfall::Avslag, "", d, None)),
            Andring::TillNackdel
        );
        assert_eq!(
            andring(&delvis, &till(Utfall::Avvisning, "", d, None)),
            Andring::TillNackdel
        );
        let bifall = beviljat(Utfall::Bifall, "Två samtal", d, slut);
        assert_eq!(
            andring(&bifall, &till(Utfall::DelvisBifall, "Två samtal", d, slut)),
            Andring::TillNackdel
        );
        // Worse: the same, for a shorter time, or starting later.
        assert_eq!(
            andring(
                &bifall,
                &till(Utfall::Bifall, "Två samtal", d, Some(date!(2026 - 06 - 30)))
            ),
            Andring::TillNackdel
        );
        assert_eq!(
            andring(
                &bifall,
                &till(Utfall::Bifall, "Två samtal", date!(2026 - 04 - 01), slut)
            ),
            Andring::TillNackdel
        );
        // Not worse: delvis bifall → bifall, avslag → anything, longer time.
        assert_eq!(
            andring(&delvis, &till(Utfall::Bifall, "Två samtal", d, slut)),
            Andring::InteTillNackdel
        );
        let avslag = beviljat(Utfall::Avslag, "", d, None);
        assert_eq!(
            andring(&avslag, &till(Utfall::DelvisBifall, "Ett samtal", d, slut)),
            Andring::InteTillNackdel
        );
        assert_eq!(
            andring(&avslag, &till(Utfall::Avvisning, "", d, None)),
            Andring::InteTillNackdel
        );
        assert_eq!(
            andring(&bifall, &till(Utfall::Bifall, "Två samtal", d, None)),
            Andring::InteTillNackdel
        );
        // The same outcome with another scope: only the nämnd can judge.
        assert_eq!(
            andring(&bifall, &till(Utfall::Bifall, "Ett samtal", d, slut)),
            Andring::Oklar
        );
    }

    /// FL 37 §: an appealed delvis bifall cannot be turned into avslag at omprövning, unless
    /// a ground in andra stycket is chosen, which is then recorded.
    #[test]
    fn fl_37_omprovning_efter_overklagande_far_inte_forsamra() {
        let d = date!(2026 - 03 - 09);
        let f = rattidsprovat_i_tid();
        // The appealed decision is an avslag; make it a delvis bifall first, as the nämnd's own
        // favourable change, then appeal that.
        let mut g = f.clone();
        g.steg(omprova(B_AVSLAG, d, Some(nytt(Utfall::DelvisBifall, d))));
        let k = |grund, nytt_utfall| Kommando::Omprova {
            beslut: B_NY,
            datum: d,
            motivering: "Omprövning".into(),
            nytt: Some(NyttBeslut {
                id: BeslutId(Uuid::from_u128(150)),
                ..nytt(nytt_utfall, d)
            }),
            eget_initiativ: true,
            grund,
            till_nackdel: None,
        };
        assert_eq!(falt(g.forsok(k(None, Utfall::Avslag))), vec!["grund"]);
        let h = g
            .forsok(k(Some(Fl37Grund::OriktigaUppgifter), Utfall::Avslag))
            .expect("allowed on a listed ground");
        assert!(matches!(
            h[0],
            Handelse::Omprovat {
                grund: Some(Fl37Grund::OriktigaUppgifter),
                till_nackdel: true,
                eget_initiativ: true,
                ..
            }
        ));
        // Delvis bifall → bifall needs no ground, and the appeal lapses (FL 46 §).
        let h = g
            .forsok(k(None, Utfall::Bifall))
            .expect("a change for the better");
        assert!(matches!(
            h[0],
            Handelse::Omprovat {
                till_nackdel: false,
                grund: None,
                ..
            }
        ));
        assert!(
            h.iter()
                .any(|x| matches!(x, Handelse::OverklagandeForfallit { .. }))
        );
        // A ground given for a change that is not worse is not recorded as one.
        let h = g
            .forsok(k(Some(Fl37Grund::Forbehall), Utfall::Bifall))
            .unwrap();
        assert!(matches!(h[0], Handelse::Omprovat { grund: None, .. }));
    }

    /// FL 37 §: omprövning on the nämnd's own initiative, of any decision in force, not once an
    /// appeal has gone to the court (FL 39 §).
    #[test]
    fn fl_37_omprovning_pa_eget_initiativ() {
        let d = date!(2026 - 03 - 01);
        let mut f = bifall_skickat_forenklad();
        assert!(f.kan(T::OmprovaEgetInitiativ).is_ok());
        assert!(
            f.kan(T::Omprova).is_err(),
            "no appeal: not the FL 38–39 §§ step"
        );
        // Bifall → avslag is refused without a ground.
        let k = |grund| {
            eget_initiativ(
                omprova(B_BIFALL, d, Some(nytt(Utfall::Avslag, d))),
                grund,
                None,
            )
        };
        assert_eq!(falt(f.forsok(k(None))), vec!["grund"]);
        // Same outcome, another scope: the nämnd must say whether it is worse.
        let mut n = nytt(Utfall::Bifall, date!(2026 - 02 - 05));
        n.omfattning = "Ett samtal i månaden".into();
        n.period_fran = f.beslut(B_BIFALL).beslut.period_fran;
        n.period_till = f.beslut(B_BIFALL).beslut.period_till;
        let oklar = |nackdel| eget_initiativ(omprova(B_BIFALL, d, Some(n.clone())), None, nackdel);
        assert_eq!(falt(f.forsok(oklar(None))), vec!["till_nackdel"]);
        assert_eq!(falt(f.forsok(oklar(Some(true)))), vec!["grund"]);
        f.steg(oklar(Some(false)));
        // The new decision replaces the old, and must itself be sent.
        assert!(!f.beslut(B_BIFALL).galler());
        assert_eq!(av_typ(f.arende(), BevakningsTyp::BeslutOskickat).len(), 1);
        // Not after the appeal went to the court.
        assert!(overlamnat().kan(T::OmprovaEgetInitiativ).is_err());
    }

    /// FL 45–46 §§, FL 38–39 §§: an appeal that arrives is watched until it has been tried for
    /// time, considered for omprövning and forwarded, and the forwarding day is recorded.
    #[test]
    fn fl_46_overklagande_bevakas_tills_det_overlamnats() {
        let typer = |f: &Fall| -> Vec<(BevakningsTyp, Date)> {
            bevakningar(f.arende())
                .into_iter()
                .filter(|b| {
                    matches!(
                        b.typ,
                        BevakningsTyp::Rattidsprovning
                            | BevakningsTyp::Omprovning
                            | BevakningsTyp::Overlamnande
                    )
                })
                .map(|b| (b.typ, b.datum))
                .collect()
        };
        // Arrived Thursday 5 March: one week, 12 March.
        let senast = date!(2026 - 03 - 12);
        assert_eq!(
            typer(&overklagat()),
            vec![(BevakningsTyp::Rattidsprovning, senast)]
        );
        assert_eq!(
            typer(&rattidsprovat_i_tid()),
            vec![
                (BevakningsTyp::Omprovning, senast),
                (BevakningsTyp::Overlamnande, senast)
            ]
        );
        assert_eq!(
            typer(&omprovat()),
            vec![(BevakningsTyp::Overlamnande, senast)]
        );
        let f = overlamnat();
        assert!(typer(&f).is_empty());
        assert_eq!(
            f.beslut(B_AVSLAG)
                .overklagande
                .as_ref()
                .and_then(|o| o.overlamnat),
            Some(date!(2026 - 03 - 10))
        );
    }
}
