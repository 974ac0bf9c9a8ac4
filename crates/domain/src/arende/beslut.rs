//! Beslut and delgivning: the decision (FL 31–32 §§, seed 004 §2.4), taken
//! under the delegationsordning after kommunicering (FL 25 §), and how it
//! reaches the person: sent (FL 33 §), served (delgivning), or served by
//! förenklad delgivning (DelgL 22–24 §§), a service that failed, and
//! corrections of the dates entered for these facts.
//!
//! Förenklad delgivning in one place: the precondition (the person was told
//! beforehand, DelgL 23 §) and the kontrollmeddelande's day (DelgL 22 §) are
//! checked in `handle`; the served day follows in the fold (DelgL 24 §); the
//! letters are due by `brev`. The date arithmetic is `frister::forenklad_delgivning`.

use serde::{Deserialize, Serialize};

use super::kommando::{Fel, fel_fas, per_beslut, tillstand, valt_beslut};
use super::*;
use crate::insats::Utfall;

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

/// The service failed (returned mail, a wrong address): the decision is not
/// served and must be sent again. The step and its event carry the same facts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MisslyckadDelgivningUppgifter {
    pub beslut: BeslutId,
    pub datum: Date,
    pub skal: String,
}

/// The dated facts of a decision that exist and so can be corrected.
pub fn rattbara(b: &BeslutLage) -> Vec<RattatDatum> {
    let mut ut = vec![];
    if b.skickat.is_some() {
        ut.push(RattatDatum::Skickat);
    }
    if b.delgiven.is_some() {
        ut.push(RattatDatum::Delgiven);
    }
    if b.verkstallighet.paborjad.is_some() {
        ut.push(RattatDatum::VerkstallighetPaborjad);
    }
    ut
}

pub(super) fn kandidat(typ: KommandoTyp, b: &BeslutLage) -> bool {
    use KommandoTyp as T;
    match typ {
        T::SkickaBeslut => b.skickat.is_none() && b.delgiven.is_none(),
        T::RegistreraDelgivning => b.delgiven.is_none(),
        T::RegistreraKontrollmeddelande => b.vantar_kontrollmeddelande(),
        // Once appealed, the appeal runs whatever became of the service.
        // A service recorded by other means (mottagningsbevis) has happened.
        T::RegistreraMisslyckadDelgivning => {
            b.overklagande.is_none()
                && match b.skickat {
                    Some((_, _, true)) => true,
                    Some(_) => b.delgiven.is_none(),
                    None => false,
                }
        }
        T::RattaDatum => !rattbara(b).is_empty(),
        _ => false,
    }
}

pub(super) fn kan(a: &Arende, typ: KommandoTyp) -> Result<(), String> {
    use KommandoTyp as T;
    match typ {
        T::FattaBeslut => {
            if a.obeslutade_insatser().is_empty() {
                tillstand(
                    "Alla ansökta insatser har ett beslut. Registrera en ny ansökan om något mer söks.",
                )
            } else {
                Ok(())
            }
        }
        T::InformeraOmForenkladDelgivning => match a.forhandsinformerad {
            Some(d) => tillstand(format!(
                "Det är redan registrerat att den enskilde informerades om förenklad delgivning ({d})."
            )),
            None => Ok(()),
        },
        _ => per_beslut(a, typ),
    }
}

