//! `dossier check`: the table and findings, the contract's JSON, CSV/TSV rows, JUnit XML or the
//! HTML portfolio, through one printer chosen from the flags (`dossier_report::printer`).
//! Dossiers are judged in chunks; each judgment is prepared for the printer on the worker that
//! made it and dropped: memory stays flat however many dossiers there are.

use super::{check_request, print_errors};
use crate::Config;
use crate::cli::{JudgeArgs, WhatIfArgs};
use crate::ui::Ui;
use clap::{Args, ValueEnum};
use dossier_judge::outcome::Outcome;
use dossier_model::error::Error;
use dossier_model::files::{AtomicFile, Spill};
use dossier_report::printer::{self, End, Format, Prepared};
use std::path::{Path, PathBuf};

// --- The command's flags -------------------------------------------------------------------

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Output format: a table (human), the contract's JSON, one row per dossier and requirement
    /// (csv, tsv), JUnit XML for CI servers, a self-contained HTML page for managers, or the
    /// findings where a change is reviewed: SARIF 2.1.0 (code scanning), GitHub workflow
    /// commands, GitLab Code Quality JSON
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    pub format: CheckFormat,

    /// Errors and the summary only: dossiers without errors, warnings and notes are not printed
    #[arg(short, long)]
    pub quiet: bool,

    /// csv/tsv: one row per dossier instead of one per dossier and requirement
    #[arg(long)]
    pub summary: bool,

    /// csv: as Russian and Kazakh Excel open it by a double click — a UTF-8 byte-order mark and
    /// `;` between fields (a plain comma CSV opens there as one garbled column)
    #[arg(long)]
    pub excel: bool,

    /// Totals per state body: dossiers, outcomes, missing documents
    #[arg(long, value_enum, value_name = "KEY")]
    pub group_by: Option<GroupBy>,

    /// Judge the state body's own part at a stage of the procedure: `filing` is ready when every
    /// document and portal item is present and valid and the criteria pass (exit 0 when every
    /// dossier is ready, 1 when one is not)
    #[arg(long, value_enum, value_name = "STAGE")]
    pub stage: Option<CheckStage>,

    /// Write the report to FILE (atomically; an existing file only with --force); `-` is standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// With --output: replace an existing file
    #[arg(long, requires = "output")]
    pub force: bool,

    #[command(flatten)]
    pub what_if: WhatIfArgs,

    #[command(flatten)]
    pub judge: JudgeArgs,

    /// Dossier folders, or folders searched recursively for dossiers
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    Human,
    Json,
    Csv,
    Tsv,
    Junit,
    Html,
    Sarif,
    Github,
    Gitlab,
    /// A workbook: dossiers, documents and findings, one sheet each (needs -o FILE)
    Xlsx,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GroupBy {
    /// The applicant state body (`state_body.name`)
    StateBody,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckStage {
    /// Before filing: is the state body's part complete?
    Filing,
}

/// Dossiers judged and printed at a time.
const CHUNK: usize = 512;

pub fn run(mut args: CheckArgs, config: &Config, ui: &mut Ui) -> Result<u8, Error> {
    // `-o -` is standard output, as for most tools.
    if args.output.as_deref() == Some(std::path::Path::new("-")) {
        args.output = None;
    }
    // A workbook is bytes, never written to a terminal or a pipe.
    if args.format == CheckFormat::Xlsx && args.output.is_none() {
        return Err(Error::usage(
            dossier_model::finding::Message::new("usage.binary-needs-output").arg("format", "XLSX"),
        ));
    }
    let mark = args.what_if.mark();
    let what_if = args.what_if.clone().into_what_if();
    let request = check_request(args.paths.clone(), args.judge.clone(), config, what_if);
    let run = dossier_judge::prepare(&request)?;
    // The report language: --lang, else the first dossier's dossier.toml, else the locale.
    ui.lang = config.lang(run.settings_lang());
    ui.quiet = args.quiet;
    let filing = args.stage == Some(CheckStage::Filing);
    let to_file = args.output.is_some();
    let (preparer, mut printer) = printer::printer(printer::Options {
        format: match args.format {
            CheckFormat::Human => Format::Human,
            CheckFormat::Json => Format::Json,
            CheckFormat::Csv => Format::Csv,
            CheckFormat::Tsv => Format::Tsv,
            CheckFormat::Junit => Format::Junit,
            CheckFormat::Html => Format::Html,
            CheckFormat::Sarif => Format::Sarif,
            CheckFormat::Github => Format::Github,
            CheckFormat::Gitlab => Format::Gitlab,
            CheckFormat::Xlsx => Format::Xlsx,
        },
        lang: ui.lang,
        today: request.today,
        color: ui.color && !to_file,
        width: if to_file { None } else { ui.width },
        quiet: args.quiet,
        filing,
        summary: args.summary,
        grouped: args.group_by.is_some(),
        what_if: mark,
        tool: crate::TOOL_VERSION.to_string(),
        excel: args.excel,
    })
    .map_err(Error::usage)?;
    let mut out = Output::new(args.output.as_deref(), args.force)?;
    let mut later = Spill::default();
    let mut worst: Option<Outcome> = None;
    let mut all_ready = true;
    let mut failed: Option<Error> = None;
    let mut text = printer::Out::default();
    printer.begin(&mut text);
    let prepare = |d| preparer.prepare(d);
    let (path_errors, _) = run.map_in_chunks(CHUNK, prepare, |chunk: Vec<Prepared>| {
        for d in chunk {
            worst = Some(worst.map_or(d.outcome, |w| w.min(d.outcome)));
            all_ready &= d.ready;
            if let Some(invalid) = d.invalid() {
                print_errors(ui, std::slice::from_ref(invalid), &[]);
            }
            printer.add(&d, &mut text);
        }
        if failed.is_none()
            && !text.now.is_empty()
            && let Err(e) = out.write(ui, &text.now)
        {
            failed = Some(e);
        }
        later.push_str(&text.later);
        text.now.clear();
        text.later.clear();
    });
    if let Some(e) = failed {
        return Err(e);
    }
    print_errors(ui, &[], &path_errors);
    if let Some(bytes) = printer.take_binary() {
        let bytes = bytes.map_err(|e| Error::Internal(format!("the workbook: {e}")))?;
        out.write_bytes(&bytes)?;
        out.finish(ui)?;
        return Ok(dossier_judge::check_exit_code(
            worst,
            !path_errors.is_empty(),
        ));
    }
    let mut end = Finish {
        out: &mut out,
        ui,
        later: Some(later),
        failed: None,
    };
    printer.finish(&mut end);
    end.later();
    if let Some(e) = end.failed {
        return Err(e);
    }
    out.finish(ui)?;
    let code = dossier_judge::check_exit_code(worst, !path_errors.is_empty());
    // Before filing, the verdict is the state body's part: complete or not.
    Ok(if filing && code != 2 {
        u8::from(!all_ready)
    } else {
        code
    })
}

/// Where the printer's last words go: the output, with the text kept for later where the
/// printer puts it; the first error is kept and the rest is not written.
struct Finish<'a> {
    out: &'a mut Output,
    ui: &'a mut Ui,
    later: Option<Spill>,
    failed: Option<Error>,
}

