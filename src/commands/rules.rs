//! `dossier rules list | show | export`.

use crate::cli::{Format, RulesAction, RulesArgs};
use crate::ui::Ui;
use dossier_model::error::Error;
use dossier_report::rules;

pub fn run(args: RulesArgs, ui: &mut Ui) -> Result<u8, Error> {
    // The editions the dossier.toml of the working folder loads are known too: what `check`
    // run here would use.
    let here = std::path::Path::new(".");
    let editions = dossier_judge::editions_in_effect(here, args.config.as_deref(), &args.rules)?;
    let json = args.format == Format::Json;
    let text = match args.action {
        RulesAction::List if json => rules::list_json(&editions),
        RulesAction::List => rules::list(&editions, ui.lang, ui.color, ui.width),
        RulesAction::Show { id } if json => rules::show_json(editions.require(&id)?),
        RulesAction::Show { id } => {
            rules::show(editions.require(&id)?, ui.lang, ui.color, ui.width)
        }
        RulesAction::Export { id } => editions.text(&id)?,
    };
    ui.print(&text)?;
    Ok(0)
}