pub(super) fn handle(
    a: &Arende,
    kommando: Kommando,
    ctx: &Kontext,
    fel: &mut Fel,
) -> Result<Vec<Handelse>, Avvisning> {
    let idag = ctx.idag;
    Ok(match kommando {
        Kommando::FattaBeslut {
            id,
            insats,
            utfall,
            lagrum,
            mal,
            omfattning,
            period_fran,
            period_till,
            motivering,
            datum,
            kommunicering_obehovlig,
            foredragande,
            avslagen_del,
        } => {
            fel.om(
                !a.obeslutade_insatser().contains(&insats),
                "insats",
                "Beslutet måste gälla en ansökt insats som inte redan har ett beslut.",
            );
            fel.inte_framtid(datum, idag, "datum");
            fel.inte_fore(datum, a.inkom, "datum", "ärendets start");
            // FL 32 §: a decision that can be expected to affect someone's situation
            // must state the reasons: provisions and decisive circumstances.
            fel.text_kravs(
                &motivering,
                "motivering",
                "Skriv en motivering: vilka bestämmelser och omständigheter som avgjort.",
            );
            if utfall != Utfall::Avvisning {
                // FL 23 §: the nämnd sees to it that the case is investigated as its nature requires.
                fel.om(
                    a.utredning_avslutad.is_none(),
                    "utfall",
                    "Utredningen måste vara avslutad innan beslut i sak fattas. Avvisning kan beslutas utan utredning.",
                );
            }
            if insats == InsatsTyp::Forsorjningsstod && utfall != Utfall::Avvisning {
                // SoL 12 kap. 1 §, SoF 12 kap. 2 §: försörjningsstöd is decided from the
                // month's calculation, and each adult's försörjningshinder is reported for
                // every month decided (HSLF-FS 2015:30).
                if a.forsorjningsstod.is_empty() {
                    fel.om(
                        true,
                        "utfall",
                        "Beräkna försörjningsstödet för månaden innan beslutet fattas.",
                    );
                } else if let Some((m, _)) = a
                    .forsorjningsstod
                    .iter()
                    .find(|(m, _)| !a.forsorjningshinder.iter().any(|(x, _)| x == m))
                {
                    fel.om(
                        true,
                        "utfall",
                        format!(
                            "Beräkningen för {} saknar försörjningshinder. Beräkna månaden igen och ange hindret för varje vuxen.",
                            m.namn()
                        ),
                    );
                }
            }
            if utfall.beviljar() {
                // seed 004 §2.4: the decision states goal, scope and period.
                fel.text_kravs(&mal, "mal", "Skriv målet med insatsen.");
                fel.text_kravs(&omfattning, "omfattning", "Skriv insatsens omfattning.");
                fel.om(
                    period_fran.is_none(),
                    "period_fran",
                    "Ange från vilket datum beslutet gäller.",
                );
            }
            if let (Some(fran), Some(till)) = (period_fran, period_till) {
                fel.om(
                    till < fran,
                    "period_till",
                    "Slutdatum kan inte vara före startdatum.",
                );
            }
            if utfall == Utfall::DelvisBifall {
                // FL 32 §: the person must see which part of the application is refused,
                // or the refusal cannot be understood or appealed.
                fel.text_kravs(
                    &avslagen_del,
                    "avslagen_del",
                    "Skriv vad som avslås: vad den enskilde ansökte om och vad som inte beviljas.",
                );
            }
            if utfall.negativt() {
                // FL 25 §: before a decision against the party, the party must have had the
                // material and a chance to answer, unless that is obviously unnecessary.
                // The material must have been communicated after this insats was applied for.
                let ansokt = a
                    .ansokta
                    .iter()
                    .filter(|(i, _)| *i == insats)
                    .map(|(_, d)| *d)
                    .max()
                    .unwrap_or(a.inkom);
                let kommunicerat = a
                    .kommuniceringar
                    .iter()
                    .any(|k| k.datum >= ansokt && (k.svar.is_some() || k.svar_senast < datum));
                let skal = kommunicering_obehovlig.as_deref().unwrap_or("").trim();
                fel.om(
                    !kommunicerat && skal.is_empty(),
                    "kommunicering_obehovlig",
                    "Den enskilde ska få svara på underlaget innan beslut som går emot hen (FL 25 §). \
                     Vänta på svar eller svarsfristen, eller skriv varför kommunicering uppenbart är obehövlig.",
                );
            }
            fel.klart()?;
            let delegation = ctx.delegationsordning.behorighet(ctx.roll, insats, utfall).ok_or_else(|| {
                Avvisning::Delegation(format!(
                    "Du har inte delegation att besluta om {} ({}). Beslutet ska fattas av den som har delegation enligt delegationsordningen version {}.",
                    insats.namn(),
                    utfall.namn().to_lowercase(),
                    ctx.delegationsordning.version
                ))
            })?;
            vec![Handelse::BeslutFattat(Beslut {
                id,
                insats,
                utfall,
                lagrum,
                mal,
                omfattning,
                period_fran,
                period_till,
                motivering,
                datum,
                beslutsfattare: ctx.aktor,
                delegation,
                kommunicering_obehovlig: kommunicering_obehovlig.filter(|s| !s.trim().is_empty()),
                ersatter: None,
                foredragande,
                avslagen_del: if utfall == Utfall::DelvisBifall {
                    avslagen_del.trim().to_string()
                } else {
                    String::new()
                },
            })]
        }
        Kommando::SkickaBeslut {
            beslut,
            datum,
            satt,
            forenklad_delgivning,
            forhandsinformation,
        } => {
            let b = valt_beslut(a, KommandoTyp::SkickaBeslut, beslut)?;
            fel.inte_fore(datum, b.beslut.datum, "datum", "beslutsdagen");
            fel.inte_framtid(datum, idag, "datum");
            // Handed over in person, the person is served then and there; förenklad
            // delgivning is a way of sending by post (DelgL 22 §).
            fel.om(
                forenklad_delgivning && satt == Utskickssatt::Personligen,
                "forenklad_delgivning",
                "Ett beslut som lämnats personligen delges inte med förenklad delgivning. Registrera delgivningen i stället.",
            );
            let mut h = vec![];
            if forenklad_delgivning {
                // DelgL 23 §: only if the person was told beforehand, a fact with its day.
                let ny = forhandsinformation.filter(|_| a.forhandsinformerad.is_none());
                if let Some((dag, _)) = ny {
                    fel.inte_framtid(dag, idag, "forhandsinformation.datum");
                }
                match a.forhandsinformerad.or(ny.map(|(d, _)| d)) {
                    None => fel.om(
                        true,
                        "forhandsinformation.datum",
                        "Förenklad delgivning får bara användas om den enskilde i förväg fått veta att det kan ske (23 § delgivningslagen). Ange när och hur hen fick veta det.",
                    ),
                    Some(informerad) => fel.om(
                        informerad > datum,
                        "forhandsinformation.datum",
                        format!("Den enskilde informerades om förenklad delgivning {informerad}, efter att beslutet skickades. Informationen ska komma i förväg (23 § delgivningslagen)."),
                    ),
                }
                if let Some((datum, kanal)) = ny {
                    h.push(Handelse::InformeradOmForenkladDelgivning { datum, kanal });
                }
            }
            h.push(Handelse::BeslutSkickat {
                beslut,
                datum,
                satt,
                forenklad_delgivning,
            });
            h
        }
        Kommando::InformeraOmForenkladDelgivning { datum, kanal } => {
            fel.inte_framtid(datum, idag, "datum");
            vec![Handelse::InformeradOmForenkladDelgivning { datum, kanal }]
        }
        Kommando::RegistreraKontrollmeddelande { beslut, datum } => {
            let b = valt_beslut(a, KommandoTyp::RegistreraKontrollmeddelande, beslut)?;
            fel.inte_framtid(datum, idag, "datum");
            if let Some((skickat, _, _)) = b.skickat {
                // DelgL 22 §: "närmast följande arbetsdag" after the sending. Sent later,
                // förenklad delgivning has not happened: the person must be served
                // another way, so the late day is refused rather than recorded as service.
                let senast = frister::forenklad_delgivning(skickat).kontrollmeddelande;
                fel.om(
                    datum <= skickat,
                    "datum",
                    format!("Kontrollmeddelandet skickas dagen efter beslutet, tidigast {} (22 § delgivningslagen).", skickat.next_day().unwrap_or(skickat)),
                );
                fel.om(
                    datum > senast,
                    "datum",
                    format!("Kontrollmeddelandet skulle ha skickats senast {senast} (22 § delgivningslagen). Förenklad delgivning har då inte skett: registrera att delgivningen misslyckades och skicka beslutet igen, eller delge på annat sätt."),
                );
            }
            vec![Handelse::KontrollmeddelandeSkickat { beslut, datum }]
        }
        Kommando::RegistreraMisslyckadDelgivning(m) => {
            let b = valt_beslut(a, KommandoTyp::RegistreraMisslyckadDelgivning, m.beslut)?;
            if let Some((skickat, _, _)) = b.skickat {
                fel.inte_fore(m.datum, skickat, "datum", "utskicket");
            }
            fel.inte_framtid(m.datum, idag, "datum");
            fel.text_kravs(
                &m.skal,
                "skal",
                "Skriv vad som hände, till exempel att brevet kom tillbaka eller att adressen var fel.",
            );
            vec![Handelse::DelgivningMisslyckad(m)]
        }
        Kommando::RegistreraDelgivning {
            beslut,
            datum,
            satt,
        } => {
            let b = valt_beslut(a, KommandoTyp::RegistreraDelgivning, beslut)?;
            fel.inte_fore(datum, b.beslut.datum, "datum", "beslutsdagen");
            fel.inte_framtid(datum, idag, "datum");
            fel.text_kravs(
                &satt,
                "satt",
                "Skriv hur beslutet delgavs, till exempel med mottagningsbevis.",
            );
            vec![Handelse::BeslutDelgivet {
                beslut,
                datum,
                satt,
            }]
        }
        Kommando::RattaDatum {
            beslut,
            vad,
            datum,
            skal,
        } => {
            let b = valt_beslut(a, KommandoTyp::RattaDatum, beslut)?;
            fel.om(
                !rattbara(b).contains(&vad),
                "vad",
                "Beslutet har inget sådant datum att rätta.",
            );
            fel.inte_fore(datum, b.beslut.datum, "datum", "beslutsdagen");
            fel.inte_framtid(datum, idag, "datum");
            fel.text_kravs(&skal, "skal", "Skriv varför datumet rättas.");
            // The original event stays; the correction is a new one and every
            // bevakning that depends on the date is derived again (DESIGN.md principle 2).
            vec![Handelse::DatumRattat {
                beslut,
                vad,
                datum,
                skal,
            }]
        }
        annan => return Err(fel_fas(&annan)),
    })
}

