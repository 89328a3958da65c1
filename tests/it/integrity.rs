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
        "cover-letter.kk.pdf",
        "cover-letter.ru.docx",
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

#[test]
fn a_file_listed_two_hundred_times_is_archived_once() {
    let mut f = Fixture::information_system();
    let many = vec!["docs/description.pdf"; 200].join(", ");
    f.edit(
        "description: docs/description.pdf",
        &format!("description: [{many}]"),
    );
    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("x.zip");
    let out = pack(f.path(), &archive, &["--force-incomplete"]);
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let zip = zip::ZipArchive::new(std::fs::File::open(&archive).unwrap()).unwrap();
    let copies = zip
        .file_names()
        .filter(|n| n.contains("_description_"))
        .count();
    assert_eq!(copies, 1);
    let (code, out, err) = verify(&archive);
    assert_eq!(code, 0, "{out}{err}");
}

#[test]
fn pack_never_writes_into_the_dossier_it_packs() {
    let f = Fixture::information_system();
    let target = f.path().join("docs/description.pdf");
    let before = std::fs::read(&target).unwrap();
    let out = pack(f.path(), &target, &["--force", "--lang", "en"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("inside the dossier being packed"), "{err}");
    assert_eq!(std::fs::read(&target).unwrap(), before);
    let leftovers: Vec<String> = file_names(&f.path().join("docs"))
        .into_iter()
        .filter(|n| n.starts_with(".dossier-tmp-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn an_interrupted_pack_leaves_no_temporary_file() {
    // A large document, so the pack is still writing when it is interrupted.
    let f = Fixture::information_system();
    let mut big = pdf("big", 1);
    big.extend(std::iter::repeat_n(b' ', 300 << 20));
    f.file("docs/description.pdf", &big);
    let out_dir = tempfile::tempdir().unwrap();
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("dossier"))
        .args(["pack", "--force-incomplete", "--today", TODAY, "-o"])
        .arg(out_dir.path().join("x.zip"))
        .arg(f.path())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let temporary = || {
        file_names(out_dir.path())
            .into_iter()
            .any(|n| n.starts_with(".dossier-tmp-"))
    };
    let started = std::time::Instant::now();
    while !temporary() && started.elapsed() < std::time::Duration::from_secs(30) {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    assert!(temporary(), "the pack never started writing");
    let pid = rustix::process::Pid::from_child(&child);
    let _ = rustix::process::kill_process(pid, rustix::process::Signal::INT);
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(130), "{status}");
    assert!(!temporary(), "a temporary file was left");
    assert!(!out_dir.path().join("x.zip").exists());
}

#[test]
fn a_broken_seal_blocks_pack_unless_forced_and_an_odd_lock_is_a_finding() {
    let f = Fixture::information_system();
    succeeded(
        crate::support::dossier()
            .args(["seal", "--today", TODAY])
            .arg(f.path())
            .output(),
    );
    f.file("docs/description.pdf", &pdf("another description", 2));
    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("x.zip");
    let out = pack(f.path(), &archive, &["--lang", "en"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(!archive.exists());
    let out = pack(f.path(), &archive, &["--force-incomplete"]);
    assert_eq!(out.status.code(), Some(1));
    let manifest: serde_json::Value = {
        let mut zip = zip::ZipArchive::new(std::fs::File::open(&archive).unwrap()).unwrap();
        let name = zip
            .file_names()
            .find(|n| n.ends_with("manifest.json"))
            .unwrap()
            .to_string();
        serde_json::from_reader(zip.by_name(&name).unwrap()).unwrap()
    };
    assert_eq!(manifest["forced"], true);
    assert_eq!(manifest["ready"], false);
    // A lock that is a folder, a FIFO or a link out is a finding, not silence.
    for odd in ["folder", "fifo", "link"] {
        let g = Fixture::information_system();
        let lock = g.path().join("dossier.lock");
        match odd {
            "folder" => std::fs::create_dir(&lock).unwrap(),
            "fifo" => make_fifo(&lock),
            _ => std::os::unix::fs::symlink("/etc/passwd", &lock).unwrap(),
        }
        let (_, d) = g.check_json();
        assert_eq!(diagnostics(&d, "seal.unreadable").len(), 1, "{odd}: {d}");
    }
}

/// An uncompressed greyscale TIFF of a blank A4 page at 300 dpi: 8.7 MB that deflate shrinks
/// to almost nothing.
fn blank_scan() -> Vec<u8> {
    let (w, h) = (2480u32, 3508u32);
    let data = (w * h) as usize;
    let entries: [(u16, u16, u32); 8] = [
        (256, 4, w),
        (257, 4, h),
        (258, 3, 8),
        (259, 3, 1),
        (262, 3, 1),
        (273, 4, 8 + 2 + 8 * 12 + 4),
        (278, 4, h),
        (279, 4, data as u32),
    ];
    let mut b = b"II*\0".to_vec();
    b.extend_from_slice(&8u32.to_le_bytes());
    b.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    for (tag, kind, value) in entries {
        b.extend_from_slice(&tag.to_le_bytes());
        b.extend_from_slice(&kind.to_le_bytes());
        b.extend_from_slice(&1u32.to_le_bytes());
        if kind == 3 {
            b.extend_from_slice(&(value as u16).to_le_bytes());
            b.extend_from_slice(&[0, 0]);
        } else {
            b.extend_from_slice(&value.to_le_bytes());
        }
    }
    b.extend_from_slice(&0u32.to_le_bytes());
    b.resize(b.len() + data, 0xFF);
    b
}

#[test]
fn what_pack_writes_from_documents_check_accepts_verify_accepts() {
    let f = Fixture::information_system();
    f.file("docs/description.tif", &blank_scan());
    let mut f = f;
    f.edit(
        "description: docs/description.pdf",
        "description: docs/description.tif",
    );
    assert_eq!(f.document("description")["status"], "present");
    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("scan.zip");
    let out = pack(f.path(), &archive, &[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (code, out, err) = verify(&archive);
    assert_eq!(code, 0, "{out}{err}");
}

#[test]
fn pack_and_seal_open_the_dossier_where_it_is_whatever_its_name() {
    use std::os::unix::ffi::OsStrExt;
    let tree = tempfile::tempdir().unwrap();
    let names = [
        std::ffi::OsStr::new("ministry\\esedo"),
        std::ffi::OsStr::from_bytes(b"caf\xe9"),
        std::ffi::OsStr::new("zz"),
    ];
    for name in names {
        copy_dir(
            Fixture::information_system().path(),
            &tree.path().join(name),
        );
    }
    let out_dir = tempfile::tempdir().unwrap();
    let run = crate::support::dossier()
        .args(["pack", "--today", TODAY, "--out-dir"])
        .arg(out_dir.path())
        .arg(tree.path())
        .output()
        .unwrap();
    assert_eq!(
        run.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert_eq!(file_names(out_dir.path()).len(), 3);
    let run = crate::support::dossier()
        .args(["seal", "--today", TODAY])
        .arg(tree.path())
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(0));
    for name in names {
        assert!(tree.path().join(name).join("dossier.lock").is_file());
    }
    for archive in file_names(out_dir.path()) {
        let (code, out, err) = verify(&out_dir.path().join(archive));
        assert_eq!(code, 0, "{out}{err}");
    }
}

/// Rewrites `manifest.json` and `SHA256SUMS` of an unpacked archive to match its files, as a
/// forger would.
fn reseal_archive_folder(folder: &Path) {
    let sha = |p: &Path| {
        dossier_judge::integrity::sha256_of(std::fs::File::open(p).unwrap())
            .unwrap()
            .0
    };
    let mut manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(folder.join("manifest.json")).unwrap())
            .unwrap();
    let mut present = Vec::new();
    for e in walkdir::WalkDir::new(folder) {
        let e = e.unwrap();
        if e.file_type().is_file() {
            let name = e.path().strip_prefix(folder).unwrap().display().to_string();
            if name != "manifest.json" && name != "SHA256SUMS" {
                present.push(name);
            }
        }
    }
    let files = manifest["files"].as_array_mut().unwrap();
    files.retain(|f| present.contains(&f["name"].as_str().unwrap().to_string()));
    for name in &present {
        let path = folder.join(name);
        let size = std::fs::metadata(&path).unwrap().len();
        match files.iter_mut().find(|f| f["name"] == name.as_str()) {
            Some(f) => {
                f["sha256"] = sha(&path).into();
                f["size"] = size.into();
            }
            None => files.push(serde_json::json!({
                "name": name, "role": "dossier", "size": size, "sha256": sha(&path)
            })),
        }
    }
    let json = serde_json::to_string_pretty(&manifest).unwrap() + "\n";
    std::fs::write(folder.join("manifest.json"), &json).unwrap();
    let mut sums: Vec<String> = present
        .iter()
        .map(|n| format!("{}  {n}", sha(&folder.join(n))))
        .collect();
    sums.push(format!(
        "{}  manifest.json",
        sha(&folder.join("manifest.json"))
    ));
    sums.sort_by(|a, b| a[66..].cmp(&b[66..]));
    std::fs::write(folder.join("SHA256SUMS"), sums.join("\n") + "\n").unwrap();
}

#[test]
fn an_archive_cannot_carry_its_own_text_under_a_built_in_edition_id() {
    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("esedo.zip");
    pack(&root().join("sample-dossiers/esedo"), &archive, &[]);
    unzip(&archive, dir.path());
    let folder = dir.path().join("esedo");
    assert_eq!(verify(&folder).0, 0);
    // Two required documents removed, an edition without them under the built-in id.
    let yaml = std::fs::read_to_string(folder.join("dossier.yaml")).unwrap();
    let yaml: String = yaml
        .lines()
        .filter(|l| !l.contains("registered-users:") && !l.contains("deployment-scope:"))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(folder.join("dossier.yaml"), yaml).unwrap();
    for f in file_names(&folder.join("documents")) {
        if f.contains("registered-users") || f.contains("deployment-scope") {
            std::fs::remove_file(folder.join("documents").join(f)).unwrap();
        }
    }
    let text = dossier_model::edition::Editions::built_in_text("order-29-2024").unwrap();
    let lax: Vec<&str> = text
        .split("\n[[requirement]]")
        .filter(|b| {
            !b.contains("id = \"registered-users\"") && !b.contains("id = \"deployment-scope\"")
        })
        .collect();
    std::fs::create_dir_all(folder.join("rules")).unwrap();
    std::fs::write(
        folder.join("rules/order-29-2024.toml"),
        lax.join("\n[[requirement]]"),
    )
    .unwrap();
    let settings = std::fs::read_to_string(folder.join("dossier.toml")).unwrap();
    std::fs::write(
        folder.join("dossier.toml"),
        format!("editions = [\"rules/order-29-2024.toml\"]\n{settings}"),
    )
    .unwrap();
    reseal_archive_folder(&folder);
    // The forged edition really is consistent: `check` under it includes the dossier.
    let (_, d) = check_report(&folder, &[]);
    assert_eq!(d["dossiers"][0]["outcome"], "include", "{d}");
    let (code, out, err) = verify(&folder);
    assert_eq!(code, 1, "{out}{err}");
    assert!(
        out.contains("edition order-29-2024 is known, but its text is not the one packed"),
        "{out}"
    );
    assert!(out.contains("a fresh check gives refuse"), "{out}");
}

#[test]
fn a_swapped_document_with_a_rewritten_manifest_is_caught_by_the_application() {
    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("esedo.zip");
    pack(&root().join("sample-dossiers/esedo"), &archive, &[]);
    unzip(&archive, dir.path());
    let folder = dir.path().join("esedo");
    // An attachment the application lists, with its digest.
    let doc = folder.join("documents/01_03-1_services-functions_01.docx");
    std::fs::write(&doc, docx(&["Другой перечень услуг"])).unwrap();
    reseal_archive_folder(&folder);
    let (code, out, err) = verify(&folder);
    assert_eq!(code, 1, "{out}{err}");
    for name in ["cover-letter.kk.pdf", "cover-letter.ru.docx"] {
        assert!(
            out.contains(&format!("{name} is not the document this dossier gives")),
            "{out}"
        );
    }
    // A manifest field edited alone: the pages it records.
    unzip(&archive, dir.path());
    let mut manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(folder.join("manifest.json")).unwrap())
            .unwrap();
    for f in manifest["files"].as_array_mut().unwrap() {
        if f["pages"].is_u64() {
            f["pages"] = 99.into();
        }
    }
    std::fs::write(
        folder.join("manifest.json"),
        serde_json::to_string_pretty(&manifest).unwrap() + "\n",
    )
    .unwrap();
    reseal_archive_folder(&folder);
    let (code, out, _) = verify(&folder);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("the manifest's pages is not the file's"),
        "{out}"
    );
}

/// `review-notes.md` of an archive.
fn notes_of(archive: &Path) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(archive).unwrap()).unwrap();
    let name = zip
        .file_names()
        .find(|n| n.ends_with("review-notes.md"))
        .unwrap()
        .to_string();
    std::io::read_to_string(zip.by_name(&name).unwrap()).unwrap()
}

#[test]
fn the_review_notes_keep_file_names_as_text_in_the_drafts_language() {
    let mut f = Fixture::information_system();
    // Not a document: a finding names the file in the notes.
    let name = "docs/[click](https://example.org) <img src=x>.pdf";
    f.file(name, b"not a document at all, just text");
    f.edit(
        "description: docs/description.pdf",
        &format!("description: \"{name}\""),
    );
    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("x.zip");
    // An English terminal: the notes are still in a drafting language.
    let out = crate::support::dossier()
        .env("LANG", "en_US.UTF-8")
        .args(["pack", "--force-incomplete", "--today", TODAY, "-o"])
        .arg(&archive)
        .arg(f.path())
        .output()
        .unwrap();
    assert!(archive.exists(), "{}", String::from_utf8_lossy(&out.stderr));
    let notes = notes_of(&archive);
    // Escaped, so a Markdown viewer shows it as text: no live link, no raw HTML.
    assert!(
        !notes.contains("](https://") && !notes.contains(" <img"),
        "{notes}"
    );
    assert!(
        notes.contains("\\[click\\]\\(https://example.org\\)"),
        "{notes}"
    );
    assert!(
        notes.chars().any(|c| ('а'..='я').contains(&c)),
        "not in Russian: {notes}"
    );
}

#[test]
fn the_same_dossier_packs_to_the_same_bytes_by_a_relative_or_an_absolute_path() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.zip"), dir.path().join("b.zip"));
    let run = |path: &Path, out: &Path| {
        crate::support::dossier()
            .args(["pack", "--today", TODAY, "-o"])
            .arg(out)
            .arg(path)
            .current_dir(root())
            .output()
            .unwrap()
    };
    run(Path::new("sample-dossiers/esedo"), &a);
    run(&root().join("sample-dossiers/esedo"), &b);
    assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
}

