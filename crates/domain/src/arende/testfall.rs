//! Fixtures for the tests of the case's rules: the context, the case being
//! built (`Fall`), commands with everything a step needs, and named states
//! driven from nothing through `handle`. Each phase module's tests use them.

#![allow(dead_code)]

pub(crate) use std::sync::LazyLock;

pub(crate) use proptest::prelude::*;
pub(crate) use time::macros::date;
pub(crate) use time::{Date, Duration};
pub(crate) use uuid::Uuid;

pub(crate) use super::*;
pub(crate) use crate::delegation::{DelegationsRef, Delegationsordning, Delegationspunkt};
pub(crate) use crate::frister::Fl45Undantag;
pub(crate) use crate::ids::*;
pub(crate) use crate::insats::InsatsTyp;
pub(crate) use crate::insats::{Lagrum, Utfall};
pub(crate) use crate::organisation::Roll;
pub(crate) use KommandoTyp as T;

// ---------------------------------------------------------------------------
// Fixtures
// ---------------------------------------------------------------------------

pub(crate) const IDAG: Date = date!(2026 - 06 - 15);

pub(crate) const ARENDE: ArendeId = ArendeId(Uuid::from_u128(1));
pub(crate) const PERSON: PersonId = PersonId(Uuid::from_u128(2));
pub(crate) const ENHET: EnhetId = EnhetId(Uuid::from_u128(3));
pub(crate) const HANDLAGGARE: AnvandarId = AnvandarId(Uuid::from_u128(4));
pub(crate) const ARBETSLEDARE: AnvandarId = AnvandarId(Uuid::from_u128(5));
pub(crate) const UTFORARE: EnhetId = EnhetId(Uuid::from_u128(6));
pub(crate) const HANDLAGGARE_2: AnvandarId = AnvandarId(Uuid::from_u128(7));
pub(crate) const B_BIFALL: BeslutId = BeslutId(Uuid::from_u128(101));
pub(crate) const B_AVSLAG: BeslutId = BeslutId(Uuid::from_u128(102));
pub(crate) const B_NY: BeslutId = BeslutId(Uuid::from_u128(103));
pub(crate) const K1: KommuniceringId = KommuniceringId(Uuid::from_u128(201));
pub(crate) const K2: KommuniceringId = KommuniceringId(Uuid::from_u128(202));
pub(crate) const J1: JournalId = JournalId(Uuid::from_u128(301));
pub(crate) const J2: JournalId = JournalId(Uuid::from_u128(302));
pub(crate) const J_OKAND: JournalId = JournalId(Uuid::from_u128(399));
pub(crate) const DOK: DokumentId = DokumentId(Uuid::from_u128(401));
pub(crate) const DOK2: DokumentId = DokumentId(Uuid::from_u128(402));
pub(crate) const M1: MeddelandeId = MeddelandeId(Uuid::from_u128(501));
pub(crate) const M2: MeddelandeId = MeddelandeId(Uuid::from_u128(502));
pub(crate) const M3: MeddelandeId = MeddelandeId(Uuid::from_u128(503));
pub(crate) const KB1: KompletteringId = KompletteringId(Uuid::from_u128(601));
pub(crate) const KB2: KompletteringId = KompletteringId(Uuid::from_u128(602));

/// Handläggare may decide everything except HVB; HVB is for the arbetsledare.
pub(crate) static ORDNING: LazyLock<Delegationsordning> = LazyLock::new(|| Delegationsordning {
    version: 7,
    punkter: vec![
        Delegationspunkt {
            punkt: "3.1".into(),
            beskrivning: "Bistånd utom HVB".into(),
            insatser: InsatsTyp::ALLA
                .into_iter()
                .filter(|i| *i != InsatsTyp::Hvb)
                .collect(),
            utfall: vec![],
            roller: vec![Roll::Handlaggare, Roll::Arbetsledare],
        },
        Delegationspunkt {
            punkt: "3.5".into(),
            beskrivning: "Hem för vård eller boende".into(),
            insatser: vec![InsatsTyp::Hvb],
            utfall: vec![],
            roller: vec![Roll::Arbetsledare],
        },
    ],
});

pub(crate) fn ktx() -> Kontext<'static> {
    Kontext {
        idag: IDAG,
        aktor: HANDLAGGARE,
        roll: Roll::Handlaggare,
        delegationsordning: &ORDNING,
    }
}

pub(crate) fn arbetsledare() -> Kontext<'static> {
    Kontext {
        idag: IDAG,
        aktor: ARBETSLEDARE,
        roll: Roll::Arbetsledare,
        delegationsordning: &ORDNING,
    }
}

pub(crate) fn dag_efter(d: Date) -> Date {
    d + Duration::days(1)
}

/// A case being built: its state and every event stored so far.
#[derive(Debug, Clone)]
pub(crate) struct Fall {
    pub(crate) a: Option<Arende>,
    pub(crate) logg: Vec<Handelse>,
}

impl Fall {
    pub(crate) fn ny() -> Self {
        Self {
            a: None,
            logg: vec![],
        }
    }

    pub(crate) fn arende(&self) -> &Arende {
        self.a.as_ref().expect("the case exists")
    }

    pub(crate) fn beslut(&self, id: BeslutId) -> &BeslutLage {
        self.arende().beslut_lage(id).expect("the decision exists")
    }

    /// `handle` without storing anything.
    pub(crate) fn forsok(&self, k: Kommando) -> Result<Vec<Handelse>, Avvisning> {
        handle(self.a.as_ref(), k, &ktx())
    }

