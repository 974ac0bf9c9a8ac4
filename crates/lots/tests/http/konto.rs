//! Issue 12 item 2: a systemförvaltare cannot give itself (or anyone) case
//! content alone. Accounts are activated by the user through a one-time link,
//! and a role or the protected-person right needs a second person's approval.

use crate::hjalp::*;
use crate::pa_bada;

/// The activation link shown once on the page, as a path.
fn lank_i(html: &str) -> String {
    let i = html
        .find("/aktivera/")
        .expect("an activation link on the page");
    html[i..].split(['<', '"']).next().unwrap().to_owned()
}

async fn logga_in(app: &TestApp, namn: &str, losenord: &str) -> (u16, Option<String>) {
    let k = Klient::ny(&app.url);
    let (s, plats, _) = k.logga_in(namn, losenord).await;
    (s, plats)
}

/// The pending request's id, read from the approval page.
async fn vantande(k: &Klient) -> Vec<String> {
    let (s, html) = k.get("/behorigheter").await;
    assert_eq!(s, 200);
    html.match_indices("/behorigheter/")
        .map(|(i, _)| {
            html[i + "/behorigheter/".len()..]
                .split('/')
                .next()
                .unwrap()
                .to_owned()
        })
        .collect()
}

async fn begaran_id(app: &TestApp, anvandarnamn: &str) -> String {
    let id = app
        .store
        .organisation()
        .anvandare_med_namn(app.org.kommun, anvandarnamn)
        .await
        .unwrap()
        .unwrap()
        .id
        .to_string();
    let rader: Vec<_> = app
        .store
        .organisation()
        .vantande_behorigheter(app.org.kommun)
        .await
        .unwrap()
        .into_iter()
        .filter(|b| b.anvandare.to_string() == id)
        .collect();
    assert_eq!(rader.len(), 1);
    rader[0].id.to_string()
}

