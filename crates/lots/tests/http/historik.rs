//! Issue 20, item 4: the case's summary at the top, derived from its events, with the
//! safety flags first; the full history below it, folded away, read oldest or newest
//! first by the user's choice, a page at a time in either order, and without the
//! journal's text, which the journal section alone shows.

use crate::hjalp::*;
use crate::pa_bada;

/// More journal entries than a page of the history shows (25).
const ANTAL: usize = 30;

fn anteckning(n: usize) -> String {
    format!("Samtal nummer {n:02} med Anna om veckan.")
}

/// The part of a page from `fran` up to `till` (or the end).
fn avsnitt<'a>(html: &'a str, fran: &str, till: &str) -> &'a str {
    let i = html
        .find(fran)
        .unwrap_or_else(|| panic!("{fran} not on the page"));
    let rest = &html[i..];
    &rest[..rest.find(till).unwrap_or(rest.len())]
}

/// The history's section.
fn historik(html: &str) -> &str {
    avsnitt(html, "id=\"rubrik-handelser\"", "</section>")
}

/// The summary at the top: everything before the steps.
fn topp(html: &str) -> &str {
    &html[..html.find("id=\"rubrik-steg\"").expect("the steps")]
}

/// Without the session's remaining seconds (`data-kvar`), which tick between two
/// requests on a slow machine.
fn utan_sessionstid(t: &str) -> String {
    match t.find("data-kvar=\"") {
        Some(i) => {
            let slut = i + 11 + t[i + 11..].find('"').expect("the attribute's end");
            format!("{}{}", &t[..i], &t[slut + 1..])
        }
        None => t.to_owned(),
    }
}

/// The headings of the history's events, in the order shown.
fn rubriker(html: &str) -> Vec<String> {
    historik(html)
        .split("<p class=\"vad\"><strong>")
        .skip(1)
        .map(|s| s[..s.find("</strong>").unwrap()].to_owned())
        .collect()
}

/// The address of the link whose text is `text`, with `&amp;` read.
fn lank(html: &str, text: &str) -> Option<String> {
    let slut = html.find(&format!(">{text}</a>"))?;
    let fore = &html[..slut];
    let href = &fore[fore.rfind("href=\"")? + "href=\"".len()..];
    Some(
        href[..href.find('"')?]
            .replace("&amp;", "&")
            .replace("&#38;", "&"),
    )
}

/// The value of a `<dt>` in the summary.
fn kort<'a>(html: &'a str, dt: &str) -> Option<&'a str> {
    let rest = &topp(html)[topp(html).find(&format!("<dt>{dt}</dt><dd>"))? + dt.len() + 13..];
    Some(&rest[..rest.find("</dd>")?])
}

/// A case with an ansökan, an utredning and `ANTAL` journal entries, one a day.
async fn arende_med_journal(app: &TestApp, k: &Klient) -> (String, String) {
    let p = registrera_person(k, "19640823-3234", "Anna", "Ek").await;
    let a = registrera_ansokan(app, k, &p, "kontaktperson", "2025-11-03", "handlaggare").await;
    k.steg(&a, "inled-utredning", &[("datum", "2025-11-04")])
        .await;
    for n in 1..=ANTAL {
        k.steg(
            &a,
            "journal",
            &[
                ("datum", &format!("2026-01-{n:02}")),
                ("text", &anteckning(n)),
            ],
        )
        .await;
    }
    (p, a)
}