    pub(crate) fn kan(&self, typ: KommandoTyp) -> Result<(), String> {
        kan(self.a.as_ref(), typ)
    }

    /// Runs a command that must be accepted, and applies its events.
    #[track_caller]
    pub(crate) fn steg(&mut self, k: Kommando) -> Vec<Handelse> {
        self.steg_som(k, &ktx())
    }

    #[track_caller]
    pub(crate) fn steg_som(&mut self, k: Kommando, ctx: &Kontext) -> Vec<Handelse> {
        let typ = k.typ();
        let h = handle(self.a.as_ref(), k, ctx)
            .unwrap_or_else(|e| panic!("{typ:?} was refused: {e:?}"));
        assert!(!h.is_empty(), "{typ:?} produced no events");
        tillampa_alla(&mut self.a, &h);
        self.logg.extend(h.iter().cloned());
        h
    }

    #[track_caller]
    pub(crate) fn med_som(mut self, k: Kommando, ctx: &Kontext) -> Self {
        self.steg_som(k, ctx);
        self
    }

    pub(crate) fn med(mut self, k: Kommando) -> Self {
        self.steg(k);
        self
    }
}

/// Folds events into the state, starting the case from its first event.
pub(crate) fn tillampa_alla(a: &mut Option<Arende>, handelser: &[Handelse]) {
    for h in handelser {
        match a {
            Some(a) => a.tillampa(h),
            None => *a = Some(Arende::skapa(ARENDE, h).expect("the first event starts a case")),
        }
    }
}

/// A decision with everything a bifall needs (seed 004 §2.4).
pub(crate) fn fatta(id: BeslutId, insats: InsatsTyp, utfall: Utfall, datum: Date) -> Kommando {
    Kommando::FattaBeslut {
        id,
        insats,
        utfall,
        lagrum: insats.lagrum(),
        mal: "Drogfrihet och egen försörjning".into(),
        omfattning: "Två samtal i veckan".into(),
        period_fran: Some(datum),
        period_till: Some(datum + Duration::days(182)),
        motivering: "11 kap. 1 § SoL; behovet är styrkt i utredningen.".into(),
        datum,
        kommunicering_obehovlig: None,
        foredragande: None,
        avslagen_del: if utfall == Utfall::DelvisBifall {
            "Sex månader söktes; tre beviljas.".into()
        } else {
            String::new()
        },
    }
}

/// A month's calculation for a single adult who is unemployed without compensation, made on
/// `d`, with `hyra` in rent.
pub(crate) fn manadsberakning(
    d: Date,
    manad: crate::forsorjningsstod::Manad,
    hyra: i64,
) -> Kommando {
    use crate::forsorjningsstod::berakning::{Kostnadsslag, Post, Rad, Underlag};
    use crate::forsorjningsstod::hinder::Forsorjningshinder;
    use crate::forsorjningsstod::riksnorm::{NormHushall, Riksnorm, Vuxna};
    let mut tabell = Riksnorm::inbyggda().pop().expect("a table");
    tabell.ar = manad.ar();
    Kommando::BeraknaForsorjningsstod {
        datum: d,
        underlag: Box::new(Underlag {
            manad,
            hushall: NormHushall {
                vuxna: Vuxna::Ensam,
                barn: vec![],
                medboende: 0,
            },
            reducerad_norm: None,
            rader: (hyra > 0)
                .then(|| Rad {
                    post: Post::Kostnad(Kostnadsslag::Boende),
                    beskrivning: String::new(),
                    ansokt: hyra,
                    godkant: hyra,
                    skal: String::new(),
                })
                .into_iter()
                .collect(),
            inkomster: vec![],
            insattningar: vec![],
            tillgangar: vec![],
            annan_kommun: vec![],
            hyrestak: None,
            forsorjningshinder: vec![Forsorjningshinder::ArbetslosUtanErsattning],
            medsokande: None,
        }),
        tabell: Box::new(tabell),
        andra_manader: vec![],
        andra_val: vec![],
    }
}

pub(crate) fn ansokan(inkom: Date, insatser: Vec<InsatsTyp>) -> Kommando {
    Kommando::Aktualisera(Handelse::AnsokanRegistrerad {
        person: PERSON,
        enhet: ENHET,
        handlaggare: Some(HANDLAGGARE),
        kanal: Kanal::Papper,
        inkom,
        insatser,
        beskrivning: "Söker behandling".into(),
        ombud: None,
    })
}

pub(crate) fn anmalan(inkom: Date) -> Kommando {
    Kommando::Aktualisera(Handelse::AnmalanRegistrerad {
        person: PERSON,
        enhet: ENHET,
        handlaggare: Some(HANDLAGGARE),
        kanal: Kanal::Telefon,
        inkom,
        anmalare: Anmalare::Namngiven {
            namn: "Vårdcentralen".into(),
            relation: "Läkare".into(),
            kontakt: "010-123".into(),
        },
        beskrivning: "Oro för missbruk".into(),
    })
}

pub(crate) fn uppfoljning(beslut: Option<BeslutId>, datum: Date, nasta: Option<Date>) -> Kommando {
    Kommando::RegistreraUppfoljning {
        beslut,
        datum,
        maluppfyllelse: Maluppfyllelse::DelvisUppnatt,
        enskildes_synpunkt: "Det går bättre".into(),
        kommentar: String::new(),
        nasta,
    }
}

/// A genomförandeplan for the granted decision.
pub(crate) fn plan(datum: Date, uppfoljning: Option<Date>) -> Kommando {
    Kommando::UpprattaGenomforandeplan {
        beslut: B_BIFALL,
        datum,
        mal: "Jag vill kunna jobba igen".into(),
        genomforande: "Samtal med behandlare varje tisdag".into(),
        delaktighet: "Planen gjordes på ett möte med Anna".into(),
        uppfoljning,
    }
}

