//! `dossier pack`: one reproducible archive of what was checked — the application (PDF and
//! Word, Kazakh and Russian), every attached document in the order of the Rules' list under a
//! name a person can follow, the dossier as the tool reads it (`dossier.yaml` pointing at those
//! names, the settings in effect), `manifest.json`, `SHA256SUMS` and the review notes.
//!
//! The same dossier on the same check date gives the same bytes: entries sorted, a fixed
//! timestamp and permissions, one compression level. Documents are streamed, never loaded whole.

use crate::error::{Error, Result};
use crate::integrity::{Digesting, sha256_of};
use crate::judge::{DossierReport, Judged};
use crate::lang::Lang;
use crate::manifest::{EditionRef, MANIFEST, Manifest, ManifestFile, SUMS, ScoreRef};
use crate::render::Format;
use chrono::NaiveDate;
use std::io::{Read, Write};
use std::path::Path;

use crate::signature::SIGNATURE_EXTENSIONS;

/// The archive's top folder: the dossier folder's name, with anything a plain archive name may
/// not hold (a backslash, a colon, a control character, bytes that are not UTF-8) replaced.
fn archive_folder(dir: &Path) -> String {
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let name: String = name
        .chars()
        .map(|c| match c {
            '\\' | '/' | ':' | '\u{FFFD}' => '_',
            c if c.is_control() => '_',
            c => c,
        })
        .collect();
    match name.as_str() {
        "" | "." | ".." => "dossier".to_string(),
        _ => name,
    }
}

/// "3(1)" → "03-1", "10" → "10".
fn clause_name(clause: &str) -> String {
    let (main, sub) = match clause.split_once('(') {
        Some((m, s)) => (m, Some(s.trim_end_matches(')'))),
        None => (clause, None),
    };
    let main = match main.parse::<u32>() {
        Ok(n) => format!("{n:02}"),
        Err(_) => main.to_string(),
    };
    match sub {
        Some(s) => format!("{main}-{s}"),
        None => main,
    }
}

fn extension(path: &str) -> String {
    Path::new(path)
        .extension()
        .and_then(|e| e.to_str())
        .map(|e| e.to_ascii_lowercase())
        .filter(|e| e.chars().all(|c| c.is_ascii_alphanumeric()) && e.len() <= 8)
        .unwrap_or_else(|| "bin".to_string())
}

/// What goes into the archive, before it is written.
enum Content {
    /// A file beneath the dossier folder, streamed.
    File(String),
    Bytes(Vec<u8>),
}

struct Entry {
    name: String,
    content: Content,
    meta: ManifestFile,
}

/// Everything `pack` needs besides the judged dossier.
pub struct PackInput<'a> {
    pub report: &'a DossierReport,
    /// The dossier folder.
    pub dir: &'a Path,
    pub today: NaiveDate,
    pub tool_version: &'a str,
    /// The edition's TOML text (for its digest, and shipped when not built in).
    pub edition_text: &'a str,
    pub built_in_edition: bool,
    pub forced: bool,
    /// The language of the review notes (the report's).
    pub lang: Lang,
}

/// Rewrites each document path of `dossier.yaml` to its name in the archive; checked by reading
/// the result back.
fn rewrite_yaml(
    text: &str,
    renames: &[(String, usize, String)],
) -> std::result::Result<String, String> {
    let (_, map) =
        crate::dossier::yaml::parse(text, "dossier.yaml").map_err(|f| f.code.to_string())?;
    let mut spans: Vec<((usize, usize), String)> = Vec::new();
    for (id, i, new) in renames {
        let found = crate::documents::file_paths(id, *i)
            .into_iter()
            .filter(|p| map.has(&p[..]))
            .find_map(|p| {
                let (a, b) = map.value(&p[..])?;
                let s = text.get(a..b)?;
                // A scalar, not the list or map around it.
                (!s.trim_start().starts_with(['[', '{', '-']) && !s.contains('\n'))
                    .then_some((a, b))
            })
            .ok_or_else(|| format!("documents.{id}[{i}]"))?;
        spans.push((found, new.clone()));
    }
    spans.sort_by_key(|(s, _)| std::cmp::Reverse(s.0));
    let mut out = text.to_string();
    for ((a, b), new) in spans {
        out.replace_range(a..b, &format!("\"{new}\""));
    }
    // What the archive's dossier names must be exactly the new names.
    let (file, _) =
        crate::dossier::yaml::parse(&out, "dossier.yaml").map_err(|f| f.code.to_string())?;
    for (id, i, new) in renames {
        let got = file.documents.get(id).and_then(|e| e.files.get(*i));
        if got != Some(new) {
            return Err(format!("documents.{id}[{i}]"));
        }
    }
    Ok(out)
}

