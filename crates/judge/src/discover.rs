//! Finding dossiers: a path is a dossier (a folder with `dossier.yaml`) or a folder searched
//! recursively for them; a dossier's own subfolders are not searched (contract §1).

use crate::dossier::DOSSIER_FILE;
use crate::finding::Message;
use std::path::{Path, PathBuf};

/// A dossier folder, and how to show it to the user.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Found {
    pub shown: String,
    pub dir: PathBuf,
    /// The folder is, or may be, reached through a link (a path given on the command line).
    pub linked: bool,
}

/// Dossiers under `paths`, sorted by how they are shown, and the paths that held none.
pub fn discover(paths: &[PathBuf]) -> (Vec<Found>, Vec<Message>) {
    let mut found = Vec::new();
    let mut problems = Vec::new();
    for p in paths {
        let before = found.len();
        let problems_before = problems.len();
        let shown = p.display().to_string();
        let at = |key| Message::new(key).arg("path", shown.as_str());
        match crate::files::metadata(p) {
            Err(e) => problems.push(at("path.unreadable").arg("why", crate::files::io_reason(&e))),
            Ok(m) if m.is_file() && p.file_name().is_some_and(|n| n == DOSSIER_FILE) => {
                let dir = p
                    .parent()
                    .filter(|d| !d.as_os_str().is_empty())
                    .unwrap_or(Path::new("."));
                found.push(found_at(dir));
            }
            Ok(m) if !m.is_dir() => problems.push(at("path.not-a-folder")),
            // A dossier given by a link to it is the dossier.
            Ok(_) if is_dossier(p) => found.push(found_at(p)),
            Ok(_) => walk(p, &mut found, &mut problems),
        }
        if found.len() == before && problems.len() == problems_before {
            problems.push(at("path.no-dossier"));
        }
    }
    found.sort();
    found.dedup_by(|a, b| a.dir == b.dir);
    (found, problems)
}

use crate::limits::MAX_FOLDER_DEPTH as MAX_DEPTH;

/// Searches `dir` for dossiers: a sub-folder holding `dossier.yaml` is one and is not searched
/// further (contract §1); hidden folders are skipped. One `readdir` per searched folder and one
/// `stat` per sub-folder: a dossier folder itself is never listed.
fn walk(dir: &Path, found: &mut Vec<Found>, problems: &mut Vec<Message>) {
    walk_at(dir, 0, found, problems);
}

fn walk_at(dir: &Path, depth: usize, found: &mut Vec<Found>, problems: &mut Vec<Message>) {
    let unreadable = |e: std::io::Error| {
        Message::new("path.unreadable")
            .arg("path", dir.display().to_string())
            .arg("why", crate::files::io_reason(&e))
    };
    if depth > MAX_DEPTH {
        problems.push(unreadable(std::io::Error::other("too deep")));
        return;
    }
    let entries = match crate::files::read_dir(dir) {
        Ok(e) => e,
        Err(e) => return problems.push(unreadable(e)),
    };
    let mut children: Vec<(std::ffi::OsString, std::fs::FileType)> = entries
        .filter_map(|e| e.ok())
        .filter_map(|e| Some((e.file_name(), e.file_type().ok()?)))
        .filter(|(name, _)| !name.to_string_lossy().starts_with('.'))
        .collect();
    children.sort_by(|a, b| a.0.cmp(&b.0));
    for (name, kind) in children {
        let path = dir.join(&name);
        // A link inside the tree is not walked into (it could loop or lead anywhere), but a
        // link to a dossier is that dossier: judged like any other, under its own folder.
        if kind.is_symlink() {
            if path.is_dir() && is_dossier(&path) {
                found.push(found_at(&path));
            }
        } else if kind.is_dir() {
            if is_dossier(&path) {
                found.push(Found {
                    linked: false,
                    ..found_at(&path)
                });
            } else {
                walk_at(&path, depth + 1, found, problems);
            }
        }
    }
}

fn found_at(dir: &Path) -> Found {
    let shown = dir.to_string_lossy().replace('\\', "/");
    let shown = shown.trim_end_matches('/').to_string();
    Found {
        shown: if shown.is_empty() { ".".into() } else { shown },
        dir: dir.to_path_buf(),
        linked: true,
    }
}

/// Whether `path` is itself a dossier folder.
pub fn is_dossier(path: &Path) -> bool {
    path.join(DOSSIER_FILE).is_file()
}

/// Whether the path, as given, names one dossier: its folder or its `dossier.yaml`.
pub fn is_dossier_path(path: &Path) -> bool {
    is_dossier(path) || (path.is_file() && path.file_name().is_some_and(|n| n == DOSSIER_FILE))
}
