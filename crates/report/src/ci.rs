//! Findings where a change is reviewed: `check --format sarif` (SARIF 2.1.0, for code-scanning
//! views), `github` (workflow commands that annotate a pull request's files) and `gitlab`
//! (Code Quality JSON for merge requests). Each finding goes to the file and line it already
//! carries; one without a place goes to the dossier's `dossier.yaml`.

use crate::finding::{Code, Finding, Severity};
use crate::judge::DossierReport;
use crate::lang::Lang;
use crate::what_if::WhatIf;
use serde_json::{Value, json};
use sha2::Digest;

/// Where a finding points: its file, else the dossier's `dossier.yaml`; line and column.
fn place(d: &DossierReport, f: &Finding) -> (String, Option<usize>, Option<usize>) {
    match f.place.as_deref() {
        Some(p) => (p.file.clone(), p.line, p.column),
        None => (
            format!(
                "{}/{}",
                d.path.trim_end_matches('/'),
                crate::dossier::DOSSIER_FILE
            ),
            None,
            None,
        ),
    }
}

/// Each finding of a dossier with its words, in the run's language.
fn findings(d: &DossierReport, lang: Lang) -> impl Iterator<Item = (&Finding, String)> {
    let words = crate::human::words_for(d, lang);
    d.findings().iter().map(move |f| (f, words.finding(f)))
}

/// A path as a relative URI reference: `/` kept, everything outside the unreserved set
/// percent-encoded (a Cyrillic folder name, a space).
fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(char::from(b));
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

// --- SARIF ------------------------------------------------------------------------------------

/// The opening of the SARIF log, up to its results.
pub const SARIF_HEAD: &str = "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n      \"results\": [";

/// One dossier's results, each a JSON object on its own line (the printer joins them).
pub fn sarif_results(d: &DossierReport, lang: Lang) -> Vec<String> {
    findings(d, lang)
        .map(|(f, text)| {
            let (file, line, column) = place(d, f);
            let mut region = serde_json::Map::new();
            if let Some(l) = line {
                region.insert("startLine".into(), json!(l));
                if let Some(c) = column {
                    region.insert("startColumn".into(), json!(c));
                }
            }
            let mut location = json!({"artifactLocation": {"uri": uri(&file)}});
            if !region.is_empty() {
                location["region"] = Value::Object(region);
            }
            let level = match f.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "note",
            };
            let result = json!({
                "ruleId": f.code.as_str(),
                "level": level,
                "message": {"text": text},
                "locations": [{"physicalLocation": location}],
                "properties": {"dossier": d.path, "outcome": d.outcome().id()},
            });
            serde_json::to_string(&result).expect("a result serializes")
        })
        .collect()
}

/// The end of the log: the tool with a rule per finding code (its words, placeholders left as
/// they are) and, for a what-if run, the changes it was computed with.
pub fn sarif_tail(lang: Lang, version: &str, what_if: Option<&WhatIf>) -> String {
    let rules: Vec<Value> = Code::ALL
        .iter()
        .map(|c| {
            // The code's own message, placeholders as written; a code worded only by more
            // specific messages is described by its id.
            let words = dossier_words::pattern_of(lang, c.as_str()).unwrap_or(c.as_str());
            json!({
                "id": c.as_str(),
                "shortDescription": {"text": c.as_str()},
                "fullDescription": {"text": words},
                "help": {"text": dossier_words::text(lang, "sarif.help", &[("code", &c.as_str())])},
            })
        })
        .collect();
    let tool = json!({
        "driver": {
            "name": "dossier",
            "version": version,
            "rules": rules,
        }
    });
    let mut run = serde_json::Map::new();
    run.insert("tool".into(), tool);
    if let Some(w) = what_if {
        run.insert("properties".into(), json!({"what_if": w.json()}));
    }
    let run = serde_json::to_string(&Value::Object(run)).expect("the run serializes");
    // `run` is `{"tool": …}`: its members follow the results in the same object.
    format!(
        "\n      ],\n      {}\n    }}\n  ]\n}}\n",
        &run[1..run.len() - 1]
    )
}

// --- GitHub workflow commands ------------------------------------------------------------------

/// `::error file=…,line=…,col=…,title=…::message`, one per finding.
pub fn github(d: &DossierReport, lang: Lang) -> String {
    let data = |s: &str| {
        s.replace('%', "%25")
            .replace('\r', "%0D")
            .replace('\n', "%0A")
    };
    let property = |s: &str| data(s).replace(':', "%3A").replace(',', "%2C");
    let mut out = String::new();
    for (f, text) in findings(d, lang) {
        let (file, line, column) = place(d, f);
        let command = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let mut props = vec![format!("file={}", property(&file))];
        if let Some(l) = line {
            props.push(format!("line={l}"));
            if let Some(c) = column {
                props.push(format!("col={c}"));
            }
        }
        props.push(format!("title={}", property(f.code.as_str())));
        out.push_str(&format!(
            "::{command} {}::{}\n",
            props.join(","),
            data(&text)
        ));
    }
    out
}

// --- GitLab Code Quality -----------------------------------------------------------------------

/// One Code Quality issue, as GitLab reads it.
#[derive(serde::Serialize)]
struct Issue {
    description: String,
    check_name: &'static str,
    fingerprint: String,
    severity: &'static str,
    location: Value,
}

/// One dossier's Code Quality issues, each a JSON object (the printer joins them in an array).
pub fn gitlab(d: &DossierReport, lang: Lang) -> Vec<String> {
    findings(d, lang)
        .map(|(f, text)| {
            let (file, line, _) = place(d, f);
            let severity = match f.severity {
                Severity::Error => "major",
                Severity::Warning => "minor",
                Severity::Info => "info",
            };
            // Stable across runs, unique per finding: GitLab compares issues by it.
            let mut hash = sha2::Sha256::new();
            for part in [
                f.code.as_str(),
                file.as_str(),
                &line.unwrap_or(0).to_string(),
                &text,
            ] {
                hash.update(part.as_bytes());
                hash.update([0]);
            }
            let fingerprint: String = hash
                .finalize()
                .iter()
                .take(16)
                .map(|b| format!("{b:02x}"))
                .collect();
            serde_json::to_string(&Issue {
                description: text,
                check_name: f.code.as_str(),
                fingerprint,
                severity,
                location: json!({"path": file, "lines": {"begin": line.unwrap_or(1)}}),
            })
            .expect("an issue serializes")
        })
        .collect()
}
