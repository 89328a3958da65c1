//! Drafting the paperwork: templates → Markdown → one document model → five writers.
//!
//! A template (minijinja, one per document and language, replaceable with `--template`)
//! produces Markdown; `model::parse` turns it into headings, paragraphs, tables, blanks and page
//! breaks; each format is a writer of that model. So a template written once serves every
//! format, and no format can drift from the others. `md` is the template's Markdown itself, the
//! source every other format is parsed from.

pub(crate) use dossier_judge::{documents, inspect, integrity, judge, outcome, score};
pub(crate) use dossier_model::{dossier, edition, error, files, finding, lang, limits};
pub(crate) use dossier_words as messages;
pub(crate) use dossier_words::t;

pub mod context;
pub mod docx;
pub mod html;
pub mod layout;
pub mod model;
pub mod pdf;
pub mod text;

use crate::edition::Draft;
use crate::error::{Error, Result, SourceError};
use crate::finding::{Arg, Code, Message};
use crate::judge::{DossierReport, Judged};
use crate::lang::Lang;
use crate::outcome::Outcome;
use chrono::NaiveDate;
use std::path::PathBuf;
use std::sync::Arc;

/// The documents `dossier render` drafts. Which of them an edition's procedure has, and the
/// clause each follows, is the edition's `[[draft]]` table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Document {
    /// Appendix 1: the state body's application.
    Application,
    /// The authorized body's decision (a not-ready draft while incomplete or pending).
    Decision,
    /// The notice to the operator of an inclusion.
    OperatorNotice,
    /// The draft order including the object in the List.
    Order,
    /// The state body's notice that operation stopped.
    RemovalNotice,
    /// 2016 Appendix 2: information on an internet resource, filed with its application.
    ResourceForm,
    /// The state body's covering letter sending the application and its attachments.
    CoverLetter,
}

/// The ids of `Document`, as the edition data and the command line name them.
pub use crate::edition::DOCUMENT_IDS;

impl Document {
    pub const ALL: [Document; 7] = [
        Document::Application,
        Document::CoverLetter,
        Document::Decision,
        Document::OperatorNotice,
        Document::Order,
        Document::RemovalNotice,
        Document::ResourceForm,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Document::Application => DOCUMENT_IDS[0],
            Document::Decision => DOCUMENT_IDS[1],
            Document::OperatorNotice => DOCUMENT_IDS[2],
            Document::Order => DOCUMENT_IDS[3],
            Document::RemovalNotice => DOCUMENT_IDS[4],
            Document::ResourceForm => DOCUMENT_IDS[5],
            Document::CoverLetter => DOCUMENT_IDS[6],
        }
    }

    pub fn from_id(id: &str) -> Option<Document> {
        Document::ALL.into_iter().find(|d| d.id() == id)
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

    /// The format a file name's extension (lowercase, without the dot) asks for.
    pub fn from_extension(ext: &str) -> Option<Format> {
        [
            Format::Md,
            Format::Txt,
            Format::Html,
            Format::Pdf,
            Format::Docx,
        ]
        .into_iter()
        .find(|f| f.extension() == ext)
    }

    /// Binary formats are never written to a terminal or standard output.
    pub fn is_binary(self) -> bool {
        matches!(self, Format::Pdf | Format::Docx)
    }
}

/// The name of the built-in template of a draft in a language.
pub fn template_name(draft: &Draft, lang: Lang) -> String {
    format!("{}.{}.md", draft.template, lang.code())
}

