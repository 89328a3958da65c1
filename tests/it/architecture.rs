//! The layering ARCHITECTURE.md draws, kept by tests: the workspace's crates depend only on the
//! layers below them, the judging crates carry no drafting or terminal machinery, and files are
//! opened only through the one file layer.

use crate::support::root;
use std::collections::{BTreeMap, BTreeSet};

/// Each workspace crate and the workspace crates it may depend on (normal dependencies).
const LAYERS: &[(&str, &[&str])] = &[
    ("dossier-model", &[]),
    ("dossier-judge", &["dossier-model"]),
    ("dossier-words", &["dossier-model", "dossier-judge"]),
    (
        "dossier-render",
        &["dossier-model", "dossier-judge", "dossier-words"],
    ),
    (
        "dossier-report",
        &["dossier-model", "dossier-judge", "dossier-words"],
    ),
    (
        "dossier-archive",
        &[
            "dossier-model",
            "dossier-judge",
            "dossier-words",
            "dossier-render",
            "dossier-report",
        ],
    ),
    (
        "dossier-kz",
        &[
            "dossier-model",
            "dossier-judge",
            "dossier-words",
            "dossier-render",
            "dossier-report",
            "dossier-archive",
        ],
    ),
];

/// Crates the judging layers must never need: templating, PDF drawing, terminal tables.
const NOT_FOR_JUDGING: &[&str] = &["minijinja", "krilla", "comfy-table", "anstyle", "clap"];
const JUDGING: &[&str] = &["dossier-model", "dossier-judge", "dossier-words"];

