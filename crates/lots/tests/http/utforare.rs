//! Issue 17 items 5–6, the store and domain layers: provider organisations, contracts,
//! order terms, delivery and invoice lines kept per kommun and per provider, audited,
//! and reconciled. (The pages are not built yet; these tests run on both databases so
//! the migration and every query are proved on each.)

use lots_domain::forsorjningsstod::Manad;
use lots_domain::ids::{AvtalId, BeslutId, UtforarId};
use lots_domain::insats::InsatsTyp;
use lots_domain::utforare::{
    Avtal, Avvikelse, Leverans, Prisenhet, Regiform, Utforarorganisation, Val, las_faktura_csv,
    stam_av,
};
use lots_store::{Aktor, Bestallningsvillkor};
use time::macros::{date, datetime};

use crate::hjalp::*;
use crate::pa_bada;

fn org(namn: &str, regiform: Regiform, ickeval: bool) -> Utforarorganisation {
    Utforarorganisation {
        id: UtforarId::ny(),
        namn: namn.into(),
        organisationsnummer: "556000-0000".into(),
        regiform,
        ickevalsalternativ: ickeval,
    }
}

fn avtal(utforare: UtforarId, pris: i64) -> Avtal {
    Avtal {
        id: AvtalId::ny(),
        utforare,
        fran: date!(2026 - 01 - 01),
        till: date!(2026 - 12 - 31),
        insatser: vec![InsatsTyp::StodIBoendet],
        prisenhet: Prisenhet::Timme,
        pris,
        tak_per_manad: Some(1_000_000),
    }
}

async fn granskade(app: &TestApp) -> Vec<String> {
    app.store
        .bakdorr()
        .fetch_all(
            "SELECT handling FROM granskning WHERE handling LIKE 'utforare.%' OR handling LIKE 'avtal.%' OR handling LIKE 'bestallning.%' OR handling LIKE 'leverans.%' OR handling LIKE 'faktura.%' ORDER BY handling",
            &[],
        )
        .await
        .unwrap()
        .iter()
        .map(|r| r.text("handling").unwrap().split(':').next().unwrap().to_owned())
        .collect()
}