/// A short blank for a number the official writes in by hand (a page count the files do not
/// give).
pub const BLANK_SHORT: &str = "____";

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
    (
        "resource-information-2016.kk.md",
        include_str!("templates/resource-information-2016.kk.md"),
    ),
    (
        "resource-information-2016.ru.md",
        include_str!("templates/resource-information-2016.ru.md"),
    ),
    (
        "cover-letter.kk.md",
        include_str!("templates/cover-letter.kk.md"),
    ),
    (
        "cover-letter.ru.md",
        include_str!("templates/cover-letter.ru.md"),
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

/// The judged dossier and its edition's entry for the document, or why it cannot be drafted.
pub fn check_fits(document: Document, report: &DossierReport) -> Result<(&Judged, &Draft)> {
    let path = report.path.as_str();
    let usage = |key| {
        Error::usage(
            Message::new(key)
                .arg("dossier", path)
                .arg("document", document.id()),
        )
    };
    let judged = report
        .judged()
        .ok_or_else(|| usage("usage.render-invalid"))?;
    let draft = judged.edition.draft(document.id()).ok_or_else(|| {
        Error::usage(
            Message::new("usage.render-not-in-edition")
                .arg("dossier", path)
                .arg("document", document.id())
                .arg("edition", judged.edition.id()),
        )
    })?;
    // A form only some kinds file (2016 Appendix 2, for an internet resource).
    if !draft.kinds.is_empty() && !draft.kinds.contains(&judged.file.kind) {
        return Err(Error::usage(
            Message::new("usage.render-not-for-kind")
                .arg("dossier", path)
                .arg("document", document.id())
                .arg("kind", &judged.file.kind)
                .arg("kinds", Arg::List(draft.kinds.clone())),
        ));
    }
    let fits = match document {
        Document::Application
        | Document::Decision
        | Document::ResourceForm
        | Document::CoverLetter => true,
        Document::OperatorNotice | Document::Order => judged.outcome == Outcome::Include,
        Document::RemovalNotice => {
            let ended = judged.file.object.stage == Some(crate::dossier::Stage::Decommissioned)
                || judged.file.review.operation_ended.is_some();
            // The notice is about an object on the List (R62): never drafted for one that is not.
            if ended
                && !judged
                    .file
                    .review
                    .records_listing(judged.outcome == Outcome::Include)
            {
                return Err(Error::usage(
                    Message::new("usage.render-removal-not-listed")
                        .arg("dossier", path)
                        .arg("clause", Arg::Clause(draft.clause.clone())),
                ));
            }
            ended
        }
    };
    if fits {
        return Ok((judged, draft));
    }
    Err(match document {
        Document::RemovalNotice => usage("usage.render-removal-not-ended"),
        _ => Error::usage(
            Message::new("usage.render-needs-inclusion")
                .arg("dossier", path)
                .arg("document", document.id())
                .arg("outcome", judged.outcome.id()),
        ),
    })
}

/// Renders the template into Markdown.
pub fn markdown(
    document: Document,
    judged: &Judged,
    draft: &Draft,
    lang: Lang,
    today: NaiveDate,
    final_acts: bool,
    custom: Option<&CustomTemplate>,
) -> Result<String> {
    let name = template_name(draft, lang);
    let (file, source) = match custom {
        Some(c) => (c.file.clone(), c.text.clone()),
        None => (
            format!("templates/{name}"),
            built_in_template(&name)
                .ok_or_else(|| Error::Internal(format!("no built-in template {name}")))?
                .to_string(),
        ),
    };
    if custom.is_some()
        && let Err(why) = sandbox_check(&source)
    {
        let span = Some((why.0, why.0 + 1));
        return Err(SourceError::new(
            Code::TemplateError,
            &file,
            Arc::from(source.as_str()),
            span,
            why.1,
        )
        .help(Message::new("help.templates"))
        .into());
    }
    // An empty environment: no `range`, no filters that can grow a string without bound; only
    // what drafting needs. Fuel bounds the instructions, and the output is capped.
    let mut env = minijinja::Environment::empty();
    env.set_fuel(Some(TEMPLATE_FUEL));
    env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
    env.add_filter("upper", |s: String| s.to_uppercase());
    env.add_filter("lower", |s: String| s.to_lowercase());
    env.add_filter("trim", |s: String| s.trim().to_string());
    env.add_filter("length", |v: minijinja::Value| v.len().unwrap_or(0));
    // minijinja's `capitalize` lowercases the rest ("Правил" → "правил"); this does not.
    env.add_filter("upper_first", |s: String| {
        let mut chars = s.chars();
        chars
            .next()
            .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
    });
    // A blank to fill in by hand: plain underscores, never escaped (`\_` would print).
    env.add_global("blank", minijinja::Value::from_safe_string("_".repeat(20)));
    env.add_global(
        "blank_short",
        minijinja::Value::from_safe_string(BLANK_SHORT.into()),
    );
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
    // The covering letter states the application's page count, as the PDF lays it out.
    let application_pages = match (document, judged.edition.draft(Document::Application.id())) {
        (Document::CoverLetter, Some(app)) => {
            let md = markdown(
                Document::Application,
                judged,
                app,
                lang,
                today,
                final_acts,
                None,
            )?;
            Some(pdf::page_count(&model::parse(&md)))
        }
        _ => None,
    };
    let tmpl = env
        .get_template(&file)
        .map_err(|e| template_error(&e, &file, &source))?;
    let run = |annex_pages: Option<usize>| -> Result<String> {
        let extras = context::Extras {
            final_acts,
            application_pages,
            register_pages: annex_pages,
        };
        let ctx = context::build(document, judged, draft, lang, today, extras);
        let mut out = Capped(Vec::new());
        tmpl.render_captured_to(ctx, &mut out)
            .map_err(|e| template_error(&e, &file, &source))?;
        let md = String::from_utf8(out.0).map_err(|e| Error::Internal(e.to_string()))?;
        Ok(tidy(&md))
    };
    let md = run(None)?;
    // A letter's annex on pages of its own states its page count in the attachment mark: laid
    // out once to count them (the count, on the first page, does not move the annex).
    if document == Document::CoverLetter
        && let Some(n) = pdf::pages_after_break(&model::parse(&md))
    {
        return run(Some(n));
    }
    Ok(md)
}

/// Instructions a template may execute, and the bytes it may write.
use crate::limits::{MAX_TEMPLATE_OUTPUT, TEMPLATE_FUEL};

/// A writer that refuses to grow past `MAX_TEMPLATE_OUTPUT`.
struct Capped(Vec<u8>);

impl std::io::Write for Capped {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.0.len() + buf.len() > MAX_TEMPLATE_OUTPUT {
            return Err(std::io::Error::other("the draft is larger than 16 MiB"));
        }
        self.0.extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A template given by a user may use `if`/`for` tags, variables, literals and the filters
/// above. Read with minijinja's own tokenizer (so a `}}` inside a string literal is a string,
/// not the end of a tag), it is refused for a tag that assigns or defines (`set`, `macro`,
/// `call`, `with`, `include`, `import`, `from`, `extends`, `filter`, `block`) and for the
/// operators that build a value larger than their operands (`~`, `+`, `*`, `**`): without
/// them no value a template builds outgrows the dossier's own text and the literals, a loop
/// cannot double a string, and what it prints is bounded by the fuel and the output cap.
/// Returns the byte offset and the reason of the first refusal.
pub fn sandbox_check(source: &str) -> Result<(), (usize, String)> {
    use minijinja::machinery::{Token, WhitespaceConfig, tokenize};
    const TAGS: &[&str] = &[
        "set", "macro", "call", "with", "include", "import", "from", "extends", "filter", "block",
    ];
    let mut after_block_start = false;
    let tokens = tokenize(
        source,
        false,
        minijinja::syntax::SyntaxConfig,
        WhitespaceConfig::default(),
    );
    for token in tokens {
        let (token, span) = token.map_err(|e| (0, e.to_string()))?;
        let at = line_offset(source, span.start_line, span.start_col);
        match token {
            Token::Ident(word) if after_block_start && TAGS.contains(&word) => {
                return Err((
                    at,
                    format!("the tag `{word}` is not allowed in a custom template"),
                ));
            }
            Token::Tilde | Token::Plus | Token::Mul | Token::Pow => {
                return Err((
                    at,
                    format!("the `{token}` operator is not allowed in a custom template"),
                ));
            }
            _ => {}
        }
        after_block_start = matches!(token, Token::BlockStart);
    }
    Ok(())
}

/// The byte offset of a 1-based line and 0-based character column.
fn line_offset(source: &str, line: u16, col: u16) -> usize {
    let start: usize = source
        .split_inclusive('\n')
        .take(usize::from(line.saturating_sub(1)))
        .map(str::len)
        .sum();
    let rest = &source[start.min(source.len())..];
    start
        + rest
            .char_indices()
            .nth(usize::from(col))
            .map_or(rest.len(), |(i, _)| i)
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
    let detail = e
        .detail()
        .map_or_else(|| e.kind().to_string(), str::to_string);
    SourceError::new(
        Code::TemplateError,
        file,
        Arc::from(source),
        span,
        format!("{}: {detail}", e.kind()),
    )
    .help(Message::new("help.templates"))
    .into()
}

/// Renders a document of one dossier in one format.
pub fn render(
    document: Document,
    report: &DossierReport,
    lang: Lang,
    format: Format,
    today: NaiveDate,
    custom: Option<&CustomTemplate>,
) -> Result<Vec<u8>> {
    let (judged, draft) = check_fits(document, report)?;
    render_fitted(document, judged, draft, lang, format, today, false, custom)
}

/// Renders a document the dossier was checked to fit ([`check_fits`]).
#[allow(clippy::too_many_arguments)]
fn render_fitted(
    document: Document,
    judged: &Judged,
    draft: &Draft,
    lang: Lang,
    format: Format,
    today: NaiveDate,
    final_acts: bool,
    custom: Option<&CustomTemplate>,
) -> Result<Vec<u8>> {
    let md = markdown(document, judged, draft, lang, today, final_acts, custom)?;
    if format == Format::Pdf
        && let Some(c) = md
            .chars()
            .find(|c| !pdf::can_draw(*c, false) || !pdf::can_draw(*c, true))
    {
        return Err(undrawable(judged, c));
    }
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
            context::document_date(document, judged, today),
        )?,
        Format::Docx => docx::write(
            &doc,
            &title,
            lang.code(),
            context::document_date(document, judged, today),
        )?,
    })
}