/// The order is the user's: newest first by default, oldest first by a plain link,
/// and back. The history is folded under its heading until the user asks for a place
/// or an order in it; the summary is the same whichever way the history reads.
async fn historiken_i_vald_ordning(db: Db) {
    let app = TestApp::ny(db).await;
    let k = app.klient("handlaggare").await;
    let (_, a) = arende_med_journal(&app, &k).await;

    let (s, nyast) = k.get(&format!("/arenden/{a}")).await;
    assert_eq!(s, 200, "{}", utdrag(&nyast));
    let h = historik(&nyast);
    // Folded, with a summary a keyboard and a screen reader reach as a button.
    assert!(h.contains("<details id=\"historik\">"), "{h}");
    assert!(h.contains("<summary>Hela historiken, den senaste händelsen först</summary>"));
    let r = rubriker(&nyast);
    assert_eq!(r[0], "Journalanteckning (2026-01-30)");
    assert_eq!(r.len(), 25);

    let till_aldst = lank(&nyast, "Visa den äldsta händelsen först").expect("the choice");
    assert_eq!(
        till_aldst,
        format!("/arenden/{a}?ordning=aldst#rubrik-handelser")
    );
    let (s, aldst) = k.get(&till_aldst).await;
    assert_eq!(s, 200, "{}", utdrag(&aldst));
    assert!(historik(&aldst).contains("<details id=\"historik\" open>"));
    assert!(
        historik(&aldst).contains("<summary>Hela historiken, den äldsta händelsen först</summary>")
    );
    let r = rubriker(&aldst);
    assert_eq!(r[0], "Ansökan registrerad");
    assert_eq!(r[1], "Utredning inledd 2025-11-04");
    assert_eq!(r[2], "Journalanteckning (2026-01-01)");
    assert_eq!(r.len(), 25);

    // The summary does not follow the history's order.
    assert_eq!(
        utan_sessionstid(topp(&nyast)),
        utan_sessionstid(topp(&aldst))
    );
    let senast = kort(&aldst, "Senast").expect("Senast");
    assert!(
        senast.starts_with("Journalanteckning (2026-01-30)"),
        "{senast}"
    );
    let borjan = kort(&aldst, "Så började ärendet").expect("how it began");
    assert!(
        borjan.starts_with("Ansökan registrerad") && borjan.contains("Vill ha stöd."),
        "{borjan}"
    );

    let tillbaka = lank(&aldst, "Visa den senaste händelsen först").expect("back");
    assert_eq!(tillbaka, format!("/arenden/{a}#rubrik-handelser"));
    let (_, igen) = k.get(&tillbaka).await;
    assert_eq!(rubriker(&igen), rubriker(&nyast));
}
pa_bada!(historiken_i_vald_ordning);

