//! What leaves the department is what was checked: SHA-256 digests of a dossier's documents,
//! read beneath the dossier folder in a stream; `dossier.lock` (`seal`), and what changed since.

use crate::dossier::DossierFile;
use crate::files::Unreadable;
use crate::finding::Message;
use crate::limits::MAX_LOCK_BYTES;
use cap_std::fs::Dir;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::io::Read;
use std::path::Path;

pub const LOCK_FILE: &str = "dossier.lock";

/// The SHA-256 of a stream, in lowercase hex, and its length.
pub fn sha256_of(reader: impl Read) -> std::io::Result<(String, u64)> {
    let mut digesting = Digesting::new(reader);
    let mut buf = vec![0u8; 64 * 1024];
    while digesting.read(&mut buf)? != 0 {}
    Ok(digesting.finish())
}

/// A reader that digests what passes through it, so bytes can be copied and digested in one
/// read.
pub struct Digesting<R> {
    inner: R,
    hasher: Sha256,
    size: u64,
}

impl<R: Read> Digesting<R> {
    pub fn new(inner: R) -> Self {
        Digesting {
            inner,
            hasher: Sha256::new(),
            size: 0,
        }
    }

    /// The SHA-256 in lowercase hex and the number of bytes read.
    pub fn finish(self) -> (String, u64) {
        (hex(&self.hasher.finalize()), self.size)
    }
}

impl<R: Read> Read for Digesting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hasher.update(&buf[..n]);
        self.size += n as u64;
        Ok(n)
    }
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The digest of `relative` beneath `root`: a regular file inside the dossier, or nothing.
/// Remembered for the run by the file's identity, size and modification time, so the drafts
/// that print a digest (a covering letter in two languages and two formats) and `pack` hash a
/// document once; `pack` digests each file again as it copies it, and refuses one that changed.
pub fn file_digest(root: &Dir, relative: &str) -> Option<(String, u64)> {
    crate::inspect::inside_the_folder(relative).ok()?;
    let (file, _) = crate::files::open_regular(root, Path::new(relative)).ok()?;
    let key = identity(&file.metadata().ok()?);
    if let Some(hit) = remembered().lock().ok().and_then(|m| m.get(&key).cloned()) {
        return Some(hit);
    }
    let digest = sha256_of(file).ok()?;
    remember(key, digest.clone());
    Some(digest)
}

/// Tells [`file_digest`] the digest of a file just written from bytes digested on the way (an
/// archive's member as `verify` unpacks it into its private folder), so it is not read again.
pub fn remember_written(file: &std::fs::File, digest: (String, u64)) {
    if let Ok(meta) = file.metadata() {
        remember(identity(&meta), digest);
    }
}

/// A file's identity for the run: device, inode, size and modification time.
type Identity = (u64, u64, u64, i64, i64);

fn identity(meta: &std::fs::Metadata) -> Identity {
    use std::os::unix::fs::MetadataExt;
    (
        meta.dev(),
        meta.ino(),
        meta.size(),
        meta.mtime(),
        meta.mtime_nsec(),
    )
}

fn remembered() -> &'static std::sync::Mutex<std::collections::HashMap<Identity, (String, u64)>> {
    static SEEN: std::sync::OnceLock<
        std::sync::Mutex<std::collections::HashMap<Identity, (String, u64)>>,
    > = std::sync::OnceLock::new();
    SEEN.get_or_init(Default::default)
}

fn remember(key: Identity, digest: (String, u64)) {
    if let Ok(mut m) = remembered().lock() {
        // Bounded: a run over many dossiers keeps the latest, not all.
        if m.len() >= crate::limits::MAX_REMEMBERED_DIGESTS {
            m.clear();
        }
        m.insert(key, digest);
    }
}

/// Digests of a dossier's files, each computed once however often the dossier names the file:
/// by its identity (device and inode), so a second name or a link inside costs nothing more.
#[derive(Debug, Default)]
pub struct Digests(std::collections::HashMap<(u64, u64), (String, u64)>);

