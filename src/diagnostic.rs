//! Findings about a dossier, as data: a severity, a stable code, a message in the report's
//! language, and the place in `dossier.yaml` where known. Every code is listed in
//! docs/diagnostics.md (a test keeps the two in step).

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

#[derive(Debug, Clone, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub code: &'static str,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn new(severity: Severity, code: &'static str, message: String) -> Diagnostic {
        Diagnostic {
            severity,
            code,
            message,
            file: None,
            line: None,
            column: None,
            help: None,
        }
    }

    pub fn at(mut self, file: &str, line: Option<usize>) -> Diagnostic {
        self.file = Some(file.to_string());
        self.line = line;
        self
    }

    /// A located error from reading `dossier.yaml`, as a finding of the report.
    pub fn from_source(e: &crate::error::SourceError) -> Diagnostic {
        let lc = e.line_column();
        Diagnostic {
            severity: Severity::Error,
            code: e.code,
            message: e.message.clone(),
            file: Some(e.file.clone()),
            line: lc.map(|(l, _)| l),
            column: lc.map(|(_, c)| c),
            help: e.help.clone(),
        }
    }
}

/// Every code the tool can emit, for docs/diagnostics.md and its test.
pub const CODES: &[&str] = &[
    "yaml.missing",
    "yaml.unreadable",
    "yaml.too-large",
    "yaml.encoding",
    "yaml.syntax",
    "yaml.type",
    "yaml.unknown-key",
    "yaml.missing-key",
    "yaml.duplicate-key",
    "yaml.unknown-value",
    "yaml.limits",
    "dossier.schema",
    "edition.unknown",
    "kind.no-procedure",
    "object.stage-missing",
    "state-body.bin",
    "document.unknown-requirement",
    "fact.unknown",
    "fact.type",
    "fact.negative",
    "fact.not-whole",
    "fact.percent-range",
    "fact.part-above-total",
    "fact.inconsistent",
    "criterion.unknown-row",
    "criterion.not-applicable",
    "criterion.basis-missing",
    "document.attestat-not-protocol",
    "document.missing",
    "document.placeholder",
    "document.outside",
    "document.not-a-file",
    "document.empty",
    "document.unreadable",
    "document.unknown-type",
    "document.damaged",
    "document.password-protected",
    "document.expired",
    "document.expired-allowed",
    "document.validity-unknown",
    "object.stage-not-commissioned",
    "object.portal-id-missing",
    "criterion.fact-missing",
    "criteria.total-low",
    "criteria.group-empty",
    "architecture.does-not-conform",
    "architecture.pending",
    "application.after-filing-deadline",
    "ground.content-rules-unchecked",
    "edition.amended-units",
    "rules.syntax",
    "rules.invalid",
    "template.error",
    "settings.invalid",
    "calendar.invalid",
];
