use time::macros::date;

use super::*;

const KR: i64 = 100;

fn m(ar: i32, nr: u8) -> Manad {
    Manad::ny(ar, nr).expect("månad")
}

struct Lage {
    lev: UtforarId,
    annan: UtforarId,
    bestallning: Bestallning,
    annans: Bestallning,
    avtal: Avtal,
}

fn lage() -> Lage {
    let lev = UtforarId::ny();
    let annan = UtforarId::ny();
    Lage {
        lev,
        annan,
        bestallning: Bestallning {
            beslut: BeslutId::ny(),
            utforare: lev,
            insats: InsatsTyp::StodIBoendet,
            fran: Some(date!(2026 - 03 - 01)),
            till: Some(date!(2026 - 08 - 31)),
            beviljat_per_manad: Some(2000),
        },
        annans: Bestallning {
            beslut: BeslutId::ny(),
            utforare: annan,
            insats: InsatsTyp::StodIBoendet,
            fran: Some(date!(2026 - 03 - 01)),
            till: None,
            beviljat_per_manad: None,
        },
        avtal: Avtal {
            id: AvtalId::ny(),
            utforare: lev,
            fran: date!(2026 - 01 - 01),
            till: date!(2026 - 12 - 31),
            insatser: vec![InsatsTyp::StodIBoendet],
            prisenhet: Prisenhet::Timme,
            pris: 450 * KR,
            tak_per_manad: None,
        },
    }
}

fn rad(nr: usize, b: BeslutId, manad: Manad, antal: i64, a_pris: i64) -> Fakturarad {
    Fakturarad {
        rad: nr,
        bestallning: b.to_string(),
        manad,
        enhet: Prisenhet::Timme,
        antal,
        a_pris,
    }
}

fn lev(b: BeslutId, manad: Manad, antal: i64) -> Leverans {
    Leverans {
        beslut: b,
        manad,
        antal,
    }
}

fn koder(a: &[Avvikelse]) -> Vec<&'static str> {
    a.iter().map(Avvikelse::kod).collect()
}

#[test]
fn en_faktura_som_stammer_ger_inga_avvikelser() {
    let l = lage();
    let b = l.bestallning.beslut;
    let ut = stam_av(
        l.lev,
        std::slice::from_ref(&l.bestallning),
        std::slice::from_ref(&l.avtal),
        &[lev(b, m(2026, 4), 1500)],
        &[rad(2, b, m(2026, 4), 1500, 450 * KR)],
    );
    assert_eq!(ut, vec![]);
}

#[test]
fn levererat_mer_an_beviljat_flaggas() {
    let l = lage();
    let b = l.bestallning.beslut;
    // Two reports in one month count together: 15 + 6 hours against 20 granted.
    let ut = stam_av(
        l.lev,
        std::slice::from_ref(&l.bestallning),
        std::slice::from_ref(&l.avtal),
        &[lev(b, m(2026, 4), 1500), lev(b, m(2026, 4), 600)],
        &[],
    );
    assert_eq!(
        ut,
        vec![Avvikelse::LevereratMerAnBeviljat {
            beslut: b,
            manad: m(2026, 4),
            beviljat: 2000,
            levererat: 2100
        }]
    );
    assert!(
        ut[0].text().contains("Levererat 21 men beviljat 20"),
        "{}",
        ut[0].text()
    );
}

#[test]
fn utan_beviljad_mangd_raknas_inget_mot_beslutet() {
    let mut l = lage();
    l.bestallning.beviljat_per_manad = None;
    let b = l.bestallning.beslut;
    let ut = stam_av(
        l.lev,
        std::slice::from_ref(&l.bestallning),
        std::slice::from_ref(&l.avtal),
        &[lev(b, m(2026, 4), 9000)],
        &[],
    );
    assert_eq!(ut, vec![]);
}

#[test]
fn fakturerat_mer_an_levererat_flaggas_pa_raden_som_gar_over() {
    let l = lage();
    let b = l.bestallning.beslut;
    let ut = stam_av(
        l.lev,
        std::slice::from_ref(&l.bestallning),
        std::slice::from_ref(&l.avtal),
        &[lev(b, m(2026, 4), 1000)],
        &[
            rad(2, b, m(2026, 4), 800, 450 * KR),
            rad(3, b, m(2026, 4), 800, 450 * KR),
        ],
    );
    assert_eq!(
        ut,
        vec![Avvikelse::FaktureratMerAnLevererat {
            rad: 3,
            beslut: b,
            manad: m(2026, 4),
            levererat: 1000,
            fakturerat: 1600
        }]
    );
}

