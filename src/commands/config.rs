//! `dossier config`: the settings in effect for a dossier, and where each came from.

use crate::Config;
use crate::cli::ConfigArgs;
use crate::ui::Ui;
use dossier::error::Error;

pub fn run(args: ConfigArgs, config: &Config, ui: &mut Ui) -> Result<u8, Error> {
    let settings = dossier::settings::Settings::for_dossier(&args.path, args.config.as_deref())?;
    ui.lang = config.lang(settings.lang.as_ref().map(|l| l.value));
    let text = dossier::report::human::settings(&settings, ui.lang, ui.color, ui.width);
    ui.print(&text)?;
    Ok(0)
}