/// Paging works in both orders: every event once, nothing lost, each order's own
/// "next" and "back to the first" link; the journal's paging keeps the history's
/// order and place, and the history's keeps the journal's.
async fn historiken_bladdras_i_bada_ordningarna(db: Db) {
    let app = TestApp::ny(db).await;
    let k = app.klient("handlaggare").await;
    let (_, a) = arende_med_journal(&app, &k).await;
    let alla: Vec<String> = {
        let h = app
            .store
            .arenden()
            .handelser(app.org.kommun, a.parse().unwrap())
            .await
            .unwrap();
        assert!(h.len() > 25 && h.len() <= 50, "{} events", h.len());
        let (_, sida) = k.get(&format!("/arenden/{a}?ordning=aldst")).await;
        let (_, andra) = k
            .get(&lank(&sida, "Visa senare händelser").expect("later events"))
            .await;
        [rubriker(&sida), rubriker(&andra)].concat()
    };
    let events = app
        .store
        .arenden()
        .handelser(app.org.kommun, a.parse().unwrap())
        .await
        .unwrap();
    assert_eq!(
        alla.len(),
        events.len(),
        "oldest first: no event lost or repeated"
    );
    let journal: Vec<String> = (1..=ANTAL)
        .map(|n| format!("Journalanteckning (2026-01-{n:02})"))
        .collect();
    assert_eq!(
        alla.iter()
            .filter(|r| r.starts_with("Journalanteckning ("))
            .cloned()
            .collect::<Vec<_>>(),
        journal,
        "in order"
    );

    // Oldest first, page 2: the way on and the way back.
    let (_, forsta) = k.get(&format!("/arenden/{a}?ordning=aldst")).await;
    assert!(!forsta.contains("Visa de första händelserna"));
    let vidare = lank(&forsta, "Visa senare händelser").unwrap();
    assert!(
        vidare.starts_with(&format!("/arenden/{a}?ordning=aldst&handelser_efter=")),
        "{vidare}"
    );
    let (s, andra) = k.get(&vidare).await;
    assert_eq!(s, 200);
    assert!(andra.contains("Du ser senare händelser."));
    assert!(!andra.contains("Visa senare händelser"), "two pages");
    assert_eq!(
        lank(&andra, "Visa de första händelserna").as_deref(),
        Some(format!("/arenden/{a}?ordning=aldst#rubrik-handelser").as_str())
    );
    assert_eq!(
        rubriker(&andra).last().map(String::as_str),
        Some("Journalanteckning (2026-01-30)")
    );
    // The summary is the same on a later page.
    assert_eq!(kort(&andra, "Senast"), kort(&forsta, "Senast"));
    assert_eq!(
        kort(&andra, "Så började ärendet"),
        kort(&forsta, "Så började ärendet")
    );

    // Newest first: the same events in the reverse order.
    let (_, nyast) = k.get(&format!("/arenden/{a}")).await;
    let aldre = lank(&nyast, "Visa äldre händelser").unwrap();
    assert!(aldre.starts_with(&format!("/arenden/{a}?handelser_fore=")));
    let (_, nyast2) = k.get(&aldre).await;
    let mut baklanges = [rubriker(&nyast), rubriker(&nyast2)].concat();
    baklanges.reverse();
    assert_eq!(baklanges, alla, "newest first: the same, reversed");
    assert!(nyast2.contains("<details id=\"historik\" open>"));
    assert_eq!(kort(&nyast2, "Senast"), kort(&nyast, "Senast"));

    // The journal's "Visa äldre" from page 2 of the oldest-first history keeps it.
    let journal_aldre = lank(&andra, "Visa äldre journalanteckningar").unwrap();
    assert!(
        journal_aldre.contains("ordning=aldst") && journal_aldre.contains("handelser_efter="),
        "{journal_aldre}"
    );
    let (s, bada) = k.get(&journal_aldre).await;
    assert_eq!(s, 200);
    assert_eq!(rubriker(&bada), rubriker(&andra));
    // And the history's links keep the journal's place.
    let (_, sida) = k
        .get(&lank(&nyast, "Visa äldre journalanteckningar").unwrap())
        .await;
    let byt = lank(&sida, "Visa den äldsta händelsen först").unwrap();
    assert!(
        byt.contains("journal_fore=") && byt.contains("ordning=aldst"),
        "{byt}"
    );
    assert!(
        !byt.contains("handelser_"),
        "a new order starts from its first page"
    );

    // Past the end, oldest first: an empty page that says so, and the way back.
    let sista = events.last().unwrap().seq;
    let (s, tom) = k
        .get(&format!(
            "/arenden/{a}?ordning=aldst&handelser_efter={sista}"
        ))
        .await;
    assert_eq!(s, 200);
    assert!(rubriker(&tom).is_empty());
    assert!(tom.contains("Det finns inga senare händelser."));
    assert!(tom.contains("Visa de första händelserna"));
}
pa_bada!(historiken_bladdras_i_bada_ordningarna);

