//! `pack`, `verify`, `seal` (issue 14): what leaves the department is what was checked.

use crate::support::*;
use std::path::Path;

fn pack(dossier: &Path, out: &Path, extra: &[&str]) -> std::process::Output {
    crate::support::dossier()
        .args(["pack", "--today", TODAY, "-o"])
        .arg(out)
        .args(extra)
        .arg(dossier)
        .output()
        .unwrap()
}

fn verify(path: &Path) -> (i32, String, String) {
    let out = crate::support::dossier()
        .args(["verify", "--lang", "en"])
        .arg(path)
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn unzip(archive: &Path, into: &Path) {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(archive).unwrap()).unwrap();
    zip.extract(into).unwrap();
}

#[test]
fn every_ready_sample_packs_reproducibly_and_verifies() {
    let dir = tempfile::tempdir().unwrap();
    for sample in ["esedo", "gbd-fl", "internet-gateway"] {
        let a = dir.path().join(format!("{sample}.zip"));
        let b = dir.path().join(format!("{sample}-again.zip"));
        let out = pack(&root().join("sample-dossiers").join(sample), &a, &[]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        pack(&root().join("sample-dossiers").join(sample), &b, &[]);
        assert_eq!(
            std::fs::read(&a).unwrap(),
            std::fs::read(&b).unwrap(),
            "{sample}: not reproducible"
        );
        let (code, out, err) = verify(&a);
        assert_eq!(code, 0, "{sample}: {out}{err}");
        assert!(out.contains("verified"), "{out}");
    }
}

#[test]
fn the_archive_holds_the_application_the_documents_in_order_and_a_checkable_sums_file() {
    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("esedo.zip");
    pack(&root().join("sample-dossiers/esedo"), &archive, &[]);
    unzip(&archive, dir.path());
    let packed = dir.path().join("esedo");
    for name in [
        "application.kk.pdf",
        "application.ru.pdf",
        "application.kk.docx",
        "application.ru.docx",
        "manifest.json",
        "SHA256SUMS",
        "review-notes.md",
        "dossier.yaml",
        "documents/01_03-1_services-functions_01.docx",
        "documents/08_05-1_security-test-protocol_01.pdf",
    ] {
        assert!(packed.join(name).is_file(), "{name}");
    }
    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(packed.join("manifest.json")).unwrap())
            .unwrap();
    assert_eq!(manifest["edition"]["id"], "order-29-2024");
    assert_eq!(manifest["outcome"], "include");
    assert_eq!(manifest["checked"], TODAY);
    let protocol = manifest["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["requirement"] == "security-test-protocol")
        .unwrap();
    assert_eq!(protocol["clause"], "5(1)");
    assert_eq!(protocol["source"], "docs/security-test-protocol.pdf");
    assert_eq!(protocol["sha256"].as_str().unwrap().len(), 64);
    // `sha256sum -c` reads SHA256SUMS as it is.
    let check = std::process::Command::new("sha256sum")
        .args(["-c", "SHA256SUMS"])
        .current_dir(&packed)
        .output();
    if let Ok(check) = check {
        assert!(
            check.status.success(),
            "{}",
            String::from_utf8_lossy(&check.stdout)
        );
    }
}

#[test]
fn one_changed_byte_or_one_added_file_is_named_by_verify() {
    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("esedo.zip");
    pack(&root().join("sample-dossiers/esedo"), &archive, &[]);
    unzip(&archive, dir.path());
    let packed = dir.path().join("esedo");
    let doc = packed.join("documents/06_05-1_registered-users_01.pdf");
    let mut bytes = std::fs::read(&doc).unwrap();
    let last = bytes.len() - 2;
    bytes[last] ^= 1;
    std::fs::write(&doc, bytes).unwrap();
    let (code, out, _) = verify(&packed);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("documents/06_05-1_registered-users_01.pdf: its bytes are not those packed"),
        "{out}"
    );
    // Restored, and a file slipped in.
    unzip_one(
        &archive,
        dir.path(),
        "esedo/documents/06_05-1_registered-users_01.pdf",
    );
    std::fs::write(packed.join("documents/extra.pdf"), pdf("extra", 1)).unwrap();
    let (code, out, _) = verify(&packed);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("documents/extra.pdf: in the archive, not in the manifest"),
        "{out}"
    );
    assert!(!out.contains("registered-users"), "{out}");
}

fn unzip_one(archive: &Path, into: &Path, name: &str) {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(archive).unwrap()).unwrap();
    let mut entry = zip.by_name(name).unwrap();
    let mut out = std::fs::File::create(into.join(name)).unwrap();
    std::io::copy(&mut entry, &mut out).unwrap();
}

