//! The demo municipality. (Being written.)

use lots_store::Store;

pub async fn fyll(_store: &Store) -> anyhow::Result<String> {
    anyhow::bail!("demo not yet written")
}