/// A plan toward self-sufficiency with one AF activity, followed up on `uppfoljning`.
pub(crate) fn sjalvforsorjningsplan(datum: Date, uppfoljning: Date) -> Kommando {
    use crate::forsorjningsstod::plan::{
        Aktivitet, Aktivitetstyp, Ansvarig, Sjalvforsorjningsplan,
    };
    Kommando::SkrivPlan(Box::new(Sjalvforsorjningsplan {
        version: 0,
        datum,
        mal: "Ett arbete inom lager".into(),
        delmal: vec!["Truckkort".into(), "Tio ansökningar i månaden".into()],
        aktiviteter: vec![
            Aktivitet {
                typ: Aktivitetstyp::Arbetsformedlingen,
                beskrivning: "Rusta och matcha".into(),
                ansvarig: Ansvarig::Arbetsformedlingen,
            },
            Aktivitet {
                typ: Aktivitetstyp::Jobbsokande,
                beskrivning: "Söka lagerjobb".into(),
                ansvarig: Ansvarig::Personen,
            },
        ],
        personens_del: "Går till Rusta och matcha och söker jobb.".into(),
        socialtjanstens_del: "Betalar truckkortet och träffar personen varje månad.".into(),
        samverkan: "Arbetsförmedlingen ansvarar för programmet.".into(),
        uppfoljning,
        uppfoljningssatt: "Möte på kontoret".into(),
    }))
}

/// A follow-up of the current plan: three of four meetings attended, the first sub-goal reached.
pub(crate) fn planuppfoljning(datum: Date, nasta: Option<Date>) -> Kommando {
    use crate::forsorjningsstod::plan::{Deltagande, Hjalper, Planuppfoljning};
    Kommando::FoljUppPlan(Box::new(Planuppfoljning {
        datum,
        version: 0,
        deltagande: vec![Deltagande {
            aktivitet: 0,
            planerat: 4,
            deltagit: 3,
        }],
        ansokningar: 8,
        uppnadda_delmal: vec![0],
        enskildes_berattelse: "Det går bättre nu.".into(),
        hjalper: Hjalper::Delvis,
        kommentar: String::new(),
        nasta,
    }))
}

pub(crate) fn omprova(beslut: BeslutId, datum: Date, nytt: Option<NyttBeslut>) -> Kommando {
    Kommando::Omprova {
        beslut,
        datum,
        motivering: "FL 38 §: nya omständigheter".into(),
        nytt,
        eget_initiativ: false,
        grund: None,
        till_nackdel: None,
    }
}

pub(crate) fn nytt(utfall: Utfall, datum: Date) -> NyttBeslut {
    NyttBeslut {
        id: B_NY,
        utfall,
        mal: "Drogfrihet".into(),
        omfattning: "Ett samtal i veckan".into(),
        period_fran: Some(datum),
        period_till: None,
        avslagen_del: "Det som inte beviljas".into(),
    }
}

pub(crate) fn avsluta(datum: Date) -> Kommando {
    Kommando::AvslutaArende {
        datum,
        orsak: Avslutsorsak::MalUppnatt,
        kommentar: String::new(),
    }
}

pub(crate) fn falt(r: Result<Vec<Handelse>, Avvisning>) -> Vec<&'static str> {
    match r {
        Err(Avvisning::Fakta(f)) => f.into_iter().map(|f| f.fakta).collect(),
        other => panic!("expected field errors, got {other:?}"),
    }
}

pub(crate) fn enskild() -> Avsandare {
    Avsandare::Enskild { ombud: None }
}

pub(crate) fn meddelande(id: MeddelandeId, datum: Date, fran: Avsandare, text: &str) -> Kommando {
    Kommando::SkickaMeddelande {
        id,
        datum,
        fran,
        text: text.into(),
    }
}

pub(crate) fn begar(
    id: KompletteringId,
    datum: Date,
    handlingar: Vec<Handlingstyp>,
    senast: Date,
) -> Kommando {
    Kommando::BegarKomplettering {
        id,
        datum,
        handlingar,
        beskrivning: String::new(),
        godtas: "PDF, foto eller kopia".into(),
        senast,
        skal_trots_inlamnad: None,
        redan_inlamnade: vec![],
    }
}

pub(crate) fn lamna(
    begaran: KompletteringId,
    datum: Date,
    text: &str,
    dokument: Vec<DokumentId>,
) -> Kommando {
    Kommando::LamnaKomplettering {
        begaran,
        datum,
        fran: enskild(),
        text: text.into(),
        dokument,
    }
}

pub(crate) fn bifoga(dokument: DokumentId) -> Kommando {
    Kommando::BifogaDokument {
        dokument,
        namn: "kontoutdrag.pdf".into(),
        sha256: "00".repeat(32),
        storlek: 10,
        innehallstyp: "application/pdf".into(),
    }
}

// ---------------------------------------------------------------------------
// Named states, driven from nothing
// ---------------------------------------------------------------------------

pub(crate) fn inget_arende() -> Fall {
    Fall::ny()
}

pub(crate) fn ansokan_registrerad() -> Fall {
    Fall::ny().med(ansokan(
        date!(2026 - 01 - 12),
        vec![InsatsTyp::Oppenvardsbehandling],
    ))
}

pub(crate) fn anmalan_vantar_forhandsbedomning() -> Fall {
    Fall::ny().med(anmalan(date!(2026 - 01 - 12)))
}

