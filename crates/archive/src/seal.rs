//! `dossier seal`: records each document of a judged dossier (path, size, SHA-256) in
//! `dossier.lock`, which `check` then compares the documents with.

use crate::error::{Error, Result};
use crate::integrity::{LOCK_FILE, Lock};
use crate::judge::Judged;
use std::path::{Path, PathBuf};

/// Seals the dossier in `dir` as judged on `sealed` (a date); returns the lock's path and the
/// lock. Without `force` an existing `dossier.lock` is never replaced.
pub fn seal(dir: &Path, judged: &Judged, sealed: &str, force: bool) -> Result<(PathBuf, Lock)> {
    let root = crate::files::open_root(dir).map_err(|source| Error::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    let lock = crate::integrity::lock(&root, &judged.file, sealed);
    let text = format!(
        "# Written by `dossier seal`: `dossier check` reports any document that differs.\n{}",
        toml::to_string(&lock).unwrap_or_default()
    );
    let path = dir.join(LOCK_FILE);
    crate::files::write_file(&path, text.as_bytes(), force)?;
    Ok((path, lock))
}