/// A PDF refused for a character no embedded face has, naming the key of dossier.yaml that
/// holds it (or the template, when no text of the dossier does).
fn undrawable(judged: &Judged, c: char) -> Error {
    let key = judged
        .file
        .texts()
        .into_iter()
        .find(|(_, t)| t.contains(c))
        .map_or_else(|| "template".to_string(), |(keys, _)| keys.join("."));
    Error::usage(
        Message::new("render.undrawable")
            .arg("dossier", judged.dir.display().to_string())
            .arg("key", key)
            .arg("char", c.to_string())
            .arg("code", format!("U+{:04X}", u32::from(c))),
    )
}

/// What the reviewer should know about a draft and that the draft itself must not say: the
/// edition's text is not the latest, the draft's language is a working translation, a form's
/// wording was corrected, a ground's text was read past a slip. Words only at the edges: each
/// note is a message the command prints on stderr and writes to the review sheet.
pub fn review_notes(
    document: Document,
    judged: &Judged,
    draft: &Draft,
    lang: Lang,
    today: NaiveDate,
) -> Vec<Message> {
    let edition = &judged.edition.edition;
    let mut notes = Vec::new();
    let doc_date = context::document_date(document, judged, today);
    if let Some(a) = edition.amended_on(doc_date) {
        notes.push(Message::new("review.note").arg("text", Arg::Words(a.note.clone())));
    }
    if edition.unofficial(lang) {
        notes.push(Message::new(match lang {
            Lang::Kk => "review.unofficial-kk",
            _ => "review.unofficial-ru",
        }));
    }
    for n in &draft.review_notes {
        notes.push(Message::new("review.note").arg("text", Arg::Words(n.clone())));
    }
    // A name given only in the other language stands in the draft as written.
    let file = &judged.file;
    let names = [
        ("object.name", Some(&file.object.name)),
        ("state_body.name", file.state_body.name.as_ref()),
        ("addressee", file.addressee.as_ref()),
        (
            "signatory.position",
            file.signatory.as_ref().and_then(|s| s.position.as_ref()),
        ),
        ("city", judged.settings.city.as_ref().map(|c| &c.value)),
    ];
    let mut names: Vec<(String, Option<&crate::dossier::LocalText>)> =
        names.into_iter().map(|(k, t)| (k.to_string(), t)).collect();
    if document == Document::ResourceForm
        && let Some(r) = &file.resource
    {
        names.extend(r.fields().map(|(k, t)| (format!("resource.{k}"), t)));
        for (n, i) in r.integrations.iter().enumerate() {
            names.extend(
                i.fields()
                    .map(|(k, t)| (format!("resource.integrations[{n}].{k}"), t)),
            );
        }
    }
    for (key, text) in names {
        if text.is_some_and(|t| t.lacks(lang)) {
            notes.push(
                Message::new(match lang {
                    Lang::Kk => "review.only-ru",
                    _ => "review.only-kk",
                })
                .arg("key", key),
            );
        }
    }
    // A page count the letter states but no one counted: say where it came from.
    if document == Document::CoverLetter || draft.lists_documents {
        for d in judged
            .documents
            .iter()
            .filter(|d| d.pages_recorded && d.status.counts())
        {
            notes.push(
                Message::new("review.pages-recorded")
                    .arg("requirement", Arg::Requirement(d.id.clone()))
                    .arg("pages", d.pages.unwrap_or_default().to_string()),
            );
        }
    }
    if document == Document::Decision && context::decision_outcome(judged) != judged.outcome {
        notes.push(Message::new("review.incomplete-refusal"));
        for d in judged.documents.iter().filter(|d| !d.status.counts()) {
            notes.push(
                Message::new("review.missing-document")
                    .arg("clause", Arg::Clause(d.clause.clone()))
                    .arg("requirement", Arg::Requirement(d.id.clone())),
            );
        }
    }
    if document == Document::Decision {
        let grounds = judged
            .grounds
            .iter()
            .filter_map(|hit| judged.edition.grounds.iter().find(|g| g.code == hit.code));
        for note in grounds.filter_map(|g| g.note.as_ref()) {
            notes.push(Message::new("review.note").arg("text", Arg::Words(note.clone())));
        }
    }
    notes
}