/// Two providers of one kommun and one of a neighbour: each read names its kommun and
/// its provider, every write is audited, and an invoice where two lines do not match
/// is flagged on exactly those lines.
async fn leverantorer_avtal_leverans_och_faktura(db: Db) {
    let app = TestApp::ny(db).await;
    let o = app.store.organisation();
    let kommun = app.org.kommun;
    let al = Aktor::from(app.org.anv("arbetsledare"));
    let nu = datetime!(2026-05-04 10:00 UTC);

    let lov = org("Omsorg Valfrihet AB", Regiform::Lov, true);
    let lou = org("Upphandlad Stöd AB", Regiform::Lou, false);
    for u in [&lov, &lou] {
        o.skapa_utforarorganisation(kommun, u, &al, nu)
            .await
            .unwrap();
    }
    let (granne_enhet, granne) = grannkommun(&app, "Grannens enhet", false).await;
    let granne_kommun = app
        .store
        .organisation()
        .anvandare(granne)
        .await
        .unwrap()
        .expect("neighbour")
        .kommun;
    let grannens = org("Grannens Omsorg AB", Regiform::Lov, false);
    let granne_aktor = Aktor {
        id: granne,
        kommun: granne_kommun,
        enhet: granne_enhet,
        roll: lots_domain::organisation::Roll::Arbetsledare,
    };
    o.skapa_utforarorganisation(granne_kommun, &grannens, &granne_aktor, nu)
        .await
        .unwrap();

    let namn: Vec<String> = o
        .utforarorganisationer(kommun)
        .await
        .unwrap()
        .into_iter()
        .map(|u| u.namn)
        .collect();
    assert_eq!(namn, ["Omsorg Valfrihet AB", "Upphandlad Stöd AB"]);
    assert_eq!(
        o.utforarorganisationer(kommun).await.unwrap()[0],
        lov,
        "read back as saved"
    );

    // The provider's staff sit on an enhet of the provider; another kommun's provider
    // cannot be named.
    let enhet = app.org.utforare_enhet;
    o.koppla_enhet_till_utforare(kommun, enhet, Some(lov.id), &al, nu)
        .await
        .unwrap();
    assert_eq!(
        o.enhetens_utforare(kommun, enhet).await.unwrap(),
        Some(lov.id)
    );
    assert!(
        o.koppla_enhet_till_utforare(kommun, enhet, Some(grannens.id), &al, nu)
            .await
            .is_err()
    );
    assert_eq!(
        o.enhetens_utforare(kommun, enhet).await.unwrap(),
        Some(lov.id)
    );

    let lov_avtal = avtal(lov.id, 45_000);
    o.spara_avtal(kommun, &lov_avtal, &al, nu).await.unwrap();
    o.spara_avtal(kommun, &avtal(lou.id, 50_000), &al, nu)
        .await
        .unwrap();
    assert_eq!(
        o.avtal(kommun, lov.id).await.unwrap(),
        vec![lov_avtal.clone()]
    );
    assert!(o.avtal(granne_kommun, lov.id).await.unwrap().is_empty());

    let beslut = BeslutId::ny();
    let lou_beslut = BeslutId::ny();
    for (b, u, val) in [
        (beslut, lov.id, Val::Ickeval),
        (lou_beslut, lou.id, Val::EjValfrihet),
    ] {
        o.spara_bestallningsvillkor(
            kommun,
            &Bestallningsvillkor {
                beslut: b,
                utforare: u,
                val,
                prisenhet: Prisenhet::Timme,
                beviljat_per_manad: Some(2000),
            },
            &al,
            nu,
        )
        .await
        .unwrap();
    }
    let villkor = o.bestallningsvillkor(kommun, lov.id).await.unwrap();
    assert_eq!(villkor.len(), 1);
    assert_eq!(villkor[0].val, Val::Ickeval);

    let april = Manad::ny(2026, 4).unwrap();
    for (b, u) in [(beslut, lov.id), (lou_beslut, lou.id)] {
        o.rapportera_leverans(
            kommun,
            u,
            &Leverans {
                beslut: b,
                manad: april,
                antal: 1500,
            },
            &al,
            nu,
        )
        .await
        .unwrap();
    }

    // The LOV provider's invoice: one line as ordered, one above the contract's price,
    // one naming the other provider's order (to this provider, no order at all).
    let csv = format!(
        "bestallning;period;enhet;antal;a_pris\n{beslut};2026-04;timme;10;450,00\n{beslut};2026-04;timme;5;495,00\n{lou_beslut};2026-04;timme;3;450\n"
    );
    let rader = las_faktura_csv(&csv).expect("valid file");
    o.las_in_faktura(kommun, lov.id, &rader, &al, nu)
        .await
        .unwrap();

    let (bestallningar, avtal, leveranser, faktura) = o
        .avstamningsunderlag(kommun, lov.id, april, |b| {
            [beslut, lou_beslut].contains(&b).then_some((
                InsatsTyp::StodIBoendet,
                Some(date!(2026 - 03 - 01)),
                None,
            ))
        })
        .await
        .unwrap();
    assert_eq!(bestallningar.len(), 1, "only the provider's own orders");
    assert_eq!(leveranser.len(), 1, "only the provider's own delivery");
    assert_eq!(faktura, rader);
    let avvikelser = stam_av(lov.id, &bestallningar, &avtal, &leveranser, &faktura);
    assert_eq!(
        avvikelser,
        vec![
            Avvikelse::PrisOverAvtal {
                rad: 3,
                beslut,
                avtalspris: 45_000,
                a_pris: 49_500
            },
            Avvikelse::IngenBestallning {
                rad: 4,
                referens: lou_beslut.to_string()
            },
        ]
    );
    // The other provider has no invoice lines; a neighbour kommun reads nothing.
    assert!(
        o.fakturarader(kommun, lou.id, april)
            .await
            .unwrap()
            .is_empty()
    );
    assert!(
        o.fakturarader(granne_kommun, lov.id, april)
            .await
            .unwrap()
            .is_empty()
    );
    assert!(
        o.leveranser(granne_kommun, lov.id, april)
            .await
            .unwrap()
            .is_empty()
    );

    assert_eq!(
        granskade(&app).await,
        [
            "avtal.spara",
            "avtal.spara",
            "bestallning.villkor",
            "bestallning.villkor",
            "faktura.las_in",
            "leverans.rapportera",
            "leverans.rapportera",
            "utforare.enhet",
            "utforare.skapa",
            "utforare.skapa",
            "utforare.skapa",
        ]
    );
}
pa_bada!(leverantorer_avtal_leverans_och_faktura);
