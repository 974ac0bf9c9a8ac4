//! Finds the languages Mina sidor speaks: every directory under `texter/` with a
//! `mina_sidor.ftl` is one, so adding a language is adding a translation file
//! (docs/design.md, Texts), not code.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let rot = Path::new(env!("CARGO_MANIFEST_DIR")).join("texter");
    println!("cargo:rerun-if-changed={}", rot.display());
    let mut sprak: Vec<String> = std::fs::read_dir(&rot)
        .expect("crates/web/texter/ is readable")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().join("mina_sidor.ftl").is_file())
        .filter_map(|e| e.file_name().into_string().ok())
        .collect();
    // Swedish first: it is the source language and the fallback.
    sprak.sort_by_key(|k| (k != "sv", k.clone()));
    let mut ut = String::from("/// (language code, Mina sidor's texts), Swedish first.\n");
    ut.push_str("pub const MINA_SIDOR: &[(&str, &str)] = &[\n");
    for k in &sprak {
        let fil = rot.join(k).join("mina_sidor.ftl");
        println!("cargo:rerun-if-changed={}", fil.display());
        writeln!(
            ut,
            "    ({k:?}, include_str!({:?})),",
            fil.display().to_string()
        )
        .expect("writing to a String");
    }
    ut.push_str("];\n");
    let dit = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("sprak.rs");
    std::fs::write(dit, ut).expect("OUT_DIR is writable");
}