/// The journal is shown in the journal section; the history names each entry in one
/// line with a link to it, never its text, nor an objection's.
async fn journalen_upprepas_inte_i_historiken(db: Db) {
    let app = TestApp::ny(db).await;
    let k = app.klient("handlaggare").await;
    let (p, a) = arende_med_journal(&app, &k).await;
    let journal = app
        .store
        .personer()
        .journal_for_person(app.org.kommun, p.parse().unwrap())
        .await
        .unwrap();
    let id_for = |n: usize| {
        journal
            .iter()
            .find(|j| j.text == anteckning(n))
            .unwrap()
            .id
            .to_string()
    };
    k.steg(
        &a,
        "invandning",
        &[
            ("anteckning", &id_for(29)),
            ("datum", "2026-02-01"),
            ("text", "Det var inte så samtalet gick."),
        ],
    )
    .await;

    for ordning in ["", "?ordning=aldst"] {
        let (s, html) = k.get(&format!("/arenden/{a}{ordning}")).await;
        assert_eq!(s, 200);
        let h = historik(&html);
        for n in 1..=ANTAL {
            assert!(!h.contains(&anteckning(n)), "{ordning}: entry {n} repeated");
        }
        assert!(!h.contains("Det var inte så samtalet gick."), "{ordning}");
    }

    // Newest first: the entries on the journal's page are an anchor away; the text
    // is on the page once, in the journal.
    let (_, html) = k.get(&format!("/arenden/{a}")).await;
    let ny = id_for(30);
    assert!(
        historik(&html).contains(&format!(
            "<a href=\"#journal-{ny}\">Läs anteckningen i journalen"
        )),
        "{}",
        historik(&html)
    );
    assert_eq!(html.matches(&anteckning(30)).count(), 1);
    let invand = id_for(29);
    assert!(
        historik(&html).contains(&format!(
            "Den enskilde har invänt mot en journalanteckning (2026-02-01)</strong> – <a href=\"#journal-{invand}\">"
        )),
        "{}",
        historik(&html)
    );
    assert_eq!(html.matches("Det var inte så samtalet gick.").count(), 1);
    // Oldest first, the first entries are on an older page of the journal: the link
    // leads there and keeps the history's order.
    let (_, html) = k.get(&format!("/arenden/{a}?ordning=aldst")).await;
    let forst = id_for(1);
    let till = format!("/arenden/{a}?journal_fran={forst}&ordning=aldst#journal-{forst}");
    let h = historik(&html).replace("&#38;", "&").replace("&amp;", "&");
    assert!(h.contains(&format!("href=\"{till}\"")), "{h}");
    let (s, dit) = k.get(&till).await;
    assert_eq!(s, 200);
    let journaldel = avsnitt(&dit, "id=\"rubrik-journal\"", "id=\"rubrik-handelser\"");
    assert!(journaldel.contains(&format!("id=\"journal-{forst}\"")));
    assert!(journaldel.contains(&anteckning(1)));
    assert_eq!(rubriker(&dit)[0], "Ansökan registrerad");
}
pa_bada!(journalen_upprepas_inte_i_historiken);

/// A link Lots did not make: an order other than the two, or a place in the other
/// order's terms, is answered in Swedish with 400 before anything is read (and so
/// nothing is logged as read): shown in an order the reader did not ask for, a history
/// would mislead about what came last. Empty values are the defaults.
async fn felaktig_ordning_besvaras_tydligt(db: Db) {
    let app = TestApp::ny(db).await;
    let k = app.klient("handlaggare").await;
    let p = registrera_person(&k, "19640823-3234", "Anna", "Ek").await;
    let a = registrera_ansokan(&app, &k, &p, "kontaktperson", "2026-03-02", "handlaggare").await;
    let lasningar = || async {
        app.store
            .granskning()
            .granskningar_for_person(p.parse().unwrap())
            .await
            .unwrap()
            .iter()
            .filter(|(h, _)| h == "arende.visa")
            .count()
    };
    let fore = lasningar().await;
    let felaktiga = [
        (
            "ordning=aldsta",
            "de kan bara visas med den senaste eller den äldsta först",
        ),
        (
            "ordning=%C3%A4ldst",
            "de kan bara visas med den senaste eller den äldsta först",
        ),
        (
            "ordning=1",
            "de kan bara visas med den senaste eller den äldsta först",
        ),
        (
            "ordning=aldst&handelser_fore=5",
            "Länken till äldre händelser är felaktig",
        ),
        (
            "handelser_efter=5",
            "Länken till senare händelser är felaktig",
        ),
        (
            "ordning=nyast&handelser_efter=5",
            "Länken till senare händelser är felaktig",
        ),
        (
            "ordning=aldst&handelser_efter=abc",
            "Länken till senare händelser är felaktig",
        ),
    ];
    for (fraga, text) in felaktiga {
        let (s, html) = k.get(&format!("/arenden/{a}?{fraga}")).await;
        assert_eq!(s, 400, "{fraga}");
        assert!(html.contains(text), "{fraga}: {}", utdrag(&html));
        assert!(!html.contains("Anna Ek"), "{fraga}: nothing of the case");
    }
    assert_eq!(lasningar().await, fore, "nothing was read");
    for fraga in [
        "ordning=",
        "ordning=nyast",
        "ordning=aldst&handelser_efter=",
    ] {
        let (s, html) = k.get(&format!("/arenden/{a}?{fraga}")).await;
        assert_eq!(s, 200, "{fraga}");
        assert!(!rubriker(&html).is_empty(), "{fraga}");
    }
    // Each page shown is one read in the log, whichever order.
    assert_eq!(lasningar().await, fore + 3);
}
pa_bada!(felaktig_ordning_besvaras_tydligt);

