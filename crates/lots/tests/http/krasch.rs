//! Crash test: SIGKILL the server while it accepts writes. After a restart every
//! acknowledged write is present and every case's history is intact.

use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use crate::hjalp::*;
use crate::pa_bada;
use lots_store::Store;
use tokio::sync::Mutex;

fn starta(dburl: &str, port: u16) -> Child {
    Command::new(env!("CARGO_BIN_EXE_lots"))
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
    let k = Klient::ny(url);
    for _ in 0..300 {
        if let Ok(r) = reqwest::get(format!("{url}/healthz")).await
            && r.status() == 200
        {
            let _ = k;
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

async fn krasch_under_skrivning(db: Db) {
    let (dburl, _dir) = ny_databas(db).await;
    let store = Store::anslut(&dburl).await.unwrap();
    store.migrera().await.unwrap();
    let org = skapa_org(&store).await;
    store.db.close().await;

    let port = ledig_port();
    let url = format!("http://127.0.0.1:{port}");
    let mut server = starta(&dburl, port);
    vanta_pa(&url).await;
    let app_url = url.clone();
    let logga_in = |anv: &'static str| {
        let url = app_url.clone();
        async move {
            let k = Klient::ny(&url);
            let (s, _, _) = k.logga_in(anv, LOSENORD).await;
            assert_eq!(s, 303);
            let mut k = k;
            let (_, sida) = k.get("/personer/sok").await;
            k.csrf = csrf_i(&sida).unwrap();
            k
        }
    };
    let k = logga_in("handlaggare").await;
    let p = registrera_person(&k, "19640823-3234", "Anna", "Ek").await;
    let enhet = org.missbruk.to_string();
    let mut arenden = vec![];
    for _ in 0..3 {
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
        arenden.push(plats.unwrap().trim_start_matches("/arenden/").to_owned());
    }

    // Four writers append journal entries until the server dies.
    let kvitterade: Arc<Mutex<Vec<String>>> = Arc::default();
    let stopp = Arc::new(AtomicBool::new(false));
    let mut skrivare = vec![];
    for w in 0..4 {
        let k = logga_in("handlaggare").await;
        let kvitterade = kvitterade.clone();
        let stopp = stopp.clone();
        let arende = arenden[w % arenden.len()].clone();
        skrivare.push(tokio::spawn(async move {
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
        }));
    }
    // Let writes flow, then kill without warning.
    for _ in 0..200 {
        if kvitterade.lock().await.len() >= 60 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    server.kill().expect("SIGKILL");
    server.wait().unwrap();
    stopp.store(true, Ordering::Relaxed);
    for s in skrivare {
        let _ = s.await;
    }
    let kvitterade = kvitterade.lock().await.clone();
    assert!(
        kvitterade.len() >= 10,
        "writes were acknowledged before the kill ({})",
        kvitterade.len()
    );

    // Restart: every acknowledged write is there, and every history is intact.
    let mut server = starta(&dburl, port);
    vanta_pa(&url).await;
    let store = Store::anslut(&dburl).await.unwrap();
    let journal = store.journal_for_person(p.parse().unwrap()).await.unwrap();
    for text in &kvitterade {
        assert!(
            journal.iter().any(|j| &j.text == text),
            "acknowledged write lost: {text}"
        );
    }
    let problem = store.verifiera().await.unwrap();
    assert!(problem.is_empty(), "{problem:?}");
    let k = logga_in("handlaggare").await;
    let (s, _) = k.get(&format!("/arenden/{}", arenden[0])).await;
    assert_eq!(s, 200);
    server.kill().ok();
    server.wait().ok();
}
pa_bada!(krasch_under_skrivning);
