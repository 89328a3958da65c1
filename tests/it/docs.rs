//! The documentation the repository carries stays true to the code.

use crate::support::root;

/// The catalogue docs/diagnostics.md lists exactly the codes of `finding::Code`, the one enum
/// every finding is made from.
#[test]
fn every_diagnostic_code_is_documented_and_every_documented_code_exists() {
    let page = std::fs::read_to_string(root().join("docs/diagnostics.md")).unwrap();
    let documented: Vec<&str> = page
        .lines()
        .filter_map(|l| l.strip_prefix("| `"))
        .filter_map(|l| l.split('`').next())
        .collect();
    let codes: Vec<&str> = dossier::finding::Code::ALL
        .iter()
        .map(|c| c.as_str())
        .collect();
    for code in &codes {
        assert!(
            documented.contains(code),
            "{code} is not in docs/diagnostics.md"
        );
    }
    for code in &documented {
        assert!(codes.contains(code), "{code} is documented but not a Code");
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
