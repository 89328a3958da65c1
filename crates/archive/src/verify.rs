//! `dossier verify`: an archive `pack` wrote (or its unpacked folder) holds exactly what its
//! manifest says — every digest matches, nothing added or missing, the edition is known and the
//! same — and a fresh `check` of its content reaches the recorded outcome.
//!
//! An archive is untrusted input: names with `..`, absolute names, links, duplicate names, too
//! many entries, entries larger than they say or compressed beyond any document's ratio make it
//! unusable, and nothing of it is written outside a private temporary folder.

use crate::error::{Error, Result};
use crate::finding::Message;
use crate::pack::{MANIFEST, Manifest, SUMS};
use serde::Serialize;
use std::collections::BTreeSet;
use std::io::Read;
use std::path::{Path, PathBuf};

pub use crate::limits::MAX_ARCHIVE_ENTRIES as MAX_ENTRIES;
/// Bytes an archive may unpack to, in all.
pub const MAX_UNPACKED: u64 = 4 << 30;
/// Uncompressed to compressed, beyond which an entry is a bomb, not a document.
pub const MAX_RATIO: u64 = 200;

/// One way the archive is not what was packed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Difference {
    /// The file's bytes are not those the manifest recorded.
    Changed {
        name: String,
    },
    /// In the manifest, not in the archive.
    Missing {
        name: String,
    },
    /// In the archive, not in the manifest.
    Added {
        name: String,
    },
    /// `SHA256SUMS` does not list the files as they are.
    Sums {
        name: String,
    },
    /// The manifest names an edition this run does not know.
    EditionUnknown {
        id: String,
    },
    /// The edition is known, but its text is not the one packed.
    EditionChanged {
        id: String,
    },
    /// A fresh check reaches another outcome.
    Outcome {
        recorded: String,
        now: String,
    },
    Grounds {
        recorded: String,
        now: String,
    },
    Score {
        recorded: String,
        now: String,
    },
}

impl Difference {
    pub fn message(&self) -> Message {
        match self {
            Difference::Changed { name } => {
                Message::new("verify.changed").arg("name", name.as_str())
            }
            Difference::Missing { name } => {
                Message::new("verify.missing").arg("name", name.as_str())
            }
            Difference::Added { name } => Message::new("verify.added").arg("name", name.as_str()),
            Difference::Sums { name } => Message::new("verify.sums").arg("name", name.as_str()),
            Difference::EditionUnknown { id } => {
                Message::new("verify.edition-unknown").arg("edition", id.as_str())
            }
            Difference::EditionChanged { id } => {
                Message::new("verify.edition-changed").arg("edition", id.as_str())
            }
            Difference::Outcome { recorded, now } => Message::new("verify.outcome")
                .arg("recorded", recorded.as_str())
                .arg("now", now.as_str()),
            Difference::Grounds { recorded, now } => Message::new("verify.grounds")
                .arg("recorded", recorded.as_str())
                .arg("now", now.as_str()),
            Difference::Score { recorded, now } => Message::new("verify.score")
                .arg("recorded", recorded.as_str())
                .arg("now", now.as_str()),
        }
    }
}

fn unusable(path: &Path, why: impl Into<String>) -> Error {
    Error::usage(
        Message::new("usage.verify-unusable")
            .arg("file", path.display().to_string())
            .arg("why", why.into()),
    )
}

/// A safe relative name: no root, no `..`, no backslash or NUL, no empty part.
fn safe_name(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with('/')
        && !name.contains(['\\', '\0'])
        && name
            .split('/')
            .all(|p| !p.is_empty() && p != "." && p != "..")
}

/// Unpacks `archive` into `into`, refusing anything unsafe. Returns the archive's one folder.
pub fn unpack(archive: &Path, into: &Path) -> Result<PathBuf> {
    let file = std::fs::File::open(archive).map_err(|source| Error::Io {
        path: archive.to_path_buf(),
        source,
    })?;
    let mut zip = zip::ZipArchive::new(file).map_err(|e| unusable(archive, e.to_string()))?;
    if zip.len() > MAX_ENTRIES {
        return Err(unusable(
            archive,
            format!("more than {MAX_ENTRIES} entries"),
        ));
    }
    let mut seen = BTreeSet::new();
    let mut top: Option<String> = None;
    let mut total = 0u64;
    for i in 0..zip.len() {
        let mut entry = zip
            .by_index(i)
            .map_err(|e| unusable(archive, e.to_string()))?;
        let name = entry.name().to_string();
        if !safe_name(name.trim_end_matches('/')) {
            return Err(unusable(archive, format!("unsafe name `{name}`")));
        }
        if entry.unix_mode().is_some_and(|m| m & 0o170000 == 0o120000) {
            return Err(unusable(archive, format!("`{name}` is a link")));
        }
        if !seen.insert(name.to_lowercase()) {
            return Err(unusable(archive, format!("`{name}` twice")));
        }
        let first = name.split('/').next().unwrap_or_default().to_string();
        match &top {
            None => top = Some(first),
            Some(t) if *t != first => {
                return Err(unusable(archive, "more than one top folder".to_string()));
            }
            _ => {}
        }
        if entry.is_dir() {
            continue;
        }
        let (size, packed) = (entry.size(), entry.compressed_size().max(1));
        total = total.saturating_add(size);
        if total > MAX_UNPACKED || (size > 1 << 20 && size / packed > MAX_RATIO) {
            return Err(unusable(
                archive,
                format!("`{name}` unpacks too large (a ZIP bomb)"),
            ));
        }
        let target = into.join(&name);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(|source| Error::Io {
                path: parent.to_path_buf(),
                source,
            })?;
        }
        let mut out = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&target)
            .map_err(|source| Error::Io {
                path: target.clone(),
                source,
            })?;
        // Never more than the entry says it holds.
        let copied = std::io::copy(&mut (&mut entry).take(size + 1), &mut out)
            .map_err(|e| unusable(archive, e.to_string()))?;
        if copied != size {
            return Err(unusable(
                archive,
                format!("`{name}` is not the size it declares"),
            ));
        }
    }
    let top = top.ok_or_else(|| unusable(archive, "an empty archive".to_string()))?;
    Ok(into.join(top))
}

