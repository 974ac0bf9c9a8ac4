//! Layered configuration: defaults, then the config file, then environment and flags.

use std::net::SocketAddr;
use std::path::Path;

use anyhow::Context;
use serde::Deserialize;

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Fil {
    database: Option<String>,
    listen: Option<SocketAddr>,
    secure_cookies: Option<bool>,
}

#[derive(Debug)]
pub struct Config {
    pub database: String,
    pub listen: SocketAddr,
    pub secure_cookies: bool,
}

impl Config {
    /// `database` is the flag or LOTS_DATABASE_URL, which win over the file.
    pub fn las(fil: Option<&Path>, database: Option<String>) -> anyhow::Result<Self> {
        let standard = Path::new("lots.toml");
        let fil: Fil = match fil {
            Some(p) => toml::from_str(
                &std::fs::read_to_string(p)
                    .with_context(|| format!("kan inte läsa {}", p.display()))?,
            )
            .with_context(|| format!("fel i {}", p.display()))?,
            None if standard.exists() => {
                toml::from_str(&std::fs::read_to_string(standard)?).context("fel i lots.toml")?
            }
            None => Fil::default(),
        };
        Ok(Self {
            database: database
                .or(fil.database)
                .unwrap_or_else(|| "sqlite:lots.db".into()),
            listen: fil
                .listen
                .unwrap_or_else(|| SocketAddr::from(([127, 0, 0, 1], 8080))),
            secure_cookies: fil.secure_cookies.unwrap_or(false),
        })
    }

    /// The URL without a password, for messages.
    pub fn database_redacted(&self) -> String {
        match self.database.split_once('@') {
            Some((fore, efter)) if fore.contains("://") => {
                let schema = fore.split("://").next().unwrap_or("");
                format!("{schema}://…@{efter}")
            }
            _ => self.database.clone(),
        }
    }
}