#[test]
fn an_unsafe_archive_is_refused_with_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("dotdot", zip_of(&[("x/../../evil.txt", "boom".into())])),
        ("absolute", zip_of(&[("/tmp/evil.txt", "boom".into())])),
        (
            "two tops",
            zip_of(&[("a/manifest.json", "{}".into()), ("b/x", "y".into())]),
        ),
        (
            "duplicate",
            zip_of(&[("a/x.pdf", "1".into()), ("a/X.pdf", "2".into())]),
        ),
        ("bomb", {
            let mut buf = std::io::Cursor::new(Vec::new());
            let mut z = zip::ZipWriter::new(&mut buf);
            let o = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated);
            z.start_file("a/zeros.pdf", o).unwrap();
            std::io::Write::write_all(&mut z, &vec![0u8; 8 << 20]).unwrap();
            z.finish().unwrap();
            buf.into_inner()
        }),
        ("not a zip", b"PK\x03\x04 broken".to_vec()),
    ];
    for (name, bytes) in cases {
        let path = dir.path().join(format!("{}.zip", name.replace(' ', "-")));
        std::fs::write(&path, bytes).unwrap();
        let (code, out, err) = verify(&path);
        assert_eq!(code, 2, "{name}: {out}{err}");
        assert!(
            err.contains("cannot be verified") || err.contains("error"),
            "{name}: {err}"
        );
    }
    assert!(!dir.path().join("evil.txt").exists() && !Path::new("/tmp/evil.txt").exists());
}

#[test]
fn a_dossier_not_ready_is_not_packed_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("e-licensing.zip");
    let out = pack(&root().join("sample-dossiers/e-licensing"), &out_path, &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(!out_path.exists());
    assert!(String::from_utf8_lossy(&out.stderr).contains("not ready for filing"));
    let out = pack(
        &root().join("sample-dossiers/e-licensing"),
        &out_path,
        &["--force-incomplete"],
    );
    assert_eq!(out.status.code(), Some(1));
    unzip(&out_path, dir.path());
    let manifest = std::fs::read_to_string(dir.path().join("e-licensing/manifest.json")).unwrap();
    assert!(
        manifest.contains("\"forced\": true") && manifest.contains("\"ready\": false"),
        "{manifest}"
    );
    let notes = std::fs::read_to_string(dir.path().join("e-licensing/review-notes.md")).unwrap();
    assert!(notes.contains("document.expired"), "{notes}");
    // What was packed verifies: the same outcome is reached again.
    assert_eq!(verify(&out_path).0, 0);
}

#[test]
fn a_sealed_dossier_reports_exactly_the_document_swapped() {
    let mut f = Fixture::information_system();
    succeeded(
        crate::support::dossier()
            .args(["seal", "--today", TODAY])
            .arg(f.path())
            .output(),
    );
    assert!(f.path().join("dossier.lock").is_file());
    let (code, d) = f.check_json();
    assert_eq!(code, 0);
    assert!(
        diagnostics(&d, "document.changed-since-seal").is_empty(),
        "{d}"
    );
    // One document swapped for another file of the same name.
    f.file("docs/description.pdf", &pdf("another description", 2));
    let (_, d) = f.check_json();
    let changed = diagnostics(&d, "document.changed-since-seal");
    assert_eq!(changed.len(), 1, "{d}");
    assert_eq!(changed[0]["args"]["file"], "docs/description.pdf");
    assert_eq!(changed[0]["args"]["change"], "changed");
    // A document added to the dossier after sealing.
    f.file("docs/description2.pdf", &pdf("more", 1));
    f.edit(
        "description: docs/description.pdf",
        "description: [docs/description.pdf, docs/description2.pdf]",
    );
    let (_, d) = f.check_json();
    let changes: Vec<String> = diagnostics(&d, "document.changed-since-seal")
        .iter()
        .map(|x| {
            format!(
                "{} {}",
                x["args"]["file"].as_str().unwrap(),
                x["args"]["change"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(
        changes,
        [
            "docs/description.pdf changed",
            "docs/description2.pdf added"
        ]
    );
}

#[test]
fn many_dossiers_pack_into_a_folder_under_names_that_never_collide() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("archives");
    let run = crate::support::dossier()
        .args(["pack", "--today", TODAY, "--out-dir"])
        .arg(&out)
        .arg("sample-dossiers")
        .output()
        .unwrap();
    // Two samples are not ready: packed are the three that are, and the run says so with 1.
    assert_eq!(
        run.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert_eq!(
        file_names(&out),
        ["esedo.zip", "gbd-fl.zip", "internet-gateway.zip"]
    );
    // -o with several dossiers is refused: one file cannot hold them.
    let run = crate::support::dossier()
        .args(["pack", "--today", TODAY, "-o"])
        .arg(dir.path().join("all.zip"))
        .arg("sample-dossiers")
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(2));
}

#[test]
fn an_edition_whose_clause_would_climb_out_of_the_archive_is_refused_at_its_line() {
    let rules = amended_edition("clause = \"3(1)\"", "clause = \"3(1)/../../../../tmp/x\"");
    let dir = tempfile::tempdir().unwrap();
    let out = dossier()
        .args(["pack", "--today", TODAY, "--lang", "en", "--rules"])
        .arg(rules.path())
        .arg("-o")
        .arg(dir.path().join("x.zip"))
        .arg(root().join("sample-dossiers/esedo"))
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("is not a clause"), "{err}");
    let text = std::fs::read_to_string(rules.path()).unwrap();
    let line = text.lines().position(|l| l.contains("/../")).unwrap() + 1;
    assert!(err.contains(&format!(":{line}:")), "{err}");
    assert!(!dir.path().join("x.zip").exists());
    assert!(!Path::new("/tmp/x").exists());
}