/// What `dossier render` is asked to draft, beyond the dossiers to judge.
#[derive(Debug, Clone)]
pub struct RenderRequest {
    pub document: Document,
    pub format: Format,
    /// `kk` or `ru`.
    pub lang: Lang,
    /// `--template FILE`: replaces the built-in template.
    pub template: Option<PathBuf>,
    pub today: NaiveDate,
    /// A judged dossier the document does not fit (an order for a refusal) is skipped rather
    /// than an error: `render all`, and a run over many dossiers.
    pub skip_unfit: bool,
    /// `--final`: the authorized body's acts without the draft mark.
    pub final_acts: bool,
}

/// One drafted document, or why it could not be drafted.
#[derive(Debug)]
pub struct Rendered {
    /// The dossier as the user named it.
    pub dossier: String,
    pub document: Document,
    /// `<dossier-folder-name>.<document>.<lang>.<ext>`
    pub file_name: String,
    pub result: Result<Vec<u8>>,
    /// What the reviewer should know about this draft ([`review_notes`]).
    pub notes: Vec<Message>,
    /// The document does not fit the dossier and the request skips such: `result` holds why.
    pub skipped: bool,
}

/// A template from the `templates` folder of the dossier's settings, when it has one for the
/// document and language.
fn settings_template(judged: &Judged, draft: &Draft, lang: Lang) -> Result<Option<CustomTemplate>> {
    let Some(dir) = judged.settings.confined_templates()? else {
        return Ok(None);
    };
    let path = dir.join(template_name(draft, lang));
    // The template itself may be a link: it too stays inside the tree.
    if !crate::files::stays_within(&path, &dir) {
        return Err(Error::usage(
            Message::new("usage.settings-outside")
                .arg("file", dir.display().to_string())
                .arg("path", path.display().to_string()),
        ));
    }
    if !path.is_file() {
        return Ok(None);
    }
    Ok(Some(CustomTemplate {
        file: path.display().to_string(),
        text: crate::files::read_text(&path)?,
    }))
}

