//! `dossier verify`: an archive `pack` wrote (or its unpacked folder) holds exactly what its
//! manifest says — every digest matches, nothing added or missing, the edition is known and the
//! same — and a fresh `check` of its content reaches the recorded outcome.
//!
//! An archive is untrusted input: names with `..`, absolute names, links, duplicate names, too
//! many entries, entries larger than they say or compressed beyond any document's ratio make it
//! unusable, and nothing of it is written outside a private temporary folder.

use crate::error::{Error, Result};
use crate::files::{self, EntryKind, Unreadable, plain_name};
use crate::finding::{Arg, Message};
use crate::limits::{
    MAX_APPLICATION_BYTES, MAX_ARCHIVE_ENTRIES, MAX_MANIFEST_BYTES, MAX_SUMS_BYTES,
    MAX_UNPACK_RATIO, MAX_UNPACKED, UNPACK_SLACK,
};
use crate::manifest::{MANIFEST, Manifest, ManifestError, SUMS};
use cap_std::fs::Dir;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;
use std::path::{Path, PathBuf};

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
    /// A line of `SHA256SUMS` that is not `<digest>  <name>`.
    SumsLine {
        line: usize,
    },
    /// A field the manifest records of a file is not what the file is (`size`, `pages`).
    Record {
        name: String,
        field: String,
    },
    /// Ready to file, then and now.
    Ready {
        recorded: bool,
        now: bool,
    },
    /// `forced` does not say what `ready` does (a dossier packed not ready is forced).
    Forced,
    /// The packed application is not the one this dossier gives now: its list of
    /// attachments, their pages or digests changed.
    Application {
        name: String,
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
            Difference::SumsLine { line } => {
                Message::new("verify.sums-line").arg("line", *line as u64)
            }
            Difference::Record { name, field } => Message::new("verify.record")
                .arg("name", name.as_str())
                .arg("field", field.as_str()),
            Difference::Ready { recorded, now } => Message::new("verify.ready")
                .arg("recorded", Arg::Flag(*recorded))
                .arg("now", Arg::Flag(*now)),
            Difference::Forced => Message::new("verify.forced"),
            Difference::Application { name } => {
                Message::new("verify.application").arg("name", name.as_str())
            }
        }
    }
}

/// Why an archive or an unpacked folder cannot be verified at all (exit 2). Each is worded by
/// the catalogue (`verify.unusable.*`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unusable {
    /// Not a ZIP archive, or one whose directory cannot be read.
    NotAnArchive,
    TooManyEntries,
    /// A name with `..`, a root, a backslash or a control character.
    UnsafeName(String),
    Link(String),
    /// A FIFO, device or socket.
    NotAFile(String),
    Twice(String),
    TwoTopFolders,
    /// The entries declare more than an archive of its size may unpack to (a ZIP bomb).
    TooLargeInAll {
        total: u64,
        bound: u64,
    },
    /// The directory, the end record and the entries do not agree: an entry the directory
    /// does not reach, one more than the end record counts, data shared by two names, bytes
    /// between entries.
    Layout,
    /// An entry that is not the size it declares.
    SizeLie(String),
    Empty,
    Manifest(ManifestError),
    /// `SHA256SUMS` names a file outside the archive.
    SumsName {
        line: usize,
        name: String,
    },
    /// The manifest's `checked` is not a date.
    CheckedNotADate,
}

impl Unusable {
    pub fn message(&self) -> Message {
        let named = |key: &'static str, name: &str| Message::new(key).arg("name", name);
        match self {
            Unusable::NotAnArchive => Message::new("verify.unusable.not-an-archive"),
            Unusable::TooManyEntries => {
                Message::new("verify.unusable.too-many").arg("max", MAX_ARCHIVE_ENTRIES as u64)
            }
            Unusable::UnsafeName(n) => named("verify.unusable.unsafe-name", n),
            Unusable::Link(n) => named("verify.unusable.link", n),
            Unusable::NotAFile(n) => named("verify.unusable.not-a-file", n),
            Unusable::Twice(n) => named("verify.unusable.twice", n),
            Unusable::TwoTopFolders => Message::new("verify.unusable.two-top-folders"),
            Unusable::TooLargeInAll { total, bound } => Message::new("verify.unusable.too-large")
                .arg("total", *total)
                .arg("bound", *bound),
            Unusable::Layout => Message::new("verify.unusable.layout"),
            Unusable::SizeLie(n) => named("verify.unusable.size-lie", n),
            Unusable::Empty => Message::new("verify.unusable.empty"),
            Unusable::Manifest(ManifestError::Json { line, column }) => {
                Message::new("verify.unusable.manifest-json")
                    .arg("line", *line as u64)
                    .arg("column", *column as u64)
            }
            Unusable::Manifest(ManifestError::UnsafeName(n)) => {
                named("verify.unusable.manifest-name", n)
            }
            Unusable::SumsName { line, name } => {
                named("verify.unusable.sums-name", name).arg("line", *line as u64)
            }
            Unusable::CheckedNotADate => Message::new("verify.unusable.checked"),
        }
    }

