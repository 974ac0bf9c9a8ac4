//! Running Lots as an operator does, and as it fails: SIGKILL, SIGTERM and a backup,
//! each while writers append, and every acknowledged write found afterwards.

use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use crate::hjalp::*;
use crate::pa_bada;
use lots_store::Store;
use tokio::sync::Mutex;

fn starta(dburl: &str, port: u16) -> Child {
    starta_med(dburl, port, &[])
}

fn starta_med(dburl: &str, port: u16, miljo: &[(&str, &str)]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_lots"))
        .envs(miljo.iter().copied())
        .args([
            "--database",
            dburl,
            "serve",
            "--listen",
            &format!("127.0.0.1:{port}"),
        ])
        .env("RUST_LOG", "warn")
        // The test users have no TOTP; production requires it.
        .env("LOTS_TOTP", "frivillig")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start lots")
}

async fn vanta_pa(url: &str) {
    for _ in 0..300 {
        if let Ok(r) = reqwest::get(format!("{url}/healthz")).await
            && r.status() == 200
        {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("server did not start");
}

fn ledig_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A logged-in staff client against a server started by `starta`.
async fn inloggad(url: &str, anv: &str) -> Klient {
    let mut k = Klient::ny(url);
    let (s, _, _) = k.logga_in(anv, LOSENORD).await;
    assert_eq!(s, 303);
    let (_, sida) = k.get("/personer/sok").await;
    k.csrf = csrf_i(&sida).unwrap();
    k
}

/// A server on a fresh database with the test organisation, a person and a case.
async fn server_med_arende(
    db: Db,
) -> (
    String,
    Option<tempfile::TempDir>,
    Child,
    String,
    String,
    String,
) {
    let (dburl, dir) = ny_databas(db).await;
    let store = Store::anslut(&dburl).await.unwrap();
    store.migrera().await.unwrap();
    let org = skapa_org(&store).await;
    store.stang().await;
    let port = ledig_port();
    let url = format!("http://127.0.0.1:{port}");
    let server = starta(&dburl, port);
    vanta_pa(&url).await;
    let k = inloggad(&url, "handlaggare").await;
    let p = registrera_person(&k, "19640823-3234", "Anna", "Ek").await;
    let enhet = org.missbruk.to_string();
    let (s, plats, _) = k
        .post(
            &format!("/personer/{p}/arenden/nytt?typ=ansokan"),
            &[
                ("inkom", "2026-03-02"),
                ("kanal", "besok"),
                ("insatser", "kontaktperson"),
                ("enhet", &enhet),
            ],
        )
        .await;
    assert_eq!(s, 303);
    let arende = plats.unwrap().trim_start_matches("/arenden/").to_owned();
    (dburl, dir, server, url, p, arende)
}

/// Writers that append journal entries until told to stop; each acknowledged text is kept.
fn skrivare(
    url: &str,
    arende: &str,
    kvitterade: Arc<Mutex<Vec<String>>>,
    stopp: Arc<AtomicBool>,
) -> Vec<tokio::task::JoinHandle<()>> {
    (0..3)
        .map(|w| {
            let (url, arende) = (url.to_owned(), arende.to_owned());
            let (kvitterade, stopp) = (kvitterade.clone(), stopp.clone());
            tokio::spawn(async move {
                let k = inloggad(&url, "handlaggare").await;
                for n in 0..10_000 {
                    if stopp.load(Ordering::Relaxed) {
                        break;
                    }
                    let text = format!("skrivare {w} anteckning {n}");
                    let (s, _, _) = k
                        .post(
                            &format!("/arenden/{arende}/steg/journal"),
                            &[("datum", "2026-03-03"), ("text", &text)],
                        )
                        .await;
                    if s == 303 {
                        kvitterade.lock().await.push(text);
                    }
                }
            })
        })
        .collect()
}

async fn vanta_pa_antal(kvitterade: &Mutex<Vec<String>>, antal: usize) {
    for _ in 0..400 {
        if kvitterade.lock().await.len() >= antal {
            return;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    panic!("the writers did not get {antal} writes through");
}

/// A backup taken while three writers append: `lots backup` (SQLite, VACUUM INTO) or
/// `pg_dump` (PostgreSQL, as the README says). Restored, it holds every write that was
/// acknowledged before the backup began, every history is intact and the audit chain
/// verifies.
async fn sakerhetskopia_under_skrivning(db: Db) {
    let (dburl, dir, mut server, url, person, arende) = server_med_arende(db).await;
    let kvitterade: Arc<Mutex<Vec<String>>> = Arc::default();
    let stopp = Arc::new(AtomicBool::new(false));
    let tradar = skrivare(&url, &arende, kvitterade.clone(), stopp.clone());
    vanta_pa_antal(&kvitterade, 30).await;

    let fore = kvitterade.lock().await.clone();
    let kopia_dir = tempfile::tempdir().unwrap();
    let aterstalld = match db {
        Db::Sqlite => {
            let fil = kopia_dir.path().join("kopia.db");
            let ut = Command::new(env!("CARGO_BIN_EXE_lots"))
                .args(["--database", &dburl, "backup", fil.to_str().unwrap()])
                .output()
                .unwrap();
            assert!(
                ut.status.success(),
                "{}",
                String::from_utf8_lossy(&ut.stderr)
            );
            // A second backup to the same file is refused rather than overwriting it.
            let igen = Command::new(env!("CARGO_BIN_EXE_lots"))
                .args(["--database", &dburl, "backup", fil.to_str().unwrap()])
                .output()
                .unwrap();
            assert!(!igen.status.success());
            format!("sqlite:{}", fil.display())
        }
        Db::Postgres => {
            let fil = kopia_dir.path().join("kopia.dump");
            let ut = Command::new("pg_dump")
                .args(["--format=custom", "--file", fil.to_str().unwrap(), &dburl])
                .output()
                .expect("pg_dump (Debian: postgresql-client)");
            assert!(
                ut.status.success(),
                "{}",
                String::from_utf8_lossy(&ut.stderr)
            );
            let (ny, _) = ny_databas(Db::Postgres).await;
            let ut = Command::new("pg_restore")
                .args(["--no-owner", "--dbname", &ny, fil.to_str().unwrap()])
                .output()
                .unwrap();
            assert!(
                ut.status.success(),
                "{}",
                String::from_utf8_lossy(&ut.stderr)
            );
            ny
        }
    };
    // Writes go on after the backup, then stop.
    vanta_pa_antal(&kvitterade, fore.len() + 10).await;
    stopp.store(true, Ordering::Relaxed);
    for t in tradar {
        let _ = t.await;
    }
    server.kill().ok();
    server.wait().ok();

    let kopia = Store::anslut(&aterstalld).await.unwrap();
    kopia.migrera().await.unwrap();
    let journal = kopia
        .personer()
        .journal_for_person(
            kopia.organisation().kommun().await.unwrap().unwrap().0,
            person.parse().unwrap(),
        )
        .await
        .unwrap();
    for text in &fore {
        assert!(
            journal.iter().any(|j| &j.text == text),
            "acknowledged before the backup, missing from it: {text}"
        );
    }
    let problem = kopia.arenden().verifiera().await.unwrap();
    assert!(problem.is_empty(), "{problem:?}");
    let (kommun, _) = kopia.organisation().kommun().await.unwrap().unwrap();
    assert!(matches!(
        kopia.granskning().verifiera_logg(kommun).await.unwrap(),
        lots_store::Loggkontroll::Hel { .. }
    ));
    // The copy serves: the case opens.
    kopia.stang().await;
    let port = ledig_port();
    let url = format!("http://127.0.0.1:{port}");
    let mut server = starta(&aterstalld, port);
    vanta_pa(&url).await;
    let k = inloggad(&url, "handlaggare").await;
    let (s, _) = k.get(&format!("/arenden/{arende}")).await;
    assert_eq!(s, 200);
    server.kill().ok();
    server.wait().ok();
    drop(dir);
}
pa_bada!(sakerhetskopia_under_skrivning);

/// SIGTERM, as systemd and container runtimes send it: the server stops taking new
/// connections, lets requests in flight finish (every one answered is stored), and
/// exits cleanly.
async fn sigterm_under_skrivning(db: Db) {
    let (dburl, _dir, mut server, url, person, arende) = server_med_arende(db).await;
    let (s, _) = Klient::ny(&url).get("/healthz/live").await;
    assert_eq!(s, 200);
    let (s, _) = Klient::ny(&url).get("/healthz/ready").await;
    assert_eq!(s, 200);
    let kvitterade: Arc<Mutex<Vec<String>>> = Arc::default();
    let stopp = Arc::new(AtomicBool::new(false));
    let tradar = skrivare(&url, &arende, kvitterade.clone(), stopp.clone());
    vanta_pa_antal(&kvitterade, 20).await;
    let pid = server.id().to_string();
    let ut = Command::new("kill").args(["-TERM", &pid]).output().unwrap();
    assert!(ut.status.success());
    let mut status = None;
    for _ in 0..400 {
        if let Some(s) = server.try_wait().unwrap() {
            status = Some(s);
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    let status = status.expect("the server exits after SIGTERM");
    assert!(status.success(), "a clean exit, not a kill: {status:?}");
    stopp.store(true, Ordering::Relaxed);
    for t in tradar {
        let _ = t.await;
    }
    let store = Store::anslut(&dburl).await.unwrap();
    let journal = store
        .personer()
        .journal_for_person(
            store.organisation().kommun().await.unwrap().unwrap().0,
            person.parse().unwrap(),
        )
        .await
        .unwrap();
    for text in kvitterade.lock().await.iter() {
        assert!(
            journal.iter().any(|j| &j.text == text),
            "answered but lost: {text}"
        );
    }
    assert!(store.arenden().verifiera().await.unwrap().is_empty());
}
pa_bada!(sigterm_under_skrivning);

/// SIGKILL while writers append. After a restart every acknowledged write is present and
/// every case's history is intact.
async fn krasch_under_skrivning(db: Db) {
    let (dburl, _dir, mut server, url, person, arende) = server_med_arende(db).await;
    let kvitterade: Arc<Mutex<Vec<String>>> = Arc::default();
    let stopp = Arc::new(AtomicBool::new(false));
    let tradar = skrivare(&url, &arende, kvitterade.clone(), stopp.clone());
    vanta_pa_antal(&kvitterade, 60).await;
    server.kill().expect("SIGKILL");
    server.wait().unwrap();
    stopp.store(true, Ordering::Relaxed);
    for t in tradar {
        let _ = t.await;
    }
    let kvitterade = kvitterade.lock().await.clone();

    // Restart: every acknowledged write is there, and every history is intact.
    let port = ledig_port();
    let url = format!("http://127.0.0.1:{port}");
    let mut server = starta(&dburl, port);
    vanta_pa(&url).await;
    let store = Store::anslut(&dburl).await.unwrap();
    let journal = store
        .personer()
        .journal_for_person(
            store.organisation().kommun().await.unwrap().unwrap().0,
            person.parse().unwrap(),
        )
        .await
        .unwrap();
    for text in &kvitterade {
        assert!(
            journal.iter().any(|j| &j.text == text),
            "acknowledged write lost: {text}"
        );
    }
    let problem = store.arenden().verifiera().await.unwrap();
    assert!(problem.is_empty(), "{problem:?}");
    let k = inloggad(&url, "handlaggare").await;
    let (s, _) = k.get(&format!("/arenden/{arende}")).await;
    assert_eq!(s, 200);
    server.kill().ok();
    server.wait().ok();
}
pa_bada!(krasch_under_skrivning);

/// `/metrics` on the operator's own listener (LOTS_METRICS_LISTEN), in Prometheus's text
/// format: requests and latencies per route template, the pool, overdue bevakningar per
/// enhet and the build. Never on the public listener, and no id or name of a person.
async fn matvarden_pa_egen_adress(db: Db) {
    let (dburl, _dir, mut server, _, person, arende) = server_med_arende(db).await;
    server.kill().ok();
    server.wait().ok();
    let (port, mport) = (ledig_port(), ledig_port());
    let url = format!("http://127.0.0.1:{port}");
    let madr = format!("127.0.0.1:{mport}");
    let mut server = starta_med(&dburl, port, &[("LOTS_METRICS_LISTEN", &madr)]);
    vanta_pa(&url).await;
    let k = inloggad(&url, "handlaggare").await;
    let (s, _) = k.get(&format!("/arenden/{arende}")).await;
    assert_eq!(s, 200);
    let (s, _) = k.get("/metrics").await;
    assert_eq!(s, 404, "not on the public listener");
    let r = reqwest::get(format!("http://{madr}/metrics"))
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let text = r.text().await.unwrap();
    for namn in [
        "lots_http_requests_total{method=\"GET\",route=\"/arenden/{id}\",status=\"200\"}",
        "lots_http_request_duration_seconds_bucket{",
        "lots_db_pool_connections ",
        "lots_db_pool_idle_connections ",
        // The application of 2 March waits for a decision: FL 11 § prompted since July.
        "lots_bevakningar_overdue{enhet=\"Vuxenenheten missbruk\"} 1",
        "lots_build_info{version=",
        // The read audit's group commit: the case page's read was one of its requests.
        "lots_audit_group_commits_total ",
        "lots_audit_group_requests_total ",
        "lots_audit_group_records_total ",
        "lots_audit_group_wait_seconds_total ",
        "lots_audit_group_write_seconds_total ",
    ] {
        assert!(text.contains(namn), "{namn} missing from:\n{text}");
    }
    assert!(
        !text.contains(&arende) && !text.contains(&person),
        "no ids in metrics"
    );
    let commits: f64 = text
        .lines()
        .find_map(|l| l.strip_prefix("lots_audit_group_commits_total "))
        .and_then(|v| v.trim().parse().ok())
        .expect("a count of group commits");
    assert!(
        commits >= 1.0,
        "the case page's read was committed in a group"
    );
    server.kill().ok();
    server.wait().ok();
}
pa_bada!(matvarden_pa_egen_adress);

/// `lots init` on an empty database sets up the kommun, the nämnd's particulars and the
/// first systemförvaltare, who activates the account with the printed link and logs in.
/// It refuses a database that already holds a kommun, and says which flag is missing.
async fn init_lagger_upp_en_kommun(db: Db) {
    let (dburl, _dir) = ny_databas(db).await;
    let lots = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_lots"))
            .args(["--database", &dburl, "init"])
            .args(args)
            .stdin(Stdio::null())
            .output()
            .unwrap()
    };
    let flaggor = [
        "--kommunkod",
        "2480",
        "--kommun",
        "Umeå kommun",
        "--namnd",
        "Individ- och familjeomsorgsnämnden",
        "--adress",
        "Box 1|901 84 Umeå",
        "--telefon",
        "090-16 10 00",
        "--forvaltningsratt",
        "Förvaltningsrätten i Umeå",
        "--enhet",
        "Socialtjänstens stab",
        "--anvandarnamn",
        "ada.admin",
        "--namn",
        "Ada Admin",
    ];
    // Without a terminal, a missing value is named, and nothing is created.
    let ut = lots(&flaggor[..flaggor.len() - 2]);
    assert!(!ut.status.success());
    assert!(String::from_utf8_lossy(&ut.stderr).contains("--namn"));
    let ut = lots(&flaggor);
    assert!(
        ut.status.success(),
        "{}",
        String::from_utf8_lossy(&ut.stderr)
    );
    let text = String::from_utf8_lossy(&ut.stdout).into_owned();
    let start = text
        .find("/aktivera/")
        .expect("the activation link is printed");
    let lank: String = text[start..]
        .chars()
        .take_while(|c| !c.is_whitespace())
        .collect();
    // A second init is refused.
    let ut = lots(&flaggor);
    assert!(!ut.status.success());
    assert!(String::from_utf8_lossy(&ut.stderr).contains("redan en kommun"));

    let store = Store::anslut(&dburl).await.unwrap();
    let (kommun, namn) = store.organisation().kommun().await.unwrap().unwrap();
    assert_eq!(namn, "Umeå kommun");
    let u = store
        .organisation()
        .namnduppgifter(kommun)
        .await
        .unwrap()
        .expect("the particulars");
    assert!(
        u.uppgifter.saknas().is_empty(),
        "{:?}",
        u.uppgifter.saknas()
    );
    let admin = store
        .organisation()
        .anvandare_med_namn(kommun, "ada.admin")
        .await
        .unwrap()
        .unwrap();
    assert!(
        admin.losenord.is_empty(),
        "no password until the link is used"
    );
    store.stang().await;

    let port = ledig_port();
    let url = format!("http://127.0.0.1:{port}");
    let mut server = starta(&dburl, port);
    vanta_pa(&url).await;
    let k = Klient::ny(&url);
    // No password works before activation.
    let (s, _, _) = k.logga_in("ada.admin", "").await;
    assert_ne!(s, 303);
    let (s, _) = k.get(&lank).await;
    assert_eq!(s, 200);
    let losenord = "ada väljer ett eget långt lösenord";
    let (s, _, _) = k
        .post_utan_csrf(&lank, &[("nytt", losenord), ("nytt_igen", losenord)])
        .await;
    assert_eq!(s, 303);
    let k = Klient::ny(&url);
    let (s, _, _) = k.logga_in("ada.admin", losenord).await;
    assert_eq!(s, 303, "the systemförvaltare logs in");
    let (s, sida) = k.get("/admin/anvandare").await;
    assert_eq!(s, 200);
    assert!(sida.contains("Ada Admin"));
    server.kill().ok();
    server.wait().ok();
}
pa_bada!(init_lagger_upp_en_kommun);