/// The summary alone, read as a substitute would: the safety flags first (protected
/// identity, an anmälan nobody has assessed), how the case began, what waits for the
/// person and by when; the summary for whoever takes over shows the same flags first.
async fn sammanfattningen_racker_for_en_vikarie(db: Db) {
    let app = TestApp::ny(db).await;
    let hls = app.klient("skyddshandlaggare").await;
    let (s, plats, body) = hls
        .post(
            "/personer/ny",
            &[
                ("identitet_typ", "personnummer"),
                ("identitet", "19720101-1231"),
                ("fornamn", "Sam"),
                ("efternamn", "Skyddad"),
                ("adress", "Hemlig väg 1"),
                ("skyddad", "ja"),
            ],
        )
        .await;
    assert_eq!(s, 303, "{}", utdrag(&body));
    let p = plats.unwrap().rsplit('/').next().unwrap().to_owned();
    let enhet = app.org.missbruk.to_string();
    let (s, plats, body) = hls
        .post(
            &format!("/personer/{p}/arenden/nytt?typ=anmalan"),
            &[
                ("inkom", "2026-06-01"),
                ("kanal", "telefon"),
                ("anonym", "ja"),
                ("beskrivning", "Grannen hör bråk på nätterna."),
                ("enhet", &enhet),
            ],
        )
        .await;
    assert_eq!(s, 303, "{}", utdrag(&body));
    let a = plats.unwrap().trim_start_matches("/arenden/").to_owned();

    // Read by someone who did not register it: only those with the right to see
    // protected persons open it at all (sekretess.rs), so a second client of the one.
    let vikarie = app.klient("skyddshandlaggare").await;
    let (s, html) = vikarie.get(&format!("/arenden/{a}")).await;
    assert_eq!(s, 200, "{}", utdrag(&html));
    let t = topp(&html);
    let flagga = t.find("id=\"sakerhet\"").expect("the safety flags");
    assert!(flagga < t.find("<dl class=\"fakta\">").unwrap(), "first");
    let flaggor = avsnitt(t, "id=\"sakerhet\"", "</div>");
    assert!(
        flaggor.contains("Personen har skyddade personuppgifter."),
        "{flaggor}"
    );
    assert!(
        flaggor.contains("En anmälan kom in 2026-06-01 och är inte förhandsbedömd."),
        "{flaggor}"
    );
    assert!(
        flaggor.find("skyddade").unwrap() < flaggor.find("anmälan").unwrap(),
        "protected identity first"
    );
    assert_eq!(
        kort(&html, "Personen"),
        Some("Sam Skyddad, 19720101-1231 (skyddade personuppgifter)")
    );
    let borjan = kort(&html, "Så började ärendet").expect("how it began");
    assert!(
        borjan.starts_with("Anmälan registrerad")
            && borjan.contains("Grannen hör bråk på nätterna."),
        "{borjan}"
    );
    assert!(kort(&html, "Nästa").is_none(), "no bevakning yet");
    // The summary for whoever takes over puts them first too.
    let (s, sam) = vikarie.get(&format!("/arenden/{a}/sammanfattning")).await;
    assert_eq!(s, 200, "{}", utdrag(&sam));
    let flagga = sam
        .find("id=\"sakerhet\"")
        .expect("flags on the summary page");
    assert!(flagga < sam.find("id=\"rubrik-om\"").unwrap());
    assert!(sam.contains("Personen har skyddade personuppgifter."));

    // Once assessed, the anmälan is no longer a flag; protected identity stays.
    hls.steg(
        &a,
        "forhandsbedom",
        &[
            ("datum", "2026-06-02"),
            ("utfall", "inled_utredning"),
            ("skal", "Oron behöver utredas."),
        ],
    )
    .await;
    let (_, html) = vikarie.get(&format!("/arenden/{a}")).await;
    let flaggor = avsnitt(topp(&html), "id=\"sakerhet\"", "</div>");
    assert!(flaggor.contains("skyddade personuppgifter"));
    assert!(!flaggor.contains("anmälan"), "{flaggor}");
}
pa_bada!(sammanfattningen_racker_for_en_vikarie);