    /// The error that stops `verify`, naming `file`.
    pub fn at(self, file: &Path) -> Error {
        Error::usage(
            Message::new("usage.verify-unusable")
                .arg("file", file.display().to_string())
                .arg("why", self.message()),
        )
    }
}

/// A file of the archive that could not be read: an error naming it.
fn unreadable(dir: &Path, name: &str, why: Unreadable) -> Error {
    match why {
        Unreadable::NotAFile => Unusable::NotAFile(name.to_string()).at(dir),
        Unreadable::LinkOutside(_) => Unusable::Link(name.to_string()).at(dir),
        why => Error::usage(why.message(&dir.join(name).display().to_string())),
    }
}

/// Unpacks `archive` beneath `into` (a private, empty folder), refusing anything unsafe before
/// a byte is written: its layout (`layout::check`), every name, kind and size, and the total.
/// Returns the name of the archive's one top folder, and the SHA-256 and size of each file
/// as it was written (by its name beneath that folder): the files are digested as they are
/// unpacked, read once.
pub fn unpack(archive: &Path, into: &Dir) -> Result<(String, Digests)> {
    let refuse = |why: Unusable| why.at(archive);
    let (file, meta) = files::open_path(archive)
        .map_err(|e| Error::usage(e.message(&archive.display().to_string())))?;
    let entries = crate::layout::check(&file, meta.len()).map_err(refuse)?;
    let mut seen = BTreeSet::new();
    let mut top: Option<&str> = None;
    for e in &entries {
        let plain = e.name.trim_end_matches('/');
        if !plain_name(plain) {
            return Err(refuse(Unusable::UnsafeName(e.name.clone())));
        }
        // Only regular files and folders: a link, FIFO or device is never unpacked.
        match e.mode.map(|m| m & 0o170000) {
            Some(0o120000) => return Err(refuse(Unusable::Link(e.name.clone()))),
            Some(0 | 0o100000 | 0o040000) | None => {}
            Some(_) => return Err(refuse(Unusable::NotAFile(e.name.clone()))),
        }
        if !seen.insert(plain.to_lowercase()) {
            return Err(refuse(Unusable::Twice(e.name.clone())));
        }
        let first = plain.split('/').next().unwrap_or_default();
        match top {
            None => top = Some(first),
            Some(t) if t != first => return Err(refuse(Unusable::TwoTopFolders)),
            _ => {}
        }
    }
    // The total the entries declare, bounded against the archive's own size and absolutely,
    // before anything is written; each entry is then held to what it declares.
    let total = entries.iter().fold(0u64, |t, e| t.saturating_add(e.size));
    let bound = MAX_UNPACKED.min(
        meta.len()
            .saturating_mul(MAX_UNPACK_RATIO)
            .saturating_add(UNPACK_SLACK),
    );
    if total > bound {
        return Err(refuse(Unusable::TooLargeInAll { total, bound }));
    }
    let top = top.ok_or_else(|| refuse(Unusable::Empty))?.to_string();
    let mut zip = zip::ZipArchive::new(file).map_err(|_| refuse(Unusable::NotAnArchive))?;
    let mut digests = Digests::new();
    let mut buffer = vec![0u8; 1 << 20];
    for e in &entries {
        if e.name.ends_with('/') {
            continue;
        }
        let mut entry = zip
            .by_name(&e.name)
            .map_err(|_| refuse(Unusable::NotAnArchive))?;
        if entry.is_dir() || entry.size() != e.size || entry.compressed_size() != e.compressed {
            return Err(refuse(Unusable::SizeLie(e.name.clone())));
        }
        let mut out =
            files::create_beneath(into, Path::new(&e.name)).map_err(|source| Error::Io {
                path: archive.to_path_buf(),
                source,
            })?;
        // Never more than the entry says it holds; digested as it is copied, in large pieces.
        let mut copied = crate::integrity::Digesting::new((&mut entry).take(e.size + 1));
        use std::io::Write;
        loop {
            let n = copied
                .read(&mut buffer)
                .map_err(|_| refuse(Unusable::SizeLie(e.name.clone())))?;
            if n == 0 {
                break;
            }
            out.write_all(&buffer[..n]).map_err(|source| Error::Io {
                path: archive.to_path_buf(),
                source,
            })?;
        }
        let (sha256, size) = copied.finish();
        if size != e.size {
            return Err(refuse(Unusable::SizeLie(e.name.clone())));
        }
        out.flush().map_err(|source| Error::Io {
            path: archive.to_path_buf(),
            source,
        })?;
        crate::integrity::remember_written(&out, (sha256.clone(), size));
        if let Some(name) = e
            .name
            .strip_prefix(top.as_str())
            .and_then(|n| n.strip_prefix('/'))
        {
            digests.insert(name.to_string(), Some((sha256, size)));
        }
    }
    Ok((top, digests))
}

