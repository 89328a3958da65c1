//! `dossier check`: the table and findings, or the contract's JSON.

use super::{check_request, print_errors, report_lang};
use crate::Config;
use crate::cli::{CheckArgs, Format};
use crate::ui::Ui;
use dossier::error::Error;
use dossier::report::{human, json};

pub fn run(args: CheckArgs, config: &Config, ui: &mut Ui) -> Result<u8, Error> {
    let request = check_request(args.paths, args.judge, config, Default::default());
    let report = dossier::check(&request)?;
    ui.lang = report_lang(config, &report);
    print_errors(ui, &report);
    let text = match args.format {
        Format::Json => json::render(&report, ui.lang),
        Format::Human => human::render(
            &report,
            human::Options {
                lang: ui.lang,
                color: ui.color,
                width: ui.width,
            },
        ),
    };
    ui.print(&text)?;
    Ok(report.exit_code())
}
