//! The documentation the repository carries stays true to the code.

use crate::support::root;

#[test]
fn every_diagnostic_code_is_documented_and_every_documented_code_exists() {
    let page = std::fs::read_to_string(root().join("docs/diagnostics.md")).unwrap();
    let documented: Vec<&str> = page
        .lines()
        .filter_map(|l| l.strip_prefix("| `"))
        .filter_map(|l| l.split('`').next())
        .collect();
    for code in dossier::diagnostic::CODES {
        assert!(
            documented.contains(code),
            "{code} is not in docs/diagnostics.md"
        );
    }
    for code in &documented {
        assert!(
            dossier::diagnostic::CODES.contains(code),
            "{code} is documented but not in CODES"
        );
    }
}

#[test]
fn every_code_the_sources_emit_is_listed() {
    // Codes are string literals shaped like `word.word-word`; each must be in CODES.
    for entry in walkdir::WalkDir::new(root().join("src")) {
        let entry = entry.unwrap();
        // Codes come from the library; the binary's sources name files like dossier.bash.
        let name = entry.file_name().to_string_lossy();
        if entry.path().extension().is_none_or(|e| e != "rs")
            || name == "main.rs"
            || name == "cli.rs"
        {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap();
        for (i, _) in text.match_indices("\"") {
            let rest = &text[i + 1..];
            let Some(end) = rest.find('"') else { continue };
            let lit = &rest[..end];
            let prefixes = [
                "yaml.",
                "document.",
                "fact.",
                "criterion.",
                "criteria.",
                "object.",
                "architecture.",
                "edition.",
                "kind.",
                "rules.",
                "dossier.",
                "state-body.",
                "application.",
                "ground.",
            ];
            let shaped = lit
                .chars()
                .all(|c| c.is_ascii_lowercase() || c == '.' || c == '-')
                && lit.contains('.');
            let file_name = [".yaml", ".toml", ".md", ".pdf", ".docx", ".html", ".txt"]
                .iter()
                .any(|ext| lit.ends_with(ext));
            if shaped && !file_name && prefixes.iter().any(|p| lit.starts_with(p)) {
                assert!(
                    dossier::diagnostic::CODES.contains(&lit),
                    "{lit} in {} is not in CODES",
                    entry.path().display()
                );
            }
        }
    }
}

#[test]
fn the_readme_quotes_real_output() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let out = crate::support::dossier()
        .args(["check", "--today", crate::support::TODAY, "sample-dossiers"])
        .output()
        .unwrap();
    let actual = String::from_utf8(out.stdout).unwrap();
    // The first two quoted blocks are `dossier check sample-dossiers` output.
    let blocks: Vec<&str> = readme
        .split("```text\n")
        .skip(1)
        .take(2)
        .map(|b| b.split("```").next().unwrap())
        .collect();
    assert_eq!(blocks.len(), 2);
    for line in blocks.iter().flat_map(|b| b.lines()) {
        if line.trim().is_empty() || line.trim() == "…" {
            continue;
        }
        assert!(
            actual.contains(line),
            "README line not in the output:\n{line}\n--- output ---\n{actual}"
        );
    }
}