/// The self-grant: a systemförvaltare creates an account at the missbruk unit with
/// the protected-person right and a password of its choosing, and logs in with it.
/// Now there is no password to choose, the link opens a closed account, the
/// systemförvaltare cannot approve its own request, and only an arbetsledare's
/// approval opens it; the audit log names both.
async fn systemforvaltaren_kan_inte_ge_sig_sjalv_innehall(db: Db) {
    let app = TestApp::ny(db).await;
    let sf = app.klient("systemforvaltare").await;
    let missbruk = app.org.missbruk.to_string();
    let (s, _, html) = sf
        .post(
            "/admin/anvandare/ny",
            &[
                ("namn", "Sara Själv"),
                ("anvandarnamn", "sara.sjalv"),
                ("roll", "handlaggare"),
                ("enhet", &missbruk),
                ("skyddad_behorighet", "ja"),
                ("losenord", "ett långt lösenord jag valde själv"),
            ],
        )
        .await;
    assert!(s == 200 || s == 303, "{s}: {}", utdrag(&html));
    // The password the systemförvaltare chose does not log in.
    let (s, _) = logga_in(&app, "sara.sjalv", "ett långt lösenord jag valde själv").await;
    assert_eq!(s, 401, "the systemförvaltare's own password logged in");
    let konto = app
        .store
        .organisation()
        .anvandare_med_namn(app.org.kommun, "sara.sjalv")
        .await
        .unwrap()
        .unwrap();
    assert!(!konto.aktiv && !konto.skyddad_behorighet);
    // The link is on the page, once; the systemförvaltare can use it itself...
    let lank = lank_i(&html);
    assert!(!html.contains("ett långt lösenord jag valde själv"));
    let k = Klient::ny(&app.url);
    let (s, body) = k.get(&lank).await;
    assert_eq!(s, 200, "{}", utdrag(&body));
    let (s, _, body) = k
        .post_utan_csrf(
            &lank,
            &[
                ("nytt", "sara väljer ett eget lösenord"),
                ("nytt_igen", "sara väljer ett eget lösenord"),
            ],
        )
        .await;
    assert_eq!(s, 200, "{}", utdrag(&body));
    assert!(body.contains("godkänt"));
    // ...but the account is closed until a second person approves.
    let (s, _) = logga_in(&app, "sara.sjalv", "sara väljer ett eget lösenord").await;
    assert_eq!(s, 401);
    // The link works once.
    let (s, _) = k.get(&lank).await;
    assert_eq!(s, 404);
    let (s, _, _) = k
        .post_utan_csrf(
            &lank,
            &[
                ("nytt", "ett annat långt lösenord"),
                ("nytt_igen", "ett annat långt lösenord"),
            ],
        )
        .await;
    assert_eq!(s, 404);
    // The systemförvaltare sees the request but cannot approve its own.
    let begaran = begaran_id(&app, "sara.sjalv").await;
    let (s, html) = sf.get("/behorigheter").await;
    assert_eq!(s, 200);
    assert!(html.contains("Sara Själv") && html.contains("Någon annan godkänner"));
    let (s, _, _) = sf
        .post(&format!("/behorigheter/{begaran}/godkann"), &[])
        .await;
    assert_eq!(s, 403);
    // Nor can a handläggare, or an arbetsledare of another unit.
    let hl = app.klient("handlaggare").await;
    let (s, _, _) = hl
        .post(&format!("/behorigheter/{begaran}/godkann"), &[])
        .await;
    assert_eq!(s, 403);
    let konto = app
        .store
        .organisation()
        .anvandare_med_namn(app.org.kommun, "sara.sjalv")
        .await
        .unwrap()
        .unwrap();
    assert!(!konto.aktiv && !konto.skyddad_behorighet);
    // The arbetsledare of the unit approves: now the account opens, with the right.
    let al = app.klient("arbetsledare").await;
    assert_eq!(vantande(&al).await, vec![begaran.clone()]);
    let (s, plats, _) = al
        .post(&format!("/behorigheter/{begaran}/godkann"), &[])
        .await;
    assert_eq!((s, plats.as_deref()), (303, Some("/behorigheter")));
    let konto = app
        .store
        .organisation()
        .anvandare_med_namn(app.org.kommun, "sara.sjalv")
        .await
        .unwrap()
        .unwrap();
    assert!(konto.aktiv && konto.skyddad_behorighet);
    let (s, plats) = logga_in(&app, "sara.sjalv", "sara väljer ett eget lösenord").await;
    assert_eq!((s, plats.as_deref()), (303, Some("/")));
    // Approved once: nothing left to approve.
    let (s, _, _) = al
        .post(&format!("/behorigheter/{begaran}/godkann"), &[])
        .await;
    assert_eq!(s, 404);
    // The audit log names both the one who asked and the one who approved.
    let sf_id = app.org.anv("systemforvaltare").id.to_string();
    let al_id = app.org.anv("arbetsledare").id.to_string();
    let rader = app
        .store
        .bakdorr()
        .fetch_all(
            "SELECT anvandare, handling FROM granskning WHERE handling LIKE 'admin.behorighet.%'",
            &[],
        )
        .await
        .unwrap();
    let rader: Vec<(String, String)> = rader
        .iter()
        .map(|r| (r.text("anvandare").unwrap(), r.text("handling").unwrap()))
        .collect();
    assert!(
        rader.iter().any(
            |(a, h)| *a == sf_id && h.starts_with(&format!("admin.behorighet.begar:{begaran}"))
        ),
        "{rader:?}"
    );
    assert!(
        rader.iter().any(|(a, h)| *a == al_id
            && h.starts_with(&format!("admin.behorighet.godkann:{begaran}"))
            && h.contains(&format!("begard_av={sf_id}"))
            && h.contains(&format!("godkand_av={al_id}"))),
        "{rader:?}"
    );
}
pa_bada!(systemforvaltaren_kan_inte_ge_sig_sjalv_innehall);