/// Drafts the document for every judged dossier of a run (the judgment `check` prints).
pub fn render_all(req: &RenderRequest, dossiers: &[DossierReport]) -> Result<Vec<Rendered>> {
    if req.lang == Lang::En {
        return Err(Error::usage(Message::new("usage.render-lang")));
    }
    let custom = match &req.template {
        Some(path) => Some(CustomTemplate {
            file: path.display().to_string(),
            text: crate::files::read_text(path)?,
        }),
        None => None,
    };
    // The fit is judged once per dossier: it decides the notes, the skip and the draft.
    let one = |d: &DossierReport, stem: String| {
        let fits = check_fits(req.document, d);
        let notes = fits
            .as_ref()
            .map(|(judged, draft)| review_notes(req.document, judged, draft, req.lang, req.today))
            .unwrap_or_default();
        let skipped = req.skip_unfit && d.judged().is_some() && fits.is_err();
        let result = fits.and_then(|(judged, draft)| {
            let from_settings = match &custom {
                Some(_) => None,
                None => settings_template(judged, draft, req.lang)?,
            };
            render_fitted(
                req.document,
                judged,
                draft,
                req.lang,
                req.format,
                req.today,
                req.final_acts,
                custom.as_ref().or(from_settings.as_ref()),
            )
        });
        Rendered {
            dossier: d.path.clone(),
            document: req.document,
            file_name: format!(
                "{stem}.{}.{}.{}",
                req.document.id(),
                req.lang.code(),
                req.format.extension()
            ),
            result,
            notes,
            skipped,
        }
    };
    let stems = unique_stems(dossiers.iter().map(|d| d.path.as_str()));
    // Drafts are independent: rendered in parallel, returned in the dossiers' order.
    use rayon::prelude::*;
    Ok(dossiers
        .par_iter()
        .zip(stems)
        .map(|(d, stem)| one(d, stem))
        .collect())
}

