//! `dossier render`: drafts one document (or every one that fits) per dossier, to stdout, a
//! file or a folder.

use super::{check_request, print_errors, settings_lang};
use crate::Config;
use crate::cli::JudgeArgs;
use crate::ui::Ui;
use clap::{Args, ValueEnum};
use dossier_model::error::Error;
use dossier_model::finding::Message;
use dossier_model::lang::Lang;
use dossier_render::{Document, Format, RenderRequest};
use dossier_words::t;
use std::path::PathBuf;

// --- The command's flags -------------------------------------------------------------------

#[derive(Debug, Args)]
pub struct RenderArgs {
    /// The document to draft
    #[arg(value_enum)]
    pub document: DocumentArg,

    /// Output format [default: from the extension of -o FILE, else md]
    #[arg(long, value_enum)]
    pub format: Option<DocFormat>,

    /// Write to FILE (one dossier); .md, .txt, .html, .pdf or .docx sets the format; `-` is standard output
    #[arg(
        short = 'o',
        long = "output",
        value_name = "FILE",
        conflicts_with = "out_dir"
    )]
    pub output: Option<PathBuf>,

    /// Write one file per dossier into DIR
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,

    /// Replace files that exist
    #[arg(long)]
    pub force: bool,

    /// Write what the reviewer should know about the drafts (never printed in them) to FILE
    #[arg(long, value_name = "FILE")]
    pub notes: Option<PathBuf>,

    /// Draft the authorized body's acts (decision, order, operator notice) as final, without
    /// the draft mark: for a reviewer at the authorized body. The state body's own documents
    /// (application, covering letter, removal notice) are always final
    #[arg(long = "final")]
    pub final_acts: bool,

    /// Use this template instead of the built-in one (see docs/templates.md)
    #[arg(long, value_name = "FILE")]
    pub template: Option<PathBuf>,

    #[command(flatten)]
    pub judge: JudgeArgs,

    /// Dossier folders, or folders searched recursively for dossiers
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DocumentArg {
    /// The state body's application (the form of the Rules)
    Application,
    /// The state body's covering letter sending the application with the list of attachments
    CoverLetter,
    /// The authorized body's decision draft, citing every ground
    Decision,
    /// The notice to the operator of an inclusion
    OperatorNotice,
    /// The draft order including the object in the List
    Order,
    /// The state body's notice that operation of the object stopped
    RemovalNotice,
    /// Information on an internet resource (2016 Appendix 2), from `resource:` in dossier.yaml
    ResourceForm,
    /// Every document that fits each dossier (the others are skipped with a note)
    All,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DocFormat {
    Md,
    Txt,
    Html,
    Pdf,
    Docx,
}

pub fn run(mut args: RenderArgs, config: &Config, ui: &mut Ui) -> Result<u8, Error> {
    // `-o -` is standard output, as for most tools.
    if args.output.as_deref() == Some(std::path::Path::new("-")) {
        args.output = None;
    }
    let format = output_format(&args)?;
    if format.is_binary() && args.output.is_none() && args.out_dir.is_none() {
        return Err(Error::usage(
            Message::new("usage.binary-needs-output")
                .arg("format", format.extension().to_uppercase()),
        ));
    }
    let request = check_request(
        args.paths.clone(),
        args.judge.clone(),
        config,
        Default::default(),
    );
    let report = dossier_judge::check(&request)?;
    let from_settings = settings_lang(&report);
    // Documents are drafted in kk or ru; an English locale falls back to the state language.
    let lang = match config.lang_flag {
        Some(l) => l,
        None => match from_settings.unwrap_or(config.env_lang) {
            Lang::En => Lang::Kk,
            l => l,
        },
    };
    ui.lang = config.lang(from_settings);
    print_errors(ui, &report.dossiers, &report.path_errors);
    let documents: &[Document] = match args.document {
        DocumentArg::Application => &[Document::Application],
        DocumentArg::CoverLetter => &[Document::CoverLetter],
        DocumentArg::Decision => &[Document::Decision],
        DocumentArg::OperatorNotice => &[Document::OperatorNotice],
        DocumentArg::Order => &[Document::Order],
        DocumentArg::RemovalNotice => &[Document::RemovalNotice],
        DocumentArg::ResourceForm => &[Document::ResourceForm],
        DocumentArg::All => &Document::ALL,
    };
    // Over many dossiers (or `all`), a document that does not fit one is skipped, not failed.
    let skip_unfit = documents.len() > 1 || report.dossiers.len() > 1;
    let mut rendered = Vec::new();
    for &document in documents {
        rendered.extend(dossier_render::render_all(
            &RenderRequest {
                document,
                format,
                lang,
                template: args.template.clone(),
                today: request.today,
                skip_unfit,
                final_acts: args.final_acts,
            },
            &report.dossiers,
        )?);
    }
    // What was skipped, said once per document: how many, and why for the first of them.
    let words = dossier_words::Words::new(ui.lang);
    let mut skipped: Vec<(Document, usize, String)> = Vec::new();
    rendered.retain(|r| {
        if let (true, Err(Error::Usage(why))) = (r.skipped, &r.result) {
            let reason = why.first().map(|m| words.message(m)).unwrap_or_default();
            match skipped.iter_mut().find(|s| s.0 == r.document) {
                Some(s) => s.1 += 1,
                None => skipped.push((r.document, 1, reason)),
            }
        }
        !r.skipped
    });
    if !skipped.is_empty() {
        let n: usize = skipped.iter().map(|s| s.1).sum();
        ui.note(&t!(ui.lang, "render.skipped-summary", n));
        for (document, count, reason) in &skipped {
            ui.note(&t!(
                ui.lang,
                "render.skipped-document",
                document = document.id(),
                count,
                why = reason
            ));
        }
    }
    if rendered.len() > 1 && args.out_dir.is_none() {
        return Err(Error::usage(
            Message::new("usage.many-need-out-dir").arg("n", rendered.len()),
        ));
    }
    // Names never collide; still, nothing is written when two drafts would share a file.
    if let Some(dir) = &args.out_dir {
        let mut names: Vec<&str> = rendered.iter().map(|r| r.file_name.as_str()).collect();
        names.sort_unstable();
        if let Some(w) = names.windows(2).find(|w| w[0] == w[1]) {
            return Err(Error::usage(
                Message::new("usage.names-collide")
                    .arg("file", dir.join(w[0]).display().to_string()),
            ));
        }
    }
    let target = Target {
        output: args.output.as_deref(),
        out_dir: args.out_dir.as_deref(),
        force: args.force,
    };
    let sheet = review_sheet(&rendered, ui);
    let mut failed = write_all(rendered, &target, ui)? || !report.path_errors.is_empty();
    if let Some(path) = &args.notes
        && let Err(e) = dossier_render::write_file(path, sheet.as_bytes(), args.force)
    {
        ui.error(&e);
        failed = true;
    }
    // Skipping by outcome, the exit code says the outcome, as `check` does.
    let by_outcome = skip_unfit
        && report.dossiers.iter().any(|d| {
            d.judged().is_some_and(|j| {
                matches!(
                    j.outcome,
                    dossier_judge::outcome::Outcome::Incomplete
                        | dossier_judge::outcome::Outcome::Refuse
                )
            })
        });
    Ok(if failed {
        2
    } else if by_outcome {
        1
    } else {
        0
    })
}

/// `--format`, else the extension of `-o FILE`, else Markdown; a `--format` that contradicts
/// the extension is refused rather than writing Markdown into `guess.pdf`.
fn output_format(args: &RenderArgs) -> Result<Format, Error> {
    let flag = args.format.map(|f| match f {
        DocFormat::Md => Format::Md,
        DocFormat::Txt => Format::Txt,
        DocFormat::Html => Format::Html,
        DocFormat::Pdf => Format::Pdf,
        DocFormat::Docx => Format::Docx,
    });
    let from_name = args
        .output
        .as_deref()
        .and_then(|p| p.extension())
        .and_then(|e| e.to_str())
        .and_then(|e| Format::from_extension(&e.to_ascii_lowercase()));
    match (flag, from_name) {
        (Some(f), Some(n)) if f != n => Err(Error::usage(
            Message::new("usage.format-mismatch")
                .arg("format", f.extension())
                .arg(
                    "file",
                    args.output
                        .as_ref()
                        .map(|p| p.display().to_string())
                        .unwrap_or_default(),
                ),
        )),
        (Some(f), _) | (None, Some(f)) => Ok(f),
        (None, None) => Ok(Format::Md),
    }
}

/// Review notes: each distinct one once on stderr; the whole sheet (per draft) returned for
/// `--notes FILE`. The drafts themselves never carry them.
fn review_sheet(rendered: &[dossier_render::Rendered], ui: &Ui) -> String {
    let words = dossier_words::Words::new(ui.lang);
    let mut seen = std::collections::HashSet::new();
    let mut sheet = format!("# {}\n", t!(ui.lang, "review.sheet-title"));
    for r in rendered.iter().filter(|r| r.result.is_ok()) {
        sheet.push_str(&format!("\n## {}\n\n", r.file_name));
        if r.notes.is_empty() {
            sheet.push_str(&format!("{}\n", t!(ui.lang, "review.none")));
        }
        for n in &r.notes {
            let text = words.message(n);
            sheet.push_str(&format!("- {text}\n"));
            if seen.insert(text.clone()) {
                ui.note(&format!("{} {text}", t!(ui.lang, "review.prefix")));
            }
        }
    }
    sheet
}

/// Where drafts go: `-o FILE`, `--out-dir DIR`, or stdout.
struct Target<'a> {
    output: Option<&'a std::path::Path>,
    out_dir: Option<&'a std::path::Path>,
    force: bool,
}

