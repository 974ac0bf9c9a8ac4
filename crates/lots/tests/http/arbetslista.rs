//! Issue 20 item 6, "the start page is a work list": the handläggare's open cases with
//! the insats, status and next deadline, sorted, filtered and paged; today's and the
//! overdue bevakningar at the top with the rest behind a link; reminders of one's own;
//! meetings the person asked for booked with a day, time and place the person sees; and
//! a compact density for wide screens.

use lots_domain::tid::svensk_dag;

use crate::hjalp::*;
use crate::mina_sidor::medborgare;
use crate::pa_bada;

/// The part of the start page under "Mina ärenden".
fn arbetslistan(sida: &str) -> &str {
    let fran = sida
        .find("id=\"rubrik-arenden\"")
        .expect("the start page lists the cases");
    let till = sida[fran..]
        .find("</section>")
        .map_or(sida.len(), |i| fran + i);
    &sida[fran..till]
}

/// The part of the start page under the bevakningar's heading.
fn bevakningsdelen(sida: &str) -> &str {
    let fran = sida
        .find("id=\"rubrik-bevakningar\"")
        .expect("the start page has its bevakningar");
    let till = sida[fran..]
        .find("</section>")
        .map_or(sida.len(), |i| fran + i);
    &sida[fran..till]
}

/// The persons' names in the order the list shows them.
fn namnordning(lista: &str, namn: &[&str]) -> Vec<String> {
    let mut hittade: Vec<(usize, String)> = namn
        .iter()
        .filter_map(|n| lista.find(&format!(">{n}</a>")).map(|i| (i, n.to_string())))
        .collect();
    hittade.sort();
    hittade.into_iter().map(|(_, n)| n).collect()
}

