//! `dossier config`: the settings in effect for a dossier, and where each came from.

use crate::Config;
use crate::cli::{ConfigArgs, Format};
use crate::ui::Ui;
use dossier_model::error::Error;

pub fn run(args: ConfigArgs, config: &Config, ui: &mut Ui) -> Result<u8, Error> {
    let settings =
        dossier_model::settings::Settings::for_dossier(&args.path, args.config.as_deref())?;
    ui.lang = config.lang(settings.lang.as_ref().map(|l| l.value));
    let entries = dossier_model::settings::effective(&args.path, args.config.as_deref())?;
    let text = match args.format {
        Format::Human => dossier_report::human::settings(&entries, ui.lang, ui.color, ui.width),
        Format::Json => {
            let mut s = serde_json::to_string_pretty(&serde_json::json!({
                "schema": 1,
                "settings": entries,
            }))
            .expect("serializes");
            s.push('\n');
            s
        }
    };
    ui.print(&text)?;
    Ok(0)
}