impl printer::End for Finish<'_> {
    fn text(&mut self, text: &str) {
        if self.failed.is_none()
            && let Err(e) = self.out.write(self.ui, text)
        {
            self.failed = Some(e);
        }
    }

    fn later(&mut self) {
        let Some(later) = self.later.take() else {
            return;
        };
        if self.failed.is_none()
            && let Err(e) = later.drain(|piece| self.out.write(self.ui, piece))
        {
            self.failed = Some(e);
        }
    }
}

/// stdout, or a file written as the run goes and put in place at the end (atomically, never
/// over a file without --force).
enum Output {
    Stdout,
    File {
        path: PathBuf,
        file: std::io::BufWriter<AtomicFile>,
    },
}

impl Output {
    /// The target is checked before any dossier is judged.
    fn new(file: Option<&Path>, force: bool) -> Result<Output, Error> {
        Ok(match file {
            None => Output::Stdout,
            Some(path) => Output::File {
                path: path.to_path_buf(),
                file: std::io::BufWriter::with_capacity(64 << 10, AtomicFile::create(path, force)?),
            },
        })
    }

    fn write(&mut self, ui: &mut Ui, text: &str) -> Result<(), Error> {
        match self {
            Output::Stdout => ui.print(text),
            Output::File { .. } => self.write_bytes(text.as_bytes()),
        }
    }

    /// To the file (a binary report is never written to standard output).
    fn write_bytes(&mut self, bytes: &[u8]) -> Result<(), Error> {
        use std::io::Write;
        match self {
            Output::Stdout => Ok(()),
            Output::File { file, .. } => file.write_all(bytes).map_err(|e| file.get_ref().error(e)),
        }
    }

    fn finish(self, ui: &mut Ui) -> Result<(), Error> {
        use std::io::Write;
        let Output::File { path, mut file } = self else {
            return Ok(());
        };
        file.flush().map_err(|e| file.get_ref().error(e))?;
        let file = file
            .into_inner()
            .map_err(|e| Error::Internal(e.error().to_string()))?;
        file.commit()?;
        let file = path.display().to_string();
        ui.note(&dossier_words::t!(ui.lang, "check.wrote", file));
        Ok(())
    }
}
