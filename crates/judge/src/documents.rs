//! Document checks: the status of each requirement of the object's kind (contract §3).
//! Judgment only: every result and finding is data; the printers word them.

use crate::dossier::validate::Located;
use crate::dossier::{DocumentEntry, DossierFile};
use crate::edition::{Edition, Filed, Requirement};
use crate::finding::{Arg, Code, Finding, Message, Severity};
use crate::inspect::{self, Problem, Verdict};
use crate::source_path::{SegRef, segs};
use cap_std::fs::Dir;
use chrono::NaiveDate;
use serde::Serialize;
use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DocStatus {
    Present,
    Missing,
    Invalid,
    Expired,
    ExpiredAllowed,
}

impl DocStatus {
    /// Whether the requirement counts as met (`expired-allowed` does, contract §3).
    pub fn counts(self) -> bool {
        matches!(self, DocStatus::Present | DocStatus::ExpiredAllowed)
    }

    pub fn id(self) -> &'static str {
        match self {
            DocStatus::Present => "present",
            DocStatus::Missing => "missing",
            DocStatus::Invalid => "invalid",
            DocStatus::Expired => "expired",
            DocStatus::ExpiredAllowed => "expired-allowed",
        }
    }
}

#[derive(Debug, Clone)]
pub struct DocumentResult {
    pub id: String,
    pub clause: String,
    pub filed: Filed,
    pub status: DocStatus,
    pub files: Vec<String>,
    pub pages: Option<u32>,
    /// The count is (in part) the one a Word file records in `docProps/app.xml`, as the
    /// program that saved it last computed it: it may be stale.
    pub pages_recorded: bool,
    /// Worksheets, when every file is a spreadsheet whose sheets can be counted.
    pub sheets: Option<u32>,
    /// Signatures found on its files (detached CMS beside a file, or inside a PDF).
    pub signatures: Vec<crate::signature::Signature>,
    /// Its PDF files that may hold a signature inside (read again only then).
    pub maybe_signed: Vec<String>,
    /// What the report says beside the status (joined with "; ").
    pub notes: Vec<Message>,
}

/// Accepted document types, for the message on an unknown type.
const TYPES: &str = "PDF, DOC/DOCX, XLS/XLSX, ODT/ODS, RTF, PNG, JPEG, TIFF";

/// Checks every requirement of the dossier's kind. `root` is a handle on the dossier folder.
pub fn check(
    root: &Dir,
    trust: &[x509_cert::Certificate],
    file: &DossierFile,
    edition: &Edition,
    today: NaiveDate,
    at: &Located,
    findings: &mut Vec<Finding>,
) -> Vec<DocumentResult> {
    let mut folders = Folders::default();
    edition
        .requirements_for(&file.kind)
        .map(|req| {
            let mut one = One {
                req,
                at,
                findings: &mut *findings,
                identities: Vec::new(),
            };
            let mut result = one.check(root, file, today);
            if result.status.counts() {
                one.signatures(root, trust, file, &mut folders, &mut result);
            }
            result
        })
        .collect()
}

/// The signature files in each folder documents sit in, listed once per dossier (found among
/// the folder's names without opening a file per extension); most folders have none.
#[derive(Default)]
struct Folders(std::collections::HashMap<String, Vec<String>>);

impl Folders {
    fn signature_files(&mut self, root: &Dir, parent: &str) -> &[String] {
        self.0.entry(parent.to_string()).or_insert_with(|| {
            let dir = if parent.is_empty() { "." } else { parent };
            let signature = |n: &str| {
                n.rsplit_once('.')
                    .is_some_and(|(_, e)| crate::signature::SIGNATURE_EXTENSIONS.contains(&e))
            };
            crate::files::names_beneath(
                root,
                std::path::Path::new(dir),
                crate::limits::MAX_FOLDER_ENTRIES,
                signature,
            )
            .unwrap_or_default()
        })
    }
}