/// The systemförvaltare gives its own account case content, or the right: it
/// waits, and neither it nor anyone approves a grant to themselves.
async fn ingen_godkanner_at_sig_sjalv(db: Db) {
    let app = TestApp::ny(db).await;
    let sf = app.klient("systemforvaltare").await;
    let sf_id = app.org.anv("systemforvaltare").id.to_string();
    let missbruk = app.org.missbruk.to_string();
    let (s, plats, _) = sf
        .post(
            &format!("/admin/anvandare/{sf_id}"),
            &[
                ("namn", "Test systemforvaltare"),
                ("roll", "systemforvaltare"),
                ("enhet", &missbruk),
                ("aktiv", "ja"),
                ("skyddad_behorighet", "ja"),
            ],
        )
        .await;
    assert_eq!((s, plats.as_deref()), (303, Some("/behorigheter")));
    let konto = app
        .store
        .organisation()
        .anvandare_med_namn(app.org.kommun, "systemforvaltare")
        .await
        .unwrap()
        .unwrap();
    assert!(!konto.skyddad_behorighet, "the right was given at once");
    let begaran = begaran_id(&app, "systemforvaltare").await;
    let (s, _, _) = sf
        .post(&format!("/behorigheter/{begaran}/godkann"), &[])
        .await;
    assert_eq!(s, 403);
    // Even past the policy, the database refuses a self-approval.
    let godkand = app
        .store
        .organisation()
        .godkann_behorighet(begaran.parse().unwrap(), konto.id, app.klocka.nu())
        .await
        .unwrap();
    assert!(godkand.is_none());
    // An arbetsledare asked for a right of their own cannot approve it either.
    let al_id = app.org.anv("arbetsledare").id.to_string();
    let (s, _, _) = sf
        .post(
            &format!("/admin/anvandare/{al_id}"),
            &[
                ("namn", "Test arbetsledare"),
                ("roll", "arbetsledare"),
                ("enhet", &missbruk),
                ("aktiv", "ja"),
                ("skyddad_behorighet", "ja"),
            ],
        )
        .await;
    assert_eq!(s, 303);
    let begaran = begaran_id(&app, "arbetsledare").await;
    let al = app.klient("arbetsledare").await;
    let (s, _, _) = al
        .post(&format!("/behorigheter/{begaran}/godkann"), &[])
        .await;
    assert_eq!(s, 403);
    let konto = app
        .store
        .organisation()
        .anvandare_med_namn(app.org.kommun, "arbetsledare")
        .await
        .unwrap()
        .unwrap();
    assert!(!konto.skyddad_behorighet);
    // A right taken away goes at once, even with a grant in the same change.
    let hls = app.org.anv("skyddshandlaggare");
    assert!(hls.skyddad_behorighet);
    let (s, plats, _) = sf
        .post(
            &format!("/admin/anvandare/{}", hls.id),
            &[
                ("namn", hls.namn.as_str()),
                ("roll", "arbetsledare"),
                ("enhet", &missbruk),
                ("aktiv", "ja"),
            ],
        )
        .await;
    assert_eq!((s, plats.as_deref()), (303, Some("/behorigheter")));
    let konto = app
        .store
        .organisation()
        .anvandare_med_namn(app.org.kommun, "skyddshandlaggare")
        .await
        .unwrap()
        .unwrap();
    assert!(!konto.skyddad_behorighet);
    assert_eq!(konto.roll, lots_domain::organisation::Roll::Handlaggare);
    // A change that gives nothing more (a new name) still applies at once.
    let hl_id = app.org.anv("handlaggare").id.to_string();
    let (s, plats, _) = sf
        .post(
            &format!("/admin/anvandare/{hl_id}"),
            &[
                ("namn", "Hanna Nytt Namn"),
                ("roll", "handlaggare"),
                ("enhet", &missbruk),
                ("aktiv", "ja"),
            ],
        )
        .await;
    assert_eq!((s, plats.as_deref()), (303, Some("/admin/anvandare")));
    let konto = app
        .store
        .organisation()
        .anvandare_med_namn(app.org.kommun, "handlaggare")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(konto.namn, "Hanna Nytt Namn");
}
pa_bada!(ingen_godkanner_at_sig_sjalv);

