//! `lots bench`: starts the server on a generated database (`lots demo --scale`)
//! as a child process and drives it with simulated staff from a small tokio
//! client in this process. Prints per-operation throughput and latency, the
//! server's peak memory and CPU, and ratios measured in the same run so that a
//! noisy machine cancels out (issue 6, BENCHMARKS.md).
//!
//! The server is a separate process so that its memory and CPU are its own.
//! The load generator shares the machine's cores with it; BENCHMARKS.md says so.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::process::Stdio;
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{Context, anyhow, bail};
use lots_domain::arende::{Arende, Status};
use lots_domain::ids::{ArendeId, KommunId};
use lots_domain::insats::{InsatsTyp, Utfall};
use lots_domain::organisation::Roll;
use lots_domain::tid::svensk_dag;
use lots_store::Store;
use rand::rngs::StdRng;
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use time::OffsetDateTime;
use tokio::process::{Child, Command};
use tokio::sync::Mutex;

use crate::demo::skala::LOSENORD_SKALA;

/// What `lots bench` was asked to do.
#[derive(Debug, Clone)]
pub struct Installning {
    pub databas: String,
    pub anvandare: usize,
    pub sekunder: u64,
    /// Mean pause between one simulated user's requests in the phase that measures
    /// latency at a working day's pace. The other phases have none: they measure what the
    /// server can take.
    pub tanketid: Duration,
}

/// A journal entry of a realistic length (about 450 bytes), written by the bench.
const JOURNALTEXT: &str = "Telefonsamtal med den enskilde inför nästa möte. Hen berättar att veckan har varit \
     lugnare och att kontakten med öppenvården fungerar. Vi gick igenom vad som ska tas upp vid uppföljningen \
     och hen vill att behandlaren deltar. Hen informerades om att hen kan ta del av sin akt. Nästa kontakt \
     bokad om två veckor. (Skriven av lots bench.)";

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Op {
    Startsida,
    Arendesida,
    Personsok,
    Journal,
    Beslut,
    /// A month of försörjningsstöd: the calculation from the household's application,
    /// then the decision (two steps, measured together).
    Forsorjningsstod,
    /// A receptionist registers a visit to a minimal-mode öppen insats through the desk's
    /// form: legal sex, age band and district, one submit (issue 17).
    Mottagningsbesok,
    Healthz,
}

impl Op {
    fn namn(self) -> &'static str {
        match self {
            Op::Startsida => "startsida",
            Op::Arendesida => "ärendesida",
            Op::Personsok => "personsök",
            Op::Journal => "journalanteckning",
            Op::Beslut => "beslut",
            Op::Forsorjningsstod => "försörjningsstöd",
            Op::Mottagningsbesok => "mottagningsbesök",
            Op::Healthz => "healthz",
        }
    }
}

/// One simulated member of staff: a logged-in client and the cases they work on.
struct Personal {
    klient: reqwest::Client,
    csrf: String,
    arenden: Vec<ArendeId>,
    oppna: Vec<ArendeId>,
    /// Cases waiting for a decision this person may take: used up one by one.
    beslut: Mutex<Vec<Beslutsfall>>,
    /// Försörjningsstöd cases whose month is applied for and waits to be calculated and
    /// decided: used up one by one.
    manader: Mutex<Vec<Manadsfall>>,
    /// Half of them, kept for the phase that measures the month alone.
    manader_ensam: Mutex<Vec<Manadsfall>>,
    /// A receptionist's session at the desk beside the handläggare's, when the database
    /// has a reception (issue 17): the mixed load registers a visit now and then, and a
    /// phase of its own only visits.
    disk: Option<Disk>,
}

/// A logged-in receptionist and the minimal-mode entry they register visits to.
struct Disk {
    klient: reqwest::Client,
    csrf: String,
    insats: String,
    /// Valid (sex, age band, district) answers for the entry, as the desk's form sends them.
    svar: Vec<[String; 3]>,
}

/// The read audit's group commits, as counted by the server since it started.
#[derive(Debug, Clone, Copy)]
struct Gruppcommit {
    grupper: f64,
    begaran: f64,
    poster: f64,
    /// Seconds requests waited for their audit rows to be durable, summed.
    vantan: f64,
    /// Seconds the group commits took, from the first statement to the commit, summed.
    skrivning: f64,
}

impl Gruppcommit {
    /// What happened between two readings, as a line of the report.
    fn sedan(self, fore: Gruppcommit) -> String {
        let g = (self.grupper - fore.grupper).max(1.0);
        let b = self.begaran - fore.begaran;
        format!(
            "läsgranskningens gruppcommit under blandad last: {:.0} commit, {:.1} begäranden och {:.1} poster per commit, {:.1} ms skrivning i medel per commit, {:.1} ms väntan i medel per begäran",
            self.grupper - fore.grupper,
            b / g,
            (self.poster - fore.poster) / g,
            (self.skrivning - fore.skrivning) / g * 1000.0,
            (self.vantan - fore.vantan) / b.max(1.0) * 1000.0
        )
    }
}

/// Latencies of one phase, per operation.
#[derive(Default)]
struct Matning {
    lat: BTreeMap<Op, Vec<Duration>>,
    fel: BTreeMap<Op, usize>,
    tid: Duration,
}

impl Matning {
    fn per_sekund(&self, op: Op) -> f64 {
        self.lat.get(&op).map_or(0.0, |v| v.len() as f64) / self.tid.as_secs_f64().max(1e-9)
    }
}