#[test]
fn fakturerat_utan_rapporterad_leverans_flaggas() {
    let l = lage();
    let b = l.bestallning.beslut;
    let ut = stam_av(
        l.lev,
        std::slice::from_ref(&l.bestallning),
        std::slice::from_ref(&l.avtal),
        &[],
        &[rad(2, b, m(2026, 5), 100, 450 * KR)],
    );
    assert_eq!(koder(&ut), vec!["fakturerat_mer_an_levererat"]);
}

#[test]
fn fakturerat_utanfor_beslutets_period_flaggas() {
    let l = lage();
    let b = l.bestallning.beslut;
    let ut = stam_av(
        l.lev,
        std::slice::from_ref(&l.bestallning),
        std::slice::from_ref(&l.avtal),
        &[
            lev(b, m(2026, 2), 500),
            lev(b, m(2026, 3), 500),
            lev(b, m(2026, 8), 500),
            lev(b, m(2026, 9), 500),
        ],
        &[
            rad(2, b, m(2026, 2), 500, 450 * KR),
            rad(3, b, m(2026, 3), 500, 450 * KR),
            rad(4, b, m(2026, 8), 500, 450 * KR),
            rad(5, b, m(2026, 9), 500, 450 * KR),
        ],
    );
    let utanfor: Vec<usize> = ut
        .iter()
        .filter_map(|a| match a {
            Avvikelse::FaktureratUtanforPeriod { rad, .. } => Some(*rad),
            _ => None,
        })
        .collect();
    assert_eq!(utanfor, vec![2, 5], "{ut:?}");
}

#[test]
fn ett_beslut_som_galler_tills_vidare_har_ingen_slutmanad() {
    let mut l = lage();
    l.bestallning.till = None;
    let b = l.bestallning.beslut;
    let ut = stam_av(
        l.lev,
        std::slice::from_ref(&l.bestallning),
        std::slice::from_ref(&l.avtal),
        &[lev(b, m(2026, 12), 500)],
        &[rad(2, b, m(2026, 12), 500, 450 * KR)],
    );
    assert_eq!(ut, vec![]);
}

#[test]
fn rad_utan_bestallning_flaggas_och_bar_bara_det_utforaren_skrev() {
    let l = lage();
    let mut okand = rad(2, l.bestallning.beslut, m(2026, 4), 100, 450 * KR);
    okand.bestallning = " 19850101-1234 ".into();
    let ut = stam_av(
        l.lev,
        std::slice::from_ref(&l.bestallning),
        std::slice::from_ref(&l.avtal),
        &[],
        &[okand],
    );
    assert_eq!(
        ut,
        vec![Avvikelse::IngenBestallning {
            rad: 2,
            referens: "19850101-1234".into()
        }]
    );
}

#[test]
fn en_annan_utforares_bestallning_ar_ingen_bestallning() {
    let l = lage();
    let annans = l.annans.beslut;
    let ut = stam_av(
        l.lev,
        &[l.bestallning.clone(), l.annans.clone()],
        std::slice::from_ref(&l.avtal),
        &[lev(annans, m(2026, 4), 500)],
        &[rad(2, annans, m(2026, 4), 500, 450 * KR)],
    );
    assert_eq!(koder(&ut), vec!["ingen_bestallning"]);
    // And the other provider's own reconciliation is not touched by the first's contracts.
    let ut = stam_av(
        l.annan,
        std::slice::from_ref(&l.annans),
        std::slice::from_ref(&l.avtal),
        &[lev(annans, m(2026, 4), 500)],
        &[rad(2, annans, m(2026, 4), 500, 450 * KR)],
    );
    assert_eq!(koder(&ut), vec!["inget_avtal"]);
}

#[test]
fn pris_over_avtalet_flaggas_men_inte_pris_under() {
    let l = lage();
    let b = l.bestallning.beslut;
    let ut = stam_av(
        l.lev,
        std::slice::from_ref(&l.bestallning),
        std::slice::from_ref(&l.avtal),
        &[lev(b, m(2026, 4), 1000)],
        &[
            rad(2, b, m(2026, 4), 500, 495 * KR),
            rad(3, b, m(2026, 4), 500, 400 * KR),
        ],
    );
    assert_eq!(
        ut,
        vec![Avvikelse::PrisOverAvtal {
            rad: 2,
            beslut: b,
            avtalspris: 450 * KR,
            a_pris: 495 * KR
        }]
    );
}

