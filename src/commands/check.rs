//! `dossier check`: the table and findings, the contract's JSON, CSV/TSV rows, JUnit XML or the
//! HTML portfolio. Dossiers are judged in chunks; each judgment is rendered (JSON, CSV, JUnit)
//! or reduced to what the report prints (human, HTML, the groups) on the worker that made it,
//! and dropped: memory stays flat however many dossiers there are.

use super::{check_request, print_errors};
use crate::Config;
use crate::cli::{CheckArgs, CheckFormat, CheckStage};
use crate::ui::Ui;
use dossier_judge::judge::{DossierReport, Judgment};
use dossier_judge::outcome::Outcome;
use dossier_model::error::Error;
use dossier_report::portfolio::Portfolio;
use dossier_report::tabular::{self, Groups, Separator};
use dossier_report::{human, json, junit};

/// Dossiers judged and printed at a time.
const CHUNK: usize = 512;

/// What a worker hands back of one judgment: its outcome, readiness to file, the text it
/// contributes to a streamed format, and the judgment itself only when it is invalid (its
/// errors go to stderr) or when a gathered report (table, page, groups) needs it.
struct Judged {
    outcome: Outcome,
    ready: bool,
    text: Option<String>,
    report: Option<DossierReport>,
    steps: Vec<dossier_judge::timeline::Step>,
}

pub fn run(args: CheckArgs, config: &Config, ui: &mut Ui) -> Result<u8, Error> {
    let what_if = args.what_if.clone().into_what_if();
    let request = check_request(args.paths.clone(), args.judge.clone(), config, what_if);
    let today = request.today;
    let run = dossier_judge::prepare(&request)?;
    // The report language: --lang, else the first dossier's dossier.toml, else the locale.
    ui.lang = config.lang(run.settings_lang());
    let lang = ui.lang;
    let format = args.format;
    let filing = args.stage == Some(CheckStage::Filing);
    let sep = match format {
        CheckFormat::Tsv => Separator::Tab,
        _ => Separator::Comma,
    };
    let delimited = matches!(format, CheckFormat::Csv | CheckFormat::Tsv);
    let grouped = args.group_by.is_some();
    // What is printed as it comes (and what an --output file receives).
    let streamed =
        !grouped && (delimited || matches!(format, CheckFormat::Json | CheckFormat::Junit));
    let mut out = Output::new(args.output.clone(), args.force);
    let mut worst: Option<Outcome> = None;
    let mut all_ready = true;
    let mut stream = json::Stream::default();
    let mut table = human::Human::new(human::Options {
        lang,
        color: ui.color && args.output.is_none(),
        width: if args.output.is_some() {
            None
        } else {
            ui.width
        },
        quiet: args.quiet,
        filing,
    });
    let mut page = Portfolio::new(lang, today);
    let mut groups = Groups::default();
    let base_calendar = dossier_model::calendar::Calendar::built_in();
    let summary = args.summary;
    let map = |d: DossierReport| {
        let text = if grouped {
            None
        } else {
            match format {
                CheckFormat::Json => Some(json::entry(&d, lang)),
                CheckFormat::Csv | CheckFormat::Tsv => Some(tabular::rows(&d, lang, summary, sep)),
                CheckFormat::Junit => Some(junit::suite(&d, lang)),
                CheckFormat::Human | CheckFormat::Html => None,
            }
        };
        let steps = match (format, d.judged()) {
            (CheckFormat::Html, Some(j)) if !grouped => {
                dossier_judge::timeline::steps(j, &j.settings.calendar(&base_calendar), today)
            }
            _ => Vec::new(),
        };
        let keep = grouped
            || matches!(format, CheckFormat::Human | CheckFormat::Html)
            || matches!(d.judgment, Judgment::Invalid(_));
        Judged {
            outcome: d.outcome(),
            ready: d.judged().is_some_and(|j| j.readiness().ready()),
            text,
            report: keep.then_some(d),
            steps,
        }
    };
    let mut failed: Option<Error> = None;
    let mut started = false;
    let (path_errors, _) = run.map_in_chunks(CHUNK, map, |chunk: Vec<Judged>| {
        let mut text = String::new();
        if !started && streamed {
            started = true;
            match format {
                CheckFormat::Junit => text.push_str(junit::HEAD),
                CheckFormat::Csv | CheckFormat::Tsv => {
                    text.push_str(&tabular::header(summary, sep))
                }
                _ => {}
            }
        }
        for j in chunk {
            worst = Some(worst.map_or(j.outcome, |w| w.min(j.outcome)));
            all_ready &= j.ready;
            if let Some(d) = &j.report {
                if matches!(d.judgment, Judgment::Invalid(_)) {
                    print_errors(ui, std::slice::from_ref(d), &[]);
                }
                if grouped {
                    groups.add(d, lang);
                } else if format == CheckFormat::Human {
                    table.add(d);
                } else if format == CheckFormat::Html {
                    page.add(d, &j.steps);
                }
            }
            if let Some(e) = &j.text {
                match format {
                    CheckFormat::Json => text.push_str(&stream.entry(e)),
                    _ => text.push_str(e),
                }
            }
        }
        if failed.is_none()
            && !text.is_empty()
            && let Err(e) = out.write(ui, &text)
        {
            failed = Some(e);
        }
    });
    if let Some(e) = failed {
        return Err(e);
    }
    print_errors(ui, &[], &path_errors);
    let text = if grouped {
        match format {
            CheckFormat::Csv | CheckFormat::Tsv => groups.delimited(sep),
            CheckFormat::Json => groups.json(),
            _ => groups.human(lang, ui.color, ui.width),
        }
    } else {
        match format {
            CheckFormat::Json => stream.close().to_string(),
            CheckFormat::Human => table.finish(),
            CheckFormat::Junit if started => junit::TAIL.to_string(),
            CheckFormat::Junit => format!("{}{}", junit::HEAD, junit::TAIL),
            CheckFormat::Csv | CheckFormat::Tsv if !started => tabular::header(summary, sep),
            CheckFormat::Csv | CheckFormat::Tsv => String::new(),
            CheckFormat::Html => page.render(),
        }
    };
    out.write(ui, &text)?;
    out.finish(ui)?;
    let code = dossier_judge::check_exit_code(worst, !path_errors.is_empty());
    // Before filing, the verdict is the state body's part: complete or not.
    Ok(if filing && code != 2 {
        u8::from(!all_ready)
    } else {
        code
    })
}

/// stdout, or a file written once at the end (atomically, never over a file without --force).
struct Output {
    file: Option<std::path::PathBuf>,
    force: bool,
    buffer: String,
}

impl Output {
    fn new(file: Option<std::path::PathBuf>, force: bool) -> Output {
        Output {
            file,
            force,
            buffer: String::new(),
        }
    }

    fn write(&mut self, ui: &mut Ui, text: &str) -> Result<(), Error> {
        match &self.file {
            None => ui.print(text),
            Some(_) => {
                self.buffer.push_str(text);
                Ok(())
            }
        }
    }

    fn finish(self, ui: &mut Ui) -> Result<(), Error> {
        let Some(path) = self.file else {
            return Ok(());
        };
        dossier_render::write_file(&path, self.buffer.as_bytes(), self.force)?;
        let file = path.display().to_string();
        ui.note(&dossier_words::t!(ui.lang, "check.wrote", file));
        Ok(())
    }
}