fn percentil(v: &mut [Duration], p: f64) -> f64 {
    if v.is_empty() {
        return f64::NAN;
    }
    v.sort_unstable();
    let i = ((v.len() as f64 - 1.0) * p).round() as usize;
    v[i.min(v.len() - 1)].as_secs_f64() * 1000.0
}

/// The server under test, with its process id for /proc.
struct Server {
    barn: Child,
    pid: u32,
    bas: String,
    /// The server's own `/metrics` listener, for the read audit's group commits.
    matvarden: String,
}

impl Server {
    async fn starta(databas: &str, utan_lasgranskning: bool) -> anyhow::Result<Self> {
        // A free port: bind, read it, release it for the child.
        let lyssnare = std::net::TcpListener::bind("127.0.0.1:0")?;
        let addr: SocketAddr = lyssnare.local_addr()?;
        let lyssnare_m = std::net::TcpListener::bind("127.0.0.1:0")?;
        let maddr: SocketAddr = lyssnare_m.local_addr()?;
        drop((lyssnare, lyssnare_m));
        let mut cmd = Command::new(std::env::current_exe()?);
        cmd.arg("--database")
            .arg(databas)
            .arg("bench-server")
            .arg("--listen")
            .arg(addr.to_string())
            .env("RUST_LOG", "warn")
            .env("LOTS_METRICS_LISTEN", maddr.to_string())
            // The simulated staff log in with a password only.
            .env("LOTS_TOTP", "frivillig")
            // Every simulated user logs in from this one address, a receptionist and a
            // handläggare each, and the server is started once per phase while the
            // attempts are counted in the database: at 32 users that passes the default
            // 60 a minute per address, and the bench stopped at 429 before measuring.
            .env("LOTS_FORSOK_PER_MINUT_IP", "100000")
            // At saturation a simulated user searches far more often than the 30 a
            // minute a person may (a guard against listing the population): left at
            // that, the limit refused most searches, cheaply, and a faster build looked
            // faster still because its users spent less time on searches.
            .env("LOTS_SOKNINGAR_PER_MINUT", "100000")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .kill_on_drop(true);
        if utan_lasgranskning {
            cmd.arg("--utan-lasgranskning");
        }
        let barn = cmd.spawn().context("kunde inte starta servern")?;
        let pid = barn.id().context("servern har ingen process")?;
        let bas = format!("http://{addr}");
        let klient = reqwest::Client::new();
        let borjan = Instant::now();
        loop {
            if let Ok(r) = klient.get(format!("{bas}/healthz")).send().await
                && r.status().is_success()
            {
                break;
            }
            if borjan.elapsed() > Duration::from_secs(60) {
                bail!("servern svarade inte inom en minut");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        Ok(Self {
            barn,
            pid,
            bas,
            matvarden: format!("http://{maddr}/metrics"),
        })
    }

    /// The read audit's group-commit counters (`lots_audit_group_*`) as the server exports them.
    async fn gruppcommit(&self) -> anyhow::Result<Gruppcommit> {
        let text = reqwest::get(&self.matvarden).await?.text().await?;
        let varde = |namn: &str| {
            text.lines()
                .filter(|l| !l.starts_with('#'))
                .find_map(|l| {
                    let (n, v) = l.split_once(' ')?;
                    (n == namn || n.strip_suffix("_total") == Some(namn))
                        .then(|| v.trim().parse::<f64>().ok())
                        .flatten()
                })
                .ok_or_else(|| anyhow!("{namn} saknas bland serverns mätvärden"))
        };
        Ok(Gruppcommit {
            grupper: varde("lots_audit_group_commits")?,
            begaran: varde("lots_audit_group_requests")?,
            poster: varde("lots_audit_group_records")?,
            vantan: varde("lots_audit_group_wait_seconds")?,
            skrivning: varde("lots_audit_group_write_seconds")?,
        })
    }

    /// (peak resident memory in MiB, CPU seconds used so far).
    fn resurser(&self) -> anyhow::Result<(f64, f64)> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.pid))?;
        let hwm_kb: f64 = status
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.split_whitespace().next())
            .and_then(|v| v.parse().ok())
            .ok_or_else(|| anyhow!("VmHWM saknas i /proc"))?;
        let stat = std::fs::read_to_string(format!("/proc/{}/stat", self.pid))?;
        // Fields after the command name, which is in parentheses and may hold spaces.
        let efter = stat
            .rsplit_once(')')
            .map(|(_, e)| e)
            .ok_or_else(|| anyhow!("/proc/stat går inte att läsa"))?;
        let f: Vec<&str> = efter.split_whitespace().collect();
        let tick = 100.0; // USER_HZ on Linux
        let utime: f64 = f.get(11).and_then(|x| x.parse().ok()).unwrap_or(0.0);
        let stime: f64 = f.get(12).and_then(|x| x.parse().ok()).unwrap_or(0.0);
        Ok((hwm_kb / 1024.0, (utime + stime) / tick))
    }

    async fn stoppa(mut self) -> anyhow::Result<()> {
        self.barn.start_kill()?;
        self.barn.wait().await?;
        Ok(())
    }
}

fn csrf_ur(html: &str) -> Option<String> {
    let i = html.find("name=\"_csrf\" value=\"")? + "name=\"_csrf\" value=\"".len();
    let slut = html[i..].find('"')?;
    Some(html[i..i + slut].to_owned())
}

async fn logga_in(bas: &str, anvandarnamn: &str) -> anyhow::Result<(reqwest::Client, String)> {
    logga_in_till(bas, anvandarnamn, "/").await
}