#[test]
fn utan_gallande_avtal_eller_i_fel_enhet_flaggas() {
    let l = lage();
    let b = l.bestallning.beslut;
    let mut gammalt = l.avtal.clone();
    gammalt.till = date!(2026 - 03 - 31);
    let mut dygn = rad(3, b, m(2026, 3), 100, 450 * KR);
    dygn.enhet = Prisenhet::Dygn;
    let ut = stam_av(
        l.lev,
        std::slice::from_ref(&l.bestallning),
        &[gammalt],
        &[lev(b, m(2026, 3), 500), lev(b, m(2026, 4), 500)],
        &[rad(2, b, m(2026, 4), 500, 450 * KR), dygn],
    );
    assert_eq!(koder(&ut), vec!["inget_avtal", "fel_enhet"]);
}

#[test]
fn avtalets_tak_raknas_over_alla_bestallningar_i_manaden() {
    let mut l = lage();
    l.avtal.tak_per_manad = Some(10_000 * KR);
    let b = l.bestallning.beslut;
    let mut andra = l.bestallning.clone();
    andra.beslut = BeslutId::ny();
    let b2 = andra.beslut;
    let ut = stam_av(
        l.lev,
        &[l.bestallning.clone(), andra],
        std::slice::from_ref(&l.avtal),
        &[lev(b, m(2026, 4), 1200), lev(b2, m(2026, 4), 1200)],
        &[
            rad(2, b, m(2026, 4), 1200, 450 * KR),
            rad(3, b2, m(2026, 4), 1200, 450 * KR),
        ],
    );
    assert_eq!(
        ut,
        vec![Avvikelse::OverTak {
            avtal: l.avtal.id,
            manad: m(2026, 4),
            tak: 10_000 * KR,
            fakturerat: 10_800 * KR
        }]
    );
}

#[test]
fn belopp_avrundas_till_ore() {
    let l = lage();
    assert_eq!(
        rad(1, l.bestallning.beslut, m(2026, 4), 125, 33333).belopp(),
        41666
    );
    assert_eq!(kronor_text(123450), "1\u{a0}234,50\u{a0}kr");
    assert_eq!(antal_text(150), "1,5");
    assert_eq!(antal_text(1225), "12,25");
}

#[test]
fn csv_lases_med_komma_eller_punkt_och_bom() {
    let b = BeslutId::ny();
    let text = format!(
        "\u{feff}bestallning;period;enhet;antal;a_pris\r\n{b};2026-04;timme;12,5;450,00\r\n\r\n{b};2026-05;Tillfälle;3;1 200.5\r\n"
    );
    let rader = las_faktura_csv(&text).expect("giltig fil");
    assert_eq!(
        rader,
        vec![
            Fakturarad {
                rad: 2,
                bestallning: b.to_string(),
                manad: m(2026, 4),
                enhet: Prisenhet::Timme,
                antal: 1250,
                a_pris: 450 * KR
            },
            Fakturarad {
                rad: 4,
                bestallning: b.to_string(),
                manad: m(2026, 5),
                enhet: Prisenhet::Tillfalle,
                antal: 300,
                a_pris: 120050
            },
        ]
    );
}

#[test]
fn csv_fel_namner_rad_och_kolumn_och_inget_lases() {
    let text = "bestallning;period;enhet;antal;a_pris\n\
                abc;2026-04;timme;2;100\n\
                abc;2026-13;vecka;-2;1,234\n\
                abc;2026-04;timme\n";
    let fel = las_faktura_csv(text).expect_err("fel i filen");
    let beskrivet: Vec<String> = fel.iter().map(ToString::to_string).collect();
    assert_eq!(fel.len(), 5, "{beskrivet:?}");
    assert_eq!(
        fel.iter().map(|f| (f.rad, f.kolumn)).collect::<Vec<_>>(),
        vec![
            (3, Some("period")),
            (3, Some("enhet")),
            (3, Some("antal")),
            (3, Some("a_pris")),
            (4, None)
        ]
    );
    assert!(
        beskrivet[0].starts_with("Rad 3, kolumn period: "),
        "{}",
        beskrivet[0]
    );
    assert!(
        beskrivet[4].contains("3 kolumner men ska ha 5"),
        "{}",
        beskrivet[4]
    );
}

#[test]
fn csv_utan_ratt_rubrik_eller_utan_rader_avvisas() {
    assert_eq!(las_faktura_csv("").expect_err("tom")[0].rad, 1);
    let fel = las_faktura_csv("order,period,unit,qty,price\nx,2026-04,timme,1,1\n")
        .expect_err("fel rubrik");
    assert!(
        fel[0]
            .text
            .contains("bestallning;period;enhet;antal;a_pris")
    );
    let fel = las_faktura_csv("bestallning;period;enhet;antal;a_pris\n").expect_err("inga rader");
    assert!(fel[0].text.contains("inga fakturarader"));
}