/// The settings the dossier was judged with, as a `dossier.toml` that stops the lookup. The
/// editions and templates of the dossier's own tree stay behind: the archive carries its
/// edition itself (`edition_file`), and the application is already drafted.
fn settings_toml(j: &Judged, edition_file: Option<&str>) -> String {
    let mut t = j.settings.to_toml();
    t.remove("editions");
    t.remove("templates");
    t.insert("root".into(), toml::Value::Boolean(true));
    if let Some(file) = edition_file {
        t.insert(
            "editions".into(),
            toml::Value::Array(vec![toml::Value::String(file.into())]),
        );
    }
    format!(
        "# The settings this dossier was checked with (written by `dossier pack`).\n{}",
        toml::to_string(&t).unwrap_or_default()
    )
}

/// The findings as a Markdown review sheet.
fn review_notes(report: &DossierReport, folder: &str, lang: Lang, today: NaiveDate) -> String {
    let words = crate::report::human::words_for(report, lang);
    let md = crate::messages::escape::markdown;
    // The archive's folder, not the path as typed: the same dossier packs to the same bytes.
    let mut out = format!("# {}\n\n", md(folder));
    // The amendments an edition lacks are said of each packed draft by its own date, below.
    let findings = report
        .findings()
        .iter()
        .filter(|f| f.code != crate::finding::Code::EditionAmendedUnits);
    for f in findings {
        let label = match f.severity {
            crate::finding::Severity::Error => crate::t!(lang, "severity.error"),
            crate::finding::Severity::Warning => crate::t!(lang, "severity.warning"),
            crate::finding::Severity::Info => crate::t!(lang, "severity.note"),
        };
        out.push_str(&format!(
            "- **{label}** {} `{}`\n",
            md(&words.finding(f)),
            f.code
        ));
    }
    if report.findings().is_empty() {
        out.push_str(&format!("{}\n", crate::t!(lang, "portfolio.no-findings")));
    }
    // What the reviewer should know about each packed draft and that the draft must not say:
    // the Russian text is a working translation, the form's slips, the amendments in force on
    // the draft's own date (R1, R50).
    if let Some(judged) = report.judged() {
        out.push_str(&format!("\n## {}\n", crate::t!(lang, "review.sheet-title")));
        for document in crate::manifest::PACKED_DRAFTS {
            let Some(draft) = judged.edition.draft(document.id()) else {
                continue;
            };
            for draft_lang in [Lang::Kk, Lang::Ru] {
                let name = crate::manifest::draft_name(document, draft_lang, Format::Pdf);
                out.push_str(&format!("\n### {}\n\n", md(&name)));
                let notes = crate::render::review_notes(document, judged, draft, draft_lang, today);
                if notes.is_empty() {
                    out.push_str(&format!("{}\n", crate::t!(lang, "review.none")));
                }
                for n in &notes {
                    out.push_str(&format!("- {}\n", md(&words.message(n))));
                }
            }
        }
    }
    out
}

