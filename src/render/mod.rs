//! Drafting the paperwork: templates → Markdown → one document model → five writers.
//!
//! A template (minijinja, one per document and language, replaceable with `--template`)
//! produces Markdown; `model::parse` turns it into headings, paragraphs, tables, blanks and page
//! breaks; each format is a writer of that model. So a template written once serves every
//! format, and no format can drift from the others. `md` is the template's Markdown itself, the
//! source every other format is parsed from.

pub mod context;
pub mod docx;
pub mod html;
pub mod layout;
pub mod model;
pub mod pdf;
pub mod text;

use crate::edition::Edition;
use crate::error::{Error, Result, SourceError};
use crate::judge::DossierReport;
use crate::lang::Lang;
use crate::outcome::Outcome;
use chrono::NaiveDate;
use std::path::Path;

/// The documents `dossier render` drafts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Document {
    /// Appendix 1: the state body's application.
    Application,
    /// Clause 7: the authorized body's decision (a not-ready draft while incomplete or pending).
    Decision,
    /// Clause 8: the notice to the operator of an inclusion.
    OperatorNotice,
    /// Clause 9: the draft order including the object in the List.
    Order,
    /// Clause 10: the state body's notice that operation stopped.
    RemovalNotice,
}

impl Document {
    pub const ALL: [Document; 5] = [
        Document::Application,
        Document::Decision,
        Document::OperatorNotice,
        Document::Order,
        Document::RemovalNotice,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Document::Application => "application",
            Document::Decision => "decision",
            Document::OperatorNotice => "operator-notice",
            Document::Order => "order",
            Document::RemovalNotice => "removal-notice",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Md,
    Txt,
    Html,
    Pdf,
    Docx,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Txt => "txt",
            Format::Html => "html",
            Format::Pdf => "pdf",
            Format::Docx => "docx",
        }
    }

    /// Binary formats are never written to a terminal or standard output.
    pub fn is_binary(self) -> bool {
        matches!(self, Format::Pdf | Format::Docx)
    }
}

/// The name of the built-in template for a document, edition and language.
pub fn template_name(document: Document, edition: &Edition, lang: Lang) -> String {
    // The 2016 form differs; every other document follows the current clauses 7–10.
    let form = if document == Document::Application && edition.id() == "order-84-2016" {
        "application-2016".to_string()
    } else {
        document.id().to_string()
    };
    format!("{form}.{}.md", lang.code())
}

/// The built-in templates, embedded.
const TEMPLATES: &[(&str, &str)] = &[
    (
        "application.kk.md",
        include_str!("templates/application.kk.md"),
    ),
    (
        "application.ru.md",
        include_str!("templates/application.ru.md"),
    ),
    (
        "application-2016.kk.md",
        include_str!("templates/application-2016.kk.md"),
    ),
    (
        "application-2016.ru.md",
        include_str!("templates/application-2016.ru.md"),
    ),
    ("decision.kk.md", include_str!("templates/decision.kk.md")),
    ("decision.ru.md", include_str!("templates/decision.ru.md")),
    (
        "operator-notice.kk.md",
        include_str!("templates/operator-notice.kk.md"),
    ),
    (
        "operator-notice.ru.md",
        include_str!("templates/operator-notice.ru.md"),
    ),
    ("order.kk.md", include_str!("templates/order.kk.md")),
    ("order.ru.md", include_str!("templates/order.ru.md")),
    (
        "removal-notice.kk.md",
        include_str!("templates/removal-notice.kk.md"),
    ),
    (
        "removal-notice.ru.md",
        include_str!("templates/removal-notice.ru.md"),
    ),
];

pub fn built_in_template(name: &str) -> Option<&'static str> {
    TEMPLATES.iter().find(|(n, _)| *n == name).map(|(_, t)| *t)
}

/// A template given by the user, replacing the built-in one.
#[derive(Debug, Clone)]
pub struct CustomTemplate {
    pub file: String,
    pub text: String,
}

/// Whether the document fits the dossier's state; an error in words when it does not.
pub fn check_fits(document: Document, report: &DossierReport, edition: &Edition) -> Result<()> {
    let path = &report.path;
    let fits = match document {
        Document::Application | Document::Decision => true,
        Document::OperatorNotice | Document::Order => report.outcome == Outcome::Include,
        Document::RemovalNotice => {
            let file = report.file.as_deref();
            file.is_some_and(|f| {
                f.object.stage == Some(crate::dossier::Stage::Decommissioned)
                    || f.review.operation_ended.is_some()
            })
        }
    };
    if report.outcome == Outcome::Invalid {
        return Err(Error::Usage(format!(
            "{path}: the dossier is invalid; fix dossier.yaml before drafting (see `dossier check`)"
        )));
    }
    if document == Document::Order && !edition.deadlines.iter().any(|d| d.clause == "9") {
        return Err(Error::Usage(format!(
            "{path}: edition {} has no order step (clause 9 of the current Rules)",
            edition.id()
        )));
    }
    if fits {
        return Ok(());
    }
    let why = match document {
        Document::OperatorNotice | Document::Order => format!(
            "a {} follows only an inclusion decision, and this dossier's outcome is {}",
            document.id(),
            report.outcome.id()
        ),
        _ => "a removal notice is for an object whose operation stopped: set object.stage to decommissioned or review.operation_ended".to_string(),
    };
    Err(Error::Usage(format!("{path}: {why}")))
}