async fn arbetslistan_sorteras_filtreras_och_delas_i_sidor(db: Db) {
    let app = TestApp::ny(db).await;
    let k = app.klient("handlaggare").await;
    let idag = svensk_dag(app.klocka.nu());
    // Three cases: one late for its decision's sending, one in utredning, one new.
    let p1 = registrera_person(&k, "19640823-3234", "Nora", "Lind").await;
    let a1 = registrera_ansokan(&app, &k, &p1, "kontaktperson", "2026-03-02", "handlaggare").await;
    k.steg(&a1, "inled-utredning", &[("datum", "2026-03-03")])
        .await;
    k.steg(&a1, "avsluta-utredning", &[("datum", "2026-04-01")])
        .await;
    k.steg(
        &a1,
        "beslut",
        &[
            ("insats", "kontaktperson"),
            ("utfall", "bifall"),
            ("lagrum", "sol_11_1"),
            ("mal", "Stöd i vardagen"),
            ("omfattning", "Två samtal i veckan"),
            ("period_fran", "2026-04-20"),
            ("motivering", "Behovet är utrett."),
            ("datum", "2026-04-20"),
        ],
    )
    .await;
    let p2 = registrera_person(&k, &med_kontrollsiffra("19700101-1230"), "Åsa", "Berg").await;
    let a2 = registrera_ansokan(
        &app,
        &k,
        &p2,
        "oppenvardsbehandling",
        "2026-05-04",
        "handlaggare",
    )
    .await;
    k.steg(&a2, "inled-utredning", &[("datum", "2026-05-05")])
        .await;
    let p3 = registrera_person(&k, &med_kontrollsiffra("19800202-1230"), "Bo", "Ahl").await;
    // The third came in today: nothing of it is late yet.
    registrera_ansokan(
        &app,
        &k,
        &p3,
        "kontaktperson",
        &idag.to_string(),
        "handlaggare",
    )
    .await;

    let (s, sida) = k.get("/").await;
    assert_eq!(s, 200);
    let lista = arbetslistan(&sida);
    // Each case with its insats, status and next deadline.
    assert!(lista.contains("Kontaktperson"), "{lista}");
    assert!(lista.contains("Öppenvårdsbehandling"), "{lista}");
    assert!(lista.contains("Utredning pågår"), "{lista}");
    assert!(
        lista.contains("2026-04-20: Beslutet är inte skickat"),
        "{lista}"
    );
    assert!(lista.contains("(Försenad)"), "{lista}");
    assert!(
        lista.contains("3 av dina 3 öppna ärenden visas."),
        "{lista}"
    );
    // By the next deadline first (the default): the late decision leads.
    let alla = ["Nora Lind", "Åsa Berg", "Bo Ahl"];
    assert_eq!(namnordning(lista, &alla)[0], "Nora Lind");
    // By name.
    let (_, sida) = k.get("/?sortera=namn").await;
    assert_eq!(
        namnordning(arbetslistan(&sida), &alla),
        ["Bo Ahl", "Nora Lind", "Åsa Berg"]
    );
    assert!(
        sida.contains(
            "aria-sort=\"ascending\"><a href=\"/?sortera=namn#rubrik-arenden\">Person</a>"
        )
    );
    // By the day it came in.
    let (_, sida) = k.get("/?sortera=inkom").await;
    assert_eq!(
        namnordning(arbetslistan(&sida), &alla),
        ["Nora Lind", "Åsa Berg", "Bo Ahl"]
    );
    // By the next deadline: the one with none comes last.
    let (_, sida) = k.get("/").await;
    assert_eq!(namnordning(arbetslistan(&sida), &alla)[2], "Bo Ahl");
    // Filters: status, insats, late.
    let (_, sida) = k.get("/?status=utredning").await;
    assert_eq!(namnordning(arbetslistan(&sida), &alla), ["Åsa Berg"]);
    assert!(sida.contains("1 av dina 3 öppna ärenden visas."));
    let (_, sida) = k.get("/?insats=kontaktperson&sortera=namn").await;
    assert_eq!(
        namnordning(arbetslistan(&sida), &alla),
        ["Bo Ahl", "Nora Lind"]
    );
    // Only the late: the other two are past FL 11 §'s notice of delay or their decision's sending.
    let (_, sida) = k.get("/?sena=ja&sortera=namn").await;
    assert_eq!(
        namnordning(arbetslistan(&sida), &alla),
        ["Nora Lind", "Åsa Berg"]
    );
    // A value the page does not know is said in Swedish, not guessed at.
    for fel in [
        "/?sortera=lon",
        "/?status=avslutat",
        "/?insats=fest",
        "/?sida=0",
        "/?sida=x",
    ] {
        let (s, sida) = k.get(fel).await;
        assert_eq!(s, 400, "{fel}");
        assert!(
            sida.contains("Gå tillbaka till startsidan"),
            "{fel}: {}",
            utdrag(&sida)
        );
    }
    // Paging: 25 to a page. 24 more cases make 27.
    for n in 0..24 {
        let nummer = format!("1990{:02}{:02}-0000", 1 + n / 28, 1 + n % 28);
        let p =
            registrera_person_utan_kontroll(&k, &nummer, &format!("Person{n:02}"), "Test").await;
        registrera_ansokan(
            &app,
            &k,
            &p,
            "kontaktperson",
            &idag.to_string(),
            "handlaggare",
        )
        .await;
    }
    let (_, sida) = k.get("/?sortera=inkom").await;
    let lista = arbetslistan(&sida);
    assert!(lista.contains("Sida 1 av 2"), "{lista}");
    assert!(
        lista.contains("href=\"/?sortera=inkom&#38;sida=2#rubrik-arenden\""),
        "{lista}"
    );
    assert!(lista.contains("Nora Lind"));
    assert_eq!(lista.matches("<tr").count(), 1 + 25, "a header and 25 rows");
    let (_, sida) = k.get("/?sortera=inkom&sida=2").await;
    let lista = arbetslistan(&sida);
    assert!(lista.contains("Sida 2 av 2"), "{lista}");
    assert_eq!(lista.matches("<tr").count(), 1 + 2);
    assert!(!lista.contains("Nora Lind"));
    // A page past the end shows the last.
    let (s, sida) = k.get("/?sortera=inkom&sida=9").await;
    assert_eq!(s, 200);
    assert!(arbetslistan(&sida).contains("Sida 2 av 2"));

    // Another handläggare's list has none of these.
    let k2 = app.klient("handlaggare2").await;
    let (_, sida) = k2.get("/").await;
    assert!(!sida.contains("Nora Lind") && !sida.contains("Bo Ahl"));
    app.kontrollera_invarianter().await;
}
pa_bada!(arbetslistan_sorteras_filtreras_och_delas_i_sidor);