/// The link: bad passwords get reasons beside the field, an unknown or expired
/// link works for nobody, and a new link (password or phone lost) closes the
/// account until a second person approves, so it is no way into someone's account.
async fn aktiveringslanken(db: Db) {
    let app = TestApp::ny(db).await;
    let sf = app.klient("systemforvaltare").await;
    let missbruk = app.org.missbruk.to_string();
    let (s, _, html) = sf
        .post(
            "/admin/anvandare/ny",
            &[
                ("namn", "Rut Registrator"),
                ("anvandarnamn", "rut"),
                ("roll", "registrator"),
                ("enhet", &missbruk),
            ],
        )
        .await;
    assert_eq!(s, 200, "{}", utdrag(&html));
    let lank = lank_i(&html);
    let k = Klient::ny(&app.url);
    let (s, _, body) = k
        .post_utan_csrf(&lank, &[("nytt", "kort"), ("nytt_igen", "kort")])
        .await;
    assert_eq!(s, 422);
    assert!(body.contains("minst 15 tecken"), "{}", utdrag(&body));
    let (s, _, body) = k
        .post_utan_csrf(
            &lank,
            &[
                ("nytt", "ett långt lösenord för henne"),
                ("nytt_igen", "något annat"),
            ],
        )
        .await;
    assert_eq!(s, 422);
    assert!(body.contains("inte lika"));
    let (s, _) = k.get("/aktivera/0000").await;
    assert_eq!(s, 404);
    // Approved first, activated after: the user is logged in at once.
    let begaran = begaran_id(&app, "rut").await;
    let al = app.klient("arbetsledare").await;
    let (s, _, _) = al
        .post(&format!("/behorigheter/{begaran}/godkann"), &[])
        .await;
    assert_eq!(s, 303);
    let (s, plats, _) = k
        .post_utan_csrf(
            &lank,
            &[
                ("nytt", "ett långt lösenord för henne"),
                ("nytt_igen", "ett långt lösenord för henne"),
            ],
        )
        .await;
    assert_eq!((s, plats.as_deref()), (303, Some("/")));
    let (s, body) = k.get("/personer/sok").await;
    assert_eq!(s, 200, "{}", utdrag(&body));
    // A new link for the account ends its sessions and closes it until approved.
    let rut = app
        .store
        .organisation()
        .anvandare_med_namn(app.org.kommun, "rut")
        .await
        .unwrap()
        .unwrap();
    let sf = app.klient("systemforvaltare").await;
    let (s, _, html) = sf
        .post(&format!("/admin/anvandare/{}/aktiveringslank", rut.id), &[])
        .await;
    assert_eq!(s, 200);
    let ny = lank_i(&html);
    let (s, plats) = k.get_med_plats("/").await;
    assert_eq!((s, plats.as_deref()), (303, Some("/logga-in")));
    let (s, _, _) = Klient::ny(&app.url)
        .post_utan_csrf(
            &ny,
            &[
                ("nytt", "systemförvaltarens lösenord"),
                ("nytt_igen", "systemförvaltarens lösenord"),
            ],
        )
        .await;
    assert_eq!(s, 200);
    let (s, _) = logga_in(&app, "rut", "systemförvaltarens lösenord").await;
    assert_eq!(s, 401);
    // A link not used in 72 hours no longer works.
    let (_, _, html) = sf
        .post(
            "/admin/anvandare/ny",
            &[
                ("namn", "Sen Sven"),
                ("anvandarnamn", "sven"),
                ("roll", "utforare"),
                ("enhet", &app.org.utforare_enhet.to_string()),
            ],
        )
        .await;
    let gammal = lank_i(&html);
    app.klocka.spola_fram(time::Duration::hours(73));
    let (s, _) = Klient::ny(&app.url).get(&gammal).await;
    assert_eq!(s, 404);
    // Only the hash of a link's token is stored.
    let token = gammal.trim_start_matches("/aktivera/");
    let rader = app
        .store
        .bakdorr()
        .fetch_all("SELECT token_hash FROM kontoaktivering", &[])
        .await
        .unwrap();
    assert!(rader.iter().all(|r| r.text("token_hash").unwrap() != token));
}
pa_bada!(aktiveringslanken);
