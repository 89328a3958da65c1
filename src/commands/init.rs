//! `dossier init`: a new dossier, explained, with placeholders.

use crate::cli::InitArgs;
use crate::ui::Ui;
use dossier::error::Error;
use dossier::t;

pub fn run(args: InitArgs, ui: &mut Ui) -> Result<u8, Error> {
    let editions = dossier::load_editions(&args.rules)?;
    let edition = match &args.edition {
        Some(id) => editions.require(id)?,
        None => editions.default_edition(),
    };
    let written = dossier::init::init(&args.path, &args.kind, edition, args.force)?;
    let lang = ui.lang;
    let mut text = String::new();
    for p in &written {
        let file = p.display();
        text.push_str(&t!(lang, "init.created", file));
        text.push('\n');
    }
    let (yaml, dir) = (
        args.path.join("dossier.yaml").display().to_string(),
        args.path.display().to_string(),
    );
    text.push_str(&t!(lang, "init.next", yaml, dir));
    text.push('\n');
    ui.print(&text)?;
    Ok(0)
}