/// Registers a person whose number is not checked for a control digit: the paging test
/// needs many, and `registrera_person` wants a real personnummer.
async fn registrera_person_utan_kontroll(
    k: &Klient,
    nummer: &str,
    fornamn: &str,
    efternamn: &str,
) -> String {
    let giltigt = med_kontrollsiffra(nummer);
    registrera_person(k, &giltigt, fornamn, efternamn).await
}

/// `YYYYMMDD-NNN?` with the Luhn digit of the last ten digits put last.
fn med_kontrollsiffra(nummer: &str) -> String {
    let siffror: Vec<u32> = nummer.chars().filter_map(|c| c.to_digit(10)).collect();
    let tio = &siffror[2..11];
    let summa: u32 = tio
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let x = if i % 2 == 0 { d * 2 } else { *d };
            x / 10 + x % 10
        })
        .sum();
    let kontroll = (10 - summa % 10) % 10;
    format!("{}{kontroll}", &nummer[..nummer.len() - 1])
}

async fn bevakningar_idag_overst_och_resten_bakom_en_lank(db: Db) {
    let app = TestApp::ny(db).await;
    let k = app.klient("handlaggare").await;
    let idag = svensk_dag(app.klocka.nu());
    let p = registrera_person(&k, "19640823-3234", "Nora", "Lind").await;
    let a = registrera_ansokan(&app, &k, &p, "kontaktperson", "2026-03-02", "handlaggare").await;
    // A komplettering with its last day ahead: a bevakning that is not today's work.
    let senast = (idag + time::Duration::days(20)).to_string();
    k.steg(
        &a,
        "begar-komplettering",
        &[
            ("handlingar", "kontoutdrag"),
            ("beskrivning", ""),
            ("godtas", "PDF eller foto"),
            ("senast", &senast),
            ("skal", ""),
        ],
    )
    .await;
    // (The last day may move to the next working day; the kind is what is looked for.)
    let komplettering = "Sista dag för begärd komplettering";
    let (_, sida) = k.get("/").await;
    let delen = bevakningsdelen(&sida);
    assert!(!delen.contains(komplettering), "{delen}");
    assert!(delen.contains("Visa också de 1 kommande"), "{delen}");
    let (_, sida) = k.get("/?bevakningar=alla").await;
    let delen = bevakningsdelen(&sida);
    assert!(delen.contains(komplettering), "{delen}");
    assert!(delen.contains("Alla mina bevakningar"), "{delen}");
    assert!(delen.contains("Visa bara det som är försenat"), "{delen}");
}
pa_bada!(bevakningar_idag_overst_och_resten_bakom_en_lank);