/// The letters of sending a decision: the decision letter (FL 33 §) and, under
/// förenklad delgivning, the kontrollmeddelande the next working day (DelgL 22 §),
/// which tells the day the person counts as served (DelgL 24 §).
pub(super) fn brev(fore: &Arende, h: &Handelse, ut: &mut Vec<Brev>) {
    let Handelse::BeslutSkickat {
        beslut,
        datum,
        forenklad_delgivning,
        ..
    } = h
    else {
        return;
    };
    if fore.beslut_lage(*beslut).is_none() {
        return;
    }
    let delgivning = forenklad_delgivning.then(|| frister::forenklad_delgivning(*datum));
    ut.push(Brev::Beslutsbrev {
        beslut: *beslut,
        datum: *datum,
        // FL 44 §: known in advance only under förenklad delgivning.
        sista_dag_att_overklaga: delgivning.map(|d| frister::sista_dag_overklagande(d.delgiven)),
    });
    if let Some(d) = delgivning {
        ut.push(Brev::Kontrollmeddelande {
            beslut: *beslut,
            datum: d.kontrollmeddelande,
            skickat: *datum,
            delgiven: d.delgiven,
        });
    }
}

impl Arende {
    pub(super) fn tillampa_beslut(&mut self, h: &Handelse) {
        match h {
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
            Handelse::DelgivningMisslyckad(MisslyckadDelgivningUppgifter {
                beslut, datum, ..
            }) => {
                if let Some(b) = self.beslut_mut(*beslut) {
                    // Returned mail or a wrong address: nothing was served, and the
                    // decision must be sent again (the failed sending stays in the history).
                    b.skickat = None;
                    b.kontrollmeddelande = None;
                    b.delgiven = None;
                    b.misslyckade_delgivningar.push(*datum);
                }
            }
            Handelse::InformeradOmForenkladDelgivning { datum, .. } => {
                self.forhandsinformerad.get_or_insert(*datum);
            }
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
            // Events of other phases are folded there (`Arende::tillampa`).
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::arende::testfall::*;

    #[test]
    fn fl_25_avslag_utan_kommunicering_vagras() {
        let f = utredning_avslutad();
        let d = date!(2026 - 02 - 17);
        for utfall in [Utfall::Avslag, Utfall::DelvisBifall, Utfall::Avvisning] {
            let r = f.forsok(fatta(B_AVSLAG, InsatsTyp::Oppenvardsbehandling, utfall, d));
            assert_eq!(falt(r), vec!["kommunicering_obehovlig"], "{utfall:?}");
        }
        // A blank reason is no reason.
        let mut k = fatta(B_AVSLAG, InsatsTyp::Oppenvardsbehandling, Utfall::Avslag, d);
        if let Kommando::FattaBeslut {
            kommunicering_obehovlig,
            ..
        } = &mut k
        {
            *kommunicering_obehovlig = Some("   ".into());
        }
        assert_eq!(falt(f.forsok(k)), vec!["kommunicering_obehovlig"]);
        // A bifall does not go against the party.
        assert!(
            f.forsok(fatta(
                B_BIFALL,
                InsatsTyp::Oppenvardsbehandling,
                Utfall::Bifall,
                d
            ))
            .is_ok()
        );
    }

    #[test]
    fn fl_25_avslag_med_skal_att_kommunicering_ar_obehovlig_tillats() {
        let mut f = utredning_avslutad();
        let mut k = fatta(
            B_AVSLAG,
            InsatsTyp::Oppenvardsbehandling,
            Utfall::Avslag,
            date!(2026 - 02 - 17),
        );
        if let Kommando::FattaBeslut {
            kommunicering_obehovlig,
            ..
        } = &mut k
        {
            *kommunicering_obehovlig = Some("Den enskilde har själv lämnat allt underlag".into());
        }
        let h = f.steg(k);
        let Handelse::BeslutFattat(b) = &h[0] else {
            panic!("{h:?}")
        };
        assert_eq!(
            b.kommunicering_obehovlig.as_deref(),
            Some("Den enskilde har själv lämnat allt underlag")
        );
    }

    #[test]
    fn fl_25_avslag_efter_svar_eller_svarsfrist_tillats() {
        // Reply deadline Saturday 14 February, moved to Monday 16 February.
        let f = kommunicerat_vantar_svar();
        let avslag = |d| fatta(B_AVSLAG, InsatsTyp::Oppenvardsbehandling, Utfall::Avslag, d);
        // On the last day to reply, without a reply: still too early.
        assert_eq!(
            falt(f.forsok(avslag(date!(2026 - 02 - 16)))),
            vec!["kommunicering_obehovlig"]
        );
        // After the deadline.
        assert!(f.forsok(avslag(date!(2026 - 02 - 17))).is_ok());
        // After a reply, even before the deadline.
        let f = kommunicering_besvarad();
        assert!(f.forsok(avslag(date!(2026 - 02 - 11))).is_ok());
    }

    /// FL 25 §: before an adverse decision the party must have had the material *for that
    /// decision*. A kommunicering answered before the insats was even applied for cannot be it.
    #[test]
    fn fl_25_avslag_pa_senare_ansokan_kraver_egen_kommunicering() {
        // K1 was answered on 10 February; Kontaktperson is applied for on 2 March.
        let f = avslag_delgivet().med(Kommando::AnsokInsats {
            insats: InsatsTyp::Kontaktperson,
            datum: date!(2026 - 03 - 02),
            kanal: Kanal::Besok,
        });
        let r = f.forsok(fatta(
            B_NY,
            InsatsTyp::Kontaktperson,
            Utfall::Avslag,
            date!(2026 - 03 - 03),
        ));
        assert_eq!(falt(r), vec!["kommunicering_obehovlig"]);
    }

    #[test]
    fn delegation_hvb_vagras_for_handlaggare() {
        let f = hvb_utredd();
        let r = f.forsok(fatta(
            B_BIFALL,
            InsatsTyp::Hvb,
            Utfall::Bifall,
            date!(2026 - 02 - 05),
        ));
        assert!(
            matches!(r, Err(Avvisning::Delegation(ref t)) if t.contains("version 7")),
            "{r:?}"
        );
    }

    #[test]
    fn delegation_hvb_tillats_for_arbetsledare_med_version_och_punkt() {
        let mut f = hvb_utredd();
        let h = f.steg_som(
            fatta(
                B_BIFALL,
                InsatsTyp::Hvb,
                Utfall::Bifall,
                date!(2026 - 02 - 05),
            ),
            &arbetsledare(),
        );
        let Handelse::BeslutFattat(b) = &h[0] else {
            panic!("{h:?}")
        };
        assert_eq!(
            b.delegation,
            DelegationsRef {
                version: 7,
                punkt: "3.5".into()
            }
        );
        assert_eq!(b.beslutsfattare, ARBETSLEDARE);
        // The handläggare's own decisions record their point too.
        let h = utredning_avslutad().steg(fatta(
            B_BIFALL,
            InsatsTyp::Oppenvardsbehandling,
            Utfall::Bifall,
            date!(2026 - 02 - 05),
        ));
        let Handelse::BeslutFattat(b) = &h[0] else {
            panic!("{h:?}")
        };
        assert_eq!(
            b.delegation,
            DelegationsRef {
                version: 7,
                punkt: "3.1".into()
            }
        );
        assert_eq!(b.beslutsfattare, HANDLAGGARE);
    }

    #[test]
    fn seed_004_2_4_bifall_kraver_mal_omfattning_och_period() {
        let f = utredning_avslutad();
        for utfall in [Utfall::Bifall, Utfall::DelvisBifall] {
            let mut k = fatta(
                B_BIFALL,
                InsatsTyp::Oppenvardsbehandling,
                utfall,
                date!(2026 - 02 - 05),
            );
            if let Kommando::FattaBeslut {
                mal,
                omfattning,
                period_fran,
                kommunicering_obehovlig,
                ..
            } = &mut k
            {
                *mal = String::new();
                *omfattning = "  ".into();
                *period_fran = None;
                *kommunicering_obehovlig = Some("Beviljas i stort sett som sökt".into());
            }
            let mut fel = falt(f.forsok(k));
            fel.sort_unstable();
            assert_eq!(fel, vec!["mal", "omfattning", "period_fran"], "{utfall:?}");
        }
    }

    #[test]
    fn fl_23_beslut_i_sak_kraver_avslutad_utredning_men_inte_avvisning() {
        let f = utredning_pagar();
        let d = date!(2026 - 02 - 05);
        assert_eq!(
            falt(f.forsok(fatta(
                B_BIFALL,
                InsatsTyp::Oppenvardsbehandling,
                Utfall::Bifall,
                d
            ))),
            vec!["utfall"]
        );
        let mut k = fatta(
            B_BIFALL,
            InsatsTyp::Oppenvardsbehandling,
            Utfall::Avvisning,
            d,
        );
        if let Kommando::FattaBeslut {
            kommunicering_obehovlig,
            ..
        } = &mut k
        {
            *kommunicering_obehovlig = Some("Ansökan gäller inte kommunen".into());
        }
        assert!(f.forsok(k).is_ok());
    }

    #[test]
    fn fl_32_beslut_kraver_motivering() {
        let mut k = fatta(
            B_BIFALL,
            InsatsTyp::Oppenvardsbehandling,
            Utfall::Bifall,
            date!(2026 - 02 - 05),
        );
        if let Kommando::FattaBeslut { motivering, .. } = &mut k {
            *motivering = " ".into();
        }
        assert_eq!(falt(utredning_avslutad().forsok(k)), vec!["motivering"]);
    }

    #[test]
    fn delgl_23_forenklad_delgivning_utan_forhandsinformation_vagras() {
        let f = bifall_fattat();
        let skicka = |forenklad_delgivning, info: Option<(Date, Kanal)>| Kommando::SkickaBeslut {
            beslut: B_BIFALL,
            datum: date!(2026 - 02 - 06),
            satt: Utskickssatt::Brev,
            forenklad_delgivning,
            forhandsinformation: info,
        };
        assert_eq!(
            falt(f.forsok(skicka(true, None))),
            vec!["forhandsinformation.datum"]
        );
        // Told after the sending is not "i förväg".
        assert_eq!(
            falt(f.forsok(skicka(true, Some((date!(2026 - 02 - 07), Kanal::Telefon))))),
            vec!["forhandsinformation.datum"]
        );
        // The prior information is recorded as a fact with its day and channel.
        let h = f
            .forsok(skicka(true, Some((date!(2026 - 01 - 20), Kanal::Papper))))
            .unwrap();
        assert_eq!(
            h[0],
            Handelse::InformeradOmForenkladDelgivning {
                datum: date!(2026 - 01 - 20),
                kanal: Kanal::Papper
            }
        );
        // A fact recorded before needs no repetition.
        let g = bifall_fattat().med(Kommando::InformeraOmForenkladDelgivning {
            datum: date!(2026 - 01 - 20),
            kanal: Kanal::Besok,
        });
        assert!(g.forsok(skicka(true, None)).is_ok());
        // Ordinary sending needs no prior information, and serves nothing by itself.
        let mut f = f;
        f.steg(skicka(false, None));
        assert_eq!(f.beslut(B_BIFALL).delgiven, None);
    }

    /// DelgL 22 §: handed over in person is no förenklad delgivning.
    #[test]
    fn delgl_22_lamnat_personligen_med_forenklad_delgivning_vagras() {
        let r = bifall_fattat().forsok(Kommando::SkickaBeslut {
            beslut: B_BIFALL,
            datum: date!(2026 - 02 - 06),
            satt: Utskickssatt::Personligen,
            forenklad_delgivning: true,
            forhandsinformation: Some((date!(2026 - 01 - 13), Kanal::Besok)),
        });
        assert_eq!(falt(r), vec!["forenklad_delgivning"]);
    }

    /// DelgL 22–24 §§: served only once the kontrollmeddelande is recorded, and it is
    /// watched until it is; a late one is refused, a failed service voids the sending.
    #[test]
    fn delgl_24_delgiven_forst_nar_kontrollmeddelandet_ar_registrerat() {
        let f = bifall_skickat_utan_kontroll();
        let b = f.beslut(B_BIFALL);
        assert_eq!(
            b.delgiven, None,
            "not served on an assumed kontrollmeddelande"
        );
        assert_eq!(b.sista_dag_overklagande(), None);
        let bev = bevakningar(f.arende());
        let k = bev
            .iter()
            .find(|b| b.typ == BevakningsTyp::Kontrollmeddelande)
            .expect("the kontrollmeddelande is watched");
        assert_eq!(k.datum, date!(2026 - 02 - 09));
        assert!(
            f.arende()
                .hinder_for_avslut()
                .iter()
                .any(|h| h.contains("Kontrollmeddelandet"))
        );
        // Sent too late: förenklad delgivning did not happen.
        let sent = Kommando::RegistreraKontrollmeddelande {
            beslut: B_BIFALL,
            datum: date!(2026 - 02 - 10),
        };
        assert_eq!(falt(f.forsok(sent)), vec!["datum"]);
        // On time: served two weeks after sending.
        let g = bifall_skickat_forenklad();
        assert_eq!(g.beslut(B_BIFALL).delgiven, Some(date!(2026 - 02 - 20)));
        assert!(
            bevakningar(g.arende())
                .iter()
                .all(|b| b.typ != BevakningsTyp::Kontrollmeddelande)
        );
        // Returned mail: the service is void and the decision must be sent again.
        let h = g.med(Kommando::RegistreraMisslyckadDelgivning(
            MisslyckadDelgivningUppgifter {
                beslut: B_BIFALL,
                datum: date!(2026 - 02 - 16),
                skal: "Brevet kom tillbaka: okänd på adressen".into(),
            },
        ));
        let b = h.beslut(B_BIFALL);
        assert_eq!((b.skickat, b.delgiven), (None, None));
        assert_eq!(b.misslyckade_delgivningar, vec![date!(2026 - 02 - 16)]);
        assert!(h.kan(T::SkickaBeslut).is_ok());
        assert!(
            bevakningar(h.arende())
                .iter()
                .any(|b| b.typ == BevakningsTyp::BeslutOskickat)
        );
    }

    #[test]
    fn delgl_forenklad_delgivning_delgiven_tva_veckor_efter_utskick() {
        let f = bifall_skickat_forenklad();
        let b = f.beslut(B_BIFALL);
        assert_eq!(
            b.skickat,
            Some((date!(2026 - 02 - 06), Utskickssatt::Brev, true))
        );
        assert_eq!(b.delgiven, Some(date!(2026 - 02 - 20)));
        assert_eq!(b.delgiven, Some(date!(2026 - 02 - 06) + Duration::weeks(2)));
        // FL 44 §: three weeks from service, so five weeks from sending (seed 004 §2.5).
        assert_eq!(b.sista_dag_overklagande(), Some(date!(2026 - 03 - 13)));
        // Already served: no separate delgivning to register.
        assert!(f.kan(T::RegistreraDelgivning).is_err());
    }

    /// FL 44 §: the appeal period runs from the day the party was served. A decision already
    /// served (here handed over in person) is not served again, later, by förenklad delgivning.
    #[test]
    fn fl_44_forenklad_delgivning_efter_delgivning_flyttar_inte_delgivningsdagen() {
        let mut f = bifall_fattat().med(Kommando::RegistreraDelgivning {
            beslut: B_BIFALL,
            datum: date!(2026 - 02 - 06),
            satt: "Lämnat personligen".into(),
        });
        assert_eq!(f.beslut(B_BIFALL).delgiven, Some(date!(2026 - 02 - 06)));
        // Either refused, or accepted without changing the day of service.
        let r = f.forsok(Kommando::SkickaBeslut {
            beslut: B_BIFALL,
            datum: date!(2026 - 02 - 09),
            satt: Utskickssatt::Brev,
            forenklad_delgivning: true,
            forhandsinformation: Some((date!(2026 - 01 - 13), Kanal::Besok)),
        });
        if let Ok(h) = r {
            tillampa_alla(&mut f.a, &h);
        }
        assert_eq!(f.beslut(B_BIFALL).delgiven, Some(date!(2026 - 02 - 06)));
        assert_eq!(
            f.beslut(B_BIFALL).sista_dag_overklagande(),
            Some(date!(2026 - 02 - 27))
        );
    }

    /// FL 33 §: a decision not sent has no appeal instructions and starts no appeal time. It
    /// is watched from the day it is made, and the case cannot be closed while it is unsent.
    #[test]
    fn fl_33_oskickat_beslut_bevakas_och_hindrar_avslut() {
        let f = avslag_fattat();
        let b = av_typ(f.arende(), BevakningsTyp::BeslutOskickat);
        assert_eq!(b.len(), 1);
        assert_eq!(b[0].datum, date!(2026 - 02 - 17));
        assert_eq!(b[0].beslut, Some(B_AVSLAG));
        let fel = f.kan(T::AvslutaArende).unwrap_err();
        assert!(fel.contains("inte skickat"), "{fel}");
        // Sent: the watch ends.
        assert!(av_typ(avslag_delgivet().arende(), BevakningsTyp::BeslutOskickat).is_empty());
        assert!(avslag_delgivet().kan(T::AvslutaArende).is_ok());
    }

    #[test]
    fn fl_44_rattat_delgivningsdatum_raknar_om_overklagandetiden() {
        let mut f = bifall_skickat_forenklad();
        // Sent 2026-02-06 → served 2026-02-20 → last day 2026-03-13 (FL 44 §).
        assert_eq!(
            bevakning_av(f.arende(), BevakningsTyp::Overklagandetid),
            vec![date!(2026 - 03 - 13)]
        );
        let h = f.steg(Kommando::RattaDatum {
            beslut: B_BIFALL,
            vad: RattatDatum::Delgiven,
            datum: date!(2026 - 02 - 24),
            skal: "Mottagningsbeviset visar den 24:e".into(),
        });
        assert_eq!(h.len(), 1);
        assert_eq!(
            bevakning_av(f.arende(), BevakningsTyp::Overklagandetid),
            vec![date!(2026 - 03 - 17)]
        );
        // The original event is still in the history.
        assert!(
            f.logg
                .iter()
                .any(|h| matches!(h, Handelse::BeslutSkickat { .. }))
        );
        // Correcting the sending day of förenklad delgivning moves the served day with it.
        f.steg(Kommando::RattaDatum {
            beslut: B_BIFALL,
            vad: RattatDatum::Skickat,
            datum: date!(2026 - 02 - 09),
            skal: "Skickades måndagen".into(),
        });
        assert_eq!(f.beslut(B_BIFALL).delgiven, Some(date!(2026 - 02 - 23)));
    }

    #[test]
    fn rattning_kraver_skal_och_ett_datum_som_finns() {
        let f = bifall_fattat();
        // Nothing sent yet: nothing to correct.
        assert!(f.kan(T::RattaDatum).is_err());
        let f = bifall_skickat_forenklad();
        let r = f.forsok(Kommando::RattaDatum {
            beslut: B_BIFALL,
            vad: RattatDatum::VerkstallighetPaborjad,
            datum: date!(2026 - 02 - 24),
            skal: String::new(),
        });
        assert_eq!(falt(r), vec!["vad", "skal"]);
    }
}