/// Issue 21 item 5: the packed review notes say, for each packed draft, that the Russian text
/// is a working translation and which slips of the form it keeps or corrects; the 611/НҚ note
/// only for a draft dated on or after 08.01.2025.
#[test]
fn the_packed_review_notes_speak_of_each_draft_by_its_own_date() {
    for (date, amended) in [("2024-08-01", false), ("2025-01-08", true)] {
        let mut f = Fixture::information_system();
        f.edit(
            "review:",
            &format!("application: {{date: {date}}}\nreview:"),
        );
        let dir = tempfile::tempdir().unwrap();
        let archive = dir.path().join("x.zip");
        let out = crate::support::dossier()
            .args([
                "pack",
                "--lang",
                "ru",
                "--force-incomplete",
                "--today",
                TODAY,
                "-o",
            ])
            .arg(&archive)
            .arg(f.path())
            .output()
            .unwrap();
        assert!(archive.exists(), "{}", String::from_utf8_lossy(&out.stderr));
        let notes = notes_of(&archive);
        for draft in [
            "application.ru.pdf",
            "application.kk.pdf",
            "cover-letter.ru.pdf",
        ] {
            assert!(notes.contains(draft), "{draft}: {notes}");
        }
        assert!(notes.contains("рабочий перевод"), "{notes}");
        assert!(
            notes.contains("«инфрақұрылымы»"),
            "the form's slip: {notes}"
        );
        assert_eq!(notes.contains("611/НҚ"), amended, "{date}: {notes}");
    }
}