pub(crate) fn anmalan_inled_ej() -> Fall {
    anmalan_vantar_forhandsbedomning().med(Kommando::Forhandsbedom {
        datum: date!(2026 - 01 - 14),
        utfall: ForhandsbedomningsUtfall::InledEj,
        skal: "Behovet tillgodoses av vården".into(),
    })
}

pub(crate) fn utredning_pagar() -> Fall {
    ansokan_registrerad()
        .med(Kommando::InledUtredning {
            datum: date!(2026 - 01 - 13),
            beslut_vantas: None,
        })
        .med(Kommando::SkrivJournal {
            id: J1,
            datum: date!(2026 - 01 - 13),
            text: "Första samtal".into(),
        })
}

/// The person withdrew the application by phone while the utredning was going on.
pub(crate) fn ansokan_aterkallad() -> Fall {
    utredning_pagar().med(aterkalla(
        InsatsTyp::Oppenvardsbehandling,
        date!(2026 - 01 - 20),
    ))
}

pub(crate) fn utredning_avslutad() -> Fall {
    utredning_pagar().med(Kommando::AvslutaUtredning {
        datum: date!(2026 - 02 - 02),
    })
}

/// Documents asked for on 2 February, by 16 February.
pub(crate) fn komplettering_begard() -> Fall {
    utredning_pagar().med(begar(
        KB1,
        date!(2026 - 02 - 02),
        vec![Handlingstyp::Kontoutdrag, Handlingstyp::Hyresavi],
        date!(2026 - 02 - 16),
    ))
}

/// The person handed in an answer with a document on 10 February.
pub(crate) fn komplettering_lamnad() -> Fall {
    komplettering_begard().med(bifoga(DOK)).med(lamna(
        KB1,
        date!(2026 - 02 - 10),
        "Här är kontoutdragen",
        vec![DOK],
    ))
}

/// Reply by Saturday 14 February, moved to Monday the 16th.
pub(crate) fn kommunicerat_vantar_svar() -> Fall {
    utredning_avslutad().med(Kommando::Kommunicera {
        bifogat: vec![],
        tillgangligt: String::new(),
        id: K1,
        datum: date!(2026 - 02 - 03),
        material: "Utredningen".into(),
        satt: Kommunikationssatt::Brev,
        svar_senast: date!(2026 - 02 - 14),
    })
}

pub(crate) fn bifall_fattat() -> Fall {
    utredning_avslutad().med(fatta(
        B_BIFALL,
        InsatsTyp::Oppenvardsbehandling,
        Utfall::Bifall,
        date!(2026 - 02 - 05),
    ))
}

/// Sent Friday 6 February with förenklad delgivning, the person told beforehand on
/// 13 January; not served until the kontrollmeddelande is recorded.
pub(crate) fn bifall_skickat_utan_kontroll() -> Fall {
    bifall_fattat().med(Kommando::SkickaBeslut {
        beslut: B_BIFALL,
        datum: date!(2026 - 02 - 06),
        satt: Utskickssatt::Brev,
        forenklad_delgivning: true,
        forhandsinformation: Some((date!(2026 - 01 - 13), Kanal::Besok)),
    })
}

/// The kontrollmeddelande sent Monday 9 February; served 20 February; last day to
/// appeal 13 March.
pub(crate) fn bifall_skickat_forenklad() -> Fall {
    bifall_skickat_utan_kontroll().med(Kommando::RegistreraKontrollmeddelande {
        beslut: B_BIFALL,
        datum: date!(2026 - 02 - 09),
    })
}

pub(crate) fn bestallt() -> Fall {
    bifall_skickat_forenklad().med(Kommando::Bestall {
        beslut: B_BIFALL,
        utforare: UTFORARE,
        datum: date!(2026 - 02 - 09),
        uppdrag: "Behandling enligt ASI".into(),
        villkor: None,
    })
}

pub(crate) fn verkstallighet_pagar() -> Fall {
    bestallt().med(Kommando::StartaVerkstallighet {
        beslut: B_BIFALL,
        datum: date!(2026 - 02 - 16),
    })
}

pub(crate) fn avbrutet() -> Fall {
    verkstallighet_pagar().med(Kommando::AvbrytVerkstallighet {
        beslut: B_BIFALL,
        datum: date!(2026 - 03 - 02),
        orsak: "Sjukhusvistelse".into(),
    })
}

pub(crate) fn uppfoljning_bokad() -> Fall {
    verkstallighet_pagar().med(uppfoljning(
        Some(B_BIFALL),
        date!(2026 - 05 - 15),
        Some(date!(2026 - 08 - 14)),
    ))
}

pub(crate) fn verkstallighet_avslutad() -> Fall {
    verkstallighet_pagar().med(Kommando::AvslutaVerkstallighet {
        beslut: B_BIFALL,
        datum: date!(2026 - 05 - 29),
        orsak: "Behandlingen är klar".into(),
    })
}

pub(crate) fn avslutat() -> Fall {
    verkstallighet_avslutad()
        .med(uppfoljning(Some(B_BIFALL), date!(2026 - 06 - 01), None))
        .med(avsluta(date!(2026 - 06 - 02)))
}

pub(crate) fn kommunicering_besvarad() -> Fall {
    kommunicerat_vantar_svar().med(Kommando::RegistreraSvar {
        kommunicering: K1,
        datum: date!(2026 - 02 - 10),
        svar: "Håller inte med".into(),
    })
}