async fn egna_paminnelser(db: Db) {
    let app = TestApp::ny(db).await;
    let k = app.klient("handlaggare").await;
    let idag = svensk_dag(app.klocka.nu()).to_string();
    let p = registrera_person(&k, "19640823-3234", "Nora", "Lind").await;
    let a = registrera_ansokan(&app, &k, &p, "kontaktperson", "2026-03-02", "handlaggare").await;
    // Another handläggare's case cannot be tied to a reminder: no door to it.
    let p2 = registrera_person(&k, &med_kontrollsiffra("19700101-1230"), "Åsa", "Berg").await;
    let annans =
        registrera_ansokan(&app, &k, &p2, "kontaktperson", "2026-03-02", "handlaggare2").await;
    let (s, _, body) = k
        .post(
            "/paminnelser",
            &[("datum", &idag), ("text", "Ring Åsa"), ("arende", &annans)],
        )
        .await;
    assert_eq!(s, 422);
    assert!(
        body.contains("Välj ett av dina öppna ärenden"),
        "{}",
        utdrag(&body)
    );
    assert!(!body.contains("Åsa Berg"));
    // Bad input: nothing is written, all said at once.
    let (s, _, body) = k
        .post("/paminnelser", &[("datum", "i morgon"), ("text", "")])
        .await;
    assert_eq!(s, 422);
    assert!(body.contains("ÅÅÅÅ-MM-DD") && body.contains("Skriv vad du vill bli påmind om"));
    let lang = "x".repeat(301);
    let (s, _, _) = k
        .post("/paminnelser", &[("datum", &idag), ("text", &lang)])
        .await;
    assert_eq!(s, 422);
    // Today's reminder on one's own case is at the top, with the case.
    let (s, plats, _) = k
        .post(
            "/paminnelser",
            &[
                ("datum", &idag),
                ("text", "Ring Nora om intyget"),
                ("arende", &a),
            ],
        )
        .await;
    assert_eq!((s, plats.as_deref()), (303, Some("/#rubrik-bevakningar")));
    let (_, sida) = k.get("/").await;
    let delen = bevakningsdelen(&sida);
    assert!(
        delen.contains("Egen påminnelse: Ring Nora om intyget"),
        "{delen}"
    );
    assert!(
        delen.contains(&format!("<a href=\"/arenden/{a}\">Nora Lind</a>")),
        "{delen}"
    );
    // Only its author sees it, and only its author marks it done.
    let k2 = app.klient("handlaggare2").await;
    let (_, sida) = k2.get("/").await;
    assert!(!sida.contains("Ring Nora om intyget"));
    let id = delen
        .split("/paminnelser/")
        .nth(1)
        .and_then(|s| s.split('/').next())
        .expect("a done button")
        .to_owned();
    let (s, _, _) = k2.post(&format!("/paminnelser/{id}/klar"), &[]).await;
    assert_eq!(s, 404);
    let (_, sida) = k.get("/").await;
    assert!(sida.contains("Ring Nora om intyget"));
    let (s, _, _) = k.post(&format!("/paminnelser/{id}/klar"), &[]).await;
    assert_eq!(s, 303);
    let (_, sida) = k.get("/").await;
    assert!(!sida.contains("Ring Nora om intyget"));
    // Once done, it is done.
    let (s, _, _) = k.post(&format!("/paminnelser/{id}/klar"), &[]).await;
    assert_eq!(s, 404);
    // A reminder without a case, for later: behind the link.
    let fredag = (svensk_dag(app.klocka.nu()) + time::Duration::days(3)).to_string();
    k.post(
        "/paminnelser",
        &[("datum", &fredag), ("text", "Ring Åsa fredag")],
    )
    .await;
    let (_, sida) = k.get("/").await;
    assert!(!bevakningsdelen(&sida).contains("Ring Åsa fredag"));
    let (_, sida) = k.get("/?bevakningar=alla").await;
    assert!(bevakningsdelen(&sida).contains("Egen påminnelse: Ring Åsa fredag"));
}
pa_bada!(egna_paminnelser);

