//! Lots domain: pure types and rules of Swedish social services case handling.
//!
//! Nothing here does I/O or reads a clock: the current time is always passed in
//! (DESIGN.md, principle 7). Every rule cites its legal source beside the code.

pub mod arende;
pub mod avisering;
pub mod delegation;
pub mod forsorjningsstod;
pub mod frister;
pub mod fullmakt;
pub mod gallring;
pub mod identitet;
pub mod ids;
pub mod insats;
pub mod instrument;
pub mod kalender;
pub mod klagomal;
pub mod livsomrade;
pub mod oppen_insats;
pub mod oppen_uppfoljning;
pub mod organisation;
pub mod rapport;
pub mod registerutdrag;
pub mod textblock;
pub mod tid;
pub mod utforare;

pub use arende::{Arende, Avvisning, Handelse, Kommando};
pub use identitet::{Identitet, IdentitetsFel};
