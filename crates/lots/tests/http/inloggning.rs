//! Staff authentication (issue 4, item 1): TOTP, lockout, rate limits, password
//! rules and OpenID Connect against a real provider started by the test.

use std::process::Stdio;

use time::Duration;
use tokio::io::{AsyncBufReadExt, BufReader};
use totp_rs::{Algorithm, Secret, TOTP};

use crate::hjalp::*;
use crate::pa_bada;

fn regler(f: impl FnOnce(&mut lots_web::Inloggningsregler)) -> lots_web::Inloggningsregler {
    let mut r = testregler();
    f(&mut r);
    r
}

async fn app_med(db: Db, r: lots_web::Inloggningsregler) -> TestApp {
    let lyssnare = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    TestApp::med(db, lyssnare, r, |_| async {}).await
}

/// The code an authenticator app shows at the app's current time.
fn kod(hemlighet: &str, app: &TestApp) -> String {
    let t = TOTP::new(
        Algorithm::SHA1,
        6,
        0,
        30,
        Secret::Encoded(hemlighet.into()).to_bytes().unwrap(),
        None,
        "test".into(),
    )
    .unwrap();
    t.generate(app.klocka.nu().unix_timestamp() as u64)
}

fn mellan<'a>(html: &'a str, fore: &str, efter: &str) -> Option<&'a str> {
    let i = html.find(fore)? + fore.len();
    let j = html[i..].find(efter)? + i;
    Some(&html[i..j])
}

async fn logga_in(k: &Klient, namn: &str, losenord: &str) -> (u16, Option<String>, String) {
    k.logga_in(namn, losenord).await
}

/// TOTP required: set up at the first login, then asked for at every login; a
/// half-logged-in session opens nothing; wrong and replayed codes are refused.
async fn totp_registrering_och_inloggning(db: Db) {
    let app = app_med(db, regler(|r| r.totp = lots_web::TotpKrav::Kravs)).await;
    let mut k = Klient::ny(&app.url);
    let (s, plats, _) = logga_in(&k, "handlaggare", LOSENORD).await;
    assert_eq!((s, plats.as_deref()), (303, Some("/tvastegsverifiering")));
    // Password given, second factor not yet: nothing opens.
    for sida in [
        "/",
        "/personer/sok",
        "/rapporter",
        "/losenord",
        "/logga-in/kod",
    ] {
        let (s, _) = k.get(sida).await;
        assert_eq!(s, 303, "{sida} must not open half logged in");
    }
    let (s, html) = k.get("/tvastegsverifiering").await;
    assert_eq!(s, 200);
    assert!(html.contains("otpauth://totp/Lots:handlaggare?"));
    assert!(html.contains("<svg role=\"img\""), "QR code shown");
    let hemlighet: String = mellan(&html, "<code class=\"nyckel\">", "</code>")
        .unwrap()
        .split_whitespace()
        .collect();
    k.csrf = csrf_i(&html).unwrap();
    // The same secret on reload, until it is confirmed.
    let (_, igen) = k.get("/tvastegsverifiering").await;
    assert!(
        igen.contains(
            &mellan(&html, "<code class=\"nyckel\">", "</code>")
                .unwrap()
                .to_string()
        )
    );
    let (s, _, html) = k.post("/tvastegsverifiering", &[("kod", "000000")]).await;
    assert_eq!(s, 422);
    assert!(html.contains("Koden stämmer inte"));
    let (s, _) = k.get("/").await;
    assert_eq!(s, 303);
    let (s, plats, _) = k
        .post("/tvastegsverifiering", &[("kod", &kod(&hemlighet, &app))])
        .await;
    assert_eq!((s, plats.as_deref()), (303, Some("/")));
    let (s, html) = k.get("/").await;
    assert_eq!(s, 200);
    k.csrf = csrf_i(&html).unwrap();
    k.post("/logga-ut", &[]).await;

    // The next login asks for the code. The enrolment code's step is used up.
    app.klocka.spola_fram(Duration::seconds(30));
    let mut k = Klient::ny(&app.url);
    let (s, plats, _) = logga_in(&k, "handlaggare", LOSENORD).await;
    assert_eq!((s, plats.as_deref()), (303, Some("/logga-in/kod")));
    let (s, _) = k.get("/").await;
    assert_eq!(s, 303, "half logged in");
    let (s, html) = k.get("/logga-in/kod").await;
    assert_eq!(s, 200);
    k.csrf = csrf_i(&html).unwrap();
    let (s, _, html) = k.post("/logga-in/kod", &[("kod", "123456")]).await;
    assert_eq!(s, 401);
    assert!(html.contains("Koden stämmer inte"));
    let ratt = kod(&hemlighet, &app);
    let (s, plats, _) = k.post("/logga-in/kod", &[("kod", &ratt)]).await;
    assert_eq!((s, plats.as_deref()), (303, Some("/")));
    let (s, html) = k.get("/").await;
    assert_eq!(s, 200);
    assert!(html.contains("Mina bevakningar"));

    // The same code again, in another browser within its window: refused.
    let mut k2 = Klient::ny(&app.url);
    logga_in(&k2, "handlaggare", LOSENORD).await;
    let (_, html) = k2.get("/logga-in/kod").await;
    k2.csrf = csrf_i(&html).unwrap();
    let (s, _, html) = k2.post("/logga-in/kod", &[("kod", &ratt)]).await;
    assert_eq!(s, 401);
    assert!(
        html.contains("Koden har redan använts"),
        "{}",
        utdrag(&html)
    );
    let (s, _) = k2.get("/").await;
    assert_eq!(s, 303);
    // The next code works.
    app.klocka.spola_fram(Duration::seconds(30));
    let (s, _, _) = k2
        .post("/logga-in/kod", &[("kod", &kod(&hemlighet, &app))])
        .await;
    assert_eq!(s, 303);
    let (s, _) = k2.get("/").await;
    assert_eq!(s, 200);
    // The first browser's session is still its own.
    let (s, _) = k.get("/").await;
    assert_eq!(s, 200);
}
pa_bada!(totp_registrering_och_inloggning);

/// Optional TOTP: a user who has set it up is asked for it; the others are not.
async fn totp_frivillig(db: Db) {
    let app = app_med(db, testregler()).await;
    let k = app.klient("handlaggare").await;
    let (s, html) = k.get("/tvastegsverifiering").await;
    assert_eq!(s, 200);
    let hemlighet: String = mellan(&html, "<code class=\"nyckel\">", "</code>")
        .unwrap()
        .split_whitespace()
        .collect();
    let (s, plats, _) = k
        .post("/tvastegsverifiering", &[("kod", &kod(&hemlighet, &app))])
        .await;
    assert_eq!((s, plats.as_deref()), (303, Some("/tvastegsverifiering")));
    let (_, html) = k.get("/tvastegsverifiering").await;
    assert!(html.contains("Tvåstegsverifiering är påslagen"));
    let k2 = Klient::ny(&app.url);
    let (_, plats, _) = logga_in(&k2, "handlaggare", LOSENORD).await;
    assert_eq!(plats.as_deref(), Some("/logga-in/kod"));
    let k3 = Klient::ny(&app.url);
    let (_, plats, _) = logga_in(&k3, "handlaggare2", LOSENORD).await;
    assert_eq!(plats.as_deref(), Some("/"));
}
pa_bada!(totp_frivillig);

/// After 3 failures (configured; 5 in production) the name is locked, with a
/// doubling lock for each further failure; the message is the same whether or
/// not the account exists; a successful login resets the count.
async fn sparr_med_okande_vantetid(db: Db) {
    let app = app_med(db, regler(|r| r.sparr.troskel = 3)).await;
    let k = Klient::ny(&app.url);
    for namn in ["handlaggare", "finns-inte"] {
        for _ in 0..2 {
            let (s, _, html) = logga_in(&k, namn, "fel-losenord").await;
            assert_eq!(s, 401);
            assert!(html.contains("Fel användarnamn eller lösenord."));
        }
        let (s, _, html) = logga_in(&k, namn, "fel-losenord").await;
        assert_eq!(s, 429, "{namn}");
        assert!(
            html.contains("Inloggningen är spärrad i 1 minut."),
            "{}",
            utdrag(&html)
        );
    }
    // Locked: even the right password is refused, with the same words.
    let (s, _, html) = logga_in(&k, "handlaggare", LOSENORD).await;
    assert_eq!(s, 429);
    assert!(html.contains("Inloggningen är spärrad i 1 minut."));
    // The lock does not depend on the case of the name.
    let (s, _, _) = logga_in(&k, "HANDLAGGARE", LOSENORD).await;
    assert_eq!(s, 429);
    let (s, _, _) = logga_in(&k, "finns-inte", "x").await;
    assert_eq!(s, 429);

    app.klocka.spola_fram(Duration::seconds(61));
    // One more failure doubles the lock.
    let (s, _, html) = logga_in(&k, "finns-inte", "x").await;
    assert_eq!(s, 429);
    assert!(html.contains("spärrad i 2 minuter"), "{}", utdrag(&html));
    // The right password after the lock: in, and the count starts over.
    let (s, plats, _) = logga_in(&k, "handlaggare", LOSENORD).await;
    assert_eq!((s, plats.as_deref()), (303, Some("/")));
    let k = Klient::ny(&app.url);
    for _ in 0..2 {
        let (s, _, _) = logga_in(&k, "handlaggare", "fel").await;
        assert_eq!(s, 401, "count was reset");
    }
}
pa_bada!(sparr_med_okande_vantetid);

