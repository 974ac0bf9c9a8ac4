//! Embeds the migrations in the binary, as `sqlx::migrate!` would, without sqlx's macro
//! crate: that macro makes cargo compile sqlx's drivers a second time for the compiler
//! (about two minutes of a cold build) only to read a folder. `db.rs` builds the
//! `Migrator` from this list with sqlx's own `Migration::new`, so versions, descriptions
//! and checksums are what the macro gave (a test in `db.rs` compares them with sqlx's
//! reading of the folders).
use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs};

fn main() {
    let mut ut = String::new();
    for (namn, mapp) in [
        ("SQLITE", "migrations/sqlite"),
        ("POSTGRES", "migrations/postgres"),
    ] {
        println!("cargo:rerun-if-changed={mapp}");
        let dir =
            Path::new(&env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR")).join(mapp);
        let mut filer: Vec<(i64, String, String)> = fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|f| f.expect("a migration file").path())
            .filter(|p| p.is_file())
            .map(|p| {
                let fil = p
                    .file_name()
                    .and_then(|f| f.to_str())
                    .expect("a UTF-8 file name")
                    .to_owned();
                let (version, rest) = fil
                    .split_once('_')
                    .unwrap_or_else(|| panic!("{fil}: expected NNNN_description.sql"));
                let beskrivning = rest
                    .strip_suffix(".sql")
                    .unwrap_or_else(|| panic!("{fil}: expected NNNN_description.sql"));
                assert!(
                    !beskrivning.ends_with(".up") && !beskrivning.ends_with(".down"),
                    "{fil}: Lots's migrations are simple (forward only)"
                );
                let version = version
                    .parse()
                    .unwrap_or_else(|_| panic!("{fil}: the version must be a number"));
                (
                    version,
                    beskrivning.replace('_', " "),
                    p.display().to_string(),
                )
            })
            .collect();
        filer.sort();
        writeln!(ut, "pub static {namn}: &[(i64, &str, &str)] = &[").ok();
        for (version, beskrivning, sokvag) in filer {
            writeln!(
                ut,
                "    ({version}, {beskrivning:?}, include_str!({sokvag:?})),"
            )
            .ok();
        }
        writeln!(ut, "];").ok();
    }
    let mal = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).join("migrationer.rs");
    fs::write(&mal, ut).unwrap_or_else(|e| panic!("{}: {e}", mal.display()));
}