/// Logs in and reads the session's CSRF token from `hem`, the first page the user works
/// on (a receptionist's start page sends them on; the desk has the token).
async fn logga_in_till(
    bas: &str,
    anvandarnamn: &str,
    hem: &str,
) -> anyhow::Result<(reqwest::Client, String)> {
    let klient = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .pool_max_idle_per_host(4)
        .build()?;
    // The login form's token comes with the page (login CSRF), as in a browser.
    let sida = klient
        .get(format!("{bas}/logga-in"))
        .send()
        .await?
        .text()
        .await?;
    let token = csrf_ur(&sida).ok_or_else(|| anyhow!("inloggningssidan saknar CSRF-token"))?;
    let r = klient
        .post(format!("{bas}/logga-in"))
        .form(&[
            ("anvandarnamn", anvandarnamn),
            ("losenord", LOSENORD_SKALA),
            ("_csrf", token.as_str()),
        ])
        .send()
        .await?;
    if !r.status().is_redirection() {
        bail!("{anvandarnamn} kunde inte logga in: {}", r.status());
    }
    let html = klient
        .get(format!("{bas}{hem}"))
        .send()
        .await?
        .text()
        .await?;
    let csrf = csrf_ur(&html).ok_or_else(|| anyhow!("{hem} saknar CSRF-token"))?;
    Ok((klient, csrf))
}

/// A decision form's codes for a case waiting for one: (case, insats, lagrum, utfall).
type Beslutsfall = (ArendeId, String, String, String);

/// A försörjningsstöd case waiting for its month: the calculation form's fields (from the
/// household's application) and the decision form's.
#[derive(Clone)]
struct Manadsfall {
    arende: ArendeId,
    berakning: Vec<(String, String)>,
    beslut: Vec<(String, String)>,
}

/// One handläggare to simulate: user name, their cases, the open ones, decisions to take,
/// months to calculate and decide.
#[derive(Clone)]
struct Handlaggare {
    namn: String,
    arenden: Vec<ArendeId>,
    oppna: Vec<ArendeId>,
    beslut: Vec<Beslutsfall>,
    manader: Vec<Manadsfall>,
}

/// The staff and cases to simulate, read from the generated database.
struct Underlag {
    kommun: KommunId,
    handlaggare: Vec<Handlaggare>,
    sokningar: Vec<String>,
    arbetsledare: String,
    /// The receptionists (user names) and the minimal-mode entry they register visits to,
    /// with the answers its conditions accept; empty without a reception.
    mottagning: Vec<String>,
    mottagningsinsats: Option<(String, Vec<[String; 3]>)>,
}

/// The reception of a generated database: a minimal-mode entry in force and the
/// utförare of the units that provide it, with the (sex, age band, district) answers the
/// entry's conditions accept today (`OppenInsats::ta_emot`, as the desk checks).
async fn las_mottagning(
    store: &Store,
    kommun: KommunId,
    alla: &[lots_store::Anvandare],
    idag: time::Date,
) -> anyhow::Result<(Vec<String>, Option<(String, Vec<[String; 3]>)>)> {
    use lots_domain::oppen_insats::{Aldersgrupp, Besok, Integritet, Kon};
    for r in store.organisation().oppna_insatser(kommun).await? {
        let x = &r.insats;
        if x.integritet != Integritet::Minimal || !x.galler(idag) {
            continue;
        }
        let mut svar = vec![];
        for kon in Kon::ALLA {
            for band in Aldersgrupp::ALLA {
                for sd in &x.stadsdelar {
                    let b = Besok::Minimal {
                        kon,
                        aldersgrupp: band,
                        stadsdel: sd.clone(),
                    };
                    if x.ta_emot(idag, &b).is_ok() {
                        svar.push([kon.kod().to_owned(), band.kod().to_owned(), sd.clone()]);
                    }
                }
            }
        }
        let konton: Vec<String> = alla
            .iter()
            .filter(|a| a.roll == Roll::Utforare && a.aktiv && x.utforare.contains(&a.enhet))
            .map(|a| a.anvandarnamn.clone())
            .collect();
        if !svar.is_empty() && !konton.is_empty() {
            return Ok((konton, Some((r.id.to_string(), svar))));
        }
    }
    Ok((vec![], None))
}

async fn las_underlag(store: &Store, n: usize) -> anyhow::Result<Underlag> {
    let (kommun, _) = store
        .organisation()
        .kommun()
        .await?
        .context("databasen har ingen kommun: kör `lots demo --scale` först")?;
    let alla = store.organisation().alla_anvandare(kommun).await?;
    let enheter = store.organisation().enheter(kommun).await?;
    let utforande: Vec<_> = enheter
        .iter()
        .filter(|e| e.utforare)
        .map(|e| e.id)
        .collect();
    let hl: Vec<_> = alla
        .iter()
        .filter(|a| a.roll == Roll::Handlaggare && !utforande.contains(&a.enhet))
        .collect();
    if hl.is_empty() {
        bail!("databasen har inga handläggare");
    }
    let arbetsledare = alla
        .iter()
        .find(|a| a.roll == Roll::Arbetsledare && !utforande.contains(&a.enhet))
        .map(|a| a.anvandarnamn.clone())
        .context("databasen har ingen arbetsledare")?;
    let idag = svensk_dag(OffsetDateTime::now_utc());
    let mut handlaggare = vec![];
    for a in hl.iter().take(n) {
        let mut arenden = vec![];
        let mut oppna = vec![];
        let mut beslut = vec![];
        let mut manader = vec![];
        for (id, arende) in store
            .arenden()
            .handlaggarens_arenden_med_tillstand(kommun, a.id)
            .await?
        {
            arenden.push(id);
            let status = arende.status();
            if status != Status::Avslutat {
                oppna.push(id);
            }
            if status == Status::BeslutVantar {
                if let Some(m) = manadsformular(id, &arende, idag) {
                    manader.push(m);
                } else if let Some(b) = beslutsformular(&arende) {
                    beslut.push((id, b.0, b.1, b.2));
                }
            }
        }
        handlaggare.push(Handlaggare {
            namn: a.anvandarnamn.clone(),
            arenden,
            oppna,
            beslut,
            manader,
        });
    }
    let sokningar = store
        .personer()
        .urval(kommun, 2000)
        .await?
        .iter()
        .enumerate()
        // Half by personnummer, half by name, as staff search.
        .map(|(i, p)| {
            if i % 2 == 0 {
                p.identitet.varde().to_owned()
            } else {
                p.namn()
            }
        })
        .collect();
    let (mottagning, mottagningsinsats) = las_mottagning(store, kommun, &alla, idag).await?;
    Ok(Underlag {
        kommun,
        handlaggare,
        sokningar,
        arbetsledare,
        mottagning,
        mottagningsinsats,
    })
}