/// What waits for the person, with its last day: a requested komplettering not yet
/// handed in and a kommunicering awaiting its reply (FL 25 §).
async fn sammanfattningen_sager_vad_den_enskilde_ska_gora(db: Db) {
    let app = TestApp::ny(db).await;
    let k = app.klient("handlaggare").await;
    let p = registrera_person(&k, "19640823-3234", "Anna", "Ek").await;
    let a = registrera_ansokan(&app, &k, &p, "kontaktperson", "2026-03-02", "handlaggare").await;
    k.steg(&a, "inled-utredning", &[("datum", "2026-03-03")])
        .await;
    let (_, html) = k.get(&format!("/arenden/{a}")).await;
    assert!(kort(&html, "Väntar på den enskilde").is_none());
    // A request's last day lies after the day it is made, which is today. One that falls on
    // a Saturday, Sunday or holiday is shown as the next vardag (lag (1930:173) 2 §).
    let senast_dag =
        lots_domain::tid::svensk_dag(time::OffsetDateTime::now_utc()) + time::Duration::days(14);
    let senast = senast_dag.to_string();
    let visas = lots_domain::kalender::nasta_vardag(senast_dag);
    assert!(
        !html.contains("id=\"sakerhet\""),
        "no flags on a plain case"
    );
    k.steg(
        &a,
        "begar-komplettering",
        &[
            ("handlingar", "kontoutdrag"),
            ("beskrivning", ""),
            ("godtas", "PDF, foto eller kopia"),
            ("senast", &senast),
            ("skal", ""),
        ],
    )
    .await;
    k.steg(&a, "avsluta-utredning", &[("datum", "2026-04-01")])
        .await;
    k.steg(
        &a,
        "kommunicera",
        &[
            ("datum", "2026-04-02"),
            ("material", "Utredningen"),
            ("satt", "brev"),
            ("svar_senast", "2026-04-16"),
        ],
    )
    .await;
    let (_, html) = k.get(&format!("/arenden/{a}")).await;
    assert_eq!(
        kort(&html, "Väntar på den enskilde"),
        Some(
            format!("Begärd komplettering senast {visas}; Svar på kommunicering senast 2026-04-16")
                .as_str()
        ),
        "{}",
        utdrag(topp(&html))
    );
}
pa_bada!(sammanfattningen_sager_vad_den_enskilde_ska_gora);