/// The check of one requirement, and where its findings go.
struct One<'a> {
    req: &'a Requirement,
    at: &'a Located<'a>,
    findings: &'a mut Vec<Finding>,
    /// The (device, inode) of each of the requirement's files that inspection opened, by its
    /// place in the list: the signature pass needs no second open to recognise a file named
    /// twice.
    identities: Vec<Option<(u64, u64)>>,
}

impl One<'_> {
    /// A finding about this requirement: "clause: title — detail".
    fn finding(&mut self, severity: Severity, code: Code, detail: Message, line: Option<usize>) {
        self.findings.push(
            Finding::with(severity, code, "document.finding")
                .arg("requirement", Arg::Requirement(self.req.id.clone()))
                .arg("clause", Arg::Clause(self.req.clause.clone()))
                .arg("detail", detail)
                .at(self.at.file, line),
        );
    }

    fn check(&mut self, root: &Dir, file: &DossierFile, today: NaiveDate) -> DocumentResult {
        let req = self.req;
        let mut result = DocumentResult {
            id: req.id.clone(),
            clause: req.clause.clone(),
            filed: req.filed,
            status: DocStatus::Missing,
            files: Vec::new(),
            pages: None,
            pages_recorded: false,
            sheets: None,
            signatures: Vec::new(),
            maybe_signed: Vec::new(),
            notes: Vec::new(),
        };
        let entry_path = segs(["documents", &req.id]);
        let Some(entry) = file.documents.get(&req.id) else {
            let detail = Message::new("document.missing.not-listed");
            let line = self.at.line(&segs(["documents"]));
            self.finding(Severity::Error, Code::DocumentMissing, detail.clone(), line);
            result.notes.push(detail);
            return result;
        };
        result.files = entry.files.clone();
        if entry.files.is_empty() {
            let detail = Message::new("document.missing.no-files");
            let line = self.at.line(&entry_path);
            self.finding(Severity::Error, Code::DocumentMissing, detail.clone(), line);
            result.notes.push(detail);
            return result;
        }
        if !self.inspect_files(root, entry, &mut result) {
            return result;
        }
        self.validity(entry, file, today, &mut result);
        self.attestat_check(entry);
        if result.status == DocStatus::Present && req.filed == Filed::Portal {
            // The dossier's copy stands in for the portal, and the report says so.
            result.notes.push(Message::new("document.portal-proxy"));
        }
        if let Some(stage) = file.object.stage
            && !req.expected_stages.is_empty()
            && !req.expected_stages.iter().any(|s| s == stage.id())
        {
            self.findings.push(
                Finding::new(Severity::Warning, Code::ObjectStageNotCommissioned)
                    .arg("requirement", Arg::Requirement(req.id.clone()))
                    .arg("stage", stage.id())
                    .at(self.at.file, self.at.line(&segs(["object", "stage"]))),
            );
        }
        result
    }

    /// The signatures on the requirement's files, their findings, and whether a signature the
    /// edition requires is there.
    fn signatures(
        &mut self,
        root: &Dir,
        trust: &[x509_cert::Certificate],
        file: &DossierFile,
        folders: &mut Folders,
        result: &mut DocumentResult,
    ) {
        use crate::signature::{ChainCheck, Coverage, DigestCheck, ValueCheck};
        use std::os::unix::fs::MetadataExt;
        // A file named many times (or through a link inside) is checked once.
        let mut seen = std::collections::HashSet::new();
        for i in 0..result.files.len() {
            let name = &result.files[i];
            let parent = Path::new(name)
                .parent()
                .map(|p| p.to_string_lossy().into_owned())
                .unwrap_or_default();
            let siblings = folders.signature_files(root, &parent);
            let maybe_pdf = result.maybe_signed.contains(name);
            // A signature file of this document beside it, not only of another in its folder.
            let own = crate::signature::signature_files(name, siblings);
            if own.is_empty() && !maybe_pdf {
                continue;
            }
            // Known from inspection; else only a file that may be signed costs this look.
            let identity = self.identities.get(i).copied().flatten().or_else(|| {
                crate::files::open_beneath(root, Path::new(name))
                    .ok()
                    .map(|(_, m)| (m.dev(), m.ino()))
            });
            if identity.is_some_and(|id| !seen.insert(id)) {
                continue;
            }
            let name = name.clone();
            let name = &name;
            // Each document's content is hashed once per algorithm for all its signatures.
            let mut checker = crate::signature::Checker::new(trust);
            // The bytes inspection read, when it read this file whole and last.
            let inspected = identity.and_then(crate::inspect::inspected_content);
            let mut found =
                crate::signature::detached(root, name, inspected.as_deref(), own, &mut checker);
            if let Some(buffer) = inspected {
                crate::inspect::return_content(buffer);
            }
            if maybe_pdf {
                found.extend(crate::signature::in_pdf(root, name, &mut checker));
            }
            if found.is_empty() {
                continue;
            }
            let line = file_line(self.at, &self.req.id, i);
            for sig in &found {
                let shown = sig.file.clone().unwrap_or_else(|| name.clone());
                if let Some(why) = &sig.problem {
                    let detail = Message::new("signature.unreadable")
                        .arg("file", shown.as_str())
                        .arg("why", why.message());
                    self.finding(Severity::Warning, Code::SignatureUnreadable, detail, line);
                    continue;
                }
                for signer in &sig.signers {
                    // A name from the certificate is the signer's only once the key in that
                    // certificate is shown to have made the signature.
                    let named = signer.value == ValueCheck::Verified;
                    let dash = || "—".to_string();
                    let shown = |v: &Option<String>| {
                        if named {
                            v.clone().unwrap_or_else(dash)
                        } else {
                            dash()
                        }
                    };
                    let who = shown(&signer.common_name);
                    let chain_failed = matches!(
                        signer.chain,
                        ChainCheck::UnknownIssuer | ChainCheck::ExpiredAtSigning
                    );
                    let (severity, code, key) = if signer.verified() && chain_failed {
                        (
                            Severity::Warning,
                            Code::SignatureUnverified,
                            "signature.chain-failed",
                        )
                    } else if signer.verified() {
                        (Severity::Info, Code::SignaturePresent, "signature.verified")
                    } else if signer.digest == DigestCheck::Mismatch {
                        (
                            Severity::Error,
                            Code::SignatureDigestMismatch,
                            "signature.digest-mismatch",
                        )
                    } else if signer.value == ValueCheck::Invalid {
                        (
                            Severity::Error,
                            Code::SignatureInvalid,
                            "signature.invalid.value",
                        )
                    } else if signer.coverage == Coverage::ChangedAfterSigning {
                        (
                            Severity::Error,
                            Code::SignatureInvalid,
                            "signature.invalid.changed-after-signing",
                        )
                    } else if signer.coverage == Coverage::Partial {
                        (
                            Severity::Error,
                            Code::SignatureInvalid,
                            "signature.invalid.partial",
                        )
                    } else if signer.value == ValueCheck::NotVerified
                        && signer.digest == DigestCheck::Verified
                    {
                        (
                            Severity::Warning,
                            Code::SignatureUnverified,
                            "signature.value-not-verified",
                        )
                    } else {
                        (
                            Severity::Warning,
                            Code::SignatureUnverified,
                            "signature.unverified",
                        )
                    };
                    let detail = Message::new(key)
                        .arg("file", name.as_str())
                        .arg("signer", who.as_str())
                        .arg("iin", shown(&signer.iin))
                        .arg("bin", shown(&signer.bin))
                        .arg("from", signer.valid_from.clone().unwrap_or_else(dash))
                        .arg("until", signer.valid_until.clone().unwrap_or_else(dash))
                        .arg("time", signer.signing_time.clone().unwrap_or_else(dash))
                        .arg("digest", signer.digest_algorithm.as_str())
                        .arg("algorithm", signer.signature_algorithm.as_str())
                        .arg(
                            "chain",
                            match &signer.chain {
                                ChainCheck::NotChecked => {
                                    Message::new("signature.chain.not-checked")
                                }
                                ChainCheck::Verified { anchor } => {
                                    Message::new("signature.chain.verified")
                                        .arg("anchor", anchor.as_str())
                                }
                                ChainCheck::UnknownIssuer => {
                                    Message::new("signature.chain.unknown-issuer")
                                }
                                ChainCheck::ExpiredAtSigning => {
                                    Message::new("signature.chain.expired")
                                }
                            },
                        );
                    self.finding(severity, code, detail, line);
                    if severity == Severity::Error {
                        result.status = DocStatus::Invalid;
                    }
                    if signer.coverage == Coverage::LaterSignature {
                        let detail = Message::new("signature.later-signature")
                            .arg("file", name.as_str())
                            .arg("signer", who.as_str());
                        self.finding(Severity::Info, Code::SignaturePresent, detail, line);
                    }
                    if signer.weak_digest {
                        let detail = Message::new("signature.weak-digest")
                            .arg("file", name.as_str())
                            .arg("digest", signer.digest_algorithm.as_str());
                        self.finding(Severity::Warning, Code::SignatureUnverified, detail, line);
                    }
                    if signer.expired_at_signing {
                        let detail = Message::new("signature.certificate-expired")
                            .arg("signer", who.as_str())
                            .arg("time", signer.signing_time.clone().unwrap_or_default())
                            .arg("until", signer.valid_until.clone().unwrap_or_default());
                        self.finding(
                            Severity::Warning,
                            Code::SignatureCertificateExpired,
                            detail,
                            line,
                        );
                    }
                    if let (true, Some(theirs), Some(ours)) =
                        (named, &signer.bin, &file.state_body.bin)
                        && theirs != ours
                    {
                        let detail = Message::new("signature.bin-mismatch")
                            .arg("signer", who.as_str())
                            .arg("bin", theirs.as_str())
                            .arg("state_body_bin", ours.as_str());
                        self.finding(Severity::Warning, Code::SignatureBinMismatch, detail, line);
                    }
                }
            }
            result.signatures.extend(found);
        }
        // `signed = true` is met only by a signature verified in digest, value and coverage.
        let signed = result
            .signatures
            .iter()
            .any(|s| s.signers.iter().any(|x| x.verified()));
        if self.req.signed && !signed {
            let detail = Message::new("signature.required");
            let line = self.at.line(&segs(["documents", &self.req.id]));
            self.finding(
                Severity::Error,
                Code::SignatureRequired,
                detail.clone(),
                line,
            );
            result.status = DocStatus::Invalid;
            result.notes.push(detail);
        }
    }

    /// Contract §3: present when at least one file is a real document; otherwise invalid when
    /// something unusable was given, missing when nothing was found. Returns whether present.
    fn inspect_files(
        &mut self,
        root: &Dir,
        entry: &DocumentEntry,
        result: &mut DocumentResult,
    ) -> bool {
        let mut usable = false;
        let mut pages = Some(0u32);
        let mut sheets = Some(0u32);
        let mut problems = Vec::new();
        let mut absent = Vec::new();
        let mut seen = Vec::new();
        self.identities = vec![None; entry.files.len()];
        for (i, name) in entry.files.iter().enumerate() {
            // Found in the source map only for a finding: most files have none.
            let line = || file_line(self.at, &self.req.id, i);
            match inspect::inspect(root, name) {
                // The same file named twice (or through a link) counts once.
                Verdict::Document { id, .. } if seen.contains(&id) => {
                    let detail = Message::new("document.duplicate").arg("file", name);
                    let line = line();
                    self.finding(Severity::Warning, Code::DocumentDuplicate, detail, line);
                }
                Verdict::Document {
                    doc_type,
                    pages: p,
                    sheets: sh,
                    maybe_signed,
                    id,
                } => {
                    self.identities[i] = Some(id);
                    if p.is_some() && doc_type == inspect::DocType::Docx {
                        result.pages_recorded = true;
                    }
                    if maybe_signed {
                        result.maybe_signed.push(name.clone());
                    }
                    seen.push(id);
                    usable = true;
                    pages = match (pages, p) {
                        (Some(total), Some(p)) => total.checked_add(p),
                        _ => None,
                    };
                    sheets = match (sheets, sh) {
                        (Some(total), Some(s)) => total.checked_add(s),
                        _ => None,
                    };
                }
                Verdict::NotFound => absent.push((
                    Code::DocumentMissing,
                    Message::new("document.missing.not-found").arg("file", name),
                    line(),
                )),
                Verdict::Placeholder => absent.push((
                    Code::DocumentPlaceholder,
                    Message::new("document.placeholder").arg("file", name),
                    line(),
                )),
                Verdict::Unusable(p) => {
                    let (code, message) = problem(name, &p);
                    problems.push((code, message, line()));
                }
            }
        }
        if !usable {
            let (status, list) = if problems.is_empty() {
                (DocStatus::Missing, absent)
            } else {
                (DocStatus::Invalid, problems)
            };
            for (code, detail, line) in &list {
                self.finding(Severity::Error, *code, detail.clone(), *line);
            }
            result.status = status;
            result.notes = list.into_iter().map(|(_, m, _)| m).collect();
            return false;
        }
        result.pages = pages;
        result.sheets = sheets.filter(|_| pages.is_none());
        result.status = DocStatus::Present;
        // Files that were given but unusable still deserve a word when another file carried it.
        for (code, detail, line) in problems.into_iter().chain(absent) {
            self.finding(Severity::Warning, code, detail, line);
        }
        true
    }

    /// `valid_until` against the check date and the stage (clause 5(1) in the current text).
    fn validity(
        &mut self,
        entry: &DocumentEntry,
        file: &DossierFile,
        today: NaiveDate,
        result: &mut DocumentResult,
    ) {
        let req = self.req;
        let entry_path = segs(["documents", &req.id]);
        let until_path = segs(["documents", &req.id, "valid_until"]);
        let stage = file.object.stage.map(|s| s.id());
        match entry.valid_until {
            Some(until) if until.0 < today => {
                let line = self.at.line(&until_path);
                let allowed =
                    stage.is_some_and(|s| req.expired_allowed_stages.iter().any(|a| a == s));
                if let (true, Some(stage)) = (allowed, stage) {
                    let detail = Message::new("document.expired-allowed")
                        .arg("valid_until", until.0)
                        .arg("stage", Arg::Stage(stage.to_string()))
                        .arg("clause", Arg::Clause(req.clause.clone()));
                    self.finding(
                        Severity::Info,
                        Code::DocumentExpiredAllowed,
                        detail.clone(),
                        line,
                    );
                    result.status = DocStatus::ExpiredAllowed;
                    result.notes = vec![detail];
                } else {
                    // The edition may explain why this stage does not excuse it.
                    let note = req
                        .expired_notes
                        .iter()
                        .find(|n| stage.is_some_and(|s| n.stages.iter().any(|x| x == s)));
                    let detail = match note {
                        Some(n) => Message::new("document.expired.note")
                            .arg("note", Arg::Words(n.text.clone())),
                        None => Message::new("document.expired"),
                    }
                    .arg("valid_until", until.0)
                    .arg("today", today);
                    self.finding(Severity::Error, Code::DocumentExpired, detail.clone(), line);
                    result.status = DocStatus::Expired;
                    result.notes = vec![detail];
                }
            }
            Some(until) => result
                .notes
                .push(Message::new("document.valid-until").arg("valid_until", until.0)),
            None if req.expires => {
                // No term is fixed by the source texts; never expired for want of a date.
                let line = self.at.line(&entry_path);
                self.finding(
                    Severity::Warning,
                    Code::DocumentValidityUnknown,
                    Message::new("document.validity-unknown"),
                    line,
                );
            }
            None => {}
        }
    }

    /// An attestat given where the edition asks for something else (its `attestat_words`).
    fn attestat_check(&mut self, entry: &DocumentEntry) {
        let req = self.req;
        if req.attestat_words.is_empty() {
            return;
        }
        let looks_like = entry
            .files
            .iter()
            .map(|f| f.to_lowercase())
            .chain(entry.note.iter().map(|n| n.to_lowercase()))
            .any(|t| {
                req.attestat_words
                    .iter()
                    .any(|w| t.contains(&w.to_lowercase()))
            });
        if looks_like {
            self.findings.push(
                Finding::new(Severity::Warning, Code::DocumentAttestatNotProtocol)
                    .arg("requirement", Arg::Requirement(req.id.clone()))
                    .arg("clause", Arg::Clause(req.clause.clone()))
                    .at(self.at.file, self.at.line(&segs(["documents", &req.id]))),
            );
        }
    }
}