pub(crate) fn avslag_fattat() -> Fall {
    kommunicering_besvarad().med(fatta(
        B_AVSLAG,
        InsatsTyp::Oppenvardsbehandling,
        Utfall::Avslag,
        date!(2026 - 02 - 17),
    ))
}

/// Served Friday 20 February; last day to appeal Friday 13 March (FL 44 §).
pub(crate) fn avslag_delgivet() -> Fall {
    avslag_fattat()
        .med(Kommando::SkickaBeslut {
            beslut: B_AVSLAG,
            datum: date!(2026 - 02 - 17),
            satt: Utskickssatt::Brev,
            forenklad_delgivning: false,
            forhandsinformation: None,
        })
        .med(Kommando::RegistreraDelgivning {
            beslut: B_AVSLAG,
            datum: date!(2026 - 02 - 20),
            satt: "Mottagningsbevis".into(),
        })
}

pub(crate) fn overklagat_den(inkom: Date) -> Fall {
    avslag_delgivet().med(Kommando::RegistreraOverklagande {
        beslut: B_AVSLAG,
        inkom,
        text: "Jag behöver behandlingen".into(),
    })
}

pub(crate) fn overklagat() -> Fall {
    overklagat_den(date!(2026 - 03 - 05))
}

pub(crate) fn rattidsprovat_i_tid() -> Fall {
    overklagat().med(Kommando::ProvaRattidighet {
        beslut: B_AVSLAG,
        datum: date!(2026 - 03 - 06),
        undantag: None,
    })
}

pub(crate) fn omprovat() -> Fall {
    rattidsprovat_i_tid().med(omprova(B_AVSLAG, date!(2026 - 03 - 09), None))
}

pub(crate) fn overlamnat() -> Fall {
    omprovat().med(Kommando::Overlamna {
        beslut: B_AVSLAG,
        datum: date!(2026 - 03 - 10),
    })
}

pub(crate) fn dom_meddelad() -> Fall {
    overlamnat().med(Kommando::RegistreraDom {
        beslut: B_AVSLAG,
        datum: date!(2026 - 05 - 20),
        utfall: DomUtfall::Avslag,
        malnummer: "UM 1234-26".into(),
    })
}

/// The same omprövning on the nämnd's own initiative (FL 37 §), with a ground and a
/// statement on disadvantage.
pub(crate) fn eget_initiativ(k: Kommando, g: Option<Fl37Grund>, nackdel: Option<bool>) -> Kommando {
    match k {
        Kommando::Omprova {
            beslut,
            datum,
            motivering,
            nytt,
            ..
        } => Kommando::Omprova {
            beslut,
            datum,
            motivering,
            nytt,
            eget_initiativ: true,
            grund: g,
            till_nackdel: nackdel,
        },
        annat => annat,
    }
}

pub(crate) fn aterkalla(insats: InsatsTyp, datum: Date) -> Kommando {
    Kommando::AterkallaAnsokan(AterkallelseUppgifter {
        insats,
        datum,
        kanal: Kanal::Telefon,
        kommentar: "Ringde och sa att hen inte längre vill ha insatsen".into(),
    })
}

pub(crate) fn hvb_utredd() -> Fall {
    Fall::ny()
        .med(ansokan(date!(2026 - 01 - 12), vec![InsatsTyp::Hvb]))
        .med(Kommando::InledUtredning {
            datum: date!(2026 - 01 - 13),
            beslut_vantas: None,
        })
        .med(Kommando::AvslutaUtredning {
            datum: date!(2026 - 02 - 02),
        })
}

/// A placement (or a träningslägenhet) granted 5 February, ending `till` (or, without an
/// end of its own, when its longest time ends it).
pub(crate) fn placering(insats: InsatsTyp, till: Option<Date>) -> Fall {
    let mut beslut = fatta(B_BIFALL, insats, Utfall::Bifall, date!(2026 - 02 - 05));
    if let Kommando::FattaBeslut { period_till, .. } = &mut beslut {
        *period_till = till;
    }
    utredning_pagar()
        .med(Kommando::AnsokInsats {
            insats,
            datum: date!(2026 - 01 - 20),
            kanal: Kanal::Papper,
        })
        .med(aterkalla(
            InsatsTyp::Oppenvardsbehandling,
            date!(2026 - 01 - 21),
        ))
        .med(Kommando::AvslutaUtredning {
            datum: date!(2026 - 02 - 02),
        })
        .med_som(beslut, &arbetsledare())
}

pub(crate) fn av_typ(a: &Arende, typ: BevakningsTyp) -> Vec<Bevakning> {
    bevakningar(a)
        .into_iter()
        .filter(|b| b.typ == typ)
        .collect()
}

pub(crate) fn bevakning_av(a: &Arende, typ: BevakningsTyp) -> Vec<Date> {
    bevakningar(a)
        .into_iter()
        .filter(|b| b.typ == typ)
        .map(|b| b.datum)
        .collect()
}

/// The system account Mina sidor acts through: a registrator, with no delegation.
pub(crate) fn mina_sidor() -> Kontext<'static> {
    Kontext {
        idag: IDAG,
        aktor: AnvandarId(Uuid::from_u128(9)),
        roll: Roll::Registrator,
        delegationsordning: &ORDNING,
    }
}

/// A request made today, due in two weeks.
pub(crate) fn begar_med(
    handlingar: Vec<Handlingstyp>,
    beskrivning: &str,
    skal: Option<&str>,
    redan_inlamnade: Vec<Handlingstyp>,
) -> Kommando {
    Kommando::BegarKomplettering {
        id: KB1,
        datum: IDAG,
        handlingar,
        beskrivning: beskrivning.into(),
        godtas: "PDF, foto eller kopia".into(),
        senast: IDAG + Duration::days(14),
        skal_trots_inlamnad: skal.map(str::to_owned),
        redan_inlamnade,
    }
}

