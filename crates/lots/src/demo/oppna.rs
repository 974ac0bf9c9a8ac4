//! The demo's catalogue of öppna insatser (issue 17 item 9, the catalogue's part): an
//! anhörigprogram and an öppen mottagning for alcohol (seed 004 lists both as given
//! without a needs assessment), a MIKA-like service that keeps only sex, age band and
//! district, and an anonymous counselling line, all at Öppenvården Lotsby, with visits
//! over the last weeks registered as the desk registers them.

use anyhow::anyhow;
use lots_domain::ids::{EnhetId, KommunId};
use lots_domain::oppen_insats::{
    Aldersgrupp, Amne, Art, Besok, Integritet, Kon, Omfattning, OppenInsats,
};
use lots_store::{Aktor, Store};
use time::macros::date;
use time::{Date, Duration, OffsetDateTime};

const STADSDELAR: [&str; 3] = ["Centrum", "Norra Lotsby", "Södra Lotsby"];

pub(super) fn katalog(ov: EnhetId) -> Vec<OppenInsats> {
    let bas = |namn: &str, art, integritet| OppenInsats {
        namn: namn.into(),
        art,
        malgrupp: String::new(),
        alder_fran: Some(18),
        alder_till: None,
        innehall: String::new(),
        omfattning: Omfattning::Lopande,
        villkor: String::new(),
        bosatt_i_kommunen: true,
        avgift_kr: 0,
        integritet,
        utforare: vec![ov],
        giltig_fran: date!(2025 - 07 - 01),
        giltig_till: None,
        stadsdelar: vec![],
    };
    let mut anhorig = bas("Anhörigprogram", Art::Anhorigprogram, Integritet::Full);
    anhorig.malgrupp = "Anhöriga till någon med alkohol-, narkotika- eller spelproblem".into();
    anhorig.innehall =
        "Gruppträffar med samtal och kunskap om beroende och om att ta hand om sig själv.".into();
    anhorig.omfattning = Omfattning::Veckor(12);
    anhorig.villkor = "Anmäl dig till Öppenvården. Gruppen startar varje kvartal.".into();
    let mut mottagning = bas(
        "Öppen mottagning för alkohol",
        Art::OppenMottagning,
        Integritet::Minimal,
    );
    mottagning.malgrupp = "Vuxna som vill minska eller sluta dricka".into();
    mottagning.innehall = "Rådgivande och motiverande samtal, enskilt, utan tidsbokning.".into();
    mottagning.omfattning = Omfattning::Tillfallen(10);
    mottagning.villkor = "Kom under öppettiderna, vardagar 9–15.".into();
    mottagning.stadsdelar = STADSDELAR.map(str::to_owned).to_vec();
    let mut mika = bas(
        "Stödmottagning för unga vuxna",
        Art::Samtalsstod,
        Integritet::Minimal,
    );
    mika.malgrupp = "Unga vuxna som säljer eller byter sex, eller har gjort det".into();
    mika.alder_till = Some(29);
    mika.innehall = "Stödsamtal och hjälp att hitta vidare. Du behöver inte säga vem du är.".into();
    mika.bosatt_i_kommunen = false;
    mika.stadsdelar = STADSDELAR.map(str::to_owned).to_vec();
    let mut linje = bas("Stödlinjen", Art::Radgivning, Integritet::Anonym);
    linje.malgrupp =
        "Alla som undrar över alkohol, droger eller spel, för egen del eller som anhörig".into();
    linje.alder_fran = None;
    linje.innehall = "Rådgivning per telefon och chatt. Du är anonym.".into();
    linje.bosatt_i_kommunen = false;
    vec![anhorig, mottagning, mika, linje]
}

pub async fn fyll(
    store: &Store,
    kommun: KommunId,
    ov: EnhetId,
    sf: &Aktor,
    ut: &Aktor,
    idag: Date,
    nu: OffsetDateTime,
) -> anyhow::Result<()> {
    let org = store.organisation();
    let mut sparade = vec![];
    for insats in katalog(ov) {
        let fel = insats.granska(&[ov]);
        if !fel.is_empty() {
            return Err(anyhow!("demons öppna insats {} är ogiltig", insats.namn));
        }
        let (id, version) = org
            .spara_oppen_insats(kommun, None, &insats, sf, nu)
            .await?;
        sparade.push((id, version, insats));
    }
    // Visits over the last four weeks, as the desk registers them: a fixed pattern, so
    // the demo is the same every time.
    let kon = [Kon::Kvinna, Kon::Man];
    let ag = [
        Aldersgrupp::UngVuxen,
        Aldersgrupp::Vuxen25,
        Aldersgrupp::Vuxen35,
        Aldersgrupp::Vuxen50,
    ];
    for dag in 1..=28i64 {
        let datum = idag - Duration::days(dag);
        for (id, version, insats) in &sparade {
            let besok: Vec<Besok> = match insats.integritet {
                Integritet::Minimal => (0..(dag % 3) as usize)
                    .map(|k| {
                        let i = (dag as usize) + k;
                        let band = if insats.alder_till == Some(29) {
                            Aldersgrupp::UngVuxen
                        } else {
                            ag[i % ag.len()]
                        };
                        Besok::Minimal {
                            kon: kon[i % 2],
                            aldersgrupp: band,
                            stadsdel: STADSDELAR[i % STADSDELAR.len()].to_owned(),
                        }
                    })
                    .collect(),
                Integritet::Anonym => vec![Besok::Anonym {
                    antal: 1 + (dag % 4) as u32,
                }],
                Integritet::Radgivning => vec![Besok::Radgivning {
                    amne: Amne::Alkohol,
                }],
                // Full-mode visits are not registered at the desk yet.
                Integritet::Full => vec![],
            };
            for b in besok {
                if insats.ta_emot(datum, &b).is_ok() {
                    org.registrera_oppet_besok(kommun, *id, *version, ov, datum, &b, ut, nu)
                        .await?;
                }
            }
        }
    }
    Ok(())
}