/// `cargo metadata --format-version 1` with these flags, read.
fn cargo_metadata(flags: &[&str]) -> serde_json::Value {
    let out = std::process::Command::new(env!("CARGO"))
        .args(["metadata", "--format-version", "1"])
        .args(flags)
        .current_dir(root())
        .output()
        .expect("cargo metadata runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The workspace's packages and their normal dependencies, as `cargo metadata` reports them.
fn workspace() -> BTreeMap<String, BTreeSet<String>> {
    let v = cargo_metadata(&["--no-deps", "--offline"]);
    v["packages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let deps = p["dependencies"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|d| d["kind"].is_null())
                .map(|d| d["name"].as_str().unwrap().to_string())
                .collect();
            (p["name"].as_str().unwrap().to_string(), deps)
        })
        .collect()
}

#[test]
fn every_crate_depends_only_on_the_layers_below_it() {
    let packages = workspace();
    let names: BTreeSet<&str> = packages.keys().map(String::as_str).collect();
    let layered: BTreeSet<&str> = LAYERS.iter().map(|(n, _)| *n).collect();
    assert_eq!(
        names, layered,
        "a crate without a layer, or a layer without its crate"
    );
    let mut wrong = Vec::new();
    for (name, allowed) in LAYERS {
        for dep in &packages[*name] {
            if dep.starts_with("dossier") && !allowed.contains(&dep.as_str()) {
                wrong.push(format!("{name} → {dep}"));
            }
            if JUDGING.contains(name) && NOT_FOR_JUDGING.contains(&dep.as_str()) {
                wrong.push(format!("{name} → {dep} (a judging crate)"));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "dependencies against the layering: {wrong:?}"
    );
}

/// Every `.rs` file of the binary and the crates with its non-test code: what comes before the
/// first `#[cfg(test)]` (test modules close each file).
fn production_code() -> Vec<(String, String)> {
    ["src", "crates"]
        .into_iter()
        .flat_map(|top| walkdir::WalkDir::new(root().join(top)))
        .map(|e| e.unwrap().into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            let code = text.split("#[cfg(test)]").next().unwrap_or("").to_string();
            let name = p.strip_prefix(root()).unwrap().display().to_string();
            (name, code)
        })
        .collect()
}

#[test]
fn files_are_opened_only_through_the_file_layer() {
    const LAYER: &str = "crates/model/src/files.rs";
    let opening = [
        "std::fs::read",
        "std::fs::write",
        "std::fs::metadata",
        "std::fs::symlink_metadata",
        "std::fs::create_dir",
        "std::fs::remove",
        "std::fs::rename",
        "std::fs::copy",
        "std::fs::canonicalize",
        "std::fs::OpenOptions",
        "File::open(",
        "File::create(",
        "use std::fs;",
        "fs::read_to_string(",
    ];
    let mut found = Vec::new();
    for (name, code) in production_code() {
        // A build script reads the crate's own data files when it is built, never a user's.
        if name == LAYER || name.ends_with("/build.rs") {
            continue;
        }
        for (n, line) in code.lines().enumerate() {
            let line = line.split("//").next().unwrap_or("");
            // A whole path, not the tail of another name (`CompoundFile::open`).
            let named = |p: &&&str| {
                line.match_indices(**p).any(|(i, _)| {
                    !line[..i]
                        .chars()
                        .next_back()
                        .is_some_and(|c| c.is_alphanumeric() || c == '_')
                })
            };
            if let Some(p) = opening.iter().find(named) {
                found.push(format!("{name}:{}: {p}", n + 1));
            }
        }
    }
    assert!(found.is_empty(), "files opened outside {LAYER}: {found:#?}");
}

#[test]
fn the_judging_crates_never_write_an_archive() {
    let mut found = Vec::new();
    for (name, code) in production_code() {
        let judging = name.starts_with("crates/model/")
            || name.starts_with("crates/judge/")
            || name.starts_with("crates/words/");
        if judging && code.contains("ZipWriter") {
            found.push(name);
        }
    }
    assert!(found.is_empty(), "{found:?}");
}

/// The `rust-version` the workspace declares is one every locked dependency builds with: no
/// dependency asks for a newer Rust (issue 22 item 1).
#[test]
fn the_declared_rust_version_covers_every_locked_dependency() {
    // The packages this platform builds (the others need not be downloaded to test offline).
    let rustc = std::process::Command::new("rustc")
        .arg("-vV")
        .output()
        .unwrap();
    let host = String::from_utf8_lossy(&rustc.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("host: ").map(str::to_string))
        .expect("rustc names its host");
    let out = std::process::Command::new(env!("CARGO"))
        .args(["metadata", "--format-version", "1", "--locked", "--offline"])
        .args(["--filter-platform", &host])
        .current_dir(root())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let version = |s: &str| -> Vec<u32> { s.split('.').map(|p| p.parse().unwrap_or(0)).collect() };
    let packages = v["packages"].as_array().unwrap();
    let declared = packages
        .iter()
        .find(|p| p["name"] == "dossier-kz")
        .and_then(|p| p["rust_version"].as_str())
        .expect("the package declares rust-version");
    for p in packages {
        if let Some(needed) = p["rust_version"].as_str() {
            assert!(
                version(needed) <= version(declared),
                "{} {} needs Rust {needed}, the workspace declares {declared}",
                p["name"],
                p["version"]
            );
        }
    }
}

/// Whether an SPDX expression (`MIT OR Apache-2.0`, `(MIT OR Apache-2.0) AND Unicode-3.0`,
/// `Apache-2.0 WITH LLVM-exception`, the old `MIT/Apache-2.0`) is satisfied by the licences
/// allowed: OR needs one side, AND both, a `WITH` exception belongs to its licence.
fn licence_allowed(expression: &str, allowed: &[String]) -> bool {
    let spaced = expression
        .replace('/', " OR ")
        .replace('(', " ( ")
        .replace(')', " ) ");
    let mut tokens: Vec<String> = Vec::new();
    let mut words = spaced.split_whitespace().peekable();
    while let Some(w) = words.next() {
        if words.peek() == Some(&"WITH") {
            words.next();
            let exception = words.next().unwrap_or_default();
            tokens.push(format!("{w} WITH {exception}"));
        } else {
            tokens.push(w.to_string());
        }
    }
    fn or(t: &[String], i: &mut usize, allowed: &[String]) -> bool {
        let mut value = and(t, i, allowed);
        while t.get(*i).is_some_and(|w| w == "OR") {
            *i += 1;
            value |= and(t, i, allowed);
        }
        value
    }
    fn and(t: &[String], i: &mut usize, allowed: &[String]) -> bool {
        let mut value = one(t, i, allowed);
        while t.get(*i).is_some_and(|w| w == "AND") {
            *i += 1;
            value &= one(t, i, allowed);
        }
        value
    }
    fn one(t: &[String], i: &mut usize, allowed: &[String]) -> bool {
        let Some(w) = t.get(*i) else { return false };
        *i += 1;
        if w == "(" {
            let value = or(t, i, allowed);
            *i += 1; // ")"
            value
        } else {
            allowed.contains(w)
        }
    }
    let mut i = 0;
    or(&tokens, &mut i, allowed) && i == tokens.len()
}

#[test]
fn spdx_expressions_are_read_as_cargo_deny_reads_them() {
    let allowed: Vec<String> = [
        "MIT",
        "Apache-2.0",
        "Unicode-3.0",
        "Apache-2.0 WITH LLVM-exception",
    ]
    .map(String::from)
    .to_vec();
    for yes in [
        "MIT",
        "MIT OR Apache-2.0",
        "MIT/Apache-2.0",
        "(MIT OR Apache-2.0) AND Unicode-3.0",
        "MIT OR Apache-2.0 OR LGPL-2.1-or-later",
        "Apache-2.0 WITH LLVM-exception OR GPL-3.0",
    ] {
        assert!(licence_allowed(yes, &allowed), "{yes}");
    }
    for no in [
        "GPL-3.0",
        "MIT AND GPL-3.0",
        "(MIT OR Apache-2.0) AND BSD-3-Clause",
        "GPL-2.0 WITH Classpath-exception-2.0",
        "",
    ] {
        assert!(!licence_allowed(no, &allowed), "{no}");
    }
}

/// Issue 22 item 15: the licences and sources `deny.toml` allows hold for every crate the
/// binary links on the platforms it names, checked here from `cargo metadata` so CI keeps the
/// policy without building cargo-deny (which would cost a quarter of its time budget).
#[test]
fn every_dependency_is_under_an_allowed_licence_from_crates_io() {
    let deny: toml::Table =
        toml::from_str(&std::fs::read_to_string(root().join("deny.toml")).unwrap()).unwrap();
    let strings = |v: &toml::Value| -> Vec<String> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap().to_string())
            .collect()
    };
    let allowed = strings(&deny["licenses"]["allow"]);
    let registries = strings(&deny["sources"]["allow-registry"]);
    let targets = strings(&deny["graph"]["targets"]);
    assert!(allowed.len() >= 5 && !registries.is_empty() && !targets.is_empty());
    let mut refused = Vec::new();
    let mut checked = 0;
    for target in &targets {
        let meta = cargo_metadata(&["--locked", "--filter-platform", target]);
        let members: BTreeSet<&str> = meta["workspace_members"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|m| m.as_str())
            .collect();
        let linked: BTreeSet<&str> = meta["resolve"]["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|n| n["id"].as_str())
            .collect();
        for p in meta["packages"].as_array().unwrap() {
            let id = p["id"].as_str().unwrap();
            if members.contains(id) || !linked.contains(id) {
                continue;
            }
            checked += 1;
            let name = format!("{} {}", p["name"], p["version"]);
            let licence = p["license"].as_str().unwrap_or_default();
            if !licence_allowed(licence, &allowed) {
                refused.push(format!("{name}: licence `{licence}`"));
            }
            let source = p["source"].as_str().unwrap_or_default();
            let registry = source.strip_prefix("registry+").unwrap_or_default();
            if !registries.iter().any(|r| r == registry) {
                refused.push(format!("{name}: source `{source}`"));
            }
        }
    }
    assert!(checked > 200, "only {checked} crates checked");
    assert!(refused.is_empty(), "{refused:#?}");
}
