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
        match std::fs::metadata(p) {
            Err(e) => problems.push(at("path.unreadable").arg("why", e.to_string())),
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

fn walk(root: &Path, found: &mut Vec<Found>, problems: &mut Vec<Message>) {
    let mut it = walkdir::WalkDir::new(root)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter();
    while let Some(entry) = it.next() {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e
                    .path()
                    .map_or_else(String::new, |p| p.display().to_string());
                problems.push(
                    Message::new("path.unreadable")
                        .arg("path", path)
                        .arg("why", e.to_string()),
                );
                continue;
            }
        };
        // A link inside the tree is not walked into (it could loop or lead anywhere), but a
        // link to a dossier is that dossier: judged like any other, under its own folder.
        if entry.file_type().is_symlink() {
            if entry.path().is_dir() && is_dossier(entry.path()) {
                found.push(found_at(entry.path()));
            }
            continue;
        }
        if !entry.file_type().is_dir() {
            continue;
        }
        let hidden = entry.depth() > 0 && entry.file_name().to_string_lossy().starts_with('.');
        if hidden {
            it.skip_current_dir();
        } else if entry.path().join(DOSSIER_FILE).is_file() {
            found.push(found_at(entry.path()));
            it.skip_current_dir();
        }
    }
}

fn found_at(dir: &Path) -> Found {
    let shown = dir.to_string_lossy().replace('\\', "/");
    let shown = shown.trim_end_matches('/').to_string();
    Found {
        shown: if shown.is_empty() { ".".into() } else { shown },
        dir: dir.to_path_buf(),
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