#[test]
fn decimaltal_lases_strikt() {
    assert_eq!(las_decimal("12"), Some(1200));
    assert_eq!(las_decimal("12,5"), Some(1250));
    assert_eq!(las_decimal("0.05"), Some(5));
    assert_eq!(las_decimal("1 000,00"), Some(100_000));
    for fel in [
        "",
        ",5",
        "1,234",
        "-1",
        "1e3",
        "12,5,0",
        "abc",
        "9999999999999",
    ] {
        assert_eq!(las_decimal(fel), None, "{fel}");
    }
}

#[test]
fn organisationsnummer_kraver_tio_siffror_och_ratt_kontrollsiffra() {
    assert_eq!(
        las_organisationsnummer("5566778890"),
        None,
        "fel kontrollsiffra"
    );
    assert_eq!(
        las_organisationsnummer("5566778899").as_deref(),
        Some("556677-8899")
    );
    assert_eq!(
        las_organisationsnummer("212000-0142").as_deref(),
        Some("212000-0142")
    );
    assert_eq!(las_organisationsnummer("55667788"), None);
    assert_eq!(las_organisationsnummer("55667788a9"), None);
}

fn organisation(regiform: Regiform, ickeval: bool) -> Utforarorganisation {
    Utforarorganisation {
        id: UtforarId::ny(),
        namn: "Omsorg AB".into(),
        organisationsnummer: "556677-8899".into(),
        regiform,
        ickevalsalternativ: ickeval,
    }
}

#[test]
fn bara_en_lov_utforare_kan_vara_ickevalsalternativ() {
    assert!(organisation(Regiform::Lov, true).fel().is_empty());
    let fel: Vec<&str> = organisation(Regiform::Lou, true)
        .fel()
        .into_iter()
        .map(|f| f.0)
        .collect();
    assert_eq!(fel, ["ickevalsalternativ"]);
}

#[test]
fn villkoren_foljer_lov() {
    // LOV 9 kap. 1–2 §§: the person chooses; who does not choose gets the ickevalsalternativ.
    let v = |val| Villkor {
        utforare: UtforarId::ny(),
        val,
        prisenhet: Prisenhet::Timme,
        beviljat_per_manad: Some(2000),
    };
    let lov = organisation(Regiform::Lov, false);
    let ickeval = organisation(Regiform::Lov, true);
    let lou = organisation(Regiform::Lou, false);
    assert!(kontrollera_villkor(&lov, &v(Val::Valt)).is_ok());
    assert!(kontrollera_villkor(&lov, &v(Val::EjValfrihet)).is_err());
    assert!(kontrollera_villkor(&lov, &v(Val::Ickeval)).is_err());
    assert!(kontrollera_villkor(&ickeval, &v(Val::Ickeval)).is_ok());
    assert!(kontrollera_villkor(&lou, &v(Val::EjValfrihet)).is_ok());
    assert!(kontrollera_villkor(&lou, &v(Val::Valt)).is_err());
    let mut noll = v(Val::EjValfrihet);
    noll.beviljat_per_manad = Some(0);
    assert!(kontrollera_villkor(&lou, &noll).is_err());
}

#[test]
fn avtalets_fel_namner_falten() {
    let mut a = lage().avtal;
    assert!(a.fel().is_empty());
    a.till = date!(2025 - 12 - 31);
    a.insatser.clear();
    a.pris = 0;
    a.tak_per_manad = Some(0);
    let falt: Vec<&str> = a.fel().into_iter().map(|f| f.0).collect();
    assert_eq!(falt, ["till", "insatser", "pris", "tak"]);
}

#[test]
fn ett_avtal_avslutas_aldrig_bakat_eller_langre() {
    let a = lage().avtal;
    let slut = a.avsluta(date!(2026 - 06 - 30)).expect("inom avtalet");
    assert_eq!(slut.till, date!(2026 - 06 - 30));
    assert_eq!((slut.id, slut.pris, slut.fran), (a.id, a.pris, a.fran));
    // The last day may be the first: a contract that runs one day.
    assert!(a.avsluta(a.fran).is_ok());
    assert!(a.avsluta(date!(2025 - 12 - 31)).is_err(), "before it began");
    assert!(
        a.avsluta(date!(2027 - 01 - 01)).is_err(),
        "ending does not lengthen"
    );
}

