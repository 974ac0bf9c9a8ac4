//! The public calendar API (issue 3, item 3): no login, JSON, errors name the parameter.

use crate::hjalp::*;
use serde_json::Value;

async fn json(k: &Klient, sokvag: &str) -> (u16, Value) {
    let (s, body) = k.get(sokvag).await;
    (s, serde_json::from_str(&body).unwrap_or(Value::Null))
}

#[tokio::test]
async fn kalender_och_frister() {
    let app = TestApp::ny(Db::Sqlite).await;
    let k = Klient::ny(&app.url);
    let (s, v) = json(&k, "/api/v1/kalender/2026").await;
    assert_eq!(s, 200);
    let helg: Vec<(String, String)> = v["helgdagar"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            (
                h["datum"].as_str().unwrap().into(),
                h["namn"].as_str().unwrap().into(),
            )
        })
        .collect();
    assert!(helg.contains(&("2026-04-03".into(), "Långfredagen".into())));
    assert!(helg.contains(&("2026-06-20".into(), "Midsommardagen".into())));
    let aftnar: Vec<&str> = v["ej_vardagar"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["datum"].as_str().unwrap())
        .collect();
    assert_eq!(aftnar, ["2026-06-19", "2026-12-24", "2026-12-31"]);

    // Förenklad delgivning: control message next working day, served two weeks after sending.
    let (_, v) = json(&k, "/api/v1/frister/delgivning?skickat=2026-05-04").await;
    assert_eq!(
        (v["kontrollmeddelande"].as_str(), v["delgiven"].as_str()),
        (Some("2026-05-05"), Some("2026-05-18"))
    );
    // FL 44 §: three weeks from service, moved off a Saturday.
    let (_, v) = json(&k, "/api/v1/frister/overklagande?delgiven=2026-05-16").await;
    assert_eq!(v["sista_dag"].as_str(), Some("2026-06-08"));
    let (_, v) = json(
        &k,
        "/api/v1/frister/overklagande?skickat=2026-05-04&delgivning=forenklad",
    )
    .await;
    assert_eq!(
        (v["delgiven"].as_str(), v["sista_dag"].as_str()),
        (Some("2026-05-18"), Some("2026-06-08"))
    );
    let (_, v) = json(
        &k,
        "/api/v1/frister/rattidsprovning?delgiven=2026-05-18&inkom=2026-06-09",
    )
    .await;
    assert_eq!(
        (v["i_tid"].as_bool(), v["sista_dag"].as_str()),
        (Some(false), Some("2026-06-08"))
    );
    // SoL 34 kap. 1 §, counted by lag (1930:173) 1 §: 30 November + 3 months = end of February.
    let (_, v) = json(&k, "/api/v1/frister/verkstallighet?beslut=2026-11-30").await;
    assert_eq!(v["tre_manader"].as_str(), Some("2027-02-28"));

    for (sokvag, parameter) in [
        ("/api/v1/kalender/tjugo", "år"),
        ("/api/v1/kalender/1899", "år"),
        ("/api/v1/frister/delgivning?skickat=2026-02-30", "skickat"),
        ("/api/v1/frister/delgivning", "skickat"),
        ("/api/v1/frister/overklagande?delgiven=igår", "delgiven"),
        (
            "/api/v1/frister/overklagande?skickat=2026-05-04",
            "delgivning",
        ),
        (
            "/api/v1/frister/rattidsprovning?delgiven=2026-05-18&inkom=2026-13-01",
            "inkom",
        ),
        ("/api/v1/frister/verkstallighet?beslut=", "beslut"),
    ] {
        let (s, v) = json(&k, sokvag).await;
        assert_eq!(s, 400, "{sokvag}");
        assert_eq!(v["parameter"].as_str(), Some(parameter), "{sokvag}");
        assert!(v["fel"].as_str().is_some_and(|t| !t.is_empty()));
    }
    let (s, v) = json(&k, "/api/v1/openapi.json").await;
    assert_eq!(s, 200);
    assert_eq!(v["openapi"].as_str(), Some("3.0.3"));
    for p in [
        "/api/v1/kalender/{år}",
        "/api/v1/frister/delgivning",
        "/api/v1/frister/overklagande",
        "/api/v1/frister/rattidsprovning",
        "/api/v1/frister/verkstallighet",
    ] {
        assert!(v["paths"][p].is_object(), "{p} described");
    }
}