/// Packs one judged dossier into `out`: plan → manifest → write.
pub fn pack(input: &PackInput, out: &Path, force: bool) -> Result<Manifest> {
    // Never into the dossier being packed: the archive would replace one of its documents or
    // become part of the next pack.
    let parent = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if let (Ok(dossier), Ok(parent)) = (
        crate::files::canonical(input.dir),
        crate::files::canonical(parent),
    ) && parent.starts_with(&dossier)
    {
        return Err(Error::usage(
            crate::finding::Message::new("usage.pack-inside")
                .arg("file", out.display().to_string())
                .arg("dossier", input.dir.display().to_string()),
        ));
    }
    let plan = plan(input)?;
    let manifest = plan.manifest().clone();
    plan.write(out, force)?;
    Ok(manifest)
}

/// What goes into the archive, before anything is written: each entry with its manifest
/// record, the documents digested once as they were found.
pub struct Plan {
    /// The archive's one top folder.
    folder: String,
    /// The dossier folder's handle: documents are copied from beneath it.
    root: cap_std::fs::Dir,
    entries: Vec<Entry>,
    manifest: Manifest,
}

/// Plans the archive of one judged dossier: its documents in the order of the Rules' list, the
/// dossier as the tool reads it, the settings, the application and the review notes.
pub fn plan(input: &PackInput) -> Result<Plan> {
    let report = input.report;
    let j = report.judged().ok_or_else(|| {
        Error::usage(
            crate::finding::Message::new("usage.render-invalid")
                .arg("dossier", report.path.as_str())
                .arg("document", "pack"),
        )
    })?;
    let root = crate::files::open_root(input.dir).map_err(|source| Error::Io {
        path: input.dir.to_path_buf(),
        source,
    })?;
    let folder = archive_folder(input.dir);
    let mut entries: Vec<Entry> = Vec::new();
    let meta = ManifestFile::made;
    // The documents, in the order of the Rules' list: the list position first in each name,
    // so a file manager sorts them as the Rules list them. Each file is digested once, when it
    // is found, and archived once however often the dossier names it.
    let mut renames: Vec<(String, usize, String)> = Vec::new();
    let mut digests = crate::integrity::Digests::default();
    let mut archived: std::collections::HashMap<(u64, u64), String> =
        std::collections::HashMap::new();
    for (position, doc) in j.documents.iter().enumerate() {
        let Some(entry) = j.file.documents.get(&doc.id) else {
            continue;
        };
        for (i, source) in entry.files.iter().enumerate() {
            // A file that cannot be read beneath the folder is left out (check reported it).
            let Some((id, sha256, size)) = digests.of(&root, source) else {
                continue;
            };
            if let Some(name) = archived.get(&id) {
                renames.push((doc.id.clone(), i, name.clone()));
                continue;
            }
            let name = format!(
                "documents/{:02}_{}_{}_{:02}.{}",
                position + 1,
                clause_name(&doc.clause),
                doc.id,
                i + 1,
                extension(source)
            );
            archived.insert(id, name.clone());
            renames.push((doc.id.clone(), i, name.clone()));
            let mut m = meta(&name, "document");
            m.requirement = Some(doc.id.clone());
            m.clause = Some(doc.clause.clone());
            m.source = Some(source.clone());
            m.pages = if entry.files.len() == 1 {
                doc.pages
            } else {
                None
            };
            (m.sha256, m.size) = (sha256, size);
            entries.push(Entry {
                name: name.clone(),
                content: Content::File(source.clone()),
                meta: m,
            });
            // Signature files beside it travel with it.
            for ext in SIGNATURE_EXTENSIONS {
                let sig = format!("{source}.{ext}");
                if let Some((_, sha256, size)) = digests.of(&root, &sig) {
                    let sig_name = format!("{name}.{ext}");
                    let mut m = meta(&sig_name, "signature");
                    m.requirement = Some(doc.id.clone());
                    m.source = Some(sig.clone());
                    (m.sha256, m.size) = (sha256, size);
                    entries.push(Entry {
                        name: sig_name,
                        content: Content::File(sig),
                        meta: m,
                    });
                }
            }
        }
    }
    // The dossier as the tool reads it, pointing at the names above.
    // Read as `check` reads it (bounded, its encoding decoded); it was just judged, so a
    // failure here means the file changed meanwhile.
    let yaml = crate::files::read_yaml(&root).map_err(|f| Error::Io {
        path: input.dir.join(crate::dossier::DOSSIER_FILE),
        source: std::io::Error::other(f.code.to_string()),
    })?;
    let yaml = rewrite_yaml(yaml.trim_start_matches('\u{feff}'), &renames).map_err(|at| {
        Error::usage(
            crate::finding::Message::new("usage.pack-rewrite")
                .arg("dossier", report.path.as_str())
                .arg("at", at),
        )
    })?;
    entries.push(Entry {
        name: crate::dossier::DOSSIER_FILE.into(),
        content: Content::Bytes(yaml.into_bytes()),
        meta: meta(crate::dossier::DOSSIER_FILE, "dossier"),
    });
    let edition_file = (!input.built_in_edition).then(|| format!("rules/{}.toml", j.edition.id()));
    if let Some(file) = &edition_file {
        entries.push(Entry {
            name: file.clone(),
            content: Content::Bytes(input.edition_text.as_bytes().to_vec()),
            meta: meta(file, "dossier"),
        });
    }
    entries.push(Entry {
        name: crate::settings::SETTINGS_FILE.into(),
        content: Content::Bytes(settings_toml(j, edition_file.as_deref()).into_bytes()),
        meta: meta(crate::settings::SETTINGS_FILE, "dossier"),
    });
    // The application and its covering letter, for filing and for editing, in both languages.
    for document in crate::manifest::PACKED_DRAFTS {
        for lang in [Lang::Kk, Lang::Ru] {
            for format in [Format::Pdf, Format::Docx] {
                let bytes =
                    crate::render::render(document, report, lang, format, input.today, None)?;
                let name = crate::manifest::draft_name(document, lang, format);
                entries.push(Entry {
                    name: name.clone(),
                    content: Content::Bytes(bytes),
                    meta: meta(&name, "draft"),
                });
            }
        }
    }
    entries.push(Entry {
        name: "review-notes.md".into(),
        content: Content::Bytes(
            review_notes(report, &folder, input.lang, input.today).into_bytes(),
        ),
        meta: meta("review-notes.md", "notes"),
    });
    // Digests and sizes of what was made here; the files were digested as they were found.
    for e in &mut entries {
        if let Content::Bytes(b) = &e.content {
            (e.meta.sha256, e.meta.size) = sha256_of(&b[..]).map_err(|source| Error::Io {
                path: input.dir.to_path_buf(),
                source,
            })?;
        }
    }
    let manifest = Manifest {
        schema: 1,
        tool: input.tool_version.to_string(),
        edition: EditionRef {
            id: j.edition.id().to_string(),
            sha256: sha256_of(input.edition_text.as_bytes())
                .map(|(d, _)| d)
                .unwrap_or_default(),
        },
        checked: input.today.to_string(),
        outcome: j.outcome.id().to_string(),
        grounds: j.grounds.iter().map(|g| g.code.clone()).collect(),
        ready: j.readiness().ready(),
        score: j.score.as_ref().map(|s| ScoreRef {
            total: s.total,
            max: s.max,
            passed: s.passed,
        }),
        forced: input.forced,
        files: entries.iter().map(|e| e.meta.clone()).collect(),
    };
    Ok(Plan {
        folder,
        root,
        entries,
        manifest,
    })
}