/// SHA-256 and size of files by name, `None` for one that is not there.
pub type Digests = BTreeMap<String, Option<(String, u64)>>;

/// The files of an unpacked archive, each digested at most once, read only beneath the
/// folder's handle.
struct Folder<'a> {
    dir: &'a Path,
    root: Dir,
    files: BTreeSet<String>,
    /// SHA-256 and size of each file read so far.
    digests: Digests,
}

impl Folder<'_> {
    /// The SHA-256 of `name` and the bytes it held, `None` when it is not there.
    fn digest(&mut self, name: &str) -> Result<Option<(String, u64)>> {
        if let Some(d) = self.digests.get(name) {
            return Ok(d.clone());
        }
        let d = if self.files.contains(name) {
            let (file, _) = files::open_beneath(&self.root, Path::new(name))
                .map_err(|why| unreadable(self.dir, name, why))?;
            let digest = crate::integrity::sha256_of(file).map_err(|source| Error::Io {
                path: self.dir.join(name),
                source,
            })?;
            Some(digest)
        } else {
            None
        };
        self.digests.insert(name.to_string(), d.clone());
        Ok(d)
    }
}

/// One line of `SHA256SUMS` as `sha256sum -c` reads it: the digest (either case), a space, then
/// a space (text mode) or `*` (binary mode), then the name.
fn sums_line(line: &str) -> Option<(String, &str)> {
    let (sha, rest) = line.split_at_checked(64)?;
    if !sha.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let name = rest
        .strip_prefix("  ")
        .or_else(|| rest.strip_prefix(" *"))?;
    (!name.is_empty()).then(|| (sha.to_ascii_lowercase(), name))
}

/// The manifest, and every way the folder differs from it (the fresh check aside).
pub fn compare(dir: &Path) -> Result<(Manifest, Vec<Difference>)> {
    compare_known(dir, Digests::new())
}