#[test]
fn ett_upphort_avtal_tar_inga_nya_bestallningar() {
    let l = lage();
    let insats = InsatsTyp::StodIBoendet;
    let slutat = l.avtal.avsluta(date!(2026 - 06 - 30)).unwrap();
    // In force: ordered. The day after its last: refused, with the reason.
    assert!(
        kan_bestallas(
            None,
            std::slice::from_ref(&l.avtal),
            insats,
            date!(2026 - 07 - 01)
        )
        .is_ok()
    );
    assert!(
        kan_bestallas(
            None,
            std::slice::from_ref(&slutat),
            insats,
            date!(2026 - 06 - 30)
        )
        .is_ok()
    );
    let fel = kan_bestallas(
        None,
        std::slice::from_ref(&slutat),
        insats,
        date!(2026 - 07 - 01),
    )
    .unwrap_err();
    assert!(fel.contains("har upphört"), "{fel}");
    // A later contract for the insats takes over.
    let nytt = Avtal {
        id: AvtalId::ny(),
        fran: date!(2026 - 07 - 01),
        till: date!(2027 - 06 - 30),
        ..l.avtal.clone()
    };
    assert!(kan_bestallas(None, &[slutat.clone(), nytt], insats, date!(2026 - 07 - 01)).is_ok());
    // Another insats is not the ended contract's business (the reconciliation flags a
    // provider with no contract for it).
    assert!(
        kan_bestallas(
            None,
            &[slutat],
            InsatsTyp::Kontaktperson,
            date!(2026 - 07 - 01)
        )
        .is_ok()
    );
    // The provider's last day ends every order after it, contracts or not.
    assert!(
        kan_bestallas(
            Some(date!(2026 - 03 - 31)),
            std::slice::from_ref(&l.avtal),
            insats,
            date!(2026 - 04 - 01)
        )
        .is_err()
    );
    assert!(
        kan_bestallas(
            Some(date!(2026 - 03 - 31)),
            &[l.avtal],
            insats,
            date!(2026 - 03 - 31)
        )
        .is_ok()
    );
}

#[test]
fn avvikelsens_frist_ligger_fore_betalningen() {
    let (frist, betalning) = avvikelsefrist(date!(2026 - 05 - 04));
    assert_eq!(betalning, date!(2026 - 06 - 03), "30 days after it came in");
    assert_eq!(frist, date!(2026 - 05 - 24));
    assert!(frist < betalning);
}

#[test]
fn en_avvikelse_har_samma_nyckel_varje_gang() {
    let b = BeslutId::ny();
    let a = Avvikelse::FaktureratMerAnLevererat {
        rad: 3,
        beslut: b,
        manad: m(2026, 5),
        levererat: 800,
        fakturerat: 1000,
    };
    // The quantities may change with later delivery; the key names the line.
    let b2 = Avvikelse::FaktureratMerAnLevererat {
        rad: 3,
        beslut: b,
        manad: m(2026, 5),
        levererat: 900,
        fakturerat: 1000,
    };
    assert_eq!(a.nyckel(), b2.nyckel());
    assert_eq!(a.nyckel(), "fakturerat_mer_an_levererat:rad3");
    let c = Avvikelse::LevereratMerAnBeviljat {
        beslut: b,
        manad: m(2026, 5),
        beviljat: 800,
        levererat: 1000,
    };
    assert_ne!(a.nyckel(), c.nyckel());
}

#[test]
fn avvikelse_godkanns_med_motivering_och_bestrids_utan() {
    assert_eq!(
        Avvikelsehantering::tolka("godkand", "  Extra tillfälle efter samtal. "),
        Ok((
            Avvikelsehantering::Godkand,
            "Extra tillfälle efter samtal.".to_owned()
        ))
    );
    assert!(Avvikelsehantering::tolka("godkand", "  ").is_err());
    assert_eq!(
        Avvikelsehantering::tolka("bestriden", ""),
        Ok((Avvikelsehantering::Bestriden, String::new()))
    );
    // Closing as "stämmer" is the reconciliation's, never a choice on the form.
    assert!(Avvikelsehantering::tolka("stammer", "Ja").is_err());
    assert!(Avvikelsehantering::tolka("bestriden", &"x".repeat(MOTIVERING_MAX + 1)).is_err());
    for h in [
        Avvikelsehantering::Godkand,
        Avvikelsehantering::Bestriden,
        Avvikelsehantering::Stammer,
    ] {
        assert_eq!(Avvikelsehantering::fran_kod(h.kod()), Some(h));
    }
}