impl Digests {
    /// The file's identity, SHA-256 and size: a regular file inside the dossier, or nothing.
    pub fn of(&mut self, root: &Dir, relative: &str) -> Option<((u64, u64), String, u64)> {
        use std::os::unix::fs::MetadataExt;
        crate::inspect::inside_the_folder(relative).ok()?;
        let (file, meta) = crate::files::open_beneath(root, Path::new(relative)).ok()?;
        let id = (meta.dev(), meta.ino());
        if let Some((sha, size)) = self.0.get(&id) {
            return Some((id, sha.clone(), *size));
        }
        let (sha, size) = sha256_of(file).ok()?;
        self.0.insert(id, (sha.clone(), size));
        Some((id, sha, size))
    }
}

/// `dossier.lock`: the documents as they were sealed.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Lock {
    pub schema: u32,
    /// The date of sealing, as given (`--today`).
    pub sealed: String,
    #[serde(rename = "file", default)]
    pub files: Vec<LockedFile>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct LockedFile {
    pub path: String,
    pub requirement: String,
    pub size: u64,
    pub sha256: String,
}

/// Every file the dossier names, with its requirement, in the order of `documents`.
pub fn named_files(file: &DossierFile) -> Vec<(String, String)> {
    file.documents
        .iter()
        .flat_map(|(id, entry)| entry.files.iter().map(move |f| (id.clone(), f.clone())))
        .collect()
}

/// The lock of a dossier's documents now (files that cannot be read are left out: `check`
/// reports them).
pub fn lock(root: &Dir, file: &DossierFile, sealed: &str) -> Lock {
    let mut digests = Digests::default();
    let files = named_files(file)
        .into_iter()
        .filter_map(|(requirement, path)| {
            let (_, sha256, size) = digests.of(root, &path)?;
            Some(LockedFile {
                path,
                requirement,
                size,
                sha256,
            })
        })
        .collect();
    Lock {
        schema: 1,
        sealed: sealed.to_string(),
        files,
    }
}

/// How a document differs from the sealed one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Change {
    Changed,
    Added,
    Removed,
}

impl Change {
    pub fn id(self) -> &'static str {
        match self {
            Change::Changed => "changed",
            Change::Added => "added",
            Change::Removed => "removed",
        }
    }
}

/// What changed since `sealed`: (path, requirement, change), in the lock's order then the new.
pub fn changes(root: &Dir, file: &DossierFile, sealed: &Lock) -> Vec<(String, String, Change)> {
    let now = lock(root, file, &sealed.sealed);
    let mut out = Vec::new();
    for old in &sealed.files {
        match now.files.iter().find(|f| f.path == old.path) {
            None => out.push((old.path.clone(), old.requirement.clone(), Change::Removed)),
            Some(f) if f.sha256 != old.sha256 => {
                out.push((f.path.clone(), f.requirement.clone(), Change::Changed))
            }
            Some(_) => {}
        }
    }
    for f in &now.files {
        if !sealed.files.iter().any(|old| old.path == f.path) {
            out.push((f.path.clone(), f.requirement.clone(), Change::Added));
        }
    }
    out
}

/// Reads `dossier.lock` beneath `root`, bounded; `None` when there is none, an error text when
/// it is not a lock.
pub fn read_lock(root: &Dir) -> Option<Result<Lock, Message>> {
    let bytes = match crate::files::read_beneath(root, Path::new(LOCK_FILE), MAX_LOCK_BYTES) {
        Ok(bytes) => bytes,
        Err(Unreadable::NotFound) => return None,
        Err(why) => return Some(Err(why.reason())),
    };
    let parsed = std::str::from_utf8(&bytes)
        .map_err(|e| e.to_string())
        .and_then(|text| toml::from_str(text).map_err(|e| e.message().to_string()));
    Some(parsed.map_err(|why| Message::new("file.reason.io").arg("why", why)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_is_the_standard_one() {
        // FIPS 180-2 example "abc".
        let (d, n) = sha256_of(&b"abc"[..]).unwrap();
        assert_eq!(
            d,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(n, 3);
    }
}
