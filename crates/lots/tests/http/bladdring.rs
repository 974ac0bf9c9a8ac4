//! Issue 14, item 1: the case page and the person page show the newest events
//! and journal entries a page at a time, and a plain link ("Visa äldre") pages
//! backwards. Across the pages nothing is lost and nothing is shown twice; a
//! link that is not one Lots made is answered in Swedish, never with a crash.

use crate::hjalp::*;
use crate::pa_bada;

/// More entries than a page shows (25).
const ANTAL: usize = 30;

/// The part of a page from `fran` up to `till` (or the end).
fn avsnitt<'a>(html: &'a str, fran: &str, till: &str) -> &'a str {
    let i = html
        .find(fran)
        .unwrap_or_else(|| panic!("{fran} not on the page"));
    let rest = &html[i..];
    &rest[..rest.find(till).unwrap_or(rest.len())]
}

/// The address of the link whose text is `text`, as a browser reads the attribute.
fn lank(html: &str, text: &str) -> Option<String> {
    let slut = html.find(&format!(">{text}</a>"))?;
    let fore = &html[..slut];
    let href = &fore[fore.rfind("href=\"")? + "href=\"".len()..];
    Some(avkoda(&href[..href.find('"')?]))
}

/// An attribute's value with its character references read (`&amp;`, `&#38;`, `&#x2f;`).
fn avkoda(s: &str) -> String {
    let mut ut = String::new();
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        ut.push_str(&rest[..i]);
        rest = &rest[i..];
        let Some(j) = rest.find(';') else { break };
        let namn = &rest[1..j];
        let tecken = match namn {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            _ => namn
                .strip_prefix("#x")
                .map(|h| u32::from_str_radix(h, 16).ok())
                .unwrap_or_else(|| namn.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match tecken {
            Some(c) => {
                ut.push(c);
                rest = &rest[j + 1..];
            }
            None => {
                ut.push('&');
                rest = &rest[1..];
            }
        }
    }
    ut.push_str(rest);
    ut
}

fn anteckning(n: usize) -> String {
    format!("Anteckning {n:02} om Anna.")
}

/// The journal section of a case page or a person page.
fn journaldel(html: &str) -> &str {
    let del = avsnitt(html, "id=\"rubrik-journal\"", "id=\"rubrik-handelser\"");
    &del[..del.find("id=\"partsinsyn\"").unwrap_or(del.len())]
}

/// The headings of the timeline's events, newest first.
fn tidslinje(html: &str) -> Vec<String> {
    let del = avsnitt(html, "id=\"rubrik-handelser\"", "</section>");
    del.split("<p class=\"vad\"><strong>")
        .skip(1)
        .map(|s| s[..s.find("</strong>").unwrap()].to_owned())
        .collect()
}

/// How many times each of entries 1..=ANTAL is shown in `del`.
fn visade(del: &str) -> Vec<usize> {
    (1..=ANTAL)
        .map(|n| del.matches(&anteckning(n)).count())
        .collect()
}

async fn arendesidan_bladdras(db: Db) {
    let app = TestApp::ny(db).await;
    let k = app.klient("handlaggare").await;
    let p = registrera_person(&k, "19640823-3234", "Anna", "Ek").await;
    let a = registrera_ansokan(
        &app,
        &k,
        &p,
        "oppenvardsbehandling",
        "2025-11-03",
        "handlaggare",
    )
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

    // The newest page: the 25 newest entries, newest first, and a link to older ones.
    let (s, forsta) = k.get(&format!("/arenden/{a}")).await;
    assert_eq!(s, 200, "{}", utdrag(&forsta));
    let del = journaldel(&forsta);
    let antal = visade(del);
    assert_eq!(
        &antal[..5],
        &[0; 5],
        "the five oldest wait for the next page"
    );
    assert_eq!(&antal[5..], &[1; 25], "the 25 newest, once each");
    let platser: Vec<usize> = (6..=ANTAL)
        .map(|n| del.find(&anteckning(n)).unwrap())
        .collect();
    assert!(platser.windows(2).all(|w| w[0] > w[1]), "newest first");
    assert!(forsta.contains("Visa äldre journalanteckningar"));
    assert!(!forsta.contains("Visa de senaste anteckningarna"));
    // Partsinsyn is decided for the entries shown, and only those.
    let partsinsyn = avsnitt(&forsta, "id=\"partsinsyn\"", "</section>");
    assert_eq!(partsinsyn.matches("<li><a href=\"#journal-").count(), 25);

    // "Visa äldre": the rest, and the way back to the newest.
    let aldre = lank(&forsta, "Visa äldre journalanteckningar").expect("the link");
    assert!(
        aldre.starts_with(&format!("/arenden/{a}?journal_fore=")),
        "{aldre}"
    );
    let (s, andra) = k.get(&aldre).await;
    assert_eq!(s, 200, "{}", utdrag(&andra));
    let antal: Vec<usize> = visade(journaldel(&andra));
    assert_eq!(&antal[..5], &[1; 5], "the five oldest, once each");
    assert_eq!(&antal[5..], &[0; 25], "nothing of the first page again");
    assert!(!andra.contains("Visa äldre journalanteckningar"), "no more");
    let senaste = lank(&andra, "Visa de senaste anteckningarna").expect("back");
    assert_eq!(senaste, format!("/arenden/{a}#rubrik-journal"));
    let partsinsyn = avsnitt(&andra, "id=\"partsinsyn\"", "</section>");
    assert_eq!(partsinsyn.matches("<li><a href=\"#journal-").count(), 5);

    // The timeline: every event once, newest first, over as many pages as it takes.
    let alla = app
        .store
        .arenden()
        .handelser(app.org.kommun, a.parse().unwrap())
        .await
        .unwrap();
    assert!(alla.len() > 25 && alla.len() <= 50, "{} events", alla.len());
    let mut rubriker = tidslinje(&forsta);
    assert_eq!(rubriker.len(), 25);
    assert_eq!(rubriker[0], "Journalanteckning (2026-01-30)");
    let aldre = lank(&forsta, "Visa äldre händelser").expect("older events");
    let (s, handelser2) = k.get(&aldre).await;
    assert_eq!(s, 200);
    rubriker.extend(tidslinje(&handelser2));
    assert!(!handelser2.contains("Visa äldre händelser"), "two pages");
    assert!(handelser2.contains("Visa de senaste händelserna"));
    assert_eq!(rubriker.len(), alla.len(), "no event lost or repeated");
    let journalrubriker: Vec<String> = rubriker
        .iter()
        .filter(|r| r.starts_with("Journalanteckning ("))
        .cloned()
        .collect();
    let vantade: Vec<String> = (1..=ANTAL)
        .rev()
        .map(|n| format!("Journalanteckning (2026-01-{n:02})"))
        .collect();
    assert_eq!(journalrubriker, vantade);
    // The two lists page independently: the journal's link keeps the timeline's place.
    let journal_har = lank(&handelser2, "Visa äldre journalanteckningar").unwrap();
    assert!(journal_har.contains("handelser_fore="), "{journal_har}");
    let (s, bada) = k.get(&journal_har).await;
    assert_eq!(s, 200);
    assert_eq!(&visade(journaldel(&bada))[..5], &[1; 5]);
    assert_eq!(tidslinje(&bada), tidslinje(&handelser2));

    // A correction of an entry on an older page links to the page that shows it;
    // an objection is shown beside its entry there.
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
    let (forst, andra_id) = (id_for(1), id_for(2));
    k.steg(
        &a,
        "ratta-journal",
        &[
            ("rattar", &forst),
            ("datum", "2026-01-31"),
            ("text", "Rättelse av den första anteckningen."),
        ],
    )
    .await;
    k.steg(
        &a,
        "invandning",
        &[
            ("anteckning", &andra_id),
            ("datum", "2026-02-01"),
            ("text", "Det stämmer inte alls."),
        ],
    )
    .await;
    let (_, sida) = k.get(&format!("/arenden/{a}")).await;
    assert!(journaldel(&sida).contains("Rättelse av den första anteckningen."));
    let till_originalet = format!("/arenden/{a}?journal_fran={forst}#journal-{forst}");
    assert_eq!(
        lank(&sida, "en tidigare anteckning").as_deref(),
        Some(till_originalet.as_str()),
        "the correction links to the page of the original"
    );
    let (s, original) = k.get(&till_originalet).await;
    assert_eq!(s, 200);
    let del = journaldel(&original);
    assert!(del.contains(&format!("id=\"journal-{forst}\"")));
    assert!(del.contains("Den här anteckningen har rättats."));
    assert_eq!(
        visade(del),
        [vec![1], vec![0; ANTAL - 1]].concat(),
        "from the original on"
    );
    assert!(original.contains("Visa de senaste anteckningarna"));
    // The older page: the correction's notice and the objection beside their entries.
    let aldre = lank(&sida, "Visa äldre journalanteckningar").unwrap();
    let (_, andra) = k.get(&aldre).await;
    let del = journaldel(&andra);
    assert_eq!(&visade(del)[..6], &[1; 6]);
    assert!(del.contains("Den här anteckningen har rättats."));
    assert!(
        del.contains("Det stämmer inte alls."),
        "the objection beside entry 2"
    );

    // Links Lots did not make.
    let annat =
        registrera_ansokan(&app, &k, &p, "stod_i_boendet", "2025-12-01", "handlaggare").await;
    k.steg(
        &annat,
        "journal",
        &[("datum", "2026-01-15"), ("text", "I ett annat ärende.")],
    )
    .await;
    let annans = app
        .store
        .arenden()
        .journal_i_arende(app.org.kommun, annat.parse().unwrap())
        .await
        .unwrap()[0]
        .id
        .to_string();
    let felaktiga = [
        (
            "handelser_fore=abc",
            "Länken till äldre händelser är felaktig",
        ),
        (
            "handelser_fore=99999999999999999999",
            "Länken till äldre händelser är felaktig",
        ),
        (
            "journal_fore=abc",
            "Länken till äldre journalanteckningar är felaktig",
        ),
        (
            "journal_fran=%00%27",
            "Länken till äldre journalanteckningar är felaktig",
        ),
        (
            &format!("journal_fore={annans}"),
            "Anteckningen som länken utgår från finns inte här",
        ),
        (
            &format!("journal_fran={}", uuid::Uuid::now_v7()),
            "Anteckningen som länken utgår från finns inte här",
        ),
    ];
    for (fraga, text) in felaktiga {
        let (s, html) = k.get(&format!("/arenden/{a}?{fraga}")).await;
        assert_eq!(s, 400, "{fraga}");
        assert!(html.contains(text), "{fraga}: {}", utdrag(&html));
        assert!(
            !html.contains("Anteckning 30"),
            "{fraga}: nothing of the case"
        );
    }
    for fraga in ["handelser_fore=-1", "handelser_fore=1", "handelser_fore=0"] {
        let (s, html) = k.get(&format!("/arenden/{a}?{fraga}")).await;
        assert_eq!(s, 200, "{fraga}");
        assert!(tidslinje(&html).is_empty(), "{fraga}");
        assert!(html.contains("Det finns inga äldre händelser."), "{fraga}");
        assert!(html.contains("Visa de senaste händelserna"), "{fraga}");
    }
    for fraga in [
        "handelser_fore=",
        "journal_fore=",
        "okand=1",
        "handelser_fore=abc&handelser_fore=5",
    ] {
        let (s, html) = k.get(&format!("/arenden/{a}?{fraga}")).await;
        assert!(s == 200 || s == 400, "{fraga}: {s}");
        assert!(!html.contains("Internal Server Error"), "{fraga}");
    }
    let (s, html) = k
        .get(&format!("/arenden/{a}?handelser_fore=&journal_fore="))
        .await;
    assert_eq!(s, 200, "empty values are the newest page");
    assert_eq!(tidslinje(&html).len(), 25);
}
pa_bada!(arendesidan_bladdras);

fn ekonomi(n: usize) -> String {
    format!("Ekonomianteckning {n:02}.")
}

async fn personsidan_bladdras(db: Db) {
    let app = TestApp::ny(db).await;
    let k = app.klient("handlaggare").await;
    let p = registrera_person(&k, "19640823-3234", "Anna", "Ek").await;
    let a = registrera_ansokan(
        &app,
        &k,
        &p,
        "oppenvardsbehandling",
        "2025-11-03",
        "handlaggare",
    )
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
    // A case at another enhet, whose entries fall between Anna's: not the
    // handläggare's to read (inre sekretess), so on no page of theirs.
    let e = app.klient("ekonom").await;
    let (s, plats, body) = e
        .post(
            &format!("/personer/{p}/arenden/nytt?typ=ansokan"),
            &[
                ("inkom", "2025-11-04"),
                ("kanal", "besok"),
                ("insatser", "forsorjningsstod"),
                ("beskrivning", "Behöver pengar till hyran."),
                ("enhet", &app.org.ekonomi.to_string()),
                ("handlaggare", &app.org.anv("ekonom").id.to_string()),
            ],
        )
        .await;
    assert_eq!(s, 303, "{}", utdrag(&body));
    let b = plats.unwrap().trim_start_matches("/arenden/").to_owned();
    for n in [3, 12, 28] {
        e.steg(
            &b,
            "journal",
            &[("datum", &format!("2026-01-{n:02}")), ("text", &ekonomi(n))],
        )
        .await;
    }

    let sida = |html: &str| avsnitt(html, "id=\"rubrik-journal\"", "</section>").to_owned();
    let (s, forsta) = k.get(&format!("/personer/{p}")).await;
    assert_eq!(s, 200, "{}", utdrag(&forsta));
    let del = sida(&forsta);
    assert_eq!(&visade(&del)[..5], &[0; 5]);
    assert_eq!(&visade(&del)[5..], &[1; 25]);
    assert!(!del.contains("Ekonomianteckning"), "another enhet's case");
    let aldre = lank(&forsta, "Visa äldre journalanteckningar").expect("the link");
    assert!(
        aldre.starts_with(&format!("/personer/{p}?journal_fore=")),
        "{aldre}"
    );
    let (s, andra) = k.get(&aldre).await;
    assert_eq!(s, 200);
    let del = sida(&andra);
    assert_eq!(&visade(&del)[..5], &[1; 5]);
    assert_eq!(&visade(&del)[5..], &[0; 25]);
    assert!(!del.contains("Ekonomianteckning"));
    assert!(!andra.contains("Visa äldre journalanteckningar"));
    assert!(andra.contains("Visa de senaste anteckningarna"));

    // The ekonom sees their own case's entries and none of the missbruk case's.
    let (s, html) = e.get(&format!("/personer/{p}")).await;
    assert_eq!(s, 200);
    let del = sida(&html);
    for n in [3, 12, 28] {
        assert_eq!(del.matches(&ekonomi(n)).count(), 1);
    }
    assert_eq!(visade(&del), vec![0; ANTAL]);
    assert!(!html.contains("Visa äldre journalanteckningar"));

    for fraga in ["journal_fore=abc", "journal_fran=1"] {
        let (s, html) = k.get(&format!("/personer/{p}?{fraga}")).await;
        assert_eq!(s, 400, "{fraga}");
        assert!(html.contains("Länken till äldre journalanteckningar är felaktig"));
    }
    let (s, html) = k
        .get(&format!(
            "/personer/{p}?journal_fore={}",
            uuid::Uuid::now_v7()
        ))
        .await;
    assert_eq!(s, 400);
    assert!(html.contains("Anteckningen som länken utgår från finns inte här"));
}
pa_bada!(personsidan_bladdras);
