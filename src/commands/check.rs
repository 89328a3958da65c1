//! `dossier check`: the table and findings, or the contract's JSON. Dossiers are judged in
//! chunks and each chunk is printed (JSON) or reduced to what the report prints (human) before
//! the next: memory stays flat however many dossiers there are.

use super::{check_request, print_errors};
use crate::Config;
use crate::cli::{CheckArgs, Format};
use crate::ui::Ui;
use dossier::error::Error;
use dossier::judge::DossierReport;
use dossier::report::{human, json};
use rayon::prelude::*;

/// Dossiers judged and printed at a time.
const CHUNK: usize = 256;

pub fn run(args: CheckArgs, config: &Config, ui: &mut Ui) -> Result<u8, Error> {
    let request = check_request(args.paths, args.judge, config, Default::default());
    let run = dossier::prepare(&request)?;
    let mut worst = None;
    let mut lang = None;
    let mut stream = json::Stream::default();
    let mut report: Option<human::Human> = None;
    let mut failed: Option<Error> = None;
    let (path_errors, _) = run.judge_in_chunks(CHUNK, |chunk: Vec<DossierReport>| {
        // The report language: --lang, else the first judged dossier's dossier.toml.
        let lang = *lang.get_or_insert_with(|| {
            let first = chunk.iter().find_map(|d| d.judged());
            config.lang(
                first
                    .and_then(|j| j.settings.lang.as_ref())
                    .map(|l| l.value),
            )
        });
        ui.lang = lang;
        for d in &chunk {
            let o = d.outcome();
            worst = Some(worst.map_or(o, |w: dossier::outcome::Outcome| w.min(o)));
        }
        print_errors(ui, &chunk, &[]);
        if failed.is_some() {
            return;
        }
        match args.format {
            Format::Json => {
                let entries: Vec<String> = chunk.par_iter().map(|d| json::entry(d, lang)).collect();
                let mut text = String::new();
                for e in &entries {
                    text.push_str(&stream.entry(e));
                }
                if let Err(e) = ui.print(&text) {
                    failed = Some(e);
                }
            }
            Format::Human => {
                let human = report.get_or_insert_with(|| {
                    human::Human::new(human::Options {
                        lang,
                        color: ui.color,
                        width: ui.width,
                    })
                });
                for d in &chunk {
                    human.add(d);
                }
            }
        }
    });
    if let Some(e) = failed {
        return Err(e);
    }
    print_errors(ui, &[], &path_errors);
    let text = match args.format {
        Format::Json => stream.close().to_string(),
        Format::Human => report
            .unwrap_or_else(|| {
                human::Human::new(human::Options {
                    lang: config.lang(None),
                    color: ui.color,
                    width: ui.width,
                })
            })
            .finish(),
    };
    ui.print(&text)?;
    Ok(dossier::report::check_exit_code(
        worst,
        !path_errors.is_empty(),
    ))
}