/// Writes each draft where asked (stdout, `-o`, `--out-dir`); returns whether any failed.
fn write_all(
    rendered: Vec<dossier_render::Rendered>,
    args: &Target,
    ui: &mut Ui,
) -> Result<bool, Error> {
    let mut failed = false;
    let mut written = Vec::new();
    for r in rendered {
        let bytes = match r.result {
            Ok(b) => b,
            Err(e) => {
                ui.error(&e);
                failed = true;
                continue;
            }
        };
        let target = match (args.output, args.out_dir) {
            (Some(file), _) => file.to_path_buf(),
            (None, Some(dir)) => {
                dossier_model::files::create_dir_all(dir).map_err(|source| Error::Write {
                    path: dir.to_path_buf(),
                    source,
                })?;
                dir.join(&r.file_name)
            }
            (None, None) => {
                ui.print(&String::from_utf8_lossy(&bytes))?;
                continue;
            }
        };
        match dossier_render::write_file(&target, &bytes, args.force) {
            Ok(()) => written.push((r.dossier, target)),
            Err(e) => {
                ui.error(&e);
                failed = true;
            }
        }
    }
    // What was written goes to stderr, so stdout stays clean for scripts.
    for (dossier, path) in &written {
        let file = path.display();
        ui.note(&t!(ui.lang, "render.wrote", file, dossier));
    }
    if args.out_dir.is_some() {
        let n = written.len();
        ui.note(&t!(ui.lang, "render.written", n));
    }
    Ok(failed)
}