pub(crate) fn beviljat(utfall: Utfall, omfattning: &str, fran: Date, till: Option<Date>) -> Beslut {
    Beslut {
        id: B_BIFALL,
        insats: InsatsTyp::Oppenvardsbehandling,
        utfall,
        lagrum: Lagrum::Sol11Kap1,
        mal: "Mål".into(),
        omfattning: omfattning.into(),
        period_fran: Some(fran),
        period_till: till,
        motivering: "Skäl".into(),
        datum: fran,
        beslutsfattare: HANDLAGGARE,
        delegation: DelegationsRef {
            version: 7,
            punkt: "3.1".into(),
        },
        kommunicering_obehovlig: None,
        ersatter: None,
        foredragande: None,
        avslagen_del: String::new(),
    }
}

pub(crate) fn till(utfall: Utfall, omfattning: &str, fran: Date, t: Option<Date>) -> NyttBeslut {
    NyttBeslut {
        id: B_NY,
        utfall,
        mal: "Mål".into(),
        omfattning: omfattning.into(),
        period_fran: Some(fran),
        period_till: t,
        avslagen_del: "Det som inte beviljas".into(),
    }
}

/// (state, how to build it, its status, the kinds `kan` allows; every other kind is refused).
pub(crate) type Rad = (
    &'static str,
    fn() -> Fall,
    Option<Status>,
    &'static [KommandoTyp],
);

