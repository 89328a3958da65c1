//! Document checks: the status of each requirement of the object's kind (contract §3).

use crate::diagnostic::{Diagnostic, Severity};
use crate::dossier::validate::Located;
use crate::dossier::{DocumentEntry, DossierFile, Stage};
use crate::edition::{Edition, Filed, Requirement};
use crate::inspect::{self, Verdict};
use crate::lang::Lang;
use crate::messages as msg;
use crate::source_path::{Seg, path};
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
}

#[derive(Debug, Clone)]
pub struct DocumentResult {
    pub id: String,
    pub clause: String,
    pub filed: Filed,
    pub status: DocStatus,
    pub files: Vec<String>,
    pub pages: Option<u32>,
    pub message: Option<String>,
}

/// Checks every requirement of the dossier's kind. `root` is the canonical dossier folder.
pub fn check(
    root: &Path,
    file: &DossierFile,
    edition: &Edition,
    today: NaiveDate,
    lang: Lang,
    at: &Located,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<DocumentResult> {
    edition
        .requirements_for(&file.kind)
        .map(|req| {
            let entry = file.documents.get(&req.id);
            check_one(
                root,
                req,
                entry,
                file.object.stage,
                today,
                lang,
                at,
                diagnostics,
            )
        })
        .collect()
}

#[allow(clippy::too_many_arguments)]
fn check_one(
    root: &Path,
    req: &Requirement,
    entry: Option<&DocumentEntry>,
    stage: Option<Stage>,
    today: NaiveDate,
    lang: Lang,
    at: &Located,
    diagnostics: &mut Vec<Diagnostic>,
) -> DocumentResult {
    let title = req.title.get(lang);
    let mut finding = |severity, code, detail: &str, line: Option<usize>| {
        diagnostics.push(
            Diagnostic::new(
                severity,
                code,
                msg::document_finding(lang, &req.clause, title, detail),
            )
            .at(at.file, line),
        );
    };
    let mut result = DocumentResult {
        id: req.id.clone(),
        clause: req.clause.clone(),
        filed: req.filed,
        status: DocStatus::Missing,
        files: Vec::new(),
        pages: None,
        message: None,
    };
    let entry_path = path(&["documents", &req.id]);
    let Some(entry) = entry else {
        let detail = msg::not_listed(lang);
        finding(
            Severity::Error,
            "document.missing",
            &detail,
            at.line(&path(&["documents"])),
        );
        result.message = Some(detail);
        return result;
    };
    result.files = entry.files.clone();
    if entry.files.is_empty() {
        let detail = msg::no_files(lang);
        finding(
            Severity::Error,
            "document.missing",
            &detail,
            at.line(&entry_path),
        );
        result.message = Some(detail);
        return result;
    }

    // Contract §3: present when at least one file is a real document; otherwise invalid when
    // something unusable was given, missing when nothing was found.
    let mut usable = false;
    let mut pages = Some(0u32);
    let mut problems = Vec::new();
    let mut absent = Vec::new();
    for (i, name) in entry.files.iter().enumerate() {
        let line = file_line(at, &req.id, i);
        match inspect::inspect(root, name) {
            Verdict::Document { pages: p, .. } => {
                usable = true;
                pages = match (pages, p) {
                    (Some(total), Some(p)) => Some(total + p),
                    _ => None,
                };
            }
            Verdict::NotFound => {
                absent.push((msg::not_found(lang, name), "document.missing", line))
            }
            Verdict::Placeholder => {
                absent.push((msg::placeholder(lang, name), "document.placeholder", line))
            }
            Verdict::Unusable(p) => problems.push((msg::problem(lang, name, &p), p.code(), line)),
        }
    }
    if !usable {
        let (status, list) = if problems.is_empty() {
            (DocStatus::Missing, absent)
        } else {
            (DocStatus::Invalid, problems)
        };
        for (detail, code, line) in &list {
            finding(Severity::Error, code, detail, *line);
        }
        result.status = status;
        result.message = Some(
            list.into_iter()
                .map(|(d, ..)| d)
                .collect::<Vec<_>>()
                .join("; "),
        );
        return result;
    }
    result.pages = pages;
    result.status = DocStatus::Present;
    // Files that were given but unusable still deserve a word when another file carried it.
    for (detail, code, line) in problems.iter().chain(absent.iter()) {
        finding(Severity::Warning, code, detail, *line);
    }

    let until_path = {
        let mut p = entry_path.clone();
        p.push(Seg::key("valid_until"));
        p
    };
    match entry.valid_until {
        Some(until) if until.0 < today => {
            let allowed =
                stage.is_some_and(|s| req.expired_allowed_stages.iter().any(|a| a == s.id()));
            let until = until.to_string();
            if allowed {
                let detail = msg::expired_allowed(lang, &until, &req.clause);
                finding(
                    Severity::Info,
                    "document.expired-allowed",
                    &detail,
                    at.line(&until_path),
                );
                result.status = DocStatus::ExpiredAllowed;
                result.message = Some(detail);
            } else {
                let mut detail = msg::expired(lang, &until, &today.format("%Y-%m-%d").to_string());
                if stage == Some(Stage::TrialOperation) && !req.expired_allowed_stages.is_empty() {
                    detail = format!("{detail}; {}", msg::trial_is_not_development(lang));
                }
                finding(
                    Severity::Error,
                    "document.expired",
                    &detail,
                    at.line(&until_path),
                );
                result.status = DocStatus::Expired;
                result.message = Some(detail);
            }
        }
        Some(until) => result.message = Some(msg::valid_until(lang, &until.to_string())),
        None if req.expires => {
            // R10: no term is fixed by the source texts; never expired for want of a date.
            let detail = msg::validity_unknown(lang);
            finding(
                Severity::Warning,
                "document.validity-unknown",
                &detail,
                at.line(&entry_path),
            );
        }
        None => {}
    }
    // R9: an attestat given where test protocols are asked for (the protocol's requirement is
    // the one with a term that is not the 2016 attestat itself).
    if req.expires && !req.id.contains("attestation") {
        let looks_like_attestat = entry
            .files
            .iter()
            .map(|f| f.to_lowercase())
            .chain(entry.note.iter().map(|n| n.to_lowercase()))
            .any(|t| t.contains("attestat") || t.contains("аттестат"));
        if looks_like_attestat {
            diagnostics.push(
                Diagnostic::new(
                    Severity::Warning,
                    "document.attestat-not-protocol",
                    msg::attestat_not_protocol(lang, title),
                )
                .at(at.file, at.line(&entry_path)),
            );
        }
    }
    if result.status == DocStatus::Present && req.filed == Filed::Portal {
        // R7: the dossier's copy stands in for the portal, and the report says so.
        let proxy = msg::portal_proxy(lang);
        result.message = Some(match result.message.take() {
            Some(m) => format!("{m}; {proxy}"),
            None => proxy,
        });
    }
    if let Some(stage) = stage
        && !req.expected_stages.is_empty()
        && !req.expected_stages.iter().any(|s| s == stage.id())
    {
        diagnostics.push(
            Diagnostic::new(
                Severity::Warning,
                "object.stage-not-commissioned",
                msg::stage_not_commissioned(lang, title, stage.id()),
            )
            .at(at.file, at.line(&path(&["object", "stage"]))),
        );
    }
    result
}

/// The line of the `i`-th file of a requirement, whichever form the entry takes.
fn file_line(at: &Located, id: &str, i: usize) -> Option<usize> {
    let base = path(&["documents", id]);
    let mut in_list = base.clone();
    in_list.push(Seg::Index(i));
    let mut in_map = base.clone();
    in_map.push(Seg::key("files"));
    let mut in_map_list = in_map.clone();
    in_map_list.push(Seg::Index(i));
    [in_list, in_map_list, in_map, base]
        .iter()
        .find(|p| at.map.has(p))
        .and_then(|p| at.line(p))
}