/// The code and wording of an unusable file.
fn problem(file: &str, p: &Problem) -> (Code, Message) {
    let m = |key| Message::new(key).arg("file", file);
    match p {
        Problem::Absolute => (Code::DocumentOutside, m("document.outside.absolute")),
        Problem::ParentDir => (Code::DocumentOutside, m("document.outside.parent")),
        Problem::LinkOutside(target) => (
            Code::DocumentOutside,
            m("document.outside.link").arg("target", target.display().to_string()),
        ),
        Problem::NotAFile => (Code::DocumentNotAFile, m("document.not-a-file")),
        Problem::Empty => (Code::DocumentEmpty, m("document.empty")),
        Problem::Unreadable(why) => (
            Code::DocumentUnreadable,
            m("document.unreadable")
                .arg("reason", why.id())
                .arg("why", why.message()),
        ),
        Problem::UnknownType => (
            Code::DocumentUnknownType,
            m("document.unknown-type").arg("types", TYPES),
        ),
        Problem::OtherArchive => (
            Code::DocumentUnknownType,
            m("document.unknown-type.archive"),
        ),
        Problem::DamagedArchive(why) | Problem::DamagedPdf(why) => (
            Code::DocumentDamaged,
            m("document.damaged")
                .arg("reason", why.id())
                .arg("why", why.message()),
        ),
        Problem::PasswordProtectedPdf => (
            Code::DocumentPasswordProtected,
            m("document.password-protected"),
        ),
    }
}