/// Renders the template into Markdown.
pub fn markdown(
    document: Document,
    report: &DossierReport,
    edition: &Edition,
    lang: Lang,
    today: NaiveDate,
    custom: Option<&CustomTemplate>,
) -> Result<String> {
    let name = template_name(document, edition, lang);
    let (file, source) = match custom {
        Some(c) => (c.file.clone(), c.text.clone()),
        None => (
            format!("templates/{name}"),
            built_in_template(&name)
                .ok_or_else(|| Error::Usage(format!("no built-in template {name}")))?
                .to_string(),
        ),
    };
    let mut env = minijinja::Environment::new();
    env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
    // Every value from a dossier is escaped for Markdown, so a name never becomes markup.
    env.set_formatter(|out, _state, value| {
        if value.is_safe() || value.is_none() || value.is_undefined() {
            if !value.is_none() && !value.is_undefined() {
                write!(out, "{value}")?;
            }
        } else {
            write!(out, "{}", model::escape(&value.to_string()))?;
        }
        Ok(())
    });
    env.add_template_owned(file.clone(), source.clone())
        .map_err(|e| template_error(&e, &file, &source))?;
    let ctx = context::build(document, report, edition, lang, today);
    let tmpl = env
        .get_template(&file)
        .map_err(|e| template_error(&e, &file, &source))?;
    let md = tmpl
        .render(ctx)
        .map_err(|e| template_error(&e, &file, &source))?;
    Ok(tidy(&md))
}

/// At most one blank line in a row, no trailing spaces, one final newline.
fn tidy(md: &str) -> String {
    let mut out = String::with_capacity(md.len());
    let mut blank = 0;
    for line in md.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            blank += 1;
            if blank > 1 || out.is_empty() {
                continue;
            }
        } else {
            blank = 0;
        }
        out.push_str(line);
        out.push('\n');
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

fn template_error(e: &minijinja::Error, file: &str, source: &str) -> Error {
    let span = e.range().map(|r| (r.start, r.end)).or_else(|| {
        let line = e.line()?;
        let start: usize = source
            .lines()
            .take(line.saturating_sub(1))
            .map(|l| l.len() + 1)
            .sum();
        let len = source
            .lines()
            .nth(line.saturating_sub(1))
            .map_or(1, str::len)
            .max(1);
        Some((start, start + len))
    });
    let message = e
        .detail()
        .map_or_else(|| e.kind().to_string(), str::to_string);
    SourceError {
        code: "template.error",
        message: format!("{file}: {}: {message}", e.kind()),
        file: file.to_string(),
        source_text: source.to_string(),
        span,
        label: message,
        help: Some("the variables a template can use are listed in docs/templates.md".into()),
    }
    .into()
}

/// Renders a document of one dossier in one format.
pub fn render(
    document: Document,
    report: &DossierReport,
    edition: &Edition,
    lang: Lang,
    format: Format,
    today: NaiveDate,
    custom: Option<&CustomTemplate>,
) -> Result<Vec<u8>> {
    check_fits(document, report, edition)?;
    let md = markdown(document, report, edition, lang, today, custom)?;
    let doc = model::parse(&md);
    let title = context::title(document, lang);
    Ok(match format {
        Format::Md => md.into_bytes(),
        Format::Txt => text::write(&doc).into_bytes(),
        Format::Html => html::write(&doc, &title, lang.code()).into_bytes(),
        Format::Pdf => pdf::write(
            &doc,
            &title,
            lang.code(),
            context::document_date(document, report, today),
        )?,
        Format::Docx => docx::write(&doc)?,
    })
}

/// Writes `bytes` to `path` atomically: a temporary file in the same folder, then a rename.
/// Without `force` an existing file is never replaced.
pub fn write_file(path: &Path, bytes: &[u8], force: bool) -> Result<()> {
    use std::io::Write;
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    if !force && path.exists() {
        return Err(Error::Usage(format!(
            "{} exists; use --force to replace it",
            path.display()
        )));
    }
    let mut tmp = tempfile::Builder::new()
        .prefix(".dossier-tmp-")
        .tempfile_in(dir)
        .map_err(io)?;
    tmp.write_all(bytes).map_err(io)?;
    // A temporary file is private (0600); the document is an ordinary file.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o644))
            .map_err(io)?;
    }
    tmp.as_file().sync_all().map_err(io)?;
    if force {
        tmp.persist(path).map_err(|e| io(e.error))?;
    } else {
        // No-clobber even if the file appeared meanwhile.
        tmp.persist_noclobber(path).map_err(|e| {
            if e.error.kind() == std::io::ErrorKind::AlreadyExists {
                Error::Usage(format!(
                    "{} exists; use --force to replace it",
                    path.display()
                ))
            } else {
                io(e.error)
            }
        })?;
    }
    Ok(())
}
