//! A minimal SMTP server for the tests (RFC 5321: EHLO/HELO, MAIL, RCPT, DATA, RSET,
//! NOOP, QUIT), on an ephemeral port, that keeps every message it accepts so a test can
//! read what Lots sent. It can be told to refuse the next messages with a temporary
//! error (451), as a mail server that is down for a while does.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use base64::Engine;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};

/// A message as it arrived: the envelope and the decoded subject and body.
#[derive(Debug, Clone)]
pub struct Brev {
    pub fran: String,
    pub till: Vec<String>,
    /// The message as sent, headers and encoded body.
    pub data: String,
    pub amne: String,
    pub text: String,
}

#[derive(Clone, Default)]
pub struct SmtpMottagare {
    pub port: u16,
    brev: Arc<Mutex<Vec<Brev>>>,
    avvisa: Arc<AtomicUsize>,
    /// Every attempt to deliver, refused or not.
    pub forsok: Arc<AtomicUsize>,
}

impl SmtpMottagare {
    pub async fn starta() -> Self {
        let lyssnare = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let m = Self {
            port: lyssnare.local_addr().unwrap().port(),
            ..Default::default()
        };
        let kopia = m.clone();
        tokio::spawn(async move {
            while let Ok((strom, _)) = lyssnare.accept().await {
                let m = kopia.clone();
                tokio::spawn(async move {
                    let _ = m.samtal(strom).await;
                });
            }
        });
        m
    }

    /// The next `n` messages get 451 (try again later) at DATA's end.
    pub fn avvisa_nasta(&self, n: usize) {
        self.avvisa.store(n, Ordering::SeqCst);
    }

    pub fn brev(&self) -> Vec<Brev> {
        self.brev.lock().unwrap().clone()
    }

    /// Waits (up to a minute, polling) until `n` messages have arrived; returns them.
    pub async fn vanta_pa(&self, n: usize) -> Vec<Brev> {
        for _ in 0..600 {
            let b = self.brev();
            if b.len() >= n {
                return b;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        panic!("{n} messages expected, {} arrived", self.brev().len());
    }

    async fn samtal(&self, strom: tokio::net::TcpStream) -> std::io::Result<()> {
        let (las, mut skriv) = strom.into_split();
        let mut las = BufReader::new(las);
        skriv.write_all(b"220 test ESMTP\r\n").await?;
        let (mut fran, mut till) = (String::new(), vec![]);
        let mut rad = String::new();
        loop {
            rad.clear();
            if las.read_line(&mut rad).await? == 0 {
                return Ok(());
            }
            let kommando = rad.trim_end().to_owned();
            let versal = kommando.to_ascii_uppercase();
            let svar: &[u8] = if versal.starts_with("EHLO") {
                b"250-test\r\n250 8BITMIME\r\n"
            } else if versal.starts_with("HELO") || versal.starts_with("NOOP") {
                b"250 OK\r\n"
            } else if versal.starts_with("MAIL FROM:") {
                fran = adress(&kommando["MAIL FROM:".len()..]);
                till.clear();
                b"250 OK\r\n"
            } else if versal.starts_with("RCPT TO:") {
                till.push(adress(&kommando["RCPT TO:".len()..]));
                b"250 OK\r\n"
            } else if versal == "RSET" {
                fran.clear();
                till.clear();
                b"250 OK\r\n"
            } else if versal == "DATA" {
                skriv
                    .write_all(b"354 End data with <CR><LF>.<CR><LF>\r\n")
                    .await?;
                let mut data = String::new();
                loop {
                    rad.clear();
                    if las.read_line(&mut rad).await? == 0 {
                        return Ok(());
                    }
                    if rad == ".\r\n" || rad == ".\n" {
                        break;
                    }
                    // Dot-stuffing (RFC 5321 4.5.2).
                    data.push_str(rad.strip_prefix('.').unwrap_or(&rad));
                }
                self.forsok.fetch_add(1, Ordering::SeqCst);
                let avvisad = self
                    .avvisa
                    .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1))
                    .is_ok();
                if avvisad {
                    b"451 4.3.0 Try again later\r\n"
                } else {
                    let (amne, text) = avkoda(&data);
                    self.brev.lock().unwrap().push(Brev {
                        fran: fran.clone(),
                        till: till.clone(),
                        data,
                        amne,
                        text,
                    });
                    b"250 OK queued\r\n"
                }
            } else if versal == "QUIT" {
                skriv.write_all(b"221 Bye\r\n").await?;
                return Ok(());
            } else {
                b"502 Command not implemented\r\n"
            };
            skriv.write_all(svar).await?;
        }
    }
}

fn adress(t: &str) -> String {
    let t = t.trim();
    let t = t.split_whitespace().next().unwrap_or("");
    t.trim_start_matches('<').trim_end_matches('>').to_owned()
}

/// The subject (RFC 2047 encoded words decoded) and the body (quoted-printable or
/// base64 decoded) of a message.
fn avkoda(data: &str) -> (String, String) {
    let (huvud, kropp) = data
        .split_once("\r\n\r\n")
        .or_else(|| data.split_once("\n\n"))
        .unwrap_or((data, ""));
    // Unfold continued header lines.
    let huvud = huvud.replace("\r\n ", " ").replace("\r\n\t", " ");
    let falt = |namn: &str| {
        huvud
            .lines()
            .find_map(|l| {
                let (n, v) = l.split_once(':')?;
                n.eq_ignore_ascii_case(namn).then(|| v.trim().to_owned())
            })
            .unwrap_or_default()
    };
    // RFC 2047 6.2: the space between two encoded words is not part of the text.
    let mut amne = String::new();
    let mut kodat_fore = false;
    for w in falt("Subject").split_whitespace() {
        let (text, kodat) = ord(w);
        if !(amne.is_empty() || kodat && kodat_fore) {
            amne.push(' ');
        }
        amne.push_str(&text);
        kodat_fore = kodat;
    }
    let text = match falt("Content-Transfer-Encoding")
        .to_ascii_lowercase()
        .as_str()
    {
        "base64" => String::from_utf8(
            base64::engine::general_purpose::STANDARD
                .decode(kropp.split_whitespace().collect::<String>())
                .unwrap(),
        )
        .unwrap(),
        "quoted-printable" => qp(kropp),
        _ => kropp.to_owned(),
    };
    (amne, text)
}

/// One word of a header: an encoded word (`=?utf-8?b?…?=` or `?q?`) decoded, and whether
/// it was one.
fn ord(w: &str) -> (String, bool) {
    let Some(inre) = w.strip_prefix("=?").and_then(|w| w.strip_suffix("?=")) else {
        return (w.to_owned(), false);
    };
    let delar: Vec<&str> = inre.splitn(3, '?').collect();
    match delar.as_slice() {
        [_, k, t] if k.eq_ignore_ascii_case("b") => (
            String::from_utf8(base64::engine::general_purpose::STANDARD.decode(t).unwrap())
                .unwrap(),
            true,
        ),
        [_, _, t] => (qp(&t.replace('_', " ")), true),
        _ => (w.to_owned(), false),
    }
}

fn qp(t: &str) -> String {
    let b = t.replace("=\r\n", "").replace("=\n", "");
    let b = b.as_bytes();
    let mut ut = vec![];
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'='
            && i + 2 < b.len()
            && let Ok(x) = u8::from_str_radix(std::str::from_utf8(&b[i + 1..i + 3]).unwrap(), 16)
        {
            ut.push(x);
            i += 3;
            continue;
        }
        ut.push(b[i]);
        i += 1;
    }
    String::from_utf8(ut).unwrap()
}