async fn begart_mote_bokas_och_syns_pa_mina_sidor(db: Db) {
    let app = TestApp::ny(db).await;
    let hl = app.klient("handlaggare").await;
    let idag = svensk_dag(app.klocka.nu());
    let p = crate::mina_sidor::syntetisk(&app, "19850505-1238", "Dana", "Ek").await;
    let a = registrera_ansokan(
        &app,
        &hl,
        &p,
        "oppenvardsbehandling",
        "2026-03-02",
        "handlaggare",
    )
    .await;
    // Nothing asked for: nothing to book.
    let (s, _) = hl.get(&format!("/arenden/{a}/steg/boka-mote")).await;
    assert_ne!(s, 200);
    let k = medborgare(&app, "19850505-1238").await;
    let (s, _, _) = k
        .post(
            &format!("/mina-sidor/arenden/{a}/mote"),
            &[("typ", "personligt"), ("text", "Helst på förmiddagen.")],
        )
        .await;
    assert_eq!(s, 303);
    // The bevakning (due in two working days, so among the later ones) leads to booking it.
    let (_, start) = hl.get("/?bevakningar=alla").await;
    let lank = format!("/arenden/{a}/bevakning?typ=mote_begart");
    assert!(start.contains(&lank), "{}", utdrag(&start));
    let (s, plats) = hl.get_med_plats(&lank).await;
    assert_eq!(s, 303);
    assert!(
        plats
            .as_deref()
            .unwrap_or_default()
            .contains("/steg/boka-mote"),
        "{plats:?}"
    );
    let (s, form) = hl.get(&format!("/arenden/{a}/steg/boka-mote")).await;
    assert_eq!(s, 200);
    assert!(form.contains("Helst på förmiddagen."), "{}", utdrag(&form));
    assert!(form.contains("type=\"time\""));
    // A day gone by, a time that is none, no place: all said at once, nothing booked.
    let igar = (idag - time::Duration::days(1)).to_string();
    let (s, _, body) = hl
        .post(
            &format!("/arenden/{a}/steg/boka-mote"),
            &[
                ("forfragan", "0"),
                ("datum", &igar),
                ("klockslag", "25:99"),
                ("plats", ""),
            ],
        )
        .await;
    assert_eq!(s, 422);
    assert!(
        body.contains("Klockslaget ska skrivas TT:MM"),
        "{}",
        utdrag(&body)
    );
    let (s, _, body) = hl
        .post(
            &format!("/arenden/{a}/steg/boka-mote"),
            &[
                ("forfragan", "0"),
                ("datum", &igar),
                ("klockslag", "09:30"),
                ("plats", " "),
            ],
        )
        .await;
    assert_eq!(s, 422);
    assert!(body.contains("Mötet kan inte bokas till en dag som redan har varit"));
    assert!(body.contains("Skriv var mötet är"));
    assert!(!handelsetyper(&app, &a).await.contains(&"mote_bokat"));
    let dag = (idag + time::Duration::days(5)).to_string();
    hl.steg(
        &a,
        "boka-mote",
        &[
            ("forfragan", "0"),
            ("datum", &dag),
            ("klockslag", "09:30"),
            ("plats", "Storgatan 1, plan 2. Fråga efter Lisa."),
        ],
    )
    .await;
    // Booked: the bevakning is gone, the case says when and where.
    let (_, start) = hl.get("/?bevakningar=alla").await;
    assert!(!start.contains(&lank));
    let (_, sida) = hl.get(&format!("/arenden/{a}")).await;
    assert!(
        sida.contains(&format!("Personligt möte bokat {dag} kl. 09:30")),
        "{}",
        utdrag(&sida)
    );
    // The person sees the day, time and place, first among what comes next.
    let (_, html) = k.get(&format!("/mina-sidor/arenden/{a}")).await;
    assert!(
        html.contains(&format!(
            "Du har ett möte {dag} klockan 09:30. Plats: Storgatan 1, plan 2. Fråga efter Lisa."
        )),
        "{}",
        utdrag(&html)
    );
    assert!(html.contains("Ditt möte är bokat"));
    // In English too.
    k.get("/mina-sidor/sprak/en").await;
    let (_, html) = k.get(&format!("/mina-sidor/arenden/{a}")).await;
    assert!(
        html.contains(&format!("You have a meeting on {dag} at 09:30.")),
        "{}",
        utdrag(&html)
    );
    app.kontrollera_invarianter().await;
}
pa_bada!(begart_mote_bokas_och_syns_pa_mina_sidor);

async fn kompakt_visning_per_enhet(db: Db) {
    let app = TestApp::ny(db).await;
    let k = app.klient("handlaggare").await;
    let (_, sida) = k.get("/").await;
    assert!(!sida.contains("class=\"kompakt\""));
    assert!(sida.contains("Visa tätare"));
    let (s, plats, _) = k
        .post(
            "/installningar/tathet",
            &[("tathet", "kompakt"), ("tillbaka", "/?sortera=namn")],
        )
        .await;
    assert_eq!((s, plats.as_deref()), (303, Some("/?sortera=namn")));
    let (_, sida) = k.get("/").await;
    assert!(sida.contains("class=\"kompakt\""), "the choice is kept");
    assert!(sida.contains("Visa med normalt avstånd"));
    // Never sent to another site.
    let (s, plats, _) = k
        .post(
            "/installningar/tathet",
            &[("tathet", "normal"), ("tillbaka", "//example.com/")],
        )
        .await;
    assert_eq!((s, plats.as_deref()), (303, Some("/")));
    let (_, sida) = k.get("/").await;
    assert!(!sida.contains("class=\"kompakt\""));
    let (s, _, _) = k
        .post("/installningar/tathet", &[("tathet", "liten")])
        .await;
    assert_eq!(s, 400);
}
pa_bada!(kompakt_visning_per_enhet);