#[rustfmt::skip]
pub(crate) const TABELL: &[Rad] = &[
    ("inget ärende", inget_arende, None,
        &[T::Aktualisera]),
    ("ansökan registrerad", ansokan_registrerad, Some(Status::Aktualiserad),
        &[T::AnsokInsats, T::InledUtredning, T::BifogaDokument, T::FattaBeslut, T::TilldelaHandlaggare,
          T::SkrivJournal, T::RegistreraInstrument, T::BegarAvgorande, T::RegistreraBrev,
          T::SkickaMeddelande, T::BegarKomplettering, T::BegarMote, T::BegarHandlaggarbyte,
          T::AterkallaAnsokan, T::MeddelaDrojsmal, T::InformeraOmForenkladDelgivning]),
    ("anmälan väntar förhandsbedömning", anmalan_vantar_forhandsbedomning, Some(Status::Forhandsbedomning),
        &[T::Forhandsbedom, T::BifogaDokument, T::TilldelaHandlaggare, T::SkrivJournal,
          T::SkickaMeddelande, T::BegarKomplettering, T::BegarMote, T::BegarHandlaggarbyte]),
    ("anmälan inled ej (avslutat)", anmalan_inled_ej, Some(Status::Avslutat),
        &[T::SkrivJournal]),
    ("utredning pågår", utredning_pagar, Some(Status::Utredning),
        &[T::AnsokInsats, T::RegistreraSynpunkter, T::BifogaDokument, T::AvslutaUtredning, T::Kommunicera,
          T::FattaBeslut, T::TilldelaHandlaggare, T::SkrivJournal, T::RegistreraInstrument, T::SkrivUtredningsavsnitt, T::RattaJournal, T::RegistreraInvandning,
          T::BegarAvgorande, T::RegistreraBrev,
          T::SkickaMeddelande, T::BegarKomplettering, T::BegarMote, T::BegarHandlaggarbyte,
          T::AterkallaAnsokan, T::MeddelaDrojsmal, T::InformeraOmForenkladDelgivning]),
    ("komplettering begärd", komplettering_begard, Some(Status::Utredning),
        &[T::AnsokInsats, T::RegistreraSynpunkter, T::BifogaDokument, T::AvslutaUtredning, T::Kommunicera,
          T::FattaBeslut, T::TilldelaHandlaggare, T::SkrivJournal, T::RegistreraInstrument, T::SkrivUtredningsavsnitt, T::RattaJournal, T::RegistreraInvandning,
          T::BegarAvgorande, T::RegistreraBrev,
          T::SkickaMeddelande, T::BegarKomplettering, T::LamnaKomplettering, T::BegarMote, T::BegarHandlaggarbyte,
          T::AterkallaAnsokan, T::MeddelaDrojsmal, T::InformeraOmForenkladDelgivning]),
    ("komplettering lämnad", komplettering_lamnad, Some(Status::Utredning),
        &[T::AnsokInsats, T::RegistreraSynpunkter, T::BifogaDokument, T::AvslutaUtredning, T::Kommunicera,
          T::FattaBeslut, T::TilldelaHandlaggare, T::SkrivJournal, T::RegistreraInstrument, T::SkrivUtredningsavsnitt, T::RattaJournal, T::RegistreraInvandning,
          T::BegarAvgorande, T::RegistreraBrev,
          T::SkickaMeddelande, T::BegarKomplettering, T::LamnaKomplettering, T::GodtaKomplettering, T::BegarMote, T::BegarHandlaggarbyte,
          T::AterkallaAnsokan, T::MeddelaDrojsmal, T::InformeraOmForenkladDelgivning]),
    ("utredning avslutad", utredning_avslutad, Some(Status::BeslutVantar),
        &[T::AnsokInsats, T::RegistreraSynpunkter, T::BifogaDokument, T::Kommunicera, T::FattaBeslut,
          T::TilldelaHandlaggare, T::SkrivJournal, T::RegistreraInstrument, T::RattaJournal, T::RegistreraInvandning, T::BegarAvgorande, T::RegistreraBrev,
          T::SkickaMeddelande, T::BegarKomplettering, T::BegarMote, T::BegarHandlaggarbyte,
          T::AterkallaAnsokan, T::MeddelaDrojsmal, T::InformeraOmForenkladDelgivning]),
    ("kommunicerat, väntar svar", kommunicerat_vantar_svar, Some(Status::BeslutVantar),
        &[T::AnsokInsats, T::RegistreraSynpunkter, T::BifogaDokument, T::Kommunicera, T::RegistreraSvar,
          T::FattaBeslut, T::TilldelaHandlaggare, T::SkrivJournal, T::RegistreraInstrument, T::RattaJournal, T::RegistreraInvandning,
          T::BegarAvgorande, T::RegistreraBrev,
          T::SkickaMeddelande, T::BegarKomplettering, T::BegarMote, T::BegarHandlaggarbyte,
          T::AterkallaAnsokan, T::MeddelaDrojsmal, T::InformeraOmForenkladDelgivning]),
    ("bifall fattat", bifall_fattat, Some(Status::Beslutad),
        &[T::AnsokInsats, T::RegistreraSynpunkter, T::BifogaDokument, T::SkickaBeslut, T::RegistreraDelgivning,
          T::RegistreraOverklagande, T::Bestall, T::RegistreraEjVerkstallt, T::TilldelaHandlaggare,
          T::SkrivJournal, T::RegistreraInstrument, T::RattaJournal, T::RegistreraInvandning, T::RegistreraBrev,
          T::SkickaMeddelande, T::BegarKomplettering, T::BegarMote, T::BegarHandlaggarbyte,
          T::InformeraOmForenkladDelgivning, T::OmprovaEgetInitiativ, T::RegistreraUpphorande]),
    ("bifall skickat med förenklad delgivning", bifall_skickat_forenklad, Some(Status::Beslutad),
        &[T::AnsokInsats, T::RegistreraSynpunkter, T::BifogaDokument, T::RegistreraOverklagande, T::Bestall,
          T::RegistreraEjVerkstallt, T::KvitteraBevakning, T::TilldelaHandlaggare, T::SkrivJournal, T::RegistreraInstrument,
          T::RattaJournal, T::RegistreraInvandning, T::RattaDatum, T::RegistreraBrev,
          T::SkickaMeddelande, T::BegarKomplettering, T::BegarMote, T::BegarHandlaggarbyte,
          T::RegistreraMisslyckadDelgivning, T::OmprovaEgetInitiativ, T::RegistreraUpphorande]),
    ("beställt", bestallt, Some(Status::Beslutad),
        &[T::AnsokInsats, T::RegistreraSynpunkter, T::BifogaDokument, T::RegistreraOverklagande,
          T::StartaVerkstallighet, T::RegistreraEjVerkstallt, T::KvitteraBevakning, T::TilldelaHandlaggare,
          T::SkrivJournal, T::RegistreraInstrument, T::RattaJournal, T::RegistreraInvandning, T::RattaDatum, T::RegistreraBrev,
          T::SkickaMeddelande, T::BegarKomplettering, T::BegarMote, T::BegarHandlaggarbyte,
          T::UpprattaGenomforandeplan,
          T::RegistreraMisslyckadDelgivning, T::OmprovaEgetInitiativ, T::RegistreraUpphorande]),
    ("verkställighet pågår", verkstallighet_pagar, Some(Status::Verkstalls),
        &[T::AnsokInsats, T::RegistreraSynpunkter, T::BifogaDokument, T::RegistreraOverklagande,
          T::AvbrytVerkstallighet, T::AvslutaVerkstallighet, T::RegistreraUppfoljning, T::KvitteraBevakning,
          T::TilldelaHandlaggare, T::SkrivJournal, T::RegistreraInstrument, T::RattaJournal, T::RegistreraInvandning, T::RattaDatum, T::RegistreraBrev,
          T::SkickaMeddelande, T::BegarKomplettering, T::BegarMote, T::BegarHandlaggarbyte,
          T::UpprattaGenomforandeplan,
          T::RegistreraMisslyckadDelgivning, T::OmprovaEgetInitiativ]),
    ("avbrutet", avbrutet, Some(Status::Verkstalls),
        &[T::AnsokInsats, T::RegistreraSynpunkter, T::BifogaDokument, T::RegistreraOverklagande,
          T::AterupptaVerkstallighet, T::AvslutaVerkstallighet, T::RegistreraUppfoljning, T::KvitteraBevakning,
          T::TilldelaHandlaggare, T::SkrivJournal, T::RegistreraInstrument, T::RattaJournal, T::RegistreraInvandning, T::RattaDatum, T::RegistreraBrev,
          T::SkickaMeddelande, T::BegarKomplettering, T::BegarMote, T::BegarHandlaggarbyte,
          T::UpprattaGenomforandeplan,
          T::RegistreraMisslyckadDelgivning, T::OmprovaEgetInitiativ]),
    ("uppföljning bokad", uppfoljning_bokad, Some(Status::Verkstalls),
        &[T::AnsokInsats, T::RegistreraSynpunkter, T::BifogaDokument, T::RegistreraOverklagande,
          T::AvbrytVerkstallighet, T::AvslutaVerkstallighet, T::RegistreraUppfoljning, T::KvitteraBevakning,
          T::TilldelaHandlaggare, T::SkrivJournal, T::RegistreraInstrument, T::RattaJournal, T::RegistreraInvandning, T::RattaDatum, T::RegistreraBrev,
          T::SkickaMeddelande, T::BegarKomplettering, T::BegarMote, T::BegarHandlaggarbyte,
          T::UpprattaGenomforandeplan,
          T::RegistreraMisslyckadDelgivning, T::OmprovaEgetInitiativ]),
    ("avslag delgivet", avslag_delgivet, Some(Status::Beslutad),
        &[T::AnsokInsats, T::RegistreraSynpunkter, T::BifogaDokument, T::RegistreraOverklagande,
          T::KvitteraBevakning, T::TilldelaHandlaggare, T::SkrivJournal, T::RegistreraInstrument, T::RattaJournal,
          T::RegistreraInvandning, T::AvslutaArende, T::RattaDatum, T::RegistreraBrev,
          T::SkickaMeddelande, T::BegarKomplettering, T::BegarMote, T::BegarHandlaggarbyte,
          T::InformeraOmForenkladDelgivning, T::OmprovaEgetInitiativ]),
    ("överklagat", overklagat, Some(Status::Beslutad),
        &[T::AnsokInsats, T::RegistreraSynpunkter, T::BifogaDokument, T::ProvaRattidighet,
          T::TilldelaHandlaggare, T::SkrivJournal, T::RegistreraInstrument, T::RattaJournal, T::RegistreraInvandning, T::RattaDatum, T::RegistreraBrev,
          T::SkickaMeddelande, T::BegarKomplettering, T::BegarMote, T::BegarHandlaggarbyte,
          T::InformeraOmForenkladDelgivning, T::OmprovaEgetInitiativ]),
    ("rättidsprövat i tid", rattidsprovat_i_tid, Some(Status::Beslutad),
        &[T::AnsokInsats, T::RegistreraSynpunkter, T::BifogaDokument, T::Omprova, T::Overlamna,
          T::TilldelaHandlaggare, T::SkrivJournal, T::RegistreraInstrument, T::RattaJournal, T::RegistreraInvandning, T::RattaDatum, T::RegistreraBrev,
          T::SkickaMeddelande, T::BegarKomplettering, T::BegarMote, T::BegarHandlaggarbyte,
          T::InformeraOmForenkladDelgivning, T::OmprovaEgetInitiativ]),
    ("omprövat", omprovat, Some(Status::Beslutad),
        &[T::AnsokInsats, T::RegistreraSynpunkter, T::BifogaDokument, T::Overlamna,
          T::TilldelaHandlaggare, T::SkrivJournal, T::RegistreraInstrument, T::RattaJournal, T::RegistreraInvandning, T::RattaDatum, T::RegistreraBrev,
          T::SkickaMeddelande, T::BegarKomplettering, T::BegarMote, T::BegarHandlaggarbyte,
          T::InformeraOmForenkladDelgivning, T::OmprovaEgetInitiativ]),
    ("överlämnat", overlamnat, Some(Status::Beslutad),
        &[T::AnsokInsats, T::RegistreraSynpunkter, T::BifogaDokument, T::RegistreraDom,
          T::TilldelaHandlaggare, T::SkrivJournal, T::RegistreraInstrument, T::RattaJournal, T::RegistreraInvandning, T::RattaDatum, T::RegistreraBrev,
          T::SkickaMeddelande, T::BegarKomplettering, T::BegarMote, T::BegarHandlaggarbyte,
          T::InformeraOmForenkladDelgivning]),
    ("dom meddelad", dom_meddelad, Some(Status::Beslutad),
        &[T::AnsokInsats, T::RegistreraSynpunkter, T::BifogaDokument, T::TilldelaHandlaggare,
          T::SkrivJournal, T::RegistreraInstrument, T::RattaJournal, T::RegistreraInvandning, T::AvslutaArende, T::RattaDatum, T::RegistreraBrev,
          T::SkickaMeddelande, T::BegarKomplettering, T::BegarMote, T::BegarHandlaggarbyte,
          T::InformeraOmForenkladDelgivning]),
    ("avslutat", avslutat, Some(Status::Avslutat),
        &[T::RegistreraOverklagande, T::SkrivJournal, T::RattaJournal, T::RegistreraInvandning]),
    ("bifall skickat, kontrollmeddelande väntar", bifall_skickat_utan_kontroll, Some(Status::Beslutad),
        &[T::AnsokInsats, T::RegistreraSynpunkter, T::BifogaDokument, T::RegistreraOverklagande, T::Bestall,
          T::RegistreraEjVerkstallt, T::TilldelaHandlaggare, T::SkrivJournal, T::RegistreraInstrument,
          T::RattaJournal, T::RegistreraInvandning, T::RattaDatum, T::RegistreraBrev,
          T::SkickaMeddelande, T::BegarKomplettering, T::BegarMote, T::BegarHandlaggarbyte,
          T::RegistreraKontrollmeddelande, T::RegistreraDelgivning, T::RegistreraMisslyckadDelgivning, T::OmprovaEgetInitiativ, T::RegistreraUpphorande]),
    ("ansökan återkallad", ansokan_aterkallad, Some(Status::Utredning),
        &[T::AnsokInsats, T::RegistreraSynpunkter, T::BifogaDokument, T::AvslutaUtredning,
          T::TilldelaHandlaggare, T::SkrivJournal, T::RegistreraInstrument, T::SkrivUtredningsavsnitt, T::RattaJournal, T::RegistreraInvandning,
          T::AvslutaArende, T::RegistreraBrev, T::SkickaMeddelande, T::BegarKomplettering, T::BegarMote, T::BegarHandlaggarbyte,
          T::InformeraOmForenkladDelgivning]),
];
