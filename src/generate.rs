//! `dossier --generate WHAT`: the man pages and shell completions, from the clap definition
//! itself (as ripgrep does), so what is installed is what the binary accepts. `man/` and
//! `completions/` hold the same files, committed, and a test fails when they are stale.

use crate::cli::Cli;
use clap::CommandFactory;
use std::io::Write;

/// What `--generate` can write.
pub const WHAT: &[&str] = &[
    "man",
    "complete-bash",
    "complete-zsh",
    "complete-fish",
    "complete-powershell",
    "complete-elvish",
];

/// Every generated file: its path under the repository and its bytes (the committed copies).
#[cfg(test)]
pub fn all() -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for what in WHAT.iter().filter(|w| w.starts_with("complete-")) {
        let (file, bytes) = completion(what).expect("a known shell");
        out.push((format!("completions/{file}"), bytes));
    }
    for (name, page) in man_pages() {
        out.push((format!("man/{name}"), page));
    }
    out
}

/// `complete-bash` → the file name and the script.
pub fn completion(what: &str) -> Option<(&'static str, Vec<u8>)> {
    use clap_complete::Shell;
    let (shell, file) = match what {
        "complete-bash" => (Shell::Bash, "dossier.bash"),
        "complete-zsh" => (Shell::Zsh, "_dossier"),
        "complete-fish" => (Shell::Fish, "dossier.fish"),
        "complete-powershell" => (Shell::PowerShell, "_dossier.ps1"),
        "complete-elvish" => (Shell::Elvish, "dossier.elv"),
        _ => return None,
    };
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "dossier", &mut buf);
    Some((file, buf))
}

/// `dossier.1` and a page per command (`dossier-check.1`), each with the sections a person
/// would write: NAME, SYNOPSIS (`dossier check …`), DESCRIPTION, OPTIONS, EXIT STATUS,
/// ENVIRONMENT, FILES, EXAMPLES.
pub fn man_pages() -> Vec<(String, Vec<u8>)> {
    let top = Cli::command();
    let mut pages = vec![("dossier.1".to_string(), page(top.clone(), None))];
    for sub in top.get_subcommands() {
        let name = format!("dossier-{}", sub.get_name());
        // clap names are &'static without its `string` feature; generation runs once.
        let title: &'static str = Box::leak(name.clone().into_boxed_str());
        let bin: &'static str = Box::leak(format!("dossier {}", sub.get_name()).into_boxed_str());
        let cmd = sub
            .clone()
            .name(title)
            .bin_name(bin)
            .version(env!("CARGO_PKG_VERSION"));
        pages.push((format!("{name}.1"), page(cmd, Some(sub.get_name()))));
    }
    pages
}

fn page(cmd: clap::Command, sub: Option<&str>) -> Vec<u8> {
    let man = clap_mangen::Man::new(cmd.clone());
    let mut w = Vec::new();
    let sections = [
        clap_mangen::Man::render_title,
        clap_mangen::Man::render_name_section,
        clap_mangen::Man::render_synopsis_section,
        clap_mangen::Man::render_description_section,
        clap_mangen::Man::render_options_section,
    ];
    for render in sections {
        render(&man, &mut w).expect("a man page renders into memory");
    }
    if cmd.has_subcommands() {
        man.render_subcommands_section(&mut w)
            .expect("a man page renders into memory");
    }
    for (title, text) in extra(sub) {
        let _ = writeln!(w, ".SH \"{title}\"");
        for paragraph in text {
            let _ = writeln!(w, ".PP\n{}", roff_escape(&paragraph));
        }
    }
    man.render_version_section(&mut w)
        .expect("a man page renders into memory");
    w
}

/// Text as roff reads it: a backslash and a hyphen escaped, a line never starting with a dot.
fn roff_escape(text: &str) -> String {
    text.lines()
        .map(|l| {
            let l = l.replace('\\', "\\e").replace('-', "\\-");
            if l.starts_with(['.', '\'']) {
                format!("\\&{l}")
            } else {
                l
            }
        })
        .collect::<Vec<_>>()
        .join("\n.br\n")
}