impl Plan {
    /// The manifest of the planned archive: the edition, the outcome and every file.
    pub fn manifest(&self) -> &Manifest {
        &self.manifest
    }

    /// Writes the archive: every entry, `manifest.json` and `SHA256SUMS`, sorted by name, at a
    /// fixed time and mode (the same dossier and date give the same bytes).
    pub fn write(self, out: &Path, force: bool) -> Result<()> {
        let Plan {
            folder,
            root,
            mut entries,
            manifest,
        } = self;
        // The manifest and the sums, which name every entry and the manifest itself.
        let manifest_json = manifest.to_json();
        let sums = manifest.sums(&manifest_json);
        for (name, bytes) in [(MANIFEST, manifest_json), (SUMS, sums)] {
            entries.push(Entry {
                name: name.into(),
                content: Content::Bytes(bytes.into_bytes()),
                meta: ManifestFile::made(name, "manifest"),
            });
        }
        entries.sort_by(|a, b| a.name.cmp(&b.name));
        // Never a name `verify` would refuse (the edition's ids and clauses are checked when it
        // is loaded; this holds whatever else changes).
        if let Some(bad) = entries
            .iter()
            .map(|e| format!("{folder}/{}", e.name))
            .find(|n| !crate::files::plain_name(n))
        {
            return Err(Error::usage(
                crate::finding::Message::new("usage.pack-name").arg("name", bad),
            ));
        }
        let mut changed: Option<String> = None;
        let first_error = std::rc::Rc::new(std::cell::Cell::new(None));
        let written = crate::files::write_file_with(out, force, |f| {
            let mut zip = zip::ZipWriter::new(Quiet::new(f, first_error.clone()));
            let deflated = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated)
                .compression_level(Some(6))
                .last_modified_time(zip::DateTime::default())
                .unix_permissions(0o644);
            // A PDF, an Office file, an image or an archive is compressed already: deflating it
            // again costs most of the packing time and makes it no smaller.
            let stored = deflated
                .compression_method(zip::CompressionMethod::Stored)
                .compression_level(None);
            let mut buffer = vec![0u8; COPY_BUFFER];
            for e in &entries {
                let options = if compressed_already(&e.name) {
                    stored
                } else {
                    deflated
                };
                zip.start_file(format!("{folder}/{}", e.name), options)?;
                match &e.content {
                    Content::Bytes(b) => zip.write_all(b)?,
                    Content::File(source) => {
                        // Digested again as it is copied: the archive holds what the manifest
                        // names.
                        let (file, _) = crate::files::open_regular(&root, Path::new(source))?;
                        let mut copied = Digesting::new(file.take(e.meta.size));
                        // In large pieces: 8 KiB ones (`io::copy`) made 50,000 system calls
                        // of a 200 MB dossier.
                        loop {
                            let n = copied.read(&mut buffer)?;
                            if n == 0 {
                                break;
                            }
                            zip.write_all(&buffer[..n])?;
                        }
                        if copied.finish() != (e.meta.sha256.clone(), e.meta.size) {
                            changed = Some(source.clone());
                            return Err(std::io::Error::other("changed while packing"));
                        }
                    }
                }
            }
            zip.finish()?.finish()
        });
        match (written, changed) {
            (Err(_), Some(file)) => Err(Error::usage(
                crate::finding::Message::new("usage.pack-changed").arg("file", file),
            )),
            // The system's own error (a full disk), not the archive writer's wrapping of it.
            (Err(Error::Write { path, source }), None) => Err(Error::Write {
                path,
                source: match first_error.take() {
                    Some((kind, Some(code))) if kind != std::io::ErrorKind::Other => {
                        std::io::Error::from_raw_os_error(code)
                    }
                    _ => source,
                },
            }),
            (result, _) => result,
        }
    }
}