/// Where the `i`-th file of requirement `id` may sit in `dossier.yaml`, most specific first:
/// in a list, in a map's `files` list, as a map's single `files`, as the entry itself.
/// Borrowed paths: this runs for every file, finding or not.
pub fn file_paths(id: &str, i: usize) -> [FilePath<'_>; 4] {
    let (documents, entry, files, index) = (
        SegRef::Key("documents"),
        SegRef::Key(id),
        SegRef::Key("files"),
        SegRef::Index(i),
    );
    [
        FilePath([documents, entry, index, index], 3),
        FilePath([documents, entry, files, index], 4),
        FilePath([documents, entry, files, index], 3),
        FilePath([documents, entry, files, index], 2),
    ]
}

/// A path of at most four segments, held without allocating.
pub struct FilePath<'a>([SegRef<'a>; 4], usize);

impl<'a> std::ops::Deref for FilePath<'a> {
    type Target = [SegRef<'a>];

    fn deref(&self) -> &[SegRef<'a>] {
        &self.0[..self.1]
    }
}

/// The line of the `i`-th file of a requirement, whichever form the entry takes.
fn file_line(at: &Located, id: &str, i: usize) -> Option<usize> {
    file_paths(id, i)
        .iter()
        .find(|p| at.map.has(&p[..]))
        .and_then(|p| at.line(&p[..]))
}
