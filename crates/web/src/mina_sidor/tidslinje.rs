//! The case as the person sees it: a timeline in plain words from the case's
//! events, where the case stands, what comes next and when it is late. The
//! same events the handläggare works from; only the words differ.

use lots_domain::arende::partsinsyn::{self, Undanhallet};
use lots_domain::arende::{
    Arende, AterkallelseUppgifter, BevakningsTyp, BrevTyp, DrojsmalUppgifter,
    ForhandsbedomningsUtfall, Handelse, MisslyckadDelgivningUppgifter, UpphorandeUppgifter,
    Utskickssatt, bevakningar, kan_begara_avgorande,
};
use lots_domain::frister;
use lots_domain::ids::{AnvandarId, BeslutId};
use lots_store::LagradHandelse;
use time::Date;

use super::Texter;

/// One entry of the timeline.
pub struct Post {
    pub datum: Date,
    pub rubrik: String,
    pub rader: Vec<String>,
    /// Said aloud when secrecy withholds part of it, never dropped silently.
    pub undanhallet: Option<String>,
    /// A page to go on to: (href, text).
    pub lank: Option<(String, String)>,
}

/// The day an event happened: its own date, or when it was recorded.
pub fn datum_for(h: &LagradHandelse) -> Date {
    use Handelse as H;
    match &h.handelse {
        H::AnsokanRegistrerad { inkom, .. }
        | H::AnmalanRegistrerad { inkom, .. }
        | H::InformationRegistrerad { inkom, .. }
        | H::OverklagandeInkommit { inkom, .. } => *inkom,
        H::InsatsAnsokt { datum, .. }
        | H::Forhandsbedomd { datum, .. }
        | H::UtredningInledd { datum, .. }
        | H::SynpunkterRegistrerade { datum, .. }
        | H::UtredningAvslutad { datum }
        | H::Kommunicerad { datum, .. }
        | H::KommuniceringBesvarad { datum, .. }
        | H::BeslutSkickat { datum, .. }
        | H::BeslutDelgivet { datum, .. }
        | H::RattidsprovningGjord { datum, .. }
        | H::OverklagandeAvvisat { datum, .. }
        | H::Omprovat { datum, .. }
        | H::OverklagandeForfallit { datum, .. }
        | H::OverlamnatTillForvaltningsratten { datum, .. }
        | H::DomMeddelad { datum, .. }
        | H::Bestalld { datum, .. }
        | H::VerkstallighetPaborjad { datum, .. }
        | H::VerkstallighetAvbruten { datum, .. }
        | H::VerkstallighetAterupptagen { datum, .. }
        | H::VerkstallighetAvslutad { datum, .. }
        | H::VerkstallsEj { datum, .. }
        | H::Uppfoljd { datum, .. }
        | H::BevakningKvitterad { datum, .. }
        | H::JournalAntecknad { datum, .. }
        | H::JournalInvandning { datum, .. }
        | H::ArendeAvslutat { datum, .. }
        | H::DatumRattat { datum, .. }
        | H::BrevSkapat { datum, .. }
        | H::BegaranOmAvgorande { datum }
        | H::BegaranOmAvgorandeAvslagen { datum, .. }
        | H::GenomforandeplanUpprattad { datum, .. }
        | H::AnsokanAterkallad(AterkallelseUppgifter { datum, .. })
        | H::InformeradOmForenkladDelgivning { datum, .. }
        | H::KontrollmeddelandeSkickat { datum, .. }
        | H::DelgivningMisslyckad(MisslyckadDelgivningUppgifter { datum, .. })
        | H::VerkstallighetUpphort(UpphorandeUppgifter { datum, .. })
        | H::DrojsmalMeddelat(DrojsmalUppgifter { datum, .. })
        | H::ForsorjningsstodBeraknat { datum, .. }
        | H::InstrumentRegistrerat { datum, .. }
        | H::GrundutredningBedomd { datum, .. }
        | H::UtbetalningSkickad { datum, .. }
        | H::UtbetalningMakulerad { datum, .. }
        | H::HandlaggarbyteBegart { datum, .. }
        | H::HandlaggarbyteBesvarat { datum, .. } => *datum,
        H::ManadsansokanInlamnad(a) => a.datum,
        H::GemensamAnsokanBekraftad(b) => b.datum,
        H::FordjupadUtredningVald(v) => v.datum,
        H::UtredningsavsnittSkrivet(x) => x.datum,
        H::PlanSkriven(p) => p.datum,
        H::PlanBesvarad { svar, .. } => svar.datum,
        H::PlanUppfoljd(u) => u.datum,
        H::ForsorjningsstodAvslutat { datum, .. } => *datum,
        H::BeslutFattat(b) => b.datum,
        _ => h.tidpunkt.date(),
    }
}