/// The piece a document is copied into the archive in.
const COPY_BUFFER: usize = 1 << 20;

/// Formats whose bytes are compressed already (by their extension, lowercased).
fn compressed_already(name: &str) -> bool {
    const PACKED: &[&str] = &[
        "pdf", "docx", "xlsx", "pptx", "odt", "ods", "odp", "jpg", "jpeg", "png", "gif", "webp",
        "zip", "7z", "gz", "rar",
    ];
    name.rsplit_once('.')
        .is_some_and(|(_, ext)| PACKED.contains(&ext.to_ascii_lowercase().as_str()))
}

/// The archive's writer: the first error is returned and kept, and everything after it is
/// swallowed, so a writer dropped after a failure (a full disk) has nothing left to report —
/// the error reaches the user once, as the command's own.
struct Quiet<W> {
    inner: W,
    failed: Option<std::io::Error>,
    /// The first error's kind and system number, for the caller.
    first: FirstError,
}

/// Where `Quiet` leaves the kind and system number of the first error it met.
type FirstError = std::rc::Rc<std::cell::Cell<Option<(std::io::ErrorKind, Option<i32>)>>>;

impl<W> Quiet<W> {
    fn new(inner: W, first: FirstError) -> Quiet<W> {
        Quiet {
            inner,
            failed: None,
            first,
        }
    }