/// The decision a handläggare may take on a case waiting for one: (insats, lagrum,
/// utfall) codes, or `None` for heldygnsvård, which only an arbetsledare decides.
fn beslutsformular(a: &Arende) -> Option<(String, String, String)> {
    let insats = a.obeslutade_insatser().first().copied()?;
    // Heldygnsvård is the arbetsledare's; försörjningsstöd is decided from the month's
    // calculation (`manadsformular`).
    if insats.heldygnsvard() || insats == InsatsTyp::Forsorjningsstod {
        return None;
    }
    Some((
        insats.kod().to_owned(),
        insats.lagrum().kod().to_owned(),
        Utfall::Bifall.kod().to_owned(),
    ))
}

/// A value's code as the forms write it (its serde name).
fn kod<T: serde::Serialize>(x: T) -> String {
    serde_json::to_value(x)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// The month a försörjningsstöd case waits for, as the handläggare fills it in: the household's
/// application approved as applied for, deposits not counted (with the reason), and a
/// granted decision for the month. `None` for a case without a pending application, a month
/// of a year Lots has no riksnorm for, or one the calculation would not grant in full (a
/// refusal must be communicated first, which the bench does not simulate).
fn manadsformular(id: ArendeId, a: &Arende, idag: time::Date) -> Option<Manadsfall> {
    use lots_domain::forsorjningsstod::berakning::{
        self, InsattningsBeslut, Post, Rad, Underlag, Utfall as Radutfall,
    };
    use lots_domain::forsorjningsstod::hinder::Forsorjningshinder;
    use lots_domain::forsorjningsstod::riksnorm::{NormHushall, Riksnorm, Vuxna};
    if a.obeslutade_insatser().first() != Some(&InsatsTyp::Forsorjningsstod) {
        return None;
    }
    let ansokan = a.vantande_manadsansokan()?;
    let manad = ansokan.manad;
    let (vuxna, hinder) = match &ansokan.medsokande {
        Some(_) => (
            Vuxna::Sambo,
            vec![
                Forsorjningshinder::ArbetslosUtanErsattning,
                Forsorjningshinder::ArbetarOtillrackligInkomst,
            ],
        ),
        None => (
            Vuxna::Ensam,
            vec![Forsorjningshinder::ArbetslosUtanErsattning],
        ),
    };
    let skal = "Den enskilde har förklarat insättningen; den räknas inte som inkomst. (lots bench)";
    // The same calculation the server will make, to take only months granted in full.
    let underlag = Underlag {
        manad,
        hushall: NormHushall {
            vuxna,
            barn: vec![],
            medboende: 0,
        },
        reducerad_norm: None,
        rader: ansokan
            .kostnader
            .iter()
            .map(|(k, b)| Rad {
                post: Post::Kostnad(*k),
                beskrivning: String::new(),
                ansokt: *b,
                godkant: *b,
                skal: String::new(),
            })
            .collect(),
        inkomster: ansokan.inkomster.clone(),
        insattningar: ansokan
            .insattningar
            .iter()
            .map(|i| berakning::Insattning {
                beslut: Some(InsattningsBeslut {
                    raknas_som_inkomst: false,
                    skal: skal.into(),
                }),
                ..i.clone()
            })
            .collect(),
        tillgangar: vec![],
        annan_kommun: vec![],
        hyrestak: None,
        forsorjningshinder: hinder.clone(),
        medsokande: ansokan.medsokande.clone(),
    };
    let b = berakning::berakna(&Riksnorm::inbyggda(), &underlag, &Default::default()).ok()?;
    if b.utfall() != Radutfall::Bifall
        || ansokan.insattningar.len() > 2
        || ansokan.inkomster.len() > 5
    {
        return None;
    }
    let mut f: Vec<(String, String)> = vec![
        ("datum".into(), idag.to_string()),
        ("manad".into(), manad.to_string()),
        ("vuxna".into(), kod(vuxna)),
        ("medboende".into(), "0".into()),
        ("hinder_sokande".into(), kod(hinder[0])),
    ];
    if let (Some(m), Some(h)) = (&ansokan.medsokande, hinder.get(1)) {
        f.push(("medsokande".into(), m.visning()));
        f.push(("hinder_make".into(), kod(*h)));
    }
    for (k, b) in &ansokan.kostnader {
        let falt = match k {
            berakning::Kostnadsslag::Boende => "boende",
            berakning::Kostnadsslag::Hushallsel => "el",
            berakning::Kostnadsslag::Arbetsresor => "resor",
            berakning::Kostnadsslag::Hemforsakring => "forsakring",
            berakning::Kostnadsslag::FackOchAkassa => "fack",
        };
        f.push((format!("{falt}_sokt"), b.to_string()));
        f.push((format!("{falt}_godkant"), b.to_string()));
    }
    for (i, x) in ansokan.inkomster.iter().enumerate() {
        let n = i + 1;
        f.push((format!("ink{n}_medlem"), x.medlem.clone()));
        f.push((format!("ink{n}_slag"), kod(x.slag)));
        f.push((format!("ink{n}_belopp"), x.belopp.to_string()));
    }
    for (i, x) in ansokan.insattningar.iter().enumerate() {
        let n = i + 1;
        f.push((format!("ins{n}_datum"), x.datum.to_string()));
        f.push((format!("ins{n}_belopp"), x.belopp.to_string()));
        if let Some(forklaring) = x.forklaring {
            f.push((format!("ins{n}_forklaring"), kod(forklaring)));
        }
        f.push((format!("ins{n}_text"), x.personens_text.clone()));
        f.push((format!("ins{n}_raknas"), "nej".into()));
        f.push((format!("ins{n}_skal"), skal.into()));
    }
    let forsta = manad.forsta_dagen();
    let sista = manad
        .nasta()
        .forsta_dagen()
        .previous_day()
        .unwrap_or(forsta);
    let insats = InsatsTyp::Forsorjningsstod;
    let beslut = vec![
        ("insats".into(), insats.kod().to_owned()),
        ("utfall".into(), Utfall::Bifall.kod().to_owned()),
        ("lagrum".into(), insats.lagrum().kod().to_owned()),
        (
            "mal".into(),
            "Hushållets försörjning är tryggad under månaden.".into(),
        ),
        (
            "omfattning".into(),
            format!(
                "Försörjningsstöd för {} med {} kr enligt beräkningen.",
                manad.namn(),
                b.bistand()
            ),
        ),
        ("period_fran".into(), forsta.to_string()),
        ("period_till".into(), sista.to_string()),
        (
            "motivering".into(),
            "Hushållets inkomster räcker inte till riksnormen och de skäliga kostnaderna. (lots bench)"
                .into(),
        ),
        ("datum".into(), idag.to_string()),
        ("kommunicering_obehovlig".into(), String::new()),
    ];
    Some(Manadsfall {
        arende: id,
        berakning: f,
        beslut,
    })
}

/// Posts a step's form; whether the server took it (a redirect to the case).
async fn posta(
    p: &Personal,
    bas: &str,
    arende: ArendeId,
    steg: &str,
    falt: &[(String, String)],
) -> anyhow::Result<bool> {
    let mut form: Vec<(&str, &str)> = vec![("_csrf", p.csrf.as_str())];
    form.extend(falt.iter().map(|(a, b)| (a.as_str(), b.as_str())));
    let svar = p
        .klient
        .post(format!("{bas}/arenden/{arende}/steg/{steg}"))
        .form(&form)
        .send()
        .await?;
    let status = svar.status();
    let _ = svar.bytes().await?;
    Ok(status.is_success() || status.is_redirection())
}

/// Runs one operation and returns whether the server answered as expected.
async fn gor(
    op: Op,
    bas: &str,
    p: &Personal,
    sokningar: &[String],
    rng: &mut StdRng,
) -> anyhow::Result<bool> {
    let idag = svensk_dag(OffsetDateTime::now_utc()).to_string();
    let svar = match op {
        Op::Forsorjningsstod => {
            let Some(m) = p.manader.lock().await.pop() else {
                return Ok(false);
            };
            return Ok(
                posta(p, bas, m.arende, "forsorjningsstod", &m.berakning).await?
                    && posta(p, bas, m.arende, "beslut", &m.beslut).await?,
            );
        }
        Op::Mottagningsbesok => {
            let d = p.disk.as_ref().context("ingen mottagning")?;
            let [kon, band, stadsdel] = d.svar.choose(rng).context("inga svar")?;
            d.klient
                .post(format!("{bas}/mottagning/{}", d.insats))
                .form(&[
                    ("_csrf", d.csrf.as_str()),
                    ("kon", kon.as_str()),
                    ("aldersgrupp", band.as_str()),
                    ("stadsdel", stadsdel.as_str()),
                ])
                .send()
                .await?
        }
        Op::Healthz => p.klient.get(format!("{bas}/healthz")).send().await?,
        Op::Startsida => p.klient.get(format!("{bas}/")).send().await?,
        Op::Arendesida => {
            let id = p.arenden.choose(rng).context("inga ärenden")?;
            p.klient.get(format!("{bas}/arenden/{id}")).send().await?
        }
        Op::Personsok => {
            let fraga = sokningar.choose(rng).context("inga personer")?;
            p.klient
                .post(format!("{bas}/personer/sok"))
                .form(&[("_csrf", p.csrf.as_str()), ("fraga", fraga.as_str())])
                .send()
                .await?
        }
        Op::Journal => {
            let id = p
                .oppna
                .choose(rng)
                .or_else(|| p.arenden.first())
                .context("inga ärenden")?;
            p.klient
                .post(format!("{bas}/arenden/{id}/steg/journal"))
                .form(&[
                    ("_csrf", p.csrf.as_str()),
                    ("datum", idag.as_str()),
                    ("text", JOURNALTEXT),
                ])
                .send()
                .await?
        }
        Op::Beslut => {
            let Some((id, insats, lagrum, utfall)) = p.beslut.lock().await.pop() else {
                return Ok(false);
            };
            p.klient
                .post(format!("{bas}/arenden/{id}/steg/beslut"))
                .form(&[
                    ("_csrf", p.csrf.as_str()),
                    ("insats", insats.as_str()),
                    ("utfall", utfall.as_str()),
                    ("lagrum", lagrum.as_str()),
                    ("mal", "Den enskilde har en trygg vardag och behåller sin bostad."),
                    ("omfattning", "Enligt utredningens förslag, sex månader."),
                    ("period_fran", idag.as_str()),
                    ("period_till", ""),
                    (
                        "motivering",
                        "Utredningen visar ett behov som inte kan tillgodoses på annat sätt. (lots bench)",
                    ),
                    ("datum", idag.as_str()),
                    ("kommunicering_obehovlig", ""),
                ])
                .send()
                .await?
        }
    };
    let status = svar.status();
    // Read the whole body: the page is not done until it has arrived.
    let _ = svar.bytes().await?;
    Ok(status.is_success() || status.is_redirection())
}

/// A pause drawn from an exponential distribution with the given mean: users who act
/// independently of each other arrive as a Poisson process, not in step.
fn paus(rng: &mut StdRng, medel: Duration) -> Duration {
    let u: f64 = rng.random();
    medel.mul_f64(-(1.0 - u).ln()).min(medel * 10)
}

/// Every simulated user runs `valj` operations for `tid`: back to back when `tanketid`
/// is `None` (a closed loop at saturation, where by Little's law each request's latency
/// is mostly its wait behind the other users' requests: mean latency = users ÷ throughput),
/// or with a random pause of that mean between them (a working day's pace, where the
/// latency is what one request costs).
async fn fas(
    bas: &str,
    personal: &[Arc<Personal>],
    sokningar: &Arc<Vec<String>>,
    tid: Duration,
    tanketid: Option<Duration>,
    valj: fn(&mut StdRng, Kvar) -> Option<Op>,
) -> anyhow::Result<Matning> {
    let borjan = Instant::now();
    let mut uppgifter = vec![];
    for (i, p) in personal.iter().enumerate() {
        let (p, bas, sok) = (p.clone(), bas.to_owned(), sokningar.clone());
        uppgifter.push(tokio::spawn(async move {
            let mut rng = StdRng::seed_from_u64(i as u64 + 1);
            let mut lat: Vec<(Op, Duration, bool)> = vec![];
            if let Some(medel) = tanketid {
                // Start at a random point of a pause so the users are not in step.
                tokio::time::sleep(paus(&mut rng, medel)).await;
            }
            while borjan.elapsed() < tid {
                let kvar = Kvar {
                    beslut: !p.beslut.lock().await.is_empty(),
                    manader: !p.manader.lock().await.is_empty(),
                    disk: p.disk.is_some(),
                };
                // This user has nothing left of what the phase measures.
                let Some(op) = valj(&mut rng, kvar) else {
                    break;
                };
                let t = Instant::now();
                let ok = gor(op, &bas, &p, &sok, &mut rng).await.unwrap_or(false);
                lat.push((op, t.elapsed(), ok));
                if let Some(medel) = tanketid {
                    let vila = paus(&mut rng, medel);
                    if borjan.elapsed() + vila >= tid {
                        break;
                    }
                    tokio::time::sleep(vila).await;
                }
            }
            lat
        }));
    }
    let mut m = Matning::default();
    for u in uppgifter {
        for (op, d, ok) in u.await? {
            if ok {
                m.lat.entry(op).or_default().push(d);
            } else {
                *m.fel.entry(op).or_default() += 1;
            }
        }
    }
    m.tid = borjan.elapsed();
    Ok(m)
}

/// What a simulated user still has to decide.
#[derive(Clone, Copy)]
struct Kvar {
    beslut: bool,
    manader: bool,
    /// The user has a receptionist's session (the database has a reception).
    disk: bool,
}

/// The realistic mix: mostly reading, some writing, now and then a decision: half of them a
/// month of försörjningsstöd (calculated and decided), the largest flow of decisions.
fn blandning(rng: &mut StdRng, kvar: Kvar) -> Option<Op> {
    // One operation in 40 is a visit registered at the reception desk (issue 17).
    if kvar.disk && rng.random_ratio(1, 40) {
        return Some(Op::Mottagningsbesok);
    }
    let x = rng.random_range(0..100);
    Some(match x {
        0..25 => Op::Startsida,
        25..60 => Op::Arendesida,
        60..80 => Op::Personsok,
        80..95 => Op::Journal,
        _ if kvar.manader && (!kvar.beslut || rng.random_bool(0.5)) => Op::Forsorjningsstod,
        _ if kvar.beslut => Op::Beslut,
        _ => Op::Journal,
    })
}

async fn logga_in_alla(bas: &str, u: &Underlag) -> anyhow::Result<Vec<Arc<Personal>>> {
    let mut personal = vec![];
    for (k, h) in u.handlaggare.iter().enumerate() {
        // The receptionists in turn, one session per simulated user.
        let disk = match (
            &u.mottagningsinsats,
            u.mottagning.get(k % u.mottagning.len().max(1)),
        ) {
            (Some((insats, svar)), Some(namn)) => {
                let (klient, csrf) = logga_in_till(bas, namn, "/mottagning").await?;
                Some(Disk {
                    klient,
                    csrf,
                    insats: insats.clone(),
                    svar: svar.clone(),
                })
            }
            _ => None,
        };
        let (klient, csrf) = logga_in(bas, &h.namn).await?;
        personal.push(Arc::new(Personal {
            klient,
            csrf,
            arenden: h.arenden.clone(),
            oppna: h.oppna.clone(),
            beslut: Mutex::new(h.beslut.clone()),
            manader: Mutex::new(h.manader[..h.manader.len() / 2].to_vec()),
            manader_ensam: Mutex::new(h.manader[h.manader.len() / 2..].to_vec()),
            disk,
        }));
    }
    Ok(personal)
}

pub async fn kor(store: &Store, inst: &Installning) -> anyhow::Result<String> {
    let n = inst.anvandare.max(1);
    let fas_tid = Duration::from_secs(inst.sekunder.max(1));
    let halv = Duration::from_secs((inst.sekunder / 2).max(1));
    let mut u = las_underlag(store, n).await?;
    // Fewer handläggare than users: the same accounts log in more than once.
    let m = u.handlaggare.len();
    for i in m..n {
        let x = u.handlaggare[i % m].clone();
        u.handlaggare.push(Handlaggare {
            beslut: vec![],
            manader: vec![],
            ..x
        });
    }
    let (arenden, handelser) = store.arenden().antal_arenden_och_handelser().await?;
    let personer = store.personer().antal_personer(u.kommun).await?;
    let sokningar = Arc::new(std::mem::take(&mut u.sokningar));
    let installningar = store.databasinstallningar().await?;

    eprintln!("Startar servern …");
    let server = Server::starta(&inst.databas, false).await?;
    let (_, cpu_start) = server.resurser()?;
    let personal = logga_in_alla(&server.bas, &u).await?;
    eprintln!(
        "{} simulerade handläggare inloggade; blandad last i {} s …",
        personal.len(),
        fas_tid.as_secs()
    );
    eprintln!(
        "Arbetstakt: {} s med i medel {} ms paus mellan en användares begäranden …",
        fas_tid.as_secs(),
        inst.tanketid.as_millis()
    );
    let takt = fas(
        &server.bas,
        &personal,
        &sokningar,
        fas_tid,
        Some(inst.tanketid),
        blandning,
    )
    .await?;
    eprintln!(
        "Blandad last utan paus (mättnad) i {} s …",
        fas_tid.as_secs()
    );
    let (_, cpu0) = server.resurser()?;
    let grupp0 = server.gruppcommit().await?;
    let mix = fas(&server.bas, &personal, &sokningar, fas_tid, None, blandning).await?;
    let (_, cpu1) = server.resurser()?;
    let grupper = server.gruppcommit().await?.sedan(grupp0);
    let cpu_mix = (cpu1 - cpu0) / mix.tid.as_secs_f64();

    eprintln!("Kvot (a): healthz och ärendesida var för sig …");
    let h = fas(&server.bas, &personal, &sokningar, halv, None, |_, _| {
        Some(Op::Healthz)
    })
    .await?;
    let a_pa = fas(&server.bas, &personal, &sokningar, halv, None, |_, _| {
        Some(Op::Arendesida)
    })
    .await?;
    eprintln!("Kvot (b): journalanteckningar genom Lots och rå INSERT …");
    let j = fas(&server.bas, &personal, &sokningar, halv, None, |_, _| {
        Some(Op::Journal)
    })
    .await?;
    let raa = store.radinsert_per_sekund(n, halv, JOURNALTEXT).await?;
    eprintln!("Försörjningsstöd: månader beräknade och beslutade var för sig …");
    for p in &personal {
        let reserv = std::mem::take(&mut *p.manader_ensam.lock().await);
        *p.manader.lock().await = reserv;
    }
    let fs = fas(&server.bas, &personal, &sokningar, halv, None, |_, kvar| {
        kvar.manader.then_some(Op::Forsorjningsstod)
    })
    .await?;

    eprintln!("Mottagningen: besök registrerade vid disken var för sig …");
    let mb = fas(&server.bas, &personal, &sokningar, halv, None, |_, kvar| {
        kvar.disk.then_some(Op::Mottagningsbesok)
    })
    .await?;

    eprintln!("Rapporterna: IVO, kvartalsstatistiken och delegationsbesluten …");
    let (al, _) = logga_in(&server.bas, &u.arbetsledare).await?;
    let (minne_fore_ivo, _) = server.resurser()?;
    let ivo = rapporttid(&al, &server.bas, "/rapporter/ej-verkstallda").await?;
    let kf = rapporttid(&al, &server.bas, "/rapporter/kvartalsstatistik").await?;
    let delegation = rapporttid(&al, &server.bas, "/rapporter/delegationsbeslut").await?;
    let (topp, cpu_slut) = server.resurser()?;
    let serverns_cpu = cpu_slut - cpu_start;
    server.stoppa().await?;

    eprintln!("Kvot (c): ärendesidan utan läsgranskning …");
    let server = Server::starta(&inst.databas, true).await?;
    let personal_av = logga_in_alla(&server.bas, &u).await?;
    let a_av = fas(&server.bas, &personal_av, &sokningar, halv, None, |_, _| {
        Some(Op::Arendesida)
    })
    .await?;
    let (topp_av, _) = server.resurser()?;
    server.stoppa().await?;

    let databas = if inst.databas.starts_with("postgres") {
        "PostgreSQL"
    } else {
        "SQLite"
    };
    let mut ut = format!(
        "lots bench: {databas}, {personer} personer, {arenden} ärenden, {handelser} händelser; \
         {n} samtidiga användare, {} s blandad last.\n\n",
        fas_tid.as_secs()
    );
    ut.push_str(&format!(
        "{:<24} {:>9} {:>9} {:>9} {:>9} {:>9} {:>6}\n",
        "operation", "antal", "per s", "p50 ms", "p95 ms", "p99 ms", "fel"
    ));
    let rad = |ut: &mut String, namn: &str, m: &mut Matning, op: Op| {
        let per_s = m.per_sekund(op);
        let fel = m.fel.get(&op).copied().unwrap_or(0);
        let v = m.lat.entry(op).or_default();
        let antal = v.len();
        ut.push_str(&format!(
            "{namn:<24} {antal:>9} {per_s:>9.1} {:>9.1} {:>9.1} {:>9.1} {fel:>6}\n",
            percentil(v, 0.50),
            percentil(v, 0.95),
            percentil(v, 0.99)
        ));
    };
    let blandade = [
        Op::Startsida,
        Op::Arendesida,
        Op::Personsok,
        Op::Journal,
        Op::Beslut,
        Op::Forsorjningsstod,
        Op::Mottagningsbesok,
    ];
    let totalt =
        |m: &Matning| m.lat.values().map(Vec::len).sum::<usize>() as f64 / m.tid.as_secs_f64();
    ut.push_str(&format!(
        "i arbetstakt: {} ms paus i medel mellan en användares begäranden, {:.1} begäranden per s\n",
        inst.tanketid.as_millis(),
        totalt(&takt)
    ));
    let mut takt = takt;
    for op in blandade {
        rad(&mut ut, op.namn(), &mut takt, op);
    }
    let x = totalt(&mix);
    ut.push_str(&format!(
        "mättnad: utan paus, {x:.1} begäranden per s; {n} användare ÷ {x:.1} per s = {:.0} ms i medel, mest kö\n",
        n as f64 / x * 1000.0
    ));
    let mut mix = mix;
    for op in blandade {
        rad(&mut ut, op.namn(), &mut mix, op);
    }
    ut.push_str("var för sig, utan paus:\n");
    let (mut h, mut a_pa, mut j, mut fs, mut a_av) = (h, a_pa, j, fs, a_av);
    rad(&mut ut, "healthz", &mut h, Op::Healthz);
    rad(&mut ut, "ärendesida", &mut a_pa, Op::Arendesida);
    rad(&mut ut, "journalanteckning", &mut j, Op::Journal);
    rad(&mut ut, "försörjningsstöd", &mut fs, Op::Forsorjningsstod);
    let mut mb = mb;
    rad(&mut ut, "mottagningsbesök", &mut mb, Op::Mottagningsbesok);
    rad(
        &mut ut,
        "ärendesida utan gransk.",
        &mut a_av,
        Op::Arendesida,
    );
    let kvot_a = a_pa.per_sekund(Op::Arendesida) / h.per_sekund(Op::Healthz);
    let kvot_b = j.per_sekund(Op::Journal) / raa;
    let kvot_c = a_pa.per_sekund(Op::Arendesida) / a_av.per_sekund(Op::Arendesida);
    ut.push_str(&format!(
        "\nrå INSERT (samma storlek och hållbarhet): {raa:.1} per s\n\
         kvot (a) ärendesida ÷ healthz: {kvot_a:.3} (mål ≥ 0,25)\n\
         kvot (b) journalanteckning ÷ rå INSERT: {kvot_b:.3} (mål ≥ 0,5)\n\
         kvot (c) läsgranskning på ÷ av (ärendesidan): {kvot_c:.3} (mål ≥ 0,85)\n\
         IVO-rapporten (ej verkställda beslut): {} s (median av 3, eller en mätning över 10 s; mål < 2 s)\n\
         kvartalsstatistiken till KF: {} s, delegationsbesluten till nämnden: {} s (median av 3)\n\
         server: toppminne {topp:.0} MiB (före IVO-rapporten {minne_fore_ivo:.0} MiB, utan granskning {topp_av:.0} MiB; mål < 300 MiB), \
         CPU {:.0} % av en kärna under blandad last, {serverns_cpu:.0} CPU-sekunder totalt\n\
         {grupper}\n",
        fmt_s(ivo),
        fmt_s(kf),
        fmt_s(delegation),
        cpu_mix * 100.0,
    ));
    ut.push_str("\ndatabasens inställningar: ");
    ut.push_str(
        &installningar
            .iter()
            .map(|(namn, varde)| format!("{namn}={varde}"))
            .collect::<Vec<_>>()
            .join(", "),
    );
    ut.push('\n');
    Ok(ut)
}

/// A report fetched three times as an arbetsledare: the median time in seconds. A
/// report that takes longer than ten seconds is fetched once: a figure that far from
/// the target needs no median.
async fn rapporttid(klient: &reqwest::Client, bas: &str, sokvag: &str) -> anyhow::Result<f64> {
    let mut tider = vec![];
    while tider.len() < 3 && tider.iter().all(|t| *t < 10.0) {
        let t = Instant::now();
        let r = klient.get(format!("{bas}{sokvag}")).send().await?;
        let status = r.status();
        let _ = r.bytes().await?;
        if !status.is_success() {
            bail!("{sokvag} svarade {status}");
        }
        tider.push(t.elapsed().as_secs_f64());
    }
    tider.sort_by(f64::total_cmp);
    Ok(tider[tider.len() / 2])
}

fn fmt_s(s: f64) -> String {
    format!("{s:.2}")
}