fn insatser(v: &[lots_domain::insats::InsatsTyp], t: &Texter) -> String {
    v.iter()
        .map(|i| t.insats(*i).to_lowercase())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The timeline, newest first. `namn` gives a staff member's name; `egen` is the
/// account the person's own acts are recorded under; `skyddade` are the medsökande of the
/// case's joint applications who have skyddade personuppgifter.
pub fn tidslinje(
    handelser: &[LagradHandelse],
    a: &Arende,
    t: &Texter,
    namn: &dyn Fn(AnvandarId) -> String,
    egen: AnvandarId,
    skyddade: &[lots_domain::identitet::Identitet],
) -> Vec<Post> {
    use Handelse as H;
    let arende = a.id;
    let mut ut = vec![];
    // The decisions whose plan has been written so far: a later one is a new version.
    let mut planerade = vec![];
    for lh in handelser
        .iter()
        .filter(|lh| partsinsyn::visas_for_enskild(&lh.handelse))
    {
        let datum = datum_for(lh);
        let mut rader = vec![];
        let fran_enskild = lh.aktor == egen;
        // What the rules withhold is said, in the person's words.
        let undanhallet = partsinsyn::undanhallet(&lh.handelse, fran_enskild).map(|u| {
            t.t(match u {
                Undanhallet::Anmalare => "tidslinje-anmalan_sekretess",
                Undanhallet::Uppgiftslamnare => "tidslinje-information_sekretess",
                Undanhallet::Dokument => "tidslinje-dokument_kopia",
            })
            .to_owned()
        });
        let mut lank = None;
        let rubrik = match &lh.handelse {
            H::AnsokanRegistrerad {
                kanal, insatser: i, ..
            } => {
                rader.push(t.f(
                    "tidslinje-ansokan_text",
                    &[
                        ("insatser", &insatser(i, t)),
                        ("kanal", &t.t(&format!("kanal-{}", kanal.kod()))),
                    ],
                ));
                t.t("tidslinje-ansokan").to_owned()
            }
            H::AnmalanRegistrerad { .. } => t.t("tidslinje-anmalan").to_owned(),
            H::InformationRegistrerad { .. } => t.t("tidslinje-information").to_owned(),
            H::InsatsAnsokt { insats, .. } => {
                rader.push(t.insats(*insats));
                t.t("tidslinje-insats_ansokt").to_owned()
            }
            H::Forhandsbedomd { utfall, .. } => match utfall {
                ForhandsbedomningsUtfall::InledUtredning => t.t("tidslinje-ska_utredas").to_owned(),
                ForhandsbedomningsUtfall::InledEj => t.t("tidslinje-utreds_inte").to_owned(),
            },
            H::UtredningInledd { beslut_vantas, .. } => {
                rader.push(t.t("tidslinje-utredning_text").to_owned());
                if let Some(d) = beslut_vantas {
                    rader.push(t.f("tidslinje-beslut_vantas", &[("datum", &t.dag(*d))]));
                }
                t.t("tidslinje-utredning").to_owned()
            }
            H::SynpunkterRegistrerade { mal, .. } => {
                if !mal.is_empty() {
                    rader.push(t.f("tidslinje-dina_mal", &[("mal", mal)]));
                }
                t.t("tidslinje-synpunkter").to_owned()
            }
            H::DokumentBifogat { namn: n, .. } => {
                rader.push(n.clone());
                if fran_enskild {
                    t.t("tidslinje-dokument_fran_dig").to_owned()
                } else {
                    t.t("tidslinje-dokument").to_owned()
                }
            }
            H::UtredningAvslutad { .. } => t.t("tidslinje-utredning_klar").to_owned(),
            H::Kommunicerad {
                id, svar_senast, ..
            } => {
                rader.push(t.f(
                    "tidslinje-kommunicerad_text",
                    &[("datum", &svar_senast.to_string())],
                ));
                let obesvarad = a
                    .kommuniceringar
                    .iter()
                    .any(|k| k.id == *id && k.svar.is_none());
                let text = if obesvarad {
                    t.t("tidslinje-svara")
                } else {
                    t.t("tidslinje-las_underlaget")
                };
                lank = Some((
                    format!("/mina-sidor/arenden/{arende}/kommunicering/{id}"),
                    text.to_owned(),
                ));
                t.t("tidslinje-kommunicerad").to_owned()
            }
            H::KommuniceringBesvarad { .. } => t.t("tidslinje-svar_inkom").to_owned(),
            H::BeslutFattat(b) => {
                rader.push(t.f(
                    "tidslinje-beslut_text",
                    &[
                        ("insats", &t.insats(b.insats)),
                        ("utfall", &t.utfall(b.utfall).to_lowercase()),
                    ],
                ));
                lank = Some((
                    format!("/mina-sidor/arenden/{arende}/beslut/{}", b.id),
                    t.t("tidslinje-las_beslutet").to_owned(),
                ));
                t.t("tidslinje-beslut").to_owned()
            }
            H::BeslutSkickat { beslut, satt, .. } => {
                // The decision's letter is its own post ("Ett beslut skickades till dig", with
                // the letter to open), which says how it was sent: one decision, one post.
                if brev_om_beslut(handelser, BrevTyp::Beslutsbrev, *beslut) {
                    continue;
                }
                rader.push(t.t(&format!("utskick-{}", satt.kod())).to_owned());
                t.t("tidslinje-beslut_skickat").to_owned()
            }
            H::BeslutDelgivet { beslut, .. } => {
                if let Some(sista) = a
                    .beslut_lage(*beslut)
                    .and_then(|b| b.sista_dag_overklagande())
                {
                    rader.push(t.f("tidslinje-sista_dag", &[("datum", &sista.to_string())]));
                }
                t.t("tidslinje-delgivet").to_owned()
            }
            H::OverklagandeInkommit { .. } => t.t("tidslinje-overklagande").to_owned(),
            H::RattidsprovningGjord { i_tid, .. } => if *i_tid {
                t.t("tidslinje-i_tid")
            } else {
                t.t("tidslinje-for_sent")
            }
            .to_owned(),
            H::OverklagandeAvvisat { .. } => t.t("tidslinje-avvisat").to_owned(),
            H::Omprovat {
                andrat,
                eget_initiativ,
                ..
            } => {
                rader.push(
                    match (*andrat, *eget_initiativ) {
                        (true, _) => t.t("tidslinje-omprovat_andrat"),
                        (false, false) => t.t("tidslinje-omprovat_samma"),
                        (false, true) => t.t("tidslinje-omprovat_eget_samma"),
                    }
                    .to_owned(),
                );
                t.t(if *eget_initiativ {
                    "tidslinje-omprovat_eget"
                } else {
                    "tidslinje-omprovat"
                })
                .to_owned()
            }
            H::AnsokanAterkallad(AterkallelseUppgifter { insats, .. }) => {
                rader.push(t.f(
                    "tidslinje-aterkallad_text",
                    &[("insats", &t.insats(*insats).to_lowercase())],
                ));
                t.t("tidslinje-aterkallad").to_owned()
            }
            H::InformeradOmForenkladDelgivning { .. } => {
                rader.push(t.t("tidslinje-forhandsinformation_text").to_owned());
                t.t("tidslinje-forhandsinformation").to_owned()
            }
            H::KontrollmeddelandeSkickat { beslut, .. } => {
                // Likewise the kontrollmeddelande's letter is the post, with this text.
                if brev_om_beslut(handelser, BrevTyp::Kontrollmeddelande, *beslut) {
                    continue;
                }
                if let Some(delgiven) = a.beslut_lage(*beslut).and_then(|b| b.delgiven) {
                    rader.push(t.f(
                        "tidslinje-kontrollmeddelande_text",
                        &[("datum", &delgiven.to_string())],
                    ));
                }
                t.t("tidslinje-kontrollmeddelande").to_owned()
            }
            H::DelgivningMisslyckad { .. } => {
                rader.push(t.t("tidslinje-delgivning_misslyckad_text").to_owned());
                t.t("tidslinje-delgivning_misslyckad").to_owned()
            }
            H::VerkstallighetUpphort(UpphorandeUppgifter { orsak, .. }) => {
                rader.push(t.t(&format!("upphor-{}", orsak.kod())).to_owned());
                t.t("tidslinje-upphort").to_owned()
            }
            // Both adults are parties to a joint application: each sees the other's word on it.
            H::GemensamAnsokanBekraftad(b) => {
                // A medsökande with skyddade personuppgifter may write what tells where they
                // live (OSL 21 kap. 3 §): the applicant is told there is a text, not what it says.
                if skyddade.contains(&b.medsokande) {
                    if !b.text.trim().is_empty() {
                        rader.push(t.t("tidslinje-gemensam_text_skyddad").to_owned());
                    }
                } else if !b.text.trim().is_empty() {
                    rader.push(b.text.trim().to_owned());
                }
                t.f(
                    if b.stammer {
                        "tidslinje-gemensam_bekraftad"
                    } else {
                        "tidslinje-gemensam_invand"
                    },
                    &[("manad", &super::berakning::manad(b.manad, t))],
                )
            }
            H::ManadsansokanInlamnad(a) => {
                rader.extend(super::berakning::ansokningsrader(a, t));
                t.f(
                    "tidslinje-manadsansokan",
                    &[("manad", &super::berakning::manad(a.manad, t))],
                )
            }
            // The person sees when the money comes, and where to (issue 15, item 8).
            H::UtbetalningPlanerad(u) => {
                use lots_domain::forsorjningsstod::utbetalning::Mottagare;
                let till = match &u.mottagare {
                    Mottagare::Enskild => u.konto.maskerat(),
                    Mottagare::Hyresvard { namn } => namn.clone(),
                };
                rader.push(t.f(
                    "tidslinje-utbetalning_text",
                    &[
                        ("belopp", crate::visning::kr(u.belopp).as_str()),
                        ("till", till.as_str()),
                        ("dag", u.dag.to_string().as_str()),
                    ],
                ));
                t.f(
                    "tidslinje-utbetalning",
                    &[("manad", &super::berakning::manad(u.manad, t))],
                )
            }
            H::UtbetalningSkickad { .. } => t.t("tidslinje-utbetalning_skickad").to_owned(),
            H::UtbetalningMakulerad { skal, .. } => {
                rader.push(skal.clone());
                t.t("tidslinje-utbetalning_makulerad").to_owned()
            }
            // The person sees every line of the calculation, not just the sum (issue 15).
            H::ForsorjningsstodBeraknat {
                underlag,
                berakning,
                ..
            } => {
                // A change of the household shows as its own line (issue 15, item 1).
                rader.extend(super::berakning::hushallsrad(
                    berakning.manad,
                    &a.hushallsandring(berakning.manad),
                    t,
                ));
                rader.extend(super::berakning::berakningsrader(berakning, t));
                rader.extend(crate::visning::tillgangsrader(underlag));
                t.f(
                    "tidslinje-forsorjningsstod",
                    &[
                        ("manad", &super::berakning::manad(berakning.manad, t)),
                        ("belopp", crate::visning::kr(berakning.bistand()).as_str()),
                    ],
                )
            }
            // FL 11 §: the person is told why the decision is delayed, and when it comes.
            H::DrojsmalMeddelat(DrojsmalUppgifter {
                skal, nytt_datum, ..
            }) => {
                rader.push(t.f(
                    "tidslinje-drojsmal_text",
                    &[("skal", skal), ("datum", &t.dag(*nytt_datum))],
                ));
                t.t("tidslinje-drojsmal").to_owned()
            }
            H::OverklagandeForfallit { .. } => t.t("tidslinje-forfallit").to_owned(),
            H::OverlamnatTillForvaltningsratten { .. } => t.t("tidslinje-overlamnat").to_owned(),
            H::DomMeddelad { utfall, .. } => {
                rader.push(t.t(&format!("dom-{}", utfall.kod())).to_owned());
                t.t("tidslinje-dom").to_owned()
            }
            H::Bestalld { .. } => t.t("tidslinje-bestalld").to_owned(),
            H::VerkstallighetPaborjad { .. } => t.t("tidslinje-startad").to_owned(),
            H::VerkstallighetAvbruten { .. } => t.t("tidslinje-avbruten").to_owned(),
            H::VerkstallighetAterupptagen { .. } => t.t("tidslinje-aterupptagen").to_owned(),
            H::VerkstallighetAvslutad { .. } => t.t("tidslinje-insats_slut").to_owned(),
            H::VerkstallsEj { .. } => t.t("tidslinje-verkstalls_ej").to_owned(),
            H::Uppfoljd { nasta, .. } => {
                if let Some(n) = nasta {
                    rader.push(t.f("tidslinje-nasta_uppfoljning", &[("datum", &n.to_string())]));
                }
                t.t("tidslinje-uppfoljd").to_owned()
            }
            H::GenomforandeplanUpprattad {
                beslut,
                uppfoljning,
                ..
            } => {
                if let Some(b) = a.beslut_lage(*beslut) {
                    rader.push(t.f("tidslinje-plan_text", &[("insats", b.beslut.insats.namn())]));
                }
                if let Some(u) = uppfoljning {
                    rader.push(t.f("tidslinje-nasta_uppfoljning", &[("datum", &u.to_string())]));
                }
                lank = Some(("#plan".to_owned(), t.t("tidslinje-las_planen").to_owned()));
                if planerade.contains(beslut) {
                    t.t("tidslinje-plan_andrad").to_owned()
                } else {
                    planerade.push(*beslut);
                    t.t("tidslinje-plan_skriven").to_owned()
                }
            }
            H::HandlaggarbyteBegart { datum, .. } => {
                rader.push(t.f(
                    "tidslinje-byte_text",
                    &[(
                        "datum",
                        &lots_domain::arende::handlaggarbyte_svar_senast(*datum).to_string(),
                    )],
                ));
                lank = Some((
                    format!("/mina-sidor/arenden/{arende}/handlaggare"),
                    t.t("tidslinje-byte_las").to_owned(),
                ));
                t.t("tidslinje-byte").to_owned()
            }
            // The answer in writing, as the arbetsledare wrote it; a grant is followed by
            // the new handläggare's own entry.
            H::HandlaggarbyteBesvarat {
                beviljad,
                motivering,
                ..
            } => {
                rader.push(motivering.clone());
                t.t(if *beviljad {
                    "tidslinje-byte_beviljad"
                } else {
                    "tidslinje-byte_avslagen"
                })
                .to_owned()
            }
            H::HandlaggareTilldelad { handlaggare } => {
                rader.push(namn(*handlaggare));
                t.t("tidslinje-ny_handlaggare").to_owned()
            }
            H::ArendeAvslutat { orsak, .. } => {
                rader.push(t.avslutsorsak(*orsak));
                t.t("tidslinje-avslutat").to_owned()
            }
            H::BrevSkapat {
                dokument,
                typ,
                beslut,
                ..
            } => {
                match (typ, beslut) {
                    (BrevTyp::Beslutsbrev, Some(b)) => {
                        if let Some(satt) = utskickssatt(handelser, *b) {
                            rader.push(t.t(&format!("utskick-{}", satt.kod())).to_owned());
                        }
                    }
                    (BrevTyp::Kontrollmeddelande, Some(b)) => {
                        if let Some(delgiven) = a.beslut_lage(*b).and_then(|x| x.delgiven) {
                            rader.push(t.f(
                                "tidslinje-kontrollmeddelande_text",
                                &[("datum", &delgiven.to_string())],
                            ));
                        }
                    }
                    _ => {}
                }
                lank = Some((
                    format!("/mina-sidor/dokument/{dokument}"),
                    t.t("tidslinje-oppna_brevet").to_owned(),
                ));
                t.t(&format!("brev-{}", brevkod(*typ))).to_owned()
            }
            H::BegaranOmAvgorande { datum } => {
                rader.push(t.f(
                    "tidslinje-begaran_text",
                    &[(
                        "datum",
                        &frister::begaran_om_avgorande_svar(*datum).to_string(),
                    )],
                ));
                t.t("tidslinje-begaran").to_owned()
            }
            H::BegaranOmAvgorandeAvslagen { motivering, .. } => {
                rader.push(motivering.clone());
                t.t("tidslinje-begaran_avslagen").to_owned()
            }
            H::InstrumentRegistrerat { resultat, .. } => {
                rader.push(resultat.sammanfattning());
                t.f(
                    "tidslinje-instrument",
                    &[("instrument", resultat.instrument.namn())],
                )
            }
            // The person reads their own words beside the handläggare's (FL 10 §).
            H::UtredningsavsnittSkrivet(x) => {
                if !x.personens_ord.is_empty() {
                    rader.push(t.f("tidslinje-dina_ord", &[("text", &x.personens_ord)]));
                }
                rader.push(x.handlaggarens.clone());
                if !x.mal.is_empty() {
                    rader.push(t.f("tidslinje-dina_mal", &[("mal", &x.mal)]));
                }
                t.f(
                    "tidslinje-livsomrade",
                    &[("omrade", &t.t(&format!("livsomrade-{}", x.omrade.kod())))],
                )
            }
            H::GrundutredningBedomd {
                bedomning, forslag, ..
            } => {
                rader.push(bedomning.clone());
                // The person reads what the handläggare proposes before it is decided.
                if let Some(f) = forslag {
                    let forslag = match (f.utfall, f.text.is_empty()) {
                        (Some(u), true) => t.utfall(u),
                        _ => f.text.clone(),
                    };
                    rader.push(t.f("tidslinje-forslag", &[("forslag", &forslag)]));
                }
                t.t("tidslinje-bedomning").to_owned()
            }
            H::PlanSkriven(p) => {
                lank = Some((
                    format!("/mina-sidor/arenden/{arende}/plan"),
                    t.t("arende-las_planen").to_owned(),
                ));
                t.f(
                    "tidslinje-sjalvforsorjningsplan",
                    &[("version", &p.version.to_string())],
                )
            }
            H::PlanBesvarad { svar, .. } => {
                if !svar.synpunkt.is_empty() {
                    rader.push(svar.synpunkt.clone());
                }
                t.t("tidslinje-plan_besvarad").to_owned()
            }
            // The person reads their own account back (FL 10 §); attendance is on the plan's page.
            H::PlanUppfoljd(u) => {
                rader.push(t.f("plan-din_berattelse", &[("text", &u.enskildes_berattelse)]));
                t.t("tidslinje-plan_uppfoljd").to_owned()
            }
            H::ForsorjningsstodAvslutat { orsak, .. } => {
                rader.push(t.t(&format!("slutorsak-{}", orsak.kod())));
                t.t("tidslinje-bistand_slut").to_owned()
            }
            H::FordjupadUtredningVald(v) => {
                rader.push(v.skal.clone());
                t.t(if v.inleds {
                    "tidslinje-fordjupad"
                } else {
                    "tidslinje-fordjupad_inte"
                })
                .to_owned()
            }
            // Recorded for the staff, or shown on a page of their own (the journal).
            H::BevakningKvitterad { .. }
            | H::JournalAntecknad { .. }
            | H::JournalInvandning { .. }
            | H::DatumRattat { .. } => continue,
            _ => match super::dialog::tidslinjepost(&lh.handelse, a, t) {
                Some((r, rad, l)) => {
                    rader.extend(rad);
                    lank = l;
                    r
                }
                None => continue,
            },
        };
        ut.push(Post {
            datum,
            rubrik,
            rader,
            undanhallet,
            lank,
        });
    }
    ut.reverse();
    ut
}

/// A letter of this kind about the decision is among the case's events.
fn brev_om_beslut(handelser: &[LagradHandelse], typ: BrevTyp, id: BeslutId) -> bool {
    handelser.iter().any(|lh| {
        matches!(
            &lh.handelse,
            Handelse::BrevSkapat { typ: t, beslut: Some(b), .. } if *t == typ && *b == id
        )
    })
}

/// How the decision was sent to the person, if it has been.
fn utskickssatt(handelser: &[LagradHandelse], id: BeslutId) -> Option<Utskickssatt> {
    handelser.iter().rev().find_map(|lh| match &lh.handelse {
        Handelse::BeslutSkickat { beslut, satt, .. } if *beslut == id => Some(*satt),
        _ => None,
    })
}

pub(super) fn brevkod(t: lots_domain::arende::BrevTyp) -> &'static str {
    use lots_domain::arende::BrevTyp as B;
    match t {
        B::Beslutsbrev => "beslutsbrev",
        B::Kommuniceringsbrev => "kommuniceringsbrev",
        B::Kontrollmeddelande => "kontrollmeddelande",
        B::Avvisningsbeslut => "avvisningsbeslut",
        B::BeslutOmBegaranOmAvgorande => "beslut_begaran",
    }
}