/// Whoever knows a user name can lock it, but cannot keep its owner out: a
/// device the user has logged in on before (a signed device cookie) is not held
/// by the name's lock, and counts its own failures (issue 12, item 7).
async fn kand_enhet_slipper_namnets_sparr(db: Db) {
    let app = app_med(db, regler(|r| r.sparr.troskel = 3)).await;
    let egen = Klient::ny(&app.url);
    let (s, plats, _) = logga_in(&egen, "handlaggare", LOSENORD).await;
    assert_eq!((s, plats.as_deref()), (303, Some("/")));
    // An attacker locks the name.
    let angripare = Klient::ny(&app.url);
    for _ in 0..3 {
        logga_in(&angripare, "handlaggare", "gissning").await;
    }
    let (s, _, _) = logga_in(&angripare, "handlaggare", LOSENORD).await;
    assert_eq!(s, 429, "an unknown device is held by the lock");
    // A forged or borrowed device cookie does not help.
    let handlaggare = app.org.anv("handlaggare").id;
    let framtid = (app.klocka.nu() + Duration::days(30)).unix_timestamp();
    for kaka in [
        format!("lots_enhet={handlaggare}.{framtid}.{}", "0".repeat(64)),
        format!(
            "lots_enhet={}.{framtid}.{}",
            app.org.anv("ekonom").id,
            "0".repeat(64)
        ),
    ] {
        let (fore, token) = forinloggning(&app.url).await;
        let r = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap()
            .post(format!("{}/logga-in", app.url))
            .header("cookie", format!("{fore}; {kaka}"))
            .form(&[
                ("anvandarnamn", "handlaggare"),
                ("losenord", LOSENORD),
                ("_csrf", token.as_str()),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status().as_u16(), 429);
    }
    // The user's own device gets in.
    let (s, plats, _) = logga_in(&egen, "handlaggare", LOSENORD).await;
    assert_eq!(
        (s, plats.as_deref()),
        (303, Some("/")),
        "the known device is let through"
    );
    // The known device has its own count: guessing on it locks it too.
    for _ in 0..3 {
        logga_in(&egen, "handlaggare", "fel").await;
    }
    let (s, _, _) = logga_in(&egen, "handlaggare", LOSENORD).await;
    assert_eq!(s, 429);
}
pa_bada!(kand_enhet_slipper_namnets_sparr);

/// Login attempts per client address and person searches per user are throttled.
async fn hastighetsgranser(db: Db) {
    let app = app_med(
        db,
        regler(|r| {
            r.per_ip = lots_web::Begransare::ny(4, Duration::minutes(1));
            r.sok = lots_web::Begransare::ny(2, Duration::minutes(1));
        }),
    )
    .await;
    let k = app.klient("handlaggare").await; // attempt 1
    for namn in ["a", "b", "c"] {
        let (s, _, _) = logga_in(&Klient::ny(&app.url), namn, "x").await;
        assert_eq!(s, 401);
    }
    let (s, _, html) = logga_in(&Klient::ny(&app.url), "handlaggare", LOSENORD).await;
    assert_eq!(s, 429);
    assert!(html.contains("För många inloggningsförsök från din dator"));

    for _ in 0..2 {
        let (s, _, _) = k.post("/personer/sok", &[("fraga", "Svensson")]).await;
        assert_eq!(s, 200);
    }
    let (s, _, html) = k.post("/personer/sok", &[("fraga", "Svensson")]).await;
    assert_eq!(s, 429);
    assert!(html.contains("många sökningar på kort tid"));
    // Another user is not affected.
    app.klocka.spola_fram(Duration::seconds(61));
    let k2 = app.klient("handlaggare2").await;
    let (s, _, _) = k2.post("/personer/sok", &[("fraga", "Svensson")]).await;
    assert_eq!(s, 200);
    let (s, _, _) = k.post("/personer/sok", &[("fraga", "Svensson")]).await;
    assert_eq!(s, 200, "a new window");
}
pa_bada!(hastighetsgranser);

/// The limits are kept in the database (issue 12, item 7): two servers on one
/// database, as behind a load balancer, share the count per address and per user.
async fn hastighetsgranser_delas_av_servrar(db: Db) {
    let granser = || {
        regler(|r| {
            r.per_ip = lots_web::Begransare::ny(6, Duration::minutes(1));
            r.sok = lots_web::Begransare::ny(2, Duration::minutes(1));
        })
    };
    let app = app_med(db, granser()).await;
    let andra = app.andra_server(granser()).await;
    let a = app.klient("handlaggare").await; // attempt 1, on the first server
    let b = app.klient_pa(&andra, "handlaggare").await; // attempt 2, on the second
    for url in [&app.url, &andra, &app.url, &andra] {
        let (s, _, _) = logga_in(&Klient::ny(url), "okand", "x").await;
        assert_eq!(s, 401);
    }
    // Seven attempts from this address, no more than six on either server.
    for url in [&app.url, &andra] {
        let (s, _, html) = logga_in(&Klient::ny(url), "handlaggare", LOSENORD).await;
        assert_eq!(s, 429, "{url}");
        assert!(html.contains("För många inloggningsförsök från din dator"));
    }
    // Searches per user, the same.
    let (s, _, _) = a.post("/personer/sok", &[("fraga", "Svensson")]).await;
    assert_eq!(s, 200);
    let (s, _, _) = b.post("/personer/sok", &[("fraga", "Svensson")]).await;
    assert_eq!(s, 200);
    let (s, _, html) = a.post("/personer/sok", &[("fraga", "Svensson")]).await;
    assert_eq!(s, 429, "{}", utdrag(&html));
    let (s, _, _) = b.post("/personer/sok", &[("fraga", "Svensson")]).await;
    assert_eq!(s, 429);
    // One row per key and window, and ended windows are purged.
    assert_eq!(rader(&app, "SELECT nyckel FROM hastighetsgrans").await, 2);
    app.klocka.spola_fram(Duration::minutes(2));
    let (s, _, _) = b.post("/personer/sok", &[("fraga", "Svensson")]).await;
    assert_eq!(s, 200, "a new window");
    assert_eq!(rader(&app, "SELECT nyckel FROM hastighetsgrans").await, 1);
}
pa_bada!(hastighetsgranser_delas_av_servrar);

/// NIST SP 800-63B-4 3.1.1.2: length, blocklist, current password required; a
/// refused change changes nothing; a change ends the user's other sessions.
async fn byt_losenord(db: Db) {
    let app = app_med(db, testregler()).await;
    let k = app.klient("handlaggare").await;
    let annan = app.klient("handlaggare").await;
    let (s, html) = k.get("/losenord").await;
    assert_eq!(s, 200);
    assert!(html.contains("Minst 15"));
    let nytt = "blå cykel vid sjön i maj";
    for (falt, text) in [
        (
            ["fel-nuvarande", nytt, nytt],
            "Det nuvarande lösenordet stämmer inte.",
        ),
        ([LOSENORD, "kort lösen", "kort lösen"], "minst 15 tecken"),
        (
            [LOSENORD, "1q2w3e4r5t6y7u8i9o0p", "1q2w3e4r5t6y7u8i9o0p"],
            "för vanligt",
        ),
        (
            [
                LOSENORD,
                "handlaggare-handlaggare",
                "handlaggare-handlaggare",
            ],
            "användarnamn",
        ),
        ([LOSENORD, nytt, "något annat här"], "inte lika"),
    ] {
        let (s, _, html) = k
            .post(
                "/losenord",
                &[
                    ("nuvarande", falt[0]),
                    ("nytt", falt[1]),
                    ("nytt_igen", falt[2]),
                ],
            )
            .await;
        assert_eq!(s, 422, "{text}");
        assert!(html.contains(text), "{text}: {}", utdrag(&html));
        assert!(html.contains("Uppgifterna behöver rättas"));
    }
    // Without the CSRF token: refused.
    let (s, _, _) = k
        .post_utan_csrf(
            "/losenord",
            &[("nuvarande", LOSENORD), ("nytt", nytt), ("nytt_igen", nytt)],
        )
        .await;
    assert_eq!(s, 400);
    // Nothing changed so far.
    let (s, _, _) = logga_in(&Klient::ny(&app.url), "handlaggare", LOSENORD).await;
    assert_eq!(s, 303);
    let (s, plats, _) = k
        .post(
            "/losenord",
            &[("nuvarande", LOSENORD), ("nytt", nytt), ("nytt_igen", nytt)],
        )
        .await;
    assert_eq!((s, plats.as_deref()), (303, Some("/losenord?bytt=1")));
    let (_, html) = k.get("/losenord?bytt=1").await;
    assert!(html.contains("Lösenordet är bytt."));
    let (s, _) = annan.get("/").await;
    assert_eq!(s, 303, "other sessions end");
    let (s, _) = k.get("/").await;
    assert_eq!(s, 200, "this session stays");
    let (s, _, _) = logga_in(&Klient::ny(&app.url), "handlaggare", LOSENORD).await;
    assert_eq!(s, 401);
    let (s, _, _) = logga_in(&Klient::ny(&app.url), "handlaggare", nytt).await;
    assert_eq!(s, 303);
}
pa_bada!(byt_losenord);

/// Sessions end after 30 minutes idle, and at the absolute limit of 10 hours.
async fn session_tar_slut(db: Db) {
    let app = app_med(db, testregler()).await;
    let k = app.klient("handlaggare").await;
    app.klocka.spola_fram(Duration::minutes(29));
    let (s, _) = k.get("/").await;
    assert_eq!(s, 200);
    app.klocka.spola_fram(Duration::minutes(31));
    let (s, _) = k.get("/").await;
    assert_eq!(s, 303, "idle timeout");
    let k = app.klient("handlaggare").await;
    for _ in 0..20 {
        app.klocka.spola_fram(Duration::minutes(29));
        let (s, _) = k.get("/").await;
        assert_eq!(s, 200);
    }
    app.klocka.spola_fram(Duration::minutes(29));
    let (s, _) = k.get("/").await;
    assert_eq!(s, 303, "absolute timeout");
}
pa_bada!(session_tar_slut);

// ---------------------------------------------------------------------------
// OpenID Connect against panva's oidc-provider (oidc/server.js).

/// The provider process; killed when dropped.
struct Leverantor {
    issuer: String,
    _barn: tokio::process::Child,
}

async fn starta_leverantor(lots_url: &str) -> Leverantor {
    starta_leverantor_for(lots_url, "/logga-in/oidc/svar").await
}

/// The provider, with `svar` (a path at Lots) as the client's one redirect URI.
async fn starta_leverantor_for(lots_url: &str, svar: &str) -> Leverantor {
    starta_leverantor_med(lots_url, &[svar], "lots").await
}

/// The provider with one client, `klient_id`, whose redirect URIs are the paths `svar` at Lots.
async fn starta_leverantor_med(lots_url: &str, svar: &[&str], klient_id: &str) -> Leverantor {
    let mapp = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../oidc");
    assert!(
        mapp.join("node_modules/oidc-provider").exists(),
        "the OIDC test provider is not installed: run `npm ci --prefix oidc` in the repository root"
    );
    let mut barn = tokio::process::Command::new("node")
        .arg(mapp.join("server.js"))
        .arg("0")
        .env(
            "OIDC_REDIRECT_URI",
            svar.iter()
                .map(|s| format!("{lots_url}{s}"))
                .collect::<Vec<_>>()
                .join(","),
        )
        .env("OIDC_CLIENT_ID", klient_id)
        .env("OIDC_POST_LOGOUT_URI", format!("{lots_url}/logga-in"))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .expect("node must be installed to run the OIDC tests");
    let mut rader = BufReader::new(barn.stdout.take().unwrap()).lines();
    let issuer = tokio::time::timeout(std::time::Duration::from_secs(30), async {
        while let Some(rad) = rader.next_line().await.unwrap() {
            if let Some(i) = rad.strip_prefix("LISTENING ") {
                return i.to_owned();
            }
        }
        panic!("the OIDC provider exited before listening")
    })
    .await
    .expect("the OIDC provider did not start within 30 s");
    // Keep reading, so the provider never writes to a closed pipe.
    tokio::spawn(async move { while let Ok(Some(_)) = rader.next_line().await {} });
    Leverantor {
        issuer,
        _barn: barn,
    }
}

async fn oidc_app(db: Db) -> (TestApp, Leverantor) {
    let lyssnare = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let lots_url = format!("http://{}", lyssnare.local_addr().unwrap());
    let lev = starta_leverantor(&lots_url).await;
    let inst = lots_web::oidc::OidcInstallning {
        issuer: lev.issuer.clone(),
        klient_id: "lots".into(),
        klient_hemlighet: lots_web::oidc::Hemlighet("lots-hemlighet".into()),
        omdirigering: format!("{lots_url}/logga-in/oidc/svar"),
        scopes: vec!["email".into()],
        efter_utloggning: Some(format!("{lots_url}/logga-in")),
    };
    let klient = lots_web::oidc::OidcKlient::upptack(&inst).await.unwrap();
    let r = regler(|r| {
        r.totp = lots_web::TotpKrav::Kravs;
        r.oidc = lots_web::oidc::Leverantorer::for_alla(Some(lots_web::OidcInloggning {
            klient,
            claim: "sub".into(),
        }));
    });
    let app = TestApp::med(db, lyssnare, r, |t| async move {
        let a = t
            .anvandare
            .iter()
            .find(|a| a.anvandarnamn == "handlaggare")
            .unwrap();
        t.store
            .inloggning()
            .satt_oidc_subjekt(a.id, Some("anna.handlaggare"))
            .await
            .unwrap();
    })
    .await;
    (app, lev)
}

fn absolut(bas: &str, plats: &str) -> String {
    if plats.starts_with("http") {
        plats.to_owned()
    } else {
        let url = reqwest::Url::parse(bas).unwrap();
        url.join(plats).unwrap().to_string()
    }
}

/// The first POST form of a page: its action and hidden fields.
fn formular(html: &str) -> Option<(String, Vec<(String, String)>)> {
    let i = html.find("<form")?;
    let slut = html[i..].find("</form>")? + i;
    let form = &html[i..slut];
    let action = mellan(form, "action=\"", "\"")?.replace("&amp;", "&");
    let mut falt = vec![];
    let mut rest = form;
    while let Some(j) = rest.find("<input") {
        let tagg = &rest[j..j + rest[j..].find('>').unwrap_or(rest.len() - j)];
        if tagg.contains("type=\"hidden\"")
            && let (Some(n), Some(v)) = (
                mellan(tagg, "name=\"", "\""),
                mellan(tagg, "value=\"", "\""),
            )
        {
            falt.push((n.to_owned(), v.to_owned()));
        }
        rest = &rest[j + 6..];
    }
    Some((action, falt))
}

/// Drives the browser from `start` through the provider's login and consent
/// pages until it is sent back to Lots; returns the URL Lots was sent back with.
async fn genom_leverantoren(
    http: &reqwest::Client,
    start: &str,
    lots_url: &str,
    login: &str,
) -> String {
    let mut url = start.to_owned();
    for _ in 0..20 {
        // Back at Lots, or at the provider's own "signed out" page.
        if url.starts_with(lots_url) || url.contains("/session/end/success") {
            return url;
        }
        let r = http.get(&url).send().await.unwrap();
        if let Some(plats) = r.headers().get("location") {
            url = absolut(&url, plats.to_str().unwrap());
            continue;
        }
        let sida = url.clone();
        let html = r.text().await.unwrap();
        let (action, mut falt) =
            formular(&html).unwrap_or_else(|| panic!("no form at {sida}: {html}"));
        if falt.iter().any(|(n, v)| n == "prompt" && v == "login") {
            falt.push(("login".into(), login.into()));
            falt.push(("password".into(), "vad-som-helst".into()));
        }
        if falt.iter().any(|(n, _)| n == "xsrf") {
            falt.push(("logout".into(), "yes".into()));
        }
        let r = http
            .post(absolut(&sida, &action))
            .form(&falt)
            .send()
            .await
            .unwrap();
        let plats = r
            .headers()
            .get("location")
            .unwrap_or_else(|| panic!("the provider answered {} to the form at {sida}", r.status()))
            .to_str()
            .unwrap()
            .to_owned();
        url = absolut(&sida, &plats);
    }
    panic!("never sent back to Lots")
}

/// Login, logout (also at the provider) and idle expiry against the real provider;
/// an unmapped subject and a forged state are refused.
async fn oidc_inloggning(db: Db) {
    let (app, lev) = oidc_app(db).await;
    let mut k = Klient::ny(&app.url);
    let (s, html) = k.get("/logga-in").await;
    assert_eq!(s, 200);
    assert!(html.contains("Logga in med kommunens inloggning"));

    let r = k
        .http
        .get(format!("{}/logga-in/oidc", app.url))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    let auth = r.headers()["location"].to_str().unwrap().to_owned();
    assert!(auth.starts_with(&lev.issuer), "{auth}");
    for del in [
        "code_challenge_method=S256",
        "code_challenge=",
        "state=",
        "nonce=",
        "response_type=code",
    ] {
        assert!(auth.contains(del), "{del} missing from {auth}");
    }
    let tillbaka = genom_leverantoren(&k.http, &auth, &app.url, "anna.handlaggare").await;
    assert!(tillbaka.contains("/logga-in/oidc/svar?"), "{tillbaka}");
    let r = k.http.get(&tillbaka).send().await.unwrap();
    assert_eq!(r.status(), 303);
    assert_eq!(r.headers()["location"], "/");
    // Logged in as the mapped user, with no TOTP step: the provider did the authentication.
    let (s, html) = k.get("/").await;
    assert_eq!(s, 200);
    assert!(html.contains("Test handlaggare"));
    k.csrf = csrf_i(&html).unwrap();
    // The callback works once: the state is used up.
    let r = k.http.get(&tillbaka).send().await.unwrap();
    assert_eq!(r.status(), 400);

    // Log in again, then log out: the Lots session ends on the server and the
    // browser is sent to the provider's logout, which returns it to Lots.
    let r = k
        .http
        .get(format!("{}/logga-in/oidc", app.url))
        .send()
        .await
        .unwrap();
    let auth = r.headers()["location"].to_str().unwrap().to_owned();
    let tillbaka = genom_leverantoren(&k.http, &auth, &app.url, "anna.handlaggare").await;
    let r = k.http.get(&tillbaka).send().await.unwrap();
    assert_eq!(r.status(), 303);
    let (s, html) = k.get("/").await;
    assert_eq!(s, 200);
    k.csrf = csrf_i(&html).unwrap();
    let (s, _, html) = k.post("/logga-ut", &[]).await;
    assert_eq!(s, 200);
    assert!(html.contains("Du är utloggad från Lots"));
    let vidare = mellan(&html, "<a href=\"", "\"")
        .unwrap()
        .replace("&amp;", "&")
        .replace("&#x3D;", "=");
    assert!(
        vidare.starts_with(&lev.issuer)
            && vidare.contains("id_token_hint=")
            && vidare.contains("post_logout_redirect_uri="),
        "{vidare}"
    );
    let (s, _) = k.get("/").await;
    assert_eq!(s, 303, "the Lots session is gone");
    let efter = genom_leverantoren(&k.http, &vidare, &app.url, "").await;
    // The provider ends its session. It should then return to our
    // post_logout_redirect_uri; with this provider it shows its own page instead
    // (see the report on issue 4), so either is accepted here.
    assert!(
        efter.starts_with(&format!("{}/logga-in", app.url))
            || efter.contains("/session/end/success"),
        "{efter}"
    );
    // Log in again through the provider.
    let r = k
        .http
        .get(format!("{}/logga-in/oidc", app.url))
        .send()
        .await
        .unwrap();
    let auth = r.headers()["location"].to_str().unwrap().to_owned();
    let tillbaka = genom_leverantoren(&k.http, &auth, &app.url, "anna.handlaggare").await;
    k.http.get(&tillbaka).send().await.unwrap();
    let (s, _) = k.get("/").await;
    assert_eq!(s, 200);
    // Idle for longer than 30 minutes: the session ends.
    app.klocka.spola_fram(Duration::minutes(31));
    let (s, _) = k.get("/").await;
    assert_eq!(s, 303, "idle timeout");

    // A subject with no Lots user is refused; nothing is created.
    let k2 = Klient::ny(&app.url);
    let r = k2
        .http
        .get(format!("{}/logga-in/oidc", app.url))
        .send()
        .await
        .unwrap();
    let auth = r.headers()["location"].to_str().unwrap().to_owned();
    let tillbaka = genom_leverantoren(&k2.http, &auth, &app.url, "okand.person").await;
    let r = k2.http.get(&tillbaka).send().await.unwrap();
    assert_eq!(r.status(), 403);
    assert!(
        r.text()
            .await
            .unwrap()
            .contains("inget aktivt konto i Lots")
    );
    let (s, _) = k2.get("/").await;
    assert_eq!(s, 303);

    // A callback whose state this browser never started is refused.
    let k3 = Klient::ny(&app.url);
    let (s, _) = k3.get("/logga-in/oidc/svar?code=x&state=forfalskad").await;
    assert_eq!(s, 400);
}
pa_bada!(oidc_inloggning);

/// Mina sidor through the eID broker: the personnummer claim logs the person in to
/// their own matters; a subject without a valid personnummer, or a forged state, does not.
async fn eid_inloggning_mina_sidor(db: Db) {
    let lyssnare = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let lots_url = format!("http://{}", lyssnare.local_addr().unwrap());
    let lev = starta_leverantor_for(&lots_url, "/mina-sidor/logga-in/eid/svar").await;
    let inst = lots_web::oidc::OidcInstallning {
        issuer: lev.issuer.clone(),
        klient_id: "lots".into(),
        klient_hemlighet: lots_web::oidc::Hemlighet("lots-hemlighet".into()),
        omdirigering: format!("{lots_url}/mina-sidor/logga-in/eid/svar"),
        scopes: vec!["profile".into(), "personnummer".into()],
        efter_utloggning: None,
    };
    let klient = lots_web::oidc::OidcKlient::upptack(&inst).await.unwrap();
    let r = regler(|r| {
        r.medborgare = lots_web::mina_sidor::MedborgarInloggning {
            eid: lots_web::oidc::Leverantorer::for_alla(Some(
                lots_web::mina_sidor::EidInloggning {
                    klient,
                    personnummer_claim: "https://id.oidc.se/claim/personalIdentityNumber".into(),
                },
            )),
            testinloggning: false,
        };
    });
    let app = TestApp::med(db, lyssnare, r, |_| async {}).await;
    // A real (not synthetic) person with a case: eID opens it; the test login does not exist.
    let hl = app.klient("handlaggare").await;
    let p = registrera_person(&hl, "19850505-1238", "Dana", "Ek").await;
    let a = registrera_ansokan(
        &app,
        &hl,
        &p,
        "oppenvardsbehandling",
        "2026-03-02",
        "handlaggare",
    )
    .await;
    let k = Klient::ny(&app.url);
    let (s, _, _) = k
        .post_utan_csrf("/mina-sidor/logga-in", &[("identitet", "198505051238")])
        .await;
    assert_eq!(s, 404, "no test login outside the demo");
    let (_, html) = k.get("/mina-sidor/logga-in").await;
    assert!(html.contains("/mina-sidor/logga-in/eid"));
    let (_, start) = k.get_med_plats("/mina-sidor/logga-in/eid").await;
    let tillbaka = genom_leverantoren(&k.http, &start.unwrap(), &app.url, "198505051238").await;
    assert!(
        tillbaka.contains("/mina-sidor/logga-in/eid/svar"),
        "{tillbaka}"
    );
    let (s, plats) = k.get_med_plats(&tillbaka.replace(&app.url, "")).await;
    assert_eq!((s, plats.as_deref()), (303, Some("/mina-sidor")));
    let (s, html) = k.get("/mina-sidor").await;
    assert_eq!(s, 200);
    assert!(html.contains(&format!("/mina-sidor/arenden/{a}")));
    assert!(html.contains("Test Testsson"), "the name from the eID");
    // The same answer again (replayed): refused.
    let (s, _) = k.get_med_plats(&tillbaka.replace(&app.url, "")).await;
    assert_eq!(s, 400);
    // A subject that is no personnummer: refused, no session.
    let k2 = Klient::ny(&app.url);
    let (_, start) = k2.get_med_plats("/mina-sidor/logga-in/eid").await;
    let tillbaka =
        genom_leverantoren(&k2.http, &start.unwrap(), &app.url, "anna.handlaggare").await;
    let (s, _) = k2.get_med_plats(&tillbaka.replace(&app.url, "")).await;
    assert_eq!(s, 400);
    let (s, plats) = k2.get_med_plats("/mina-sidor").await;
    assert_eq!((s, plats.as_deref()), (303, Some("/mina-sidor/logga-in")));
    // A forged state: refused.
    let (s, _) = k2
        .get_med_plats("/mina-sidor/logga-in/eid/svar?state=falsk&code=falsk")
        .await;
    assert_eq!(s, 400);
    drop(lev);
}
pa_bada!(eid_inloggning_mina_sidor);

async fn rader(app: &TestApp, sql: &'static str) -> usize {
    app.store.bakdorr().fetch_all(sql, &[]).await.unwrap().len()
}

/// Login CSRF (issue 12, item 7): a login POST from another site (no pre-session
/// cookie, or a token that is not this browser's) is refused with 403 and a
/// Swedish page and stores nothing; with the token its own login page gave, it
/// logs in. The same for Mina sidor's test login.
async fn inloggning_kraver_formularets_token(db: Db) {
    let app = TestApp::ny(db).await;
    let falt = [("anvandarnamn", "handlaggare"), ("losenord", LOSENORD)];
    // Cross-site: the attacker's page posts the form, the browser has no token to send.
    let k = Klient::ny(&app.url);
    let (s, _, html) = k.post_utan_csrf("/logga-in", &falt).await;
    assert_eq!(s, 403, "{}", utdrag(&html));
    assert!(html.contains("Inloggningsformuläret har gått ut"));
    // Also with a wrong password: nothing is counted either.
    let (s, _, _) = k
        .post_utan_csrf(
            "/logga-in",
            &[("anvandarnamn", "handlaggare"), ("losenord", "fel")],
        )
        .await;
    assert_eq!(s, 403);
    // The attacker's own valid pair does not help: the token must match the
    // victim browser's cookie.
    let (_, angriparens) = forinloggning(&app.url).await;
    let offer = Klient::ny(&app.url);
    let (s, _) = offer.get("/logga-in").await;
    assert_eq!(s, 200);
    let mut med_fel_token = falt.to_vec();
    med_fel_token.push(("_csrf", &angriparens));
    let (s, _, _) = offer.post_utan_csrf("/logga-in", &med_fel_token).await;
    assert_eq!(s, 403);
    assert_eq!(rader(&app, "SELECT id FROM session").await, 0);
    assert_eq!(
        rader(&app, "SELECT anvandarnamn FROM inloggningsforsok").await,
        0
    );
    // Through its own page the login works.
    let (s, plats, _) = offer.logga_in("handlaggare", LOSENORD).await;
    assert_eq!((s, plats.as_deref()), (303, Some("/")));
    assert_eq!(rader(&app, "SELECT id FROM session").await, 1);

    // Mina sidor's test login is a form POST too.
    crate::mina_sidor::syntetisk(&app, "198505051238", "Sara", "Test").await;
    let m = Klient::ny(&app.url);
    let (s, _, _) = m
        .post_utan_csrf("/mina-sidor/logga-in", &[("identitet", "198505051238")])
        .await;
    assert_eq!(s, 403);
    assert_eq!(rader(&app, "SELECT id FROM medborgarsession").await, 0);
    let (s, _, _) = m
        .logga_in_via(
            "/mina-sidor/logga-in",
            "/mina-sidor/logga-in",
            &[("identitet", "198505051238")],
        )
        .await;
    assert_eq!(s, 303);
    assert_eq!(rader(&app, "SELECT id FROM medborgarsession").await, 1);
}
pa_bada!(inloggning_kraver_formularets_token);

fn totpnyckel(b: u8) -> lots_store::Totpnyckel {
    lots_store::Totpnyckel::fran_hex(&hex::encode([b; 32])).unwrap()
}

/// TOTP secrets are encrypted at rest with a key outside the database (issue
/// 12, item 7): a secret set up through the form is not in the table in plain
/// text, and logs in; a plain secret from before the key is encrypted at
/// migrate; after a rotation the old key still reads until migrate re-encrypts.
async fn totp_hemligheter_ar_krypterade(db: Db) {
    let app = app_med(db, testregler()).await;
    let nycklar = lots_store::Totpnycklar {
        nyckel: Some(totpnyckel(1)),
        gamla: vec![],
    };
    let url = app
        .andra_server_med(
            regler(|r| r.totp = lots_web::TotpKrav::Kravs),
            nycklar.clone(),
        )
        .await;
    let mut k = Klient::ny(&url);
    let (s, plats, _) = logga_in(&k, "handlaggare", LOSENORD).await;
    assert_eq!((s, plats.as_deref()), (303, Some("/tvastegsverifiering")));
    let (_, html) = k.get("/tvastegsverifiering").await;
    let hemlighet: String = mellan(&html, "<code class=\"nyckel\">", "</code>")
        .unwrap()
        .split_whitespace()
        .collect();
    k.csrf = csrf_i(&html).unwrap();
    let (s, plats, _) = k
        .post("/tvastegsverifiering", &[("kod", &kod(&hemlighet, &app))])
        .await;
    assert_eq!((s, plats.as_deref()), (303, Some("/")));
    let lagrade = |app: &TestApp| {
        let store = app.store.clone();
        async move {
            store
                .bakdorr()
                .fetch_all(
                "SELECT totp_hemlighet, totp_nyckel FROM anvandare WHERE totp_hemlighet IS NOT NULL",
                &[],
            )
            .await
            .unwrap()
            .iter()
            .map(|r| {
                (
                    r.text("totp_hemlighet").unwrap(),
                    r.opt_text("totp_nyckel").unwrap(),
                )
            })
            .collect::<Vec<_>>()
        }
    };
    let rader = lagrade(&app).await;
    assert_eq!(rader.len(), 1);
    assert!(!rader[0].0.contains(&hemlighet), "no plaintext secret");
    assert_eq!(rader[0].1.as_deref(), Some(totpnyckel(1).id()));
    // The encrypted secret logs in with a code.
    app.klocka.spola_fram(Duration::seconds(30));
    let k2 = Klient::ny(&url);
    let (s, plats, _) = logga_in(&k2, "handlaggare", LOSENORD).await;
    assert_eq!((s, plats.as_deref()), (303, Some("/logga-in/kod")));
    let (_, html) = k2.get("/logga-in/kod").await;
    let mut k2 = k2;
    k2.csrf = csrf_i(&html).unwrap();
    let (s, plats, _) = k2
        .post("/logga-in/kod", &[("kod", &kod(&hemlighet, &app))])
        .await;
    assert_eq!((s, plats.as_deref()), (303, Some("/")));

    // A secret stored before there was a key is encrypted at migrate.
    let ekonom = app.org.anv("ekonom").id;
    app.store
        .inloggning()
        .spara_totp(ekonom, "JBSWY3DPEHPK3PXP", 1)
        .await
        .unwrap();
    let med_nyckel = app.store_med(nycklar).await;
    med_nyckel.migrera().await.unwrap();
    let rader = lagrade(&app).await;
    assert_eq!(rader.len(), 2);
    for (text, nyckel) in &rader {
        assert!(!text.contains("JBSWY3DPEHPK3PXP") && !text.contains(&hemlighet));
        assert_eq!(nyckel.as_deref(), Some(totpnyckel(1).id()));
    }
    assert_eq!(
        med_nyckel
            .inloggning()
            .totp(app.org.kommun, ekonom)
            .await
            .unwrap()
            .unwrap()
            .hemlighet,
        "JBSWY3DPEHPK3PXP"
    );
    // Rotation: the new key with the old one beside it reads, migrate re-encrypts,
    // and then the new key alone reads everything.
    let roterad = app
        .store_med(lots_store::Totpnycklar {
            nyckel: Some(totpnyckel(2)),
            gamla: vec![totpnyckel(1)],
        })
        .await;
    assert_eq!(
        roterad
            .inloggning()
            .totp(app.org.kommun, ekonom)
            .await
            .unwrap()
            .unwrap()
            .hemlighet,
        "JBSWY3DPEHPK3PXP"
    );
    roterad.migrera().await.unwrap();
    let bara_ny = app
        .store_med(lots_store::Totpnycklar {
            nyckel: Some(totpnyckel(2)),
            gamla: vec![],
        })
        .await;
    assert_eq!(
        bara_ny
            .inloggning()
            .totp(app.org.kommun, ekonom)
            .await
            .unwrap()
            .unwrap()
            .hemlighet,
        "JBSWY3DPEHPK3PXP"
    );
    for (_, nyckel) in lagrade(&app).await {
        assert_eq!(nyckel.as_deref(), Some(totpnyckel(2).id()));
    }
    // Without the key nothing decrypts: an error, never a guess.
    assert!(
        app.store
            .inloggning()
            .totp(app.org.kommun, ekonom)
            .await
            .is_err()
    );
}
pa_bada!(totp_hemligheter_ar_krypterade);

// ---------------------------------------------------------------------------
// One provider per kommun (issue 18 item 8): a regional server for several kommuner,
// each logging in through its own identity provider and eID broker.

/// The kommuner of a regional server: 0001 (the test org) and 0002 (the same user
/// names) with a provider each, 0003 served but with no staff provider, and 0004 in the
/// database but not served.
struct Region {
    app: TestApp,
    /// The regional server's URL.
    url: String,
    grann: Org,
    /// Kommun 0001's provider (and the shared eID broker).
    a: Leverantor,
    /// Kommun 0002's provider and eID broker.
    b: Leverantor,
}

const SVAR: &str = "/logga-in/oidc/svar";
const EID_SVAR: &str = "/mina-sidor/logga-in/eid/svar";

/// A client of the provider `lev`, discovered as `serve` does at start.
async fn klient_hos(
    lev: &Leverantor,
    url: &str,
    (klient_id, svar): (&str, &str),
    scopes: &[&str],
) -> lots_web::oidc::OidcKlient {
    lots_web::oidc::OidcKlient::upptack(&lots_web::oidc::OidcInstallning {
        issuer: lev.issuer.clone(),
        klient_id: klient_id.into(),
        klient_hemlighet: lots_web::oidc::Hemlighet("lots-hemlighet".into()),
        omdirigering: format!("{url}{svar}"),
        scopes: scopes.iter().map(|s| s.to_string()).collect(),
        efter_utloggning: Some(format!("{url}/logga-in")),
    })
    .await
    .unwrap()
}

/// Staff login through `lev`'s client `klient_id`.
async fn personalens(lev: &Leverantor, url: &str, klient_id: &str) -> lots_web::OidcInloggning {
    lots_web::OidcInloggning {
        klient: klient_hos(lev, url, (klient_id, SVAR), &["email"]).await,
        claim: "sub".into(),
    }
}

/// Mina sidor's eID through `lev`'s client `klient_id`.
async fn medborgarnas(
    lev: &Leverantor,
    url: &str,
    klient_id: &str,
) -> lots_web::mina_sidor::EidInloggning {
    lots_web::mina_sidor::EidInloggning {
        klient: klient_hos(
            lev,
            url,
            (klient_id, EID_SVAR),
            &["profile", "personnummer"],
        )
        .await,
        personnummer_claim: "https://id.oidc.se/claim/personalIdentityNumber".into(),
    }
}

/// The regional server: staff log in to 0001 through provider a and to 0002 through
/// provider b, and 0003 has none (nor a shared one); Mina sidor's eID goes to b for 0002
/// and to the shared broker (at a) for every other kommun. The subject "anna" is mapped
/// to the handläggare of both 0001 and 0002, "bertil" to 0002's arbetsledare only.
async fn region(db: Db) -> Region {
    let app = TestApp::ny(db).await;
    let grann = skapa_org_med(&app.store, "0002", "Grannby kommun", "Grann").await;
    let org = app.store.organisation();
    org.skapa_kommun(lots_domain::ids::KommunId::ny(), "0003", "Tredje kommun")
        .await
        .unwrap();
    let ej_betjanad = lots_domain::ids::KommunId::ny();
    org.skapa_kommun(ej_betjanad, "0004", "Fjärde kommun")
        .await
        .unwrap();
    let inl = app.store.inloggning();
    for (anvandare, subjekt) in [
        (app.org.anv("handlaggare").id, "anna"),
        (grann.anv("handlaggare").id, "anna"),
        (grann.anv("arbetsledare").id, "bertil"),
    ] {
        inl.satt_oidc_subjekt(anvandare, Some(subjekt))
            .await
            .unwrap();
    }
    let lyssnare = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", lyssnare.local_addr().unwrap());
    let (a, b) = tokio::join!(
        starta_leverantor_med(&url, &[SVAR, EID_SVAR], "lots-0001"),
        starta_leverantor_med(&url, &[SVAR, EID_SVAR], "lots-0002"),
    );
    let oidc = lots_web::oidc::Leverantorer {
        gemensam: None,
        egna: vec![
            (app.org.kommun, personalens(&a, &url, "lots-0001").await),
            (grann.kommun, personalens(&b, &url, "lots-0002").await),
            // A kommun the server does not serve is refused even with a provider
            // (`serve` refuses such a configuration at start as well).
            (ej_betjanad, personalens(&a, &url, "lots-0001").await),
        ],
    };
    let eid = lots_web::oidc::Leverantorer {
        gemensam: Some(medborgarnas(&a, &url, "lots-0001").await),
        egna: vec![(grann.kommun, medborgarnas(&b, &url, "lots-0002").await)],
    };
    let r = regler(|r| {
        r.oidc = oidc;
        r.medborgare.eid = eid;
        r.medborgare.testinloggning = false;
    });
    let url = app
        .server_for_kommuner(lyssnare, r, &["0001", "0002", "0003"])
        .await;
    Region {
        app,
        url,
        grann,
        a,
        b,
    }
}

/// A query parameter of a URL.
fn parameter(url: &str, namn: &str) -> String {
    reqwest::Url::parse(url)
        .unwrap()
        .query_pairs()
        .find(|(n, _)| n == namn)
        .unwrap_or_else(|| panic!("{namn} missing from {url}"))
        .1
        .into_owned()
}

/// The part of `html` from `fran` to the end of its form.
fn formularet<'a>(html: &'a str, fran: &str) -> &'a str {
    let i = html
        .find(fran)
        .unwrap_or_else(|| panic!("{fran}: {}", utdrag(html)));
    &html[i..i + html[i..].find("</form>").unwrap()]
}