/// Every file under `dir`, as names relative to it with `/`.
fn files_under(dir: &Path) -> Result<BTreeSet<String>> {
    let mut out = BTreeSet::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let read = std::fs::read_dir(&d).map_err(|source| Error::Io {
            path: d.clone(),
            source,
        })?;
        for e in read {
            let e = e.map_err(|source| Error::Io {
                path: d.clone(),
                source,
            })?;
            let kind = e.file_type().map_err(|source| Error::Io {
                path: e.path(),
                source,
            })?;
            if kind.is_dir() {
                stack.push(e.path());
            } else {
                let rel = e
                    .path()
                    .strip_prefix(dir)
                    .unwrap_or(&e.path())
                    .to_path_buf();
                out.insert(rel.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    Ok(out)
}

fn digest(path: &Path) -> Option<String> {
    let f = std::fs::File::open(path).ok()?;
    crate::integrity::sha256_of(f).ok().map(|(d, _)| d)
}

/// The manifest, and every way the folder differs from it (the fresh check aside).
pub fn compare(dir: &Path) -> Result<(Manifest, Vec<Difference>)> {
    let manifest_path = dir.join(MANIFEST);
    let text = std::fs::read_to_string(&manifest_path).map_err(|source| Error::Io {
        path: manifest_path.clone(),
        source,
    })?;
    let manifest: Manifest =
        serde_json::from_str(&text).map_err(|e| unusable(&manifest_path, e.to_string()))?;
    let mut diffs = Vec::new();
    let present = files_under(dir)?;
    let listed: BTreeSet<String> = manifest
        .files
        .iter()
        .map(|f| f.name.clone())
        .chain([MANIFEST.to_string(), SUMS.to_string()])
        .collect();
    for f in &manifest.files {
        match present.contains(&f.name) {
            false => diffs.push(Difference::Missing {
                name: f.name.clone(),
            }),
            true if digest(&dir.join(&f.name)).as_deref() != Some(f.sha256.as_str()) => {
                diffs.push(Difference::Changed {
                    name: f.name.clone(),
                })
            }
            true => {}
        }
    }
    for name in present.difference(&listed) {
        diffs.push(Difference::Added { name: name.clone() });
    }
    // SHA256SUMS: each line as `sha256sum -c` reads it.
    match std::fs::read_to_string(dir.join(SUMS)) {
        Err(_) => diffs.push(Difference::Missing { name: SUMS.into() }),
        Ok(sums) => {
            let mut named = BTreeSet::new();
            for line in sums.lines() {
                let Some((sha, name)) = line.split_once("  ") else {
                    diffs.push(Difference::Sums {
                        name: line.to_string(),
                    });
                    continue;
                };
                named.insert(name.to_string());
                if digest(&dir.join(name)).as_deref() != Some(sha) {
                    diffs.push(Difference::Sums {
                        name: name.to_string(),
                    });
                }
            }
            for name in listed.iter().filter(|n| *n != SUMS) {
                if !named.contains(name) {
                    diffs.push(Difference::Sums { name: name.clone() });
                }
            }
        }
    }
    diffs.dedup();
    Ok((manifest, diffs))
}

/// The fresh check's differences from what the manifest recorded.
pub fn recheck(manifest: &Manifest, report: &crate::judge::DossierReport) -> Vec<Difference> {
    let mut diffs = Vec::new();
    let now = report.outcome().id().to_string();
    if now != manifest.outcome {
        diffs.push(Difference::Outcome {
            recorded: manifest.outcome.clone(),
            now,
        });
    }
    let grounds: Vec<String> = report
        .judged()
        .map(|j| j.grounds.iter().map(|g| g.code.clone()).collect())
        .unwrap_or_default();
    if grounds != manifest.grounds {
        diffs.push(Difference::Grounds {
            recorded: manifest.grounds.join(", "),
            now: grounds.join(", "),
        });
    }
    let score = report.score().map(|s| (s.total, s.max, s.passed));
    let recorded = manifest.score.as_ref().map(|s| (s.total, s.max, s.passed));
    if score != recorded {
        let show = |s: Option<(u32, u32, bool)>| {
            s.map_or("—".to_string(), |(t, m, _)| format!("{t}/{m}"))
        };
        diffs.push(Difference::Score {
            recorded: show(recorded),
            now: show(score),
        });
    }
    diffs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_relative_names_are_safe() {
        for bad in ["/etc/passwd", "a/../b", "..", "a\\b", "a//b", "./a", ""] {
            assert!(!safe_name(bad), "{bad}");
        }
        assert!(safe_name("esedo/documents/03-1_services-functions_01.pdf"));
    }
}