    /// The first error, if any.
    fn finish(self) -> std::io::Result<()> {
        self.failed.map_or(Ok(()), Err)
    }

    fn keep<T>(&mut self, result: std::io::Result<T>, instead: T) -> std::io::Result<T> {
        match result {
            Err(e) if self.failed.is_none() => {
                self.first.set(Some((e.kind(), e.raw_os_error())));
                let copy = std::io::Error::new(e.kind(), e.to_string());
                self.failed = Some(e);
                Err(copy)
            }
            Err(_) => Ok(instead),
            ok => ok,
        }
    }
}

impl<W: Write> Write for Quiet<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.failed.is_some() {
            return Ok(buf.len());
        }
        let result = self.inner.write(buf);
        self.keep(result, buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if self.failed.is_some() {
            return Ok(());
        }
        let result = self.inner.flush();
        self.keep(result, ())
    }
}

impl<W: std::io::Seek> std::io::Seek for Quiet<W> {
    fn seek(&mut self, pos: std::io::SeekFrom) -> std::io::Result<u64> {
        if self.failed.is_some() {
            return Ok(0);
        }
        let result = self.inner.seek(pos);
        self.keep(result, 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_top_folder_is_a_plain_name_whatever_the_dossier_folder_is_called() {
        use std::os::unix::ffi::OsStrExt;
        assert_eq!(
            archive_folder(Path::new("x/ministry\\esedo")),
            "ministry_esedo"
        );
        assert_eq!(
            archive_folder(Path::new(std::ffi::OsStr::from_bytes(b"caf\xe9"))),
            "caf_"
        );
        assert_eq!(archive_folder(Path::new("/")), "dossier");
        assert_eq!(archive_folder(Path::new("a/..")), "dossier");
    }

    #[test]
    fn names_follow_the_clause_and_the_requirement() {
        assert_eq!(clause_name("3(1)"), "03-1");
        assert_eq!(clause_name("5(2)"), "05-2");
        assert_eq!(clause_name("10"), "10");
        assert_eq!(extension("docs/a.PDF"), "pdf");
        assert_eq!(extension("docs/a"), "bin");
    }

    #[test]
    fn document_paths_are_rewritten_in_every_form() {
        let yaml = "schema: 1\nkind: information-system\nobject: {name: x}\ndocuments:\n  a: docs/a.pdf\n  b: [docs/b1.pdf, 'docs/b2.pdf']\n  c:\n    files: \"docs/c.pdf\"\n    valid_until: 2027-01-01\n  d:\n    - docs/d.pdf\n";
        let renames = vec![
            ("a".to_string(), 0, "documents/x_a_01.pdf".to_string()),
            ("b".to_string(), 0, "documents/x_b_01.pdf".to_string()),
            ("b".to_string(), 1, "documents/x_b_02.pdf".to_string()),
            ("c".to_string(), 0, "documents/x_c_01.pdf".to_string()),
            ("d".to_string(), 0, "documents/x_d_01.pdf".to_string()),
        ];
        let out = rewrite_yaml(yaml, &renames).unwrap();
        assert!(out.contains("valid_until: 2027-01-01"), "{out}");
        assert!(!out.contains("docs/"), "{out}");
    }
}
