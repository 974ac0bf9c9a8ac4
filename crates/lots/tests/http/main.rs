//! HTTP-level tests against the real server on an ephemeral port, each with its
//! own database, run on SQLite and on PostgreSQL (one test binary, STYLE.md 9).

mod akt;
mod api;
mod arbetslista;
mod arbetsyta;
mod atkomst;
mod behorighet;
mod bench;
mod bladdring;
mod brev;
mod demo;
mod dialog;
mod drift;
mod dubbletter;
mod enhet;
mod forsorjningsstod;
mod genomforandeplan;
mod granser;
mod granskningslogg;
mod historik;
mod hjalp;
mod inloggning;
mod konto;
mod listor;
mod mina_sidor;
mod oppna_insatser;
mod rapporter;
mod rattssakerhet;
mod resor;
mod sekretess;
mod sidodorrar;
mod sparat;
mod statistik;
mod textblock;
mod webb;
