//! Identifiers. External ids are UUIDv7 (DESIGN.md, Data); integer keys never leave the store.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

macro_rules! id {
    ($($namn:ident),* $(,)?) => {$(
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $namn(pub Uuid);

        impl $namn {
            pub fn ny() -> Self {
                Self(Uuid::now_v7())
            }
        }

        impl std::fmt::Display for $namn {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }

        impl std::str::FromStr for $namn {
            type Err = uuid::Error;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Uuid::parse_str(s).map(Self)
            }
        }
    )*};
}

id!(
    ArendeId,
    PersonId,
    AnvandarId,
    EnhetId,
    BeslutId,
    KommuniceringId,
    JournalId,
    DokumentId,
    KommunId,
    MeddelandeId,
    KompletteringId,
    UtbetalningId,
    TextblockId,
    UtforarId,
    AvtalId,
    OppenInsatsId,
    KlagomalId,
    LexSarahId,
    RegisterutdragId,
);