/// Where the case stands, what comes next, and what is late.
pub struct Lage {
    pub status: String,
    pub nasta: Vec<String>,
    /// Waited longer than it should: said plainly, with what the person can do.
    pub sent: Vec<String>,
    /// FL 12 §: six months without a decision on one's own application.
    pub kan_begara_avgorande: bool,
}

pub fn lage(a: &Arende, idag: Date, t: &Texter) -> Lage {
    let mut nasta = vec![];
    let mut sent = vec![];
    // A running insats reads as what it is, not as "a decision was made" (issue 19).
    let pagar: Vec<String> = a
        .gallande_beslut()
        .filter_map(|b| {
            b.verkstallighet
                .ges_sedan()
                .map(|d| super::kontakt::pagar_text(t, b.beslut.insats, d))
        })
        .collect();
    let status = if let Some((d, _)) = a.avslut {
        t.f("lage-avslutat", &[("datum", &d.to_string())])
    } else if !pagar.is_empty() {
        pagar.join(" ")
    } else if !a.beslut.is_empty() && a.obeslutade_insatser().is_empty() {
        t.t("lage-beslutat").to_owned()
    } else if a.utredning_inledd.is_some() {
        t.t("lage-utreds").to_owned()
    } else {
        t.t("lage-mottaget").to_owned()
    };
    if a.avslut.is_none() && !a.obeslutade_insatser().is_empty() {
        nasta.push(t.t("lage-nasta_beslut").to_owned());
        // The day the person was last told the decision would come: when the utredning
        // started, or in an FL 11 § notice (issue 19). Past it without a word is late.
        if let Some(d) = a.vantat_beslut() {
            let datum = t.dag(d);
            if d < idag {
                sent.push(t.f("lage-beslut_sent", &[("datum", &datum)]));
            } else if a.drojsmal.is_empty() {
                nasta.push(t.f("lage-beslut_vantas", &[("datum", &datum)]));
            } else {
                nasta.push(t.f("lage-drojsmal", &[("datum", &datum)]));
            }
        }
    }
    // A booked meeting still ahead is what the person most needs to find: first.
    for m in &a.motesforfragningar {
        if let Some(b) = m.bokat.as_ref().filter(|b| b.datum >= idag) {
            nasta.insert(
                0,
                t.f(
                    "lage-mote_bokat",
                    &[
                        ("datum", &b.datum.to_string()),
                        ("tid", &crate::visning::klockslag(b.klockslag)),
                        ("plats", &b.plats),
                    ],
                ),
            );
        }
    }
    for b in bevakningar(a) {
        let d = b.datum.to_string();
        let forsenad = b.datum < idag;
        match b.typ {
            BevakningsTyp::SvarKommunicering => {
                nasta.push(t.f("lage-svara_senast", &[("datum", &d)]));
            }
            BevakningsTyp::Overklagandetid => {
                if !forsenad {
                    nasta.push(t.f("lage-overklaga_senast", &[("datum", &d)]));
                }
            }
            // SoL 34 kap. 1 §: a granted insats not carried out within three
            // months is reported to IVO; the person should know it is late.
            BevakningsTyp::Verkstallighet => {
                if forsenad {
                    sent.push(t.f("lage-ej_verkstallt", &[("datum", &d)]));
                } else {
                    nasta.push(t.f("lage-verkstallighet_senast", &[("datum", &d)]));
                }
            }
            // Late money means unpaid rent: the person is told, not left to wonder.
            BevakningsTyp::Utbetalning => {
                if forsenad {
                    sent.push(t.f("lage-utbetalning_sen", &[("datum", &d)]));
                } else {
                    nasta.push(t.f("lage-utbetalning", &[("datum", &d)]));
                }
            }
            BevakningsTyp::Uppfoljning | BevakningsTyp::PlanUppfoljning => {
                if forsenad {
                    sent.push(t.f("lage-uppfoljning_sen", &[("datum", &d)]));
                } else {
                    nasta.push(t.f("lage-uppfoljning", &[("datum", &d)]));
                }
            }
            BevakningsTyp::BegaranOmAvgorande => {
                if forsenad {
                    sent.push(t.f("lage-begaran_sen", &[("datum", &d)]));
                } else {
                    nasta.push(t.f("lage-begaran", &[("datum", &d)]));
                }
            }
            BevakningsTyp::ObesvaratMeddelande => {
                if forsenad {
                    sent.push(t.f("lage-meddelande_sent", &[("datum", &d)]));
                } else {
                    nasta.push(t.f("lage-meddelande_svar", &[("datum", &d)]));
                }
            }
            // The person's own deadline is on the list of what to do.
            BevakningsTyp::KompletteringSenast => {}
            // The person's application waits for the handläggare's calculation.
            BevakningsTyp::Manadsansokan => {
                nasta.push(t.t("lage-manadsansokan").to_owned());
            }
            BevakningsTyp::KompletteringAttGranska => {
                nasta.push(t.t("lage-granskas").to_owned());
            }
            BevakningsTyp::Handlaggarbyte => {
                if forsenad {
                    sent.push(t.f("lage-byte_sent", &[("datum", &d)]));
                } else {
                    nasta.push(t.f("lage-byte", &[("datum", &d)]));
                }
            }
            BevakningsTyp::MoteBegart => {
                if forsenad {
                    sent.push(t.f("lage-mote_sent", &[("datum", &d)]));
                } else {
                    nasta.push(t.f("lage-mote_svar", &[("datum", &d)]));
                }
            }
            // The nämnd's own reminders: what the person sees of them is the
            // facts they lead to (the decision sent, the notice of delay, the appeal
            // forwarded), on the timeline.
            BevakningsTyp::BeslutOskickat
            | BevakningsTyp::Kontrollmeddelande
            | BevakningsTyp::Rattidsprovning
            | BevakningsTyp::Omprovning
            | BevakningsTyp::Overlamnande
            | BevakningsTyp::Drojsmal
            | BevakningsTyp::Placeringstid
            | BevakningsTyp::Traningslagenhet
            | BevakningsTyp::FordjupadUtredning => {}
            // Never on Mina sidor: see `partsinsyn::visas_for_enskild`.
            BevakningsTyp::Skyddsbedomning => {}
        }
    }
    let kan_begara_avgorande = kan_begara_avgorande(a, idag);
    if kan_begara_avgorande {
        sent.push(t.t("lage-sex_manader").to_owned());
    }
    Lage {
        status,
        nasta,
        sent,
        kan_begara_avgorande,
    }
}