/// Starts a staff login at `/logga-in/oidc?kommun=kod`: where Lots sends the browser.
async fn borja_oidc(k: &Klient, kod: &str) -> String {
    let (s, plats) = k
        .get_med_plats(&format!("/logga-in/oidc?kommun={kod}"))
        .await;
    assert_eq!(s, 303, "login through kommun {kod}'s provider");
    plats.unwrap()
}

/// Whether the response set the cookie `namn` (to anything).
fn satter_kaka(r: &reqwest::Response, namn: &str) -> bool {
    r.headers()
        .get_all("set-cookie")
        .iter()
        .any(|v| v.to_str().unwrap().starts_with(&format!("{namn}=")))
}

/// Issue 18 item 8, staff: each kommun logs in through its own provider, and the
/// callback takes the provider and the kommun from the login it answers, never from the
/// browser. An identity from 0001's provider never logs anyone in to 0002 (not even a
/// user there with the same subject); a state started for 0001 cannot be completed with
/// 0002's provider's code; a kommun not served, or without a provider, is refused on the
/// page and nothing is stored. Logout goes to the provider of the session's kommun.
async fn oidc_per_kommun(db: Db) {
    let r = region(db).await;
    let url = r.url.as_str();
    let k = Klient::ny(url);
    let (s, html) = k.get("/logga-in").await;
    assert_eq!(s, 200);
    // The provider's choice offers only the kommuner that have one; the local login all served.
    let oidc = formularet(&html, r#"action="/logga-in/oidc""#);
    assert!(
        oidc.contains(r#"value="0001""#) && oidc.contains(r#"value="0002""#),
        "{oidc}"
    );
    assert!(
        !oidc.contains(r#"value="0003""#) && !oidc.contains("0004"),
        "{oidc}"
    );
    let lokal = formularet(&html, r#"action="/logga-in" "#);
    assert!(lokal.contains(r#"value="0003""#) && !lokal.contains("0004"));

    // Each kommun through its own provider, as its own user with the same subject.
    for (kod, lev, klient_id, namn, annan) in [
        (
            "0001",
            &r.a,
            "lots-0001",
            "Test handlaggare",
            "Grann handlaggare",
        ),
        (
            "0002",
            &r.b,
            "lots-0002",
            "Grann handlaggare",
            "Test handlaggare",
        ),
    ] {
        let mut k = Klient::ny(url);
        let auth = borja_oidc(&k, kod).await;
        assert!(auth.starts_with(&lev.issuer), "{kod}: {auth}");
        assert_eq!(parameter(&auth, "client_id"), klient_id);
        let tillbaka = genom_leverantoren(&k.http, &auth, url, "anna").await;
        let (s, plats) = k.get_med_plats(&tillbaka.replace(url, "")).await;
        assert_eq!((s, plats.as_deref()), (303, Some("/")), "{kod}");
        let (s, html) = k.get("/").await;
        assert_eq!(s, 200);
        assert!(
            html.contains(namn) && !html.contains(annan),
            "{kod}: {}",
            utdrag(&html)
        );
        // Logout ends the session at the provider of the session's kommun.
        k.csrf = csrf_i(&html).unwrap();
        let (s, _, html) = k.post("/logga-ut", &[]).await;
        assert_eq!(s, 200);
        let vidare = mellan(&html, "<a href=\"", "\"")
            .unwrap()
            .replace("&amp;", "&")
            .replace("&#x3D;", "=");
        assert!(
            vidare.starts_with(&format!("{}/session/end", lev.issuer))
                && vidare.contains(&format!("client_id={klient_id}")),
            "{kod}: {vidare}"
        );
    }

    // 0001's provider vouches for "bertil", whose only user is 0002's: nobody logs in.
    let k = Klient::ny(url);
    let auth = borja_oidc(&k, "0001").await;
    let tillbaka = genom_leverantoren(&k.http, &auth, url, "bertil").await;
    let r1 = k.http.get(&tillbaka).send().await.unwrap();
    assert_eq!(r1.status(), 403);
    assert!(
        r1.text()
            .await
            .unwrap()
            .contains("inget aktivt konto i Lots")
    );
    let (s, _) = k.get("/").await;
    assert_eq!(s, 303, "no session");

    // A login started for 0001, answered with a code 0002's provider gave: the code is
    // taken to 0001's provider, which does not know it. Nothing logs in.
    let offer = Klient::ny(url);
    let auth_a = borja_oidc(&offer, "0001").await;
    let angripare = Klient::ny(url);
    let auth_b = borja_oidc(&angripare, "0002").await;
    assert!(auth_b.starts_with(&r.b.issuer));
    let tillbaka_b = genom_leverantoren(&angripare.http, &auth_b, url, "anna").await;
    let (s, _) = offer
        .get_med_plats(&format!(
            "/logga-in/oidc/svar?code={}&state={}",
            parameter(&tillbaka_b, "code"),
            parameter(&auth_a, "state")
        ))
        .await;
    assert_eq!(s, 401);
    let (s, _) = offer.get("/").await;
    assert_eq!(s, 303, "no session");
    // The same code at the login it belongs to logs in 0002's user, whatever kommun the
    // browser adds to the answer.
    let (s, plats) = angripare
        .get_med_plats(&format!("{}&kommun=0001", tillbaka_b.replace(url, "")))
        .await;
    assert_eq!((s, plats.as_deref()), (303, Some("/")));
    let (_, html) = angripare.get("/").await;
    assert!(html.contains("Grann handlaggare") && !html.contains("Test handlaggare"));

    // A kommun not served (unknown, or in the database but not this server's), or
    // served without a provider: refused on the page, no pending login, no cookie.
    let forfragningar = || rader(&r.app, "SELECT id FROM oidc_forfragan");
    let fore = forfragningar().await;
    for (kod, text) in [
        ("9999", "Välj din kommun och försök igen."),
        ("0004", "Välj din kommun och försök igen."),
        (
            "0003",
            "Kommunen du valde har ingen inloggning via kommunens inloggningstjänst.",
        ),
    ] {
        let svar = k
            .http
            .get(format!("{url}/logga-in/oidc?kommun={kod}"))
            .send()
            .await
            .unwrap();
        assert_eq!(svar.status(), 422, "{kod}");
        assert!(!satter_kaka(&svar, "lots_oidc"), "{kod}");
        let html = svar.text().await.unwrap();
        assert!(html.contains(text), "{kod}: {}", utdrag(&html));
    }
    assert_eq!(forfragningar().await, fore, "nothing stored");
}
pa_bada!(oidc_per_kommun);

/// Issue 18 item 8, Mina sidor: the eID broker of the kommun chosen, the shared one
/// for a kommun without its own. A personnummer from the shared broker, asked for 0001,
/// opens nothing of 0002 where the person is known; a state started for 0001 cannot be
/// completed with 0002's broker's code; a kommun not served, or with no broker, is refused.
async fn eid_per_kommun(db: Db) {
    let r = region(db).await;
    let url = r.url.as_str();
    // Known in 0002 only.
    let person = lots_store::Person {
        id: lots_domain::ids::PersonId::ny(),
        kommun: r.grann.kommun,
        identitet: lots_domain::Identitet::tolka(
            "198505051238",
            time::macros::date!(2026 - 01 - 01),
        )
        .unwrap(),
        fornamn: "Dana".into(),
        efternamn: "Ek".into(),
        adress: String::new(),
        skyddad: false,
    };
    r.app
        .store
        .personer()
        .skapa_person(&person, false)
        .await
        .unwrap();
    let sessioner = |kommun: lots_domain::ids::KommunId| {
        let store = r.app.store.clone();
        async move {
            store
                .bakdorr()
                .fetch_all(
                    "SELECT id FROM medborgarsession WHERE kommun = $1",
                    &[kommun.to_string().into()],
                )
                .await
                .unwrap()
                .len()
        }
    };

    // 0002 through its own broker: straight to the person's own matters there.
    let k = Klient::ny(url);
    let (_, html) = k.get("/mina-sidor/logga-in?kommun=0002").await;
    assert!(html.contains("/mina-sidor/logga-in/eid?kommun=0002"));
    let (s, auth) = k
        .get_med_plats("/mina-sidor/logga-in/eid?kommun=0002")
        .await;
    assert_eq!(s, 303);
    let auth = auth.unwrap();
    assert!(auth.starts_with(&r.b.issuer), "{auth}");
    assert_eq!(parameter(&auth, "client_id"), "lots-0002");
    let tillbaka = genom_leverantoren(&k.http, &auth, url, "198505051238").await;
    assert!(tillbaka.contains(EID_SVAR), "{tillbaka}");
    let (s, plats) = k.get_med_plats(&tillbaka.replace(url, "")).await;
    assert_eq!((s, plats.as_deref()), (303, Some("/mina-sidor")));
    assert_eq!(sessioner(r.grann.kommun).await, 1);

    // 0001 has no broker of its own: the shared one. The same personnummer there is
    // nobody known to 0001, and nothing of 0002 is opened.
    let k = Klient::ny(url);
    let (_, html) = k.get("/mina-sidor/logga-in?kommun=0001").await;
    assert!(html.contains("/mina-sidor/logga-in/eid?kommun=0001"));
    let (_, auth) = k
        .get_med_plats("/mina-sidor/logga-in/eid?kommun=0001")
        .await;
    let auth = auth.unwrap();
    assert!(auth.starts_with(&r.a.issuer), "{auth}");
    let tillbaka = genom_leverantoren(&k.http, &auth, url, "198505051238").await;
    let (s, plats) = k.get_med_plats(&tillbaka.replace(url, "")).await;
    assert_eq!((s, plats.as_deref()), (303, Some("/mina-sidor/valj")));
    let (_, html) = k.get("/mina-sidor/valj").await;
    assert!(
        html.contains("Vi har inga ärenden om dig"),
        "{}",
        utdrag(&html)
    );
    assert_eq!(sessioner(r.app.org.kommun).await, 1);
    assert_eq!(sessioner(r.grann.kommun).await, 1, "none more in 0002");

    // Started for 0001, answered with 0002's broker's code: refused, no session.
    let offer = Klient::ny(url);
    let (_, auth_a) = offer
        .get_med_plats("/mina-sidor/logga-in/eid?kommun=0001")
        .await;
    let angripare = Klient::ny(url);
    let (_, auth_b) = angripare
        .get_med_plats("/mina-sidor/logga-in/eid?kommun=0002")
        .await;
    let tillbaka_b =
        genom_leverantoren(&angripare.http, &auth_b.unwrap(), url, "198505051238").await;
    let (s, _) = offer
        .get_med_plats(&format!(
            "{EID_SVAR}?code={}&state={}",
            parameter(&tillbaka_b, "code"),
            parameter(&auth_a.unwrap(), "state")
        ))
        .await;
    assert_eq!(s, 400);
    let (s, plats) = offer.get_med_plats("/mina-sidor").await;
    assert_eq!((s, plats.as_deref()), (303, Some("/mina-sidor/logga-in")));
    assert_eq!(sessioner(r.app.org.kommun).await, 1);
    assert_eq!(sessioner(r.grann.kommun).await, 1);

    // A kommun this server does not serve: refused on the page, nothing stored.
    let forfragningar = || rader(&r.app, "SELECT id FROM oidc_forfragan");
    let fore = forfragningar().await;
    for kod in ["0004", "9999"] {
        let svar = k
            .http
            .get(format!("{url}/mina-sidor/logga-in/eid?kommun={kod}"))
            .send()
            .await
            .unwrap();
        assert_eq!(svar.status(), 422);
        assert!(!satter_kaka(&svar, "lots_mina_sidor_eid"));
        assert!(
            svar.text()
                .await
                .unwrap()
                .contains("Välj din kommun och försök igen.")
        );
    }
    assert_eq!(forfragningar().await, fore, "nothing stored");

    // A server where only 0002 has a broker: 0001 has no eID button, and its start is refused.
    let lyssnare = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let eid_0002 = medborgarnas(&r.b, url, "lots-0002").await;
    let bara_0002 = regler(|regler| {
        regler.medborgare.testinloggning = false;
        regler.medborgare.eid = lots_web::oidc::Leverantorer {
            gemensam: None,
            egna: vec![(r.grann.kommun, eid_0002)],
        };
    });
    let andra = r
        .app
        .server_for_kommuner(lyssnare, bara_0002, &["0001", "0002"])
        .await;
    let k = Klient::ny(&andra);
    let (_, html) = k.get("/mina-sidor/logga-in?kommun=0001").await;
    assert!(
        !html.contains("/mina-sidor/logga-in/eid"),
        "{}",
        utdrag(&html)
    );
    let (_, html) = k.get("/mina-sidor/logga-in?kommun=0002").await;
    assert!(html.contains("/mina-sidor/logga-in/eid?kommun=0002"));
    let (s, html) = k.get("/mina-sidor/logga-in/eid?kommun=0001").await;
    assert_eq!(s, 422);
    assert!(html.contains("Din kommun har inte BankID eller Freja eID här."));
    assert_eq!(forfragningar().await, fore, "nothing stored");
}
pa_bada!(eid_per_kommun);

/// `lots serve` on this database with `miljo`, which must stop it: what it said.
async fn serve_stoppar(dburl: &str, miljo: &[(&str, &str)]) -> String {
    let ut = tokio::time::timeout(
        std::time::Duration::from_secs(60),
        tokio::process::Command::new(env!("CARGO_BIN_EXE_lots"))
            .args(["--database", dburl, "serve", "--listen", "127.0.0.1:0"])
            .env_remove("LOTS_CONFIG")
            .env("RUST_LOG", "warn")
            .envs(miljo.iter().copied())
            .current_dir(std::env::temp_dir())
            .kill_on_drop(true)
            .output(),
    )
    .await
    .expect("serve stops at the configuration")
    .unwrap();
    assert!(!ut.status.success(), "{miljo:?}");
    String::from_utf8_lossy(&ut.stderr).into_owned()
}

/// A kommun's own provider in the environment's four variables.
fn leverantor_i_miljon<'a>(
    prefix: &str,
    (issuer, klient_id, svar): (&'a str, &'a str, &'a str),
) -> Vec<(String, &'a str)> {
    vec![
        (format!("{prefix}_ISSUER"), issuer),
        (format!("{prefix}_CLIENT_ID"), klient_id),
        (format!("{prefix}_CLIENT_SECRET"), "lots-hemlighet"),
        (format!("{prefix}_REDIRECT_URI"), svar),
    ]
}

/// Issue 18 item 8, configuration through the environment (`LOTS_OIDC_<KOD>_…`,
/// `LOTS_EID_<KOD>_…`) as an operator meets it: a kommun's provider that cannot be
/// right stops `serve` with a Swedish message (a code not served or not in the
/// database, a missing key, a malformed code or key, a provider that does not answer);
/// a right one is discovered at start, offered for its kommun and logs in its users.
async fn leverantor_per_kommun_i_miljon(db: Db) {
    let app = TestApp::ny(db).await;
    skapa_org_med(&app.store, "0002", "Grannby kommun", "Grann").await;
    let dburl = app.dburl().to_owned();
    let stang = "http://127.0.0.1:9";
    let svar = "https://lots.example/logga-in/oidc/svar";
    let med = |kommuner: &'static str, var: Vec<(String, &'static str)>| {
        let mut v: Vec<(String, String)> = vec![("LOTS_KOMMUNER".into(), kommuner.into())];
        v.extend(var.into_iter().map(|(n, x)| (n, x.to_owned())));
        v
    };
    for (miljo, vantat) in [
        (
            med(
                "0001",
                leverantor_i_miljon("LOTS_OIDC_0002", (stang, "lots", svar)),
            ),
            "oidc.kommun.0002 (LOTS_OIDC_0002_…): servern betjänar inte kommun 0002",
        ),
        (
            med(
                "0001",
                leverantor_i_miljon("LOTS_EID_0009", (stang, "lots", svar)),
            ),
            "eid.kommun.0009 (LOTS_EID_0009_…): kommun 0009 finns inte i databasen",
        ),
        (
            med("0001", vec![("LOTS_OIDC_0001_ISSUER".into(), stang)]),
            "OIDC för kommun 0001 är påslaget (issuer) men client_id saknas (oidc.kommun.0001.client_id eller LOTS_OIDC_0001_CLIENT_ID)",
        ),
        (
            med("0001", vec![("LOTS_EID_0001_CLIENT_SECRET".into(), "h")]),
            "eID för kommun 0001 saknar issuer (eid.kommun.0001.issuer eller LOTS_EID_0001_ISSUER)",
        ),
        (
            med("0001", vec![("LOTS_OIDC_001_ISSUER".into(), stang)]),
            "LOTS_OIDC_001_ISSUER: 001 är ingen kommunkod med fyra siffror",
        ),
        (
            med("0001", vec![("LOTS_OIDC_0001_ISSUR".into(), stang)]),
            "LOTS_OIDC_0001_ISSUR: okänd inställning",
        ),
        (
            med(
                "0001,0002",
                leverantor_i_miljon("LOTS_OIDC_0002", (stang, "lots", svar)),
            ),
            "kan inte nå OIDC-leverantören http://127.0.0.1:9 (kommun 0002)",
        ),
    ] {
        let miljo: Vec<(&str, &str)> = miljo
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_str()))
            .collect();
        let ut = serve_stoppar(&dburl, &miljo).await;
        assert!(ut.contains(vantat), "{miljo:?}: {ut}");
    }

    // Right: each kommun's provider from the environment, discovered at start.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let url = format!("http://127.0.0.1:{port}");
    let (a, b) = tokio::join!(
        starta_leverantor_med(&url, &[SVAR], "lots-0001"),
        starta_leverantor_med(&url, &[SVAR], "lots-0002"),
    );
    app.store
        .inloggning()
        .satt_oidc_subjekt(app.org.anv("handlaggare").id, Some("anna"))
        .await
        .unwrap();
    let svar = format!("{url}{SVAR}");
    let mut miljo = leverantor_i_miljon("LOTS_OIDC_0001", (&a.issuer, "lots-0001", &svar));
    miljo.extend(leverantor_i_miljon(
        "LOTS_OIDC_0002",
        (&b.issuer, "lots-0002", &svar),
    ));
    let _server = tokio::process::Command::new(env!("CARGO_BIN_EXE_lots"))
        .args([
            "--database",
            &dburl,
            "serve",
            "--listen",
            &format!("127.0.0.1:{port}"),
        ])
        .env_remove("LOTS_CONFIG")
        .env("RUST_LOG", "warn")
        .env("LOTS_KOMMUNER", "0001,0002")
        .envs(miljo.iter().map(|(n, v)| (n.as_str(), *v)))
        .current_dir(std::env::temp_dir())
        .stdout(Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    let mut uppe = false;
    for _ in 0..300 {
        if let Ok(r) = reqwest::get(format!("{url}/healthz/ready")).await
            && r.status() == 200
        {
            uppe = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(uppe, "serve did not start");
    let k = Klient::ny(&url);
    let (_, html) = k.get("/logga-in").await;
    let oidc = formularet(&html, r#"action="/logga-in/oidc""#);
    assert!(oidc.contains(r#"value="0001""#) && oidc.contains(r#"value="0002""#));
    let auth = borja_oidc(&k, "0002").await;
    assert!(auth.starts_with(&b.issuer), "{auth}");
    assert_eq!(parameter(&auth, "client_id"), "lots-0002");
    let auth = borja_oidc(&k, "0001").await;
    assert!(auth.starts_with(&a.issuer), "{auth}");
    let tillbaka = genom_leverantoren(&k.http, &auth, &url, "anna").await;
    let (s, plats) = k.get_med_plats(&tillbaka.replace(&url, "")).await;
    assert_eq!((s, plats.as_deref()), (303, Some("/")));
    let (_, html) = k.get("/").await;
    assert!(html.contains("Test handlaggare"), "{}", utdrag(&html));
}
pa_bada!(leverantor_per_kommun_i_miljon);