/// [`compare`], given the digests of files already read (as they were unpacked).
fn compare_known(dir: &Path, known: Digests) -> Result<(Manifest, Vec<Difference>)> {
    let root = files::open_root(dir).map_err(|source| Error::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    let bytes = files::read_beneath(&root, Path::new(MANIFEST), MAX_MANIFEST_BYTES)
        .map_err(|why| unreadable(dir, MANIFEST, why))?;
    let manifest =
        Manifest::parse(&bytes).map_err(|e| Unusable::Manifest(e).at(&dir.join(MANIFEST)))?;
    // What is there: regular files and folders only.
    let entries = files::walk_beneath(&root, MAX_ARCHIVE_ENTRIES)
        .map_err(|source| Error::Io {
            path: dir.to_path_buf(),
            source,
        })?
        .ok_or_else(|| Unusable::TooManyEntries.at(dir))?;
    let mut present = BTreeSet::new();
    for (name, kind) in entries {
        match kind {
            EntryKind::File => {
                present.insert(name);
            }
            EntryKind::Folder => {}
            EntryKind::Link => return Err(Unusable::Link(name).at(dir)),
            EntryKind::Special => return Err(Unusable::NotAFile(name).at(dir)),
        }
    }
    let mut folder = Folder {
        dir,
        root,
        files: present,
        digests: known,
    };
    let mut diffs = Vec::new();
    let listed: BTreeSet<String> = manifest
        .files
        .iter()
        .map(|f| f.name.clone())
        .chain([MANIFEST.to_string(), SUMS.to_string()])
        .collect();
    for f in &manifest.files {
        match folder.digest(&f.name)? {
            None => diffs.push(Difference::Missing {
                name: f.name.clone(),
            }),
            Some((sha, _)) if sha != f.sha256 => diffs.push(Difference::Changed {
                name: f.name.clone(),
            }),
            Some((_, size)) if size != f.size => diffs.push(Difference::Record {
                name: f.name.clone(),
                field: "size".into(),
            }),
            Some(_) => {}
        }
    }
    if manifest.forced == manifest.ready {
        diffs.push(Difference::Forced);
    }
    for name in folder.files.difference(&listed) {
        diffs.push(Difference::Added { name: name.clone() });
    }
    // SHA256SUMS: each line as `sha256sum -c` reads it.
    match files::read_beneath(&folder.root, Path::new(SUMS), MAX_SUMS_BYTES) {
        Err(Unreadable::NotFound) => diffs.push(Difference::Missing { name: SUMS.into() }),
        Err(why) => return Err(unreadable(dir, SUMS, why)),
        Ok(sums) => {
            let sums = String::from_utf8_lossy(&sums);
            let mut named = BTreeSet::new();
            for (i, line) in sums.lines().enumerate() {
                let line = line.strip_suffix('\r').unwrap_or(line);
                if line.trim().is_empty() {
                    continue;
                }
                let Some((sha, name)) = sums_line(line) else {
                    diffs.push(Difference::SumsLine { line: i + 1 });
                    continue;
                };
                if !plain_name(name) {
                    return Err(Unusable::SumsName {
                        line: i + 1,
                        name: name.to_string(),
                    }
                    .at(&dir.join(SUMS)));
                }
                if !named.insert(name.to_string()) {
                    continue;
                }
                if folder.digest(name)?.map(|(d, _)| d) != Some(sha) {
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

/// What `verify` found: the manifest, and every way the archive differs from it.
pub struct Verification {
    pub manifest: Manifest,
    pub differences: Vec<Difference>,
    /// Editions only the archive carries (not built in), which its dossier was judged under.
    pub from_archive: Vec<String>,
    /// The packed application was drafted again and compared (only when the archive was
    /// packed by this very version of the tool).
    pub application_compared: bool,
}

/// Verifies an archive (unpacked beneath `scratch`, a private empty folder) or an unpacked
/// folder: its files against the manifest and the sums, its edition against the one this run
/// knows by that id, and a fresh check of its content on the recorded date against the
/// recorded outcome, grounds and score. `rules` are the `--rules` of the run.
pub fn verify(
    path: &Path,
    scratch: &Path,
    rules: &[PathBuf],
    tool_version: &str,
) -> Result<Verification> {
    let mut application_compared = false;
    // An archive is unpacked beneath the private folder; a folder is read where it is.
    let (dir, known) = if files::metadata(path).is_ok_and(|m| m.is_file()) {
        let into = files::open_root(scratch).map_err(|source| Error::Io {
            path: scratch.to_path_buf(),
            source,
        })?;
        let (top, digests) = unpack(path, &into)?;
        (scratch.join(top), digests)
    } else {
        (path.to_path_buf(), Digests::new())
    };
    let (manifest, mut diffs) = compare_known(&dir, known)?;
    let today = chrono::NaiveDate::parse_from_str(&manifest.checked, "%Y-%m-%d")
        .map_err(|_| Unusable::CheckedNotADate.at(&dir.join(MANIFEST)))?;
    let request = dossier_judge::CheckRequest {
        paths: vec![dir.clone()],
        today,
        edition: None,
        rules: rules.to_vec(),
        what_if: Default::default(),
        config: None,
        // An archive's own copy of a built-in edition is compared, never trusted.
        built_in_wins: true,
        threads: None,
    };
    let report = dossier_judge::check(&request)?;
    let mut from_archive = Vec::new();
    for (id, text) in archive_editions(&dir) {
        match crate::edition::Editions::built_in_text(&id) {
            Some(built_in) if built_in != text => diffs.push(Difference::EditionChanged { id }),
            Some(_) => {}
            None => from_archive.push(id),
        }
    }
    match report.dossiers.first() {
        Some(d) => {
            match d.judged() {
                Some(j) if j.edition.id() != manifest.edition.id => {
                    diffs.push(Difference::EditionUnknown {
                        id: manifest.edition.id.clone(),
                    })
                }
                Some(j) => {
                    let (text, _) = crate::manifest::edition_text(j)?;
                    let digest = crate::integrity::sha256_of(text.as_bytes())
                        .map(|(d, _)| d)
                        .unwrap_or_default();
                    if digest != manifest.edition.sha256 {
                        diffs.push(Difference::EditionChanged {
                            id: manifest.edition.id.clone(),
                        });
                    }
                }
                None => {}
            }
            if !report.editions.ids().any(|id| id == manifest.edition.id) {
                diffs.push(Difference::EditionUnknown {
                    id: manifest.edition.id.clone(),
                });
            }
            diffs.extend(recheck(&manifest, d));
            application_compared = manifest.tool == tool_version;
            if application_compared {
                diffs.extend(applications(&dir, d, today)?);
            }
        }
        None => diffs.push(Difference::Missing {
            name: crate::dossier::DOSSIER_FILE.into(),
        }),
    }
    diffs.dedup();
    Ok(Verification {
        manifest,
        differences: diffs,
        from_archive,
        application_compared,
    })
}

/// The packed application, drafted again from the packed dossier on the recorded date: the
/// same tool drafts the same bytes, so any other bytes mean the attachments, their pages or
/// the digests it prints no longer match.
fn applications(
    dir: &Path,
    report: &crate::judge::DossierReport,
    today: chrono::NaiveDate,
) -> Result<Vec<Difference>> {
    use crate::render::Format;
    let root = files::open_root(dir).map_err(|source| Error::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut diffs = Vec::new();
    for document in crate::manifest::PACKED_DRAFTS {
        for lang in [crate::lang::Lang::Kk, crate::lang::Lang::Ru] {
            for format in [Format::Pdf, Format::Docx] {
                let name = crate::manifest::draft_name(document, lang, format);
                let packed =
                    files::read_beneath(&root, Path::new(&name), MAX_APPLICATION_BYTES).ok();
                let now = crate::render::render(document, report, lang, format, today, None).ok();
                if packed.is_none() || packed != now {
                    diffs.push(Difference::Application { name });
                }
            }
        }
    }
    Ok(diffs)
}

/// The editions the archive's own `dossier.toml` loads from inside the archive: id and text.
fn archive_editions(dir: &Path) -> Vec<(String, String)> {
    let Ok(settings) = crate::settings::Settings::for_dossier(dir, None) else {
        return Vec::new();
    };
    settings
        .editions
        .iter()
        .flat_map(|e| &e.value)
        .filter(|p| files::stays_within(p, dir))
        .filter_map(|p| {
            let text = files::read_text(p).ok()?;
            let edition = crate::edition::Edition::from_toml(
                &text,
                &p.display().to_string(),
                crate::edition::Origin::File(p.clone()),
            )
            .ok()?;
            Some((edition.id().to_string(), text))
        })
        .collect()
}

/// The fresh check's differences from what the manifest recorded.
pub fn recheck(manifest: &Manifest, report: &crate::judge::DossierReport) -> Vec<Difference> {
    let mut diffs = Vec::new();
    if let Some(j) = report.judged() {
        let ready = j.readiness().ready();
        if ready != manifest.ready {
            diffs.push(Difference::Ready {
                recorded: manifest.ready,
                now: ready,
            });
        }
        // Pages are recorded for a requirement of one file.
        for f in manifest.files.iter().filter(|f| f.pages.is_some()) {
            let now = f
                .requirement
                .as_ref()
                .and_then(|r| j.documents.iter().find(|d| &d.id == r))
                .and_then(|d| d.pages);
            if now != f.pages {
                diffs.push(Difference::Record {
                    name: f.name.clone(),
                    field: "pages".into(),
                });
            }
        }
    }
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
        for bad in [
            "/etc/passwd",
            "a/../b",
            "..",
            "a\\b",
            "a//b",
            "./a",
            "",
            "C:x",
            "a\u{1b}[2J",
        ] {
            assert!(!plain_name(bad), "{bad}");
        }
        assert!(plain_name("esedo/documents/03-1_services-functions_01.pdf"));
    }

    #[test]
    fn sums_lines_are_read_as_sha256sum_reads_them() {
        let sha = "A".repeat(64);
        assert_eq!(
            sums_line(&format!("{sha}  x.pdf")),
            Some(("a".repeat(64), "x.pdf"))
        );
        assert_eq!(
            sums_line(&format!("{sha} *x.pdf")),
            Some(("a".repeat(64), "x.pdf"))
        );
        assert_eq!(sums_line(&format!("{sha} x.pdf")), None);
        assert_eq!(sums_line("abc  x.pdf"), None);
    }
}