/// A file-name stem per dossier that no other dossier of the run shares: the folder's name,
/// with as many parent folders as it takes to tell it apart (`a-esedo`, `b-esedo`). Characters
/// that cannot be in a file name become `_`.
pub fn unique_stems<'a>(paths: impl Iterator<Item = &'a str>) -> Vec<String> {
    let parts: Vec<Vec<String>> = paths
        .map(|p| {
            p.split('/')
                .filter(|c| !c.is_empty() && *c != ".")
                .map(|c| {
                    c.chars()
                        .map(|ch| {
                            if ch.is_control() || "\\:*?\"<>|".contains(ch) {
                                '_'
                            } else {
                                ch
                            }
                        })
                        .collect()
                })
                .collect()
        })
        .collect();
    let stem = |p: &Vec<String>, n: usize| -> String {
        let from = p.len().saturating_sub(n);
        let s = p[from..].join("-");
        if s.is_empty() {
            "dossier".to_string()
        } else {
            s
        }
    };
    let mut depth = vec![1usize; parts.len()];
    loop {
        let stems: Vec<String> = parts.iter().zip(&depth).map(|(p, n)| stem(p, *n)).collect();
        let mut grew = false;
        for i in 0..stems.len() {
            let clash = stems
                .iter()
                .enumerate()
                .any(|(j, s)| j != i && *s == stems[i]);
            if clash && depth[i] < parts[i].len() {
                depth[i] += 1;
                grew = true;
            }
        }
        if !grew {
            return stems;
        }
    }
}

pub use crate::files::{write_file, write_file_with};

#[cfg(test)]
mod tests {
    #[test]
    fn the_editions_template_families_are_the_embedded_templates() {
        let mut families: Vec<&str> = super::TEMPLATES
            .iter()
            .map(|(name, _)| name.rsplitn(3, '.').nth(2).unwrap())
            .collect();
        families.sort_unstable();
        families.dedup();
        assert_eq!(families, crate::edition::TEMPLATE_FAMILIES);
        for family in families {
            for lang in ["kk", "ru"] {
                assert!(super::built_in_template(&format!("{family}.{lang}.md")).is_some());
            }
        }
    }
}
