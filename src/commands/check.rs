//! `dossier check`: the table and findings, or the contract's JSON. Dossiers are judged in
//! chunks; each judgment is rendered (JSON) or reduced to what the report prints (human) on
//! the worker that made it, and dropped: memory stays flat however many dossiers there are.

use super::{check_request, print_errors};
use crate::Config;
use crate::cli::{CheckArgs, Format};
use crate::ui::Ui;
use dossier::error::Error;
use dossier::judge::{DossierReport, Judgment};
use dossier::outcome::Outcome;
use dossier::report::{human, json};

/// Dossiers judged and printed at a time.
const CHUNK: usize = 512;

/// What a worker hands back of one judgment: its outcome, its JSON entry (for `--format
/// json`), and the judgment itself only when it is invalid (its errors go to stderr) or when
/// the human report needs it.
struct Judged {
    outcome: Outcome,
    entry: Option<String>,
    report: Option<DossierReport>,
}

pub fn run(args: CheckArgs, config: &Config, ui: &mut Ui) -> Result<u8, Error> {
    let request = check_request(args.paths, args.judge, config, Default::default());
    let run = dossier::prepare(&request)?;
    // The report language: --lang, else the first dossier's dossier.toml, else the locale.
    ui.lang = config.lang(run.settings_lang());
    let lang = ui.lang;
    let format = args.format;
    let mut worst: Option<Outcome> = None;
    let mut stream = json::Stream::default();
    let mut report = human::Human::new(human::Options {
        lang,
        color: ui.color,
        width: ui.width,
    });
    let mut failed: Option<Error> = None;
    let map = |d: DossierReport| Judged {
        outcome: d.outcome(),
        entry: (format == Format::Json).then(|| json::entry(&d, lang)),
        report: (format == Format::Human || matches!(d.judgment, Judgment::Invalid(_)))
            .then_some(d),
    };
    let (path_errors, _) = run.map_in_chunks(CHUNK, map, |chunk: Vec<Judged>| {
        let mut text = String::new();
        for j in chunk {
            worst = Some(worst.map_or(j.outcome, |w| w.min(j.outcome)));
            if let Some(d) = &j.report {
                if matches!(d.judgment, Judgment::Invalid(_)) {
                    print_errors(ui, std::slice::from_ref(d), &[]);
                }
                if format == Format::Human {
                    report.add(d);
                }
            }
            if let Some(e) = &j.entry {
                text.push_str(&stream.entry(e));
            }
        }
        if failed.is_none()
            && !text.is_empty()
            && let Err(e) = ui.print(&text)
        {
            failed = Some(e);
        }
    });
    if let Some(e) = failed {
        return Err(e);
    }
    print_errors(ui, &[], &path_errors);
    let text = match format {
        Format::Json => stream.close().to_string(),
        Format::Human => report.finish(),
    };
    ui.print(&text)?;
    Ok(dossier::report::check_exit_code(
        worst,
        !path_errors.is_empty(),
    ))
}