/// EXIT STATUS, ENVIRONMENT, FILES and EXAMPLES of a page (`sub` is the command, none for the
/// top page).
fn extra(sub: Option<&str>) -> Vec<(&'static str, Vec<String>)> {
    let exit = match sub {
        Some("check") | None => {
            "0 when every dossier is include or pending (with --stage filing: ready to file); 1 when one is incomplete or refused (not ready); 2 on a usage error, an unreadable path or an invalid dossier."
        }
        Some("score") => {
            "0 when every scored dossier passes the criteria, 1 when one does not, 2 on errors."
        }
        Some("render") => {
            "0 when every draft was written and every dossier is include or pending; 1 when a dossier is incomplete or refused (render all); 2 on a usage error, a document that does not fit, or an invalid dossier."
        }
        Some("pack") => {
            "0 when every archive was written from a dossier ready to file; 1 when --force-incomplete packed one that is not; 2 on errors (nothing is written for a dossier not ready without --force-incomplete)."
        }
        Some("verify") => {
            "0 when the archive is what was packed and a fresh check reaches the same outcome; 1 when something differs (each difference named); 2 when the archive cannot be used (unsafe names, links, bombs, an unreadable manifest)."
        }
        Some("timeline") => "0 when no statutory step is overdue, 1 when one is, 2 on errors.",
        Some(_) => "0 on success, 2 on a usage error or a file that cannot be read or written.",
    };
    let environment = vec![
        "DOSSIER_TODAY: the date expiry and deadlines are judged against (YYYY-MM-DD), when --today is not given.".to_string(),
        "LC_ALL, LC_MESSAGES, LANG: the language of reports and messages (en, ru, kk), when --lang and dossier.toml do not say.".to_string(),
        "NO_COLOR, CLICOLOR=0, TERM=dumb: no colour; CLICOLOR_FORCE: colour even when stdout is not a terminal.".to_string(),
        "COLUMNS: the width of tables and wrapped text.".to_string(),
    ];
    let files = vec![
        "dossier.yaml: the dossier, in the folder with its documents.".to_string(),
        "dossier.toml: settings in a dossier's folder or any folder above it; the nearest wins, key by key; root = true stops the lookup.".to_string(),
        "dossier.lock: the digests `dossier seal` recorded.".to_string(),
    ];
    let examples: Vec<&str> = match sub {
        None | Some("check") => vec![
            "dossier check sample-dossiers",
            "dossier check --format json tree/ > report.json",
            "dossier check --format sarif -o dossiers.sarif tree/",
            "dossier check --fact active_registered_users=1200 sample-dossiers/e-archive",
        ],
        Some("render") => vec![
            "dossier render application --lang kk --format pdf -o application.pdf sample-dossiers/esedo",
            "dossier render all --format docx --out-dir drafts sample-dossiers",
            "dossier render decision --final --lang ru -o decision.pdf sample-dossiers/esedo",
        ],
        Some("pack") => vec!["dossier pack sample-dossiers/esedo -o esedo.zip"],
        Some("verify") => vec!["dossier verify esedo.zip"],
        Some("score") => vec!["dossier score sample-dossiers/e-archive --set 3.1=yes"],
        Some("timeline") => vec!["dossier timeline --today 2026-03-20 sample-dossiers/esedo"],
        Some("init") => vec!["dossier init --kind information-system new-dossier"],
        Some("config") => vec!["dossier config sample-dossiers/esedo"],
        Some("rules") => vec![
            "dossier rules show order-29-2024",
            "dossier rules export order-29-2024 > amended.toml",
        ],
        Some("seal") => vec!["dossier seal sample-dossiers/esedo"],
        Some(_) => vec![],
    };
    let mut out = vec![
        ("EXIT STATUS", vec![exit.to_string()]),
        ("ENVIRONMENT", environment),
        ("FILES", files),
    ];
    if !examples.is_empty() {
        out.push(("EXAMPLES", vec![examples.join("\n")]));
    }
    out
}
