//! The demo's external providers (issue 17 items 5–6): a LOV provider that is also the
//! nämnd's ickevalsalternativ and a procured (LOU) provider, each with a contract, a unit
//! and a login; an order to each from Vuxenenheten, delivery reported for last month,
//! and an invoice from each where one line does not match: the LOV provider bills more
//! sessions than it delivered, the procured provider bills for a person with no order.
//! The arbetsledare sees both under Utförare och avtal → Avstämning, the handläggare
//! under Fakturaavvikelser.

use lots_domain::forsorjningsstod::Manad;
use lots_domain::utforare::{
    Avtal, Fakturarad, Leverans, Prisenhet, Regiform, Utforarorganisation, Val, Villkor,
};

use super::*;

const KR: i64 = 100;

struct Leverantor {
    namn: &'static str,
    orgnr: &'static str,
    regiform: Regiform,
    ickeval: bool,
    enhet: &'static str,
    login: (&'static str, &'static str),
    insats: InsatsTyp,
    prisenhet: Prisenhet,
    pris: i64,
    tak: Option<i64>,
}

const LEVERANTORER: [Leverantor; 2] = [
    Leverantor {
        namn: "Omsorg Valfrihet AB",
        orgnr: "556123-4567",
        regiform: Regiform::Lov,
        ickeval: true,
        enhet: "Omsorg Valfrihet AB, samtalsmottagningen",
        login: ("omsorg", "Nora Lind"),
        insats: InsatsTyp::Oppenvardsbehandling,
        prisenhet: Prisenhet::Tillfalle,
        pris: 650 * KR,
        tak: None,
    },
    Leverantor {
        namn: "Stödbolaget Norr AB",
        orgnr: "559012-3450",
        regiform: Regiform::Lou,
        ickeval: false,
        enhet: "Stödbolaget Norr AB, boendestöd",
        login: ("stodbolaget", "Olof Norberg"),
        insats: InsatsTyp::StodIBoendet,
        prisenhet: Prisenhet::Timme,
        pris: 480 * KR,
        tak: Some(60_000 * KR),
    },
];

/// Registers the providers with their contracts, units and logins, orders one insats from
/// each, and enters last month's delivery and invoices. Returns the lines for the summary.
pub(super) async fn fyll(
    d: &Demo<'_>,
    kommun: KommunId,
    namnd: uuid::Uuid,
    hash: &str,
) -> anyhow::Result<String> {
    let o = d.store.organisation();
    let al = &d.s.al;
    let manad = Manad::for_dag(d.idag).foregaende();
    let mut ut = String::from("\nUtförare under LOV och LOU (lösenordet är detsamma):\n");
    for (nr, l) in LEVERANTORER.iter().enumerate() {
        let org = Utforarorganisation {
            id: UtforarId::ny(),
            namn: l.namn.into(),
            organisationsnummer: l.orgnr.into(),
            regiform: l.regiform,
            ickevalsalternativ: l.ickeval,
        };
        o.skapa_utforarorganisation(kommun, &org, al, d.nu).await?;
        let enhet = EnhetId::ny();
        o.skapa_enhet(enhet, kommun, namnd, l.enhet, true).await?;
        o.koppla_enhet_till_utforare(kommun, enhet, Some(org.id), al, d.nu)
            .await?;
        let anvandare = Anvandare {
            id: AnvandarId::ny(),
            kommun,
            enhet,
            anvandarnamn: l.login.0.into(),
            namn: l.login.1.into(),
            roll: Roll::Utforare,
            losenord: hash.into(),
            aktiv: true,
            skyddad_behorighet: false,
        };
        o.skapa_anvandare(&anvandare).await?;
        let avtal = Avtal {
            id: AvtalId::ny(),
            utforare: org.id,
            fran: date!(2026 - 01 - 01),
            till: date!(2027 - 12 - 31),
            insatser: vec![l.insats],
            prisenhet: l.prisenhet,
            pris: l.pris,
            tak_per_manad: l.tak,
        };
        o.spara_avtal(kommun, &avtal, al, d.nu).await?;

        // The order: granted for six months from about four months ago.
        let (beviljat, omfattning, text, mal) = if nr == 0 {
            (
                800,
                "Åtta samtal i månaden",
                "{n} söker hjälp för sitt drickande och vill gå i samtal.",
                "{n} klarar sin vardag utan att alkoholen tar över.",
            )
        } else {
            (
                1600,
                "Fyra timmar i veckan",
                "{n} behöver hjälp att komma till rätta i sin nya lägenhet.",
                "{n} klarar sitt boende och sina räkningar själv.",
            )
        };
        let hl = d.s.hl.clone();
        let mut f = d
            .oppna(
                d.person(),
                &hl,
                &hl,
                130,
                ansokan(d.e.vm, Some(&hl), Kanal::Besok, vec![l.insats], text),
            )
            .await?;
        f.inled(128).await?;
        f.avsluta_utredning(122).await?;
        let b = f
            .beslut(
                &hl,
                120,
                Beslutsforslag {
                    insats: l.insats,
                    utfall: Utfall::Bifall,
                    mal,
                    omfattning,
                    manader: Some(6),
                    motivering: "{n} behöver insatsen för att uppnå en skälig levnadsnivå. Behovet kan inte tillgodoses på annat sätt.",
                },
            )
            .await?;
        f.skicka(b, 119, Utskickssatt::Brev, false).await?;
        // LOV 9 kap. 1 §: the person chose the provider among the approved.
        let villkor = Villkor {
            utforare: org.id,
            val: if l.regiform == Regiform::Lov {
                Val::Valt
            } else {
                Val::EjValfrihet
            },
            prisenhet: l.prisenhet,
            beviljat_per_manad: Some(beviljat),
        };
        let uppdrag = f.t(&format!(
            "{omfattning} enligt beslutet. Kontakta {{n}} på telefon."
        ));
        let k = Kommando::Bestall {
            beslut: b,
            utforare: enhet,
            datum: f.dag(118),
            uppdrag,
            villkor: Some(villkor),
        };
        f.steg(118, k).await?;
        f.starta(b, 110).await?;
        f.klar().await?;

        // Last month: delivery as granted, then the invoice. One line in each does not
        // match: more sessions billed than delivered; a line for a person with no order.
        let aktor = Aktor::from(&anvandare);
        o.rapportera_leverans(
            kommun,
            org.id,
            &Leverans {
                beslut: b,
                manad,
                antal: beviljat,
            },
            &aktor,
            d.nu,
        )
        .await?;
        let rad = |rad, bestallning: String, antal| Fakturarad {
            rad,
            bestallning,
            manad,
            enhet: l.prisenhet,
            antal,
            a_pris: l.pris,
        };
        let rader = if nr == 0 {
            vec![rad(2, b.to_string(), beviljat), rad(3, b.to_string(), 300)]
        } else {
            vec![
                rad(2, b.to_string(), beviljat),
                rad(3, "Kundnr 4411".into(), 600),
            ]
        };
        o.las_in_faktura(kommun, org.id, &rader, &aktor, d.nu)
            .await?;
        // As the invoice page does: the differences become the beställare's bevakningar.
        lots_web::flagga_avvikelser(d.store, kommun, org.id, manad, &aktor, d.nu).await?;
        ut.push_str(&format!(
            "  {:<14} {} ({}), {}\n",
            l.login.0,
            l.login.1,
            l.namn,
            l.regiform.namn()
        ));
    }
    ut.push_str(&format!(
        "  Fakturorna för {} har två rader som inte stämmer: se Utförare och avtal → Avstämning.\n",
        manad.namn()
    ));
    Ok(ut)
}
